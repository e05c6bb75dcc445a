"""District and ministry views of what arrived from below: completeness and the month's totals.

* :class:`CompletenessPanel` – each enrolled office × the last months: on time / late / missing / nil
  report (colour *and* text), the reporting rate per month, and the deadline (an office setting).
* :class:`TotalsPanel` – the month's statistics tables summed over the offices below (exact: they stay
  in this office), a bar chart drawn with QPainter, a per-office breakdown (totals and GBV type), and
  the printed summary and XLSX tables (suppressed: they leave the office).

Data comes from :class:`~shsc_desktop.services.district.DistrictService`; slow work (PDF) runs in the
background.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ..models.codes import GBV_TYPE
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
from ..services.district import DistrictMonth, month_rates, recent_periods
from ..services.office import UnlockedOffice
from ..services.returns import ReturnResult
from ..services.statistics import CountTable, label, period_label
from ..values.changes import Changes
from ..values.period import PHNOM_PENH
from . import exchange_common as common  # common.choose_path looked up at call time: tests pre-answer it
from .exchange_common import BAD, EXCHANGED, GOOD, NEUTRAL, WARN, read_only_table, set_row
from .form_helpers import ReasonDialog, ask_reason
from .i18n import current_language, show_status
from .list_columns import item_at
from .messages import show_message
from .operations import BackgroundOperation, Task, run_in_background, run_with_busy, run_write
from .printing import ask_printer, new_printer, print_pdf
from .screen import FlowRow, FoldingColumns, scrolling
from .session import session_of


class WrappingHeader(QHeaderView):
    """A horizontal header whose labels wrap to the column width and are shown whole: at spaces
    where the words fit, anywhere between letters otherwise (Khmer writes no spaces between words),
    never elided mid-word."""

    PAD = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def _text(self, section: int) -> str:
        model = self.model()
        value = model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole) if model else ""
        return str(value or "")

    def _flags(self, text: str, width: int) -> int:
        metrics = self.fontMetrics()
        words_fit = all(metrics.horizontalAdvance(w) <= width for w in text.split())
        wrap = Qt.TextFlag.TextWordWrap if words_fit else Qt.TextFlag.TextWrapAnywhere
        return int(Qt.AlignmentFlag.AlignCenter) | int(wrap)

    def lines(self, section: int) -> int:
        """How many lines the label of ``section`` takes at its width (for tests)."""
        text = self._text(section)
        width = max(self.sectionSize(section) - 2 * self.PAD, 10)
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 10000), self._flags(text, width), text)
        return max(1, round(rect.height() / self.fontMetrics().lineSpacing()))

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        text = self._text(logicalIndex)
        width = max(self.sectionSize(logicalIndex) - 2 * self.PAD, 10)
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 10000), self._flags(text, width), text)
        return QSize(size.width(), max(size.height(), rect.height() + 2 * self.PAD))

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        text = self._text(logicalIndex)
        inner = rect.adjusted(self.PAD, 2, -self.PAD, -2)
        painter.save()
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(inner, self._flags(text, inner.width()), text)
        painter.restore()


def _wrap_flags(metrics: QFontMetrics, text: str, width: int) -> int:
    """Wrap at spaces where every word fits ``width``, anywhere between letters otherwise (Khmer
    writes no spaces between words)."""
    words_fit = all(metrics.horizontalAdvance(w) <= width for w in text.split())
    return int(Qt.TextFlag.TextWordWrap if words_fit else Qt.TextFlag.TextWrapAnywhere)


class WrappingCellDelegate(QStyledItemDelegate):
    """Cells shown whole, never elided: wrapped to the column's width (see :func:`_wrap_flags`), the
    row as tall as the text needs (``resizeRowsToContents``). For the Totals' row labels."""

    PAD = 6

    def __init__(self, view: QTableWidget) -> None:
        super().__init__(view)
        self.view = view

    def text_rect(self, font_metrics: QFontMetrics, text: str, width: int) -> QRect:
        room = max(width - 2 * self.PAD, 10)
        return font_metrics.boundingRect(
            QRect(0, 0, room, 100000), _wrap_flags(font_metrics, text, room), text
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        inner = opt.rect.adjusted(self.PAD, 2, -self.PAD, -2)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(inner, flags | _wrap_flags(QFontMetrics(opt.font), text, inner.width()), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # type: ignore[override]
        base = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = self.text_rect(QFontMetrics(opt.font), opt.text, self.view.columnWidth(index.column()))
        return QSize(base.width(), max(base.height(), rect.height() + 2 * self.PAD))


class _OnResize(QObject):
    """Calls ``then`` after the watched widget is resized."""

    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.then()
        return False


KHMER_WORD_CAP = 56  # px: Khmer breaks between letters, so a long word need not fit on one line


def figure_column_need(table: QTableWidget, column: int, word_cap: int | None) -> int:
    """The width a figure column needs: the longest word of its (wrapping) header and its widest
    figure in bold, each with its padding. ``word_cap`` (px) bounds the header word, for columns
    that may wrap a long word rather than widen the table (Khmer at most ``KHMER_WORD_CAP``);
    ``None`` fits the whole word."""
    head = table.horizontalHeaderItem(column)
    words = head.text().split() if head is not None else []
    word = max((table.fontMetrics().horizontalAdvance(w) for w in words), default=0)
    if word_cap is not None:
        khmer = any("\u1780" <= ch <= "\u17ff" for ch in "".join(words))
        word = min(word, min(word_cap, KHMER_WORD_CAP) if khmer else word_cap)
    bold = QFont(table.font())
    bold.setBold(True)
    wide = QFontMetrics(bold)
    cells = (table.item(r, column) for r in range(table.rowCount()))
    figures = max((wide.horizontalAdvance(c.text()) for c in cells if c is not None), default=0)
    return max(word + 2 * WrappingHeader.PAD, figures + 16) + 4


def spread_figure_columns(table: QTableWidget, first: int = 1) -> None:
    """The columns from ``first`` on share the width the ones before leave (their headers wrap), so
    a 1366 px screen needs no sideways scroll. None is narrower than its figures or its header's
    longest word (at most 110 px; Khmer at most ``KHMER_WORD_CAP``); below that the table scrolls."""
    need = {j: figure_column_need(table, j, 110) for j in range(first, table.columnCount())}
    if not need:
        return
    room = table.viewport().width() - sum(table.columnWidth(j) for j in range(first))
    extra = max(room - sum(need.values()), 0) // len(need)
    for j, width in need.items():
        table.setColumnWidth(j, width + extra)


class BarChart(QWidget):
    """Horizontal bars with their labels and values (no QtCharts in PySide6-Essentials)."""

    BAR = QColor("#7b2d8b")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.title = ""
        self.bars: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, title: str, bars: list[tuple[str, int]]) -> None:
        self.title = title
        self.bars = bars
        self.updateGeometry()
        self.update()

    def _title_height(self) -> int:
        return QFontMetrics(self.font()).height() + 14  # Khmer needs the extra height

    def _row_height(self) -> int:
        """A bar's label on a line of its own (the chart's whole width), the bar under it."""
        height = QFontMetrics(self.font()).height()
        return (height + 8) + (height + 2)

    def sizeHint(self) -> QSize:
        return QSize(420, self._title_height() + self._row_height() * len(self.bars) + 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._title_height() + self._row_height() * len(self.bars) + 12)

    def label_width(self) -> int:
        """The room each bar's label has: the chart's width, so labels are read whole."""
        return max(self.width() - 8, 10)

    def cut_labels(self) -> list[str]:
        """Labels wider than their room (shown elided, in full as the tooltip): none, normally."""
        metrics = QFontMetrics(self.font())
        return [text for text, _ in self.bars if metrics.horizontalAdvance(text) > self.label_width()]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        title = self._title_height()
        label = metrics.height() + 8
        bar = metrics.height() + 2
        width = self.width()
        painter.setPen(QColor("#1f2933"))
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(4, 0, width - 8, title), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        value_width = metrics.horizontalAdvance("0000") + 8
        top = max((v for _, v in self.bars), default=0) or 1
        span = max(width - value_width - 12, 10)
        for i, (text, value) in enumerate(self.bars):
            y = title + self._row_height() * i
            painter.setPen(QColor("#1f2933"))
            painter.drawText(
                QRectF(4, y, self.label_width(), label),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.label_width()),
            )
            length = span * value / top
            painter.fillRect(QRectF(4, y + label + 1, length, bar - 2), self.BAR)
            painter.drawText(
                QRectF(4 + length + 4, y + label, value_width, bar),
                Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.end()


# ===================================================================================================


class CompletenessPanel(QWidget):
    """Who reported, month by month (DHIS2's reporting rate summary)."""

    OFFICE_WIDTH = (120, 220)  # the office column: narrowest, widest
    MONTH_MINIMUM = 44  # a month column is never narrower (its text wraps first)
    MONTH_COMFORT = 96  # the office column only takes what leaves each month this much

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completenessPanel")
        self.office = office
        self.session = session_of(office)
        self.service = self.session.services.district
        self.can_set = office.actor.can(Perm.MANAGE_SETTINGS)
        self.data: Completeness | None = None
        self._reads = 0  # the latest refresh; an older answer is dropped

        self.help = QLabel()
        self.help.setWordWrap(True)
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
        self.save_deadline_button = QPushButton()
        self.save_deadline_button.setObjectName("saveDeadlineButton")
        self.save_deadline_button.setEnabled(self.can_set)
        self.save_deadline_button.clicked.connect(self.save_deadline)
        self.table = read_only_table(1, "completenessTable")
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        # The months share what the office column leaves (their text wraps), so at 1024 px the
        # newest month is not pushed off to the right behind a sideways scroll bar.
        self.table.horizontalHeader().setMinimumSectionSize(self.MONTH_MINIMUM)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.viewport().installEventFilter(self)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.gaps = QLabel()
        self.gaps.setObjectName("sequenceGaps")
        self.gaps.setWordWrap(True)
        # Return a commune's month for correction (a district, with the import permission).
        self.can_return = office.info.level == "district" and office.actor.can(Perm.IMPORT)
        self.return_choice = QComboBox()
        self.return_choice.setObjectName("returnChoice")
        self.return_button = QPushButton()
        self.return_button.setObjectName("returnButton")
        self.return_button.clicked.connect(self.ask_return)
        self.return_busy = QProgressBar()
        self.return_busy.setRange(0, 0)
        self.return_busy.setMaximumWidth(160)
        self.return_busy.hide()
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
        self.table.setColumnCount(len(comp.periods) + 1)
        self.table.setRowCount(len(codes) + 1)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Office")] + [period_label(p, lang, short=lang != "km") for p in comp.periods]
        )
        colours = {
            ON_TIME: GOOD,
            LATE: WARN,
            MISSING: BAD,
            NIL_REPORT: NEUTRAL,
            NOT_ENROLLED: BAD,
            NOT_EXPECTED: QColor("#ffffff"),
        }
        for i, code in enumerate(codes):
            values = [f"{code} {names[code]}".strip()]
            for p in comp.periods:
                values.append(self.status_text(comp.cell(code, p).status, comp.cell(code, p).late))
            set_row(self.table, i, values)
            for j, p in enumerate(comp.periods):
                cell = comp.cell(code, p)
                item = item_at(self.table, i, j + 1)
                item.setBackground(colours[cell.status])
                item.setForeground(QColor("#1f2933"))
                if cell.received_at is not None:
                    item.setToolTip(self._dates_text(cell))
                elif cell.status == NOT_EXPECTED:
                    item.setToolTip(self.tr("Not expected yet"))
                if cell.dates_disagree:
                    item.setText(item.text() + " ⚠")
                if cell.returned is not None:
                    item.setText(item.text() + " · " + self.tr("returned"))
                    item.setToolTip(self.tr("Returned for correction: %1").replace("%1", cell.returned))
        rates = month_rates(comp)
        values = [self.tr("Reporting rate")]
        for r in rates:
            values.append(
                self.tr("%1 of %2 (%3%), on time %4")
                .replace("%1", str(r.reported))
                .replace("%2", str(r.expected))
                .replace("%3", str(r.rate))
                .replace("%4", str(r.on_time))
            )
        set_row(self.table, len(codes), values)
        bold = self.table.font()
        bold.setBold(True)
        for j in range(len(values)):
            item_at(self.table, len(codes), j).setFont(bold)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        for j in range(1, len(values)):
            header.setSectionResizeMode(j, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self._show_gaps(comp)
        self._fill_return_choice(comp, names)

    def _fit_columns(self) -> None:
        """The office column takes what the months leave (within OFFICE_WIDTH); the months stretch
        over the rest. If even that does not fit, the newest month (the last column) stays in view."""
        months = max(self.table.columnCount() - 1, 1)
        low, high = self.OFFICE_WIDTH
        spare = self.table.viewport().width() - months * self.MONTH_COMFORT
        width = max(low, min(high, spare))
        if self.table.columnWidth(0) != width:
            self.table.setColumnWidth(0, width)
        self.table.resizeRowsToContents()
        bar = self.table.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

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
        return common.choose_path(
            self,
            self.tr("Folder for the return notice"),
            lambda paths: self.start_return(code, period, reason, paths[0]),
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
            changes=EXCHANGED,
        )

    def save_deadline(self) -> BackgroundOperation:
        """Store the deadline in the background; the notice recounts who was on time."""
        service, days = self.service, self.deadline.value()
        return run_write(
            self,
            self.session.hub,
            lambda _task: service.set_deadline_days(days),
            Changes.of_settings(DEADLINE_KEY),
        )


# ===================================================================================================


class TotalsPanel(QWidget):
    """The month's totals over the offices below, a chart, a per-office breakdown, and print/XLSX."""

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self.office = office
        self.district = office.info.level == "district"
        self.session = session_of(office)
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
        self.print_button = QPushButton()
        self.print_button.setObjectName("printSummaryButton")
        self.print_button.clicked.connect(self.choose_printer)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("saveSummaryButton")
        self.pdf_button.clicked.connect(self.choose_pdf_target)
        self.xlsx_button = QPushButton()
        self.xlsx_button.setObjectName("xlsxButton")
        self.xlsx_button.clicked.connect(self.choose_xlsx_target)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.reporting = QLabel()
        self.reporting.setObjectName("reportingLine")
        self.reporting.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.file_result = QLabel()
        self.file_result.setObjectName("fileResult")
        self.file_result.setWordWrap(True)
        self.file_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headline = read_only_table(4, "headlineTable")
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
        self.chosen = read_only_table(1, "chosenTable")
        self.chosen.setHorizontalHeader(WrappingHeader(self.chosen))
        self.chosen.horizontalHeader().setStretchLastSection(True)
        self.breakdown = read_only_table(3, "breakdownTable")
        # The office names are the row headers: frozen while the figures scroll sideways.
        self.breakdown.verticalHeader().setVisible(True)
        self.breakdown.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.breakdown.setHorizontalHeader(WrappingHeader(self.breakdown))
        self.breakdown.horizontalHeader().setStretchLastSection(False)
        # The figure columns share the width the report column leaves, again at every resize.
        self.breakdown.viewport().installEventFilter(
            _OnResize(self.breakdown, lambda: spread_figure_columns(self.breakdown))
        )

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
        self.breakdown.setMinimumHeight(160)

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

        self._fill_breakdown(data, lang)

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

    def _fill_breakdown(self, data: DistrictMonth, lang: str) -> None:
        """One row per office, named in the row header (it stays in view when the columns scroll),
        and a total row; headers wrapped whole at the column width, never cut mid-word."""
        types = list(data.types)
        table = self.breakdown
        table.setColumnCount(2 + len(types))
        table.setRowCount(len(data.breakdown) + 1)
        heads = [self.tr("Report"), self.tr("Incidents")] + [GBV_TYPE.label(t, lang) for t in types]
        table.setHorizontalHeaderLabels(heads)
        status_text = {
            "reported": self.tr("Received"),
            "nil_report": self.tr("Nil report"),
            "missing": self.tr("Missing"),
            "not_enrolled": self.tr("Not enrolled"),
        }
        names = []
        total = 0
        by_type = dict.fromkeys(types, 0)
        for i, row in enumerate(data.breakdown):
            name = row.name(lang)
            names.append(f"{name} ({row.code})" if name != row.code else row.code)
            values = [status_text[row.status]]
            absent = row.status in ("missing", "not_enrolled")
            if absent:
                values += ["–"] * (1 + len(types))
            else:
                values += [str(row.total)] + [str(row.by_type.get(t, 0)) for t in types]
                total += row.total if isinstance(row.total, int) else 0
                for t in types:
                    value = row.by_type.get(t, 0)
                    by_type[t] += value if isinstance(value, int) else 0
            set_row(table, i, values, BAD if absent else None)
        last = len(data.breakdown)
        names.append(self.tr("Total"))
        set_row(table, last, [""] + [str(total)] + [str(by_type[t]) for t in types])
        bold = table.font()
        bold.setBold(True)
        for j in range(table.columnCount()):
            item_at(table, last, j).setFont(bold)
        table.setVerticalHeaderLabels(names)
        for j in range(1, 2 + len(types)):
            head = table.horizontalHeaderItem(j)
            if head is not None:
                head.setToolTip(heads[j])
        table.resizeColumnToContents(0)
        spread_figure_columns(table)
        table.resizeRowsToContents()
        table.horizontalHeader().updateGeometry()
        table.updateGeometries()

    def _headline_resized(self, column: int) -> None:
        if column == 0:  # the row labels wrap: their rows grow or shrink with the column
            self.headline.resizeRowsToContents()

    @staticmethod
    def _fit_figures(widget: QTableWidget) -> None:
        """Each figure column as wide as its numbers or the longest word of its (wrapping) header,
        so the row labels keep the rest of the width."""
        header = widget.horizontalHeader()
        for column in range(1, widget.columnCount()):
            header.resizeSection(column, figure_column_need(widget, column, None))
        widget.resizeRowsToContents()

    def _show_chosen_table(self) -> None:
        if self.data is None:
            return
        key = self.table_choice.currentData()
        if not key:
            return
        self._fill_table(self.chosen, self.data.statistics.table(key), current_language())

    def _fill_table(self, widget: QTableWidget, table: CountTable, lang: str) -> None:
        heads = [label(table.col_list, c, lang) for c in table.cols]
        if table.cols == ("count",):
            heads = [self.tr("Number")]
        has_totals = bool(table.row_totals)
        widget.setColumnCount(1 + len(heads) + (1 if has_totals else 0))
        rows = len(table.rows) + (1 if table.col_totals else 0)
        widget.setRowCount(rows)
        widget.setHorizontalHeaderLabels([""] + heads + ([self.tr("Total")] if has_totals else []))
        for i, code in enumerate(table.rows):
            values = [label(table.row_list, code, lang)] + [str(v) for v in table.cells[i]]
            if has_totals:
                values.append(str(table.row_totals[i]))
            set_row(widget, i, values)
        if table.col_totals:
            values = [self.tr("Total")] + [str(v) for v in table.col_totals]
            if has_totals:
                values.append(str(table.total))
            set_row(widget, len(table.rows), values)
        widget.setColumnWidth(0, 260)
        widget.resizeRowsToContents()

    # -- files that leave the office ---------------------------------------------------------------

    def _file_name(self, suffix: str) -> str:
        info = self.office.info
        return f"SHSC-{info.code or 'MOWA'}-{self.month.currentData()}-summary-{current_language()}.{suffix}"

    def choose_pdf_target(self) -> QFileDialog:
        return common.choose_path(
            self,
            self.tr("Save the district summary") if self.district else self.tr("Save the national summary"),
            lambda paths: self.write_pdf(paths[0]),
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
        return common.choose_path(
            self,
            self.tr("Save the tables"),
            lambda paths: self.write_xlsx(paths[0]),
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
