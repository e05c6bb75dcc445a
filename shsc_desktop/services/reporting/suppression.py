"""Small-cell protection of the copies that leave the office: counts from 1 to 4 must not be learnt,
alone or by combining figures. :func:`protect` (below) makes every printed or shared copy: the
commune's ``--shared`` summary, and the district's and the ministry's summary PDF and XLSX
(``DistrictService.shared_statistics`` / ``shared_breakdown``). The former table-by-table rule,
:func:`suppress`, at the end of this module, is kept for reference and its own tests only.

The method of :func:`protect` (see ``docs/indicators.md``, "Suppression"): **table redesign by
population, then complementary suppression in the headline**, after Hundepool et al., *Statistical
Disclosure Control* (Wiley 2012) §5.2–5.4. Cell suppression table by table was undone by an exact
attacker (issue 9 point 5) because the tables of one summary are linked: every incidents table
counts the same incidents, type × child/adult is a coarsening of type × age group, the headline
repeats grand and column totals, the trend adds up to the year to date. Complementary suppression
across all those links needs an integer-programming solver for each document (Fischetti &
Salazar-González 2000); with the few incidents of a commune month it would hide nearly every cell
anyway. So:

1. **Headline**: every figure from 1 to k−1 is shown as ``<k``; zeros are shown (nothing to protect).
2. **Populations**: the tables describing one population (the month's incidents: types, ages,
   place, time of day, case context, who reported, reported before, perpetrators, survivors, time
   to report, rape time to report and care, commune actions, data quality; the month's
   referrals; meetings; attendance; action points; open cases; the trend) are published together in
   full when none of their numbers is from 1 to k−1, and are otherwise withheld together: every
   cell shows ``·``. A withheld table's cells are then bounded only by headline figures (≥ k, or
   themselves ``<k``), which cannot narrow a small cell below 0–4.
3. **Complementary suppression in the headline**: two headline differences are sums of withheld
   cells. When this month's referrals made minus referrals received, or the year to date minus this
   month (the earlier months of the trend), is from 1 to k−1, the year to date (or the referrals
   received) is hidden as ``x`` (never pinned: it is bounded on one side only).
4. **A district's (the ministry's) per-office breakdown** (offices × types of violence, in the
   XLSX) is a population of its own whose column totals are the incidents-by-type row totals: it is
   withheld when it has a small number, and also whenever the incidents tables are withheld (else
   its column totals would give their withheld row totals away).
5. **The children by consent route** are the month's counted children (those since the routes all
   have one): their total is at most, and nearly always, the child column of the incidents by type.
   The table is a population of its own (withheld when it has a small number; its cells are then
   bounded by that child column, ≥ k or 0) and is also withheld whenever the incidents tables are:
   printed beside a withheld child column, it would pin it from below, and new incidents minus it
   would bound the adults (e.g. 6 incidents, 5 children: at most one adult, her cells 0–1).

"–" (a month nobody reported, in a district's or the ministry's headline and trend) is not a count:
it is printed as it is, and a difference that involves it is no difference to protect.

``tests/exports/test_suppression_attacker.py`` checks :func:`protect` with an exact attacker (scipy's
HiGHS ``milp`` over every relation the document implies), on commune months, on district-sized sums,
and on the copies ``DistrictService`` prints at a real district and a real ministry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .catalogue import INCIDENT_BREAKDOWNS
from .tables import HIDDEN, NOT_REPORTED, Cell, CountTable, Subtotal, _int

WITHHELD = "·"
"""Marker of every cell of a table left out of a shared copy (its population has small numbers)."""
DEFAULT_THRESHOLD = 5

POPULATIONS: tuple[tuple[str, ...], ...] = (
    (
        *INCIDENT_BREAKDOWNS,
        "incidents_by_case_context",
        "rape_time_to_report",
        "rape_health_referral",
        "commune_actions",
        "data_quality",
    ),
    ("referrals_by_service_status", "referrals_by_service_outcome"),
    ("children_by_consent_route",),  # the month's children: a population of its own (and FOLLOWS)
    ("meetings_by_type",),
    ("attendance_by_group_sex",),
    ("action_items_by_status",),
    ("open_cases_by_days_open",),
    ("trend",),
)
HEADLINE = "headline"
BREAKDOWN = "breakdown"
"""A district's (the ministry's) incidents by office × type of violence (its XLSX "By office")."""
CHILDREN = "children_by_consent_route"
FOLLOWS: dict[str, tuple[str, ...]] = {BREAKDOWN: POPULATIONS[0], CHILDREN: POPULATIONS[0]}
"""A table whose margins are cells of another population: withheld whenever that one is."""
_INCIDENT_PARTITIONS = INCIDENT_BREAKDOWNS  # the tables that count each incident of the month once
SAME_AS_HEADLINE: dict[str, dict[tuple[str, str], str]] = {
    **{
        key: {("total", "total"): "new_incidents", ("total", "count"): "new_incidents"}
        for key in _INCIDENT_PARTITIONS
    },
    "referrals_by_service_status": {("total", "total"): "referrals_made"},
    "referrals_by_service_outcome": {
        ("total", "total"): "referrals_made",
        ("total", "received"): "referrals_received",
    },
    "meetings_by_type": {("total", "total"): "meetings_held", ("total", "count"): "meetings_held"},
    "commune_actions": {("administrative_decision", "count"): "administrative_decisions"},
    "incidents_by_case_context": {("ipv", "count"): "ipv_incidents"},
    "trend": {("this_month", "incidents"): "new_incidents", ("this_month", "referrals"): "referrals_made"},
    BREAKDOWN: {("total", "total"): "new_incidents"},
}
"""Cells of withheld tables that are this month's headline figures: printed as the headline prints
them (hiding them would hide nothing). Row ``this_month`` stands for the trend's last month."""
NOT_PEOPLE = frozenset({"reporting"})
"""Tables counting offices, not people: printed exactly."""
TREND_ROWS = (("new_incidents", "incidents"), ("referrals_made", "referrals"))


