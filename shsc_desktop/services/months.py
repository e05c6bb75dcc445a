"""Month approval: the chief approves a month once it has ended; its figures are kept as approved.

A record belongs to the month (``YYYY-MM``) of its main date: the report date of an incident, the
referral date of a referral, the meeting date of a meeting. Approving stores the month's computed
figures as a snapshot (``services/snapshots.py``; revision 1, 2, …, hash in the audit
log): every later print and export uses it. What approval locks is the month's *facts*: creating,
correcting or deleting its incidents and meetings, and deleting its referrals, call
:func:`ensure_open` inside the write transaction and are refused with
:class:`~shsc_desktop.errors.MonthLocked` until the chief reopens the month. *Case work* goes on
(referral outcomes and new referrals, an incident's status, follow-up date and risk, action items):
it changes the live figures, never the snapshot, and the chief approves a new revision when they
differ. The transaction begins with ``BEGIN IMMEDIATE`` (see ``models.engine``), so an approval and
a write cannot interleave. A month can be approved only after its last day in Phnom Penh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import MonthLocked, ValidationFailed
from ..models.base import utcnow
from ..models.tables import Month, MonthSnapshot
from ..security import audit
from ..security.audit import Action
from ..security.permissions import Perm, require
from ..values import period as periods
from ..values.changes import Changes
from ..values.period import phnom_penh_today
from . import snapshots
from . import validation as v
from .office import UnlockedOffice
from .statistics import compute as compute_statistics

OPEN = "open"
APPROVED = "approved"


def period_of(day: date) -> str:
    """The month a date belongs to, as ``YYYY-MM``."""
    return periods.of(day)


def check_period(period: str) -> str:
    """``period`` if it is a ``YYYY-MM`` month; ``ValidationFailed`` otherwise."""
    return periods.check(period)


def first_day(period: str) -> date:
    return periods.parse(period).first_day


def last_day(period: str) -> date:
    return periods.parse(period).last_day


def add_months(period: str, count: int) -> str:
    return periods.shift(period, count)


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
    revision: int | None = None
    """The newest approved snapshot's revision (``None``: never approved)."""

    @property
    def approved(self) -> bool:
        return self.status == APPROVED


def _status(period: str, row: Month | None, revision: int | None = None) -> MonthStatus:
    if row is None:
        return MonthStatus(period, OPEN, None, None, "", revision)
    return MonthStatus(row.period, row.status, row.approved_by, row.approved_at, row.reopen_reason, revision)


def _revision(session: Session, period: str) -> int | None:
    return session.scalar(select(func.max(MonthSnapshot.revision)).where(MonthSnapshot.period == period))


class MonthService:
    """Approve and reopen months. ``today`` (a Phnom Penh date) is injectable so tests can fix it."""

    def __init__(self, office: UnlockedOffice, today: Callable[[], date] = phnom_penh_today) -> None:
        self.office = office
        self.actor = office.actor
        self.today = today

    def status(self, period: str) -> MonthStatus:
        require(self.actor, Perm.RECORDS_READ)
        check_period(period)
        with self.office.reading() as s:
            return _status(period, s.get(Month, period), _revision(s, period))

    def recent(self, count: int = 12) -> list[MonthStatus]:
        """The current month and the ``count - 1`` before it, newest first."""
        require(self.actor, Perm.RECORDS_READ)
        current = period_of(self.today())
        periods = [add_months(current, -i) for i in range(count)]
        with self.office.reading() as s:
            rows = {m.period: m for m in s.scalars(select(Month).where(Month.period.in_(periods)))}
        return [_status(p, rows.get(p)) for p in periods]

    def approve(self, period: str) -> MonthStatus:
        """Approve a month that has ended (in Phnom Penh): its figures are stored as the next
        revision and its facts lock. An approved month whose live figures differ from its snapshot
        can be approved again: a new revision. Audited as ``MONTH_APPROVED`` with the revision and
        the snapshot's SHA-256."""
        require(self.actor, Perm.APPROVE_MONTH)
        check_period(period)
        if first_day(period) > self.today():
            raise ValidationFailed({"period": v.MONTH_NOT_STARTED})
        if not last_day(period) < self.today():
            raise ValidationFailed({"period": v.MONTH_NOT_ENDED})
        # Only a commune counts its own records; a district's or ministry's figures are the sums of
        # the bundles it imported (kept per revision on import), so their approval stores none.
        counts_records = self.office.info.level == "commune"
        with self.office.transaction(Changes.of_month(period)) as s:
            row = s.get(Month, period)
            if row is not None and row.status == APPROVED:
                previous = snapshots.latest(s, period) if counts_records else None
                if previous is None or not snapshots.differences(
                    previous.statistics, compute_statistics(s, period)
                ):
                    raise ValidationFailed({"period": v.MONTH_ALREADY_APPROVED})
            if row is None:
                row = Month(period=period)
                s.add(row)
            snapshot = snapshots.store(s, period, self.actor.username) if counts_records else None
            row.status = APPROVED
            row.approved_by = self.actor.username
            row.approved_at = snapshot.approved_at if snapshot else utcnow()
            s.flush()
            details = {"revision": snapshot.revision, "sha256": snapshot.sha256} if snapshot else {}
            audit.record(s, self.actor.username, Action.MONTH_APPROVED, "month", period, details)
            return _status(period, row, snapshot.revision if snapshot else None)

    def reopen(self, period: str, reason: str) -> MonthStatus:
        """Unlock an approved month. The reason is kept with the month and in the audit log."""
        require(self.actor, Perm.APPROVE_MONTH)
        check_period(period)
        text = v.require_reason(reason)
        with self.office.transaction(Changes.of_month(period)) as s:
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
            return _status(period, row, _revision(s, period))
