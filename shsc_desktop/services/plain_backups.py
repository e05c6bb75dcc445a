"""The upgrade's own backups that still hold identifying details in plain (taken before the schema
that sealed them): finding them, and deleting them, overwritten first, once the office is sealed.
"""

from __future__ import annotations

import hmac
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..errors import BackupInvalid, DatabaseDamaged
from ..models.tables import AuditEntry
from ..security import audit
from ..security.audit import Action
from ..values.changes import NOTHING
from .backup_format import manifest_mac, read_manifest

if TYPE_CHECKING:
    from .office import UnlockedOffice


MIGRATION_BACKUP_PREFIX = "before-upgrade-"  # services/office.py names the upgrade's backup so
SEALED_FROM = "0010"
"""The first schema with every identifying detail sealed (0006 sealed survivors' identities, 0010
case-conference minutes): a backup of an earlier schema holds them in plain, under the data key."""
UNLOCKS = (Action.UNLOCK, Action.RECOVERY_UNLOCK)


def _holds_plain_identities(manifest: dict[str, Any], data_key: bytes) -> bool:
    """A backup of this office (its manifest MAC verifies under the data key) of a schema before
    every identifying detail was sealed."""
    claimed = str(manifest.get("mac", ""))
    body = {k: v for k, v in manifest.items() if k != "mac"}
    if not hmac.compare_digest(claimed, manifest_mac(data_key, body)):
        return False
    schema = str(manifest.get("schema", ""))
    return len(schema) >= 4 and schema[:4].isdigit() and schema[:4] < SEALED_FROM


def plain_migration_backups(office: UnlockedOffice) -> list[Path]:
    """The upgrade's own backups (``backups/before-upgrade-*``, each named by an audited
    ``migrated`` entry) that hold identifying details in plain, of a migration the office has been
    unlocked again since (a later session opened the sealed database). Backups the chief made
    herself, or anything else in the folder, are never listed."""
    place = office.folder.backup_dir
    try:
        present = {p.name for p in place.iterdir() if p.name.startswith(MIGRATION_BACKUP_PREFIX)}
    except OSError:
        return []
    if not present:
        return []  # the usual case: nothing to look up
    named: list[str] = []
    with office.reading() as s:
        for seq, details in s.execute(
            select(AuditEntry.seq, AuditEntry.details).where(AuditEntry.action == Action.MIGRATED)
        ):
            try:
                name = json.loads(details or "{}").get("backup")
            except (ValueError, AttributeError):
                continue
            if not isinstance(name, str) or name not in present:
                continue
            # the migration's own session unlocks once; a second unlock since is a later session
            later = select(AuditEntry.seq).where(AuditEntry.seq > seq, AuditEntry.action.in_(UNLOCKS))
            if len(s.scalars(later.limit(2)).all()) >= 2:
                named.append(name)
    found: list[Path] = []
    for name in named:
        path = place / name
        if not name.startswith(MIGRATION_BACKUP_PREFIX) or Path(name).name != name:
            continue
        if path.is_symlink() or not path.is_file():
            continue
        try:
            if _holds_plain_identities(read_manifest(path), bytes(office.data_key)):
                found.append(path)
        except BackupInvalid:
            continue
    return found


def _overwrite_and_delete(path: Path) -> bool:
    """Overwrite ``path`` with zeros, flushed to the disk, then delete it; True if the overwrite
    reached the end of the file. (On an SSD or a journaling file system old blocks may survive an
    overwrite: the data key still protects them, docs/security.md.)"""
    overwritten = False
    try:
        size = path.stat().st_size
        with open(path, "r+b", buffering=0) as f:
            zeros = bytes(1024 * 1024)
            left = size
            while left > 0:
                left -= f.write(zeros[: min(left, len(zeros))])
            os.fsync(f.fileno())
        overwritten = True
    except OSError:
        pass
    path.unlink()
    return overwritten


def delete_plain_migration_backups(office: UnlockedOffice) -> list[str]:
    """At an administrator's unlock, once identities are sealed: delete the upgrade's backups that
    still hold them in plain (:func:`plain_migration_backups`), overwritten first, and audit it.

    Only after the whole database passed the integrity check (run now if the unlock skipped it):
    a damaged office keeps them, since they may be all there is to restore. Returns the names
    deleted; a file that cannot be deleted stays and is tried again at the next unlock.
    """
    candidates = plain_migration_backups(office)
    if not candidates:
        return []
    if not office.integrity_checked:
        try:
            office.check_integrity()
        except DatabaseDamaged:
            return []
    deleted: list[str] = []
    overwritten = True
    for path in candidates:
        try:
            overwritten = _overwrite_and_delete(path) and overwritten
        except OSError:
            continue
        deleted.append(path.name)
    if deleted:
        with office.transaction(NOTHING) as s:
            audit.record(
                s,
                office.actor.username,
                Action.PLAIN_BACKUPS_DELETED,
                "backup",
                "",
                {"files": deleted, "overwritten": overwritten},
            )
    return deleted
