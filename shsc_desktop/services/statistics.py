"""The monthly statistics of one commune: data first, layout elsewhere.

``StatisticsService(office).monthly("2025-03")`` returns a :class:`MonthlyStatistics`: plain,
immutable count tables keyed by stable codes (``reference/domain.md`` §1.4 and §6.1). The printed
summary (``exports/summary_pdf.py``), the screen preview and the export bundle all read these same
tables, so a number means the same wherever it appears. ``to_dict()`` gives the JSON form.

Rules every table follows:

* **Consent.** Incidents whose survivor did not consent to reporting are left out of every table,
  and so are the referrals made for them; they are only *counted*, in ``data_quality``. Deleted
  (soft-deleted) records are left out everywhere.
* **Nil report.** A month without incidents is a valid report whose tables are all zeros.
* **No people.** Only codes and counts; the one list of rows (``follow_ups``) carries incident codes,
  never names, phones or narratives, and is dropped from copies shared outside the commune.
* **Stocks vs flows.** Counts of incidents, referrals and meetings are *flows* (dated in the month by
  ``date_reported``, ``date_referred`` and ``meeting_date``). Open cases, follow-ups and action items
  are *stocks* at the last day of the month, judged on each record's current status (the registers
  keep no status history).

Small-cell suppression for copies that leave the commune is :func:`suppress`; its rule is documented
there.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from ..errors import ValidationFailed
from ..models.codes import (
    ACTION_ITEM_COLUMN,
    ACTION_STATUS,
    AGE_GROUP,
    ALL_LISTS,
    ATTENDANCE_SEX,
    ATTENDEE_GROUP,
    CHILD_ADULT,
    COMMUNE_ACTION,
    COUNT,
    DATA_QUALITY,
    DAYS_OPEN,
    DISABILITY,
    ELAPSED_REPORTING,
    GBV_TYPE,
    HEADLINE,
    INTIMATE_PARTNER_CODES,
    MARITAL_STATUS,
    MEETING_TYPE,
    MONTH_NAMES_KM,
    PERIOD_COLUMN,
    PERIOD_LIST,
    RAPE_HEALTH,
    REFERRAL_OUTCOME,
    REFERRAL_STATUS,
    RELATIONSHIP,
    SERVICE_TYPE,
    SEX,
    STAT_LISTS,
    TREND_MEASURE,
    age_group,
    elapsed_reporting,
)
from ..models.tables import (
    ActionItem,
    Incident,
    Meeting,
    MeetingAttendance,
    Month,
    MonthSnapshot,
    Perpetrator,
    Referral,
)
from ..security.permissions import Perm, require
from .office import UnlockedOffice
from .reporting import catalogue as cat
from .reporting.catalogue import SERVICE_PROVIDED_STATUSES
from .reporting.catalogue import TABLE_KEYS as TABLE_KEYS

Cell = int | str
"""A table cell: a count, or a suppression marker in copies shared outside the commune."""

SMALL = "<5"
"""Marker of a cell below the threshold (primary suppression); with another threshold k: ``<k``."""
HIDDEN = "x"
"""Marker of a cell hidden only so that a total cannot reveal a small cell (secondary suppression)."""

TREND_MONTHS = 12
DEFAULT_THRESHOLD = 5


_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

MONTH_NAMES_EN = [calendar.month_name[i] for i in range(1, 13)]


def period_label(period: str, lang: str, *, short: bool = False) -> str:
    """``2025-03`` → "March 2025" / "មីនា 2025" (digits are converted by the caller if wanted)."""
    year, month = int(period[:4]), int(period[5:7])
    if lang == "km":
        return f"{MONTH_NAMES_KM[month - 1]} {year}"
    name = MONTH_NAMES_EN[month - 1]
    return f"{name[:3]} {year}" if short else f"{name} {year}"


def label(list_name: str, code: str, lang: str) -> str:
    """The Khmer or English label of ``code`` in a record or statistics code list."""
    if list_name == PERIOD_LIST:
        return period_label(code, lang, short=True)
    code_list = ALL_LISTS.get(list_name) or STAT_LISTS.get(list_name)
    if code_list is None:
        return code
    return code_list.label(code, lang)


# --- Count tables ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subtotal:
    """A named group of rows whose sum is shown too (e.g. the intimate-partner rows: IPV)."""

    name: str
    rows: tuple[str, ...]
    values: tuple[Cell, ...]
    """One value per column."""


@dataclass(frozen=True)
class CountTable:
    """Counts of ``rows`` × ``cols`` codes, with totals when the table adds up.

    ``additive`` tables count each record once, so rows and columns add up to the totals shown
    (``row_totals`` when there is more than one column, ``col_totals`` and ``total``). Tables that
    are not additive (a multi-select, periods side by side, indicators that overlap) carry no totals.
    Row and column labels come from the code lists named by ``row_list`` and ``col_list``.
    """

    key: str
    row_list: str
    col_list: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    additive: bool = True
    row_totals: tuple[Cell, ...] = ()
    col_totals: tuple[Cell, ...] = ()
    total: Cell | None = None
    subtotals: tuple[Subtotal, ...] = ()
    threshold: int | None = None
    """The suppression threshold applied, or ``None`` for exact counts (commune-internal)."""

    @classmethod
    def build(
        cls,
        key: str,
        row_list: str,
        col_list: str,
        counts: Mapping[tuple[str, str], int],
        *,
        rows: Iterable[str] | None = None,
        cols: Iterable[str] | None = None,
        additive: bool = True,
        subtotals: Mapping[str, Iterable[str]] | None = None,
    ) -> CountTable:
        """A table of exact counts. Rows and columns default to the code lists, in list order; a
        code found in ``counts`` but missing from the list is appended, so no count is ever lost."""
        row_codes = list(rows) if rows is not None else _list_codes(row_list)
        col_codes = list(cols) if cols is not None else _list_codes(col_list)
        for r, c in counts:
            if r not in row_codes:
                row_codes.append(r)
            if c not in col_codes:
                col_codes.append(c)
        cells = tuple(tuple(int(counts.get((r, c), 0)) for c in col_codes) for r in row_codes)
        row_totals: tuple[Cell, ...] = ()
        col_totals: tuple[Cell, ...] = ()
        total: Cell | None = None
        if additive:
            if len(col_codes) > 1:
                row_totals = tuple(sum(_int(v) for v in row) for row in cells)
            col_totals = tuple(sum(_int(row[j]) for row in cells) for j in range(len(col_codes)))
            total = sum(_int(v) for v in col_totals)
        groups = []
        for name, members in (subtotals or {}).items():
            wanted = set(members)
            member_rows = tuple(r for r in row_codes if r in wanted)
            idx = [row_codes.index(r) for r in member_rows]
            values = tuple(sum(_int(cells[i][j]) for i in idx) for j in range(len(col_codes)))
            groups.append(Subtotal(name, member_rows, values))
        return cls(
            key, row_list, col_list, tuple(row_codes), tuple(col_codes), cells, additive, row_totals,
            col_totals, total, tuple(groups),
        )  # fmt: skip

    @classmethod
    def column(
        cls,
        key: str,
        row_list: str,
        counts: Mapping[str, int],
        *,
        additive: bool = True,
        subtotals: Mapping[str, Iterable[str]] | None = None,
    ) -> CountTable:
        """A one-column table (code → number)."""
        cells = {(r, "count"): n for r, n in counts.items()}
        return cls.build(key, row_list, COUNT.name, cells, additive=additive, subtotals=subtotals)

    def value(self, row: str, col: str = "count") -> Cell:
        return self.cells[self.rows.index(row)][self.cols.index(col)]

    def row_total(self, row: str) -> Cell:
        return self.row_totals[self.rows.index(row)]

    def col_total(self, col: str = "count") -> Cell:
        return self.col_totals[self.cols.index(col)]

    def as_mapping(self) -> dict[str, dict[str, Cell]]:
        return {
            r: dict(zip(self.cols, row, strict=True)) for r, row in zip(self.rows, self.cells, strict=True)
        }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "row_list": self.row_list,
            "col_list": self.col_list,
            "rows": list(self.rows),
            "cols": list(self.cols),
            "cells": self.as_mapping(),
            "additive": self.additive,
            "threshold": self.threshold,
        }
        if self.additive:
            if self.row_totals:
                out["row_totals"] = dict(zip(self.rows, self.row_totals, strict=True))
            out["col_totals"] = dict(zip(self.cols, self.col_totals, strict=True))
            out["total"] = self.total
        if self.subtotals:
            out["subtotals"] = {
                g.name: {"rows": list(g.rows), "values": dict(zip(self.cols, g.values, strict=True))}
                for g in self.subtotals
            }
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CountTable:
        rows, cols = tuple(d["rows"]), tuple(d["cols"])
        return cls(
            key=d["key"],
            row_list=d["row_list"],
            col_list=d["col_list"],
            rows=rows,
            cols=cols,
            cells=tuple(tuple(d["cells"][r][c] for c in cols) for r in rows),
            additive=bool(d["additive"]),
            row_totals=tuple(d["row_totals"][r] for r in rows) if "row_totals" in d else (),
            col_totals=tuple(d["col_totals"][c] for c in cols) if "col_totals" in d else (),
            total=d.get("total"),
            subtotals=tuple(
                Subtotal(name, tuple(g["rows"]), tuple(g["values"][c] for c in cols))
                for name, g in d.get("subtotals", {}).items()
            ),
            threshold=d.get("threshold"),
        )


def _int(v: Cell) -> int:
    if isinstance(v, str):
        raise TypeError("cannot add suppressed cells")
    return v


def _list_codes(list_name: str) -> list[str]:
    code_list = ALL_LISTS.get(list_name) or STAT_LISTS.get(list_name)
    return code_list.codes() if code_list is not None else []


@dataclass(frozen=True)
class FollowUp:
    """One open case whose follow-up date has come (codes only: never a name)."""

    incident_code: str
    gbv_type: str
    status: str
    follow_up_date: date
    days_open: int
    overdue: bool
    """The follow-up was due before this month began."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "incident_code": self.incident_code,
            "gbv_type": self.gbv_type,
            "status": self.status,
            "follow_up_date": self.follow_up_date.isoformat(),
            "days_open": self.days_open,
            "overdue": self.overdue,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FollowUp:
        return cls(
            d["incident_code"],
            d["gbv_type"],
            d["status"],
            date.fromisoformat(d["follow_up_date"]),
            int(d["days_open"]),
            bool(d["overdue"]),
        )


