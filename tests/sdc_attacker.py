"""An exact attacker of a published (shared or district) summary: integer programming over everything
the document prints (issue 9 point 5).

From the published tables alone it builds every linear relation a reader knows: each table's rows,
columns and totals add up; subtotals are sums of their rows; the same incidents (referrals,
meetings) are counted by every table of their population, so grand totals, shared margins and
nested categories agree across tables; the headline equals or bounds table cells; the twelve-month
trend sums to the year to date; a district's or ministry's per-office breakdown adds up, by type,
to the incidents by type; the children by consent route are at most the type table's child
column. Each mark bounds its cell: a number is exact, ``<5`` is 1–4, ``x`` and
``·`` are any count, and ``–`` (a month nobody reported, in a district's or ministry's copy) counts
nothing: 0 in every sum it belongs to. scipy's HiGHS ``milp`` then finds each hidden cell's smallest
and largest possible value.

Pass (:func:`attack`): no hidden cell whose true value is 1–4 can be narrowed below the whole range
its mark allows (1–4 for ``<5``; 0–4 at least for a withheld ``·``), and no cell hidden as ``x``
(secondary) is pinned to one value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from shsc_desktop.models import codes

BIG = 10**6
NOT_REPORTED = "–"
Key = tuple[str, str, str]
INCIDENT_TABLES = (
    "incidents_by_type_child_adult",
    "incidents_by_type_age_group",
    "perpetrator_relationship",
    "perpetrator_age_group",
    "survivor_sex",
    "survivor_age_group",
    "survivor_marital_status",
    "survivor_disability",
    "time_to_report",
    "incidents_by_place",
    "incidents_by_time_of_day",
    "incidents_by_reporter",
    "previously_reported",
    "perpetrator_sex",
    "perpetrator_count",
)
FLOWS = (
    "new_incidents",
    "ipv_incidents",
    "referrals_made",
    "referrals_received",
    "administrative_decisions",
    "meetings_held",
    "non_gbv_incidents",
)


def flatten(tables: Mapping[str, Mapping[str, Any]]) -> dict[Key, Any]:
    """Every published cell of the tables' JSON form: cells, totals and subtotals."""
    out: dict[Key, Any] = {}
    for key, t in tables.items():
        for r, row in t["cells"].items():
            for c, v in row.items():
                out[key, r, c] = v
        for r, v in t.get("row_totals", {}).items():
            out[key, r, "total"] = v
        for c, v in t.get("col_totals", {}).items():
            out[key, "total", c] = v
        if t.get("total") is not None:
            out[key, "total", "total"] = t["total"]
        for name, g in t.get("subtotals", {}).items():
            for c, v in g["values"].items():
                out[key, f"subtotal:{name}", c] = v
    return out


