"""Opening an office's database once its vault has given the keys: one job, the checks between
"the password was right" and "this user works in this office".

Which key opens the database (an interrupted key rotation is finished here), whether every page is
checked now or later, the audit log against its anchor outside the database (a loss only a chief may
accept), a migration behind a backup, the user's signed rights, and the failed attempts waiting to be
audited. ``OfficeFolder.unlock`` builds the ``UnlockedOffice`` from what :func:`open_database`
returns; nothing here knows that class, so the two modules do not import each other.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import (
    DatabaseDamaged,
    PermissionDenied,
    RoleNotConfirmed,
    StorageFailed,
    ValidationFailed,
    WrongCredentials,
)
from ..security.actions import Action
from ..security.identity import OfficeKeys, UserGrant
from ..security.lockout import RECOVERY_LOCKOUT_NAME
from ..security.permissions import Actor, Role
from .validation import NO_ACTIVE_USER

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from sqlalchemy import Engine

    from ..security.anchor import AnchorFile
    from ..security.vault import Unlocked
    from .office import OfficeFolder

# Every page's HMAC is checked at unlock up to this size; a larger database is checked in the background.
FULL_CHECK_AT_UNLOCK_BYTES = 16 * 1024 * 1024


@dataclass
class Opened:
    """An opened database and who signed in to it: what ``UnlockedOffice`` is built from."""

    engine: Engine
    actor: Actor
    data_key: bytearray
    keys: OfficeKeys | None
    integrity_checked: bool
    slot_private: X25519PrivateKey | None


def raise_if_damaged(conn: Any) -> None:
    import sqlcipher3

    from ..models.engine import integrity_problems

    try:
        problems = integrity_problems(conn)
    except sqlcipher3.DatabaseError as exc:  # a damaged page can also fail outright
        raise DatabaseDamaged("The database file is damaged. Restore it from a backup.") from exc
    if problems:
        raise DatabaseDamaged("The database file is damaged. Restore it from a backup.")


def open_database(
    folder: OfficeFolder,
    unlocked: Unlocked,
    username: str,
    action: str,
    accept_audit_loss: bool = False,
) -> Opened:
    """Open the database with the vault's keys and decide who signs in: the key that opens it
    (finishing an interrupted key rotation), the audit anchor, a migration with its backup, the
    user's rights and the failed attempts waiting to be audited. The caller builds the office."""
    from sqlalchemy import select

    from ..models import migrate
    from ..models.engine import make_engine, session_factory
    from ..models.tables import User
    from ..security import anchor, audit
    from . import identities

    if not folder.db_path.exists():
        unlocked.wipe()
        raise DatabaseDamaged("The database file of this office is missing. Restore it from a backup.")
    folder.tighten()
    key_index, checked = find_working_key(folder, unlocked)
    slot_private = unlocked.private if unlocked.slot.kind == "user" else None
    key_count = len(unlocked.keys)
    anchor_keys = [bytes(k) for k in unlocked.keys]
    data_key = bytearray(unlocked.keys[key_index])
    newest = bytearray(unlocked.keys[0])
    office_keys, unlocked.office_keys = unlocked.office_keys, None
    recovery_grant = None
    if unlocked.slot.kind == "recovery":
        slot_file = folder.vault.load()
        slot = slot_file.user_slot(username)
        recovery_grant = None if slot is None else slot_file.verified_grant(slot)
    unlocked.wipe()
    engine = make_engine(folder.db_path, data_key)
    try:
        if key_index > 0:
            # A key rotation was interrupted after the slots were rewritten: finish it now.
            from .accounts import finish_interrupted_rotation

            engine = finish_interrupted_rotation(folder, engine, data_key, newest)
            data_key = newest
        elif key_count > 1:
            # The crash came after the re-key but before the slots dropped the old key. Drop it
            # now: left in place it would keep opening copies of the database made before the
            # rotation. If that write fails, unlocking still succeeds and the next unlock retries.
            with contextlib.suppress(StorageFailed):
                folder.vault.finish_rotation(bytes(newest))
        anchor_file = folder.anchor_file()
        anchor.attach(engine, anchor_file, bytes(data_key))
        check_audit_anchor(
            folder,
            engine,
            anchor_file,
            anchor_keys,
            username,
            accept_audit_loss,
            unlocked.grant,
            unlocked.problem,
            office_keys is None,
        )
        if migrate.needs_upgrade(engine):
            migrate_with_backup(folder, engine, data_key, office_keys)
        with session_factory(engine)() as s, s.begin():
            anchor.mark_anchored(s)
            user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
            if user is None and action == Action.RECOVERY_UNLOCK:
                raise ValidationFailed({"username": NO_ACTIVE_USER})
            if user is None:
                raise WrongCredentials()
            rights = identities.rights_at_unlock(
                s, unlocked, office_keys, user, folder.info().level, recovery_grant
            )
            if rights.actor is None:
                # The password was right: this is no failed attempt, but someone changed the
                # role or grants outside the app. Recorded now, refused below.
                identities.record_refusal(s, user, rights.refusal)
                refused = rights.refusal
                actor = None
            else:
                refused = ""
                actor = rights.actor
        if refused or actor is None:
            raise RoleNotConfirmed(
                "Your role in this office was changed outside the app; the sign-in is refused "
                f"and recorded ({refused})."
            )
        with session_factory(engine)() as s, s.begin():
            # Only now is the unlock certain: a refused one must not clear (and so lose) the
            # failed attempts still waiting to be audited.
            pending = folder.lockout.succeeded(username)
            if action == Action.RECOVERY_UNLOCK:
                # The recovery key has its own back-off counter; a success must reset it too, or
                # old typos would keep delaying the next recovery.
                pending += folder.lockout.succeeded(RECOVERY_LOCKOUT_NAME)
            for failure in pending:
                audit.record(
                    s,
                    str(failure.get("username", "")),
                    Action.LOGIN_FAILED,
                    "user",
                    "",
                    {"at": failure.get("at")},
                )
            audit.record(s, actor.username, action, "user", actor.user_id)
    except BaseException:
        # A refused unlock must not leave the database open: a pooled connection kept alive
        # by the error (the GUI keeps it to show it) made a later key rotation fail with
        # "open in another window".
        engine.dispose()
        raise
    return Opened(engine, actor, data_key, office_keys, checked, slot_private)


