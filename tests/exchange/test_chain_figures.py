"""Issue 9 points 7, 11, 12, 13 and 15: what the district and the ministry make of what arrived.

Real offices (the Exchange world); bundles from the communes' own keys where the test needs chosen
numbers or audit heads.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

import copy
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from shsc_desktop.services.completeness import AuditBreak, CompletenessService, audit_breaks
from shsc_desktop.services.district import NOT_REPORTED, DistrictService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.reporting.catalogue import HEADLINE_TOTALS, RECEIVED_OUTCOME
from shsc_desktop.services.statistics import CountTable

from ..test_cli import cli
from ..ui.exchange_world import (
    FOLDERS,
    INCIDENTS,
    PASSWORD,
    PERIOD,
    USERS,
    export_from,
    import_into,
    open_office,
    previous_period,
)
from .commune_signer import CommuneSigner, genuine_tables

EARLIER = previous_period(2)
H = {n: f"{n:02x}" * 32 for n in range(1, 5)}


def _signers(root: Path) -> dict[str, tuple[CommuneSigner, dict[str, Any]]]:
    out = {}
    for code in ("120101", "120109"):
        office = open_office(root, code)
        try:
            out[code] = (CommuneSigner.of(office), genuine_tables(office, PERIOD))
        finally:
            office.lock("test")
    return out


def test_audit_head_that_does_not_extend_the_previous_bundle_is_flagged(
    qtbot, world_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    signers = _signers(world_dir)
    signer, tables = signers["120101"]
    other, other_tables = signers["120109"]
    usb = tmp_path / "usb"
    files = [
        # the later month arrives first; the sender's order (sequence) is what counts
        signer.bundle(usb, tables, period=PERIOD, sequence=2, audit_head=(30, H[2])),
        signer.bundle(usb, tables, period=EARLIER, sequence=1, audit_head=(50, H[1])),
        other.bundle(usb, other_tables, period=EARLIER, sequence=1, audit_head=(10, H[3])),
        other.bundle(usb, other_tables, period=PERIOD, sequence=2, audit_head=(12, H[4])),
    ]
    district = open_office(world_dir, "1201")
    try:
        assert ImportService(district).import_files(files).ok
        comp = CompletenessService(district).completeness([EARLIER, PERIOD])
        assert comp.broken_audit == (AuditBreak("120101", PERIOD, 2, f"50:{H[1]}", f"30:{H[2]}"),)

        from shsc_desktop.views.district import CompletenessPanel

        panel = CompletenessPanel(district)
        qtbot.addWidget(panel)
        from shsc_desktop.views import operations

        qtbot.waitUntil(lambda: operations.running_count() == 0, timeout=15_000)  # read in the background
        assert "120101" in panel.gaps.text() and "audit log does not continue" in panel.gaps.text()
        assert "120109" not in panel.gaps.text()
    finally:
        district.lock("test")
    # the same number of entries with another hash is a rewritten log
    assert audit_breaks([("1", 1, PERIOD, f"5:{H[1]}"), ("1", 2, PERIOD, f"5:{H[2]}")])
    assert not audit_breaks([("1", 1, PERIOD, f"5:{H[1]}"), ("1", 2, PERIOD, f"5:{H[1]}")])


def _with_headline(tables: dict[str, Any], incidents: int, referrals: int) -> dict[str, Any]:
    """The tables with a chosen headline (every other headline figure 0), and the tables that break
    its figures down redrawn to add up to it (all in their first cell), as the import requires."""
    out = copy.deepcopy(tables)
    cells = out["headline"]["cells"]
    for row in cells.values():
        for col in row:
            row[col] = 0
    cells["new_incidents"]["this_month"] = incidents
    cells["referrals_made"]["this_month"] = referrals
    for key, col, figure in HEADLINE_TOTALS:
        if col != "total" or key not in out:
            continue
        d = out[key]
        first = next(c for c in d["cols"] if c != RECEIVED_OUTCOME)
        table = CountTable.build(
            key, d["row_list"], d["col_list"], {(d["rows"][0], first): cells[figure]["this_month"]},
            rows=d["rows"], cols=d["cols"], additive=d["additive"],
            subtotals={name: g["rows"] for name, g in d.get("subtotals", {}).items()},
        )  # fmt: skip
        out[key] = table.to_dict()
    return out


def test_trend_and_year_to_date_come_from_each_months_own_tables(world_dir: Path, tmp_path: Path) -> None:
    signers = _signers(world_dir)
    (a, a_tables), (b, b_tables) = signers["120101"], signers["120109"]
    usb = tmp_path / "usb"
    files = [
        a.bundle(usb, _with_headline(a_tables, 20, 4), period=EARLIER, sequence=1),
        a.bundle(usb, _with_headline(a_tables, 10, 2), period=PERIOD, sequence=2),
        b.bundle(usb, _with_headline(b_tables, 7, 1), period=EARLIER, sequence=1),
        # 120109 misses PERIOD: it must not drop out of EARLIER in PERIOD's trend
    ]
    district = open_office(world_dir, "1201")
    try:
        assert ImportService(district).import_files(files).ok
        stats = DistrictService(district).month(PERIOD).statistics
        trend = stats.table("trend")
        assert trend.value(EARLIER, "incidents") == 27 and trend.value(EARLIER, "referrals") == 5
        assert trend.value(PERIOD, "incidents") == 10
        assert trend.value(previous_period(3), "incidents") == NOT_REPORTED  # not reported ≠ 0
        head = stats.table("headline")
        same_year = PERIOD[:4] == EARLIER[:4]
        assert head.value("new_incidents", "year_to_date") == (37 if same_year else 10)
        assert head.value("new_incidents", "same_month_last_year") == NOT_REPORTED
        # the printed copies draw the gap, they do not crash on it
        service = DistrictService(district)
        assert service.summary_pdf(PERIOD, "en", tmp_path / "s.pdf", shared=False).read_bytes()[:4] == b"%PDF"
        assert service.summary_pdf(PERIOD, "km", tmp_path / "t.pdf").read_bytes()[:4] == b"%PDF"
    finally:
        district.lock("test")


def test_every_flow_of_the_headline_is_recomputed_from_the_stored_months(
    world_dir: Path, tmp_path: Path
) -> None:
    """Non-GBV incidents too: their year to date is the months' own counts added up, not this
    month's bundles' year to date; only the stock (open follow-ups) stays as the offices sent it."""
    signers = _signers(world_dir)
    (a, a_tables), (b, b_tables) = signers["120101"], signers["120109"]

    def with_non_gbv(tables: dict[str, Any], incidents: int, non_gbv: int, open_now: int) -> dict[str, Any]:
        out = _with_headline(tables, incidents, 0)
        cells = out["headline"]["cells"]
        cells["non_gbv_incidents"]["this_month"] = non_gbv
        cells["open_follow_ups"]["this_month"] = cells["open_follow_ups"]["year_to_date"] = open_now
        return out

    usb = tmp_path / "usb"
    files = [
        a.bundle(usb, with_non_gbv(a_tables, 5, 3, 1), period=EARLIER, sequence=1),
        a.bundle(usb, with_non_gbv(a_tables, 4, 1, 2), period=PERIOD, sequence=2),
        b.bundle(usb, with_non_gbv(b_tables, 6, 2, 3), period=EARLIER, sequence=1),
    ]
    district = open_office(world_dir, "1201")
    try:
        assert ImportService(district).import_files(files).ok
        head = DistrictService(district).month(PERIOD).statistics.table("headline")
        same_year = PERIOD[:4] == EARLIER[:4]
        assert head.value("non_gbv_incidents", "this_month") == 1
        assert head.value("non_gbv_incidents", "year_to_date") == (6 if same_year else 1)
        assert head.value("new_incidents", "year_to_date") == (15 if same_year else 4)
        for row in head.rows:
            if row != "open_follow_ups":
                assert head.value(row, "same_month_last_year") == NOT_REPORTED, row
        # the stock: as this month's bundles counted it at the month's end
        assert head.value("open_follow_ups", "this_month") == 2
        assert head.value("open_follow_ups", "year_to_date") == 2
        assert head.value("open_follow_ups", "same_month_last_year") == 0
    finally:
        district.lock("test")


def _pdf_text(path: Path) -> str:
    """The PDF's text with ligatures ("ﬃ") spelled out."""
    return unicodedata.normalize("NFKC", _raw_pdf_text(path))


