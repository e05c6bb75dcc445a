"""Approved months are snapshots: what the chief approved is what every later print and export shows.

Approving a month (``MonthService.approve``) stores the month's computed statistics as revision 1,
2, … in ``month_snapshot`` with the SHA-256 of their canonical JSON (also written to the audit log).
Case work goes on after approval (referral outcomes, follow-ups, closing cases, action items, late
referrals) and changes the live figures, never the snapshot. When the two differ, Reports and the
chief's Home say so (:func:`differences`) and offer to approve a new revision.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import SnapshotDamaged
from ..models.base import utcnow
from ..models.tables import Month, MonthSnapshot
from ..security.permissions import Perm, require
from .office import UnlockedOffice
from .statistics import Cell, MonthlyStatistics, compute

APPROVED = "approved"
IGNORED_CELLS = frozenset({("data_quality", "edited_after_approval")})
"""Cells that count changes themselves: they differ by design and are not a reason for a revision."""


def canonical(statistics: MonthlyStatistics) -> bytes:
    """The one byte form of a snapshot (sorted keys, no whitespace), whose SHA-256 is recorded."""
    return json.dumps(
        statistics.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


@dataclass(frozen=True)
class Snapshot:
    period: str
    revision: int
    approved_by: str
    approved_at: datetime
    sha256: str
    statistics: MonthlyStatistics


@dataclass(frozen=True)
class Difference:
    """One cell whose live value is not the approved one."""

    table: str
    row: str
    col: str
    approved: Cell | None
    live: Cell | None


def latest(s: Session, period: str) -> Snapshot | None:
    """The newest approved revision of ``period``, or ``None`` if it was never approved;
    :class:`SnapshotDamaged` when its stored text no longer matches the hash recorded at approval."""
    row = s.scalar(
        select(MonthSnapshot)
        .where(MonthSnapshot.period == period)
        .order_by(MonthSnapshot.revision.desc())
        .limit(1)
    )
    if row is None:
        return None
    if hashlib.sha256(row.statistics.encode("utf-8")).hexdigest() != row.sha256:
        raise SnapshotDamaged(period)
    data: dict[str, Any] = json.loads(row.statistics)
    return Snapshot(
        row.period,
        row.revision,
        row.approved_by,
        row.approved_at,
        row.sha256,
        MonthlyStatistics.from_dict(data),
    )


def store(s: Session, period: str, approved_by: str) -> Snapshot:
    """Compute ``period`` in ``s`` (the approval's write transaction) and store it as the next
    revision. The caller audits the approval with the returned revision and hash."""
    previous = latest(s, period)
    revision = 1 if previous is None else previous.revision + 1
    statistics = replace(compute(s, period), month_status=APPROVED, revision=revision)
    text = canonical(statistics).decode("utf-8")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    at = utcnow()
    s.add(
        MonthSnapshot(
            period=period,
            revision=revision,
            approved_by=approved_by,
            approved_at=at,
            statistics=text,
            sha256=sha,
        )
    )
    s.flush()
    return Snapshot(period, revision, approved_by, at, sha, statistics)


def differences(approved: MonthlyStatistics, live: MonthlyStatistics) -> tuple[Difference, ...]:
    """Every cell (and total) whose live value is not the approved one."""
    out: list[Difference] = []
    live_tables = {t.key: t for t in live.tables}
    for table in approved.tables:
        other = live_tables.get(table.key)
        a = _cells(table.to_dict())
        b = _cells(other.to_dict()) if other is not None else {}
        for row, col in sorted(set(a) | set(b)):
            if (table.key, row) in IGNORED_CELLS:
                continue
            if a.get((row, col)) != b.get((row, col)):
                out.append(Difference(table.key, row, col, a.get((row, col)), b.get((row, col))))
    return tuple(out)


def _cells(d: dict[str, Any]) -> dict[tuple[str, str], Cell]:
    cells: dict[tuple[str, str], Cell] = {(r, c): v for r, row in d["cells"].items() for c, v in row.items()}
    for r, v in d.get("row_totals", {}).items():
        cells[r, "total"] = v
    for c, v in d.get("col_totals", {}).items():
        cells["total", c] = v
    if d.get("total") is not None:
        cells["total", "total"] = d["total"]
    return cells


@dataclass(frozen=True)
class MonthFigures:
    """What a month's report shows: the approved snapshot (or the live figures of an open month),
    and, for an approved month, how the live figures differ from it."""

    statistics: MonthlyStatistics
    changes: tuple[Difference, ...] = ()

    @property
    def approved(self) -> bool:
        return self.statistics.revision is not None

    @property
    def live_differs(self) -> bool:
        return bool(self.changes)


def published(office: UnlockedOffice, period: str, *, compare: bool = False) -> MonthFigures:
    """The figures every print and export of ``period`` uses: the newest approved snapshot when the
    month is approved, else the live figures. ``compare`` also lists the live differences."""
    require(office.actor, Perm.REPORTS)
    with office.reading() as s:
        month = s.get(Month, period)
        snapshot = latest(s, period) if month is not None and month.status == APPROVED else None
        if snapshot is None:
            return MonthFigures(compute(s, period))
        changes = differences(snapshot.statistics, compute(s, period)) if compare else ()
        return MonthFigures(snapshot.statistics, changes)