def check_audit_anchor(
    folder: OfficeFolder,
    engine: Engine,
    anchor_file: AnchorFile,
    keys: list[bytes],
    username: str,
    accept: bool,
    grant: UserGrant | None = None,
    problem_with_rights: str = "",
    before_office_keys: bool = False,
) -> None:
    """Refuse to open a log that lost entries or its head, unless a chief accepts the loss.

    The refusal carries ``may_accept``: whether the one who unlocked holds a role that may
    accept it (the signed role; before an office had keys, the role its audit trail gave her
    at creation, as at unlock). The sign-in window shows the "continue" choice only then.
    """
    from sqlalchemy import select

    from ..errors import AuditChainBroken, AuditLogBehind
    from ..models.engine import session_factory
    from ..models.tables import Setting, User
    from ..security import anchor, audit
    from ..security.permissions import Perm, require
    from . import identities

    with session_factory(engine)() as s, s.begin():
        try:
            anchor.check(s, anchor_file, keys)
            return
        except (AuditLogBehind, AuditChainBroken) as problem:
            user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
            actor = None
            if user is not None and not problem_with_rights:
                # The role the office signed, never the column a clerk can edit.
                if grant is not None:
                    role = grant.role
                elif before_office_keys:
                    level = folder.info().level
                    role = identities.migration_role(identities.roles_from_audit(s, level), user, level)
                else:
                    role = ""
                if role in {r.value for r in Role}:
                    actor = Actor(user.id, user.username, Role(role))
            problem.may_accept = actor is not None and actor.can(Perm.RESTORE)
            if not accept:
                raise
            if user is None:
                raise WrongCredentials() from None
            if actor is None:
                raise PermissionDenied("This user's role could not be confirmed; ask the chief.") from None
            require(actor, Perm.RESTORE)
            details: dict[str, Any] = {"problem": problem.code, "reason": str(problem)}
            if isinstance(problem, AuditLogBehind):
                details.update(lost=problem.lost, head=problem.head_seq, anchor=problem.anchor_seq)
            # What is left must still be a chain: its head is re-derived from the entries, and
            # a log that no longer verifies is not accepted (only a backup can help then).
            last = anchor.head_from_entries(s)
            head_row = s.get(Setting, audit.HEAD_KEY)
            if last is None and head_row is not None:
                s.delete(head_row)
            elif last is not None:
                value = f"{last.seq}:{last.hash}"
                if head_row is None:
                    s.add(Setting(key=audit.HEAD_KEY, value=value))
                else:
                    head_row.value = value
            s.flush()
            if last is not None and not audit.verify(s).ok:
                raise AuditChainBroken(
                    "What is left of the audit log does not verify either. Restore the newest backup."
                ) from problem
            audit.record(s, user.username, Action.AUDIT_LOSS_ACCEPTED, "audit", "", details)


def find_working_key(folder: OfficeFolder, unlocked: Unlocked) -> tuple[int, bool]:
    """The index of the key that opens the database, and whether every page was checked.

    Every page's HMAC is checked at unlock while that is quick (a commune office holds a few
    megabytes); a larger database (a district after years of imports, or the 50,000-record
    benchmark) is only key-checked here and fully checked by ``UnlockedOffice.check_integrity``
    in the background, so unlocking never takes seconds.
    """
    from ..models.engine import connect_raw

    last_error: DatabaseDamaged | None = None
    not_an_office = DatabaseDamaged(
        "The database file of this office is empty or is not an office database. Restore it from a backup."
    )
    if folder.db_path.stat().st_size == 0:
        # SQLCipher would take an empty file for a new database and write one into it.
        unlocked.wipe()
        raise not_an_office
    for index, key in enumerate(unlocked.keys):
        try:
            conn = connect_raw(folder.db_path, key)
        except DatabaseDamaged as exc:
            last_error = exc
            continue
        try:
            if not conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
            ).fetchone()[0]:
                unlocked.wipe()
                raise not_an_office
            if folder.db_path.stat().st_size > FULL_CHECK_AT_UNLOCK_BYTES:
                return index, False
            raise_if_damaged(conn)
        finally:
            conn.close()
        return index, True
    unlocked.wipe()
    raise last_error or DatabaseDamaged("The database could not be opened.")


def migrate_with_backup(
    folder: OfficeFolder, engine: Engine, data_key: bytearray, keys: OfficeKeys | None
) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from ..models import migrate
    from ..models.engine import session_factory
    from ..security import audit
    from ..security.identity import Sealer
    from .backup import write_backup

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder.backup_dir / f"before-upgrade-{stamp}.shscbak"
    write_backup(folder, engine, bytes(data_key), target)
    # Migrations that seal identifying text get the identity key's public half (anyone can seal).
    migrate.upgrade(engine, None if keys is None else Sealer(keys.identity_public).seal)
    with contextlib.suppress(DBAPIError), engine.connect() as conn:
        # The WAL's copies of pages that held plain text before the migration go now.
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    with session_factory(engine)() as s, s.begin():
        audit.record(
            s, "system", Action.MIGRATED, details={"to": migrate.head_revision(), "backup": target.name}
        )
