"""User accounts of one office: add, remove, reset and change passwords, rotate the data key.

Every method checks the signed-in actor's permission itself and writes its audit entry in the same
transaction as the change. The key-slot file is rewritten only after the database change has been
validated, and a slot-file failure rolls the database change back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import sqlcipher3
from sqlalchemy import Engine, inspect, select

from ..errors import (
    NotFound,
    PermissionDenied,
    StorageFailed,
    ValidationFailed,
)
from ..models.base import utcnow
from ..models.engine import connect_raw, make_engine, session_factory
from ..models.tables import User
from ..security import audit
from ..security.audit import Action
from ..security.identity import OfficeKeys
from ..security.permissions import ROLES_BY_LEVEL, Grant, Perm, Role, default_grants, is_admin, require
from ..security.vault import check_password_policy
from ..values.changes import ACCOUNTS, NOTHING
from . import validation as v

if TYPE_CHECKING:
    from .office import OfficeFolder, UnlockedOffice


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    full_name: str
    role: str
    active: bool
    created_at: datetime
    sees_identities: bool = False  # holds the identity key (as the office signed it)


def _view(u: User, sees_identities: bool = False) -> UserView:
    return UserView(u.id, u.username, u.full_name, u.role, u.active, u.created_at, sees_identities)


class AccountService:
    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office
        self.actor = office.actor

    def list_users(self) -> list[UserView]:
        access = self.identity_access()
        with self.office.reading() as s:
            rows = s.scalars(select(User).where(User.active.is_(True)).order_by(User.username))
            return [_view(u, access.get(u.username, False)) for u in rows]

    def _rights(self, role: str, grants: frozenset[str]) -> tuple[OfficeKeys, str, frozenset[str]] | None:
        """What a new slot needs to be signed for ``role``; None in an office without keys yet."""
        keys = self.office.keys
        if keys is None:
            return None
        if keys.signing is None:
            raise PermissionDenied("Only the chief can change users' rights.")
        return keys, role, grants

    def _signed_grants(self, username: str, role: str) -> frozenset[str]:
        """``username``'s current grants as signed (the role's defaults if none verify)."""
        grant = self.office.folder.vault.verified_grants().get(username)
        if grant is None or grant.role != role:
            return default_grants(role)
        return grant.grants

    def identity_access(self) -> dict[str, bool]:
        """Who may see identifying details, by user name (as the office signed it)."""
        out = {}
        for name, grant in self.office.folder.vault.verified_grants().items():
            out[name] = grant is not None and (Grant.IDENTITY.value in grant.grants or is_admin(grant.role))
        return out

    def set_identity_access(self, username: str, allowed: bool) -> None:
        """The chief gives or takes away one user's right to see identifying details.

        Giving it wraps the identity key into the user's key slot; taking it away removes it from
        there (a user who copied the key while she had it keeps that copy: see docs/security.md).
        """
        require(self.actor, Perm.MANAGE_USERS)
        with self.office.transaction(ACCOUNTS) as s:
            user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
            if user is None:
                raise NotFound(f"No active user '{username}'.")
            if is_admin(user.role):
                raise ValidationFailed({"username": "The chief always sees identifying details."})
            grants = set(self._signed_grants(username, user.role))
            grants.discard(Grant.IDENTITY.value)
            if allowed:
                grants.add(Grant.IDENTITY.value)
            rights = self._rights(user.role, frozenset(grants))
            if rights is None:
                raise PermissionDenied("Sign in as the chief once so that the office gets its keys.")
            audit.record(
                s,
                self.actor.username,
                Action.USER_GRANTS_CHANGED,
                "user",
                user.id,
                {"username": username, "identity": allowed},
            )
            self.office.folder.vault.set_rights(self.office.data_key, username, *rights)

    def add_user(
        self,
        username: str,
        role: str,
        password: str,
        full_name: str = "",
        grants: frozenset[str] | None = None,
    ) -> UserView:
        """A new user with ``role`` and ``grants`` (the role's defaults if None), signed by the
        chief's office key and given the keys they entitle her to."""
        require(self.actor, Perm.MANAGE_USERS)
        username = username.strip()
        problems: dict[str, str] = {}
        if not username or len(username) > 64 or not username.isprintable():
            problems["username"] = v.USERNAME_LENGTH
        level = self.office.info.level
        if role not in {r.value for r in ROLES_BY_LEVEL[level]}:
            problems["role"] = v.ROLE_NOT_AT_LEVEL
        try:
            check_password_policy(password)
        except ValidationFailed as exc:
            problems.update(exc.problems)
        if problems:
            raise ValidationFailed(problems)
        with self.office.transaction(ACCOUNTS) as s:
            if s.scalar(select(User).where(User.username == username)) is not None:
                raise ValidationFailed({"username": v.USERNAME_TAKEN})
            user = User(
                username=username,
                full_name=full_name,
                role=role,
                created_by=self.actor.username,
                must_change_password=True,
            )
            s.add(user)
            s.flush()
            audit.record(
                s,
                self.actor.username,
                Action.USER_ADDED,
                "user",
                user.id,
                {"username": username, "role": role},
            )
            # Slot last: if it cannot be written the transaction rolls back with it.
            self.office.folder.vault.set_password(
                self.office.data_key,
                username,
                password,
                self.office.folder.kdf,
                self._rights(role, default_grants(role) if grants is None else frozenset(grants)),
            )
            return _view(user)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        """The same key slot, sealed by the new password: her signed rights stay as they are."""
        folder = self.office.folder
        check_password_policy(new_password)
        with self.office.transaction(ACCOUNTS) as s:
            user = s.get(User, self.actor.user_id)
            assert user is not None
            user.must_change_password = False
            audit.record(s, self.actor.username, Action.PASSWORD_CHANGED, "user", user.id)
            folder.vault.change_password(
                self.office.data_key, self.actor.username, old_password, new_password, folder.kdf
            )

    def set_password_after_recovery(self, new_password: str) -> None:
        """Only right after a recovery-key unlock: the user sets a new password."""
        folder = self.office.folder
        with self.office.transaction(ACCOUNTS) as s:
            audit.record(
                s,
                self.actor.username,
                Action.PASSWORD_RESET,
                "user",
                self.actor.user_id,
                {"by": "recovery key"},
            )
            role = self.actor.role.value
            folder.vault.set_password(
                self.office.data_key,
                self.actor.username,
                new_password,
                folder.kdf,
                self._rights(role, self._signed_grants(self.actor.username, role)),
            )

    def reset_password(self, username: str, new_password: str) -> None:
        """The chief sets a forgotten password; the user must change it at next sign-in."""
        require(self.actor, Perm.MANAGE_USERS)
        folder = self.office.folder
        with self.office.transaction(ACCOUNTS) as s:
            user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
            if user is None:
                raise NotFound(f"No active user '{username}'.")
            user.must_change_password = True
            audit.record(
                s, self.actor.username, Action.PASSWORD_RESET, "user", user.id, {"username": username}
            )
            folder.vault.set_password(
                self.office.data_key,
                username,
                new_password,
                folder.kdf,
                self._rights(user.role, self._signed_grants(username, user.role)),
            )

    def must_change_password(self) -> bool:
        with self.office.reading() as s:
            user = s.get(User, self.actor.user_id)
            return bool(user and user.must_change_password)

    def remove_user(self, username: str, rotate_key: bool = True) -> None:
        """Remove a user's slot; by default also rotate the data key (they may have copied it)."""
        require(self.actor, Perm.MANAGE_USERS)
        if username == self.actor.username:
            raise ValidationFailed({"username": v.CANNOT_REMOVE_SELF})
        folder = self.office.folder
        if rotate_key:
            self.office.engine.dispose()
            _ensure_exclusive(folder, self.office.data_key)
        with self.office.transaction(ACCOUNTS) as s:
            user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
            if user is None:
                raise NotFound(f"No active user '{username}'.")
            user.active = False
            user.removed_at = utcnow()
            audit.record(
                s,
                self.actor.username,
                Action.USER_REMOVED,
                "user",
                user.id,
                {"username": username, "rotate_key": rotate_key},
            )
            folder.vault.remove_user(self.office.data_key, username)
        if rotate_key:
            self.rotate_data_key()

    def rotate_data_key(self) -> None:
        """New data key: slots wrap new+old, the database is re-keyed, slots drop the old key."""
        require(self.actor, Perm.MANAGE_USERS)
        office = self.office
        folder = office.folder
        old_key = office.data_key
        new_key = bytearray(secrets.token_bytes(32))
        office.engine.dispose()
        _ensure_exclusive(folder, old_key)
        folder.vault.begin_rotation(old_key, bytes(new_key))
        _rewrap_private_keys(office.engine, old_key, bytes(new_key))
        office.engine.dispose()
        _rekey(folder, old_key, bytes(new_key))
        folder.vault.finish_rotation(bytes(new_key))
        office.replace_key(new_key)
        office.audit(Action.DATA_KEY_ROTATED)

    def replace_recovery_key(self) -> str:
        require(self.actor, Perm.MANAGE_USERS)
        folder = self.office.folder
        with self.office.transaction(NOTHING) as s:
            audit.record(s, self.actor.username, Action.RECOVERY_KEY_REPLACED, "office")
            return folder.vault.new_recovery(self.office.data_key, folder.kdf, self.office.keys)

    def change_role(self, username: str, role: str) -> None:
        require(self.actor, Perm.MANAGE_USERS)
        if role not in {r.value for r in ROLES_BY_LEVEL[self.office.info.level]}:
            raise ValidationFailed({"role": v.ROLE_NOT_AT_LEVEL})
        with self.office.transaction(ACCOUNTS) as s:
            user = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
            if user is None:
                raise NotFound(f"No active user '{username}'.")
            if user.id == self.actor.user_id and role != self.actor.role.value:
                raise PermissionDenied("You cannot change your own role.")
            audit.record(
                s,
                self.actor.username,
                Action.USER_ROLE_CHANGED,
                "user",
                user.id,
                {"from": user.role, "to": role},
            )
            rights = self._rights(role, default_grants(role))
            user.role = role
            if rights is not None:  # the new role is what the office signs, or nothing changes
                self.office.folder.vault.set_rights(self.office.data_key, username, *rights)


def _ensure_exclusive(folder: OfficeFolder, key: bytes) -> None:
    """Fail before anything changes if the database is open elsewhere."""
    conn = connect_raw(folder.db_path, key)
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlcipher3.OperationalError:
        mode = "busy"
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise StorageFailed("The database is open in another window or program. Close it and try again.")


def _rekey(folder: OfficeFolder, old_key: bytes, new_key: bytes) -> None:
    """Re-key the database file. It must not be open anywhere else (another window, the CLI):
    leaving WAL mode needs exclusive access, so that is checked first and nothing is changed
    if it fails."""
    conn = connect_raw(folder.db_path, old_key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise StorageFailed("The database is open in another window or program. Close it and try again.")
        conn.execute("PRAGMA rekey = \"x'" + new_key.hex() + "'\"")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def finish_interrupted_rotation(
    folder: OfficeFolder, engine: Engine, old_key: bytearray, new_key: bytearray
) -> Engine:
    """The slots were rewritten but the database was not re-keyed: re-key now, then tidy slots."""
    _rewrap_private_keys(engine, bytes(old_key), bytes(new_key))
    engine.dispose()
    _rekey(folder, bytes(old_key), bytes(new_key))
    folder.vault.finish_rotation(bytes(new_key))
    return make_engine(folder.db_path, new_key)


def _rewrap_private_keys(engine: Engine, old_key: bytes, new_key: bytes) -> None:
    """Exchange private keys are wrapped under the data key: re-wrap them before the re-key.

    Runs after the slots hold both keys, so an interruption is finished at the next unlock (which
    calls this again; it is idempotent)."""
    from ..security.keystore import rewrap_private_keys

    if not inspect(engine).has_table("pki_blob"):  # an office not yet migrated has no keys
        return
    with session_factory(engine)() as s, s.begin():
        rewrap_private_keys(s, old_key, new_key)


__all__ = ["AccountService", "Role", "UserView"]
