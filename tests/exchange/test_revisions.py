"""A bundle's revision is its approval snapshot's revision (issue 9, "approval = a signed snapshot").

Real offices (the Exchange world): commune 120101 has approved last month (snapshot revision 1)
and sent nothing. A referral of last month is recorded late (case work after approval), the chief
approves the changed figures (snapshot revision 2) and only then exports: the bundle is revision 2,
not "the first bundle sent, so 1". Exporting the same approval again is the same bundle (same
payload bytes, bundle id and sequence), which the district treats as already imported.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from shsc_desktop.models.tables import BundleReceived, ExportRecord, Incident
from shsc_desktop.services.completeness import CompletenessService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.reports import ReportService
from shsc_desktop.values.changes import NOTHING

from ..exports.records import add_referral
from ..ui.exchange_world import PERIOD, open_office


def test_a_reapproved_month_exports_its_snapshots_revision(world_dir: Path, tmp_path: Path) -> None:
    commune = open_office(world_dir, "120101")
    try:
        assert ReportService(commune).monthly_statistics(PERIOD).revision == 1
        with commune.transaction(NOTHING) as s:
            incident = s.scalars(select(Incident).where(Incident.period == PERIOD)).first()
            assert incident is not None
            add_referral(s, incident, dt.date(int(PERIOD[:4]), int(PERIOD[5:]), 20), "health")
        MonthService(commune).approve(PERIOD)  # the figures changed: revision 2
        approved = ReportService(commune).monthly_statistics(PERIOD)
        assert approved.revision == 2
        assert approved.table("headline").value("referrals_made", "this_month") == 1

        exporter = ExportService(commune)
        first = exporter.export_month(PERIOD, tmp_path / "usb")
        assert (first.revision, first.sequence, first.reexport) == (2, 1, False)
        assert first.path.name.endswith("-r2.shsc")
        again = exporter.export_month(PERIOD, tmp_path / "again")
        assert again.reexport and (again.bundle_id, again.sequence, again.revision) == (
            first.bundle_id,
            first.sequence,
            2,
        )
        with commune.reading() as s:
            payloads = list(s.scalars(select(ExportRecord.payload).order_by(ExportRecord.created_at)))
        assert len(payloads) == 2 and payloads[0] == payloads[1]  # the same signed payload, byte for byte
    finally:
        commune.lock("test")

    district = open_office(world_dir, "1201")
    try:
        importer = ImportService(district)
        assert (
            importer.verify_file(again.path).content_sha256 == importer.verify_file(first.path).content_sha256
        )
        assert [r.outcome for r in importer.import_files([first.path, again.path]).results] == [
            "imported",
            "already_imported",
        ]
        with district.reading() as s:
            received = s.scalars(select(BundleReceived)).one()
        assert (received.revision, received.sequence) == (2, 1)
        referrals = (
            CompletenessService(district)
            .district_totals(PERIOD)
            .table("headline")
            .value("referrals_made", "this_month")
        )
        assert referrals == 1  # the figures of revision 2
    finally:
        district.lock("test")