def _values(t: CountTable) -> Iterable[Cell]:
    for row in t.cells:
        yield from row
    yield from t.row_totals
    yield from t.col_totals
    if t.total is not None:
        yield t.total
    for g in t.subtotals:
        yield from g.values


def _small(v: Cell, k: int) -> bool:
    if v == NOT_REPORTED:
        return False  # not a count
    if isinstance(v, str):
        raise TypeError("the table is already suppressed")
    return 0 < v < k


def has_small(t: CountTable, k: int = DEFAULT_THRESHOLD) -> bool:
    return any(_small(v, k) for v in _values(t))


def withheld(t: CountTable, k: int, headline: CountTable | None = None) -> CountTable:
    """``t`` with every number replaced by :data:`WITHHELD`, except the cells that are headline
    figures (:data:`SAME_AS_HEADLINE`), printed as the headline prints them, and the months nobody
    reported (:data:`NOT_REPORTED`, not a count)."""
    same = SAME_AS_HEADLINE.get(t.key, {})
    last = t.rows[-1] if t.rows else ""
    given = {
        (r, c): v for r, row in zip(t.rows, t.cells, strict=True) for c, v in zip(t.cols, row, strict=True)
    }

    def shown(row: str, col: str) -> Cell:
        # The margin of a table's only row (only column) is its grand total: printed as the total
        # (a ministry with one district: the district's total is the national one, ``<5`` already).
        if col == "total" and len(t.rows) == 1:
            row = "total"
        if row == "total" and len(t.cols) == 1:
            col = "total"
        if given.get((row, col)) == NOT_REPORTED:
            return NOT_REPORTED
        figure = same.get(("this_month" if t.key == "trend" and row == last else row, col))
        if figure is None or headline is None or figure not in headline.rows:
            return WITHHELD
        return headline.value(figure, "this_month")

    return replace(
        t,
        cells=tuple(tuple(shown(r, c) for c in t.cols) for r in t.rows),
        row_totals=tuple(shown(r, "total") for r in t.rows) if t.row_totals else (),
        col_totals=tuple(shown("total", c) for c in t.cols) if t.col_totals else (),
        total=shown("total", "total") if t.total is not None else None,
        subtotals=tuple(Subtotal(g.name, g.rows, tuple(WITHHELD for _ in g.values)) for g in t.subtotals),
        threshold=k,
    )


