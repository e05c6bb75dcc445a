"""Synthetic data fills every register through the services; the audit chain stays whole."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from shsc_desktop.models.tables import AuditEntry, Incident
from shsc_desktop.security import audit
from shsc_desktop.services import synthetic
from shsc_desktop.services.contacts import ContactService
from shsc_desktop.services.home import HomeService
from shsc_desktop.services.incidents import IncidentFilters, IncidentService
from shsc_desktop.services.meetings import MeetingService
from shsc_desktop.services.months import add_months, period_of
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.referrals import ReferralService

TODAY = date.today()


def test_three_months_of_synthetic_data_fill_every_register(chief: UnlockedOffice) -> None:
    counts = synthetic.generate(chief, months=3, seed=11)
    assert counts["contacts"] == 12 and counts["incidents"] >= 10
    assert counts["referrals"] > 0 and counts["meetings"] >= 3 and counts["action_items"] >= 3

    incidents = IncidentService(chief)
    rows, total = incidents.query(limit=1000)
    assert total == counts["incidents"]
    periods = {add_months(period_of(TODAY), -i) for i in range(3)}
    assert {r.date_reported.strftime("%Y-%m") for r in rows} == periods
    assert all(r.date_reported <= TODAY for r in rows)
    ipv = sum("ipv" in r.case_context for r in rows)
    assert (
        ipv == max(sum(r.gbv_type == t for r in rows) for t in {r.gbv_type for r in rows}) or ipv > total / 3
    )  # IPV the most common context
    assert len({r.gbv_type for r in rows}) >= 4
    details = incidents.get_identifying(rows[0].id)
    assert details.survivor_name.endswith("(synthetic)")

    assert all(c.name_en.endswith("(synthetic)") for c in ContactService(chief).search())
    assert MeetingService(chief).list_meetings()
    assert ReferralService(chief).due_follow_ups(TODAY, days_ahead=60) is not None
    summary = HomeService(chief).summary(TODAY)
    assert summary.incidents == sum(r.date_reported.strftime("%Y-%m") == period_of(TODAY) for r in rows)
    with chief.reading() as s:
        report = audit.verify(s)
        created = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "record_created")
        )
    assert report.ok
    assert created == counts["incidents"] + counts["referrals"] + counts["meetings"] + counts["contacts"]


def test_bulk_incidents_for_benchmarks_are_searchable_by_code_only(clerk: UnlockedOffice) -> None:
    assert synthetic.bulk_incidents(clerk, 1500, seed=3) == 1500
    incidents = IncidentService(clerk)
    rows, total = incidents.query(IncidentFilters(search="0042"))
    assert total >= 1 and all("0042" in r.incident_code or "0042" in r.survivor_code for r in rows)
    assert incidents.query(IncidentFilters(search="Survivor B0000"))[1] == 0  # names never match
    with clerk.reading() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 1500
        assert audit.verify(s).ok
    first_page, _ = incidents.query(limit=50)
    assert [r.date_reported for r in first_page] == sorted(
        (r.date_reported for r in first_page), reverse=True
    )
