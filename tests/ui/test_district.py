"""The district's completeness and totals, with real offices: after commune 120101's month is imported
(and 120109's is not), the completeness grid shows 120101 on time and 120109 missing; the totals match
the commune's own statistics; the district summary PDF and the XLSX tables are written with small cells
hidden. The ministry sees the same one level up.
"""

# Fixtures come from exchange_world (shared with test_exchange.py), so parameters shadow imports:
# ruff: noqa: F811
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shsc_desktop.exports.district_xlsx import TITLES
from shsc_desktop.services.statistics import StatisticsService
from shsc_desktop.views import i18n

from .conftest import wait_for_operations
from .exchange_world import (  # noqa: F401  (fixtures)
    INCIDENTS,
    PERIOD,
    chosen,
    exchange_template,
    imported,
    open_office,
    shells,
    sign_in,
    world_dir,
)

LEFT = Qt.MouseButton.LeftButton


def commune_new_incidents(root: Path) -> int:
    office = open_office(root, "120101")
    try:
        return int(
            StatisticsService(office).monthly(PERIOD).table("headline").value("new_incidents", "this_month")
        )
    finally:
        office.lock("test")


def open_district(qtbot, shells, root):
    window = sign_in(qtbot, shells, root, "1201")
    window.show_section("exchange")
    return window.exchange_page


