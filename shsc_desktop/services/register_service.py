"""What the services of the registers (incidents, referrals, meetings, the directory) share beside
:mod:`~shsc_desktop.services.lifecycle`: the office and the signed-in actor they act for, the day
they count from, the office's commune, the audit entry of a change, and one page of a sorted list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from ..errors import ValidationFailed
from ..security import audit
from ..security.audit import Action
from . import lifecycle
from . import validation as v
from .office import UnlockedOffice

MAX_PAGE = 1000
"""The most rows one call of a register's ``query`` returns."""


class OfficeService:
    """A service acting for the signed-in actor of an unlocked office, counting days from ``today``."""

    def __init__(self, office: UnlockedOffice, today: Callable[[], date] = date.today) -> None:
        self.office = office
        self.actor = office.actor
        self.today = today


class RegisterService(OfficeService):
    """The base of a register's service; a subclass names its ``register``."""

    register: lifecycle.Register[Any]

    def __init__(self, office: UnlockedOffice, today: Callable[[], date] = date.today) -> None:
        super().__init__(office, today)
        self._commune: str | None = None  # the session fills it once it knows the office

    @property
    def commune_code(self) -> str:
        if self._commune is None:
            self._commune = self.office.setting("office.code")
        return self._commune

    def audit(self, s: Session, action: str, row_id: str, details: dict[str, Any]) -> None:
        """The audit entry of what the actor did to record ``row_id``, in the same transaction."""
        audit.record(s, self.actor.username, action, self.register.target, row_id, details)

    def updated(self, s: Session, row: lifecycle.Record, details: Callable[[], dict[str, Any]]) -> None:
        """``row`` was changed: its version moves on, it is written, and the change is audited with
        ``details()`` (called after the version moved, so they may name the new one)."""
        lifecycle.touch(row, self.actor)
        s.flush()
        self.audit(s, Action.RECORD_UPDATED, row.id, details())


def equal_to(filters: object, columns: Mapping[str, Any]) -> list[ColumnElement[bool]]:
    """``column == value`` for every filter of ``filters`` (the attribute named as in ``columns``)
    that is set; an empty or ``None`` filter selects everything."""
    return [column == value for name, column in columns.items() if (value := getattr(filters, name))]


def sort_order(sort: str, columns: Mapping[str, Any], *ties: Any) -> list[Any] | None:
    """The ORDER BY of ``sort`` (a key of ``columns``, ``-`` first for descending), then ``ties`` in
    the same direction; ``None`` for a key that is not one of ``columns``."""
    key = sort.lstrip("-")
    if key not in columns:
        return None
    descending = sort.startswith("-")
    return [c.desc() if descending else c.asc() for c in (columns[key], *ties)]


def require_sort(sort: str, columns: Mapping[str, Any], *ties: Any) -> list[Any]:
    """:func:`sort_order`, refusing an unknown key (``sort``: not in the list)."""
    order = sort_order(sort, columns, *ties)
    if order is None:
        raise ValidationFailed({"sort": v.NOT_IN_LIST})
    return order


def page_window(offset: int, limit: int) -> tuple[int, int]:
    """``offset`` and ``limit`` of one page, neither negative, the limit at most :data:`MAX_PAGE`."""
    return max(0, offset), max(0, min(limit, MAX_PAGE))
