"""What arrived from below, as the district (or the ministry) sees it: which lower office reported
each month and when (completeness against the reporting deadline, sequence gaps, audit-head breaks),
and the month's totals, the sum of the lower offices' current tables.

The tables come from ``imported_statistics`` and ``received_bundle``, written by the import
(``exchange_import``); this module only reads them. ``district`` builds the printed copies on it,
``exchange_export`` the district's own bundle to the ministry.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import gazetteer
from ..models.tables import (
    BundleReceived,
    EnrolledOffice,
    ImportedStatistics,
    Setting,
)
from ..security.permissions import Perm, require
from ..security.pki import Level
from ..values import period as months
from ..values.period import PHNOM_PENH
from .exchange_office import ExchangeOffice
from .exchange_rules import missing_sequences
from .reporting.catalogue import TABLE_SPECS
from .returns import returned_reports
from .statistics import TABLE_KEYS, CountTable

DEFAULT_DEADLINE_DAYS = 5
DEADLINE_KEY = "exchange.deadline_days"
MAX_DEADLINE_DAYS = 60


def stored_deadline_days(s: Session) -> int:
    """The office's reporting deadline (days after a month's end within which a report counts as on
    time): its setting, or the default when unset or unreadable. The district's completeness, its
    printed copies and its bundle to the ministry all judge timeliness by it."""
    row = s.get(Setting, DEADLINE_KEY)
    try:
        value = int(row.value) if row is not None else DEFAULT_DEADLINE_DAYS
    except ValueError:
        return DEFAULT_DEADLINE_DAYS
    return min(MAX_DEADLINE_DAYS, max(0, value))


ON_TIME = "on_time"
LATE = "late"
MISSING = "missing"
NIL_REPORT = "nil_report"
NOT_ENROLLED = "not_enrolled"  # in the gazetteer, no certificate yet: expected, cannot send
NOT_EXPECTED = "not_expected"  # before the office's reporting start: not counted at all
REPORTED_STATUSES = (ON_TIME, LATE, NIL_REPORT)

CLOCK_TOLERANCE = dt.timedelta(hours=12)
"""How far a bundle's signed creation time may lie after its import before the dates disagree."""


@dataclass(frozen=True)
class ExpectedOffice:
    code: str
    name_en: str
    name_km: str
    start: str | None  # first month expected ("YYYY-MM"); None: not enrolled (expected, cannot send)


def as_utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def local_period(moment: dt.datetime) -> str:
    """The month of ``moment`` in Phnom Penh time (months and deadlines are judged in it)."""
    return months.of(months.phnom_penh_now(moment))


def _month_end(period: str) -> dt.datetime:
    """The first instant after the month, Phnom Penh time."""
    return dt.datetime.combine(months.parse(period).shift(1).first_day, dt.time(), tzinfo=PHNOM_PENH)


def dates_disagree(period: str, sent: dt.datetime, received: dt.datetime) -> bool:
    """The sender's signed creation time cannot be right: before the month ended, or after the
    district received the bundle (beyond clock drift). A clock set wrong, or a back-dated bundle."""
    return sent < _month_end(period) or sent > received + CLOCK_TOLERANCE


@dataclass(frozen=True)
class CompletenessCell:
    code: str
    name_en: str
    name_km: str
    period: str
    status: str  # on_time | late | missing | nil_report | not_enrolled | not_expected
    received_at: dt.datetime | None  # when this office first imported the month (UTC)
    revision: int
    late: bool  # sent after the deadline, Phnom Penh time (also for nil reports)
    sent_at: dt.datetime | None = None  # the sender's signed creation time of its first bundle (UTC)
    dates_disagree: bool = False  # sent_at is implausible beside received_at: check the clocks
    returned: str | None = None  # returned for correction (the reason) until a newer bundle arrives

    @property
    def expected(self) -> bool:
        return self.status != NOT_EXPECTED

    @property
    def reported(self) -> bool:
        return self.status in REPORTED_STATUSES


@dataclass(frozen=True)
class AuditBreak:
    """A commune's audit log went backwards between two of its bundles: entries were removed
    (truncated) or rewritten (same length, another hash) at that office."""

    code: str
    period: str
    sequence: int  # the bundle whose head does not extend the one before
    previous_head: str  # "seq:hash" of the bundle before it
    head: str


def audit_breaks(bundles: Iterable[tuple[str, int, str, str]]) -> tuple[AuditBreak, ...]:
    """(sender, sequence, period, "seq:hash") of every bundle received → the breaks, per sender in
    sequence order (the order the sender made them, whatever order they arrived in). Only the heads
    travel, so "extends" means: not fewer entries, and the same hash when the number is the same."""
    out = []
    previous: dict[str, tuple[int, str]] = {}
    for code, sequence, period, head in sorted(bundles):
        seq_text, _, digest = head.partition(":")
        if not seq_text.isdigit():
            continue  # bundles from before audit heads were kept
        current = (int(seq_text), digest)
        before = previous.get(code)
        if before is not None and (
            current[0] < before[0] or (current[0] == before[0] and digest != before[1])
        ):
            out.append(AuditBreak(code, period, sequence, f"{before[0]}:{before[1]}", head))
        previous[code] = current
    return tuple(out)


