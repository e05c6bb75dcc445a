"""The Completeness tab of a district or the ministry: each enrolled office × the last months (on
time / late / missing / nil report, in colour *and* text), the reporting rate per month, the deadline
(an office setting), the bundle gaps, and returning a commune's month for correction.

Data comes from :class:`~shsc_desktop.services.district.DistrictService`, read in the background.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..security.permissions import Perm
from ..services.completeness import (
    DEADLINE_KEY,
    LATE,
    MISSING,
    NIL_REPORT,
    NOT_ENROLLED,
    NOT_EXPECTED,
    ON_TIME,
    Completeness,
    CompletenessCell,
)
from ..services.district import month_rates
from ..services.office import UnlockedOffice
from ..services.returns import ReturnResult
from ..services.statistics import period_label
from ..values.changes import Changes
from ..values.period import PHNOM_PENH
from . import exchange_common as common  # common.choose_path looked up at call time: tests pre-answer it
from .district_tables import OnResize
from .exchange_common import (
    BAD,
    GOOD,
    NEUTRAL,
    WARN,
    OfficePanel,
    busy_bar,
    push_button,
    text_label,
)
from .form_helpers import ReasonDialog, ask_reason
from .grid_model import Cell, GridModel, GridRow, grid_row, read_only_view
from .i18n import current_language
from .messages import show_message
from .operations import BackgroundOperation, Task, run_in_background, run_with_busy, run_write
from .screen import FlowRow
from .session import session_of

COLOURS = {
    ON_TIME: GOOD,
    LATE: WARN,
    MISSING: BAD,
    NIL_REPORT: NEUTRAL,
    NOT_ENROLLED: BAD,
    NOT_EXPECTED: QColor("#ffffff"),
}
"""The colour of each status in the grid (its text says the same)."""


class CompletenessPanel(OfficePanel):
    """Who reported, month by month (DHIS2's reporting rate summary)."""

    OFFICE_WIDTH = (120, 220)  # the office column: narrowest, widest
    MONTH_MINIMUM = 44  # a month column is never narrower (its text wraps first)
    MONTH_COMFORT = 96  # the office column only takes what leaves each month this much

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(office, "completenessPanel", parent)
        self.service = self.session.services.district
        self.can_set = office.actor.can(Perm.MANAGE_SETTINGS)
        self.data: Completeness | None = None
        self._reads = 0  # the latest refresh; an older answer is dropped

        self.help = text_label()
        self.months_label = QLabel()
        self.months = QSpinBox()
        self.months.setObjectName("completenessMonths")
        self.months.setRange(6, 12)
        self.months.setValue(6)
        self.months.valueChanged.connect(lambda _v: self.refresh())
        self.deadline_label = QLabel()
        self.deadline = QSpinBox()
        self.deadline.setObjectName("deadlineDays")
        self.deadline.setRange(0, 60)  # its stored value comes with the first refresh
        self.save_deadline_button = push_button("saveDeadlineButton", self.save_deadline)
        self.save_deadline_button.setEnabled(self.can_set)
        self.model = GridModel(parent=self)
        self.table = read_only_view(self.model, "completenessTable")
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        # The months share what the office column leaves (their text wraps), so at 1024 px the
        # newest month is not pushed off to the right behind a sideways scroll bar.
        self.table.horizontalHeader().setMinimumSectionSize(self.MONTH_MINIMUM)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.viewport().installEventFilter(OnResize(self.table, self._fit_columns))
        self.legend = text_label()
        self.gaps = text_label("sequenceGaps")
        # Return a commune's month for correction (a district, with the import permission).
        self.can_return = office.info.level == "district" and office.actor.can(Perm.IMPORT)
        self.return_choice = QComboBox()
        self.return_choice.setObjectName("returnChoice")
        self.return_button = push_button("returnButton", self.ask_return)
        self.return_busy = busy_bar()
        self.return_row = FlowRow().add_widgets(self.return_choice, self.return_button, self.return_busy)
        row = FlowRow().add_widgets(
            self.months_label, self.months, self.deadline_label, self.deadline, self.save_deadline_button
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.gaps)
        layout.addLayout(self.return_row)
        for widget in (self.return_choice, self.return_button):
            widget.setVisible(self.can_return)
        self.retranslate()
        self.session.hub.changed.connect(self.on_changes)
        self.refresh(with_deadline=True)

    def retranslate(self) -> None:
        below = self.tr("commune") if self.office.info.level == "district" else self.tr("district")
        self.help.setText(
            self.tr(
                "Each %1 and month: on time, late, missing or nil report (a nil report is a complete "
                "report of a month without incidents). The last row is the reporting rate."
            ).replace("%1", below)
        )
        self.months_label.setText(self.tr("Months shown:"))
        self.deadline_label.setText(self.tr("On time if received within this many days after the month:"))
        self.save_deadline_button.setText(self.tr("Save"))
        self.return_button.setText(self.tr("Return for correction…"))
        self.legend.setText(
            self.tr(
                "Green: on time · yellow: late · red: missing or not enrolled · grey: nil report (on "
                "time or late) · white: before the office's first expected month · ⚠: dates to check. "
                "On time means sent by the office (its signed date, Phnom Penh time) within the deadline."
            )
        )
        if self.data is not None:
            self._render(self.data)  # the same months in the other language: nothing to read again

    def status_text(self, status: str, late: bool) -> str:
        if status == NIL_REPORT:
            return self.tr("Nil report, late") if late else self.tr("Nil report")
        return {
            ON_TIME: self.tr("On time"),
            LATE: self.tr("Late"),
            MISSING: self.tr("Missing"),
            NOT_ENROLLED: self.tr("Not enrolled"),
            NOT_EXPECTED: "–",  # white, explained in the legend and the tooltip: short, so months fit
        }.get(status, status)

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: bundles received or returned, the deadline changed."""
        if changes.exchange or DEADLINE_KEY in changes.settings:
            self.refresh(with_deadline=DEADLINE_KEY in changes.settings)

    def refresh(self, with_deadline: bool = False) -> BackgroundOperation | None:
        """Read who reported (and, when asked, the stored deadline) in the background, then show it."""
        if self.office.locked:  # a language change while the window closes after locking
            return None
        self._reads += 1
        ticket = self._reads
        service, months = self.service, self.months.value()

        def read(_task: Task) -> tuple[Completeness, int | None]:
            return service.completeness(months), service.deadline_days() if with_deadline else None

        def show(found: tuple[Completeness, int | None]) -> None:
            if ticket != self._reads:
                return
            if found[1] is not None:
                self.deadline.setValue(found[1])
            self._render(found[0])

        return run_in_background(self, read, show)

    def _render(self, comp: Completeness) -> None:
        """Show ``comp`` in the current language (no database work)."""
        self.data = comp
        lang = current_language()
        codes: list[str] = []
        names: dict[str, str] = {}
        for c in comp.cells:
            if c.code not in names:
                codes.append(c.code)
                names[c.code] = (c.name_km if lang == "km" else c.name_en) or c.name_en
        rows = [
            GridRow(
                (
                    Cell(f"{code} {names[code]}".strip()),
                    *(self._cell(comp.cell(code, p)) for p in comp.periods),
                ),
                code,
            )
            for code in codes
        ]
        rates = [
            self.tr("%1 of %2 (%3%), on time %4")
            .replace("%1", str(r.reported))
            .replace("%2", str(r.expected))
            .replace("%3", str(r.rate))
            .replace("%4", str(r.on_time))
            for r in month_rates(comp)
        ]
        rows.append(grid_row([self.tr("Reporting rate"), *rates], bold=True))
        titles = [self.tr("Office")] + [period_label(p, lang, short=lang != "km") for p in comp.periods]
        self.model.set_grid(rows, titles)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        for j in range(1, len(titles)):
            header.setSectionResizeMode(j, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self._show_gaps(comp)
        self._fill_return_choice(comp, names)

    def _cell(self, cell: CompletenessCell) -> Cell:
        """One office's month: its status in words (⚠ when its dates disagree, whether it was
        returned), its colour, and when it was sent and received."""
        text = self.status_text(cell.status, cell.late)
        tip = ""
        if cell.received_at is not None:
            tip = self._dates_text(cell)
        elif cell.status == NOT_EXPECTED:
            tip = self.tr("Not expected yet")
        if cell.dates_disagree:
            text += " ⚠"
        if cell.returned is not None:
            text += " · " + self.tr("returned")
            tip = self.tr("Returned for correction: %1").replace("%1", cell.returned)
        return Cell(text, COLOURS[cell.status], tip)

    def _fit_columns(self) -> None:
        """The office column takes what the months leave (within OFFICE_WIDTH); the months stretch
        over the rest. If even that does not fit, the newest month (the last column) stays in view."""
        months = max(self.model.columnCount() - 1, 1)
        low, high = self.OFFICE_WIDTH
        spare = self.table.viewport().width() - months * self.MONTH_COMFORT
        width = max(low, min(high, spare))
        if self.table.columnWidth(0) != width:
            self.table.setColumnWidth(0, width)
        self.table.resizeRowsToContents()
        bar = self.table.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def _dates_text(self, cell: CompletenessCell) -> str:
        """When the office sent the month (its signed time) and when it arrived, Phnom Penh time."""
        sent = cell.sent_at or cell.received_at
        received = cell.received_at
        assert sent is not None and received is not None
        return (
            self.tr("Sent %1, received %2 (Phnom Penh time), revision %3")
            .replace("%1", sent.astimezone(PHNOM_PENH).strftime("%Y-%m-%d %H:%M"))
            .replace("%2", received.astimezone(PHNOM_PENH).strftime("%Y-%m-%d %H:%M"))
            .replace("%3", str(cell.revision))
        )

    def _show_gaps(self, comp: Completeness) -> None:
        """Bundle numbers that never arrived, and reports whose dates cannot both be right."""
        lines = [
            self.tr("%1: no. %2").replace("%1", code).replace("%2", ", ".join(map(str, numbers)))
            for code, numbers in comp.gaps.items()
        ]
        texts = []
        if lines:
            texts.append(
                self.tr("Bundles not received yet (ask the office for them): %1").replace(
                    "%1", "; ".join(lines)
                )
            )
        for cell in comp.cells:
            if cell.dates_disagree:
                texts.append(
                    self.tr(
                        "⚠ %1, %2: the sending date signed by the office cannot be right beside the date "
                        "it arrived (%3). Check the clocks of both computers."
                    )
                    .replace("%1", cell.code)
                    .replace("%2", period_label(cell.period, current_language()))
                    .replace("%3", self._dates_text(cell))
                )
        for broken in comp.broken_audit:
            texts.append(
                self.tr(
                    "⚠ %1, %2 (bundle no. %3): its audit log does not continue the log of the office's "
                    "previous bundle. Entries may have been removed or rewritten at that office: ask its "
                    "chief to check the audit log."
                )
                .replace("%1", broken.code)
                .replace("%2", period_label(broken.period, current_language()))
                .replace("%3", str(broken.sequence))
            )
        self.gaps.setVisible(bool(texts))
        self.gaps.setText("\n".join(texts))

    # -- return for correction -----------------------------------------------------------------

    def _fill_return_choice(self, comp: Completeness, names: dict[str, str]) -> None:
        """The reports received, newest month first: the ones a district can send back."""
        chosen = self.return_choice.currentData()
        self.return_choice.clear()
        lang = current_language()
        for p in reversed(comp.periods):
            for cell in comp.cells:
                if cell.period == p and cell.received_at is not None:
                    text = f"{period_label(p, lang)} · {cell.code} {names.get(cell.code, '')}".strip()
                    self.return_choice.addItem(text, (cell.code, p))
        if chosen is not None:
            index = self.return_choice.findData(chosen)
            if index >= 0:
                self.return_choice.setCurrentIndex(index)
        self.return_button.setEnabled(self.can_return and self.return_choice.count() > 0)

    def ask_return(self) -> ReasonDialog | None:
        chosen = self.return_choice.currentData()
        if chosen is None:
            return None
        code, period = chosen
        month = period_label(period, current_language())
        return ask_reason(
            self,
            self.tr("Return for correction"),
            self.tr(
                "Return the report of %1 for %2 to the commune for correction. Say what should be "
                "corrected: the commune sees this reason. The notice is a signed file to carry to the "
                "commune."
            )
            .replace("%1", code)
            .replace("%2", month),
            self.tr("Choose where to save the notice…"),
            lambda reason: self.choose_return_folder(code, period, reason),
        )

    def choose_return_folder(self, code: str, period: str, reason: str) -> QFileDialog:
        return common.choose_one(
            self,
            self.tr("Folder for the return notice"),
            lambda path: self.start_return(code, period, reason, path),
            purpose="notice",
            folder=True,
        )

    def start_return(self, code: str, period: str, reason: str, folder: Path) -> BackgroundOperation:
        service = session_of(self.office).services.returns

        def written(result: ReturnResult) -> None:
            show_message(
                self,
                self.tr("The notice was saved as %1. Carry it to commune %2.")
                .replace("%1", str(result.path))
                .replace("%2", result.office_code),
            )

        def finished() -> None:
            self.return_button.setEnabled(self.can_return and self.return_choice.count() > 0)

        self.return_button.setEnabled(False)
        return run_with_busy(
            self,
            self.return_busy,
            lambda _task: service.return_report(code, period, reason, folder),
            written,
            finished,
            hub=self.session.hub,
        )

    def save_deadline(self) -> BackgroundOperation:
        """Store the deadline in the background; the notice recounts who was on time."""
        service, days = self.service, self.deadline.value()
        return run_write(
            self,
            self.session.hub,
            lambda _task: service.set_deadline_days(days),
        )
