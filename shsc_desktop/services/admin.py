"""Office administration: audit-chain checks, the recent audit log and office-wide settings.

Every method checks the signed-in actor's permission itself; the GUI only mirrors these checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..errors import ValidationFailed
from ..models.tables import AuditEntry, Setting
from ..security import audit
from ..security.audit import Action, ChainReport
from ..security.permissions import Perm, require
from .office import UnlockedOffice

AUTO_LOCK_KEY = "auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 60


@dataclass(frozen=True)
class AuditLine:
    """One audit entry as the administration page shows it."""

    seq: int
    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str


class AdminService:
    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office
        self.actor = office.actor

    def verify_audit(self) -> ChainReport:
        """Walk the whole audit chain and record that it was checked (and the outcome)."""
        require(self.actor, Perm.AUDIT_VERIFY)
        with self.office.transaction() as s:
            report = audit.verify(s)
            audit.record(
                s,
                self.actor.username,
                Action.AUDIT_VERIFIED,
                "audit",
                "",
                {"ok": report.ok, "entries": report.entries, "first_bad_seq": report.first_bad_seq},
            )
        return report

    def recent_audit(self, limit: int = 50) -> list[AuditLine]:
        require(self.actor, Perm.AUDIT_VERIFY)
        with self.office.reading() as s:
            rows = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit))
            return [AuditLine(e.seq, e.at, e.actor, e.action, e.target_type, e.target_id) for e in rows]

    def get_auto_lock_minutes(self) -> int:
        """Minutes of inactivity before the app locks itself (any signed-in user may read it)."""
        try:
            value = int(self.office.setting(AUTO_LOCK_KEY, str(DEFAULT_AUTO_LOCK_MINUTES)))
        except ValueError:
            return DEFAULT_AUTO_LOCK_MINUTES
        return min(MAX_AUTO_LOCK_MINUTES, max(MIN_AUTO_LOCK_MINUTES, value))

    def set_auto_lock_minutes(self, minutes: int) -> None:
        require(self.actor, Perm.MANAGE_SETTINGS)
        if not MIN_AUTO_LOCK_MINUTES <= minutes <= MAX_AUTO_LOCK_MINUTES:
            raise ValidationFailed(
                {
                    "auto_lock_minutes": (
                        f"Choose between {MIN_AUTO_LOCK_MINUTES} and {MAX_AUTO_LOCK_MINUTES} minutes."
                    )
                }
            )
        with self.office.transaction() as s:
            row = s.get(Setting, AUTO_LOCK_KEY)
            old = row.value if row else ""
            if row is None:
                s.add(Setting(key=AUTO_LOCK_KEY, value=str(minutes)))
            else:
                row.value = str(minutes)
            audit.record(
                s,
                self.actor.username,
                Action.SETTING_CHANGED,
                "setting",
                AUTO_LOCK_KEY,
                {"from": old, "to": str(minutes)},
            )
