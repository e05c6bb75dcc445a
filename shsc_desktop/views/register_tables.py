"""Thin table models for the smaller registers: referrals, follow-ups, meetings, action items and
the directory. Each holds a list of the service's plain rows; ``ID_ROLE`` gives the record id and
``ROW_ROLE`` the row object. These lists are short (a commune's directory, a year's meetings), so
they are loaded whole; the incident log, which can be long, pages lazily (``incident_table``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..models import codes
from ..services.contacts import ContactView
from ..services.meetings import ActionItemView, MeetingRow
from ..services.referrals import FollowUp, ReferralView
from .form_helpers import village_name
from .i18n import current_language

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE = QColor("#b00020")


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of frozen rows; subclasses name their columns."""

    COLUMN_COUNT = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(row, index.column()):
            return QBrush(OVERDUE)
        return self.styled(row, index.column(), role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return self.row_title(section) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.title_tip(section)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.COLUMN_COUNT - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1))

    # -- for subclasses -------------------------------------------------------------------------

    def titles(self) -> list[str]:
        raise NotImplementedError

    def display(self, row: Any, column: int) -> str:
        """The text of one cell: by default the ``column``-th of :meth:`values`."""
        values = self.values(row)
        return values[column] if 0 <= column < len(values) else ""

    def values(self, row: Any) -> list[str]:
        """The texts of a row's cells, column by column (or override :meth:`display`)."""
        raise NotImplementedError

    def is_overdue(self, row: Any, column: int) -> bool:
        return False

    def styled(self, row: Any, column: int, role: int) -> Any:
        """A cell's other roles (background, tooltip, alignment, font…): none unless a subclass says."""
        return None

    def row_title(self, section: int) -> str | None:
        """The vertical header's text of row ``section``: none unless a subclass names its rows."""
        return None

    def title_tip(self, section: int) -> str | None:
        """The tooltip of column ``section``'s header: none unless a subclass gives one."""
        return None


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def _provider(name_km: str, name_en: str, lang: str) -> str:
    """A provider's name in the interface language, else in the other one."""
    return (name_km or name_en) if lang == "km" else (name_en or name_km)


class ReferralTableModel(RowsModel):
    COL_DATE = 0
    COL_INCIDENT = 1
    COL_SERVICE = 2
    COL_PROVIDER = 3
    COL_URGENCY = 4
    COL_STATUS = 5
    COL_OUTCOME = 6
    COL_FOLLOW_UP = 7
    COLUMN_COUNT = 8

    def titles(self) -> list[str]:
        return [
            self.tr("Referred"),
            self.tr("Incident"),
            self.tr("Service"),
            self.tr("Provider"),
            self.tr("Urgency"),
            self.tr("Response"),
            self.tr("Outcome"),
            self.tr("Follow-up"),
        ]

    def values(self, r: ReferralView) -> list[str]:
        lang = current_language()
        return [
            _d(r.date_referred),
            r.incident_code,
            codes.SERVICE_TYPE.label(r.service_type, lang),
            _provider(r.provider_name_km, r.provider_name_en, lang),
            codes.URGENCY.label(r.urgency, lang),
            codes.REFERRAL_STATUS.label(r.status, lang),
            codes.REFERRAL_OUTCOME.label(r.outcome, lang),
            _d(r.follow_up_date),
        ]


class FollowUpTableModel(RowsModel):
    COL_DUE = 0
    COL_OVERDUE = 1
    COL_KIND = 2
    COL_INCIDENT = 3
    COL_SURVIVOR = 4
    COL_SERVICE = 5
    COL_PROVIDER = 6
    COLUMN_COUNT = 7

    def titles(self) -> list[str]:
        return [
            self.tr("Due"),
            self.tr("Days overdue"),
            self.tr("Follow-up of"),
            self.tr("Incident"),
            self.tr("Survivor"),
            self.tr("Service"),
            self.tr("Provider"),
        ]

    def values(self, f: FollowUp) -> list[str]:
        lang = current_language()
        return [
            _d(f.follow_up_date),
            str(f.days_overdue) if f.overdue else "",
            self.tr("Referral") if f.kind == "referral" else self.tr("Incident"),
            f.incident_code,
            f.survivor_code,
            codes.SERVICE_TYPE.label(f.service_type, lang) if f.service_type else "",
            _provider(f.provider_name_km, f.provider_name_en, lang),
        ]

    def is_overdue(self, f: FollowUp, column: int) -> bool:
        return f.overdue and column in (self.COL_DUE, self.COL_OVERDUE)


class MeetingTableModel(RowsModel):
    COL_DATE = 0
    COL_TYPE = 1
    COL_VENUE = 2
    COL_PARTICIPANTS = 3
    COL_OPEN_ACTIONS = 4
    COLUMN_COUNT = 5

    def titles(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Meeting"),
            self.tr("Venue"),
            self.tr("Participants"),
            self.tr("Open actions"),
        ]

    def values(self, m: MeetingRow) -> list[str]:
        return [
            _d(m.meeting_date),
            codes.MEETING_TYPE.label(m.meeting_type, current_language()),
            village_name(m.venue_village_code),
            str(m.participants),
            str(m.open_actions),
        ]


class ActionItemTableModel(RowsModel):
    COL_DUE = 0
    COL_ACTION = 1
    COL_OWNER = 2
    COL_STATUS = 3
    COL_MEETING = 4
    COLUMN_COUNT = 5

    def titles(self) -> list[str]:
        return [self.tr("Due"), self.tr("Action"), self.tr("Owner"), self.tr("Status"), self.tr("Meeting")]

    def values(self, a: ActionItemView) -> list[str]:
        lang = current_language()
        return [
            _d(a.due_date),
            a.action,
            a.owner,
            codes.ACTION_STATUS.label(a.status, lang),
            f"{_d(a.meeting_date)} {codes.MEETING_TYPE.label(a.meeting_type, lang)}",
        ]

    def is_overdue(self, a: ActionItemView, column: int) -> bool:
        return a.overdue and column == self.COL_DUE


class ContactTableModel(RowsModel):
    COL_NAME = 0
    COL_TYPE = 1
    COL_SERVICES = 2
    COL_PERSON = 3
    COL_PHONE = 4
    COL_COVERAGE = 5
    COL_VERIFIED = 6
    COL_ACTIVE = 7
    COLUMN_COUNT = 8

    def titles(self) -> list[str]:
        return [
            self.tr("Organisation"),
            self.tr("Type"),
            self.tr("Services"),
            self.tr("Contact person"),
            self.tr("Phone"),
            self.tr("Coverage"),
            self.tr("Verified"),
            self.tr("Active"),
        ]

    def values(self, c: ContactView) -> list[str]:
        lang = current_language()
        services = ", ".join(
            codes.SERVICE_TYPE.label(s, lang) for s in codes.SERVICE_TYPE.codes() if s in c.services
        )
        return [
            c.name(lang),
            codes.ORGANISATION_TYPE.label(c.organisation_type, lang),
            services,
            c.contact_person,
            c.phone,
            codes.COVERAGE.label(c.coverage, lang),
            _d(c.last_verified),
            self.tr("Yes") if c.active else self.tr("No"),
        ]
