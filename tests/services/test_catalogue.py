"""One definition per indicator (issue 9 point 4): Home, the summary and the bundle agree.

May 2025 of a fresh office holds the cases that used to split the screens: IPV by a *second*
perpetrator, a non-GBV incident by a partner, an incident without consent, and action points due on
and before the month's last day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from shsc_desktop.models import codes
from shsc_desktop.services.home import HomeService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.reporting.catalogue import CATALOGUE, TABLE_SPECS, bundle_table_schema
from shsc_desktop.services.statistics import MonthlyStatistics, StatisticsService
from shsc_desktop.values.changes import NOTHING
from tests.exports.records import add_incident, add_meeting, add_referral, fixture_office

DOCS = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedOffice]:
    office = fixture_office(tmp_path_factory.mktemp("catalogue") / "office")
    d = date
    with office.transaction(NOTHING) as s:
        # IPV by the second perpetrator only: IPV (any perpetrator is a partner).
        add_incident(
            s, 51, d(2025, 5, 2), "physical_assault",
            perpetrators=[("other_family", "41_60"), ("current_partner", "26_40")],
        )  # fmt: skip
        # IPV by the first perpetrator.
        add_incident(s, 52, d(2025, 5, 3), "psych_emotional", perpetrators=[("boyfriend", "18_25")])
        # Non-GBV by a partner: not a GBV figure, not IPV; counted apart.
        nongbv = add_incident(s, 53, d(2025, 5, 4), "non_gbv", perpetrators=[("current_partner", "26_40")])
        add_referral(s, nongbv, d(2025, 5, 5), "legal")
        # No consent to reporting: counted nowhere (neither on Home nor in the summary).
        add_incident(
            s, 54, d(2025, 5, 6), "rape", consent=False, perpetrators=[("former_partner", "26_40")]
        )  # fmt: skip
        # Action points: one due on the last day (not past due), one due the day before (past due).
        add_meeting(
            s, d(2025, 5, 10), "ccwc",
            attendance={"ccwc": (3, 2)},
            actions=[("open", d(2025, 5, 31)), ("in_progress", d(2025, 5, 30)), ("done", d(2025, 5, 1))],
        )  # fmt: skip
    yield office
    office.lock("test end")


@pytest.fixture(scope="module")
def may(office: UnlockedOffice) -> MonthlyStatistics:
    return StatisticsService(office).monthly("2025-05")


def test_ipv_is_any_partner_and_gbv_only(may: MonthlyStatistics) -> None:
    h = may.table("headline").as_mapping()
    assert h["new_incidents"]["this_month"] == 2
    assert h["ipv_incidents"]["this_month"] == 2  # the second perpetrator counts; non-GBV does not
    # Year to date: March's physical assault by a husband, its emotional abuse by an ex-partner, the
    # February assault by a boyfriend, and May's two.
    assert h["ipv_incidents"]["year_to_date"] == 5


def test_non_gbv_incidents_are_reported_apart(may: MonthlyStatistics) -> None:
    h = may.table("headline").as_mapping()
    assert h["non_gbv_incidents"]["this_month"] == 1
    assert h["referrals_made"]["this_month"] == 0  # the non-GBV incident's referral is not a GBV figure
    types = may.table("incidents_by_type_child_adult")
    assert "non_gbv" not in types.rows
    assert types.total == 2
    assert may.table("perpetrator_relationship").total == 2
    assert may.table("survivor_sex").total == 2


def test_home_counts_what_the_summary_counts(office: UnlockedOffice, may: MonthlyStatistics) -> None:
    home = HomeService(office).summary(date(2025, 5, 31))
    h = may.table("headline").as_mapping()
    assert home.incidents == h["new_incidents"]["this_month"] == 2  # the unconsented rape is left out
    assert home.ipv_incidents == h["ipv_incidents"]["this_month"]
    assert home.non_gbv_incidents == h["non_gbv_incidents"]["this_month"]
    assert home.referrals == h["referrals_made"]["this_month"]
    assert home.meetings == h["meetings_held"]["this_month"]


def test_past_due_is_strictly_before_the_day(office: UnlockedOffice, may: MonthlyStatistics) -> None:
    items = may.table("action_items_by_status").as_mapping()
    # At 31 May: the item due on 31 May is not late; the one due on 30 May is, and so are March's
    # items due on 25 March and 30 April and February's due on 1 March.
    open_items = {"open": items["open"], "in_progress": items["in_progress"]}
    assert sum(v["overdue"] for v in open_items.values()) == 4
    home = HomeService(office).summary(date(2025, 5, 31))
    assert home.overdue_action_items == 4


def test_every_computed_table_matches_the_schema(may: MonthlyStatistics) -> None:
    schema = bundle_table_schema()
    for table in may.tables:
        spec = schema[table.key]
        assert "commune" in spec["levels"]
        assert list(table.cols) == spec["cols"], table.key
        assert table.additive == spec["additive"], table.key
        assert table.row_list == spec["row_list"] and table.col_list == spec["col_list"]
        if spec["rows"] is None:
            assert all(re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", r) for r in table.rows)
        else:
            assert list(table.rows) == spec["rows"], table.key
    assert {t.key for t in may.tables} == {k for k, v in schema.items() if "commune" in v["levels"]}


def test_docs_describe_every_indicator_in_both_languages() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for indicator in CATALOGUE:
        assert f"`{indicator.id}`" in text, indicator.id
        assert indicator.en in text and indicator.km in text, indicator.id
        assert indicator.table.split("/")[0] in TABLE_SPECS
    for row in codes.HEADLINE:
        assert row.code in {i.id for i in CATALOGUE}
