"""The hash-chained audit log.

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting or
reordering any entry breaks the chain from that point on. The newest entry's (seq, hash) is also kept
as the ``audit_head`` setting, written in the same transaction, so cutting entries off the end is
detected too; the head travels in every export bundle, which anchors it outside this PC.

Entries are written with :func:`record` inside the caller's session, i.e. in the same transaction as
the change they describe: both are committed or neither is. :func:`append` writes the same entry
with plain (Core) statements, for a batch that writes one entry per item (the import): no unit of
work to flush, and the head kept in memory for the transaction (see its docstring).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, inspect, select, update
from sqlalchemy.orm import Session

from ..errors import AuditChainBroken
from ..models.base import utcnow
from ..models.tables import AuditEntry, Setting
from . import anchor
from .actions import Action as Action  # re-exported: callers name actions via audit

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def _entry_hash(
    seq: int, at: str, actor: str, action: str, target_type: str, target_id: str, details: str, prev_hash: str
) -> str:
    payload = json.dumps(
        [seq, at, actor, action, target_type, target_id, details, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


def _at_text(at: datetime) -> str:
    return at.isoformat(timespec="microseconds")


def _follows(session: Session, head_value: str | None) -> tuple[int, str]:
    """The (seq, prev_hash) of the entry after the head ``head_value`` (None: no head stored)."""
    if head_value is None:
        if session.scalar(select(AuditEntry.seq).limit(1)) is not None:
            # The head was deleted but entries remain: numbering from 1 again would collide.
            raise AuditChainBroken("The audit log of this office is damaged (its last entry is missing).")
        return 1, GENESIS
    last_seq, prev = head_value.split(":", 1)
    return int(last_seq) + 1, prev


def _entry(
    seq: int,
    prev: str,
    actor: str,
    action: str,
    target_type: str,
    target_id: str,
    details: dict[str, Any] | None,
) -> dict[str, Any]:
    """The columns of the entry ``seq`` after ``prev``, its hash included."""
    at = utcnow()
    details_text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True)
    digest = _entry_hash(seq, _at_text(at), actor, action, target_type, target_id, details_text, prev)
    return {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "details": details_text,
        "prev_hash": prev,
        "hash": digest,
    }


def record(
    session: Session,
    actor: str,
    action: str,
    target_type: str = "",
    target_id: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in ``session``'s transaction (flushed, not committed)."""
    head = session.get(Setting, HEAD_KEY)
    seq, prev = _follows(session, None if head is None else head.value)
    entry = AuditEntry(**_entry(seq, prev, actor, action, target_type, target_id, details))
    session.add(entry)
    if head is None:
        session.add(Setting(key=HEAD_KEY, value=f"{seq}:{entry.hash}"))
    else:
        head.value = f"{seq}:{entry.hash}"
    session.flush()
    anchor.note_head(session, seq, entry.hash)
    return entry


_AUDIT = cast(Table, AuditEntry.__table__)
_SETTING = cast(Table, Setting.__table__)
_INSERT_ENTRY = insert(_AUDIT)
_READ_HEAD = select(_SETTING.c.value).where(_SETTING.c.key == HEAD_KEY)
_UPDATE_HEAD = update(_SETTING).where(_SETTING.c.key == HEAD_KEY)
_INSERT_HEAD = insert(_SETTING)
_HEAD_IDENTITY = inspect(Setting).identity_key_from_primary_key((HEAD_KEY,))
_KNOWN_IN = "shsc_audit_head_known_in"
"""``session.info`` key: the transaction in which :func:`append` last read or wrote the head."""


def append(
    session: Session,
    actor: str,
    action: str,
    target_type: str,
    target_id: str,
    details: dict[str, Any],
) -> tuple[int, str]:
    """Append the same entry as :func:`record` with Core statements; returns its (seq, hash).

    The head the entry follows is the one this transaction will commit with
    (``anchor.PENDING_HEAD``, set by every entry written and put back when a savepoint rolls back,
    so an entry rolled back with its savepoint is not followed), read from the database the first
    time in a transaction. The ``audit_head`` setting is written with the entry; a ``Setting`` the
    session holds for it is expired, so a later :func:`record` reads the new value. The statements
    run on the session's connection: objects the session has not flushed are not flushed first.
    """
    return append_many(session, actor, action, target_type, [(target_id, details)])


def append_many(
    session: Session,
    actor: str,
    action: str,
    target_type: str,
    entries: Sequence[tuple[str, dict[str, Any]]],
) -> tuple[int, str]:
    """:func:`append` for several entries in a row (``(target_id, details)`` each, chained in that
    order): one ``INSERT`` for all of them and one write of the head. Returns the last one's
    (seq, hash); nothing is written for no entries (the head pending is returned)."""
    conn = session.connection()
    root = session.get_transaction()
    pending = session.info.get(anchor.PENDING_HEAD)
    exists = True
    if pending is not None and root is not None and session.info.get(_KNOWN_IN) is root:
        seq, prev = pending.seq + 1, pending.hash
    else:
        value = conn.execute(_READ_HEAD).scalar_one_or_none()
        exists = value is not None
        seq, prev = _follows(session, value)
    if not entries:
        return seq - 1, prev
    rows = []
    for target_id, details in entries:
        row = _entry(seq, prev, actor, action, target_type, target_id, details)
        rows.append(row)
        seq, prev = seq + 1, row["hash"]
    seq -= 1
    conn.execute(_INSERT_ENTRY, rows)
    head_value = f"{seq}:{prev}"
    if exists:
        conn.execute(_UPDATE_HEAD, {"value": head_value})
    else:
        conn.execute(_INSERT_HEAD, {"key": HEAD_KEY, "value": head_value})
    held = session.identity_map.get(_HEAD_IDENTITY)
    if held is not None:
        session.expire(held)
    anchor.note_head(session, seq, prev)
    session.info[_KNOWN_IN] = root
    return seq, prev


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head_seq: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""


def verify(session: Session) -> ChainReport:
    """Walk the whole chain. Reports the first entry where it breaks, if any."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    last_hash = GENESIS
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        count += 1
        if entry.seq != expected_seq:
            return ChainReport(
                False, count, expected_seq - 1, last_hash, expected_seq, "an entry is missing or out of order"
            )
        if entry.prev_hash != prev:
            return ChainReport(
                False, count, entry.seq, last_hash, entry.seq, "an entry does not follow its predecessor"
            )
        digest = _entry_hash(
            entry.seq,
            _at_text(entry.at),
            entry.actor,
            entry.action,
            entry.target_type,
            entry.target_id,
            entry.details,
            entry.prev_hash,
        )
        if digest != entry.hash:
            return ChainReport(False, count, entry.seq, last_hash, entry.seq, "an entry has been altered")
        prev = last_hash = entry.hash
        expected_seq += 1
    if count == 0:
        # Every office's log starts with its office_created entry, written with the first user.
        # An empty log means the entries *and* the head setting were deleted.
        return ChainReport(False, 0, 0, GENESIS, 1, "the audit log is empty")
    head = session.get(Setting, HEAD_KEY)
    head_value = head.value if head else f"0:{GENESIS}"
    if head_value != f"{expected_seq - 1}:{last_hash}":
        return ChainReport(
            False, count, expected_seq - 1, last_hash, expected_seq, "entries have been removed from the end"
        )
    return ChainReport(True, count, expected_seq - 1, last_hash)


def head(session: Session) -> tuple[int, str]:
    value = session.get(Setting, HEAD_KEY)
    if value is None:
        return 0, GENESIS
    seq, digest = value.value.split(":", 1)
    return int(seq), digest


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