@dataclass(frozen=True)
class Completeness:
    periods: tuple[str, ...]
    deadline_days: int
    cells: tuple[CompletenessCell, ...]
    gaps: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """Sender → bundle numbers not received (below its highest): bundles to ask for."""
    broken_audit: tuple[AuditBreak, ...] = ()
    """Bundles whose sender's audit head does not extend the head of its previous bundle."""

    def cell(self, code: str, period: str) -> CompletenessCell:
        return next(c for c in self.cells if c.code == code and c.period == period)

    def counts(self, period: str) -> dict[str, int]:
        out = {ON_TIME: 0, LATE: 0, MISSING: 0, NIL_REPORT: 0, NOT_ENROLLED: 0, NOT_EXPECTED: 0}
        for c in self.cells:
            if c.period == period:
                out[c.status] += 1
        return out


@dataclass(frozen=True)
class Totals:
    """The sum of the lower offices' tables for one month."""

    period: str
    reporting: tuple[str, ...]  # codes with a report (nil reports included)
    nil_reports: tuple[str, ...]
    missing: tuple[str, ...]  # expected this month (enrolled or not), no report
    tables: tuple[CountTable, ...]
    not_enrolled: tuple[str, ...] = ()  # of the missing: in the gazetteer, not enrolled yet
    incomplete: tuple[str, ...] = ()
    """Tables some report with figures did not carry (a month approved before the table existed,
    or an older app): left out of the sums, which would count only part of the month."""

    def table(self, key: str) -> CountTable:
        return next(t for t in self.tables if t.key == key)


def _deadline(period: str, days: int) -> dt.date:
    return months.parse(period).last_day + dt.timedelta(days=days)


def sum_tables(key: str, dicts: list[dict[str, Any]]) -> CountTable:
    """Add up one statistics table of several offices, cell by cell. Every cell is an exact count
    (``check_tables`` refused anything else on import), so the sums and their totals are exact.
    The subtotals are the catalogue's for ``key``, never those a bundle names."""
    first = dicts[0]
    rows: list[str] = []
    cols: list[str] = []
    for d in dicts:
        rows += [r for r in d["rows"] if r not in rows]
        cols += [c for c in d["cols"] if c not in cols]
    counts: dict[tuple[str, str], int] = {}
    for d in dicts:
        for r in d["rows"]:
            for c in d["cols"]:
                counts[r, c] = counts.get((r, c), 0) + int(d["cells"][r][c])
    spec = TABLE_SPECS.get(key)
    subtotals = dict(spec.subtotals) if spec is not None else {}
    return CountTable.build(
        key,
        first["row_list"],
        first["col_list"],
        counts,
        rows=rows,
        cols=cols,
        additive=bool(first["additive"]),
        subtotals=subtotals,
    )


def reporting_table(totals: Totals, completeness: Completeness) -> CountTable:
    """The "reports received" table of ``totals``' month: expected, reported (nil reports included),
    on time (by ``completeness``' deadline), nil reports and missing. The one builder of the district's
    printed copy and of its bundle to the ministry, so the two cannot disagree."""
    on_time = sum(1 for c in completeness.cells if c.period == totals.period and c.reported and not c.late)
    counts = {
        "expected": len(totals.reporting) + len(totals.missing),
        "reported": len(totals.reporting),
        "on_time": on_time,
        "nil_report": len(totals.nil_reports),
        "missing": len(totals.missing),
    }
    return CountTable.column("reporting", "reporting", counts, additive=False)


