"""The Reports section as the chief uses it: pick a month, read the numbers, save a PDF, print it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from shsc_desktop.models.tables import Incident
from shsc_desktop.security.audit import Action
from shsc_desktop.services.demo import fill_demo_data
from shsc_desktop.services.months import add_months, period_of
from shsc_desktop.services.statistics import StatisticsService, period_label
from shsc_desktop.values.changes import NOTHING
from tests.exports.records import approve_and_edit_later, fixture_month

from .conftest import open_as_chief, open_as_clerk, wait_for_operations

MARCH = "2025-03"  # the month of tests/exports/records.fixture_month


@pytest.fixture
def demo_office(new_office):
    office, recovery = new_office
    fill_demo_data(office, months=3, seed=11)
    office.lock("fixture done")
    return office, recovery


def _reports_page(qtbot, window):
    window.show_section("reports")
    page = window.reports_page
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.stats is not None)
    return page


def _pdf_being_saved(qtbot, shell, target: Path):
    """The chief's Reports page with a PDF build under way into ``target``, in a new empty folder."""
    page = _reports_page(qtbot, open_as_chief(qtbot, shell))
    target.parent.mkdir()
    return page, page.save_pdf(target)


def _pick(qtbot, page, period: str) -> None:
    page.month.setCurrentIndex(page.month.findData(period))
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.stats is not None and page.stats.period == period)


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _audit_actions(office) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from shsc_desktop.models.tables import AuditEntry

    with office.reading() as s:
        return [(e.action, e.target_type) for e in s.scalars(select(AuditEntry))]


def test_the_chief_sees_last_month_and_the_numbers_match_the_statistics(
    qtbot, qtmodeltester, shell, demo_office
):
    window = open_as_chief(qtbot, shell)
    page = _reports_page(qtbot, window)
    last_month = add_months(period_of(page.today), -1)
    assert page.period() == last_month
    this_month = period_of(page.today)
    _pick(qtbot, page, this_month)
    expected = StatisticsService(shell.office).monthly(this_month)
    for key, widget in page.tables.items():
        qtmodeltester.check(widget.grid)  # shading, right-aligned counts and a code per row
        table = expected.table(key)
        for i, code in enumerate(table.rows):
            for j, value in enumerate(table.cells[i]):
                assert widget.cell_text(code, j) == str(value), (key, code, j)
        if table.col_totals:
            assert widget.cell_text("total", 0) == str(table.col_totals[0])
    assert page.month_status.text() == "Month status: Open"
    assert page.boxes["headline"].title() == "The month at a glance"
    assert page.tables["headline"].grid.headerData(1, Qt.Orientation.Horizontal) == "This month"


def test_the_shared_copy_hides_small_counts_on_screen_too(qtbot, shell, demo_office):
    window = open_as_chief(qtbot, shell)
    page = _reports_page(qtbot, window)
    _pick(qtbot, page, period_of(page.today))
    page.shared.setChecked(True)
    grid = page.tables["incidents_by_type_child_adult"].grid
    cells = [grid.index(r, c).data() for r in range(grid.rowCount()) for c in range(1, grid.columnCount())]
    assert not any(text in {"1", "2", "3", "4"} for text in cells)
    assert "<5" in page.notice.text()


def test_save_as_pdf_writes_the_month_and_the_commune_and_is_audited(qtbot, shell, demo_office, tmp_path):
    window = open_as_chief(qtbot, shell)
    page = _reports_page(qtbot, window)
    dialog = page.choose_pdf_file()
    assert dialog.isVisible()
    dialog.reject()
    target = tmp_path / "out" / "summary.pdf"
    page.save_pdf(target)
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: not page.progress.isVisible())
    assert target.exists()
    text = _text(target)  # the PDF's language follows the interface (English in tests)
    assert period_label(page.period(), "en") in text
    assert "Tonle Basak" in text
    assert "Saved:" in page.state.text()
    assert (Action.PRINT, "monthly_summary") in _audit_actions(shell.office)


