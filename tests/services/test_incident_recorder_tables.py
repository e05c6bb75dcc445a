"""The Incident Recorder's tables of the incident (issue 11 points 4 and 5), recounted in plain SQL.

A month of incidents is written with every field these tables read varied at random (place, time of
day, who reported, first contact, reported before, goods or money exchanged, zero to five
perpetrators of either sex, ages, dates), plus the records every figure must leave out (deleted, no
consent to reporting, non-GBV, another month). Each new table of the monthly statistics is then
counted again here with SQL written from the definitions in ``docs/indicators.md`` — not through
the statistics service or the catalogue's conditions — and the two must agree cell by cell.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from shsc_desktop.models import codes
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.reporting.catalogue import HEADLINE_TOTALS, TABLE_SPECS
from shsc_desktop.services.statistics import MonthlyStatistics, StatisticsService
from shsc_desktop.values.changes import NOTHING
from tests.exports.records import add_incident, fixture_office

PERIOD = "2025-06"
TYPES = [c for c in codes.GBV_TYPE.codes() if c != "non_gbv"]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedOffice]:
    office = fixture_office(tmp_path_factory.mktemp("irtables") / "office")
    rng = random.Random(20250611)
    with office.transaction(NOTHING) as s:
        for seq in range(1, 181):
            reported = date(2025, 6, rng.randint(1, 30))
            gbv_type = rng.choice([*TYPES, "rape", "rape", "non_gbv"])
            perpetrators = [
                (
                    rng.choice(codes.RELATIONSHIP.codes()),
                    rng.choice(codes.AGE_GROUP.codes()),
                    rng.choice(["male"] * 4 + ["female", "unknown"]),
                )
                for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3, 4, 5]))
            ]
            add_incident(
                s, 600 + seq, reported, gbv_type,
                age=rng.choice([None, *range(5, 70)]),
                consent=rng.random() < 0.9,
                deleted=rng.random() < 0.05,
                perpetrators=perpetrators,
                occurred=None if rng.random() < 0.15 else reported - timedelta(days=rng.randint(-2, 50)),
                location_type=rng.choice(codes.LOCATION_TYPE.codes()),
                time_of_day=rng.choice(codes.TIME_OF_DAY.codes()),
                reported_by=rng.choice(codes.REPORTED_BY.codes()),
                first_point_of_contact=rng.random() < 0.7,
                previously_reported=rng.choice(codes.YES_NO_UNKNOWN.codes()),
                goods_money_exchanged=rng.choice(codes.YES_NO_UNKNOWN.codes()),
            )  # fmt: skip
        # Another month's incident: counted in June by nothing.
        add_incident(s, 999, date(2025, 7, 1), "rape", location_type="market")
    yield office
    office.lock("test end")


@pytest.fixture(scope="module")
def june(office: UnlockedOffice) -> MonthlyStatistics:
    return StatisticsService(office).monthly(PERIOD)


# The month's counted incidents, written out here: live, consented, GBV, reported in June.
COUNTED = """
    SELECT * FROM incident
    WHERE period = :period AND deleted = 0 AND consent_reporting = 1 AND gbv_type != 'non_gbv'
"""
PERPETRATORS = """
    SELECT i.*,
        (SELECT count(*) FROM perpetrator p WHERE p.incident_id = i.id) AS n,
        (SELECT count(*) FROM perpetrator p WHERE p.incident_id = i.id AND p.sex = 'male') AS males,
        (SELECT count(*) FROM perpetrator p WHERE p.incident_id = i.id AND p.sex = 'female') AS females,
        EXISTS (SELECT 1 FROM perpetrator p WHERE p.incident_id = i.id
                AND p.relationship IN ('current_partner', 'former_partner', 'boyfriend')) AS partner
    FROM ({counted}) i
