"""The Reports section: the chief's monthly summary on screen, saved as PDF or printed.

The numbers on screen are the :class:`~shsc_desktop.services.statistics.MonthlyStatistics` tables of
the statistics service, the same ones the PDF and the export bundle carry; labels come from the same
code lists, in the interface language. Building a PDF (to a file or for the printer) runs in the
background with a progress bar and Cancel; a cancelled build leaves no file (the PDF builder writes
atomically) and prints nothing. Printing is explained in :mod:`.printing`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import Cancelled, ShscError
from ..models import codes
from ..security.permissions import Perm
from ..services.months import add_months, period_of
from ..services.office import UnlockedOffice
from ..services.snapshots import MonthFigures
from ..services.statistics import CountTable, MonthlyStatistics, label, period_label
from ..values.changes import Changes
from .builders import progress_and_cancel, push_button, row_of, wrapped_label
from .file_dialogs import save_dialog
from .form_helpers import heading_label
from .grid_model import GridModel, GridRow, grid_row
from .i18n import current_language, language_name, show_status
from .look import note_style
from .messages import confirm, error_text, show_error, show_message
from .office_page import OfficePage
from .operations import BackgroundOperation, Task, run_in_background, run_write
from .printing import ask_printer, new_printer, print_pdf
from .register_tables import ID_ROLE
from .screen import FlowRow

MONTHS_BACK = 24
CODE_ROLE = ID_ROLE  # a row's code: its key in the grid
HIGHLIGHT = QColor("#fdf1d6")
TOTAL = QColor("#f0f4f8")

# The tables shown on screen (the PDF has them all), in the order of the printed summary.
SCREEN_TABLES = (
    "headline",
    "incidents_by_type_child_adult",
    "perpetrator_relationship",
    "referrals_by_service_status",
    "commune_actions",
    "attendance_by_group_sex",
    "data_quality",
)


class CountTableView(QTableView):
    """One statistics table, read-only: row labels in the first column, counts right-aligned, a total
    row and column when the table adds up, subtotals (IPV) shaded. The view is as tall as its rows
    (the page scrolls, not each table). Its model (``grid``) gives each row's code in ``CODE_ROLE``."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"table_{key}")
        self.key = key
        self.grid = GridModel(parent=self)
        self.setModel(self.grid)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)  # one line per row: the height fits before the layout settles
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_table(self, table: CountTable, lang: str, corner: str, total: str, number: str) -> None:
        col_heads = [label(table.col_list, c, lang) for c in table.cols]
        if table.cols == ("count",):
            col_heads = [number]
        with_row_totals = bool(table.row_totals)
        heads = [corner, *col_heads] + ([total] if with_row_totals else [])
        rows: list[GridRow] = []

        def line(code: str, text: str, values: list[object], shade: QColor | None) -> None:
            counts = ["" if value is None else str(value) for value in values]
            rows.append(grid_row([text, *counts], shade, key=code, right_from=1))

        subtotal_after = {g.rows[-1]: g for g in table.subtotals if g.rows}
        for i, (code, row) in enumerate(zip(table.rows, table.cells, strict=True)):
            values: list[object] = [*row, *([table.row_totals[i]] if with_row_totals else [])]
            partner = code in codes.INTIMATE_PARTNER_CODES and self.key.startswith("perpetrator")
            line(
                code,
                label(table.row_list, code, lang),
                values,
                HIGHLIGHT if partner or code == "ipv_incidents" else None,
            )
            group = subtotal_after.get(code)
            if group is not None:
                line(
                    f"subtotal:{group.name}",
                    label("subtotal", group.name, lang),
                    list(group.values),
                    HIGHLIGHT,
                )
        if table.col_totals:
            line("total", total, list(table.col_totals) + ([table.total] if with_row_totals else []), TOTAL)
        self.grid.set_grid(rows, heads)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(heads)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 6
        height += sum(self.rowHeight(r) for r in range(self.grid.rowCount()))
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        self.setFixedHeight(height)

    def cell_text(self, row_code: str, column: int) -> str:
        """The text shown for ``row_code`` in data column ``column`` (0 = first count column)."""
        row = self.grid.row_of(row_code)
        if row is None:
            raise KeyError(row_code)
        return str(self.grid.index(row, column + 1).data())