def test_a_khmer_pdf_embeds_the_khmer_font(qtbot, shell, demo_office, tmp_path):
    window = open_as_chief(qtbot, shell)
    page = _reports_page(qtbot, window)
    page.language.setCurrentIndex(page.language.findData("km"))
    target = tmp_path / "summary-km.pdf"
    page.save_pdf(target)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: not page.progress.isVisible())
    fonts = subprocess.run(["pdffonts", str(target)], check=True, capture_output=True, text=True).stdout
    khmer = [line for line in fonts.splitlines() if "NotoSansKhmer" in line]
    assert khmer and all(line.split()[-5] == "yes" for line in khmer)  # the "emb" column


def test_cancel_leaves_no_file(qtbot, shell, demo_office, tmp_path):
    out = tmp_path / "out"
    page, operation = _pdf_being_saved(qtbot, shell, out / "cancelled.pdf")
    operation.cancel()  # as if Cancel were clicked before the first page is laid out
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: not page.progress.isVisible())
    assert not (out / "cancelled.pdf").exists()
    assert list(out.iterdir()) == []
    assert "Cancelled" in page.state.text()


def test_the_cancel_button_stops_the_build(qtbot, shell, demo_office, tmp_path):
    out = tmp_path / "out"
    page, _ = _pdf_being_saved(qtbot, shell, out / "clicked.pdf")
    page.cancel_button.click()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: not page.progress.isVisible())
    # The build may have finished before the click arrived; either way no partial file is left.
    leftovers = [p.name for p in out.iterdir() if p.name != "clicked.pdf"]
    assert leftovers == []


def test_print_to_a_pdf_printer_produces_pages(qtbot, shell, demo_office, tmp_path):
    window = open_as_chief(qtbot, shell)
    page = _reports_page(qtbot, window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    page.print_to(printer)
    wait_for_operations(qtbot, timeout=60000)
    qtbot.waitUntil(lambda: "pages to the printer" in page.state.text())
    assert out.stat().st_size > 10_000
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) >= 2
    actions = _audit_actions(shell.office)
    assert (Action.PRINT, "monthly_summary") in actions


def test_the_print_dialog_opens_on_a_real_printer_object(qtbot, shell, demo_office):
    window = open_as_chief(qtbot, shell)
    page = _reports_page(qtbot, window)
    dialog = page.choose_printer()
    assert dialog.printer() is page.printer
    dialog.reject()


def test_the_clerk_may_see_the_summary_too(qtbot, shell, demo_office):
    window = open_as_clerk(qtbot, shell)
    page = _reports_page(qtbot, window)
    assert page.save_button.isEnabled() and page.print_button.isEnabled()


def test_statistics_wait_until_the_reports_section_is_opened(qtbot, shell, demo_office):
    window = open_as_chief(qtbot, shell)
    wait_for_operations(qtbot)
    page = window.reports_page
    assert page.stats is None  # signing in costs nobody a month's statistics
    window.show_section("reports")
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.stats is not None)


@pytest.fixture
def approved_then_edited(new_office):
    """March 2025 of ``tests/exports/records`` (one incident without consent to reporting),
    approved, then changed by case work."""
    office, recovery = new_office
    fixture_month(office)
    approve_and_edit_later(office)
    with office.transaction(NOTHING) as s:  # case work finds that incident 2 was recorded twice
        s.query(Incident).filter_by(incident_code="KH-120101-202503-002").one().deleted = True
    office.lock("fixture done")
    return office, recovery


def test_changed_figures_and_unconsented_incidents_are_counted_in_words(qtbot, shell, approved_then_edited):
    window = open_as_chief(qtbot, shell)
    page = _reports_page(qtbot, window)
    if page.month.findData(MARCH) < 0:
        page.month.addItem("", MARCH)
    _pick(qtbot, page, MARCH)
    changed = len(page.changes)
    assert changed > 1
    notice = page.notice.text()
    assert f"{changed} figures changed by case work since approval." in notice
    assert "1 incident without the survivor's consent to reporting is not counted." in notice
    page.changes = page.changes[:1]
    page._show()
    assert "1 figure changed by case work since approval." in page.notice.text()
