"""Writing a backup of the open office, verified before it is in place (``BackupService``).

The archive (its format: ``backup_format``) is written to a temporary file next to the target and
renamed into place only after it has been re-opened and checked (``cipher_integrity_check``, audit
chain, counts). A full disk or a pulled USB stick leaves no partial file, and earlier backups are
untouched.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlalchemy import Engine

from .. import __version__
from ..atomic import atomic_produce
from ..errors import BackupInvalid, Cancelled, ShscError, StorageFailed
from ..models import migrate
from ..models.engine import connect_raw
from ..security.audit import Action
from ..security.permissions import Perm, require
from .backup_format import (
    BACKUP_SUFFIX,
    DB_MEMBER,
    MANIFEST,
    SLOTS_MEMBER,
    BackupInfo,
    manifest_mac,
    verify_copy,
)

if TYPE_CHECKING:
    from .office import OfficeFolder, UnlockedOffice

PAGES_PER_STEP = 256

Progress = Callable[[int, int], None]


def _copy_database(
    src: Any, dst_path: Path, data_key: bytes, progress: Progress | None, cancelled: Callable[[], bool] | None
) -> None:
    dst = connect_raw(dst_path, data_key, check=False)
    try:

        def step(status: int, remaining: int, total: int) -> None:
            if cancelled is not None and cancelled():
                raise Cancelled("The backup was cancelled; nothing was written.")
            if progress is not None:
                progress(total - remaining, total)

        src.backup(dst, pages=PAGES_PER_STEP, progress=step)
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()


def write_backup(
    folder: OfficeFolder,
    engine: Engine,
    data_key: bytes,
    target: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BackupInfo:
    """Write and verify a backup of the open office at ``target`` (atomically)."""
    target = Path(target)
    if target.suffix != BACKUP_SUFFIX:
        target = target.with_name(target.name + BACKUP_SUFFIX)
    info = folder.info()
    # The working copy lives next to the target, not in the system temp folder, so a backup to a
    # USB stick never puts even encrypted data on the PC's temp drive.
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".shsc-backup-", dir=target.parent))
    except OSError as exc:
        raise StorageFailed(f"Cannot write to {target.parent}: {exc.strerror or exc}") from exc
    try:
        db_copy = work / DB_MEMBER
        raw = engine.raw_connection()
        try:
            _copy_database(raw.driver_connection, db_copy, data_key, progress, cancelled)
        finally:
            raw.close()
        audit_seq, counts, _head = verify_copy(db_copy, data_key)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        manifest: dict[str, Any] = {
            "format": "shsc-backup",
            "version": 1,
            "created_at": created,
            "app_version": __version__,
            "schema": migrate.current_revision(engine) or "",
            "office": info.as_dict(),
            "audit_seq": audit_seq,
            "counts": counts,
        }
        manifest["mac"] = manifest_mac(data_key, manifest)
        slots = folder.vault.primary.read_bytes()

        def produce(tmp: Path) -> None:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
                zf.writestr(SLOTS_MEMBER, slots)
                zf.write(db_copy, DB_MEMBER)
            with zipfile.ZipFile(tmp) as zf:  # re-read what actually reached the disk
                if zf.testzip() is not None:
                    raise BackupInvalid("The backup file could not be read back.")

        atomic_produce(target, produce)
    except sqlcipher3.OperationalError as exc:
        raise StorageFailed(f"The backup could not be written: {exc}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupInfo(target, created, info.code, info.name_en, audit_seq, counts)


class BackupService:
    """Backups of the open office (permission BACKUP), each audited, failures too."""

    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office

    def backup(
        self, target: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> BackupInfo:
        require(self.office.actor, Perm.BACKUP)
        try:
            result = write_backup(
                self.office.folder, self.office.engine, self.office.data_key, target, progress, cancelled
            )
        except Cancelled:
            raise
        except ShscError as exc:
            self.office.audit(Action.BACKUP_FAILED, "backup", Path(target).name, {"reason": exc.code})
            raise
        self.office.audit(Action.BACKUP, "backup", result.path.name, {"audit_seq": result.audit_seq})
        return result
