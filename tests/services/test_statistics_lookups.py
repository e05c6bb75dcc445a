"""The year's figures that look records up by incident id agree with their definitions (issue 12).

The headline's partner (IPV) incidents and the year's counted referrals are read through two small
partial indexes (migration 0015): the partner perpetrators, and the incidents no figure counts (a
referral counts unless its incident is one of them). Those indexes hold a definition twice, in SQL
and in ``catalogue``; here each month's figures are recounted in Python from the records
themselves, in an office where every kind of incident the indexes must tell apart has a partner
perpetrator (first or second) and referrals: counted, not GBV, without consent, deleted, and a
referral made months after its incident was reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from shsc_desktop.models.tables import Incident, Referral
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.reporting import catalogue as cat
from shsc_desktop.services.statistics import MonthlyStatistics, StatisticsService
from shsc_desktop.values import period as period_values
from shsc_desktop.values.changes import NOTHING
from tests.exports.records import add_incident, add_referral, fixture_office

MONTHS = ("2025-03", "2025-06", "2025-12")
PARTNER_SECOND = [("neighbour_friend", "26_40"), ("former_partner", "26_40")]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedOffice]:
    office = fixture_office(tmp_path_factory.mktemp("statistics-lookups") / "office")
    with office.transaction(NOTHING) as s:
        seq = 100
        for day in (
            date(2024, 3, 9),
            date(2024, 12, 20),
            date(2025, 2, 3),
            date(2025, 5, 14),
            date(2025, 6, 2),
        ):
            kinds = (
                {"gbv_type": "physical_assault", "perpetrators": PARTNER_SECOND},
                {"gbv_type": "psych_emotional", "perpetrators": [("current_partner", "18_25")]},
                {"gbv_type": "non_gbv", "perpetrators": [("boyfriend", "18_25")]},
                {"gbv_type": "rape", "perpetrators": [("boyfriend", "18_25")], "consent": False},
                {"gbv_type": "sexual_assault", "perpetrators": PARTNER_SECOND, "deleted": True},
                {"gbv_type": "rape", "perpetrators": [("stranger", "41_60")]},
            )
            for kind in kinds:
                seq += 1
                incident = add_incident(s, seq, day, **kind)  # type: ignore[arg-type]
                add_referral(s, incident, day, "health", outcome="received")
                # A later referral of the same incident, dated (and counted) in a later month.
                add_referral(s, incident, date(2025, 6, 20), "legal")
    yield office
    office.lock("test end")


def recounted(office: UnlockedOffice, period: str) -> tuple[dict[str, int], dict[str, int]]:
    """IPV incidents and counted referrals per month, from the records and the Python rules."""
    ipv: dict[str, int] = {}
    referrals: dict[str, int] = {}
    with office.reading() as s:
        incidents = s.scalars(select(Incident).options(selectinload(Incident.perpetrators))).all()
        counted = {
            i.id for i in incidents if not i.deleted and i.consent_reporting and i.gbv_type != cat.NON_GBV
        }
        for i in incidents:
            if i.id in counted and cat.is_ipv(i.gbv_type, [p.relationship_code for p in i.perpetrators]):
                ipv[i.period] = ipv.get(i.period, 0) + 1
        for r in s.scalars(select(Referral)).all():
            if not r.deleted and r.incident_id in counted:
                referrals[r.period] = referrals.get(r.period, 0) + 1
    first = period_values.shift(period, -12)
    months = [period_values.shift(first, i) for i in range(13)]
    return {m: ipv.get(m, 0) for m in months}, {m: referrals.get(m, 0) for m in months}


@pytest.mark.parametrize("period", MONTHS)
def test_partner_incidents_and_counted_referrals_match_the_records(
    office: UnlockedOffice, period: str
) -> None:
    stats: MonthlyStatistics = StatisticsService(office).monthly(period)
    ipv, referrals = recounted(office, period)
    last_year = period_values.shift(period, -12)
    ytd = [m for m in ipv if m >= f"{period[:4]}-01"]
    headline = stats.table("headline")
    assert headline.value("ipv_incidents", "this_month") == ipv[period]
    assert headline.value("ipv_incidents", "same_month_last_year") == ipv[last_year]
    assert headline.value("ipv_incidents", "year_to_date") == sum(ipv[m] for m in ytd)
    assert headline.value("referrals_made", "this_month") == referrals[period]
    assert headline.value("referrals_made", "same_month_last_year") == referrals[last_year]
    assert headline.value("referrals_made", "year_to_date") == sum(referrals[m] for m in ytd)
    trend = stats.table("trend")
    for month in trend.rows:
        assert trend.value(month, "referrals") == referrals[month], month
    # The records do hold what the indexes must tell apart: not a vacuous comparison.
    assert sum(ipv.values()) and sum(referrals.values())
    if period == "2025-06":
        assert referrals[period] > ipv[period] > 0
