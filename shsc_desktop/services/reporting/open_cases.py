"""The open cases of a month's statistics, and what every query of the month shares.

:class:`MonthReader` holds the month (its period, first and last day) and the connection its
queries run on; :class:`OpenCaseQueries` reads the *stocks* of open cases at the month's last day
(the follow-ups due and the open cases by days open) from the partial index of the cases not closed
(``catalogue.OPEN_CASES_INDEX``), so their cost follows the open cases, not the history.
``queries.MonthQueries`` builds on both for every other table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy import Integer, and_, cast, func, select
from sqlalchemy.orm import Session

from ...models.codes import DAYS_OPEN
from ...models.tables import Incident, Month
from . import catalogue as cat
from .tables import CountTable, FollowUp


class MonthReader:
    """One month's queries: the month, and the connection they run on (a reading transaction)."""

    def __init__(self, session: Session, period: str, start: date, end: date) -> None:
        self.s = session
        # The queries return plain rows, never ORM objects: run on the session's connection (its
        # transaction), which skips the ORM's per-row loading, a third of the month's Python time.
        self.db = session.connection()
        self.period = period
        self.start = start
        self.end = end

    # -- queries (populations: catalogue.gbv_incident_in, catalogue.counted_referral) ---------------

    def count(self, q: Any) -> int:
        return int(self.db.scalar(q) or 0)

    def rows(self, q: Any) -> Sequence[Any]:
        """Every row of ``q`` in one fetch (iterating a result fetches its rows one by one)."""
        return self.db.execute(q).all()

    # -- the month ---------------------------------------------------------------------------------

    @cached_property
    def month_row(self) -> Month | None:
        """The month's register row (its status), or ``None`` for a month nobody has opened."""
        return self.s.get(Month, self.period)


class OpenCaseQueries(MonthReader):
    """The open cases and follow-ups as at the month's last day (stocks, not flows)."""

    def follow_up_rows(self, start: date, end: date) -> list[FollowUp]:
        """The open cases as at ``end`` whose follow-up date has come, by follow-up date then code
        (sorted here: SQLite would sort them in a temporary B-tree, which costs more than reading
        them from the open cases' index)."""
        q = select(
            Incident.incident_code,
            Incident.gbv_type,
            Incident.status,
            Incident.date_reported,
            Incident.follow_up_date,
        ).where(cat.follow_up_due(end))
        rows = [
            (due, code, gbv_type, status, reported)
            for code, gbv_type, status, reported, due in self.rows(
                q.with_hint(Incident, cat.OPEN_CASES_INDEX, "sqlite")
            )
            if due is not None
        ]
        rows.sort(key=lambda r: (r[0], r[1]))
        return [
            FollowUp(code, gbv_type, status, due, (end - reported).days, due < start)
            for due, code, gbv_type, status, reported in rows
        ]

    def follow_ups_count(self, end: date) -> int:
        q = select(func.count()).select_from(Incident).where(cat.follow_up_due(end))
        return self.count(q.with_hint(Incident, cat.OPEN_CASES_INDEX, "sqlite"))

    @cached_property
    def month_follow_ups(self) -> tuple[FollowUp, ...]:
        """The follow-ups as at the month's end (the headline counts them, the list shows them)."""
        return tuple(self.follow_up_rows(self.start, self.end))

    def open_cases(self) -> tuple[tuple[FollowUp, ...], CountTable]:
        # Days open computed by SQLite (as for the time to report): converting every open case's
        # date in Python cost more than the query.
        days = cast(
            func.julianday(cat.day_literal(self.end)) - func.julianday(Incident.date_reported), Integer
        )
        # Bucketed by SQLite too: one row back instead of one per open case.
        buckets = {
            "up_to_30": days <= 30,
            "31_60": and_(days > 30, days <= 60),
            "61_90": and_(days > 60, days <= 90),
            "over_90": days > 90,
        }
        q = select(*(func.sum(cast(test, Integer)) for test in buckets.values()))
        q = q.where(cat.open_case(self.end)).with_hint(Incident, cat.OPEN_CASES_INDEX, "sqlite")
        sums = self.db.execute(q).one()
        counts = {bucket: int(n or 0) for bucket, n in zip(buckets, sums, strict=True)}
        table = CountTable.column("open_cases_by_days_open", DAYS_OPEN.name, counts)
        return self.month_follow_ups, table