@dataclass(frozen=True)
class MonthlyStatistics:
    """Everything the monthly summary shows, as counts. Immutable and JSON-ready (``to_dict``)."""

    period: str
    period_start: date
    period_end: date
    month_status: str
    nil_report: bool
    """No incident (with consent to reporting) was reported this month: valid, all zeros."""
    tables: tuple[CountTable, ...]
    follow_ups: tuple[FollowUp, ...] = ()
    """Commune-internal work list; dropped from suppressed (shared) copies."""
    threshold: int | None = None
    revision: int | None = None
    """The approved revision these figures are a snapshot of; ``None`` for live figures."""
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update({t.key: i for i, t in enumerate(self.tables)})

    def table(self, key: str) -> CountTable:
        return self.tables[self._index[key]]

    @property
    def without_consent(self) -> int:
        """Incidents of the month left out for want of reporting consent (exact copies only)."""
        return _int(self.table("data_quality").value("without_reporting_consent"))

    def suppressed(self, threshold: int = DEFAULT_THRESHOLD) -> MonthlyStatistics:
        """The copy for sharing outside the commune: small cells hidden, no case codes."""
        return replace(
            self,
            tables=tuple(suppress(t, threshold) for t in self.tables),
            follow_ups=(),
            threshold=threshold,
        )

    def to_dict(self, *, include_case_codes: bool = True) -> dict[str, Any]:
        """JSON form. ``include_case_codes=False`` leaves out the follow-up list (incident codes)."""
        out: dict[str, Any] = {
            "period": self.period,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "month_status": self.month_status,
            "nil_report": self.nil_report,
            "threshold": self.threshold,
            "revision": self.revision,
            "tables": {t.key: t.to_dict() for t in self.tables},
        }
        if include_case_codes:
            out["follow_ups"] = [f.to_dict() for f in self.follow_ups]
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> MonthlyStatistics:
        """The inverse of :meth:`to_dict` (a stored snapshot)."""
        tables = d["tables"]
        order = [k for k in TABLE_KEYS if k in tables] + sorted(k for k in tables if k not in TABLE_KEYS)
        return cls(
            period=d["period"],
            period_start=date.fromisoformat(d["period_start"]),
            period_end=date.fromisoformat(d["period_end"]),
            month_status=d["month_status"],
            nil_report=bool(d["nil_report"]),
            tables=tuple(CountTable.from_dict(tables[k]) for k in order),
            follow_ups=tuple(FollowUp.from_dict(f) for f in d.get("follow_ups", ())),
            threshold=d.get("threshold"),
            revision=d.get("revision"),
        )


