"""The hash-chained audit log.

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting or
reordering any entry breaks the chain from that point on. The newest entry's (seq, hash) is also kept
as the ``audit_head`` setting, written in the same transaction, so cutting entries off the end is
detected too; the head travels in every export bundle, which anchors it outside this PC.

Entries are written with :func:`record` inside the caller's session, i.e. in the same transaction as
the change they describe: both are committed or neither is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
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
    if head is None and session.scalar(select(AuditEntry.seq).limit(1)) is not None:
        # The head was deleted but entries remain: numbering from 1 again would collide.
        raise AuditChainBroken("The audit log of this office is damaged (its last entry is missing).")
    if head is None:
        seq, prev = 1, GENESIS
    else:
        last_seq, prev = head.value.split(":", 1)
        seq = int(last_seq) + 1
    at = utcnow()
    details_text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True)
    digest = _entry_hash(seq, _at_text(at), actor, action, target_type, target_id, details_text, prev)
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        target_type=target_type,
        target_id=target_id,
        details=details_text,
        prev_hash=prev,
        hash=digest,
    )
    session.add(entry)
    if head is None:
        session.add(Setting(key=HEAD_KEY, value=f"{seq}:{digest}"))
    else:
        head.value = f"{seq}:{digest}"
    session.flush()
    anchor.note_head(session, seq, digest)
    return entry


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
