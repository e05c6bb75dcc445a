"""Encrypted backups, verified after writing, and verified restore.

A backup file (``*.shscbak``) is a ZIP archive (stored, not compressed) holding:

* ``office.db`` — a page-for-page copy made with SQLite's online backup API into a new SQLCipher
  file keyed with the same data key (encrypted to encrypted; nothing is ever decrypted to disk);
* ``keyslots.json`` — the key slots, so the backup opens with the passwords and the recovery key
  that were valid when it was taken;
* ``manifest.json`` — when, which office, app and schema version, audit head and record counts,
  authenticated with an HMAC under a key derived from the data key.

The archive is written to a temporary file and renamed into place only after it has been re-opened
and checked (``cipher_integrity_check``, audit chain, counts). A full disk or a pulled USB stick
leaves no partial file, and earlier backups are untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlalchemy import Engine, func, select
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy.orm import Session

from .. import __version__
from ..atomic import atomic_produce
from ..errors import (
    BackupInvalid,
    Cancelled,
    DatabaseDamaged,
    KeySlotsDamaged,
    PermissionDenied,
    ShscError,
    StorageFailed,
    WrongCredentials,
)
from ..inputs import regular_file_size
from ..models import migrate
from ..models.engine import connect_raw, integrity_problems, make_engine, session_factory
from ..models.tables import AuditEntry, Contact, Incident, Meeting, Referral, User
from ..security import audit
from ..security.anchor import ANCHOR_FILE, AnchorFile, AnchorValue
from ..security.audit import Action
from ..security.lockout import RECOVERY_LOCKOUT_NAME
from ..security.permissions import Actor, Perm, Role, require
from ..security.sealing import hkdf
from ..security.slotfile import SLOT_FILE, SLOT_FILE_COPY
from ..values.changes import NOTHING

if TYPE_CHECKING:
    from .office import OfficeFolder, UnlockedOffice

BACKUP_SUFFIX = ".shscbak"
MANIFEST = "manifest.json"
DB_MEMBER = "office.db"
SLOTS_MEMBER = "keyslots.json"
PAGES_PER_STEP = 256
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_BACKUP_BYTES = 8 * 1024**3  # a district after decades of imports stays far below this

Progress = Callable[[int, int], None]

# What zipfile raises on a damaged archive. Besides BadZipFile: a flipped compression-method byte
# gives NotImplementedError (or zlib.error if it now says "deflated"), a flipped flag bit
# RuntimeError ("encrypted"), a cut-off member EOFError. All mean "damaged backup", not a crash.
ZIP_DAMAGE: tuple[type[BaseException], ...] = (
    OSError,
    zipfile.BadZipFile,
    NotImplementedError,
    RuntimeError,
    EOFError,
    zlib.error,
)
MANIFEST_DAMAGE: tuple[type[BaseException], ...] = (*ZIP_DAMAGE, KeyError, ValueError)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: str
    office_code: str
    office_name_en: str
    audit_seq: int
    counts: dict[str, int]


@dataclass(frozen=True)
class Authorisation:
    """Who on this computer allows a restore: a user of the office here (her password; the role
    must allow restoring) or the office's recovery key."""

    username: str = ""
    password: str = ""
    recovery_key: str = ""


class RestoreNeedsAuthorisation(ShscError):
    """An office is set up here: restoring over it needs its chief's password or recovery key."""

    code = "restore_needs_authorisation"

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "An office is already set up on this computer. Restoring over it needs the password of "
            "its chief or its recovery key."
        )


class RestoreOtherOffice(ShscError):
    """The backup belongs to another office (another office id, whatever its commune code)."""

    code = "restore_other_office"

    def __init__(self, current: dict[str, str] | str = "", backup: dict[str, str] | None = None) -> None:
        self.current = dict(current) if isinstance(current, dict) else {}
        self.backup = dict(backup or {})
        super().__init__(
            f"This backup belongs to another office ({_office_label(self.backup)}) than the one on this "
            f"computer ({_office_label(self.current)}). Restore it only to replace this office with "
            "the other one (--replace-office)."
        )


class RestoreOfficeUnverifiable(ShscError):
    """An office's files are here but its key slots cannot be read: nothing can show that the
    backup is of the same office, nor that whoever restores may replace it."""

    code = "restore_unverifiable"

    def __init__(self) -> None:
        super().__init__(
            "The key files of the office on this computer cannot be read, so neither the backup's "
            "office nor your right to replace it can be checked. To restore anyway, use "
            "--replace-office: the files here are moved to a replaced-<time> folder (nothing is "
            "deleted) and the backup's office takes their place."
        )


