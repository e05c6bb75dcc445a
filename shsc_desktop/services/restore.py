"""Restoring a backup over this PC's office: unpacked aside, unlocked and checked completely, the
right to replace the office here proven, and only then swapped in (the files it replaces kept).
"""

from __future__ import annotations

import contextlib
import hmac
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3
from sqlalchemy import select

from ..errors import (
    BackupInvalid,
    DatabaseDamaged,
    KeySlotsDamaged,
    PermissionDenied,
    ShscError,
    StorageFailed,
    WrongCredentials,
)
from ..models.engine import connect_raw, make_engine, session_factory
from ..models.tables import User
from ..security.anchor import ANCHOR_FILE, AnchorFile, AnchorValue
from ..security.audit import Action
from ..security.lockout import RECOVERY_LOCKOUT_NAME
from ..security.permissions import Actor, Perm, Role, require
from ..security.slotfile import SLOT_FILE, SLOT_FILE_COPY
from .backup_format import (
    DB_MEMBER,
    MANIFEST,
    SLOTS_MEMBER,
    ZIP_DAMAGE,
    manifest_mac,
    read_manifest,
    verify_copy,
)

if TYPE_CHECKING:
    from .office import OfficeFolder, UnlockedOffice


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
            manifest_mac(data_key, {k: v for k, v in manifest.items() if k != "mac"}),
        ):
            raise BackupInvalid("The backup's description does not match its contents.")
        try:
            audit_seq, counts, head_hash = verify_copy(staging / DB_MEMBER, data_key)
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
