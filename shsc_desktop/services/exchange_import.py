"""Import of bundles from the offices below: verify every file (one ``_verify`` step), then apply
the good ones per sender in sequence order under the rules of ``exchange_rules`` (replay, sequence,
revision, period), a chunk of bundles per transaction and each bundle whole or not at all. Refusals
are audited in transactions of their own.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import BundleRejected, ValidationFailed
from ..exports.bundle_open import decrypt_bundle, open_bundle
from ..exports.bundle_payload import (
    MAX_BUNDLE_SIZE,
    OFFICE_KEYS_FIELD,
    VerifiedBundle,
    vouched_digest_of,
)
from ..exports.bundle_verify import VerifyCache
from ..inputs import read_regular
from ..models.tables import (
    BundleReceived,
    EnrolledOffice,
)
from ..security import audit, keystore, pki
from ..security.audit import Action
from ..security.identity import vouched_fingerprint
from ..security.keystore import DbKeyStore
from ..security.permissions import Perm, require
from ..security.pki import Level, Purpose, TrustStore
from ..values.changes import EXCHANGED, NOTHING
from . import collector
from .enrolment import bind_office_keys, bound_office_keys
from .exchange_office import ExchangeOffice
from .exchange_rules import Decision, Outcome, ReceivedBundle, decide
from .import_chunk import IN_LIMIT, ChunkRows, enrolled_rows
from .read_ahead import Settled, read_ahead
from .table_check import check_tables

ACTION_IMPORT_REJECTED = Action.IMPORT_REJECTED

OFFICE_KEYS_CHANGED = {
    Level.DISTRICT: (
        "office_keys_changed",
        "This commune's office keys changed since it was enrolled — ask the commune chief to verify "
        "the office and re-enrol. Nothing was imported.",
    ),
    Level.MINISTRY: (
        "district_office_keys_changed",
        "This district's office keys changed since it was enrolled — ask the district to verify its "
        "office and re-enrol. Nothing was imported.",
    ),
}


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


IMPORT_CHUNK = 128  # bundles per transaction: commits amortised; a crash loses at most this many
CHUNK_ENV = "SHSC_IMPORT_CHUNK"  # tests only: fewer bundles per transaction (1 to IMPORT_CHUNK)


def chunk_size() -> int:
    """Bundles per transaction: ``IMPORT_CHUNK``, or fewer where a test sets ``SHSC_IMPORT_CHUNK`` (the
    kill test needs commits between the bundles of a small batch)."""
    try:
        wanted = int(os.environ.get(CHUNK_ENV, IMPORT_CHUNK))
    except ValueError:
        return IMPORT_CHUNK
    return min(max(wanted, 1), IMPORT_CHUNK)


@dataclass
class Receiver:
    """What verifying a batch needs, read once per batch: this office's decryption key and
    certificate, its trust store, its own CA (a district's), and the per-batch verification cache."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    trust: TrustStore
    own_ca: x509.Certificate | None
    cache: VerifyCache = field(default_factory=VerifyCache)
    bound_keys: dict[bytes, str | None] = field(default_factory=dict)
    """The office-key fingerprint each enrolment certificate binds, by the certificate's SHA-256."""

    def office_keys_of(self, cert: x509.Certificate) -> str | None:
        key = self.cache.fingerprint(cert)
        if key not in self.bound_keys:
            self.bound_keys[key] = pki.office_keys_of(cert)
        return self.bound_keys[key]


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


class ImportService(ExchangeOffice):
    """Verify and import bundles from the offices that report to this one."""

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

    def _check_sender(self, vb: VerifiedBundle, receiver: Receiver) -> None:
        level = vb.payload["sender"]["level"]
        if self.level is Level.DISTRICT:
            ok = level == Level.COMMUNE and vb.sender_code.startswith(self.code)
            own_ca, fp = receiver.own_ca, receiver.cache.fingerprint
            ok = ok and own_ca is not None and hmac.compare_digest(fp(vb.ca_cert), fp(own_ca))
        else:
            ok = level == Level.DISTRICT
        if not ok:
            raise BundleRejected(
                "not_below",
                f"Office {vb.sender_code} ({level}) does not report to this office.",
            )

    def _verify(
        self, data: bytes, receiver: Receiver, decrypted: Callable[[], bytes] | None = None
    ) -> VerifiedBundle:
        """Every check a bundle passes before this office considers applying it, in one place:
        decrypt, signature, chain to the pinned root, revocation, recipient binding and schema
        (``open_bundle``; ``decrypted`` where the decryption ran ahead), the sender reports to this
        office, and the strict tables (every figure within its table and consistent with the
        headline). Any failure is a ``BundleRejected``."""
        vb = open_bundle(
            data, receiver.key, receiver.cert, receiver.trust, self.clock(), receiver.cache, decrypted
        )
        self._check_sender(vb, receiver)
        check_tables(
            vb.payload["tables"], str(vb.payload["sender"]["level"]), vb.nil_report, vb.schema_version
        )
        return vb

    def _check_office_keys(
        self, s: Session, vb: VerifiedBundle, receiver: Receiver | None = None
    ) -> str | None:
        """The sender's office keys must be the ones bound at its enrolment.

        Bound: the fingerprint in the certificate this office (or the ministry, for a district)
        issued to the sender (``pki.OFFICE_KEYS_OID``: the commune's signing certificate, a
        district's CA certificate), and the one recorded in its enrolment row. The bundle's block
        must prove (office signing key's signature over the rest of the payload) keys with that
        fingerprint. Rejected (nothing imported) if it proves others, none, or proves nothing.
        Returns the fingerprint to bind when the office was enrolled before fingerprints were
        bound (trust on first use, docs/bundle-format.md §8), else None.
        """
        enrolment_cert = vb.ca_cert if self.level is Level.MINISTRY else vb.signer_cert
        row = s.get(EnrolledOffice, vb.sender_code)
        recorded = None if row is None else bound_office_keys(row)
        issued = (
            pki.office_keys_of(enrolment_cert)
            if receiver is None
            else receiver.office_keys_of(enrolment_cert)
        )
        bound = {fp for fp in (issued, recorded) if fp is not None}
        block = vb.payload.get(OFFICE_KEYS_FIELD)
        if block is None:
            if bound:
                raise BundleRejected(
                    "office_keys_missing",
                    f"Office {vb.sender_code} enrolled with its office keys, but this bundle does not "
                    "carry them: it was not made by SHSC Desktop at that office. Nothing was imported.",
                )
            return None
        found = vouched_fingerprint(block, vouched_digest_of(vb))
        if found is None:
            raise BundleRejected(
                "office_keys_invalid",
                "The office keys in this bundle do not vouch for its content: it was forged or "
                "damaged. Nothing was imported.",
            )
        if bound and bound != {found}:
            raise BundleRejected(*OFFICE_KEYS_CHANGED[self.level])
        return found if row is not None and recorded is None else None

    def verify_file(self, path: Path) -> VerifyResult:
        """Decrypt and verify a bundle (signature, chain, revocation, recipient) without importing."""
        require(self.actor, Perm.IMPORT)
        vb = self._verify(self._read(Path(path)), self._receiver())
        with self.office.reading() as s:
            self._check_office_keys(s, vb)
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
        ``IMPORT_CHUNK`` bundles per transaction: each bundle is decided in full before its rows are
        queued, and the queue is written with the chunk (``ChunkRows``), so a refused bundle leaves
        no trace and an accepted one commits whole with its chunk. A rejected file is left untouched;
        the database changes only by an ``import_rejected`` audit entry (none in a dry run), written
        in a transaction of its own so no later failure can undo it. ``cancelled`` is asked before
        each bundle is applied: the bundles applied so far are kept, and the summary lists only the
        files dealt with.
        """
        # The batch's parsed payloads live until it is written: the cyclic collector would scan
        # them again and again (a fifth of the import's time), for nothing to free.
        with collector.paused():
            return self._import(paths, dry_run, allow_sequence_jump, progress, cancelled)

    def _import(
        self,
        paths: Sequence[Path],
        dry_run: bool,
        allow_sequence_jump: bool,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> ImportSummary:
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

        def fetch(path: Path) -> tuple[bytes, Settled[bytes]]:  # on the read-ahead thread
            data = self._read(path)
            return data, Settled.of(lambda d: decrypt_bundle(d, receiver.key, receiver.cert), data)

        # Reading and decrypting (outside the interpreter lock) run a few files ahead on a thread of
        # their own, while this loop checks signatures, parses and checks tables; each file's
        # failure is raised here, at its turn and its step, as if this loop had read it.
        files = [Path(raw) for raw in paths]
        with read_ahead(files, fetch) as fetched:
            for i, (path, got) in enumerate(zip(files, fetched, strict=True)):
                try:
                    data, inner = got.get()
                    verified.append((i, path, data, self._verify(data, receiver, inner.get)))
                except BundleRejected as exc:
                    reject(i, path, exc)
                    report()
        self._audit_rejections(rejected)
        verified.sort(key=lambda item: (item[3].sender_code, item[3].sequence, item[0]))
        if dry_run:
            with self.office.reading() as s:
                log = BatchLog.load(s, (vb for *_, vb in verified))
                enrolled = enrolled_rows(s, [vb.sender_code for *_, vb in verified])
                for i, path, _, vb in verified:
                    if cancelled is not None and cancelled():
                        break
                    try:
                        self._check_office_keys(s, vb, receiver)
                        decision = decide(vb, log, self.clock(), allow_sequence_jump=allow_sequence_jump)
                        if decision.outcome is not Outcome.ALREADY_IMPORTED:
                            log.record(ReceivedBundle.of(vb))
                        results[i] = _file_result(path, vb, decision)
                    except BundleRejected as exc:
                        reject(i, path, exc)
                    report()
                del enrolled
            return ImportSummary(True, tuple(results[i] for i in range(total) if i in results))
        kept: set[bytes] = set()  # CA certificates and CRLs already handed to the trust store (_apply)
        chunk_at_most = chunk_size()
        for at in range(0, len(verified), chunk_at_most):
            if cancelled is not None and cancelled():
                break
            try:
                with self.office.transaction(EXCHANGED) as s:
                    chunk = verified[at : at + chunk_at_most]
                    log = BatchLog.load(s, (vb for *_, vb in chunk))
                    rows = ChunkRows(s, [vb for *_, vb in chunk])
                    keeping: set[bytes] = set()
                    for i, path, data, vb in chunk:
                        if cancelled is not None and cancelled():
                            break
                        try:  # decided in full before its rows are queued: a refusal leaves no trace
                            results[i], adds = self._apply(
                                s, log, rows, path, data, vb, receiver, allow_sequence_jump, kept | keeping
                            )
                            keeping |= adds
                        except BundleRejected as exc:
                            reject(i, path, exc)
                        report()
                    rows.write(s, self.actor.username)
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
            with self.office.transaction(NOTHING) as s:
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
        rows: ChunkRows,
        path: Path,
        data: bytes,
        vb: VerifiedBundle,
        receiver: Receiver,
        allow_jump: bool,
        kept: set[bytes],
    ) -> tuple[FileResult, set[bytes]]:
        """Decide on one verified bundle in the chunk's transaction ``s``: if accepted, record it in
        ``log`` and queue its rows in ``rows`` (written with the chunk's, ``ChunkRows.write``).

        Every refusal (``BundleRejected``) comes before anything of the bundle is written or
        queued. ``kept`` holds the SHA-256 of the CA certificates (and of each CRL with its issuer)
        that an earlier bundle of the same batch already passed to ``keystore.add_ca`` /
        ``keep_crl`` (in a committed transaction or earlier in this one): for those exact bytes the
        stored state can only be the same or newer, so asking again would change nothing. Returns
        the result and the keys this bundle added.
        """
        now = self.clock()
        keeping: set[bytes] = set()
        trust = receiver.trust
        first_keys = self._check_office_keys(s, vb, receiver)
        decision = decide(vb, log, now, allow_sequence_jump=allow_jump)
        if decision.outcome is Outcome.ALREADY_IMPORTED:
            return _file_result(path, vb, decision), keeping
        if first_keys is not None:
            enrolled = s.get(EnrolledOffice, vb.sender_code)
            assert enrolled is not None
            bind_office_keys(enrolled, first_keys)
        fingerprint = receiver.cache.fingerprint  # remembered for the certificates and CRLs it parsed
        ca_fp = fingerprint(vb.ca_cert)
        if ca_fp not in kept:
            keystore.add_ca(s, vb.ca_cert)
            keeping.add(ca_fp)
        for crl in vb.crls:
            issuer = trust.root if crl.issuer == trust.root.subject else vb.ca_cert
            crl_key = fingerprint(crl) + fingerprint(issuer)
            if crl_key in kept:
                continue
            if keystore.keep_crl(s, crl, issuer):
                trust.crls.append(crl)
            keeping.add(crl_key)
        outcome = str(decision.outcome)
        rows.add(vb, data, path, outcome, decision.gap, now, self.actor.username, first_keys)
        log.record(ReceivedBundle.of(vb))
        return _file_result(path, vb, decision), keeping
