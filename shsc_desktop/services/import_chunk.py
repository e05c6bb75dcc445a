"""The rows of a chunk of imported bundles: read once when the chunk's transaction begins, and the
accepted bundles' rows written at once when it ends (``exchange_import`` decides on each bundle).

Each bundle is decided in full before anything of it is queued: a refused bundle queues nothing,
and an accepted one queues its received-bundle row, its statistics row and its audit entry
together. The queue is written in the chunk's transaction (one ``executemany`` per statement), so
a bundle's rows are committed with the chunk or not at all, without a savepoint per bundle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from ..exports.bundle_payload import VerifiedBundle, tables_json
from ..models.tables import BundleReceived, EnrolledOffice, ImportedStatistics
from ..security import audit
from ..security.audit import Action

IN_LIMIT = 500  # values per ``IN (...)`` list, well below SQLite's variable limit

# The chunk's statements, built once: building a Core statement costs more than executing it.
_STATISTICS = cast(Table, ImportedStatistics.__table__)
_INSERT_RECEIVED = insert(cast(Table, BundleReceived.__table__))
_INSERT_STATISTICS = insert(_STATISTICS)
_UPDATE_STATISTICS = update(_STATISTICS).where(  # SET: the columns named in the parameters
    _STATISTICS.c.sender_code == bindparam("key_sender"), _STATISTICS.c.period == bindparam("key_period")
)


def enrolled_rows(s: Session, senders: Sequence[str]) -> list[EnrolledOffice]:
    """The enrolment rows of ``senders``, read at once: held by the caller, each later
    ``session.get`` of one of them (``_check_office_keys``) is an identity-map hit."""
    codes = sorted(set(senders))
    code = EnrolledOffice.code
    return [
        row
        for at in range(0, len(codes), IN_LIMIT)
        for row in s.scalars(select(EnrolledOffice).where(code.in_(codes[at : at + IN_LIMIT])))
    ]


class ChunkRows:
    """What a chunk's bundles look up, read in one query each and held for the transaction, and
    the rows of the bundles accepted so far, written by :meth:`write`.

    The session's identity map keeps only weak references: a row nobody holds is dropped after its
    flush, and the next ``session.get`` of it goes back to the database (the sender's enrolment
    once per bundle). Holding them here makes those look-ups dictionary hits.
    ``present`` lists the (sender, month) statistics rows that exist: those read when the chunk
    began, and those a bundle queued earlier in the chunk inserts. A bundle updates its month's row
    if present, else inserts it (the inserts are written before the updates).
    """

    def __init__(self, s: Session, bundles: Sequence[VerifiedBundle]) -> None:
        senders = sorted({vb.sender_code for vb in bundles})
        periods = sorted({vb.period for vb in bundles})
        self.enrolled = enrolled_rows(s, senders)
        stats = _STATISTICS.c
        self.present: set[tuple[str, str]] = set()
        for at in range(0, len(senders), IN_LIMIT):
            found = s.execute(
                select(stats.sender_code, stats.period).where(
                    stats.sender_code.in_(senders[at : at + IN_LIMIT]), stats.period.in_(periods)
                )
            )
            self.present |= {(row.sender_code, row.period) for row in found}
        self.received: list[dict[str, Any]] = []
        self.inserts: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.entries: list[tuple[str, dict[str, Any]]] = []

    def add(
        self,
        vb: VerifiedBundle,
        data: bytes,
        path: Path,
        outcome: str,
        gap: int,
        now: dt.datetime,
        actor: str,
        first_keys: str | None,
    ) -> None:
        """Queue the rows of one accepted bundle: its received-bundle row, its month's statistics
        and its audit entry."""
        payload = vb.payload
        head = payload["audit_head"]
        sent = dt.datetime.strptime(payload["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        self.received.append(
            dict(
                bundle_id=vb.bundle_id,
                sender_code=vb.sender_code,
                sender_level=str(payload["sender"]["level"]),
                period=vb.period,
                revision=vb.revision,
                sequence=vb.sequence,
                content_sha256=vb.content_sha256,
                sha256=hashlib.sha256(data).hexdigest(),
                file_name=path.name[:255],
                status=outcome,
                nil_report=vb.nil_report,
                sequence_gap=gap,
                sender_audit_head=f"{head['seq']}:{head['hash']}",
                signed_data=vb.signed_data,
                created_at=sent,
                imported_at=now,
                imported_by=actor,
            )
        )
        values = {
            "revision": vb.revision,
            "bundle_id": vb.bundle_id,
            "nil_report": vb.nil_report,
            "tables": tables_json(vb),
            "updated_at": now,
        }
        key = (vb.sender_code, vb.period)
        if key in self.present:
            self.updates.append({"key_sender": vb.sender_code, "key_period": vb.period, **values})
        else:
            self.present.add(key)
            first = {"sender_code": vb.sender_code, "period": vb.period, "first_received_at": now}
            self.inserts.append({**first, "first_sent_at": sent, **values})
        details = {
            "outcome": outcome,
            "sender": vb.sender_code,
            "period": vb.period,
            "revision": vb.revision,
            "sequence": vb.sequence,
            "gap": gap,
            "file": path.name,
            **({"office_keys_bound": first_keys} if first_keys else {}),
        }
        self.entries.append((vb.bundle_id, details))

    def write(self, s: Session, actor: str) -> None:
        """Write the queued rows in ``s``'s transaction, one statement each for all of them."""
        if not self.received:
            return
        conn = s.connection()
        conn.execute(_INSERT_RECEIVED, self.received)
        if self.inserts:
            conn.execute(_INSERT_STATISTICS, self.inserts)
        if self.updates:
            done = cast(CursorResult[Any], conn.execute(_UPDATE_STATISTICS, self.updates)).rowcount
            if done != len(self.updates):  # a month's row read as present is gone: never in the lock
                raise RuntimeError(f"{len(self.updates) - done} statistics rows to update are missing")
        audit.append_many(s, actor, Action.IMPORT, "bundle", self.entries)
        self.received, self.inserts, self.updates, self.entries = [], [], [], []