class ReportsPage(OfficePage):
    """Pick a month, read its summary, save it as PDF or print it."""

    def __init__(
        self, office: UnlockedOffice, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__("reportsPage", office, parent)
        self.service = self.services.reports
        self.today = today or date.today()
        self.allowed = office.actor.can(Perm.REPORTS)
        self.stats: MonthlyStatistics | None = None
        self.printer: QPrinter | None = None
        self.operation: BackgroundOperation | None = None
        self.last_pdf: Path | None = None
        self._generation = 0

        self.heading = heading_label()
        self.month_label = QLabel()
        self.month = QComboBox()
        self.month.setObjectName("reportMonth")
        self.month.setMinimumWidth(180)
        current = period_of(self.today)
        for back in range(MONTHS_BACK):
            self.month.addItem("", add_months(current, -back))
        self.month.setCurrentIndex(1)  # last month: the one the chief reports on
        self.month_status = QLabel()
        self.month_status.setObjectName("reportMonthStatus")
        picker = FlowRow().add_widgets(self.month_label, self.month, self.month_status)

        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        for lang in ("km", "en"):
            self.language.addItem(language_name(lang), lang)
        self.language.setCurrentIndex(0 if current_language() == "km" else 1)
        self.shared = QCheckBox()
        self.shared.setObjectName("sharedCopy")
        self.save_button = push_button("savePdfButton")
        self.print_button = push_button("printButton")
        output = FlowRow().add_widgets(self.language_label, self.language, self.shared)

        self.progress, self.cancel_button = progress_and_cancel("reportProgress", "cancelReportButton")
        self.state = wrapped_label("reportState")
        busy = row_of(self.progress, self.cancel_button, self.state, stretch=False)
        busy.setStretchFactor(self.progress, 1)
        busy.setStretchFactor(self.state, 1)

        self.notice = wrapped_label("reportNotice", hidden=True)
        self.notice.setStyleSheet(note_style("#f0f4f8"))
        self.revision_button = push_button("approveRevisionButton", hidden=True)
        self.revision_button.clicked.connect(self.approve_revision)
        self.can_approve = office.actor.can(Perm.APPROVE_MONTH)
        self.changes: tuple[object, ...] = ()
        self.boxes: dict[str, QGroupBox] = {}
        self.tables: dict[str, CountTableView] = {}
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.notice)
        content_layout.addWidget(self.revision_button, 0, Qt.AlignmentFlag.AlignLeft)
        for key in SCREEN_TABLES:
            box = QGroupBox()
            box.setObjectName(f"box_{key}")
            table = CountTableView(key)
            QVBoxLayout(box).addWidget(table)
            content_layout.addWidget(box)
            self.boxes[key] = box
            self.tables[key] = table
        content_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)

        # The buttons share the month's row (it wraps on a narrow screen).
        picker.add_widgets(self.save_button, self.print_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(picker)
        layout.addLayout(output)
        layout.addLayout(busy)
        layout.addWidget(self.scroll_area, 1)

        self.month.currentIndexChanged.connect(lambda _i: self.refresh_if_active())
        self.shared.toggled.connect(lambda _c: self._show())
        self.save_button.clicked.connect(self.choose_pdf_file)
        self.print_button.clicked.connect(self.choose_printer)
        self.cancel_button.clicked.connect(self.cancel)

        self.retranslate()
        self._set_busy(False)
        self.activated = False  # statistics are computed when the section is first opened
        self.session.hub.changed.connect(self.on_changes)

    def activate(self) -> None:
        """Called when the section is shown: compute the month the first time only.

        A large office's statistics take seconds; nobody should pay for them just by signing in.
        """
        if not self.activated and self.allowed:
            self.activated = True
            self.refresh()

    def refresh_if_active(self) -> None:
        """Another section changed the month's data: recount only if this section was opened."""
        if self.activated:
            self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: a month approved or reopened changes what is shown."""
        if changes.any_month:
            self.refresh_if_active()

    # -- texts --------------------------------------------------------------------------------------

    def table_titles(self) -> dict[str, str]:
        return {
            "headline": self.tr("The month at a glance"),
            "incidents_by_type_child_adult": self.tr("Incidents by type of violence and age of survivor"),
            "perpetrator_relationship": self.tr("Alleged perpetrator's relationship to the survivor"),
            "referrals_by_service_status": self.tr("Referrals by service and response"),
            "commune_actions": self.tr("Actions taken by the commune"),
            "attendance_by_group_sex": self.tr("Meeting attendance by group and sex"),
            "data_quality": self.tr("Data quality"),
        }

    def corner_titles(self) -> dict[str, str]:
        return {
            "headline": self.tr("Indicator"),
            "incidents_by_type_child_adult": self.tr("Type of violence"),
            "perpetrator_relationship": self.tr("Relationship"),
            "referrals_by_service_status": self.tr("Service"),
            "commune_actions": self.tr("Action"),
            "attendance_by_group_sex": self.tr("Group"),
            "data_quality": self.tr("Check"),
        }

    def retranslate(self) -> None:
        lang = current_language()
        self.heading.setText(self.tr("Monthly summary"))
        self.month_label.setText(self.tr("Month:"))
        for i in range(self.month.count()):
            self.month.setItemText(i, period_label(self.month.itemData(i), lang))
        self.language_label.setText(self.tr("Language of the PDF:"))
        self.shared.setText(self.tr("Copy for sharing outside the commune (hide counts below 5)"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.revision_button.setText(self.tr("Approve a revision…"))
        for key, title in self.table_titles().items():
            self.boxes[key].setTitle(title)
        if not self.allowed:
            self.month_status.setText(
                self.tr("Your role does not allow reports. Ask the chief of the office.")
            )
        self._show()

    # -- data ---------------------------------------------------------------------------------------

    def period(self) -> str:
        return str(self.month.currentData())

    def pdf_language(self) -> str:
        return str(self.language.currentData())

    def refresh(self) -> None:
        """Compute the chosen month's statistics in the background and show them."""
        self._generation += 1
        generation, period = self._generation, self.period()
        show_status(self.month_status, lambda: self.tr("Counting…"))

        def show(figures: MonthFigures) -> None:
            if generation == self._generation:
                self.stats = figures.statistics
                self.changes = figures.changes
                self._show()

        def failed(error: BaseException) -> None:
            assert isinstance(error, ShscError)
            if generation == self._generation:
                self.stats = None
                self.changes = ()
                show_status(self.month_status, lambda: error_text(error))

        run_in_background(self, lambda _t: self.service.month_figures(period), show, failed)

    def approve_revision(self) -> None:
        """The chief approves the live figures as the month's next revision."""
        period = self.period()

        def done(_status: object) -> None:
            show_message(self, self.tr("A new revision of %1 has been approved.").replace("%1", period))

        confirm(
            self,
            self.tr(
                "Approve the current figures of %1 as a new revision? Prints and the next bundle will "
                "use them, marked as a revision."
            ).replace("%1", period),
            self.tr("Approve"),
            lambda: run_write(
                self,
                self.session.hub,
                lambda _t: self.session.services.months.approve(period),  # recounts here and Home
                done,
            ),
        )

    def shown_statistics(self) -> MonthlyStatistics | None:
        """What the screen shows: exact counts, or the shared copy's when the box is ticked."""
        if self.stats is None:
            return None
        return self.stats.suppressed() if self.shared.isChecked() else self.stats

    def _show(self) -> None:
        stats = self.shown_statistics()
        for box in self.boxes.values():
            box.setVisible(stats is not None)
        self.revision_button.setVisible(stats is not None and bool(self.changes) and self.can_approve)
        if stats is None:
            self.notice.hide()
            return
        lang = current_language()
        approved = stats.month_status == "approved"
        self.month_status.setText(
            self.tr("Month status: %1").replace("%1", codes.MONTH_STATUS.label(stats.month_status, lang))
        )
        self.month_status.setStyleSheet("color: #1b5e20;" if approved else "color: #8a4b00;")
        notes = []
        if stats.revision is not None:
            notes.append(self.tr("Approved figures, revision %1.").replace("%1", str(stats.revision)))
        if self.changes:
            notes.append(
                self.tr(
                    "%n figures changed by case work since approval. Prints and the bundle keep the "
                    "approved revision until the chief approves a revision.",
                    "",
                    len(self.changes),
                )
            )
        if stats.nil_report:
            notes.append(
                self.tr("Nil report: no incidents were reported this month. This is a complete report.")
            )
        excluded = self.stats.without_consent if self.stats is not None else 0
        if excluded:
            notes.append(
                self.tr(
                    "%n incidents without the survivor's consent to reporting are not counted.", "", excluded
                )
            )
        if stats.threshold is not None:
            notes.append(
                self.tr(
                    "Shared copy: counts below 5 are shown as <5, x hides a count that a total "
                    "would reveal, and · marks the tables left out because they would reveal a count "
                    "below 5."
                )
            )
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        corners = self.corner_titles()
        total, number = self.tr("Total"), self.tr("Number")
        for key, widget in self.tables.items():
            widget.show_table(stats.table(key), lang, corners[key], total, number)

    # -- busy state ---------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        for widget in (self.save_button, self.print_button, self.month, self.language, self.shared):
            widget.setEnabled(self.allowed and not busy)
        if busy:
            self.progress.setRange(0, 0)
            self.state.clear()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.cancel_button.setEnabled(False)

    def _finished(self) -> None:
        self.operation = None
        self._set_busy(False)

    def _failed(self, error: BaseException) -> None:
        assert isinstance(error, ShscError)
        if isinstance(error, Cancelled):
            show_status(self.state, lambda: self.tr("Cancelled. Nothing was written or printed."))
        else:
            show_status(self.state, lambda: error_text(error))
            show_error(self, error)

    # -- save as PDF --------------------------------------------------------------------------------

    def suggested_file_name(self) -> str:
        shared = "-shared" if self.shared.isChecked() else ""
        return f"summary-{self.office.info.code}-{self.period()}-{self.pdf_language()}{shared}.pdf"

    def choose_pdf_file(self) -> QFileDialog:
        return save_dialog(
            self,
            self.tr("Save the monthly summary as PDF"),
            "pdf",
            self.save_pdf,
            [self.tr("PDF documents (*.pdf)")],
            self.suggested_file_name(),
            object_name="savePdfDialog",
        )

    def save_pdf(self, path: Path) -> BackgroundOperation:
        """Write the summary to ``path`` (atomically, in the background)."""
        period, lang, shared = self.period(), self.pdf_language(), self.shared.isChecked()

        def work(task: Task) -> Path:
            return self.service.monthly_summary_pdf(
                period, lang, path, suppressed=shared, progress=task.report, cancelled=task.is_cancelled
            )

        def done(written: Path) -> None:
            self.last_pdf = written
            show_status(self.state, lambda: self.tr("Saved: %1").replace("%1", str(written)))

        return self._start(work, done)

    # -- print --------------------------------------------------------------------------------------

    def _printer(self) -> QPrinter:
        if self.printer is None:
            self.printer = new_printer()
        return self.printer

    def choose_printer(self) -> QPrintDialog:
        printer = self._printer()
        printer.setDocName(f"SHSC {self.period()}")
        return ask_printer(self, printer, self.tr("Print the monthly summary"), self.print_to)

    def print_to(self, printer: QPrinter) -> BackgroundOperation:
        """Build the summary PDF and paint its pages on ``printer`` (in the background)."""
        period, lang, shared = self.period(), self.pdf_language(), self.shared.isChecked()

        def work(task: Task) -> int:
            # Progress in per cent: building the PDF is the first half, printing its pages the second.
            def built(done: int, total: int) -> None:
                task.report(50 * done // max(1, total), 100)

            def printed(done: int, total: int) -> None:
                task.report(50 + 50 * done // max(1, total), 100)

            pdf = self.service.monthly_summary_for_print(
                period, lang, suppressed=shared, progress=built, cancelled=task.is_cancelled
            )
            return print_pdf(pdf, printer, printed, task.is_cancelled)

        def done(pages: int) -> None:
            show_status(self.state, lambda: self.tr("Sent %n pages to the printer.", "", pages))

        return self._start(work, done)

    def _start(self, work: object, done: object) -> BackgroundOperation:
        self._set_busy(True)
        operation = run_in_background(self, work, done, self._failed, self._progress)  # type: ignore[arg-type]
        operation.finished.connect(self._finished)
        self.operation = operation
        return operation
