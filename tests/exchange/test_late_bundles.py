"""Issue 9 point 8: a legitimate late bundle is imported; a true replay is still refused; the bundle
numbers that never arrived are shown to the district as gaps.

Real offices (the Exchange world): commune 120101 approves and exports October-like month A
(bundle 1) and month B (bundle 2); the district imports B first and A in a later import.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

from pathlib import Path

import sqlalchemy

from shsc_desktop.services.completeness import CompletenessService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.months import MonthService

from ..ui.exchange_world import PERIOD, open_office, previous_period
from .commune_signer import CommuneSigner, genuine_tables

EARLIER = previous_period(2)


def test_late_bundle_fills_its_gap_and_a_replay_is_refused(qtbot, world_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune = open_office(world_dir, "120101")
    try:
        MonthService(commune).approve(EARLIER)
        exporter = ExportService(commune)
        early = exporter.export_month(EARLIER, tmp_path / "usb")
        late = exporter.export_month(PERIOD, tmp_path / "usb")
        assert (early.sequence, late.sequence) == (1, 2)
        # the export history is plain values, not database rows a view could lazy-load from
        history = exporter.history()
        assert sorted((h.sequence, h.period) for h in history) == [(1, EARLIER), (2, PERIOD)]
        assert all(sqlalchemy.inspect(h, raiseerr=False) is None for h in history)
        signer = CommuneSigner.of(commune)
        tables = genuine_tables(commune, EARLIER)
    finally:
        commune.lock("test")

    district = open_office(world_dir, "1201")
    try:
        importer = ImportService(district)
        first = importer.import_files([late.path])
        assert first.imported == 1 and first.results[0].gap == 1
        tally, periods = CompletenessService(district), [EARLIER, PERIOD]
        assert tally.completeness(periods).gaps == {"120101": (1,)}

        from shsc_desktop.views.district import CompletenessPanel

        panel = CompletenessPanel(district)
        qtbot.addWidget(panel)
        from shsc_desktop.views import operations

        qtbot.waitUntil(lambda: operations.running_count() == 0, timeout=15_000)  # read in the background
        assert not panel.gaps.isHidden()
        assert "120101: no. 1" in panel.gaps.text()

        # the earlier month arrives in a later import: accepted, not "replayed"
        second = importer.import_files([early.path])
        assert second.imported == 1, second.results
        assert second.results[0].gap == 0
        assert tally.completeness(periods).gaps == {}
        panel.refresh()
        qtbot.waitUntil(lambda: operations.running_count() == 0, timeout=15_000)
        assert panel.gaps.isHidden()

        # a re-export of the same approval is the same bundle: a no-op, never a replay
        commune = open_office(world_dir, "120101")
        try:
            again = ExportService(commune).export_month(EARLIER, tmp_path / "again")
        finally:
            commune.lock("test")
        assert again.reexport and again.sequence == early.sequence
        assert importer.import_files([again.path]).already_imported == 1

        # a true replay: another bundle reusing a number already received is refused
        forged = signer.bundle(tmp_path / "forged", tables, period=EARLIER, sequence=1, revision=9)
        (result,) = importer.import_files([forged]).results
        assert result.outcome == "rejected" and result.reason == "replayed"
        # an unseen number far below the highest is still welcome (any order)
        assert (
            importer.import_files(
                [signer.bundle(tmp_path / "x", tables, period=previous_period(3), sequence=7)]
            ).imported
            == 1
        )
        assert tally.completeness(periods).gaps == {"120101": (3, 4, 5, 6)}
    finally:
        district.lock("test")
