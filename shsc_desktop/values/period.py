"""Months (``YYYY-MM``) and the office's calendar: one parser, one type, no SQL and no Qt.

Every record belongs to a month, written ``YYYY-MM`` in the database and in bundles. :func:`parse`
is the one place that reads such a text; :class:`Period` does the arithmetic (first and last day,
months before and after). Cambodia keeps Indochina Time (UTC+7) all year, so "today" and "has this
month ended" are judged in Asia/Phnom_Penh time (:func:`phnom_penh_today`), whatever the PC's clock
zone is set to.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from ..errors import ValidationFailed

BAD_PERIOD = "Enter a month as YYYY-MM."
# ASCII digits and the whole text (``fullmatch``): ``\d`` would also take Khmer digits and ``$`` a
# trailing newline, so "២០២៥-11" or "2025-11\n" would pass as a month yet differ from "2025-11".
PATTERN = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")


def is_period(text: object) -> bool:
    """True when ``text`` is exactly a ``YYYY-MM`` month (for checks that must not raise)."""
    return isinstance(text, str) and PATTERN.fullmatch(text) is not None


def _phnom_penh_zone() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Phnom_Penh")
    except Exception:
        return timezone(timedelta(hours=7), "ICT")


PHNOM_PENH = _phnom_penh_zone()


@dataclass(frozen=True, order=True)
class Period:
    """One calendar month."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not (1 <= self.month <= 12 and 1 <= self.year <= 9999):
            raise ValidationFailed({"period": BAD_PERIOD})

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def of(cls, day: date) -> Period:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def shift(self, months: int) -> Period:
        index = self.year * 12 + (self.month - 1) + months
        return Period(index // 12, index % 12 + 1)

    def year_start(self) -> Period:
        return Period(self.year, 1)

    def has_ended(self, today: date) -> bool:
        """True once ``today`` (a Phnom Penh date) is after the month's last day."""
        return today > self.last_day


def parse(text: object) -> Period:
    """``"2025-03"`` → ``Period(2025, 3)``; anything else → :class:`ValidationFailed`."""
    if not isinstance(text, str):
        raise ValidationFailed({"period": BAD_PERIOD})
    m = PATTERN.fullmatch(text)
    if not m:
        raise ValidationFailed({"period": BAD_PERIOD})
    return Period(int(m.group(1)), int(m.group(2)))


def check(text: object) -> str:
    """``text`` itself when it is a ``YYYY-MM`` month (for code that keeps periods as text)."""
    return str(parse(text))


def shift(text: str, months: int) -> str:
    return str(parse(text).shift(months))


def bounds(text: str) -> tuple[date, date]:
    p = parse(text)
    return p.first_day, p.last_day


def of(day: date) -> str:
    return str(Period.of(day))


def phnom_penh_now(now: datetime | None = None) -> datetime:
    """``now`` (an aware time; default: the clock) in Phnom Penh time."""
    return (now or datetime.now(UTC)).astimezone(PHNOM_PENH)


def phnom_penh_today(now: datetime | None = None) -> date:
    """Today's date in Cambodia (the date that decides whether a month has ended)."""
    return phnom_penh_now(now).date()
