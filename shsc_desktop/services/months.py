"""Month approval: the chief approves a month and its records lock; reopening needs a reason.

A record belongs to the month (``YYYY-MM``) of its main date: the report date of an incident, the
referral date of a referral, the meeting date of a meeting. Every register service calls
:func:`ensure_open` inside its write transaction, so a record of an approved month is refused with
:class:`~shsc_desktop.errors.MonthLocked` whatever the GUI shows. The transaction begins with
``BEGIN IMMEDIATE`` (see ``models.engine``), so an approval and a write cannot interleave.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import MonthLocked, ValidationFailed
from ..models.base import utcnow
from ..models.tables import Month
from ..security import audit
from ..security.audit import Action
from ..security.permissions import Perm, require
from . import validation as v
from .office import UnlockedOffice

OPEN = "open"
APPROVED = "approved"
_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def period_of(day: date) -> str:
    """The month a date belongs to, as ``YYYY-MM``."""
    return f"{day.year:04d}-{day.month:02d}"


def check_period(period: str) -> str:
    """``period`` if it is a ``YYYY-MM`` month; ``ValidationFailed`` otherwise."""
    if not isinstance(period, str) or not _PERIOD.match(period):
        raise ValidationFailed({"period": v.BAD_PERIOD})
    return period


def first_day(period: str) -> date:
    year, month = check_period(period).split("-")
    return date(int(year), int(month), 1)


def add_months(period: str, count: int) -> str:
    start = first_day(period)
    index = start.year * 12 + start.month - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def is_approved(session: Session, period: str) -> bool:
    row = session.get(Month, period)
    return row is not None and row.status == APPROVED


def ensure_open(session: Session, *periods: str) -> None:
    """Refuse a write into an approved month (call inside the write transaction)."""
    for period in dict.fromkeys(periods):
        if is_approved(session, period):
            raise MonthLocked(
                f"The month {period} has been approved and its records are locked. "
                "The chief can reopen it, giving a reason."
            )


def approved_periods(session: Session, periods: list[str]) -> set[str]:
    rows = session.scalars(select(Month.period).where(Month.period.in_(periods), Month.status == APPROVED))
    return set(rows)


@dataclass(frozen=True)
class MonthStatus:
    period: str
    status: str  # codes.MONTH_STATUS
    approved_by: str | None
    approved_at: datetime | None
    reopen_reason: str

    @property
    def approved(self) -> bool:
        return self.status == APPROVED


def _status(period: str, row: Month | None) -> MonthStatus:
    if row is None:
        return MonthStatus(period, OPEN, None, None, "")
    return MonthStatus(row.period, row.status, row.approved_by, row.approved_at, row.reopen_reason)


class MonthService:
    """Approve and reopen months. ``today`` is injectable so tests can fix the clock."""

    def __init__(self, office: UnlockedOffice, today: Callable[[], date] = date.today) -> None:
        self.office = office
        self.actor = office.actor
        self.today = today

    def status(self, period: str) -> MonthStatus:
        require(self.actor, Perm.RECORDS_READ)
        check_period(period)
        with self.office.reading() as s:
            return _status(period, s.get(Month, period))

    def recent(self, count: int = 12) -> list[MonthStatus]:
        """The current month and the ``count - 1`` before it, newest first."""
        require(self.actor, Perm.RECORDS_READ)
        current = period_of(self.today())
        periods = [add_months(current, -i) for i in range(count)]
        with self.office.reading() as s:
            rows = {m.period: m for m in s.scalars(select(Month).where(Month.period.in_(periods)))}
        return [_status(p, rows.get(p)) for p in periods]

    def approve(self, period: str) -> MonthStatus:
        """Approve a month that has started; its records lock. Audited as ``MONTH_APPROVED``."""
        require(self.actor, Perm.APPROVE_MONTH)
        check_period(period)
        if first_day(period) > self.today():
            raise ValidationFailed({"period": v.MONTH_NOT_STARTED})
        with self.office.transaction() as s:
            row = s.get(Month, period)
            if row is not None and row.status == APPROVED:
                raise ValidationFailed({"period": v.MONTH_ALREADY_APPROVED})
            if row is None:
                row = Month(period=period)
                s.add(row)
            row.status = APPROVED
            row.approved_by = self.actor.username
            row.approved_at = utcnow()
            s.flush()
            audit.record(s, self.actor.username, Action.MONTH_APPROVED, "month", period, {})
            return _status(period, row)

    def reopen(self, period: str, reason: str) -> MonthStatus:
        """Unlock an approved month. The reason is kept with the month and in the audit log."""
        require(self.actor, Perm.APPROVE_MONTH)
        check_period(period)
        text = v.require_reason(reason)
        with self.office.transaction() as s:
            row = s.get(Month, period)
            if row is None or row.status != APPROVED:
                raise ValidationFailed({"period": v.MONTH_NOT_APPROVED})
            row.status = OPEN
            row.reopen_reason = text
            s.flush()
            audit.record(
                s,
                self.actor.username,
                Action.MONTH_REOPENED,
                "month",
                period,
                {"reason": text, "approved_by": row.approved_by},
            )
            return _status(period, row)
