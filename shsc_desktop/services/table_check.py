"""Strict check of a verified bundle's ``tables`` before anything of it is stored (issue 9 point 7).

A signature proves who sent a bundle, not that its numbers make sense: a compromised or buggy office
can sign negative counts, 10¹⁵, strings, tables without rows or a table with 400,000 unknown keys.
Everything the district shows, prints, sums and sends on reads these tables, so they are checked here
against the indicator catalogue's :func:`~shsc_desktop.services.reporting.catalogue.bundle_table_schema`:

* only known tables, each with its own row and column code lists and no unknown cells;
* every cell an integer from 0 to ``MAX_COUNT`` (no suppression marks: counts travel exact);
* totals (row, column, grand) present exactly when the table adds up, and equal to the sums;
* exactly the subtotals the schema states, each over exactly its stated rows and equal to their sum
  (a signed bundle cannot redefine the IPV subtotal as "unknown", or leave it out);
* every table that breaks down a headline figure adds up to it (the catalogue's
  :data:`~shsc_desktop.services.reporting.catalogue.HEADLINE_TOTALS`: each incidents table's total
  is the month's new incidents, the referral tables' totals are the referrals made, the outcome
  table's "received" column the referrals received, the meetings table's total the meetings held);
* a few relations that hold by definition (IPV ≤ all incidents; reports received ≤ expected).

A violation is a :class:`BundleRejected` with one of five reasons, each with its own translated
sentence in the GUI, and a message naming the table and cell for the command line.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..errors import BundleRejected
from ..models.codes import SUBTOTAL
from ..security.pki import Level
from ..values.period import is_period
from .reporting.catalogue import HEADLINE_TOTALS, bundle_table_schema

UNKNOWN = "tables_unknown"
MALFORMED = "tables_malformed"
BAD_COUNT = "tables_bad_count"
INCONSISTENT = "tables_inconsistent"
HEADLINE_MISMATCH = "tables_headline_mismatch"

MAX_COUNT = 1_000_000
"""The largest count a bundle's cell may hold: far above any plausible national year to date, far
below what would overflow a sum or a spreadsheet cell."""


@dataclass(frozen=True)
class TableSchema:
    """One table of :func:`bundle_table_schema`, ready to check against."""

    key: str
    row_list: str
    col_list: str
    additive: bool
    rows: frozenset[str] | None  # None: months "YYYY-MM" (the trend)
    cols: frozenset[str]
    levels: frozenset[str]
    subtotals: tuple[tuple[str, frozenset[str]], ...]
    """Each subtotal the table must carry, with its member rows."""
    since: int = 1
    """The bundle schema version that added the table."""

    @classmethod
    def of(cls, key: str, d: Mapping[str, Any]) -> TableSchema:
        rows = d["rows"]
        return cls(
            key,
            d["row_list"],
            d["col_list"],
            bool(d["additive"]),
            frozenset(rows) if rows is not None else None,
            frozenset(d["cols"]),
            frozenset(d["levels"]),
            tuple((name, frozenset(members)) for name, members in d["subtotals"].items()),
            int(d.get("since", 1)),
        )

    def allows(self, list_name: str, code: object) -> bool:
        if not isinstance(code, str):
            return False
        allowed = self.rows if list_name == self.row_list else self.cols
        return is_period(code) if allowed is None else code in allowed


@functools.cache
def _schema() -> Mapping[str, TableSchema]:
    """Built once: the catalogue's tables are constants, and a batch checks every bundle against them."""
    return MappingProxyType({key: TableSchema.of(key, d) for key, d in bundle_table_schema().items()})


_FIELDS = frozenset({"key", "row_list", "col_list", "rows", "cols", "cells", "additive", "threshold"})
_TOTALS = frozenset({"row_totals", "col_totals", "total"})


def _fail(reason: str, message: str) -> BundleRejected:
    return BundleRejected(reason, message[:300])


