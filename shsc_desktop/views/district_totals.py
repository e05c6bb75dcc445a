"""The Totals tab of a district or the ministry: the month's statistics tables summed over the offices
below (exact: they stay in this office), a bar chart, the by-office breakdown, and the printed
summary and XLSX tables (suppressed: they leave the office). Slow work (reading, PDF) runs in the
background.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..services.district import DistrictMonth, recent_periods
from ..services.office import UnlockedOffice
from ..services.statistics import CountTable, label, period_label
from ..values.changes import Changes
from . import exchange_common as common  # common.choose_path looked up at call time: tests pre-answer it
from .district_chart import BarChart
from .district_offices import breakdown_table, fill_breakdown
from .district_tables import WrappingCellDelegate, WrappingHeader, figure_column_need
from .exchange_common import OfficePanel, busy_bar, push_button, text_label
from .grid_model import GridModel, grid_of, grid_row, read_only_view
from .i18n import current_language, show_status
from .operations import BackgroundOperation, Task, run_in_background, run_with_busy
from .printing import ask_printer, new_printer, print_pdf
from .screen import FlowRow, FoldingColumns, scrolling


class TotalsPanel(OfficePanel):
    """The month's totals over the offices below, a chart, a per-office breakdown, and print/XLSX."""

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(office, "totalsPanel", parent)
        self.district = self.level == "district"
        self.service = self.session.services.district
        self.data: DistrictMonth | None = None
        self.last_file: Path | None = None
        self.shown_period: str | None = None

        self.month_label = QLabel()
        self.month = QComboBox()
        self.month.setObjectName("totalsMonth")
        self.month.setMinimumWidth(160)
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.printer: QPrinter | None = None
        self.print_button = push_button("printSummaryButton", self.choose_printer)
        self.pdf_button = push_button("saveSummaryButton", self.choose_pdf_target)
        self.xlsx_button = push_button("xlsxButton", self.choose_xlsx_target)
        self.busy = busy_bar(140)
        self.reporting = text_label("reportingLine")
        self.note = text_label()
        self.file_result = text_label("fileResult", selectable=True)

        self.headline = read_only_view(GridModel(parent=self), "headlineTable")
        self.headline.setHorizontalHeader(WrappingHeader(self.headline))
        # The figures take their width; the row labels take the rest and wrap, whole (at 1024 px an
        # elided "New …" said nothing). A fixed first column pushed the figures off the screen.
        self.headline.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.headline.setItemDelegateForColumn(0, WrappingCellDelegate(self.headline))
        header = self.headline.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # see _fit_figures
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda i, _old, _new: self._headline_resized(i))
        self.chart = BarChart()
        self.table_choice = QComboBox()
        self.table_choice.setObjectName("tableChoice")
        self.table_choice.currentIndexChanged.connect(lambda _i: self._show_chosen_table())
        self.chosen = read_only_view(GridModel(parent=self), "chosenTable")
        self.chosen.setHorizontalHeader(WrappingHeader(self.chosen))
        self.chosen.horizontalHeader().setStretchLastSection(True)
        self.breakdown = breakdown_table()

        top = FlowRow().add_widgets(
            self.month_label, self.month, self.print_button, self.pdf_button, self.xlsx_button, self.busy
        )

        self.headline_box = QGroupBox()
        # The chart goes below the table on a narrow screen; a long chart scrolls, not the page.
        QVBoxLayout(self.headline_box).addWidget(
            FoldingColumns(self.headline, scrolling(self.chart, "chartScroll"))
        )
        self.breakdown_box = QGroupBox()
        bl = QVBoxLayout(self.breakdown_box)
        bl.addWidget(self.breakdown)
        self.tables_box = QGroupBox()
        tl = QVBoxLayout(self.tables_box)
        tl.addWidget(self.table_choice)
        tl.addWidget(self.chosen)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.headline_box)
        splitter.addWidget(self.breakdown_box)
        splitter.addWidget(self.tables_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([280, 260, 200])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.reporting)
        layout.addWidget(self.note)
        layout.addWidget(self.file_result)
        layout.addWidget(splitter, 1)
        self._fill_months()
        self.retranslate()
        self.session.hub.changed.connect(self.on_changes)

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: new bundles (or months) change the totals."""
        if changes.exchange or changes.months:
            self.refresh()

    # -- texts ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.month_label.setText(self.tr("Month:"))
        self.print_button.setText(
            self.tr("Print district summary…") if self.district else self.tr("Print national summary…")
        )
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.xlsx_button.setText(self.tr("Export tables (XLSX)…"))
        self.note.setText(
            self.tr(
                "Exact counts, for this office only. The printed summary and the exported tables hide "
                "numbers from 1 to 4 (shown as <5)."
            )
        )
        self.headline_box.setTitle(self.tr("The month at a glance"))
        self.breakdown_box.setTitle(self.tr("By office: incidents by type of violence"))
        self.tables_box.setTitle(self.tr("All tables"))
        self._fill_months()
        if self.data is not None and self.data.period == self.month.currentData():
            self._render()  # the same figures in the other language: nothing to read again
        else:
            self.refresh()

    def _fill_months(self) -> None:
        lang = current_language()
        current = self.month.currentData()
        self.month.blockSignals(True)
        self.month.clear()
        for p in reversed(recent_periods(self.service.clock(), 12)):
            self.month.addItem(period_label(p, lang), p)
        index = self.month.findData(current) if current is not None else 0
        self.month.setCurrentIndex(max(0, index))
        self.month.blockSignals(False)

    def show_month(self, period: str) -> BackgroundOperation | None:
        index = self.month.findData(period)
        if index >= 0:
            self.month.blockSignals(True)
            self.month.setCurrentIndex(index)
            self.month.blockSignals(False)
        return self.refresh()

    # -- data ----------------------------------------------------------------------------------------

    def refresh(self) -> BackgroundOperation | None:
        """Read the month's totals in the background (the sums and statistics are database work),
        then show them; an answer for a month no longer chosen is dropped."""
        period = self.month.currentData()
        if not period or self.office.locked:
            return None
        service = self.service

        def arrived(data: DistrictMonth) -> None:
            if data.period == self.month.currentData():
                self.data = data
                self._render()

        return run_in_background(self, lambda _task: service.month(period), arrived)

    def _render(self) -> None:
        """Show ``self.data`` in the current language (no database work)."""
        data = self.data
        if data is None:
            return
        period = data.period
        lang = current_language()
        totals = data.totals
        if period != self.shown_period:
            # A file written for another month is not this month's: its line goes.
            self.file_result.setText("")
            self.shown_period = period
        by_code = {row.code: row for row in data.breakdown}
        missing = (
            ", ".join(
                f"{by_code[c].name(lang)} ({c})" if c in by_code and by_code[c].name(lang) != c else c
                for c in totals.missing
            )
            or "–"
        )
        self.reporting.setText(
            self.tr("Reports received: %1 of %2 (nil reports: %3). Missing: %4")
            .replace("%1", str(len(totals.reporting)))
            .replace("%2", str(len(totals.reporting) + len(totals.missing)))
            .replace("%3", str(len(totals.nil_reports)))
            .replace("%4", missing)
        )
        head = data.statistics.table("headline")
        self._fill_table(self.headline, head, lang)
        self._fit_figures(self.headline)
        split = data.statistics.table("incidents_by_type_child_adult")
        bars = []
        for i, code in enumerate(split.rows):
            value = split.row_totals[i] if split.row_totals else split.cells[i][0]
            bars.append((label("gbv_type", code, lang), value if isinstance(value, int) else 0))
        self.chart.set_data(self.tr("Incidents by type of violence"), bars)

        fill_breakdown(self.breakdown, data, lang)

        current = self.table_choice.currentData()
        self.table_choice.blockSignals(True)
        self.table_choice.clear()
        from ..exports.district_xlsx import TITLES

        for t in data.statistics.tables:
            en, km = TITLES.get(t.key, (t.key, t.key))
            self.table_choice.addItem(km if lang == "km" else en, t.key)
        index = self.table_choice.findData(current) if current else 1
        self.table_choice.setCurrentIndex(max(0, index))
        self.table_choice.blockSignals(False)
        self._show_chosen_table()

    def _headline_resized(self, column: int) -> None:
        if column == 0:  # the row labels wrap: their rows grow or shrink with the column
            self.headline.resizeRowsToContents()

    @staticmethod
    def _fit_figures(widget: QTableView) -> None:
        """Each figure column as wide as its numbers or the longest word of its (wrapping) header,
        so the row labels keep the rest of the width."""
        header = widget.horizontalHeader()
        for column in range(1, grid_of(widget).columnCount()):
            header.resizeSection(column, figure_column_need(widget, column, None))
        widget.resizeRowsToContents()

    def _show_chosen_table(self) -> None:
        if self.data is None:
            return
        key = self.table_choice.currentData()
        if not key:
            return
        self._fill_table(self.chosen, self.data.statistics.table(key), current_language())

    def _fill_table(self, widget: QTableView, table: CountTable, lang: str) -> None:
        heads = [label(table.col_list, c, lang) for c in table.cols]
        if table.cols == ("count",):
            heads = [self.tr("Number")]
        has_totals = bool(table.row_totals)
        rows = []
        for i, code in enumerate(table.rows):
            values = [label(table.row_list, code, lang)] + [str(v) for v in table.cells[i]]
            if has_totals:
                values.append(str(table.row_totals[i]))
            rows.append(grid_row(values))
        if table.col_totals:
            values = [self.tr("Total")] + [str(v) for v in table.col_totals]
            if has_totals:
                values.append(str(table.total))
            rows.append(grid_row(values))
        grid_of(widget).set_grid(rows, [""] + heads + ([self.tr("Total")] if has_totals else []))
        widget.setColumnWidth(0, 260)
        widget.resizeRowsToContents()

    # -- files that leave the office ---------------------------------------------------------------

    def _file_name(self, suffix: str) -> str:
        info = self.office.info
        return f"SHSC-{info.code or 'MOWA'}-{self.month.currentData()}-summary-{current_language()}.{suffix}"

    def choose_pdf_target(self) -> QFileDialog:
        return common.choose_one(
            self,
            self.tr("Save the district summary") if self.district else self.tr("Save the national summary"),
            self.write_pdf,
            purpose="pdf",
            save=True,
            name_filters=[self.tr("PDF files (*.pdf)")],
            default_name=self._file_name("pdf"),
        )

    def choose_printer(self) -> QPrintDialog:
        if self.printer is None:
            self.printer = new_printer()
        title = (
            self.tr("Print the district summary") if self.district else self.tr("Print the national summary")
        )
        return ask_printer(self, self.printer, title, self.print_to)

    def print_to(self, printer: QPrinter) -> BackgroundOperation:
        """Build the (suppressed) summary in memory and send its pages to ``printer``."""
        period, lang, service = self.month.currentData(), current_language(), self.service

        def work(task: Task) -> int:
            pdf = service.summary_for_print(period, lang, cancelled=task.is_cancelled)
            return print_pdf(pdf, printer, task.report, task.is_cancelled)

        def done(pages: int) -> None:
            show_status(self.file_result, lambda: self.tr("Sent %n pages to the printer.", "", pages))

        return run_with_busy(self, self.busy, work, done)

    def choose_xlsx_target(self) -> QFileDialog:
        return common.choose_one(
            self,
            self.tr("Save the tables"),
            self.write_xlsx,
            purpose="tables",
            save=True,
            name_filters=[self.tr("Excel workbooks (*.xlsx)")],
            default_name=self._file_name("xlsx").replace("-summary-", "-tables-"),
        )

    def _written(self, path: Path) -> None:
        self.last_file = path
        show_status(
            self.file_result, lambda: self.tr("Written (numbers below 5 hidden): %1").replace("%1", str(path))
        )

    def write_pdf(self, target: Path) -> BackgroundOperation:
        period, lang, service = self.month.currentData(), current_language(), self.service
        return run_with_busy(
            self,
            self.busy,
            lambda task: service.summary_pdf(
                period, lang, target, progress=task.report, cancelled=task.is_cancelled
            ),
            self._written,
        )

    def write_xlsx(self, target: Path) -> BackgroundOperation:
        period, lang, service = self.month.currentData(), current_language(), self.service
        return run_with_busy(
            self, self.busy, lambda _task: service.tables_xlsx(period, lang, target), self._written
        )
