"""A read-only grid of ready-made cells (text, row colour, tooltip, alignment, bold) behind a
``QTableView``: for the tables whose panels compute each cell already (the completeness grid, the
district totals and by-office breakdown, the exchange tables, the reports page). ``GridModel`` is a
thin :class:`RowsModel`; a row's ``id`` (``ID_ROLE``) keeps it selected across a reload.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableView

from .record_pages import record_table
from .register_tables import RowsModel

INK = QColor("#1f2933")  # text on a coloured row: dark in a dark theme too
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Cell:
    """One cell: its text, and optionally a background colour (the text says the same: never colour
    alone), a tooltip, bold type and right alignment (counts)."""

    text: str
    background: QColor | None = None
    tooltip: str = ""
    bold: bool = False
    right: bool = False


@dataclass(frozen=True)
class GridRow:
    """A row of cells; ``id`` is its key (``ID_ROLE``: the selection follows it across a reload),
    ``title`` its vertical header's text."""

    cells: tuple[Cell, ...]
    id: Any = None
    title: str = ""


def grid_row(
    texts: Sequence[str],
    colour: QColor | None = None,
    *,
    key: Any = None,
    title: str = "",
    bold: bool = False,
    right_from: int | None = None,
) -> GridRow:
    """A row of ``texts``, all on ``colour`` (and bold) when given; the cells from column
    ``right_from`` on are right-aligned."""
    cells = tuple(
        Cell(text, colour, bold=bold, right=right_from is not None and j >= right_from)
        for j, text in enumerate(texts)
    )
    return GridRow(cells, key, title)


class GridModel(RowsModel):
    """Rows of :class:`Cell` under titles that may change with each fill (``set_grid``), or come
    from ``titles()`` in the current language (a panel's own ``tr``)."""

    def __init__(self, titles: Callable[[], list[str]] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = titles
        self._fixed: list[str] = []
        self._tips = False
        self.COLUMN_COUNT = len(titles()) if titles is not None else 0

    def set_grid(
        self, rows: Sequence[GridRow], titles: list[str] | None = None, *, tips: bool = False
    ) -> None:
        """Show ``rows`` (and, when given, new column ``titles``; ``tips`` repeats each title after
        the first in its tooltip, for headers that may wrap). Rows and columns are removed and
        inserted rather than the model reset, so the header keeps its sections' sizes and modes
        (as a ``QTableWidget`` did)."""
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows = []
            self.endRemoveRows()
        if titles is not None:
            self._fixed = list(titles)
        self._tips = tips
        count = len(self.titles())
        if count > self.COLUMN_COUNT:
            self.beginInsertColumns(QModelIndex(), self.COLUMN_COUNT, count - 1)
            self.COLUMN_COUNT = count
            self.endInsertColumns()
        elif count < self.COLUMN_COUNT:
            self.beginRemoveColumns(QModelIndex(), count, self.COLUMN_COUNT - 1)
            self.COLUMN_COUNT = count
            self.endRemoveColumns()
        if count:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, count - 1)
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows = list(rows)
            self.endInsertRows()

    def titles(self) -> list[str]:
        return self._titles() if self._titles is not None else list(self._fixed)

    def display(self, row: Any, column: int) -> str:
        cells = row.cells
        return str(cells[column].text) if 0 <= column < len(cells) else ""

    def styled(self, row: Any, column: int, role: int) -> Any:
        if not 0 <= column < len(row.cells):
            return None
        cell: Cell = row.cells[column]
        if role == Qt.ItemDataRole.BackgroundRole and cell.background is not None:
            return QBrush(cell.background)
        if role == Qt.ItemDataRole.ForegroundRole and cell.background is not None:
            return QBrush(INK)
        if role == Qt.ItemDataRole.ToolTipRole and cell.tooltip:
            return cell.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.right:
            return int(RIGHT)
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def row_title(self, section: int) -> str | None:
        return self._rows[section].title if 0 <= section < len(self._rows) else None

    def title_tip(self, section: int) -> str | None:
        titles = self.titles()
        return titles[section] if self._tips and 1 <= section < len(titles) else None

    def row_of(self, key: Any) -> int | None:
        """The row whose ``id`` is ``key``, if any."""
        return next((i for i, row in enumerate(self._rows) if row.id == key), None)


def read_only_view(model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only table over ``model``, named ``name``: whole rows selected one at a time, no row
    numbers, rows tall enough for Khmer, the last column stretched, texts wrapped."""
    table = record_table(name, model)
    table.verticalHeader().setDefaultSectionSize(34)  # room for Khmer's stacked consonants
    table.verticalHeader().setMinimumSectionSize(30)  # resizeRowsToContents must not clip Khmer
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def grid_of(view: QTableView) -> GridModel:
    """The :class:`GridModel` behind ``view``."""
    model = view.model()
    assert isinstance(model, GridModel)
    return model


def reload_keeping_selection(view: QTableView, model: GridModel, rows: Sequence[GridRow]) -> None:
    """Show ``rows`` in ``model`` (behind ``view``); the row selected before stays selected when a
    row with its ``id`` is still there."""
    selected = view.selectionModel().selectedRows()
    key = model.row_at(selected[0].row()).id if selected else None
    model.set_grid(rows)
    row = model.row_of(key) if key is not None else None
    if row is not None:
        view.selectRow(row)
