"""The audit anchor: the audit log's head, kept outside the database.

The head stored *inside* the database (``audit_head``) catches an edited or cut log only while the
database itself is intact. It cannot see a WAL file deleted after a crash (the database falls back
to an earlier, self-consistent state: confirmed records vanish with their audit entries and their
head), nor a log wiped or cut together with its head. So after every commit that wrote audit
entries, the new head (entry number and hash) is also written to ``audit-anchor.json`` next to the
database, atomically, sealed with an HMAC under a key derived from the data key. Unlocking compares
the two (:func:`check`):

* the database's head at or beyond the anchor, and the entry at the anchor's number has the anchor's
  hash: all is well (a crash between a commit and the anchor write leaves the anchor behind, which
  is harmless);
* the database's head *behind* the anchor: recent changes were lost (:class:`AuditLogBehind`);
* no head, a head that no entry supports, or an entry at the anchor's number with another hash:
  the log was damaged or rewritten (:class:`AuditChainBroken`).

A lost anchor file is noticed too: the database records (setting ``audit_anchor``) that its log is
anchored, so a missing anchor of an anchored log is reported as damage, never silently re-created.

Who this stops: anyone without the data key (a person at the locked PC, a disk fault, a lost WAL),
and anyone who edits the database through SQL without also forging the anchor. Someone who holds the
data key and writes her own code can rewrite both; the audit head carried in every bundle and
checked by the district is the defence that lies outside this PC (``docs/security.md``).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, SessionTransaction

from ..atomic import atomic_write_bytes
from ..errors import AuditChainBroken, AuditLogBehind, StorageFailed
from ..models.tables import AuditEntry, Setting
from .sealing import hkdf

ANCHOR_FILE = "audit-anchor.json"
ANCHORED_SETTING = "audit_anchor"  # present once the log has an anchor outside the database
PENDING_HEAD = "shsc_audit_head"  # session.info key: the head written in the open transaction
SAVED_HEADS = "shsc_audit_heads_saved"  # session.info key: the pending head as each savepoint began
MAX_ANCHOR_BYTES = 4096


@dataclass(frozen=True)
class AnchorValue:
    seq: int
    hash: str


def _mac(key: bytes, office_id: str, seq: int, digest: str) -> str:
    body = json.dumps([office_id, seq, digest], separators=(",", ":")).encode()
    return hmac.new(hkdf(key, b"shsc audit anchor v1"), body, hashlib.sha256).hexdigest()


class AnchorFile:
    """The anchor file of one data folder, sealed for one office."""

    def __init__(self, folder: Path, office_id: str) -> None:
        self.path = Path(folder) / ANCHOR_FILE
        self.office_id = office_id

    def read(self, keys: list[bytes]) -> tuple[AnchorValue, bool] | None:
        """The stored head and whether its seal verifies under one of ``keys``; None if missing.

        An unreadable file raises ``AuditChainBroken``: the anchor exists but says nothing.
        """
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read(MAX_ANCHOR_BYTES + 1)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AuditChainBroken("The record of the audit log's end cannot be read.") from exc
        try:
            if len(raw) > MAX_ANCHOR_BYTES:
                raise ValueError("too large")
            doc = json.loads(raw.decode("utf-8"))
            value = AnchorValue(int(doc["seq"]), str(doc["hash"]))
            mac = str(doc["mac"])
            office_id = str(doc["office_id"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise AuditChainBroken("The record of the audit log's end is damaged.") from exc
        if value.seq < 1 or office_id != self.office_id:
            raise AuditChainBroken("The record of the audit log's end is damaged.")
        sealed = any(
            hmac.compare_digest(mac, _mac(key, self.office_id, value.seq, value.hash)) for key in keys
        )
        return value, sealed

    def write(self, key: bytes, value: AnchorValue) -> None:
        doc = {
            "office_id": self.office_id,
            "seq": value.seq,
            "hash": value.hash,
            "mac": _mac(key, self.office_id, value.seq, value.hash),
        }
        # No folder fsync: after a power cut the previous anchor (behind the log) is harmless.
        atomic_write_bytes(self.path, json.dumps(doc, sort_keys=True).encode("utf-8"), sync_folder=False)


class _Writer:
    """Writes the anchor after each commit of one engine; never goes backwards within a process."""

    def __init__(self, anchor: AnchorFile, key: bytes) -> None:
        self.anchor = anchor
        self.key = key
        self.lock = threading.Lock()
        self.last_seq = 0

    def committed(self, value: AnchorValue) -> None:
        with self.lock:
            if value.seq <= self.last_seq:
                return  # another thread already anchored a later head
            # The commit has happened: if the anchor cannot be written (full disk) the save still
            # stands, and the anchor merely lags until the next commit, which is harmless.
            with contextlib.suppress(StorageFailed):
                self.anchor.write(self.key, value)
                self.last_seq = value.seq


_writers: weakref.WeakKeyDictionary[Engine, _Writer] = weakref.WeakKeyDictionary()


def attach(engine: Engine, anchor: AnchorFile, key: bytes) -> None:
    """From now on every commit on ``engine`` that wrote audit entries updates ``anchor``."""
    _writers[engine] = _Writer(anchor, bytes(key))


def note_head(session: Session, seq: int, digest: str) -> None:
    """Called by ``audit.record``: the head this transaction will have if it commits."""
    session.info[PENDING_HEAD] = AnchorValue(seq, digest)


@event.listens_for(Session, "after_transaction_create")
def _savepoint_begins(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested:
        session.info.setdefault(SAVED_HEADS, {})[transaction] = session.info.get(PENDING_HEAD)


@event.listens_for(Session, "after_transaction_end")
def _savepoint_ends(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested:
        session.info.get(SAVED_HEADS, {}).pop(transaction, None)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint released: its head commits (or not) with the transaction around it
    value = session.info.pop(PENDING_HEAD, None)
    if value is None:
        return
    bind = session.get_bind()
    writer = _writers.get(bind) if isinstance(bind, Engine) else None
    if writer is not None:
        writer.committed(value)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    savepoint = session.get_nested_transaction()
    if savepoint is None:
        session.info.pop(PENDING_HEAD, None)
        return
    # Back to the savepoint: the head pending is the one from before it (entries written earlier
    # in the transaction still commit with it).
    before = session.info.get(SAVED_HEADS, {}).get(savepoint)
    if before is None:
        session.info.pop(PENDING_HEAD, None)
    else:
        session.info[PENDING_HEAD] = before


# -- checking at unlock ---------------------------------------------------------------------------


def _stored_head(session: Session) -> AnchorValue | None:
    row = session.get(Setting, "audit_head")
    if row is None:
        return None
    try:
        seq, digest = row.value.split(":", 1)
        return AnchorValue(int(seq), digest)
    except ValueError:
        return None


def _entry_hash(session: Session, seq: int) -> str | None:
    return session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seq))


def check(session: Session, anchor: AnchorFile, keys: list[bytes]) -> AnchorValue:
    """Compare the database's audit log with the anchor; return the database's head.

    Raises ``AuditLogBehind`` (recent changes lost) or ``AuditChainBroken`` (head missing, log
    rewritten, anchor of an anchored log missing or forged). An office that has never been
    anchored (set up before this check existed) passes and is anchored from now on.
    """
    stored = anchor.read(keys)
    head = _stored_head(session)
    if head is None or _entry_hash(session, head.seq) != head.hash:
        raise AuditChainBroken(
            "The audit log of this office is damaged (its last entry is missing). Restore the newest backup."
        )
    if stored is None:
        if session.get(Setting, ANCHORED_SETTING) is not None:
            raise AuditChainBroken(
                "The record of the audit log's end has been deleted. Restore the newest backup."
            )
        return head
    value, sealed = stored
    if head.seq < value.seq:
        if not sealed:
            # Not written by this office: someone without the key planted it.
            raise AuditChainBroken("The record of the audit log's end has been altered.")
        raise AuditLogBehind(value.seq - head.seq, head.seq, value.seq)
    if _entry_hash(session, value.seq) != value.hash:
        raise AuditChainBroken(
            "The audit log of this office has been rewritten since it was last used. "
            "Restore the newest backup."
        )
    # A matching hash cannot be made without reading the log, so an unsealed anchor that matches
    # (a crash between a data-key rotation and the next anchor write) is only stale, not forged.
    return head


def mark_anchored(session: Session) -> None:
    """Record in the database that its log is anchored (so a deleted anchor is noticed)."""
    if session.get(Setting, ANCHORED_SETTING) is None:
        session.add(Setting(key=ANCHORED_SETTING, value="1"))


def head_from_entries(session: Session) -> AnchorValue | None:
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return AnchorValue(last.seq, last.hash) if last is not None else None


__all__ = [
    "ANCHOR_FILE",
    "AnchorFile",
    "AnchorValue",
    "attach",
    "check",
    "head_from_entries",
    "mark_anchored",
    "note_head",
]