def cell(table, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    """What the table's model shows in one cell (its text, or another role)."""
    return table.model().index(row, column).data(role)


def header_text(table, section: int, orientation=Qt.Orientation.Horizontal, role=Qt.ItemDataRole.DisplayRole):
    return table.model().headerData(section, orientation, role)


def row_of(table, text: str) -> int:
    for i in range(table.model().rowCount()):
        if cell(table, i, 0).startswith(text):
            return i
    raise AssertionError(f"no row {text}")


def header_row_of(table, text: str) -> int:
    """The row whose (frozen) row header reads ``text``."""
    for i in range(table.model().rowCount()):
        if header_text(table, i, Qt.Orientation.Vertical) == text:
            return i
    raise AssertionError(f"no row {text}")


def column_of(table, header: str) -> int:
    for j in range(table.model().columnCount()):
        if header_text(table, j) == header:
            return j
    raise AssertionError(f"no column {header}")


# ---------------------------------------------------------------------------------------------------


def test_completeness_shows_on_time_and_missing_with_the_reporting_rate(
    qtbot, qtmodeltester, shells, imported
):
    page = open_district(qtbot, shells, imported)
    panel = page.completeness
    page.tabs.setCurrentWidget(panel)
    # the deadline is an office setting; a generous one makes today's import on time
    panel.deadline.setValue(60)
    qtbot.mouseClick(panel.save_deadline_button, LEFT)
    wait_for_operations(qtbot)  # saved in the background; the notice recounts
    table = panel.table
    from shsc_desktop.services.statistics import period_label

    col = column_of(table, period_label(PERIOD, "en", short=True))
    assert cell(table, row_of(table, "120101"), col) == "On time"
    assert cell(table, row_of(table, "120109"), col) == "Missing"
    # expected: every sangkat of khan 1201 in the gazetteer, enrolled or not (issue 9 point 10)
    assert cell(table, row_of(table, "120110"), col) == "Not enrolled"
    assert cell(table, row_of(table, "Reporting rate"), col) == "1 of 5 (20%), on time 1"
    qtmodeltester.check(table.model())
    # colour and text agree: not colour alone
    background = Qt.ItemDataRole.BackgroundRole
    assert cell(table, row_of(table, "120101"), col, background).color().name() == "#dcedc8"
    assert cell(table, row_of(table, "120109"), col, background).color().name() == "#f8d0d0"

    # the setting is kept: a new window reads it back; a strict deadline makes the report late
    assert panel.service.deadline_days() == 60
    panel.deadline.setValue(0)
    qtbot.mouseClick(panel.save_deadline_button, LEFT)
    wait_for_operations(qtbot)
    assert cell(table, row_of(table, "120101"), col) in ("On time", "Late")


def test_totals_match_the_commune_and_files_hide_small_cells(
    qtbot, qtmodeltester, shells, imported, chosen, tmp_path
):
    expected = commune_new_incidents(imported)
    assert expected == sum(INCIDENTS.values())
    page = open_district(qtbot, shells, imported)
    totals = page.totals
    page.tabs.setCurrentWidget(totals)
    totals.show_month(PERIOD)
    wait_for_operations(qtbot)  # the totals are read in the background
    assert "Reports received: 1 of 5" in totals.reporting.text() and "120109" in totals.reporting.text()
    head = totals.headline
    assert cell(head, row_of(head, "New incidents reported"), 1) == str(expected)
    # the chart shows the types of violence with their counts
    assert sorted(v for _, v in totals.chart.bars if v) == sorted(INCIDENTS.values())
    # per-commune breakdown: exact on screen (it stays in the district)
    bd = totals.breakdown
    qtmodeltester.check(bd.model())
    row = header_row_of(bd, "Tonle Basak (120101)")
    assert cell(bd, row, 1) == str(expected)
    assert cell(bd, header_row_of(bd, "Tuol Tumpung Ti Pir (120109)"), 0) == "Missing"
    # a total row over the offices, and whole headers (wrapped, not cut)
    total = header_row_of(bd, "Total")
    assert total == bd.model().rowCount() - 1 and cell(bd, total, 1) == str(expected)
    header = bd.horizontalHeader()
    metrics = header.fontMetrics()
    for j in range(1, bd.model().columnCount()):
        text = header_text(bd, j)
        assert text == header_text(bd, j, role=Qt.ItemDataRole.ToolTipRole)
        # a label wider than its column takes more lines, and the header is tall enough for them
        if metrics.horizontalAdvance(text) > bd.columnWidth(j):
            assert header.lines(j) > 1, text
        assert header.height() >= header.lines(j) * metrics.lineSpacing(), text

    # the printed summary (the commune summary's builder), suppressed
    pdf = tmp_path / "out" / "district.pdf"
    chosen.plan(pdf)
    qtbot.mouseClick(totals.pdf_button, LEFT)
    wait_for_operations(qtbot)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert "numbers below 5 hidden" in totals.file_result.text()
    english = totals.file_result.text()
    i18n.set_language("km")  # the line follows a language switch (there and back)
    QApplication.processEvents()  # Qt posts LanguageChange to the windows
    assert str(pdf) in totals.file_result.text() and "numbers below 5" not in totals.file_result.text()
    i18n.set_language("en")
    QApplication.processEvents()
    assert totals.file_result.text() == english
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "District monthly summary" in text and "<5" in text

    # the XLSX tables: no cell from 1 to 4 anywhere, except the count of reports (offices, not people)
    xlsx = tmp_path / "out" / "district.xlsx"
    chosen.plan(xlsx)
    qtbot.mouseClick(totals.xlsx_button, LEFT)
    wait_for_operations(qtbot)
    workbook = load_workbook(xlsx)
    seen_protected = False
    for sheet in workbook.worksheets:
        if sheet.title == "data":  # one cell a line, the table named in column D
            for row_cells in sheet.iter_rows(min_row=2, values_only=True):
                value = row_cells[6]
                if row_cells[3] != TITLES["reporting"][0] and isinstance(value, int):
                    assert not 1 <= value <= 4, row_cells
            continue
        in_reporting = False
        for row_cells in sheet.iter_rows(values_only=True):
            first = row_cells[0] if row_cells else None
            if first in {en for en, _ in TITLES.values()}:
                in_reporting = first == TITLES["reporting"][0]
            for value in row_cells[1:]:
                seen_protected |= value in ("<5", "·")  # a small number, or a table left out
                if not in_reporting and isinstance(value, int):
                    assert not 1 <= value <= 4, (sheet.title, row_cells)
    assert seen_protected


def test_district_sends_its_approved_month_to_the_ministry(qtbot, shells, imported, chosen, tmp_path):
    page = open_district(qtbot, shells, imported)
    upward = page.upward
    page.tabs.setCurrentWidget(upward)
    assert upward.month.count() == 0  # nothing approved yet: nothing offered
    index = upward.approve_month.findData(PERIOD)
    upward.approve_month.setCurrentIndex(index)
    qtbot.mouseClick(upward.approve_button, LEFT)
    from .conftest import answer_confirmation

    answer_confirmation(qtbot)
    qtbot.waitUntil(lambda: upward.month.count() == 1)
    usb = tmp_path / "usb-up"
    chosen.plan(usb)
    qtbot.mouseClick(upward.export_button, LEFT)
    wait_for_operations(qtbot)
    bundle = usb / f"SHSC-1201-{PERIOD}-r1.shsc"
    assert bundle.exists()

    # the ministry imports it and sees the district's (suppressed) totals
    ministry = sign_in(qtbot, shells, imported, "MOWA")
    ministry.show_section("exchange")
    mpage = ministry.exchange_page
    assert mpage.upward is None  # the ministry sends nothing further
    chosen.plan(bundle)
    qtbot.mouseClick(mpage.import_panel.choose_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.mouseClick(mpage.import_panel.confirm_button, LEFT)
    wait_for_operations(qtbot)
    assert cell(mpage.import_panel.table, 0, 1) == "Imported"
    mpage.totals.show_month(PERIOD)
    wait_for_operations(qtbot)
    head = mpage.totals.headline
    assert cell(head, row_of(head, "New incidents reported"), 1) == str(sum(INCIDENTS.values()))
    assert "Reports received: 1 of 1" in mpage.totals.reporting.text()
