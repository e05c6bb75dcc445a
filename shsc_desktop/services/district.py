"""The district's (and the ministry's) view of what arrived from below: the reporting deadline, the
completeness grid, the month's totals as statistics tables, a per-office breakdown, and the printed
and spreadsheet copies of them.

Totals on screen are exact (they stay in the office). Everything written to a file leaves the
office, so the PDF and the XLSX go through :func:`~shsc_desktop.services.statistics.suppress` (small
cells hidden, secondary suppression), like the district's bundle to the ministry.

At the ministry the districts' tables arrive already suppressed, so their sums may hold "12+" (at
least 12) cells; such tables get primary suppression of their exact cells only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from ..errors import ValidationFailed
from ..exports.district_xlsx import write_district_tables
from ..exports.summary_pdf import build_monthly_summary
from ..models.codes import GBV_TYPE
from ..models.tables import EnrolledOffice, ImportedStatistics, Month, Setting
from ..security import audit
from ..security.actions import Action
from ..security.permissions import Perm, require
from ..security.pki import Level
from . import validation as v
from .exchange import DEFAULT_DEADLINE_DAYS, Completeness, ExchangeService, Totals
from .months import MonthService
from .office import UnlockedOffice
from .statistics import (
    DEFAULT_THRESHOLD,
    SMALL,
    TABLE_KEYS,
    Cell,
    CountTable,
    MonthlyStatistics,
    StatisticsService,
    _bounds,
    parse_period,
    shift_period,
    suppress,
)

DEADLINE_KEY = "exchange.deadline_days"
MAX_DEADLINE_DAYS = 60
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
    status: str  # reported | nil_report | missing
    total: Cell
    by_type: dict[str, Cell]  # GBV type code → incidents

    def name(self, lang: str) -> str:
        return (self.name_km if lang == "km" else self.name_en) or self.code


@dataclass(frozen=True)
class DistrictMonth:
    """Everything the Totals view shows for one month."""

    period: str
    statistics: MonthlyStatistics  # exact at the district; "n+" cells possible at the ministry
    totals: Totals
    breakdown: tuple[BreakdownRow, ...]
    types: tuple[str, ...]  # GBV type codes, in list order


def recent_periods(now: dt.datetime, count: int) -> list[str]:
    """The last ``count`` complete months, oldest first (the current month is not due yet)."""
    current = f"{now.year:04d}-{now.month:02d}"
    return [shift_period(current, -i) for i in range(count, 0, -1)]


def month_rates(completeness: Completeness) -> list[MonthRate]:
    rates = []
    expected = len({c.code for c in completeness.cells})
    for period in completeness.periods:
        counts = completeness.counts(period)
        reported = expected - counts["missing"]
        on_time = sum(
            1 for c in completeness.cells if c.period == period and c.status != "missing" and not c.late
        )
        rates.append(MonthRate(period, expected, reported, on_time, counts["nil_report"]))
    return rates


def _shareable(table: CountTable, threshold: int) -> CountTable:
    """Suppressed copy; tables already holding markers (at the ministry) get primary suppression."""
    if all(isinstance(v, int) for row in table.cells for v in row) and all(
        isinstance(v, int) for v in (*table.row_totals, *table.col_totals)
    ):
        return suppress(table, threshold)
    small = SMALL if threshold == DEFAULT_THRESHOLD else f"<{threshold}"

    def hide(v: Cell) -> Cell:
        return small if isinstance(v, int) and 0 < v < threshold else v

    return replace(
        table,
        cells=tuple(tuple(hide(v) for v in row) for row in table.cells),
        row_totals=(),
        col_totals=(),
        total=None,
        subtotals=(),
        additive=False,
        threshold=threshold,
    )


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
        self.exchange = ExchangeService(office, clock=clock, threshold=threshold)

    # -- settings ----------------------------------------------------------------------------------

    def deadline_days(self) -> int:
        """Days after the end of a month within which a report counts as on time."""
        try:
            value = int(self.office.setting(DEADLINE_KEY, str(DEFAULT_DEADLINE_DAYS)))
        except ValueError:
            return DEFAULT_DEADLINE_DAYS
        return min(MAX_DEADLINE_DAYS, max(0, value))

    def set_deadline_days(self, days: int) -> None:
        require(self.actor, Perm.MANAGE_SETTINGS)
        if not 0 <= days <= MAX_DEADLINE_DAYS:
            raise ValidationFailed({"deadline_days": v.DAYS_RANGE(0, MAX_DEADLINE_DAYS)})
        with self.office.transaction() as s:
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
        return self.exchange.completeness(periods, self.deadline_days())

    # -- the month's totals ------------------------------------------------------------------------

    def month(self, period: str) -> DistrictMonth:
        require(self.actor, Perm.REPORTS)
        parse_period(period)
        totals = self.exchange.district_totals(period)
        statistics = self._statistics(period, totals)
        with self.office.reading() as s:
            names = {r.code: (r.name_km, r.name_en) for r in s.scalars(select(EnrolledOffice))}
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
                breakdown.append(BreakdownRow(code, name_km, name_en, "missing", 0, {}))
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
        tables = [summed.get(t.key, t) for t in template.tables]
        reporting = summed.get("reporting")  # the ministry: the districts' own completeness, summed
        if reporting is None:
            reporting = self._reporting_table(period, totals)
        tables.append(reporting)
        tables += [t for k, t in summed.items() if k not in TABLE_KEYS and k != "reporting"]
        start, end = _bounds(period)
        with self.office.reading() as s:
            month = s.get(Month, period)
            status = month.status if month is not None else "open"
        nil = tables[0].value("new_incidents", "this_month") == 0
        return MonthlyStatistics(period, start, end, status, nil, tuple(tables))

    def _reporting_table(self, period: str, totals: Totals) -> CountTable:
        comp = self.exchange.completeness([period], self.deadline_days())
        on_time = sum(1 for c in comp.cells if c.status != "missing" and not c.late)
        counts = {
            "expected": len(totals.reporting) + len(totals.missing),
            "reported": len(totals.reporting),
            "on_time": on_time,
            "nil_report": len(totals.nil_reports),
            "missing": len(totals.missing),
        }
        return CountTable.column("reporting", "reporting", counts, additive=False)

    def shared_statistics(self, period: str) -> MonthlyStatistics:
        """The month's totals as they may leave the office: small cells hidden."""
        stats = self.month(period).statistics
        tables = tuple(t if t.key == "reporting" else _shareable(t, self.threshold) for t in stats.tables)
        return replace(stats, tables=tables, follow_ups=(), threshold=self.threshold)

    def shared_breakdown(self, period: str) -> tuple[DistrictMonth, CountTable]:
        """The per-office breakdown (rows: offices, columns: GBV types) as a suppressed table."""
        month = self.month(period)
        counts: dict[tuple[str, str], int] = {}
        exact = True
        for row in month.breakdown:
            for t in month.types:
                value = row.by_type.get(t, 0)
                if not isinstance(value, int):
                    exact = False
                    value = 0
                counts[row.code, t] = value
        table = CountTable.build(
            "breakdown",
            "office",
            "gbv_type",
            counts,
            rows=[r.code for r in month.breakdown],
            cols=list(month.types),
        )
        if not exact:  # the ministry: districts sent suppressed cells
            cells = tuple(tuple(r.by_type.get(t, 0) for t in month.types) for r in month.breakdown)
            table = replace(table, cells=cells, row_totals=(), col_totals=(), total=None, additive=False)
        return month, _shareable(table, self.threshold)

    # -- files that leave the office -----------------------------------------------------------------

    def summary_pdf(
        self,
        period: str,
        lang: str,
        target: Path,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Path:
        """The district (or national) monthly summary: the commune summary's builder, suppressed."""
        require(self.actor, Perm.REPORTS)
        if lang not in ("km", "en"):
            raise ValidationFailed({"lang": "The language must be km or en."})
        stats = self.shared_statistics(period)
        target = Path(target)
        build_monthly_summary(stats, self.office.info, lang, target, progress=progress, cancelled=cancelled)
        self.office.audit(
            Action.PRINT,
            "district_summary",
            period,
            {"lang": lang, "suppressed": True, "file": target.name},
        )
        return target

    def tables_xlsx(self, period: str, lang: str, target: Path) -> Path:
        """The month's tables, the per-office breakdown and the completeness, as XLSX (suppressed)."""
        require(self.actor, Perm.REPORTS)
        if lang not in ("km", "en"):
            raise ValidationFailed({"lang": "The language must be km or en."})
        stats = self.shared_statistics(period)
        month, breakdown = self.shared_breakdown(period)
        names = {r.code: r.name(lang) for r in month.breakdown}
        target = Path(target)
        write_district_tables(
            target, stats, breakdown, names, self.office.info, lang, threshold=self.threshold
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