def _office_label(info: dict[str, str]) -> str:
    # A look-alike office has the same name and code: only its id tells them apart.
    return f"{info.get('name_en', '?')} {info.get('code', '')}, office id {info.get('office_id', '?')[:8]}"


class RestoreWouldDowngrade(ShscError):
    """The backup is older than the office's current state (its audit log is shorter)."""

    code = "restore_downgrade"

    def __init__(self, backup_seq: int, current_seq: int) -> None:
        super().__init__(
            f"This backup is older than the data on this PC (audit entry {backup_seq} < "
            f"{current_seq}). Restoring it would lose the newer records."
        )
        self.backup_seq = backup_seq
        self.current_seq = current_seq


def _counts(session: Session) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, model in (
        ("incidents", Incident),
        ("referrals", Referral),
        ("meetings", Meeting),
        ("contacts", Contact),
        ("audit", AuditEntry),
    ):
        out[name] = int(session.scalar(select(func.count()).select_from(model)) or 0)
    return out


def _manifest_mac(data_key: bytes, manifest: dict[str, Any]) -> str:
    body = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(hkdf(data_key, b"shsc backup manifest v1"), body, hashlib.sha256).hexdigest()


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


def _verify_copy(db_path: Path, data_key: bytes) -> tuple[int, dict[str, int], str]:
    """Open a copied database, check every page and the audit chain; (audit seq, counts, head hash)."""
    conn = connect_raw(db_path, data_key)
    try:
        if integrity_problems(conn):
            raise BackupInvalid("The backup copy failed its integrity check.")
    except sqlcipher3.DatabaseError as exc:  # a page so damaged that the check itself fails
        raise BackupInvalid("The database in the backup is damaged.") from exc
    finally:
        conn.close()
    engine = make_engine(db_path, data_key)
    try:
        with session_factory(engine)() as s:
            report = audit.verify(s)
            if not report.ok:
                raise BackupInvalid("The audit log in the backup copy does not verify.")
            return report.head_seq, _counts(s), report.head_hash
    except sqlalchemy_exc.DatabaseError as exc:
        raise BackupInvalid("The database in the backup is damaged.") from exc
    finally:
        engine.dispose()


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
        audit_seq, counts, _head = _verify_copy(db_copy, data_key)
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
        manifest["mac"] = _manifest_mac(data_key, manifest)
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


def _check_archive(file: Path, zf: zipfile.ZipFile) -> None:
    """Every member stored (we never compress) and no larger than the archive: no zip bomb can
    fill the disk, whatever sizes a forged directory claims."""
    size = regular_file_size(file)
    for info in zf.infolist():
        if info.compress_type != zipfile.ZIP_STORED or info.file_size > size:
            raise BackupInvalid("This is not a readable SHSC Desktop backup file.")


def read_manifest(file: Path) -> dict[str, Any]:
    """The unauthenticated manifest of a backup file (for display before restoring)."""
    try:
        # A pipe or a device is refused before zipfile opens it (it would wait or read forever).
        if regular_file_size(Path(file)) > MAX_BACKUP_BYTES:
            raise BackupInvalid("The file is far larger than any office's backup; it was not read.")
        with zipfile.ZipFile(file) as zf:
            _check_archive(Path(file), zf)
            if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
                raise BackupInvalid("This is not a readable SHSC Desktop backup file.")
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != "shsc-backup":
                raise BackupInvalid("This is not an SHSC Desktop backup file.")
            return manifest
    except MANIFEST_DAMAGE as exc:
        raise BackupInvalid("This is not a readable SHSC Desktop backup file.") from exc


