"""Approval = a stored snapshot (issue 9 points 1–3, issue 8 point 9).

October 2025 holds four rapes: one referred to health after 72 hours, three not referred. The chief
approves October on 1 November. On 20 November a health referral is recorded for one of the
October rapes: the approved October (every print and export) must still say 1 and 3, the live
figures say 2 and 2, Reports and Home say so, and approving a revision makes 2 and 2 revision 2.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from shsc_desktop.errors import ValidationFailed
from shsc_desktop.models.base import utcnow
from shsc_desktop.models.tables import ActionItem, AuditEntry, Incident, MonthSnapshot
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.home import HomeService
from shsc_desktop.services.meetings import MeetingService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.services.reports import ReportService
from shsc_desktop.services.statistics import StatisticsService
from shsc_desktop.values.changes import NOTHING
from shsc_desktop.values.period import Period, parse, phnom_penh_today
from tests.exports.records import add_incident, add_meeting, add_referral

OCTOBER = "2025-10"


def rape_health(table_owner: object) -> dict[str, int]:
    table = table_owner.table("rape_health_referral")  # type: ignore[attr-defined]
    return {r: table.value(r) for r in ("after_72h", "no_health_referral")}


@pytest.fixture
def office(tmp_path: Path) -> Iterator[UnlockedOffice]:
    folder = OfficeFolder(tmp_path / "office", kdf=KdfParams.fast_for_tests())
    office, _ = folder.create("commune", "120101", "chief", "chief-password", "Chief Sokha")
    d = date
    with office.transaction(NOTHING) as s:
        first = add_incident(s, 1, d(2025, 10, 2), "rape", occurred=d(2025, 10, 1), follow_up=d(2025, 10, 20))
        add_referral(s, first, d(2025, 10, 10), "health")
        for seq in (2, 3, 4):
            add_incident(s, seq, d(2025, 10, 3 + seq), "rape", occurred=d(2025, 10, 2 + seq))
        add_meeting(
            s, d(2025, 10, 15), "ccwc", attendance={"ccwc": (3, 2)}, actions=[("open", d(2025, 11, 5))]
        )
    yield office
    office.lock("test end")


def approve(office: UnlockedOffice, on: date = date(2025, 11, 1)) -> None:
    MonthService(office, today=lambda: on).approve(OCTOBER)


def late_health_referral(office: UnlockedOffice) -> None:
    """20 November: a health referral for an October rape (case work after approval)."""
    with office.transaction(NOTHING) as s:
        rape = s.scalar(select(Incident).where(Incident.incident_code == "KH-120101-202510-002"))
        assert rape is not None
        referral = add_referral(s, rape, date(2025, 11, 20), "health")
        referral.created_at = referral.updated_at = utcnow()  # recorded now, after the approval


def test_an_approved_month_keeps_its_figures_after_case_work(office: UnlockedOffice, tmp_path: Path) -> None:
    approve(office)
    reports = ReportService(office)
    assert rape_health(reports.monthly_statistics(OCTOBER)) == {"after_72h": 1, "no_health_referral": 3}

    late_health_referral(office)
    # The live figures changed …
    assert rape_health(StatisticsService(office).monthly(OCTOBER)) == {
        "after_72h": 2,
        "no_health_referral": 2,
    }
    # … but every print and export of approved October shows what was approved (revision 1).
    approved = reports.monthly_statistics(OCTOBER)
    assert approved.revision == 1 and approved.month_status == "approved"
    assert rape_health(approved) == {"after_72h": 1, "no_health_referral": 3}
    pdf = reports.monthly_summary_pdf(OCTOBER, "en", tmp_path / "october.pdf")
    assert pdf.stat().st_size > 0
    tables = ExportService(office)._commune_tables(OCTOBER)
    assert tables is not None
    assert tables["rape_health_referral"]["cells"]["after_72h"]["count"] == 1

    # Reports and the chief's Home say the live figures differ.
    figures = reports.month_figures(OCTOBER)
    changed = {(c.table, c.row, c.col): (c.approved, c.live) for c in figures.changes}
    assert changed[("rape_health_referral", "after_72h", "count")] == (1, 2)
    assert changed[("rape_health_referral", "no_health_referral", "count")] == (3, 2)
    home = HomeService(office).summary(date(2025, 11, 25))
    assert home.approval_period == OCTOBER and home.revision == 1 and home.figures_changed

    # Approving a revision makes the live figures revision 2.
    approve(office, on=date(2025, 11, 25))
    revised = reports.monthly_statistics(OCTOBER)
    assert revised.revision == 2
    assert rape_health(revised) == {"after_72h": 2, "no_health_referral": 2}
    assert not reports.month_figures(OCTOBER).changes
    assert not HomeService(office).summary(date(2025, 11, 25)).figures_changed
    with pytest.raises(ValidationFailed):  # nothing changed since revision 2
        approve(office, on=date(2025, 11, 26))


def test_the_audit_log_holds_each_revisions_hash(office: UnlockedOffice) -> None:
    approve(office)
    late_health_referral(office)
    approve(office, on=date(2025, 11, 25))
    with office.reading() as s:
        stored = {
            r.revision: r for r in s.scalars(select(MonthSnapshot).where(MonthSnapshot.period == OCTOBER))
        }
        entries = [
            json.loads(e.details)
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.action == "month_approved").order_by(AuditEntry.seq)
            )
        ]
    assert [e["revision"] for e in entries] == [1, 2]
    for entry in entries:
        row = stored[entry["revision"]]
        assert entry["sha256"] == row.sha256 == hashlib.sha256(row.statistics.encode("utf-8")).hexdigest()


def test_a_snapshot_that_no_longer_matches_its_hash_is_a_damaged_database(office: UnlockedOffice) -> None:
    """Altered approved figures are refused with a typed, translated error (a damaged database to
    restore), not a bare ValueError that would reach the crash dialog as a bug."""
    from shsc_desktop.errors import DatabaseDamaged, SnapshotDamaged
    from shsc_desktop.services import snapshots

    approve(office)
    with office.transaction(NOTHING) as s:
        row = s.scalars(select(MonthSnapshot).where(MonthSnapshot.period == OCTOBER)).one()
        three, two = '"no_health_referral":{"count":3}', '"no_health_referral":{"count":2}'
        altered = row.statistics.replace(three, two)
        assert altered != row.statistics
        row.statistics = altered
    with office.reading() as s, pytest.raises(SnapshotDamaged) as caught:
        snapshots.latest(s, OCTOBER)
    assert isinstance(caught.value, DatabaseDamaged) and caught.value.code == "database_damaged"
    assert caught.value.period == OCTOBER and OCTOBER in str(caught.value)
    assert "Restore it from a backup" in str(caught.value)
    with pytest.raises(SnapshotDamaged):  # every print and export of the month reads it so
        snapshots.published(office, OCTOBER)


def test_edited_after_approval_counts_real_changes(office: UnlockedOffice) -> None:
    approve(office)
    stats = StatisticsService(office).monthly
    assert stats(OCTOBER).table("data_quality").value("edited_after_approval") == 0
    late_health_referral(office)  # a referral for an October incident, recorded in November
    assert stats(OCTOBER).table("data_quality").value("edited_after_approval") == 1


def test_action_items_go_on_after_approval(office: UnlockedOffice) -> None:
    approve(office)
    with office.reading() as s:
        item_id = s.scalar(select(ActionItem.id))
    assert item_id is not None
    MeetingService(office).set_action_status(item_id, "done")  # no MonthLocked
    live = StatisticsService(office).monthly(OCTOBER).table("action_items_by_status")
    assert live.value("done", "count") == 1
    assert (
        ReportService(office)
        .monthly_statistics(OCTOBER)
        .table("action_items_by_status")
        .value("open", "count")
        == 1
    )


def test_a_month_is_approved_only_after_its_last_day_in_phnom_penh(office: UnlockedOffice) -> None:
    with pytest.raises(ValidationFailed) as refused:
        MonthService(office, today=lambda: date(2025, 10, 31)).approve(OCTOBER)
    assert "last day" in str(refused.value.problems["period"])
    # 31 October 18:00 UTC is already 1 November in Phnom Penh (UTC+7): October has ended there.
    evening = datetime(2025, 10, 31, 18, 0, tzinfo=UTC)
    assert phnom_penh_today(evening) == date(2025, 11, 1)
    assert parse(OCTOBER).has_ended(phnom_penh_today(evening))
    assert not parse(OCTOBER).has_ended(phnom_penh_today(datetime(2025, 10, 31, 16, 0, tzinfo=UTC)))
    MonthService(office, today=lambda: phnom_penh_today(evening)).approve(OCTOBER)
    assert MonthService(office).status(OCTOBER).revision == 1


def test_period_values() -> None:
    p = parse("2024-02")
    assert (p.first_day, p.last_day) == (date(2024, 2, 1), date(2024, 2, 29))
    assert str(p.shift(-2)) == "2023-12" and str(p.shift(11)) == "2025-01"
    assert Period.of(date(2025, 3, 9)) == Period(2025, 3)
    for bad in ("2025-13", "25-01", "2025-1", "", None, "2025-01-01"):
        with pytest.raises(ValidationFailed):
            parse(bad)
