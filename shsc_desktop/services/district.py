"""The district's (and the ministry's) view of what arrived from below: the reporting deadline, the
completeness grid, the month's totals as statistics tables, a per-office breakdown, and the printed
and spreadsheet copies of them.

Bundles carry exact counts at every level (the district's bundle to the ministry too: the import
check refuses any mark), so the totals are exact at the district and at the ministry alike, and on
screen they stay exact (they stay in the office). Everything written to a file leaves the office, so
the PDF and the XLSX are protected with the commune's shared-copy method
(:func:`~shsc_desktop.services.reporting.suppression.protect`): headline figures from 1 to 4 shown
as ``<5``, the tables of a population with a small number withheld together (``·``), the headline
differences that would give a withheld table away hidden (``x``), and the per-office breakdown
withheld with the incidents tables. The month's tables and the breakdown are protected as one
document, so the PDF and the XLSX agree. ``tests/exports/test_suppression_attacker.py`` attacks
both offices' copies with an exact integer-programming attacker.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..errors import ValidationFailed
from ..exports.district_xlsx import write_district_tables
from ..models import gazetteer
from ..models.codes import GBV_TYPE
from ..models.tables import EnrolledOffice, ImportedStatistics, Month, Setting
from ..security import audit
from ..security.actions import Action
from ..security.permissions import Perm, require
from ..security.pki import Level
from ..values import period as period_values
from ..values.changes import Changes
from . import validation as v
from .completeness import (
    DEADLINE_KEY,
    MAX_DEADLINE_DAYS,
    NIL_REPORT,
    Completeness,
    CompletenessService,
    Totals,
    reporting_table,
    stored_deadline_days,
)
from .months import MonthService
from .office import UnlockedOffice
from .reporting.catalogue import HEADLINE_FLOWS
from .reporting.suppression import BREAKDOWN, protect
from .reporting.tables import NOT_REPORTED as NOT_REPORTED
from .reports import Printed, check_lang, print_summary
from .statistics import (
    DEFAULT_THRESHOLD,
    TABLE_KEYS,
    Cell,
    CountTable,
    MonthlyStatistics,
    StatisticsService,
)

FLOW_ROWS = frozenset(HEADLINE_FLOWS)
"""Headline rows counted in the month (flows, every row but the catalogue's stocks): their year to
date and same month last year are recomputed from each month's stored tables."""
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class MonthRate:
    """DHIS2's reporting rate summary for one month."""

    period: str
    expected: int
    reported: int  # nil reports included
    on_time: int
    nil_reports: int

    @property
    def rate(self) -> int:
        """Reports received, in percent of those expected (0 when none is expected)."""
        return round(100 * self.reported / self.expected) if self.expected else 0

    @property
    def on_time_rate(self) -> int:
        return round(100 * self.on_time / self.expected) if self.expected else 0


@dataclass(frozen=True)
class BreakdownRow:
    code: str
    name_km: str
    name_en: str
    status: str  # reported | nil_report | missing | not_enrolled
    total: Cell
    by_type: dict[str, Cell]  # GBV type code → incidents

    def name(self, lang: str) -> str:
        return (self.name_km if lang == "km" else self.name_en) or self.code


@dataclass(frozen=True)
class DistrictMonth:
    """Everything the Totals view shows for one month."""

    period: str
    statistics: MonthlyStatistics  # exact sums; "–" where a month was not reported
    totals: Totals
    breakdown: tuple[BreakdownRow, ...]
    types: tuple[str, ...]  # GBV type codes, in list order


def recent_periods(now: dt.datetime, count: int) -> list[str]:
    """The last ``count`` complete months, oldest first (the current month is not due yet)."""
    current = period_values.of(now)
    return [period_values.shift(current, -i) for i in range(count, 0, -1)]


def month_rates(completeness: Completeness) -> list[MonthRate]:
    """Expected = every office of the gazetteer whose reporting has started (not enrolled ones
    included: they are expected and cannot send yet); months before an office's start do not count."""
    rates = []
    for period in completeness.periods:
        cells = [c for c in completeness.cells if c.period == period and c.expected]
        reported = sum(1 for c in cells if c.reported)
        on_time = sum(1 for c in cells if c.reported and not c.late)
        nil = sum(1 for c in cells if c.status == NIL_REPORT)
        rates.append(MonthRate(period, len(cells), reported, on_time, nil))
    return rates


class DistrictService:
    """Reading and printing what the offices below sent. District officer or ministry officer."""

    def __init__(
        self,
        office: UnlockedOffice,
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        threshold: int = DEFAULT_THRESHOLD,
    ) -> None:
        self.office = office
        self.actor = office.actor
        self.clock = clock
        self.threshold = threshold
        self.level = Level(office.info.level)
        if self.level is Level.COMMUNE:
            raise ValidationFailed({"level": "A commune receives no reports from below."})
        self.received = CompletenessService(office, clock=clock)

    # -- settings ----------------------------------------------------------------------------------

    def deadline_days(self) -> int:
        """Days after the end of a month within which a report counts as on time."""
        with self.office.reading() as s:
            return stored_deadline_days(s)

    def set_deadline_days(self, days: int) -> None:
        require(self.actor, Perm.MANAGE_SETTINGS)
        if not 0 <= days <= MAX_DEADLINE_DAYS:
            raise ValidationFailed({"deadline_days": v.DAYS_RANGE(0, MAX_DEADLINE_DAYS)})
        with self.office.transaction(Changes.of_settings(DEADLINE_KEY)) as s:
            row = s.get(Setting, DEADLINE_KEY)
            old = row.value if row else ""
            if row is None:
                s.add(Setting(key=DEADLINE_KEY, value=str(days)))
            else:
                row.value = str(days)
            audit.record(
                s,
                self.actor.username,
                Action.SETTING_CHANGED,
                "setting",
                DEADLINE_KEY,
                {"from": old, "to": str(days)},
            )

    # -- completeness ------------------------------------------------------------------------------

    def completeness(self, months: int = 6) -> Completeness:
        """Each enrolled office below × the last ``months`` complete months, with the set deadline."""
        if not 1 <= months <= 24:
            raise ValidationFailed({"months": v.MONTHS_RANGE(1, 24)})
        periods = recent_periods(self.clock(), months)
        return self.received.completeness(periods, self.deadline_days())

    # -- the month's totals ------------------------------------------------------------------------

    def month(self, period: str) -> DistrictMonth:
        require(self.actor, Perm.REPORTS)
        period_values.check(period)
        totals = self.received.district_totals(period)
        statistics = self._statistics(period, totals)
        with self.office.reading() as s:
            names = {p.code: (p.name_km, p.name_en) for p in gazetteer.communes(self.office.info.code)}
            names.update({r.code: (r.name_km, r.name_en) for r in s.scalars(select(EnrolledOffice))})
            rows = {
                r.sender_code: r
                for r in s.scalars(select(ImportedStatistics).where(ImportedStatistics.period == period))
            }
        types = tuple(GBV_TYPE.codes())
        breakdown = []
        for code in sorted(set(rows) | set(totals.missing)):
            name_km, name_en = names.get(code, ("", ""))
            row = rows.get(code)
            if row is None:
                status = "not_enrolled" if code in totals.not_enrolled else "missing"
                breakdown.append(BreakdownRow(code, name_km, name_en, status, 0, {}))
                continue
            tables = json.loads(row.tables)
            by_type: dict[str, Cell] = {t: 0 for t in types}
            total: Cell = 0
            split = tables.get("incidents_by_type_child_adult")
            if split is not None:
                table = CountTable.from_dict(split)
                for i, code_type in enumerate(table.rows):
                    value = table.row_totals[i] if table.row_totals else table.cells[i][0]
                    by_type[code_type] = value
                total = table.total if table.total is not None else 0
            status = "nil_report" if row.nil_report else "reported"
            breakdown.append(BreakdownRow(code, name_km, name_en, status, total, by_type))
        return DistrictMonth(period, statistics, totals, tuple(breakdown), types)

    def _statistics(self, period: str, totals: Totals) -> MonthlyStatistics:
        """The summed tables in the shape of a commune's month (a nil month: all zeros)."""
        # The office's own register is empty above commune level, so its statistics are the
        # all-zero tables in the right shape; the sums replace them where anything was received.
        template = StatisticsService(self.office).monthly(period)
        summed = {t.key: t for t in totals.tables}
        # A table some report lacked (totals.incomplete) is left out, not shown as zeros.
        tables = [summed.get(t.key, t) for t in template.tables if t.key not in totals.incomplete]
        reporting = summed.get("reporting")  # the ministry: the districts' own completeness, summed
        if reporting is None:
            reporting = self._reporting_table(period, totals)
        tables.append(reporting)
        tables += [t for k, t in summed.items() if k not in TABLE_KEYS and k != "reporting"]
        tables = self._from_stored_months(period, tables)
        start, end = period_values.bounds(period)
        with self.office.reading() as s:
            month = s.get(Month, period)
            status = month.status if month is not None else "open"
        nil = tables[0].value("new_incidents", "this_month") == 0
        return MonthlyStatistics(period, start, end, status, nil, tuple(tables))

    def _from_stored_months(self, period: str, tables: list[CountTable]) -> list[CountTable]:
        """The trend, the same month last year and the year to date from each month's own stored
        tables (every month's own bundles), never from one month's bundles (issue 9 point 15): a
        commune that missed this month still counts in the months it reported, and a month nobody
        reported shows "–" (not reported), never 0."""
        first = min(period_values.shift(period, -12), f"{period[:4]}-01")
        flows: dict[str, dict[str, int]] = {}  # month → headline row → sum of "this month"
        with self.office.reading() as s:
            query = select(ImportedStatistics.period, ImportedStatistics.tables).where(
                ImportedStatistics.period >= first, ImportedStatistics.period <= period
            )
            for month, tables_json in s.execute(query):
                acc = flows.setdefault(month, {})
                head = json.loads(tables_json).get("headline")  # absent in a nil report: zeros
                for row in head["rows"] if head else ():
                    acc[row] = acc.get(row, 0) + int(head["cells"][row]["this_month"])

        def month_value(month: str, row: str) -> Cell:
            return flows[month].get(row, 0) if month in flows else NOT_REPORTED

        year = [m for m in flows if m[:4] == period[:4]]
        last_year = period_values.shift(period, -12)

        def recomputed(row: str, col: str, value: Cell) -> Cell:
            if row not in FLOW_ROWS:
                return value  # stocks (open cases) stay as the offices counted them
            if col == "same_month_last_year":
                return month_value(last_year, row)
            if col == "year_to_date":
                return sum(flows[m].get(row, 0) for m in year) if year else NOT_REPORTED
            return value

        out = []
        for table in tables:
            if table.key == "trend":
                measures = {"incidents": "new_incidents", "referrals": "referrals_made"}
                cells = tuple(
                    tuple(month_value(m, measures.get(c, c)) for c in table.cols) for m in table.rows
                )
                table = replace(table, cells=cells)
            elif table.key == "headline":
                cells = tuple(
                    tuple(recomputed(r, c, v) for c, v in zip(table.cols, row, strict=True))
                    for r, row in zip(table.rows, table.cells, strict=True)
                )
                table = replace(table, cells=cells)
            out.append(table)
        return out

    def _reporting_table(self, period: str, totals: Totals) -> CountTable:
        return reporting_table(totals, self.received.completeness([period], self.deadline_days()))

    @staticmethod
    def breakdown_table(month: DistrictMonth) -> CountTable:
        """The per-office breakdown, exact (rows: the offices that reported, columns: GBV types).
        Offices without a report are not rows of zeros: the month's ``breakdown`` statuses say why
        they are absent."""
        present = [r for r in month.breakdown if r.status in ("reported", "nil_report")]
        counts = {(r.code, t): int(r.by_type.get(t, 0)) for r in present for t in month.types}
        return CountTable.build(
            BREAKDOWN, "office", "gbv_type", counts, rows=[r.code for r in present], cols=list(month.types)
        )

    def _shared(self, period: str) -> tuple[DistrictMonth, MonthlyStatistics, CountTable]:
        """The month's tables and the per-office breakdown as one protected document."""
        month = self.month(period)
        stats = month.statistics
        *tables, breakdown = protect((*stats.tables, self.breakdown_table(month)), self.threshold)
        shared = replace(stats, tables=tuple(tables), follow_ups=(), threshold=self.threshold)
        return month, shared, breakdown

    def shared_statistics(self, period: str) -> MonthlyStatistics:
        """The month's totals as they may leave the office: small numbers protected."""
        return self._shared(period)[1]

    def shared_breakdown(self, period: str) -> tuple[DistrictMonth, CountTable]:
        """The per-office breakdown (:meth:`breakdown_table`) as it may leave the office, protected
        together with the month's tables."""
        month, _stats, breakdown = self._shared(period)
        return month, breakdown

    # -- files that leave the office -----------------------------------------------------------------

    def summary_pdf(
        self,
        period: str,
        lang: str,
        target: Path,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        shared: bool = True,
    ) -> Path:
        """The district (or national) monthly summary: the commune summary's builder. ``shared``
        (the GUI's copy) hides small numbers for sharing outside the chain; without it, the exact
        confidential copy for this office (the command line without ``--shared``)."""
        self._summary(period, lang, Path(target), shared, progress=progress, cancelled=cancelled)
        return Path(target)

    def summary_for_print(
        self,
        period: str,
        lang: str,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes:
        """The same summary as bytes for the printer, built in memory only; audited as printed."""
        return self._summary(period, lang, None, True, progress=progress, cancelled=cancelled)

    def _summary(self, period: str, lang: str, target: Path | None, shared: bool, **hooks: Any) -> bytes:
        require(self.actor, Perm.REPORTS)
        check_lang(lang)
        stats = self.shared_statistics(period) if shared else self.month(period).statistics
        printed = Printed("district_summary", period, lang, shared)
        # Shared figures come protected already: the builder hides nothing more.
        return print_summary(self.office, printed, stats, target, **hooks, suppressed=False)

    def tables_xlsx(self, period: str, lang: str, target: Path) -> Path:
        """The month's tables, the per-office breakdown and the completeness, as XLSX (suppressed)."""
        require(self.actor, Perm.REPORTS)
        check_lang(lang)
        month, stats, breakdown = self._shared(period)
        offices = [(r.code, r.name(lang), r.status) for r in month.breakdown]
        target = Path(target)
        write_district_tables(
            target, stats, breakdown, offices, self.office.info, lang, threshold=self.threshold
        )
        self.office.audit(
            Action.PRINT,
            "district_tables_xlsx",
            period,
            {"lang": lang, "suppressed": True, "file": target.name},
        )
        return target

    # -- the district's own month ------------------------------------------------------------------

    def approve_month(self, period: str) -> None:
        """Approve the district's month so that its bundle may go to the ministry."""
        if self.level is not Level.DISTRICT:
            raise ValidationFailed({"level": "The ministry sends no bundles."})
        MonthService(self.office, today=lambda: self.clock().date()).approve(period)