# --- Suppression -------------------------------------------------------------------------------

_T = -1  # index of the totals row / column in the suppression grid
_SUB = -2  # rows of subtotals: -2, -3, …
Pos = tuple[int, int]


def _secondary_pick(candidates: list[Pos], values: Mapping[Pos, int], exposed: list[list[Pos]]) -> Pos:
    """The entry to hide next: a non-zero inner cell rather than a zero or a total; among those, one
    that also closes other exposed equations (fewer cells hidden in the end); then the smallest."""

    def cost(p: Pos) -> tuple[bool, bool, int, int, Pos]:
        return (values[p] == 0, _T in p, -sum(p in e for e in exposed), values[p], p)

    return min(candidates, key=cost)


def suppress(table: CountTable, threshold: int = DEFAULT_THRESHOLD) -> CountTable:
    """A copy of ``table`` safe to share outside the commune.

    The rule (DESIGN.md §4, domain.md §5.6):

    1. **Primary**: every cell, row total, column total or grand total from 1 to ``threshold - 1``
       is shown as ``<5`` (``<k`` for another threshold). Zeros are shown.
    2. **Secondary**, only for additive tables: a row (its cells and its total), a column (its cells
       and its total) and the two total lines each form an equation "the parts add up to the total".
       Whenever exactly one entry of an equation is hidden it could be worked out by subtraction, so
       the smallest other entry of that equation is hidden too, preferring a non-zero inner cell over
       a total. This repeats until no equation has exactly one hidden entry. Cells hidden this way are
       shown as ``x`` (they are not small; they protect one that is).

    Subtotals (the IPV rows) add one equation per column: the group's rows add up to the subtotal.
    Grand totals and subtotals are never hidden by the secondary rule (while anything else can be),
    because the same numbers are published elsewhere (the headline box); they are only hidden when
    they are small themselves, the same way in every table.

    Non-additive tables carry no totals, so only primary suppression applies. The rule protects each
    table on its own; combinations of several equations (or of tables) are not audited.
    """
    if table.threshold is not None:
        raise ValueError(f"table {table.key} is already suppressed")
    small = f"<{threshold}"
    nrows, ncols = len(table.rows), len(table.cols)

    values: dict[tuple[int, int], int] = {}
    for i, row in enumerate(table.cells):
        for j, v in enumerate(row):
            values[i, j] = _int(v)
    if table.additive:
        for i, v in enumerate(table.row_totals):
            values[i, _T] = _int(v)
        for j, v in enumerate(table.col_totals):
            values[_T, j] = _int(v)
        if table.row_totals and table.total is not None:
            values[_T, _T] = _int(table.total)
        for g, group in enumerate(table.subtotals):
            for j, v in enumerate(group.values):
                values[_SUB - g, j] = _int(v)
    # Entries published elsewhere too: hidden only when small, never as secondary cells.
    published = {(_T, _T)} if table.row_totals else {(_T, 0)}
    published |= {pos for pos in values if pos[0] <= _SUB}

    primary = {pos for pos, v in values.items() if 0 < v < threshold}
    hidden = set(primary)

    if table.additive:
        equations: list[list[tuple[int, int]]] = [
            [(i, j) for i in range(nrows)] + [(_T, j)] for j in range(ncols)
        ]
        if table.row_totals:
            equations += [[(i, j) for j in range(ncols)] + [(i, _T)] for i in range(nrows)]
            equations.append([(i, _T) for i in range(nrows)] + [(_T, _T)])
            equations.append([(_T, j) for j in range(ncols)] + [(_T, _T)])
        for g, group in enumerate(table.subtotals):
            members = [table.rows.index(r) for r in group.rows]
            equations += [[(i, j) for i in members] + [(_SUB - g, j)] for j in range(ncols)]
        changed = True
        while changed:
            changed = False
            for eq in equations:
                if sum(pos in hidden for pos in eq) != 1:
                    continue
                candidates = [pos for pos in eq if pos not in hidden and pos not in published]
                candidates = candidates or [pos for pos in eq if pos not in hidden]
                if not candidates:
                    continue
                exposed = [e for e in equations if e is not eq and sum(p in hidden for p in e) == 1]
                hidden.add(_secondary_pick(candidates, values, exposed))
                changed = True

    def shown(pos: tuple[int, int]) -> Cell:
        if pos in primary:
            return small
        if pos in hidden:
            return HIDDEN
        return values[pos]

    cells = tuple(tuple(shown((i, j)) for j in range(ncols)) for i in range(nrows))
    row_totals = tuple(shown((i, _T)) for i in range(nrows)) if table.row_totals else ()
    col_totals = tuple(shown((_T, j)) for j in range(ncols)) if table.col_totals else ()
    total: Cell | None = table.total
    if table.total is not None:
        # One column: the grand total is that column's total.
        total = shown((_T, _T)) if table.row_totals else col_totals[0]
    subtotals = tuple(
        replace(group, values=tuple(shown((_SUB - g, j)) for j in range(ncols)))
        for g, group in enumerate(table.subtotals)
    )
    return replace(
        table,
        cells=cells,
        row_totals=row_totals,
        col_totals=col_totals,
        total=total,
        subtotals=subtotals,
        threshold=threshold,
    )