def _count(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        raise _fail(BAD_COUNT, f"{where}: {str(value)[:20]!r} is not a count between 0 and {MAX_COUNT}.")
    return value


def _plain_count(value: Any) -> bool:
    """The common case of :func:`_count`, without building its message: a plain ``int`` in range
    (JSON gives nothing else that passes; anything else goes through ``_count``)."""
    return type(value) is int and 0 <= value <= MAX_COUNT


_ACCEPTED_MAX = 4096
_accepted: set[tuple[str, str, tuple[Any, ...]]] = set()
"""Code lists already found valid, by table, list name and the codes in order (bounded): every
bundle of a batch carries the same lists, so each is checked code by code once."""


def _codes(d: Mapping[str, Any], name: str, list_name: str, spec: TableSchema) -> list[str]:
    codes = d.get(name)
    if not isinstance(codes, list) or not codes:
        raise _fail(MALFORMED, f"Table {spec.key}: no {name}.")
    key: tuple[str, str, tuple[Any, ...]] | None = (spec.key, list_name, tuple(codes))
    try:
        if key in _accepted:  # only lists of str are ever accepted, and a str equals only a str
            return list(codes)
    except TypeError:  # an unhashable code: never accepted
        key = None
    if len(set(map(str, codes))) != len(codes):
        raise _fail(MALFORMED, f"Table {spec.key}: the same code twice in {name}.")
    for code in codes:
        if not spec.allows(list_name, code):
            raise _fail(UNKNOWN, f"Table {spec.key}: unknown code {str(code)[:20]!r} in {name}.")
    if key is not None and len(_accepted) < _ACCEPTED_MAX:
        _accepted.add(key)
    return list(codes)


_ALLOWED_FIELDS = {
    True: _FIELDS | _TOTALS | {"subtotals"},
    False: _FIELDS | {"subtotals"},
}


def _check_table(key: str, d: Any, spec: TableSchema) -> None:
    if not isinstance(d, dict):
        raise _fail(MALFORMED, f"Table {key} is not a table.")
    allowed = _ALLOWED_FIELDS[spec.additive]
    wrong = (_FIELDS - d.keys()) | (d.keys() - allowed)
    if wrong:
        names = sorted(str(k)[:20] for k in wrong)[:5]
        raise _fail(MALFORMED, f"Table {key}: fields {names} missing or unknown.")
    if (d["key"], d["row_list"], d["col_list"], d["additive"]) != (
        key,
        spec.row_list,
        spec.col_list,
        spec.additive,
    ):
        raise _fail(MALFORMED, f"Table {key}: not the table its name says.")
    if d["threshold"] is not None:
        raise _fail(MALFORMED, f"Table {key}: suppressed counts; bundles carry exact counts.")
    rows = _codes(d, "rows", spec.row_list, spec)
    cols = _codes(d, "cols", spec.col_list, spec)
    cells = d["cells"]
    if not isinstance(cells, dict) or cells.keys() != set(rows):
        raise _fail(MALFORMED, f"Table {key}: the cells do not match the rows.")
    grid = _plain_grid(cells, rows, cols)
    if grid is None:
        grid = _checked_grid(key, cells, rows, cols)
    if spec.additive:
        _check_totals(key, d, rows, cols, grid)
    _check_subtotals(key, d.get("subtotals", {}), rows, cols, grid, spec)


def _plain_grid(cells: dict[str, Any], rows: list[str], cols: list[str]) -> dict[str, list[int]] | None:
    """Each row's counts in the order of ``cols``, when every row has exactly the columns and every
    cell is a plain ``int`` in range (the rule of :func:`_plain_count`, checked at C speed for the
    whole table); None otherwise, and :func:`_checked_grid` finds the first problem."""
    col_set = set(cols)
    grid: dict[str, list[int]] = {}
    for r in rows:
        line = cells[r]
        if type(line) is not dict or line.keys() != col_set:
            return None
        grid[r] = list(map(line.__getitem__, cols))
    flat = list(itertools.chain.from_iterable(grid.values()))
    if set(map(type, flat)) != {int} or min(flat) < 0 or max(flat) > MAX_COUNT:
        return None
    return grid


def _checked_grid(key: str, cells: dict[str, Any], rows: list[str], cols: list[str]) -> dict[str, list[int]]:
    """:func:`_plain_grid` cell by cell, row by row: raises at the first row or cell that is wrong."""
    col_set = set(cols)
    grid: dict[str, list[int]] = {}
    for r in rows:
        line = cells[r]
        if not isinstance(line, dict) or line.keys() != col_set:
            raise _fail(MALFORMED, f"Table {key}, row {r}: the cells do not match the columns.")
        grid[r] = [
            value if _plain_count(value) else _count(value, f"Table {key}, {r} × {c}")
            for c, value in zip(cols, map(line.__getitem__, cols), strict=True)
        ]
    return grid


def _check_totals(
    key: str, d: Mapping[str, Any], rows: list[str], cols: list[str], grid: dict[str, list[int]]
) -> None:
    expected_col = dict(zip(cols, map(sum, zip(*grid.values(), strict=True)), strict=True))
    sums: list[tuple[str, Any, Any]] = [
        ("col_totals", d.get("col_totals"), expected_col),
        ("total", d.get("total"), sum(expected_col.values())),
    ]
    if len(cols) > 1:
        sums.append(("row_totals", d.get("row_totals"), {r: sum(grid[r]) for r in rows}))
    elif "row_totals" in d:
        raise _fail(MALFORMED, f"Table {key}: row totals in a one-column table.")
    for name, given, want in sums:
        if isinstance(want, dict):
            if not isinstance(given, dict) or given.keys() != want.keys():
                raise _fail(MALFORMED, f"Table {key}: {name} do not match the table.")
            if given == want and set(map(type, given.values())) == {int} and max(want.values()) <= MAX_COUNT:
                continue  # the common case at C speed: every total a plain int in range, and right
            for code, value in want.items():
                found = given[code]
                if not _plain_count(found):
                    found = _count(found, f"Table {key}, {name} {code}")
                if found != value:
                    raise _fail(INCONSISTENT, f"Table {key}: {name} {code} is not the sum of its cells.")
        elif _count(given, f"Table {key}, total") != want:
            raise _fail(INCONSISTENT, f"Table {key}: the total is not the sum of its cells.")


def _check_subtotals(
    key: str,
    groups: Any,
    rows: list[str],
    cols: list[str],
    grid: dict[str, list[int]],
    spec: TableSchema,
) -> None:
    if not isinstance(groups, dict) or not set(groups) <= set(SUBTOTAL.codes()):
        raise _fail(MALFORMED, f"Table {key}: unknown subtotals.")
    expected = dict(spec.subtotals)
    if set(groups) != set(expected):
        raise _fail(MALFORMED, f"Table {key}: subtotals {sorted(expected)} expected.")
    for name, group in groups.items():
        if not isinstance(group, dict) or set(group) != {"rows", "values"}:
            raise _fail(MALFORMED, f"Table {key}: subtotal {name} is not well formed.")
        members = group["rows"]
        if not isinstance(members, list) or not all(isinstance(m, str) and m in rows for m in members):
            raise _fail(UNKNOWN, f"Table {key}: subtotal {name} names rows it may not.")
        if len(members) != len(set(members)) or set(members) != expected[name]:
            raise _fail(MALFORMED, f"Table {key}: subtotal {name} is not over the rows it stands for.")
        values = group["values"]
        if not isinstance(values, dict) or set(values) != set(cols):
            raise _fail(MALFORMED, f"Table {key}: subtotal {name} does not match the columns.")
        for i, c in enumerate(cols):
            if _count(values[c], f"Table {key}, subtotal {name}") != sum(grid[m][i] for m in members):
                raise _fail(INCONSISTENT, f"Table {key}: subtotal {name} is not the sum of its rows.")


def _cell(tables: Mapping[str, Any], key: str, row: str, col: str) -> int | None:
    table = tables.get(key)
    if table is None or row not in table["rows"] or col not in table["cols"]:
        return None
    value: int = table["cells"][row][col]
    return value


def _total(tables: Mapping[str, Any], key: str, col: str) -> int | None:
    """A checked additive table's grand total (``col`` "total") or one column's total."""
    table = tables.get(key)
    if table is None:
        return None
    if col == "total":
        value: int = table["total"]
        return value
    totals = table["col_totals"]
    return int(totals[col]) if col in totals else None


def _check_relations(tables: Mapping[str, Any]) -> None:
    """Relations that hold by definition, whatever the data."""
    for key, col, figure in HEADLINE_TOTALS:
        total = _total(tables, key, col)
        headline = _cell(tables, "headline", figure, "this_month")
        if total is not None and headline is not None and total != headline:
            where = "total" if col == "total" else f"{col} total"
            raise _fail(
                HEADLINE_MISMATCH,
                f"Table {key}: its {where} ({total}) is not the headline's {figure} ({headline}).",
            )
    for col in ("this_month", "same_month_last_year", "year_to_date"):
        ipv = _cell(tables, "headline", "ipv_incidents", col)
        new = _cell(tables, "headline", "new_incidents", col)
        if ipv is not None and new is not None and ipv > new:
            raise _fail(INCONSISTENT, f"Table headline: more IPV incidents than incidents ({col}).")
    names = ("expected", "reported", "on_time", "nil_report")
    rep = {r: _cell(tables, "reporting", r, "count") for r in names}
    expected, reported = rep["expected"], rep["reported"]
    if expected is None or reported is None:
        return
    parts = (rep["on_time"], rep["nil_report"])
    if reported > expected or any(v is not None and v > reported for v in parts):
        raise _fail(INCONSISTENT, "Table reporting: more reports than expected.")


def _check_nil_district(tables: Mapping[str, Any]) -> None:
    """A district's nil report: its communes reported, and every report was a nil report. Never a
    district none of whose communes reported (missing is not nil), never one with figures below."""
    reported = _cell(tables, "reporting", "reported", "count")
    nil = _cell(tables, "reporting", "nil_report", "count")
    if not reported or nil != reported:
        raise _fail(INCONSISTENT, "Table reporting: a nil report, but not every report was a nil report.")


def check_tables(tables: Any, sender_level: str, nil_report: bool, schema_version: int) -> None:
    """Raise :class:`BundleRejected` when a bundle's tables are not what a genuine office sends.

    ``schema_version`` is the bundle's: a table added by a later version is unknown to it. Every
    table is optional (a month approved before a table existed carries none).

    A nil report carries no tables, except a district's: its ``reporting`` table alone, saying that
    every commune that reported sent a nil report (the ministry counts those communes as reported)."""
    if not isinstance(tables, dict):
        raise _fail(MALFORMED, "The bundle's tables are not tables.")
    if not tables:
        return  # a nil report
    schema = _schema()
    for key in tables:
        spec = schema.get(key)
        if spec is None or sender_level not in spec.levels:
            raise _fail(UNKNOWN, f"Unknown table {str(key)[:40]!r} ({len(tables)} tables in the bundle).")
        if spec.since > schema_version:
            raise _fail(UNKNOWN, f"Table {key}: not in data format version {schema_version}.")
    nil_district = nil_report and sender_level == Level.DISTRICT and set(tables) == {"reporting"}
    if nil_report and not nil_district:
        raise _fail(MALFORMED, "A nil report with figures.")
    if "headline" not in tables and not nil_district:
        raise _fail(MALFORMED, "The bundle has no headline table.")
    for key, table in tables.items():
        _check_table(key, table, schema[key])
    _check_relations(tables)
    if nil_district:
        _check_nil_district(tables)
