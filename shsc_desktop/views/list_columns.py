"""Lists that show what matters: column widths from their content, codes never cut.

:func:`fit_columns` sizes a table's columns from the header and the rows on screen (re-done when the
rows, the language or the width change): code columns (incident, survivor, referral codes) get the
width of their longest code, whole; the other columns get their content's width up to a cap, and
when the table is still wider than its viewport, the free-text columns (``elastic_columns``: the
incident's type and case context) give way first, down to :data:`ELASTIC_FLOOR`, then the widest
label columns, down to :data:`LABEL_FLOOR` (so the incident log fits a 1024-pixel screen without
scrolling sideways). A cut text is elided (codes in the middle, so both the office and the sequence
number stay readable) and the whole text is shown as a tooltip.

A column the user has widened or narrowed by dragging keeps her width through every re-fit (a
reload, a refresh, a new language); the others share the rest.
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
LABEL_FLOOR = 72  # a label column is never cut narrower than this
ELASTIC_FLOOR = 48  # nor a free-text column (its whole text is in the tooltip)
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
    def __init__(
        self, table: QTableView, code_columns: tuple[int, ...], elastic_columns: tuple[int, ...] = ()
    ) -> None:
        super().__init__(table)
        self.table = table
        self.code_columns = code_columns
        self.elastic_columns = tuple(c for c in elastic_columns if c not in code_columns)
        self.user_widths: dict[int, int] = {}  # column → the width the user dragged it to
        self.fitting = False
        self.dragging = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged, model.dataChanged):
            signal.connect(self.timer.start)
        model.headerDataChanged.connect(self.timer.start)
        self.rows_viewport = table.viewport()
        self.rows_viewport.installEventFilter(self)
        header = table.horizontalHeader()
        header.viewport().installEventFilter(self)
        header.sectionResized.connect(self._resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.rows_viewport:
            if event.type() == QEvent.Type.Resize:
                self.timer.start()
        elif event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.dragging = True  # a drag of a section edge, or a double click that fits it
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self.dragging = False
        return False

    def _resized(self, column: int, _old: int, new: int) -> None:
        """Remember a width the user dragged a column to (not the stretched last column, which
        follows the others, nor a width set by :meth:`fit`)."""
        header = self.table.horizontalHeader()
        if self.fitting or not self.dragging or header.visualIndex(column) == header.count() - 1:
            return
        self.user_widths[column] = new

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
        kept = {c: w for c, w in self.user_widths.items() if c in columns}
        fixed = sum(kept.values()) + sum(
            wanted[c] for c in columns if c in self.code_columns and c not in kept
        )
        free = [c for c in columns if c not in kept and c not in self.code_columns]
        elastic = [c for c in free if c in self.elastic_columns]
        labels = [c for c in free if c not in self.elastic_columns]
        room = table.viewport().width() - fixed
        label_widths = [wanted[c] for c in labels]
        elastic_cap = shrink_cap(room - sum(label_widths), [wanted[c] for c in elastic], ELASTIC_FLOOR)
        elastic_widths = [min(wanted[c], elastic_cap) for c in elastic]
        cap = shrink_cap(room - sum(elastic_widths), label_widths, LABEL_FLOOR)
        widths = {c: min(wanted[c], cap) for c in labels}
        widths.update(zip(elastic, elastic_widths, strict=True))
        widths.update({c: wanted[c] for c in columns if c in self.code_columns})
        widths.update(kept)
        self.fitting = True
        try:
            for c in columns:
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(c, widths[c])
            header.setStretchLastSection(True)
        finally:
            self.fitting = False


def shrink_cap(room: int, widths: list[int], floor: int) -> int:
    """The largest width to which cutting ``widths`` makes them fit in ``room`` (the widest give way
    first), but never below ``floor``."""
    if sum(widths) <= room or not widths:
        return max(widths, default=0)
    low, high = floor, max(widths)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(w, middle) for w in widths) <= room:
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


def fit_columns(
    table: QTableView, code_columns: Iterable[int] = (), elastic_columns: Iterable[int] = ()
) -> None:
    """Keep ``table``'s columns sized from their content (see the module docstring)."""
    codes = tuple(code_columns)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setItemDelegate(WholeTextDelegate(Qt.TextElideMode.ElideRight, table))
    for column in codes:
        table.setItemDelegateForColumn(column, WholeTextDelegate(Qt.TextElideMode.ElideMiddle, table))
    table.setProperty("codeColumns", list(codes))
    fitter = _ColumnFitter(table, codes, tuple(elastic_columns))
    fitter.fit()
