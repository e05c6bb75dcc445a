"""Lists that show what matters: column widths from their content, codes never cut.

:func:`fit_columns` sizes a table's columns from the header and the rows on screen (re-done when the
rows, the language or the width change): code columns (incident, survivor, referral codes) get the
width of their longest code, whole; the other columns get their content's width up to a cap, and
when the table is still wider than its viewport the widest label columns give way first. A cut text
is elided (codes in the middle, so both the office and the sequence number stay readable) and the
whole text is shown as a tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

PADDING = 24  # cell margins, and room for a sort arrow in the header
LABEL_FLOOR = 90  # a label column is never cut narrower than this
SAMPLE_ROWS = 200  # the rows measured (the incident log fetches 200 at a time)


class WholeTextDelegate(QStyledItemDelegate):
    """Elides in ``mode`` and shows the whole text as a tooltip when the cell cuts it."""

    def __init__(self, mode: Qt.TextElideMode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.mode

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            own = index.data(Qt.ItemDataRole.ToolTipRole)
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if not own and text and is_cut(view, index, text):
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


def text_width(view: QAbstractItemView, text: str) -> int:
    return QFontMetrics(view.font()).horizontalAdvance(text)


def is_cut(view: QAbstractItemView, index: QModelIndex | QPersistentModelIndex, text: str) -> bool:
    return text_width(view, text) + PADDING // 2 > view.visualRect(index).width()


def _texts(model: QAbstractItemModel, column: int) -> Iterable[str]:
    for row in range(min(model.rowCount(), SAMPLE_ROWS)):
        value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        if value:
            yield str(value)


class _ColumnFitter(QObject):
    def __init__(self, table: QTableView, code_columns: tuple[int, ...]) -> None:
        super().__init__(table)
        self.table = table
        self.code_columns = code_columns
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged, model.dataChanged):
            signal.connect(self.timer.start)
        model.headerDataChanged.connect(self.timer.start)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.timer.start()
        return False

    def wanted(self) -> list[int]:
        table, model = self.table, self.table.model()
        header = table.horizontalHeader()
        header_metrics = QFontMetrics(header.font())
        widths = []
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            content = max((text_width(table, t) for t in _texts(model, column)), default=0)
            widths.append(max(content, header_metrics.horizontalAdvance(title)) + PADDING)
        return widths

    def fit(self) -> None:
        table = self.table
        header = table.horizontalHeader()
        columns = [c for c in range(table.model().columnCount()) if not table.isColumnHidden(c)]
        if not columns:
            return
        wanted = self.wanted()
        cap = label_cap(
            table.viewport().width(),
            sum(wanted[c] for c in columns if c in self.code_columns),
            [wanted[c] for c in columns if c not in self.code_columns],
        )
        for c in columns:
            width = wanted[c] if c in self.code_columns else min(wanted[c], cap)
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(c, width)
        header.setStretchLastSection(True)


def label_cap(room: int, codes: int, labels: list[int]) -> int:
    """The largest width to which cutting the label columns makes everything fit in ``room`` (the
    widest labels give way first), but never below :data:`LABEL_FLOOR`."""
    if codes + sum(labels) <= room or not labels:
        return max(labels, default=0)
    low, high = LABEL_FLOOR, max(labels)
    while low < high:
        middle = (low + high + 1) // 2
        if codes + sum(min(w, middle) for w in labels) <= room:
            low = middle
        else:
            high = middle - 1
    return low


def rows_height(table: QTableView, rows: int) -> int:
    """The height that shows the header and ``rows`` rows (and a horizontal scroll bar)."""
    return (
        table.horizontalHeader().sizeHint().height()
        + rows * table.verticalHeader().defaultSectionSize()
        + table.horizontalScrollBar().sizeHint().height()
        + 2 * table.frameWidth()
    )


def fit_columns(table: QTableView, code_columns: Iterable[int] = ()) -> None:
    """Keep ``table``'s columns sized from their content (see the module docstring)."""
    codes = tuple(code_columns)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setItemDelegate(WholeTextDelegate(Qt.TextElideMode.ElideRight, table))
    for column in codes:
        table.setItemDelegateForColumn(column, WholeTextDelegate(Qt.TextElideMode.ElideMiddle, table))
    table.setProperty("codeColumns", list(codes))
    fitter = _ColumnFitter(table, codes)
    fitter.fit()