class Model:
    def __init__(self, tables: Mapping[str, Mapping[str, Any]], period: str) -> None:
        self.tables = tables
        self.period = period
        self.cells = flatten(tables)
        self.index = {k: i for i, k in enumerate(self.cells)}
        self.rows: list[tuple[dict[int, float], float, float]] = []
        self.build()

    # -- relations ---------------------------------------------------------------------------------

    def has(self, *keys: Key) -> bool:
        return all(k in self.index for k in keys)

    def relation(self, terms: Iterable[tuple[Key, float]], lo: float, hi: float) -> None:
        coeffs: dict[int, float] = {}
        for key, coef in terms:
            if key not in self.index:
                return  # a relation about a cell this document does not print
            coeffs[self.index[key]] = coeffs.get(self.index[key], 0.0) + coef
        self.rows.append((coeffs, lo, hi))

    def equal(self, left: Iterable[Key], right: Iterable[Key]) -> None:
        self.relation([(k, 1.0) for k in left] + [(k, -1.0) for k in right], 0, 0)

    def at_most(self, left: Iterable[Key], right: Iterable[Key]) -> None:
        self.relation([(k, 1.0) for k in left] + [(k, -1.0) for k in right], -np.inf, 0)

    def grand(self, table: str) -> Key:
        return (table, "total", "total")

    def build(self) -> None:
        t = self.tables
        for key, table in t.items():
            rows, cols = table["rows"], table["cols"]
            if table.get("additive"):
                for c in cols:
                    self.equal([(key, r, c) for r in rows], [(key, "total", c)])
                if len(cols) > 1:
                    for r in rows:
                        self.equal([(key, r, c) for c in cols], [(key, r, "total")])
                    self.equal([(key, r, "total") for r in rows], [self.grand(key)])
                self.equal([(key, "total", c) for c in cols], [self.grand(key)])
            for name, g in table.get("subtotals", {}).items():
                for c in cols:
                    self.equal([(key, r, c) for r in g["rows"]], [(key, f"subtotal:{name}", c)])
        h = "headline"
        new = (h, "new_incidents", "this_month")
        # One population: every incidents table counts the month's GBV incidents once.
        for key in INCIDENT_TABLES:
            self.equal([self.grand(key)], [new])
        # Type by child/adult is a coarsening of type by age group, row by row.
        ages = codes.AGE_GROUP.codes()
        for r in t.get("incidents_by_type_child_adult", {}).get("rows", []):
            a, b = "incidents_by_type_child_adult", "incidents_by_type_age_group"
            self.equal([(a, r, "child")], [(b, r, "0_11"), (b, r, "12_17")])
            self.equal([(a, r, "adult")], [(b, r, g) for g in ages if g not in ("0_11", "12_17", "unknown")])
            self.equal([(a, r, "unknown")], [(b, r, "unknown")])
        for g in ages:  # the survivors' age groups are the type-by-age table's column totals
            self.equal([("survivor_age_group", g, "count")], [("incidents_by_type_age_group", "total", g)])
        # A district's (ministry's) per-office breakdown: each office's incidents by type.
        split = "incidents_by_type_child_adult"
        for c in t.get("breakdown", {}).get("cols", []):
            self.equal([("breakdown", "total", c)], [(split, c, "total")])
        self.equal([self.grand("breakdown")], [new])
        self.equal([self.grand("rape_health_referral")], [("incidents_by_type_child_adult", "rape", "total")])
        # The rape incidents by time to report: a part of every band of all incidents.
        rape_time = "rape_time_to_report"
        self.equal([self.grand(rape_time)], [("incidents_by_type_child_adult", "rape", "total")])
        for r in t.get(rape_time, {}).get("rows", []):
            self.at_most([(rape_time, r, "count")], [("time_to_report", r, "count")])
        # Case context (several per incident): IPV is the headline's; each context is a subset of
        # the incidents of its types and ages.
        ctx, split = "incidents_by_case_context", "incidents_by_type_child_adult"
        self.equal([(ctx, "ipv", "count")], [(h, "ipv_incidents", "this_month")])
        for r in t.get(ctx, {}).get("rows", []):
            self.at_most([(ctx, r, "count")], [new])
        sexual = ("rape", "sexual_assault")
        self.at_most([(ctx, "child_sexual_abuse", "count")], [(split, r, "child") for r in sexual])
        self.at_most([(ctx, "early_marriage", "count")], [(split, "forced_marriage", "child")])
        self.at_most([(ctx, "possible_sexual_exploitation", "count")], [(split, r, "total") for r in sexual])
        # The children by consent route are counted children: the child column of the type table.
        # (Every child counted since the routes has one; a child counted from before them may not.)
        self.at_most(
            [self.grand("children_by_consent_route")], [("incidents_by_type_child_adult", "total", "child")]
        )
        self.at_most(
            [("perpetrator_relationship", "subtotal:ipv", "count")], [(h, "ipv_incidents", "this_month")]
        )
        for r in t.get("commune_actions", {}).get("rows", []):
            self.at_most([("commune_actions", r, "count")], [new])
        self.equal(
            [("commune_actions", "administrative_decision", "count")],
            [(h, "administrative_decisions", "this_month")],
        )
        dq = "data_quality"
        self.equal([(dq, "missing_survivor_age", "count")], [("survivor_age_group", "unknown", "count")])
        self.at_most(
            [(dq, "missing_perpetrator", "count")], [("perpetrator_relationship", "unknown", "count")]
        )
        self.at_most([(dq, "missing_date_of_incident", "count")], [("time_to_report", "unknown", "count")])
        # No perpetrator recorded: the number's "unknown"; within each perpetrator table's unknown.
        self.equal([(dq, "missing_perpetrator", "count")], [("perpetrator_count", "unknown", "count")])
        for key in ("perpetrator_relationship", "perpetrator_age_group", "perpetrator_sex"):
            self.at_most([("perpetrator_count", "unknown", "count")], [(key, "unknown", "count")])
        # One perpetrator of one sex: "both" needs two or more.
        self.at_most(
            [("perpetrator_sex", "male_and_female", "count")],
            [("perpetrator_count", r, "count") for r in ("two", "three", "more_than_three")],
        )
        parts = [
            (dq, m, "count")
            for m in ("missing_date_of_incident", "missing_survivor_age", "missing_perpetrator")
        ]
        self.at_most([(dq, "missing_key_fields", "count")], parts)
        for part in parts:
            self.at_most([part], [(dq, "missing_key_fields", "count")])
            self.at_most([part], [new])
        # Referrals: both tables count the month's referrals; same services; received column.
        made = (h, "referrals_made", "this_month")
        for key in ("referrals_by_service_status", "referrals_by_service_outcome"):
            self.equal([self.grand(key)], [made])
        for r in t.get("referrals_by_service_status", {}).get("rows", []):
            self.equal(
                [("referrals_by_service_status", r, "total")], [("referrals_by_service_outcome", r, "total")]
            )
        self.equal(
            [("referrals_by_service_outcome", "total", "received")], [(h, "referrals_received", "this_month")]
        )
        self.equal([self.grand("meetings_by_type")], [(h, "meetings_held", "this_month")])
        for r in t.get("action_items_by_status", {}).get("rows", []):
            self.at_most([("action_items_by_status", r, "overdue")], [("action_items_by_status", r, "count")])
        # The headline's own relations.
        for col in ("this_month", "same_month_last_year", "year_to_date"):
            for part, whole in (
                ("ipv_incidents", "new_incidents"),
                ("administrative_decisions", "new_incidents"),
                ("referrals_received", "referrals_made"),
            ):
                self.at_most([(h, part, col)], [(h, whole, col)])
        for row in FLOWS:
            self.at_most([(h, row, "this_month")], [(h, row, "year_to_date")])
        self.equal([(h, "open_follow_ups", "this_month")], [(h, "open_follow_ups", "year_to_date")])
        # The trend: this month is the headline; this year's months add up to the year to date.
        year = [
            p for p in t.get("trend", {}).get("rows", []) if p[:4] == self.period[:4] and p <= self.period
        ]
        for measure, row in (("incidents", "new_incidents"), ("referrals", "referrals_made")):
            self.equal([("trend", self.period, measure)], [(h, row, "this_month")])
            if year:
                self.equal([("trend", p, measure) for p in year], [(h, row, "year_to_date")])

    # -- solving -----------------------------------------------------------------------------------

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        lo = np.zeros(len(self.cells))
        hi = np.full(len(self.cells), float(BIG))
        for key, i in self.index.items():
            v = self.cells[key]
            if isinstance(v, int):
                lo[i] = hi[i] = v
            elif v == NOT_REPORTED:
                lo[i] = hi[i] = 0
            elif v == "<5":
                lo[i], hi[i] = 1, 4
            elif v in ("x", "·"):
                pass
            else:
                raise AssertionError(f"unknown mark {v!r} at {key}")
        return lo, hi

    def range_of(self, key: Key) -> tuple[int, int]:
        if not hasattr(self, "_problem"):
            n = len(self.cells)
            a = np.zeros((len(self.rows), n))
            for j, (coeffs, _lo, _hi) in enumerate(self.rows):
                for i, c in coeffs.items():
                    a[j, i] = c
            lows, highs = [r[1] for r in self.rows], [r[2] for r in self.rows]
            constraints = [LinearConstraint(a, lows, highs)] if self.rows else []
            self._problem = (constraints, Bounds(*self.bounds()))
        constraints, bounds = self._problem
        n = len(self.cells)
        out = []
        for sign in (1.0, -1.0):
            c = np.zeros(n)
            c[self.index[key]] = sign
            res = milp(c, constraints=constraints, integrality=np.ones(n), bounds=bounds)
            assert res.status == 0, (key, res.message)  # the published document is consistent
            out.append(round(sign * res.fun))
        return out[0], out[1]


@dataclass(frozen=True)
class Breach:
    key: Key
    mark: str
    true: int
    found: tuple[int, int]


def attack(
    published: Mapping[str, Mapping[str, Any]], exact: Mapping[str, Mapping[str, Any]], period: str
) -> list[Breach]:
    """Every hidden cell the attacker narrows too far (empty list: the suppression holds)."""
    model = Model(published, period)
    truth = flatten(exact)
    breaches = []
    for key, mark in model.cells.items():
        if isinstance(mark, int) or mark == NOT_REPORTED:
            continue
        true = int(truth[key])
        if mark != "x" and not 1 <= true <= 4:
            continue
        low, high = model.range_of(key)
        assert low <= true <= high, (key, true, low, high)  # the model must admit the truth
        if mark == "x":  # secondary: must not be pinned
            narrowed = low == high
        else:
            allowed = (1, 4) if mark == "<5" else (0, 4)
            narrowed = low > allowed[0] or high < allowed[1]
        if narrowed:
            breaches.append(Breach(key, mark, true, (low, high)))
    return breaches
