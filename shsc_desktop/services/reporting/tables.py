"""Count tables: plain, immutable counts keyed by stable codes (no SQL, no Qt).

A :class:`CountTable` is what every report prints and every bundle carries: the statistics service
builds them (``services/statistics.py``), suppression rewrites their cells for shared copies
(``suppression.py``), the PDF and the screens lay them out. Row and column labels come from the code
lists of ``models/codes.py``. The month's one list of rows, the follow-ups due
(:class:`FollowUp`), is kept here too: like the tables, it holds codes only.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...models.codes import ALL_LISTS, COUNT, MONTH_NAMES_KM, PERIOD_LIST, STAT_LISTS

Cell = int | str
"""A table cell: a count, or a suppression marker in copies shared outside the commune."""

SMALL = "<5"
"""Marker of a cell below the threshold (primary suppression); with another threshold k: ``<k``."""
HIDDEN = "x"
"""Marker of a cell hidden only so that a total cannot reveal a small cell (secondary suppression)."""
NOT_REPORTED = "–"
"""A month from which no office below sent a report (a district's or the ministry's headline and
trend): not reported, which is not zero. It counts nothing, so it is no figure to protect."""


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


# --- The follow-up list -----------------------------------------------------------------------


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
