"""Import decisions for verified bundles: replay, sequence, revision and period (DESIGN.md §4).

``exports.bundle.open_bundle`` proves *who* sent *what* to *whom*. Whether this office should apply it
depends on what it has already received; that state lives in the encrypted database (the tables come
with the import service proper) and is reached here through the ``ReceivedLog`` protocol, so the rules
are pure and tested on their own.

Rules (security.md §5.4, TUF's rollback / fast-forward lessons), per sender:

* same ``bundle_id`` and same signed content → ``already_imported`` (a re-import is a no-op);
* same ``bundle_id`` with different content → rejected ``conflict`` (someone reused an id: alert);
* period after the current month → rejected ``future_period``;
* a newer revision of a month already received → ``updated``; an older one → ``older_revision``;
  the same revision with different content → ``conflict``;
* ``sequence`` already used by another bundle of this sender → ``replayed``. The sequence numbers
  seen form a *set*: any unseen number is accepted in any order, so a late October (1) after
  November (2) is imported, and the numbers still missing are reported as gaps;
* ``sequence`` more than ``MAX_SEQUENCE_JUMP`` above the highest seen → ``sequence_jump``
  (fast-forward defence), unless a chief confirms;
* otherwise ``imported``.

A re-export of the same approval is the same signed content (same bundle id and sequence): it is
``already_imported`` where it arrived, imported where the first copy was lost, and leaves no gap.

The caller records the accepted bundle (id, content hash, sender, period, revision, sequence) in the
same transaction as the imported tables, so a crash leaves nothing or everything.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import BundleRejected, ValidationFailed
from ..exports.bundle import (
    MAX_BUNDLE_SIZE,
    VerifiedBundle,
    VerifyCache,
    build_bundle,
    bundle_filename,
    canonical_json,
    full_payload,
    make_payload,
    open_bundle,
    write_bundle,
)
from ..inputs import read_regular
from ..models import gazetteer
from ..models.tables import (
    BundleReceived,
    EnrolledOffice,
    ExportRecord,
    ImportedStatistics,
    Month,
    Setting,
)
from ..security import audit, keystore, pki
from ..security.audit import Action
from ..security.keystore import DbKeyStore
from ..security.permissions import Perm, require
from ..security.pki import Level, Purpose, TrustStore
from ..values import period as months
from ..values.period import PHNOM_PENH
from . import validation as v
from .enrolment import EnrolmentService, pki_code
from .office import UnlockedOffice
from .reporting.catalogue import TABLE_SPECS
from .returns import returned_reports
from .snapshots import latest as latest_snapshot
from .snapshots import published
from .statistics import DEFAULT_THRESHOLD, TABLE_KEYS, CountTable
from .table_check import check_tables

MAX_SEQUENCE_JUMP = 1000


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    ALREADY_IMPORTED = "already_imported"


@dataclass(frozen=True)
class ReceivedBundle:
    """What the recipient keeps about each bundle it applied."""

    bundle_id: str
    content_sha256: str
    sender_code: str
    period: str
    revision: int
    sequence: int

    @classmethod
    def of(cls, vb: VerifiedBundle) -> ReceivedBundle:
        return cls(vb.bundle_id, vb.content_sha256, vb.sender_code, vb.period, vb.revision, vb.sequence)


class ReceivedLog(Protocol):
    def by_bundle_id(self, bundle_id: str) -> ReceivedBundle | None: ...

    def latest_for_month(self, sender_code: str, period: str) -> ReceivedBundle | None: ...

    def sequences(self, sender_code: str) -> set[int]: ...


class MemoryReceivedLog:
    """An in-memory ``ReceivedLog`` (tests, dry runs over a batch)."""

    def __init__(self) -> None:
        self.entries: list[ReceivedBundle] = []

    def record(self, entry: ReceivedBundle) -> None:
        self.entries.append(entry)

    def by_bundle_id(self, bundle_id: str) -> ReceivedBundle | None:
        return next((e for e in self.entries if e.bundle_id == bundle_id), None)

    def latest_for_month(self, sender_code: str, period: str) -> ReceivedBundle | None:
        found = [e for e in self.entries if e.sender_code == sender_code and e.period == period]
        return max(found, key=lambda e: e.revision) if found else None

    def sequences(self, sender_code: str) -> set[int]:
        return {e.sequence for e in self.entries if e.sender_code == sender_code}


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    gap: int = 0  # sequence numbers below this one not received yet (missing bundles to ask for)


def missing_sequences(seen: set[int]) -> tuple[int, ...]:
    """The numbers from 1 to the highest seen that have not arrived: bundles to ask for."""
    return tuple(n for n in range(1, max(seen, default=0)) if n not in seen)


def _current_period(now: dt.datetime) -> str:
    return months.of(now)


def decide(
    vb: VerifiedBundle, log: ReceivedLog, now: dt.datetime, *, allow_sequence_jump: bool = False
) -> Decision:
    """What to do with a verified bundle; a refusal is a ``BundleRejected`` with its own reason."""
    same = log.by_bundle_id(vb.bundle_id)
    if same is not None:
        if hmac.compare_digest(same.content_sha256, vb.content_sha256):
            return Decision(Outcome.ALREADY_IMPORTED)
        raise BundleRejected(
            "conflict",
            f"Bundle {vb.bundle_id} from {vb.sender_code} was already imported with different content; "
            "this may be an attack. Tell the chief.",
        )
    if vb.period > _current_period(now):  # "YYYY-MM" strings order like the months
        raise BundleRejected(
            "future_period", f"The bundle reports {vb.period}, a month that has not happened yet."
        )
    previous = log.latest_for_month(vb.sender_code, vb.period)
    outcome = Outcome.IMPORTED
    if previous is not None:
        if vb.revision < previous.revision:
            raise BundleRejected(
                "older_revision",
                f"{vb.sender_code} {vb.period}: revision {vb.revision} is older than revision "
                f"{previous.revision}, already imported.",
            )
        if vb.revision == previous.revision:
            raise BundleRejected(
                "conflict",
                f"{vb.sender_code} {vb.period}: a different bundle with the same revision "
                f"{vb.revision} was already imported. Tell the chief.",
            )
        outcome = Outcome.UPDATED
    seen = log.sequences(vb.sender_code)
    if vb.sequence in seen:
        raise BundleRejected(
            "replayed",
            f"Bundle number {vb.sequence} from {vb.sender_code} was already imported as another "
            "bundle; this one is a replayed or forged copy.",
        )
    highest = max(seen, default=0)
    if vb.sequence > highest + MAX_SEQUENCE_JUMP and not allow_sequence_jump:
        raise BundleRejected(
            "sequence_jump",
            f"Bundle number {vb.sequence} from {vb.sender_code} jumps far ahead of number {highest}; "
            "a chief must confirm it.",
        )
    return Decision(outcome, gap=sum(1 for n in range(1, vb.sequence) if n not in seen))


# ===================================================================================================
# The export and import service proper (state in the encrypted database)

ACTION_IMPORT_REJECTED = Action.IMPORT_REJECTED
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


IN_LIMIT = 500  # values per ``IN (...)`` list, well below SQLite's variable limit


class BatchLog:
    """The ``received_bundle`` rows a batch can meet, read once, then kept in step in memory.

    ``load`` reads every stored bundle of the batch's senders and any stored bundle that shares a
    bundle id with the batch (``decide`` looks a bundle id up whoever sent it): each decision is then
    a dictionary look-up instead of three queries. Inside the writing transaction that holds the
    lock, nobody else can add a row meanwhile; the caller records each bundle it applies.
    """

    def __init__(self) -> None:
        self._by_id: dict[str, ReceivedBundle] = {}
        self._latest: dict[tuple[str, str], ReceivedBundle] = {}
        self._sequences: dict[str, set[int]] = {}

    @classmethod
    def load(cls, s: Session, bundles: Iterable[VerifiedBundle]) -> BatchLog:
        bundles = list(bundles)
        log = cls()
        columns = (
            BundleReceived.bundle_id,
            BundleReceived.content_sha256,
            BundleReceived.sender_code,
            BundleReceived.period,
            BundleReceived.revision,
            BundleReceived.sequence,
        )
        senders = sorted({vb.sender_code for vb in bundles})
        ids = sorted({vb.bundle_id for vb in bundles})
        for column, values in ((BundleReceived.sender_code, senders), (BundleReceived.bundle_id, ids)):
            for at in range(0, len(values), IN_LIMIT):
                for row in s.execute(select(*columns).where(column.in_(values[at : at + IN_LIMIT]))):
                    if row.bundle_id not in log._by_id:
                        log.record(ReceivedBundle(*row))
        return log

    def record(self, entry: ReceivedBundle) -> None:
        self._by_id[entry.bundle_id] = entry
        key = (entry.sender_code, entry.period)
        latest = self._latest.get(key)
        if latest is None or entry.revision > latest.revision:
            self._latest[key] = entry
        self._sequences.setdefault(entry.sender_code, set()).add(entry.sequence)

    def by_bundle_id(self, bundle_id: str) -> ReceivedBundle | None:
        return self._by_id.get(bundle_id)

    def latest_for_month(self, sender_code: str, period: str) -> ReceivedBundle | None:
        return self._latest.get((sender_code, period))

    def sequences(self, sender_code: str) -> set[int]:
        return self._sequences.get(sender_code, set())


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    period: str
    revision: int
    sequence: int
    sha256: str
    reexport: bool
    nil_report: bool


@dataclass(frozen=True)
class ExportEntry:
    """One bundle written by this office (the export history)."""

    bundle_id: str
    period: str
    revision: int
    sequence: int
    file_name: str
    sha256: str
    reexport: bool
    created_at: dt.datetime  # UTC
    created_by: str


@dataclass(frozen=True)
class FileResult:
    """One line of the import summary (DHIS2 style)."""

    path: Path
    outcome: str  # imported | updated | already_imported | rejected
    reason: str = ""  # the rejection code (BundleRejected.reason)
    message: str = ""
    sender: str = ""
    period: str = ""
    revision: int = 0
    sequence: int = 0
    gap: int = 0
    nil_report: bool = False

    @property
    def rejected(self) -> bool:
        return self.outcome == REJECTED


REJECTED = "rejected"


@dataclass(frozen=True)
class ImportSummary:
    dry_run: bool
    results: tuple[FileResult, ...]

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def imported(self) -> int:
        return self.count(Outcome.IMPORTED)

    @property
    def updated(self) -> int:
        return self.count(Outcome.UPDATED)

    @property
    def already_imported(self) -> int:
        return self.count(Outcome.ALREADY_IMPORTED)

    @property
    def rejected(self) -> int:
        return self.count(REJECTED)

    @property
    def ok(self) -> bool:
        return self.rejected == 0


@dataclass(frozen=True)
class VerifyResult:
    path: Path
    sender: str
    sender_level: str
    recipient: str
    period: str
    revision: int
    sequence: int
    bundle_id: str
    nil_report: bool
    signer_fingerprint: str
    content_sha256: str


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


def _utc(moment: dt.datetime) -> dt.datetime:
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


IMPORT_CHUNK = 16  # bundles per transaction: commits amortised; a crash loses at most this many


@dataclass
class Receiver:
    """What verifying a batch needs, read once per batch: this office's decryption key and
    certificate, its trust store, its own CA (a district's), and the per-batch verification cache."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    trust: TrustStore
    own_ca: x509.Certificate | None
    cache: VerifyCache = field(default_factory=VerifyCache)


def _file_result(path: Path, vb: VerifiedBundle, decision: Decision) -> FileResult:
    return FileResult(
        path,
        str(decision.outcome),
        "",
        "",
        vb.sender_code,
        vb.period,
        vb.revision,
        vb.sequence,
        decision.gap,
        vb.nil_report,
    )


class ExchangeService:
    """Export of approved months to the office above; import, completeness and totals below."""

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
        info = office.info
        self.level = Level(info.level)
        self.code = pki_code(info.level, info.code)

    # -- export ----------------------------------------------------------------------------------

    def _commune_tables(self, period: str) -> dict[str, Any] | None:
        stats = published(self.office, period).statistics  # the approved snapshot
        headline = stats.table("headline")
        if all(headline.value(r, "this_month") == 0 for r in headline.rows):
            return None  # nil report: nothing happened this month
        return {t.key: t.to_dict() for t in stats.tables}  # exact counts; no case codes

    def _district_tables(self, s: Session, period: str) -> tuple[dict[str, Any] | None, bool]:
        """The district's tables for ``period`` and whether they are a nil report: every office that
        reported sent a nil report (then the reporting table is the only table, and it says so)."""
        totals = self._totals(s, period)
        if not totals.reporting and not totals.missing:
            return None, True
        # exact counts: the bundle is encrypted to the ministry, which is entitled to them; only
        # documents printed or shared outside the chain are suppressed (issue 9 point 6)
        tables = {t.key: t.to_dict() for t in totals.tables}
        completeness = self._completeness(s, (period,), stored_deadline_days(s))
        tables["reporting"] = reporting_table(totals, completeness).to_dict()
        return tables, bool(totals.reporting) and totals.nil_reports == totals.reporting

    def export_month(self, period: str, out_dir: Path) -> ExportResult:
        """Write the bundle of an approved month for the office above; returns where it went.

        The same approval exported again reproduces the same payload (same bundle id, sequence,
        revision and content); a new approval's bundle carries the approval snapshot's revision
        (:meth:`_revision`): a month approved again is revision 2, even if revision 1 was never sent.
        """
        require(self.actor, Perm.EXPORT)
        months.parse(period)
        if self.level is Level.MINISTRY:
            raise ValidationFailed({"level": "The ministry sends no bundles."})
        with self.office.reading() as s:
            month = s.get(Month, period)
            approved_key = self._approval_key(month)
            last = self._last_export(s, period)
            reuse = last is not None and last.month_approved_at == approved_key
        tables: dict[str, Any] | None = None
        nil_report: bool | None = None  # None: a nil report when there are no tables
        if not reuse and self.level is Level.COMMUNE:
            tables = self._commune_tables(period)  # outside the write transaction (own session)
        with self.office.transaction() as s:
            month = s.get(Month, period)
            if self._approval_key(month) != approved_key:
                raise ValidationFailed({"period": "The month changed while exporting; try again."})
            store = DbKeyStore(s)
            signing_cert = store.cert("signing")
            recipient = store.cert("recipient")
            if signing_cert is None or recipient is None:
                raise ValidationFailed({"enrolment": v.NO_CERTIFICATE_YET})
            last = self._last_export(s, period)
            if last is not None and last.month_approved_at == approved_key:
                payload = json.loads(last.payload)
                reexport = True
            else:
                if self.level is Level.DISTRICT:
                    tables, nil_report = self._district_tables(s, period)
                sequence = int(s.scalar(select(func.max(ExportRecord.sequence))) or 0) + 1
                revision = self._revision(s, period)
                payload = make_payload(
                    sequence=sequence,
                    period=period,
                    revision=revision,
                    audit_head=audit.head(s),
                    tables=tables,
                    created_at=self.clock(),
                    nil_report=nil_report,
                )
                reexport = False
            if self.level is Level.DISTRICT:
                ca = EnrolmentService(self.office, clock=self.clock)._authority(s)
                chain: tuple[x509.Certificate, ...] = (ca.cert,)
                crls = [ca.crl, *ca.crls]
            else:
                chain = store.chain()[:-1]
                crls = keystore.stored_crls(s)
            key = store.key(Purpose.SIGNING, self.office.data_key, self.office.keys, upgrade=True)
            data = build_bundle(payload, key, signing_cert, chain, crls, recipient)
            body = full_payload(payload, signing_cert, recipient)
            content_sha = hashlib.sha256(canonical_json(body)).hexdigest()
            sha = hashlib.sha256(data).hexdigest()
            name = bundle_filename(self.code, period, int(payload["revision"]))
            s.add(
                ExportRecord(
                    bundle_id=payload["bundle_id"],
                    recipient_code=pki.identity_of(recipient.subject).code,
                    period=period,
                    revision=payload["revision"],
                    sequence=payload["sequence"],
                    month_approved_at=approved_key,
                    file_name=name,
                    sha256=sha,
                    content_sha256=content_sha,
                    payload=canonical_json(payload).decode("utf-8"),
                    reexport=reexport,
                    created_by=self.actor.username,
                )
            )
            s.flush()
            audit.record(
                s,
                self.actor.username,
                Action.EXPORT,
                "bundle",
                payload["bundle_id"],
                {
                    "period": period,
                    "revision": payload["revision"],
                    "sequence": payload["sequence"],
                    "file": name,
                    "sha256": sha,
                    "reexport": reexport,
                },
            )
            path = write_bundle(Path(out_dir), data, self.code, period, int(payload["revision"]))
        return ExportResult(
            path,
            payload["bundle_id"],
            period,
            int(payload["revision"]),
            int(payload["sequence"]),
            sha,
            reexport,
            bool(payload["nil_report"]),
        )

    @staticmethod
    def _revision(s: Session, period: str) -> int:
        """The revision a new bundle of ``period`` carries: the approval snapshot's (a commune's
        month approved again after reopening, or after case work changed its figures, is revision 2,
        whether or not revision 1 was ever sent). Never below the next after the last bundle sent
        (a district stores no snapshot; a month approved before snapshots existed has fewer of
        them than bundles), so a new approval is always a new revision at the office above."""
        sent = int(
            s.scalar(select(func.max(ExportRecord.revision)).where(ExportRecord.period == period)) or 0
        )
        snapshot = latest_snapshot(s, period)
        return max(snapshot.revision if snapshot is not None else 0, sent + 1)

    @staticmethod
    def _approval_key(month: Month | None) -> str:
        if month is None or month.status != "approved" or month.approved_at is None:
            raise ValidationFailed({"period": v.EXPORT_NEEDS_APPROVAL})
        return month.approved_at.isoformat()

    @staticmethod
    def _last_export(s: Session, period: str) -> ExportRecord | None:
        return s.scalar(
            select(ExportRecord)
            .where(ExportRecord.period == period)
            .order_by(ExportRecord.revision.desc(), ExportRecord.created_at.desc())
            .limit(1)
        )

    def history(self) -> list[ExportEntry]:
        """The bundles this office wrote, newest first, as plain values (no database rows)."""
        require(self.actor, Perm.REPORTS)
        with self.office.reading() as s:
            rows = s.scalars(select(ExportRecord).order_by(ExportRecord.created_at.desc()))
            return [
                ExportEntry(
                    r.bundle_id,
                    r.period,
                    r.revision,
                    r.sequence,
                    r.file_name,
                    r.sha256,
                    r.reexport,
                    _utc(r.created_at),
                    r.created_by,
                )
                for r in rows
            ]

    # -- import ----------------------------------------------------------------------------------

    def _receiver(self) -> Receiver:
        if self.level is Level.COMMUNE:
            raise ValidationFailed({"level": "A commune receives no bundles."})
        with self.office.reading() as s:
            store = DbKeyStore(s)
            cert = store.cert("encryption")
            if cert is None or not store.has_key(Purpose.ENCRYPTION):
                raise ValidationFailed(
                    {"enrolment": "This office has no certificate to receive bundles yet."}
                )
            key = store.key(Purpose.ENCRYPTION, self.office.data_key, self.office.keys)
            return Receiver(key, cert, keystore.trust_store(s), store.cert("ca"))

    def _check_sender(self, vb: VerifiedBundle, own_ca: x509.Certificate | None) -> None:
        level = vb.payload["sender"]["level"]
        if self.level is Level.DISTRICT:
            ok = level == Level.COMMUNE and vb.sender_code.startswith(self.code)
            ok = ok and own_ca is not None and pki.fingerprints_equal(vb.ca_cert, own_ca)
        else:
            ok = level == Level.DISTRICT
        if not ok:
            raise BundleRejected(
                "not_below",
                f"Office {vb.sender_code} ({level}) does not report to this office.",
            )

    def _verify(self, data: bytes, receiver: Receiver) -> VerifiedBundle:
        """Every check a bundle passes before this office considers applying it, in one place:
        decrypt, signature, chain to the pinned root, revocation, recipient binding and schema
        (``open_bundle``), the sender reports to this office, and the strict tables (every figure
        within its table and consistent with the headline). Any failure is a ``BundleRejected``."""
        vb = open_bundle(data, receiver.key, receiver.cert, receiver.trust, self.clock(), receiver.cache)
        self._check_sender(vb, receiver.own_ca)
        check_tables(vb.payload["tables"], str(vb.payload["sender"]["level"]), vb.nil_report)
        return vb

    def verify_file(self, path: Path) -> VerifyResult:
        """Decrypt and verify a bundle (signature, chain, revocation, recipient) without importing."""
        require(self.actor, Perm.IMPORT)
        vb = self._verify(self._read(Path(path)), self._receiver())
        return VerifyResult(
            Path(path),
            vb.sender_code,
            str(vb.payload["sender"]["level"]),
            vb.recipient_code,
            vb.period,
            vb.revision,
            vb.sequence,
            vb.bundle_id,
            vb.nil_report,
            pki.fingerprint(vb.signer_cert),
            vb.content_sha256,
        )

    @staticmethod
    def _read(path: Path) -> bytes:
        try:
            data = read_regular(path, MAX_BUNDLE_SIZE)
            if len(data) > MAX_BUNDLE_SIZE:
                raise BundleRejected("too_large", "The file is larger than 5 MB; it is not a bundle.")
            return data
        except OSError as exc:
            raise BundleRejected("unreadable", f"The file cannot be read: {exc.strerror or exc}") from exc

    def import_files(
        self,
        paths: Sequence[Path],
        *,
        dry_run: bool = False,
        allow_sequence_jump: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        """Verify and import bundles; each bundle is applied whole or not at all. ``dry_run``
        changes nothing.

        Every file is verified first; then the good ones are applied per sender in sequence order
        (a batch of late and current months imports whatever order the files were chosen in), up to
        ``IMPORT_CHUNK`` bundles per transaction, each bundle inside its own savepoint. A rejected
        file is left untouched; the database changes only by an ``import_rejected`` audit entry
        (none in a dry run), written in a transaction of its own so no later failure can undo it.
        ``cancelled`` is asked before each bundle is applied: the bundles applied so far are kept,
        and the summary lists only the files dealt with.
        """
        require(self.actor, Perm.IMPORT)
        receiver = self._receiver()
        results: dict[int, FileResult] = {}
        verified: list[tuple[int, Path, bytes, VerifiedBundle]] = []
        rejected: list[tuple[Path, BundleRejected]] = []
        total = len(paths)

        def reject(i: int, path: Path, exc: BundleRejected) -> None:
            results[i] = FileResult(path, REJECTED, exc.reason, str(exc))
            if not dry_run:
                rejected.append((path, exc))

        def report() -> None:
            if progress is not None:
                progress(len(results), total)

        for i, raw in enumerate(paths):
            path = Path(raw)
            try:
                data = self._read(path)
                verified.append((i, path, data, self._verify(data, receiver)))
            except BundleRejected as exc:
                reject(i, path, exc)
                report()
        self._audit_rejections(rejected)
        verified.sort(key=lambda item: (item[3].sender_code, item[3].sequence, item[0]))
        if dry_run:
            with self.office.reading() as s:
                log = BatchLog.load(s, (vb for *_, vb in verified))
                for i, path, _, vb in verified:
                    if cancelled is not None and cancelled():
                        break
                    try:
                        decision = decide(vb, log, self.clock(), allow_sequence_jump=allow_sequence_jump)
                        if decision.outcome is not Outcome.ALREADY_IMPORTED:
                            log.record(ReceivedBundle.of(vb))
                        results[i] = _file_result(path, vb, decision)
                    except BundleRejected as exc:
                        reject(i, path, exc)
                    report()
            return ImportSummary(True, tuple(results[i] for i in range(total) if i in results))
        kept: set[bytes] = set()  # CA certificates and CRLs already handed to the trust store (_apply)
        for at in range(0, len(verified), IMPORT_CHUNK):
            if cancelled is not None and cancelled():
                break
            try:
                with self.office.transaction() as s:
                    log = BatchLog.load(s, (vb for *_, vb in verified[at : at + IMPORT_CHUNK]))
                    keeping: set[bytes] = set()
                    for i, path, data, vb in verified[at : at + IMPORT_CHUNK]:
                        if cancelled is not None and cancelled():
                            break
                        try:
                            with s.begin_nested():  # the bundle's rows, whole or not at all
                                results[i], adds = self._apply(
                                    s,
                                    log,
                                    path,
                                    data,
                                    vb,
                                    receiver.trust,
                                    allow_sequence_jump,
                                    kept | keeping,
                                )
                            keeping |= adds
                        except BundleRejected as exc:
                            reject(i, path, exc)
                        report()
                kept |= keeping  # committed
            finally:
                self._audit_rejections(rejected, quiet=True)
        self._audit_rejections(rejected)  # any the last chunk's could not write
        return ImportSummary(False, tuple(results[i] for i in range(total) if i in results))

    def _audit_rejections(self, rejected: list[tuple[Path, BundleRejected]], *, quiet: bool = False) -> None:
        """One ``import_rejected`` audit entry per refused file, in a transaction of their own.

        ``quiet`` (after a chunk, in a ``finally``): a failure to write them must not hide the
        error that ended the chunk; they are tried again after the next chunk."""
        if not rejected:
            return
        try:
            with self.office.transaction() as s:
                for path, exc in rejected:
                    details = {"reason": exc.reason, "file": path.name}
                    audit.record(
                        s, self.actor.username, ACTION_IMPORT_REJECTED, "file", path.name[:64], details
                    )
        except Exception:
            if not quiet:
                raise
            return
        rejected.clear()

    def _apply(
        self,
        s: Session,
        log: BatchLog,
        path: Path,
        data: bytes,
        vb: VerifiedBundle,
        trust: TrustStore,
        allow_jump: bool,
        kept: set[bytes],
    ) -> tuple[FileResult, set[bytes]]:
        """Apply one verified bundle in ``s`` (the caller's savepoint); records it in ``log``.

        ``kept`` holds the SHA-256 of the CA certificates (and of each CRL with its issuer) that an
        earlier bundle of the same batch already passed to ``keystore.add_ca`` / ``keep_crl`` (in a
        committed transaction or earlier in this one): for those exact bytes the stored state can
        only be the same or newer, so asking again would change nothing. Returns the result and
        the keys this bundle added.
        """
        now = self.clock()
        keeping: set[bytes] = set()
        decision = decide(vb, log, now, allow_sequence_jump=allow_jump)
        if decision.outcome is Outcome.ALREADY_IMPORTED:
            return _file_result(path, vb, decision), keeping
        head = vb.payload["audit_head"]
        sent = dt.datetime.strptime(vb.payload["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        s.add(
            BundleReceived(
                bundle_id=vb.bundle_id,
                sender_code=vb.sender_code,
                sender_level=str(vb.payload["sender"]["level"]),
                period=vb.period,
                revision=vb.revision,
                sequence=vb.sequence,
                content_sha256=vb.content_sha256,
                sha256=hashlib.sha256(data).hexdigest(),
                file_name=path.name[:255],
                status=str(decision.outcome),
                nil_report=vb.nil_report,
                sequence_gap=decision.gap,
                sender_audit_head=f"{head['seq']}:{head['hash']}",
                signed_data=vb.signed_data,
                created_at=sent,
                imported_at=now,
                imported_by=self.actor.username,
            )
        )
        row = s.get(ImportedStatistics, (vb.sender_code, vb.period))
        tables_json = canonical_json(vb.tables).decode("utf-8")
        if row is None:
            s.add(
                ImportedStatistics(
                    sender_code=vb.sender_code,
                    period=vb.period,
                    revision=vb.revision,
                    bundle_id=vb.bundle_id,
                    nil_report=vb.nil_report,
                    tables=tables_json,
                    first_received_at=now,
                    first_sent_at=sent,
                    updated_at=now,
                )
            )
        else:
            row.revision = vb.revision
            row.bundle_id = vb.bundle_id
            row.nil_report = vb.nil_report
            row.tables = tables_json
            row.updated_at = now
        ca_fp = vb.ca_cert.fingerprint(hashes.SHA256())
        if ca_fp not in kept:
            keystore.add_ca(s, vb.ca_cert)
            keeping.add(ca_fp)
        for crl in vb.crls:
            issuer = trust.root if crl.issuer == trust.root.subject else vb.ca_cert
            crl_key = crl.fingerprint(hashes.SHA256()) + issuer.fingerprint(hashes.SHA256())
            if crl_key in kept:
                continue
            if keystore.keep_crl(s, crl, issuer):
                trust.crls.append(crl)
            keeping.add(crl_key)
        audit.record(
            s,
            self.actor.username,
            Action.IMPORT,
            "bundle",
            vb.bundle_id,
            {
                "outcome": str(decision.outcome),
                "sender": vb.sender_code,
                "period": vb.period,
                "revision": vb.revision,
                "sequence": vb.sequence,
                "gap": decision.gap,
                "file": path.name,
            },
        )
        log.record(ReceivedBundle.of(vb))
        return _file_result(path, vb, decision), keeping

    # -- completeness and totals -------------------------------------------------------------------

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
            start = row.reporting_start or months.shift(local_period(_utc(row.enrolled_at)), -1)
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
            return self._completeness(s, tuple(periods), deadline_days)

    def _completeness(self, s: Session, periods: tuple[str, ...], deadline_days: int) -> Completeness:
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
                received = _utc(row.first_received_at)
                sent = _utc(row.first_sent_at) if row.first_sent_at is not None else received
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
            return self._totals(s, period)

    def _totals(self, s: Session, period: str) -> Totals:
        expected = {code: e for code, e in self._expected(s).items() if e.start is None or e.start <= period}
        rows = list(s.scalars(select(ImportedStatistics).where(ImportedStatistics.period == period)))
        by_key: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            for key, table in json.loads(r.tables).items():
                by_key.setdefault(key, []).append(table)
        order = [k for k in TABLE_KEYS if k in by_key] + sorted(k for k in by_key if k not in TABLE_KEYS)
        tables = tuple(sum_tables(k, by_key[k]) for k in order)
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
        )