class CompletenessService(ExchangeOffice):
    """Completeness and totals of the offices that report to this one."""

    def _enrolled(self, s: Session) -> dict[str, EnrolledOffice]:
        below = Level.COMMUNE if self.level is Level.DISTRICT else Level.DISTRICT
        rows = s.scalars(
            select(EnrolledOffice).where(
                EnrolledOffice.level == str(below), EnrolledOffice.revoked.is_(False)
            )
        )
        return {r.code: r for r in rows}

    def _expected(self, s: Session) -> dict[str, ExpectedOffice]:
        """Every office expected to report here: at a district every commune of the district in the
        gazetteer (enrolled or not); at the ministry the enrolled districts."""
        out: dict[str, ExpectedOffice] = {}
        if self.level is Level.DISTRICT:
            for p in gazetteer.communes(self.office.info.code):
                out[p.code] = ExpectedOffice(p.code, p.name_en, p.name_km, None)
        for code, row in self._enrolled(s).items():
            # the first report due after enrolment is the previous month's
            start = row.reporting_start or months.shift(local_period(as_utc(row.enrolled_at)), -1)
            known = out.get(code)
            out[code] = ExpectedOffice(
                code,
                row.name_en or (known.name_en if known else ""),
                row.name_km or (known.name_km if known else ""),
                start,
            )
        return out

    def completeness(
        self, periods: Sequence[str], deadline_days: int = DEFAULT_DEADLINE_DAYS
    ) -> Completeness:
        """Each lower office × month: on time / late / missing / nil report / not enrolled / not
        expected yet. Timeliness is judged by the sender's signed creation time, Phnom Penh time."""
        require(self.actor, Perm.REPORTS)
        for p in periods:
            months.parse(p)
        with self.office.reading() as s:
            return self.completeness_in(s, tuple(periods), deadline_days)

    def completeness_in(self, s: Session, periods: tuple[str, ...], deadline_days: int) -> Completeness:
        expected = self._expected(s)
        stats = {
            (r.sender_code, r.period): r
            for r in s.scalars(select(ImportedStatistics).where(ImportedStatistics.period.in_(periods)))
        }
        codes = sorted(set(expected) | {code for code, _ in stats})
        returned = returned_reports(s, periods)
        cells = []
        for code in codes:
            office = expected.get(code) or ExpectedOffice(code, "", "", None)
            for period in periods:
                row = stats.get((code, period))
                if row is None:
                    if office.start is None and code in expected:
                        status = NOT_ENROLLED
                    elif office.start is not None and period < office.start:
                        status = NOT_EXPECTED
                    else:
                        status = MISSING
                    cells.append(
                        CompletenessCell(code, office.name_en, office.name_km, period, status, None, 0, False)
                    )
                    continue
                received = as_utc(row.first_received_at)
                sent = as_utc(row.first_sent_at) if row.first_sent_at is not None else received
                late = months.phnom_penh_today(sent) > _deadline(period, deadline_days)
                status = NIL_REPORT if row.nil_report else (LATE if late else ON_TIME)
                cells.append(
                    CompletenessCell(
                        code,
                        office.name_en,
                        office.name_km,
                        period,
                        status,
                        received,
                        row.revision,
                        late,
                        sent,
                        dates_disagree(period, sent, received),
                        back.reason if (back := returned.get((code, period))) else None,
                    )
                )
        seen: dict[str, set[int]] = {}
        bundles = [
            (code, int(sequence), period, head)
            for code, sequence, period, head in s.execute(
                select(
                    BundleReceived.sender_code,
                    BundleReceived.sequence,
                    BundleReceived.period,
                    BundleReceived.sender_audit_head,
                )
            )
        ]
        for code, sequence, _, _ in bundles:
            seen.setdefault(code, set()).add(sequence)
        gaps = {
            code: missing for code, numbers in sorted(seen.items()) if (missing := missing_sequences(numbers))
        }
        return Completeness(periods, deadline_days, tuple(cells), gaps, audit_breaks(bundles))

    def district_totals(self, period: str) -> Totals:
        """The sum of the lower offices' current tables for ``period`` (nil reports count as zeros)."""
        require(self.actor, Perm.REPORTS)
        months.parse(period)
        with self.office.reading() as s:
            return self.totals_in(s, period)

    def totals_in(self, s: Session, period: str) -> Totals:
        expected = {code: e for code, e in self._expected(s).items() if e.start is None or e.start <= period}
        rows = list(s.scalars(select(ImportedStatistics).where(ImportedStatistics.period == period)))
        by_key: dict[str, list[dict[str, Any]]] = {}
        carried_by: dict[str, int] = {}  # how many reports with figures (not nil) carried each table
        for r in rows:
            carried = json.loads(r.tables)
            for key, table in carried.items():
                by_key.setdefault(key, []).append(table)
                carried_by[key] = carried_by.get(key, 0) + (not r.nil_report)
        # A table is summed only when every report with figures carried it: a month approved before
        # a table was added (or sent by an older app) has none, and a part-sum would disagree with
        # the headline. Nil reports carry no figures (a district's only its reporting table).
        with_figures = sum(1 for r in rows if not r.nil_report)
        # (Also the tables no report carried: when all sent older months, zeros would be wrong.)
        known = {*by_key, *TABLE_KEYS} - {"reporting"}
        incomplete = tuple(sorted(k for k in known if carried_by.get(k, 0) < with_figures))
        order = [k for k in TABLE_KEYS if k in by_key] + sorted(k for k in by_key if k not in TABLE_KEYS)
        tables = tuple(sum_tables(k, by_key[k]) for k in order if k not in incomplete)
        reporting = tuple(sorted(r.sender_code for r in rows))
        return Totals(
            period=period,
            reporting=reporting,
            nil_reports=tuple(sorted(r.sender_code for r in rows if r.nil_report)),
            missing=tuple(sorted(set(expected) - set(reporting))),
            not_enrolled=tuple(
                sorted(c for c, e in expected.items() if e.start is None and c not in reporting)
            ),
            tables=tables,
            incomplete=incomplete,
        )