"""
RECOUNTS: dict[str, str] = {
    "incidents_by_place": "SELECT location_type, 'count', count(*) FROM ({counted}) GROUP BY 1",
    "incidents_by_time_of_day": "SELECT time_of_day, 'count', count(*) FROM ({counted}) GROUP BY 1",
    "previously_reported": "SELECT previously_reported, 'count', count(*) FROM ({counted}) GROUP BY 1",
    "incidents_by_reporter": """
        SELECT reported_by,
               CASE first_point_of_contact WHEN 1 THEN 'first_contact' ELSE 'contacted_before' END,
               count(*)
        FROM ({counted}) GROUP BY 1, 2
    """,
    "perpetrator_count": """
        SELECT CASE n WHEN 0 THEN 'unknown' WHEN 1 THEN 'one' WHEN 2 THEN 'two' WHEN 3 THEN 'three'
                    ELSE 'more_than_three' END, 'count', count(*)
        FROM ({perpetrators}) GROUP BY 1
    """,
    "perpetrator_sex": """
        SELECT CASE WHEN males > 0 AND females > 0 THEN 'male_and_female'
                    WHEN males > 0 THEN 'male' WHEN females > 0 THEN 'female' ELSE 'unknown' END,
               'count', count(*)
        FROM ({perpetrators}) GROUP BY 1
    """,
    "rape_time_to_report": """
        SELECT CASE WHEN d IS NULL OR d < 0 THEN 'unknown' WHEN d <= 3 THEN '0_3_days'
                    WHEN d <= 5 THEN '4_5_days' WHEN d <= 14 THEN '6_14_days'
                    WHEN d <= 31 THEN '2_weeks_1_month' ELSE 'over_1_month' END,
               'count', count(*)
        FROM (SELECT CAST(julianday(date_reported) - julianday(date_of_incident) AS INTEGER) AS d
              FROM ({counted}) WHERE gbv_type = 'rape')
        GROUP BY 1
    """,
    # Several contexts per incident (or none): one SELECT per context.
    "incidents_by_case_context": """
        SELECT 'ipv', 'count', count(*) FROM ({perpetrators}) WHERE partner
        UNION ALL
        SELECT 'child_sexual_abuse', 'count', count(*) FROM ({counted})
            WHERE survivor_age < 18 AND gbv_type IN ('rape', 'sexual_assault')
        UNION ALL
        SELECT 'early_marriage', 'count', count(*) FROM ({counted})
            WHERE survivor_age < 18 AND gbv_type = 'forced_marriage'
        UNION ALL
        SELECT 'possible_sexual_exploitation', 'count', count(*) FROM ({counted})
            WHERE goods_money_exchanged = 'yes' AND gbv_type IN ('rape', 'sexual_assault')
    """,
}


def recount(office: UnlockedOffice, key: str) -> dict[tuple[str, str], int]:
    perpetrators = PERPETRATORS.format(counted=COUNTED)
    sql = RECOUNTS[key].format(counted=COUNTED, perpetrators=perpetrators)
    with office.reading() as s:
        rows = s.execute(text(sql), {"period": PERIOD}).all()
    return {(str(r), str(c)): int(n) for r, c, n in rows if n}


def cells(table: Any) -> dict[tuple[str, str], int]:
    return {(r, c): int(v) for r, line in table.as_mapping().items() for c, v in line.items() if v}


@pytest.mark.parametrize("key", sorted(RECOUNTS))
def test_each_new_table_matches_a_plain_sql_recount(
    office: UnlockedOffice, june: MonthlyStatistics, key: str
) -> None:
    table = june.table(key)
    expected = recount(office, key)
    assert sum(expected.values()) > 0, key  # the month gives the table something to count
    assert cells(table) == expected
    spec = TABLE_SPECS[key]
    assert table.rows == spec.rows and table.cols == spec.cols  # every code listed, zeros included


def test_the_new_tables_add_up_to_the_headline(office: UnlockedOffice, june: MonthlyStatistics) -> None:
    with office.reading() as s:
        counted = s.execute(text(f"SELECT count(*) FROM ({COUNTED})"), {"period": PERIOD}).scalar_one()
        rapes = s.execute(
            text(f"SELECT count(*) FROM ({COUNTED}) WHERE gbv_type = 'rape'"), {"period": PERIOD}
        ).scalar_one()
    assert june.table("headline").value("new_incidents", "this_month") == counted > 100
    new_keys = set(RECOUNTS) - {"incidents_by_case_context", "rape_time_to_report"}
    for key in new_keys:
        assert june.table(key).total == counted, key
        assert (key, "total", "new_incidents") in HEADLINE_TOTALS, key  # checked on import
    assert june.table("rape_time_to_report").total == rapes > 0
    assert june.table("rape_health_referral").total == rapes  # the referral-based one, beside it
    context = june.table("incidents_by_case_context")
    assert not context.additive and context.total is None  # several contexts per incident
    assert context.value("ipv") == june.table("headline").value("ipv_incidents", "this_month")