def restore_backup(
    folder: OfficeFolder,
    file: Path,
    username: str,
    password: str,
    allow_older: bool = False,
    *,
    authorisation: Authorisation | None = None,
    replace_office: bool = False,
) -> UnlockedOffice:
    """Replace this data folder's database and key slots with a verified backup.

    The backup is unpacked next to the data folder, unlocked with ``username``/``password`` *as they
    were when it was taken*, and checked completely before anything in the data folder changes.
    The current files are kept in ``replaced-<time>/`` inside the data folder, never deleted.

    If an office is set up here, ``authorisation`` must prove the right to replace it: the password
    of one of its users whose role may restore, or its recovery key (a look-alike office's backup,
    or an old one, cannot be pushed in with the backup's own password). A backup of another office
    (a different office id, even with the same commune code) is refused unless ``replace_office``.
    """
    file = Path(file)
    manifest = read_manifest(file)
    folder.data_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=folder.data_dir))
    try:
        try:
            with zipfile.ZipFile(file) as zf:
                names = set(zf.namelist())
                if not {MANIFEST, SLOTS_MEMBER, DB_MEMBER} <= names:
                    raise BackupInvalid("The backup file is incomplete.")
                (staging / SLOT_FILE).write_bytes(zf.read(SLOTS_MEMBER))
                (staging / SLOT_FILE_COPY).write_bytes(zf.read(SLOTS_MEMBER))
                with zf.open(DB_MEMBER) as src, open(staging / DB_MEMBER, "wb") as dst:
                    shutil.copyfileobj(src, dst)
            for name in (SLOT_FILE, SLOT_FILE_COPY, DB_MEMBER):
                os.chmod(staging / name, 0o600)  # they become the office's files: owner only
        except ZIP_DAMAGE as exc:
            raise BackupInvalid("The backup file is damaged.") from exc
        staged = type(folder)(staging, kdf=folder.kdf)  # the same kind of folder, in staging
        unlocked = staged.vault.unlock(username, password)  # WrongCredentials propagates
        data_key = bytes(unlocked.keys[0])
        unlocked.wipe()
        if not hmac.compare_digest(
            str(manifest.get("mac", "")),
            _manifest_mac(data_key, {k: v for k, v in manifest.items() if k != "mac"}),
        ):
            raise BackupInvalid("The backup's description does not match its contents.")
        try:
            audit_seq, counts, head_hash = _verify_copy(staging / DB_MEMBER, data_key)
        except DatabaseDamaged as exc:
            raise BackupInvalid("The database in the backup is damaged.") from exc
        if counts != manifest.get("counts") or audit_seq != manifest.get("audit_seq"):
            raise BackupInvalid("The backup's contents do not match its description.")
        _require_restore_permission(staging / DB_MEMBER, data_key, username)
        backup_slots = staged.vault.load()
        replaced = _authorise_replacing(
            folder, authorisation, backup_slots.office_id, backup_slots.office, replace_office
        )
        replaced_office = replaced if replaced not in (None, backup_slots.office_id) else ""
        current = _current_audit_seq(folder, data_key)
        if current is not None and current > audit_seq and not allow_older:
            raise RestoreWouldDowngrade(audit_seq, current)
        restored_anchor = AnchorFile(folder.data_dir, backup_slots.office_id)
        back_off = folder.lockout.state()
        _swap_in(folder, staging)
        folder.lockout.carry_over(back_off)
        # The restored log is the one in force now: anchor it, or the next unlock would take the
        # (older) restored head for lost changes.
        restored_anchor.write(data_key, AnchorValue(audit_seq, head_hash))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    office = folder.unlock(username, password)
    office.audit(
        Action.RESTORE,
        "backup",
        file.name,
        {
            "created_at": manifest.get("created_at"),
            "audit_seq": audit_seq,
            "authorised_by": _authoriser(authorisation),
            **({"replaced_office": replaced_office} if replaced_office else {}),
        },
    )
    return office


# What the audit entry of a restore names as the replaced office when its key slots were unreadable.
UNVERIFIABLE_OFFICE = "unknown (key files unreadable)"


def _authoriser(authorisation: Authorisation | None) -> str:
    if authorisation is None:
        return ""
    return "recovery key" if authorisation.recovery_key else authorisation.username


