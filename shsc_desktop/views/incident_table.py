"""The incident list as a thin, lazily fetched table model.

The model holds only the rows fetched so far (codes, dates, labels: never identifying details).
Filtering and sorting happen in SQL (``IncidentService.query``); the model asks for one page of
:data:`PAGE_SIZE` rows at a time through ``canFetchMore``/``fetchMore`` as the view scrolls, so a
list of 50,000 incidents costs one small query on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ..models import codes
from ..models.codes import CASE_CONTEXT
from ..services.incidents import IncidentFilters, IncidentRow
from .form_helpers import village_name
from .i18n import current_language

PAGE_SIZE = 200

COL_INCIDENT = 0
COL_SURVIVOR = 1
COL_REPORTED = 2
COL_TYPE = 3
COL_CONTEXT = 4
COL_VILLAGE = 5
COL_STATUS = 6
COL_RISK = 7
COL_FOLLOW_UP = 8
COLUMN_COUNT = 9

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the incident id
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the IncidentRow
CODE_ROLE = Qt.ItemDataRole.UserRole + 3  # the stored code of a coded column (type, status, …)

SORT_KEYS: dict[int, str] = {
    COL_INCIDENT: "incident_code",
    COL_SURVIVOR: "survivor_code",
    COL_REPORTED: "date_reported",
    COL_TYPE: "gbv_type",
    COL_VILLAGE: "village_code",
    COL_STATUS: "status",
    COL_RISK: "risk_level",
    COL_FOLLOW_UP: "follow_up_date",
}
"""Column → sort key of :data:`shsc_desktop.services.incident_queries.SORT_COLUMNS` (case context: none)."""

Page = tuple[list[IncidentRow], int]
Fetcher = Callable[[IncidentFilters, str, int, int], Page]


class IncidentTableModel(QAbstractTableModel):
    """Incidents, fetched page by page from ``fetch(filters, sort, offset, limit)``.

    Signals:
        sort_requested(str): a header click asks for a new SQL order (``"-date_reported"`` …); the
            page reloads the first page (in the background) and calls :meth:`show_page`.
    """

    sort_requested = Signal(str)

    def __init__(self, fetch: Fetcher, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._rows: list[IncidentRow] = []
        self._total = 0
        self.filters = IncidentFilters()
        self.sort_key = "-date_reported"
        self.today = date.today()

    # -- loading ----------------------------------------------------------------------------------

    def load_first_page(self, filters: IncidentFilters, sort: str) -> Page:
        """What :meth:`show_page` needs; safe to call from a worker thread (no model state)."""
        return self._fetch(filters, sort, 0, PAGE_SIZE)

    def show_page(self, filters: IncidentFilters, sort: str, page: Page) -> None:
        self.beginResetModel()
        self.filters = filters
        self.sort_key = sort
        self._rows, self._total = list(page[0]), page[1]
        self.endResetModel()

    def reload(self) -> None:
        """Fetch the first page again, on this thread (tests, and after a save)."""
        self.show_page(self.filters, self.sort_key, self.load_first_page(self.filters, self.sort_key))

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or len(self._rows) >= self._total:
            return
        rows, total = self._fetch(self.filters, self.sort_key, len(self._rows), PAGE_SIZE)
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if not fresh:
            self._total = len(self._rows)  # the list shrank meanwhile; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._total = max(total, len(self._rows))
        self.endInsertRows()

    # -- the model --------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def row_at(self, row: int) -> IncidentRow:
        return self._rows[row]

    def row_of(self, incident_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.id == incident_id:
                return i
        return -1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == ID_ROLE:
            return r.id
        if role == ROW_ROLE:
            return r
        if role == CODE_ROLE:
            return {
                COL_TYPE: r.gbv_type,
                COL_STATUS: r.status,
                COL_RISK: r.risk_level,
                COL_VILLAGE: r.village_code,
                COL_CONTEXT: ",".join(r.case_context),
            }.get(column)
        overdue = r.follow_up_date is not None and r.status != "closed" and r.follow_up_date < self.today
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_FOLLOW_UP and overdue:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TYPE:
            return codes.GBV_TYPE.label(r.gbv_type, current_language())
        return None

    def _display(self, r: IncidentRow, column: int) -> str:
        lang = current_language()
        if column == COL_INCIDENT:
            return r.incident_code
        if column == COL_SURVIVOR:
            return r.survivor_code
        if column == COL_REPORTED:
            return r.date_reported.isoformat()
        if column == COL_TYPE:
            return codes.GBV_TYPE.label(r.gbv_type, lang)
        if column == COL_CONTEXT:
            return ", ".join(CASE_CONTEXT.label(c, lang) for c in r.case_context)
        if column == COL_VILLAGE:
            return village_name(r.village_code)
        if column == COL_STATUS:
            return codes.INCIDENT_STATUS.label(r.status, lang)
        if column == COL_RISK:
            return codes.RISK_LEVEL.label(r.risk_level, lang)
        if column == COL_FOLLOW_UP:
            return r.follow_up_date.isoformat() if r.follow_up_date else ""
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            COL_INCIDENT: self.tr("Incident"),
            COL_SURVIVOR: self.tr("Survivor"),
            COL_REPORTED: self.tr("Reported"),
            COL_TYPE: self.tr("GBV type"),
            COL_CONTEXT: self.tr("Case context"),
            COL_VILLAGE: self.tr("Village"),
            COL_STATUS: self.tr("Status"),
            COL_RISK: self.tr("Risk"),
            COL_FOLLOW_UP: self.tr("Follow-up"),
        }
        return titles.get(section)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.sort_requested.emit(("-" if order == Qt.SortOrder.DescendingOrder else "") + key)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))