# --- The service -------------------------------------------------------------------------------


def parse_period(period: str) -> tuple[int, int]:
    m = _PERIOD.match(period)
    if not m:
        raise ValidationFailed({"period": "The month must be written YYYY-MM, for example 2025-03."})
    return int(m.group(1)), int(m.group(2))


def shift_period(period: str, months: int) -> str:
    year, month = parse_period(period)
    index = year * 12 + (month - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _bounds(period: str) -> tuple[date, date]:
    year, month = parse_period(period)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _days_open_bucket(days: int) -> str:
    if days <= 30:
        return "up_to_30"
    if days <= 60:
        return "31_60"
    if days <= 90:
        return "61_90"
    return "over_90"


class StatisticsService:
    """Monthly statistics of the office's own records (requires :attr:`Perm.REPORTS`)."""

    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office

    def monthly(self, period: str) -> MonthlyStatistics:
        """The statistics of ``period`` (``YYYY-MM``): exact counts for use inside the commune.

        Call :meth:`MonthlyStatistics.suppressed` for a copy to share outside the commune.
        """
        require(self.office.actor, Perm.REPORTS)
        _bounds(period)
        with self.office.reading() as s:
            return compute(s, period)


def compute(session: Session, period: str) -> MonthlyStatistics:
    """The live statistics of ``period``, read in ``session`` (a reading or write transaction)."""
    start, end = _bounds(period)
    return _Month(session, period, start, end).compute()


class _Month:
    """The queries of one month; each method returns one table."""

    def __init__(self, session: Session, period: str, start: date, end: date) -> None:
        self.s = session
        self.period = period
        self.start = start
        self.end = end

    # -- filters -----------------------------------------------------------------------------------

    @staticmethod
    def shareable() -> ColumnElement[bool]:
        return cat.gbv_incident()

    @staticmethod
    def in_periods(column: Any, first: str, last: str) -> ColumnElement[bool]:
        return column.between(first, last)  # type: ignore[no-any-return]

    def incidents_in(self, first: str, last: str) -> ColumnElement[bool]:
        return cat.gbv_incident_in(first, last)

    def referrals_in(self, first: str, last: str) -> ColumnElement[bool]:
        """Referrals dated in the periods, for incidents that count (joined to :class:`Incident`)."""
        return cat.counted_referral(first, last)

    def grouped(
        self, columns: list[Any], where: ColumnElement[bool], *, referrals: bool = False
    ) -> list[Any]:
        """``SELECT columns, count(*) … GROUP BY columns`` over incidents (or referrals joined to
        their incidents)."""
        q = select(*columns, func.count())
        q = (
            q.select_from(Referral).join(Incident, Referral.incident_id == Incident.id)
            if referrals
            else (q.select_from(Incident))
        )
        return list(self.s.execute(q.where(where).group_by(*columns)))

    def count(self, q: Any) -> int:
        return int(self.s.scalar(q) or 0)

    # -- the month ---------------------------------------------------------------------------------

    def compute(self) -> MonthlyStatistics:
        month_row = self.s.get(Month, self.period)
        tables: list[CountTable] = [self.headline()]
        tables += self.incidents_by_type()
        tables += self.perpetrators()
        tables += self.survivor_profile()
        tables.append(self.time_to_report())
        tables.append(self.rape_health_referral())
        tables += self.referrals()
        tables.append(self.commune_actions())
        follow_ups, open_cases = self.open_cases()
        tables.append(open_cases)
        tables += self.meetings()
        tables.append(self.data_quality(month_row))
        tables.append(self.trend())
        by_key = {t.key: t for t in tables}
        ordered = tuple(by_key[k] for k in TABLE_KEYS)
        new_incidents = ordered[0].value("new_incidents", "this_month")
        return MonthlyStatistics(
            period=self.period,
            period_start=self.start,
            period_end=self.end,
            month_status=month_row.status if month_row else "open",
            nil_report=new_incidents == 0,
            tables=ordered,
            follow_ups=follow_ups,
        )

    # -- 1. headline -------------------------------------------------------------------------------

    def headline(self) -> CountTable:
        p = self.period
        last_year = shift_period(p, -12)
        year_start = f"{p[:4]}-01"
        ranges = {
            "this_month": (p, p),
            "same_month_last_year": (last_year, last_year),
            "year_to_date": (year_start, p),
        }
        counts: dict[tuple[str, str], int] = {}
        for col, (first, last) in ranges.items():
            for row, n in self.headline_flows(first, last).items():
                counts[row, col] = n
        open_now = len(self.follow_up_rows(self.start, self.end))
        ly_start, ly_end = _bounds(last_year)
        counts["open_follow_ups", "this_month"] = open_now
        counts["open_follow_ups", "same_month_last_year"] = len(self.follow_up_rows(ly_start, ly_end))
        counts["open_follow_ups", "year_to_date"] = open_now  # a stock: as at the end of this month
        return CountTable.build("headline", HEADLINE.name, PERIOD_COLUMN.name, counts, additive=False)

    def headline_flows(self, first: str, last: str) -> dict[str, int]:
        actions = self.action_counts(self.incidents_in(first, last))
        return {
            "new_incidents": cat.new_incidents(self.s, first, last),
            "ipv_incidents": cat.ipv_incidents(self.s, first, last),
            "referrals_made": cat.referrals_made(self.s, first, last),
            "referrals_received": cat.referrals_received(self.s, first, last),
            "administrative_decisions": actions.get(cat.ADMINISTRATIVE_DECISION, 0),
            "meetings_held": cat.meetings_held(self.s, first, last),
            "non_gbv_incidents": cat.non_gbv_incidents(self.s, first, last),
        }

    # -- 2. incidents by type and age --------------------------------------------------------------

    def incidents_by_type(self) -> list[CountTable]:
        rows = self.grouped(
            [Incident.gbv_type, Incident.survivor_age], self.incidents_in(self.period, self.period)
        )
        split: Counter[tuple[str, str]] = Counter()
        bands: Counter[tuple[str, str]] = Counter()
        for gbv_type, age, n in rows:
            band = age_group(age)
            bands[gbv_type, band] += n
            split[gbv_type, "unknown" if age is None else "child" if age <= 17 else "adult"] += n
        return [
            CountTable.build(
                "incidents_by_type_child_adult", GBV_TYPE.name, CHILD_ADULT.name, split, rows=cat.GBV_TYPES
            ),
            CountTable.build(
                "incidents_by_type_age_group", GBV_TYPE.name, AGE_GROUP.name, bands, rows=cat.GBV_TYPES
            ),
        ]

    # -- 3. perpetrators ---------------------------------------------------------------------------

    def primary_perpetrator(self) -> Any:
        """Each incident's perpetrators ranked by position; rank 1 is the primary perpetrator."""
        rank = (
            func.row_number()
            .over(partition_by=Perpetrator.incident_id, order_by=(Perpetrator.position, Perpetrator.id))
            .label("rank")
        )
        return select(
            Perpetrator.incident_id,
            Perpetrator.relationship_code.label("relationship"),
            Perpetrator.age_group.label("age_group"),
            rank,
        ).subquery("primary_perpetrator")

    def perpetrators(self) -> list[CountTable]:
        primary = self.primary_perpetrator()
        where = self.incidents_in(self.period, self.period)
        incidents = self.count(select(func.count(Incident.id)).where(where))
        tables = []
        for key, column, code_list in (
            ("perpetrator_relationship", primary.c.relationship, RELATIONSHIP),
            ("perpetrator_age_group", primary.c.age_group, AGE_GROUP),
        ):
            q = (
                select(column, func.count())
                .select_from(Incident)
                .join(primary, primary.c.incident_id == Incident.id)
                .where(where, primary.c.rank == 1)
                .group_by(column)
            )
            counts: Counter[str] = Counter({code: n for code, n in self.s.execute(q)})
            # Incidents without a recorded perpetrator count as "unknown", so the table adds up.
            counts["unknown"] += incidents - sum(counts.values())
            subtotals = {"ipv": INTIMATE_PARTNER_CODES} if code_list is RELATIONSHIP else None
            tables.append(CountTable.column(key, code_list.name, counts, subtotals=subtotals))
        return tables

    # -- 4. survivor profile -----------------------------------------------------------------------

    def survivor_profile(self) -> list[CountTable]:
        where = self.incidents_in(self.period, self.period)
        tables = []
        for key, column, code_list in (
            ("survivor_sex", Incident.survivor_sex, SEX),
            ("survivor_marital_status", Incident.marital_status, MARITAL_STATUS),
            ("survivor_disability", Incident.disability, DISABILITY),
        ):
            counts = {code: n for code, n in self.grouped([column], where)}
            tables.append(CountTable.column(key, code_list.name, counts))
        ages: Counter[str] = Counter()
        for age, n in self.grouped([Incident.survivor_age], where):
            ages[age_group(age)] += n
        tables.append(CountTable.column("survivor_age_group", AGE_GROUP.name, ages))
        return tables

    # -- 5. time to report and rape ----------------------------------------------------------------

    def time_to_report(self) -> CountTable:
        days = cast(
            func.julianday(Incident.date_reported) - func.julianday(Incident.date_of_incident), Integer
        )
        counts: Counter[str] = Counter()
        for d, n in self.grouped([days], self.incidents_in(self.period, self.period)):
            counts[elapsed_reporting(d)] += n
        return CountTable.column("time_to_report", ELAPSED_REPORTING.name, counts)

    def rape_health_referral(self) -> CountTable:
        first_health = (
            select(Referral.incident_id, func.min(Referral.date_referred).label("first_date"))
            .where(
                Referral.deleted.is_(False),
                Referral.service_type == "health",
                Referral.status.in_(SERVICE_PROVIDED_STATUSES),
            )
            .group_by(Referral.incident_id)
            .subquery("first_health")
        )
        days = cast(
            func.julianday(first_health.c.first_date) - func.julianday(Incident.date_of_incident), Integer
        )
        q = (
            select(first_health.c.first_date.is_not(None), days, func.count())
            .select_from(Incident)
            .outerjoin(first_health, first_health.c.incident_id == Incident.id)
            .where(self.incidents_in(self.period, self.period), Incident.gbv_type == "rape")
            .group_by(first_health.c.first_date.is_not(None), days)
        )
        counts: Counter[str] = Counter()
        for referred, d, n in self.s.execute(q):
            if not referred:
                counts["no_health_referral"] += n
            elif d is None:
                counts["timing_unknown"] += n
            else:
                counts["within_72h" if d <= 3 else "after_72h"] += n
        return CountTable.column("rape_health_referral", RAPE_HEALTH.name, counts)

    # -- 6. referrals ------------------------------------------------------------------------------

    def referrals(self) -> list[CountTable]:
        where = self.referrals_in(self.period, self.period)
        tables = []
        for key, column, code_list in (
            ("referrals_by_service_status", Referral.status, REFERRAL_STATUS),
            ("referrals_by_service_outcome", Referral.outcome, REFERRAL_OUTCOME),
        ):
            rows = self.grouped([Referral.service_type, column], where, referrals=True)
            counts = {(service, code): n for service, code, n in rows}
            tables.append(CountTable.build(key, SERVICE_TYPE.name, code_list.name, counts))
        return tables

    # -- 7. commune actions ------------------------------------------------------------------------

    def action_counts(self, where: ColumnElement[bool]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for actions, n in self.grouped([Incident.commune_actions], where):
            for code in actions:
                counts[code] += n
        return counts

    def commune_actions(self) -> CountTable:
        counts = self.action_counts(self.incidents_in(self.period, self.period))
        # Several actions per incident: the column does not add up to the number of incidents.
        return CountTable.column("commune_actions", COMMUNE_ACTION.name, counts, additive=False)

    # -- 8. open cases and follow-ups --------------------------------------------------------------------

    def open_case_rows(self, end: date) -> list[Any]:
        q = select(
            Incident.incident_code,
            Incident.gbv_type,
            Incident.status,
            Incident.date_reported,
            Incident.follow_up_date,
        ).where(cat.open_case(end))
        return list(self.s.execute(q))

    def follow_up_rows(self, start: date, end: date) -> list[FollowUp]:
        q = (
            select(
                Incident.incident_code,
                Incident.gbv_type,
                Incident.status,
                Incident.date_reported,
                Incident.follow_up_date,
            )
            .where(cat.follow_up_due(end))
            .order_by(Incident.follow_up_date, Incident.incident_code)
        )
        return [
            FollowUp(code, gbv_type, status, due, (end - reported).days, due < start)
            for code, gbv_type, status, reported, due in self.s.execute(q)
            if due is not None
        ]

    def open_cases(self) -> tuple[tuple[FollowUp, ...], CountTable]:
        counts: Counter[str] = Counter()
        for row in self.open_case_rows(self.end):
            counts[_days_open_bucket((self.end - row.date_reported).days)] += 1
        table = CountTable.column("open_cases_by_days_open", DAYS_OPEN.name, counts)
        return tuple(self.follow_up_rows(self.start, self.end)), table

    # -- 9. meetings -------------------------------------------------------------------------------

    def meetings(self) -> list[CountTable]:
        in_month = and_(Meeting.deleted.is_(False), Meeting.period == self.period)
        by_type = {
            code: n
            for code, n in self.s.execute(
                select(Meeting.meeting_type, func.count()).where(in_month).group_by(Meeting.meeting_type)
            )
        }
        attendance: dict[tuple[str, str], int] = {}
        q = (
            select(
                MeetingAttendance.group,
                func.sum(MeetingAttendance.female),
                func.sum(MeetingAttendance.male),
            )
            .join(Meeting, MeetingAttendance.meeting_id == Meeting.id)
            .where(in_month)
            .group_by(MeetingAttendance.group)
        )
        for group, female, male in self.s.execute(q):
            attendance[group, "female"] = int(female or 0)
            attendance[group, "male"] = int(male or 0)
        overdue = cat.past_due(self.end)
        q = (
            select(ActionItem.status, func.count(), func.sum(cast(overdue, Integer)))
            .join(Meeting, ActionItem.meeting_id == Meeting.id)
            .where(cat.action_item(self.end))
            .group_by(ActionItem.status)
        )
        actions: dict[tuple[str, str], int] = {}
        for status, n, late in self.s.execute(q):
            actions[status, "count"] = int(n)
            actions[status, "overdue"] = int(late or 0)
        return [
            CountTable.column("meetings_by_type", MEETING_TYPE.name, by_type),
            CountTable.build("attendance_by_group_sex", ATTENDEE_GROUP.name, ATTENDANCE_SEX.name, attendance),
            CountTable.build(
                "action_items_by_status", ACTION_STATUS.name, ACTION_ITEM_COLUMN.name, actions, additive=False
            ),
        ]

    # -- 10. data quality --------------------------------------------------------------------------

    def data_quality(self, month_row: Month | None) -> CountTable:
        p = self.period
        not_consented = and_(
            Incident.deleted.is_(False), Incident.consent_reporting.is_(False), Incident.period == p
        )
        without_consent = self.count(select(func.count(Incident.id)).where(not_consented))
        referrals_without = self.count(
            select(func.count(Referral.id))
            .join(Incident, Referral.incident_id == Incident.id)
            .where(
                Referral.deleted.is_(False),
                Referral.period == p,
                Incident.deleted.is_(False),
                Incident.consent_reporting.is_(False),
            )
        )
        where = self.incidents_in(p, p)
        has_perpetrator = select(Perpetrator.id).where(Perpetrator.incident_id == Incident.id).exists()
        no_date = Incident.date_of_incident.is_(None)
        no_age = Incident.survivor_age.is_(None)
        no_perp = ~has_perpetrator
        counts = {
            "without_reporting_consent": without_consent,
            "referrals_without_reporting_consent": referrals_without,
            "missing_key_fields": self.count(
                select(func.count(Incident.id)).where(where, or_(no_date, no_age, no_perp))
            ),
            "missing_date_of_incident": self.count(select(func.count(Incident.id)).where(where, no_date)),
            "missing_survivor_age": self.count(select(func.count(Incident.id)).where(where, no_age)),
            "missing_perpetrator": self.count(select(func.count(Incident.id)).where(where, no_perp)),
            "edited_after_approval": self.edited_after_approval(month_row),
        }
        return CountTable.column("data_quality", DATA_QUALITY.name, counts, additive=False)

    def edited_after_approval(self, month_row: Month | None) -> int:
        """Records of the month created, changed or deleted since its newest approved snapshot
        (case work continues after approval, so this is the real count of later changes)."""
        approved = self.s.scalar(
            select(MonthSnapshot.approved_at)
            .where(MonthSnapshot.period == self.period)
            .order_by(MonthSnapshot.revision.desc())
            .limit(1)
        )
        if approved is None:
            return 0
        # Every timestamp is stored as UTC ISO text of one fixed width, so it compares in SQL.
        # Referrals count when they are of the month or made later for one of its incidents.
        month_incidents = select(Incident.id).where(Incident.period == self.period)
        total = 0
        for model, mine in (
            (Incident, Incident.period == self.period),
            (Referral, or_(Referral.period == self.period, Referral.incident_id.in_(month_incidents))),
            (Meeting, Meeting.period == self.period),
        ):
            total += self.count(select(func.count(model.id)).where(mine, model.updated_at > approved))
        return total

    # -- 11. trend ---------------------------------------------------------------------------------

    def trend(self) -> CountTable:
        first = shift_period(self.period, -(TREND_MONTHS - 1))
        periods = [shift_period(first, i) for i in range(TREND_MONTHS)]
        counts: dict[tuple[str, str], int] = {}
        for period, n in self.grouped([Incident.period], self.incidents_in(first, self.period)):
            counts[period, "incidents"] = n
        for period, n in self.grouped(
            [Referral.period], self.referrals_in(first, self.period), referrals=True
        ):
            counts[period, "referrals"] = n
        return CountTable.build(
            "trend", PERIOD_LIST, TREND_MEASURE.name, counts, rows=periods, additive=False
        )


def now_local() -> datetime:
    """The generation time stamp shown on reports (local wall clock)."""
    return datetime.now().astimezone()