def withheld_keys(tables: Sequence[CountTable], k: int = DEFAULT_THRESHOLD) -> frozenset[str]:
    """The tables a shared copy leaves out: every table of a population that has a small number."""
    by_key = {t.key: t for t in tables}
    grouped = {key for group in POPULATIONS for key in group}
    groups = list(POPULATIONS) + [
        (t.key,) for t in tables if t.key not in grouped and t.key != HEADLINE and t.key not in NOT_PEOPLE
    ]
    out: set[str] = set()
    for group in groups:
        present = [by_key[key] for key in group if key in by_key]
        if any(has_small(t, k) for t in present):
            out |= {t.key for t in present}
    for key, population in FOLLOWS.items():
        if key in by_key and out & set(population):
            out.add(key)
    return frozenset(out)


def _headline(t: CountTable, left_out: frozenset[str], k: int) -> CountTable:
    small = f"<{k}"
    cells: list[list[Cell]] = [[small if _small(v, k) else v for v in row] for row in t.cells]

    def value(row: str, col: str) -> Cell:
        return t.cells[t.rows.index(row)][t.cols.index(col)]

    def hide(row: str, col: str) -> None:
        cells[t.rows.index(row)][t.cols.index(col)] = HIDDEN

    # The earlier months of this year (a withheld trend) add up to year to date minus this month;
    # the referrals not (yet) received (a withheld outcome table) to made minus received. When such
    # a difference is small, the second figure is hidden, whether it is printed or shown as <k.
    pairs = []
    if "trend" in left_out:
        pairs += [(row, "year_to_date", row, "this_month") for row, _measure in TREND_ROWS]
    if "referrals_by_service_outcome" in left_out:
        pairs.append(("referrals_made", "this_month", "referrals_received", "this_month"))
    for whole_row, whole_col, part_row, part_col in pairs:
        present = {whole_row, part_row} <= set(t.rows) and {whole_col, part_col} <= set(t.cols)
        if not present:
            continue
        whole, part = value(whole_row, whole_col), value(part_row, part_col)
        if not isinstance(whole, int) or not isinstance(part, int):
            continue  # a month nobody reported: no difference of counts
        # (No received referral: nothing to hide, and an x bounded by a year to date of 0 is pinned.)
        received = whole_col == "year_to_date" or part > 0
        if received and _small(whole - part, k):
            hide(*((whole_row, whole_col) if whole_col == "year_to_date" else (part_row, part_col)))
    return replace(t, cells=tuple(tuple(row) for row in cells), threshold=k)


def protect(tables: Sequence[CountTable], k: int = DEFAULT_THRESHOLD) -> tuple[CountTable, ...]:
    """The tables of one document as a shared copy prints them (see the module docstring)."""
    left_out = withheld_keys(tables, k)
    headline = next((_headline(t, left_out, k) for t in tables if t.key == HEADLINE), None)
    out = []
    for t in tables:
        if t.threshold is not None:
            raise ValueError(f"table {t.key} is already suppressed")
        if t.key == HEADLINE and headline is not None:
            out.append(headline)
        elif t.key in left_out:
            out.append(withheld(t, k, headline))
        else:
            out.append(replace(t, threshold=k))  # nothing small in its population: printed as is
    return tuple(out)


# --- The former rule, table by table --------------------------------------------------------------
# No copy uses it any more: every printed or shared copy, the district's and the ministry's too,
# goes through protect(). It protects each table on its own, which the linked-table attacker of
# tests/exports/test_suppression_attacker.py undoes (71–77 cells of a district month); kept only for
# its own unit tests (tests/services/test_statistics.py).

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