def _authorise_replacing(
    folder: OfficeFolder,
    authorisation: Authorisation | None,
    backup_office_id: str,
    backup_office: dict[str, str],
    replace_office: bool,
) -> str | None:
    """Check the right to replace the office set up here; its office id, or None if there is none.

    A folder holding no office at all (a new PC) has nobody to ask: the backup's own credentials
    suffice. A folder whose office files are there but whose key slots cannot be read (damaged,
    overwritten or deleted, by a fault or by someone who wants the guard gone) cannot show which
    office it is: the restore is refused unless ``replace_office`` says, knowingly, that whatever
    is here is to be replaced (``RestoreOfficeUnverifiable``).
    """
    try:
        current = folder.vault.load()
    except KeySlotsDamaged:
        if not any((folder.data_dir / name).exists() for name in LIVE_FILES):
            return None  # no office here
        if not replace_office:
            raise RestoreOfficeUnverifiable() from None
        return UNVERIFIABLE_OFFICE
    if authorisation is None or not (authorisation.recovery_key or authorisation.username):
        raise RestoreNeedsAuthorisation()
    if authorisation.recovery_key:
        folder.lockout.check(RECOVERY_LOCKOUT_NAME)
        try:
            folder.vault.unlock_recovery(authorisation.recovery_key).wipe()
        except WrongCredentials:
            raise WrongCredentials(retry_after=folder.lockout.failed(RECOVERY_LOCKOUT_NAME)) from None
    else:
        folder.lockout.check(authorisation.username)
        try:
            unlocked = folder.vault.unlock(authorisation.username, authorisation.password)
        except WrongCredentials:
            raise WrongCredentials(retry_after=folder.lockout.failed(authorisation.username)) from None
        key = bytes(unlocked.keys[0])
        grant, problem = unlocked.grant, unlocked.problem
        unlocked.wipe()
        if problem:
            raise PermissionDenied("This user's rights could not be confirmed; ask the chief.")
        try:
            if grant is not None:
                # The role the office signed into her slot, not the column a clerk can edit; it
                # needs no readable database either.
                require(Actor("", authorisation.username, Role(grant.role)), Perm.RESTORE)
            else:  # an office set up before signed roles: the database's role column
                _require_restore_permission(folder.db_path, key, authorisation.username)
        except (DatabaseDamaged, sqlcipher3.DatabaseError) as exc:
            raise RestoreNeedsAuthorisation(
                "The database on this computer cannot be read, so its chief's role cannot be "
                "checked. Authorise the restore with the recovery key of this office."
            ) from exc
    if current.office_id != backup_office_id and not replace_office:
        raise RestoreOtherOffice(
            {**current.office, "office_id": current.office_id},
            {**backup_office, "office_id": backup_office_id},
        )
    return current.office_id


def _require_restore_permission(db_path: Path, data_key: bytes, username: str) -> None:
    """Restoring replaces all data here, so it needs RESTORE like any other guarded action (P9).

    The role checked is the one the user has in the backup, which is what the password just
    proved; the data on this PC may be damaged and unreadable.
    """
    engine = make_engine(db_path, data_key)
    try:
        with session_factory(engine)() as s:
            user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
    finally:
        engine.dispose()
    if user is None:
        raise WrongCredentials()
    require(Actor(user.id, user.username, Role(user.role)), Perm.RESTORE)


def _current_audit_seq(folder: OfficeFolder, data_key: bytes) -> int | None:
    """The current database's audit length if it opens with the backup's key, else None."""
    if not folder.db_path.exists():
        return None
    try:
        conn = connect_raw(folder.db_path, data_key)
    except DatabaseDamaged:
        return None
    try:
        row = conn.execute("SELECT max(seq) FROM audit_log").fetchone()
        return int(row[0] or 0)
    except sqlcipher3.DatabaseError:
        return None
    finally:
        conn.close()


# The files that make up an office; a restore moves all of them aside before putting its own in.
LIVE_FILES = (DB_MEMBER, DB_MEMBER + "-wal", DB_MEMBER + "-shm", SLOT_FILE, SLOT_FILE_COPY, ANCHOR_FILE)


def _swap_in(folder: OfficeFolder, staging: Path) -> None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        # A unique name: two restores within the same second must not collide (the second one
        # used to fail with "File exists").
        keep = Path(tempfile.mkdtemp(prefix=f"replaced-{stamp}-", dir=folder.data_dir))
        for name in LIVE_FILES:
            current = folder.data_dir / name
            if current.exists():
                current.replace(keep / name)
        for name in (DB_MEMBER, SLOT_FILE, SLOT_FILE_COPY):
            (staging / name).replace(folder.data_dir / name)
    except OSError as exc:
        raise StorageFailed(f"The restore could not replace the files: {exc}") from exc
    with contextlib.suppress(OSError):
        keep.rmdir()  # only succeeds if nothing was there to keep (a restore onto a new PC)


# -- the migration's own backups of identifying details in plain --------------------------------------

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
    if not hmac.compare_digest(claimed, _manifest_mac(data_key, body)):
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
