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
from ..values.changes import NOTHING, Changes
from . import validation as v
from .identities import RETENTION_SETTING, retention_years
from .incident_identity import PERPETRATOR_NAMES_SETTING
from .office import UnlockedOffice

AUTO_LOCK_KEY = "auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 60
MAX_RETENTION_YEARS = 50


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
        with self.office.transaction(NOTHING) as s:
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
                {"auto_lock_minutes": v.MINUTES_RANGE(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)}
            )
        self._set(AUTO_LOCK_KEY, str(minutes))

    def collects_perpetrator_names(self) -> bool:
        """Whether perpetrators' names are recorded at all (off unless the chief turns it on)."""
        return self.office.setting(PERPETRATOR_NAMES_SETTING) == "on"

    def set_collect_perpetrator_names(self, on: bool) -> None:
        """Turn the collection of perpetrators' names on or off (names already kept stay sealed)."""
        require(self.actor, Perm.MANAGE_SETTINGS)
        self._set(PERPETRATOR_NAMES_SETTING, "on" if on else "off")

    def get_identity_retention_years(self) -> int:
        """Years after a case is closed when its identifying details are erased (0: kept)."""
        return retention_years(self.office)

    def set_identity_retention_years(self, years: int) -> None:
        """0 keeps identities; N erases them N years after a case closes, checked at each unlock."""
        require(self.actor, Perm.MANAGE_SETTINGS)
        if not 0 <= years <= MAX_RETENTION_YEARS:
            raise ValidationFailed({RETENTION_SETTING: v.YEARS_RANGE(0, MAX_RETENTION_YEARS)})
        self._set(RETENTION_SETTING, str(years))

    def _set(self, key: str, value: str) -> None:
        """Write one setting and its audit entry (old and new value) in one transaction."""
        with self.office.transaction(Changes.of_settings(key)) as s:
            row = s.get(Setting, key)
            old = row.value if row else ""
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
            audit.record(
                s, self.actor.username, Action.SETTING_CHANGED, "setting", key, {"from": old, "to": value}
            )