def _raw_pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_ministry_sees_exact_sums_and_its_chart_draws_them(qtbot, world_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_into(world_dir, "1201", [export_from(world_dir, "120101", tmp_path / "usb")])
    district = open_office(world_dir, "1201")
    try:
        MonthService(district).approve(PERIOD)
    finally:
        district.lock("test")
    up = export_from(world_dir, "1201", tmp_path / "up")
    assert import_into(world_dir, "MOWA", [up]).imported == 1
    ministry = open_office(world_dir, "MOWA")
    try:
        month = DistrictService(ministry).month(PERIOD)
        split = month.statistics.table("incidents_by_type_child_adult")
        assert split.total == sum(INCIDENTS.values()) and split.row_total("sexual_assault") == 1
        assert all(isinstance(v, int) for row in month.statistics.table("headline").cells for v in row[:1])
        from shsc_desktop.views.district_totals import TotalsPanel

        panel = TotalsPanel(ministry)
        qtbot.addWidget(panel)
        panel.show_month(PERIOD)  # read in the background (issue 14): wait for it
        from shsc_desktop.views import operations

        qtbot.waitUntil(lambda: operations.running_count() == 0, timeout=15_000)
        assert sorted(v for _, v in panel.chart.bars if v) == sorted(INCIDENTS.values())
        bd = panel.breakdown.model()  # offices named in the row headers, "name (code)"
        names = [bd.headerData(i, Qt.Orientation.Vertical) for i in range(bd.rowCount())]
        [row] = [i for i, name in enumerate(names) if name.endswith("(1201)")]
        assert bd.index(row, 1).data() == str(sum(INCIDENTS.values()))
    finally:
        ministry.lock("test")


def test_district_command_line_summary_is_the_district_summary(world_dir: Path, tmp_path: Path) -> None:
    import_into(world_dir, "1201", [export_from(world_dir, "120101", tmp_path / "usb")])
    common = ["--data-dir", world_dir / FOLDERS["1201"], "--user", USERS["district"], "--password-stdin"]
    exact = tmp_path / "exact.pdf"
    result = cli("summary", "--month", PERIOD, "--lang", "en", "-o", exact, *common, password=PASSWORD)
    assert result.returncode == 0, result.stderr
    shared = tmp_path / "shared.pdf"
    result = cli(
        "summary", "--month", PERIOD, "--lang", "en", "--shared", "-o", shared, *common, password=PASSWORD
    )
    assert result.returncode == 0, result.stderr
    if shutil.which("pdftotext") is None:
        return
    text = _pdf_text(exact)
    assert "District monthly summary" in text
    assert "Nil report" not in text  # the old path printed the district's own empty register
    assert "for the district office" in text, text
    assert "commune office" not in text, text
    line = next(x for x in text.splitlines() if "New incidents reported" in x)
    assert str(sum(INCIDENTS.values())) in line.split()
    shared_text = _pdf_text(shared)
    assert "outside the district office" in shared_text and "outside the commune" not in shared_text
