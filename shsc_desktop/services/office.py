"""Opening, creating, unlocking and locking one office's data folder.

``OfficeFolder`` knows the files of a data folder and needs no key. Unlocking it yields an
``UnlockedOffice``: the keyed engine, the signed-in ``Actor`` and the data key. Every other service
takes an ``UnlockedOffice``. Locking disposes the engine and overwrites the key bytes.

Data folder layout::

    office.db, office.db-wal, office.db-shm   the SQLCipher database (every page encrypted)
    keyslots.json, keyslots.copy.json        key slots (see security.vault)
    audit-anchor.json                        the audit head outside the database (security.anchor)
    (the back-off after failed unlocks lives inside keyslots.json: see security.lockout)
    backups/                                 automatic backups taken before a migration
"""

from __future__ import annotations

import contextlib
import hmac
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import (
    OfficeExists,
    OfficeKeysMismatch,
    OfficeNotFound,
    ValidationFailed,
    WrongCredentials,
)
from ..models.gazetteer import office_names
from ..security.actions import Action
from ..security.identity import OfficeKeys
from ..security.kdf import KdfParams
from ..security.lockout import RECOVERY_LOCKOUT_NAME as RECOVERY_LOCKOUT_NAME
from ..security.lockout import Lockout
from ..security.permissions import ADMIN_ROLE_BY_LEVEL, ROLE_DEFAULT_GRANTS, Actor
from ..security.vault import Unlocked, Vault
from ..values.changes import NOTHING, Changes, committed
from ..values.office import OfficeInfo as OfficeInfo  # re-exported for callers of the service
from .validation import USERNAME_LENGTH

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from ..security.anchor import AnchorFile

# SQLAlchemy, Alembic and the table definitions take most of a second to import on a slow PC.
# Nothing here needs them before a password has been typed, so they are imported inside the
# methods that open the database: the unlock window appears without waiting for them.

DB_FILE = "office.db"
BACKUP_DIR = "backups"
KDF_ENV = "SHSC_KDF"  # "fast" only in tests and the throw-away demo office


def default_data_dir() -> Path:
    """This PC's office folder (``%PROGRAMDATA%\\SHSC Desktop`` on Windows: see ``data_location``)."""
    from .data_location import default_data_dir as location

    return location()


def kdf_from_environment() -> KdfParams:
    return KdfParams.fast_for_tests() if os.environ.get(KDF_ENV) == "fast" else KdfParams.production()


LITTER_AGE_SECONDS = 15 * 60
OWNER_ONLY_FILES = ("keyslots.json", "keyslots.copy.json", "audit-anchor.json", "lockout.json")


class UnlockedOffice:
    """An open office: keyed engine, signed-in actor and data key.

    ``lock()`` disposes every pooled connection and zeroes the key bytes it holds.
    """

    def __init__(
        self,
        folder: OfficeFolder,
        engine: Engine,
        actor: Actor,
        data_key: bytearray,
        keys: OfficeKeys | None = None,
    ) -> None:
        self.folder = folder
        self.actor = actor
        self._data_key = data_key
        # The office's public keys and the private halves this user's slot gave (identity key:
        # holders of the identity grant; signing key: the chief). None: an office set up before
        # it had keys, until its chief's first unlock.
        self.keys = keys
        self._use_engine(engine)
        self.locked = False
        self.integrity_checked = False
        # The signed-in user's own slot key (opens what was sealed to her: her form drafts).
        self.slot_private: X25519PrivateKey | None = None
        # Whether the signed-in user must choose a new password before working: read by the unlock,
        # on the thread that unlocks, so that the first window is chosen without a query.
        self.password_change_due = False

    @property
    def data_key(self) -> bytes:
        if self.locked:
            raise RuntimeError("the office is locked")
        return bytes(self._data_key)

    @property
    def info(self) -> OfficeInfo:
        return self.folder.info()

    @contextlib.contextmanager
    def transaction(self, changes: Changes) -> Iterator[Session]:
        """A session whose work (and its audit entries) commits together or not at all.

        ``changes`` says what the work changes that a page shows (``NOTHING`` when it changes
        nothing shown, e.g. an audit entry alone); once the transaction has committed it goes to
        the operation collecting them (``values.changes.collecting``), whose notice tells every
        page. A transaction rolled back reports nothing. A full, failing, busy or read-only
        database raises a :class:`DatabaseUnavailable` after the rollback, never SQLite's own
        error (``models.engine.database_errors``).
        """
        from ..models.engine import database_errors

        if self.locked:
            raise RuntimeError("the office is locked")
        with database_errors(), self._sessions() as session, session.begin():
            yield session
        committed(changes)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session; database failures become :class:`DatabaseUnavailable` as above."""
        from ..models.engine import database_errors

        if self.locked:
            raise RuntimeError("the office is locked")
        with database_errors(), self._read_sessions() as session:
            yield session

    def _use_engine(self, engine: Engine) -> None:
        from ..models.engine import read_session_factory, session_factory
        from ..security import anchor

        anchor.attach(engine, self.folder.anchor_file(), bytes(self._data_key))
        self.engine = engine
        self._sessions = session_factory(engine)
        self._read_sessions = read_session_factory(engine)

    def audit(
        self, action: str, target_type: str = "", target_id: str = "", details: dict[str, Any] | None = None
    ) -> None:
        """Record an action that changes nothing else (e.g. a lock), in its own transaction."""
        from ..security import audit

        with self.transaction(NOTHING) as s:
            audit.record(s, self.actor.username, action, target_type, target_id, details)

    def setting(self, key: str, default: str = "") -> str:
        from ..models.tables import Setting

        with self.reading() as s:
            row = s.get(Setting, key)
            return row.value if row else default

    def lock(self, reason: str = "manual") -> None:
        if self.locked:
            return
        with contextlib.suppress(Exception):  # locking must succeed even on a failing disk
            self.audit(Action.LOCK, details={"reason": reason})
        self.engine.dispose()
        for i in range(len(self._data_key)):
            self._data_key[i] = 0
        if self.keys is not None:
            self.keys.forget()
        self.slot_private = None
        self.locked = True

    def check_integrity(self) -> None:
        """Check every page of the database (HMAC and b-tree); ``DatabaseDamaged`` if any fails."""
        from ..models.engine import connect_raw
        from .office_opening import raise_if_damaged

        conn = connect_raw(self.folder.db_path, self.data_key)
        try:
            raise_if_damaged(conn)
        finally:
            conn.close()
        self.integrity_checked = True

    def replace_key(self, new_key: bytearray) -> None:
        """After a data-key rotation: new engine on the new key, old key bytes zeroed."""
        from ..models.engine import make_engine

        self.engine.dispose()
        for i in range(len(self._data_key)):
            self._data_key[i] = 0
        self._data_key = new_key
        self._use_engine(make_engine(self.folder.db_path, new_key))


class OfficeFolder:
    """The files of one office. Creating and unlocking start here."""

    def __init__(
        self, data_dir: Path, kdf: KdfParams | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.data_dir = Path(data_dir)
        self.kdf = kdf or kdf_from_environment()
        self.vault = Vault(self.data_dir)
        self.lockout = Lockout(self.data_dir, clock)
        self.db_path = self.data_dir / DB_FILE

    def exists(self) -> bool:
        return self.vault.exists() or self.db_path.exists()

    def tighten(self) -> None:
        """Owner-only data folder (0700) and database files (0600), also for folders made before.

        SQLite gives the WAL and shared-memory files the database file's mode, so this runs before
        the database is opened. On Windows the installer limits the folder's ACL instead
        (installer/BUILD.md).
        """
        if os.name != "posix" or not self.data_dir.is_dir():
            return
        with contextlib.suppress(OSError):
            os.chmod(self.data_dir, 0o700)
        for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", *OWNER_ONLY_FILES):
            with contextlib.suppress(OSError):
                os.chmod(self.data_dir / name, 0o600)

    @property
    def backup_dir(self) -> Path:
        """Where the upgrade writes its own backups (``before-upgrade-*.shscbak``)."""
        return self.data_dir / BACKUP_DIR

    def sweep_litter(self, older_than: float = LITTER_AGE_SECONDS) -> list[str]:
        """Remove what interrupted writes left behind: temporary files of atomic writes
        (``.keyslots.json.*.tmp`` …), unpacked restores and half-made backups. Only leftovers older
        than ``older_than`` seconds: another window may be writing one right now."""
        import shutil

        removed: list[str] = []
        now = time.time()
        for place in (self.data_dir, self.data_dir / BACKUP_DIR):
            try:
                entries = list(place.iterdir())
            except OSError:
                continue
            for path in entries:
                name = path.name
                is_tmp = name.startswith(".") and name.endswith(".tmp")
                is_dir = name.startswith((".shsc-backup-", ".restore-"))
                try:
                    if not (is_tmp or is_dir) or now - path.lstat().st_mtime < older_than:
                        continue
                    if is_dir and path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
                except OSError:
                    continue
                removed.append(name)
        return removed

    def info(self) -> OfficeInfo:
        if not self.exists():
            raise OfficeNotFound(f"No office has been set up in {self.data_dir}.")
        return OfficeInfo.from_dict(self.vault.office_info())

    def office_key_fingerprint(self) -> str:
        """The fingerprint of the office's public keys as recorded here (printed on the recovery
        sheet at set-up). Needs no password: the keys are public. ``OfficeKeysMismatch`` if the
        slots disagree among themselves about the office's keys."""
        if not self.exists():
            raise OfficeNotFound(f"No office has been set up in {self.data_dir}.")
        slots = self.vault.load()
        recorded = slots.public_keys()
        if recorded is None:
            raise OfficeKeysMismatch(
                "This office has no office keys: it was set up before them, or they were removed. "
                "If it had them, they were stripped from its key file."
            )
        if any(s.anchor is not None and s.anchor != slots.office_keys for s in slots.slots):
            raise OfficeKeysMismatch(
                "The office keys recorded in the key file differ from those its administrators' slots "
                "were bound to: they were replaced."
            )
        return recorded.fingerprint()

    def verify_office_fingerprint(self, printed: str) -> str:
        """Compare the office keys here with the fingerprint printed on the recovery sheet.

        Returns the fingerprint if they are the same; ``OfficeKeysMismatch`` if not. This is the
        check no one at the PC can fake: the paper is not on the PC (docs/recovery.md, §4).
        """
        here = self.office_key_fingerprint()
        wanted = "".join(c for c in printed.upper() if c.isalnum())
        if not wanted or not hmac.compare_digest(wanted, here.replace("-", "")):
            raise OfficeKeysMismatch(
                f"The office keys on this computer (fingerprint {here}) are NOT the ones printed on the "
                "recovery sheet: they were replaced. Do not enter survivors' details; call the district."
            )
        return here

    def usernames(self) -> list[str]:
        return self.vault.usernames()

    def anchor_file(self) -> AnchorFile:
        """The audit anchor of this folder, sealed for this office (see ``security.anchor``)."""
        from ..security.anchor import AnchorFile

        return AnchorFile(self.data_dir, self.vault.load().office_id)

    # -- creating --------------------------------------------------------------------------------

    def create(
        self, level: str, code: str, username: str, password: str, full_name: str = ""
    ) -> tuple[UnlockedOffice, str]:
        """Set up a new office; returns it unlocked as its first administrator, and the recovery key.

        The recovery key is returned once and never stored in readable form.
        """
        if self.exists():
            raise OfficeExists(f"An office already exists in {self.data_dir}.")
        problems: dict[str, str] = {}
        if level not in ADMIN_ROLE_BY_LEVEL:
            problems["level"] = "The office level must be commune, district or ministry."
        if not username.strip() or len(username) > 64 or not username.isprintable():
            problems["username"] = USERNAME_LENGTH
        try:
            names = office_names(level, code)
        except LookupError as exc:
            problems["code"] = str(exc)
        if problems:
            raise ValidationFailed(problems)
        from ..models import migrate
        from ..models.engine import make_engine, session_factory
        from ..models.tables import Setting, User
        from ..security import anchor, audit
        from .identities import SEALED_SETTING

        info = OfficeInfo(level=level, code=code, **names)
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.tighten()
        role = ADMIN_ROLE_BY_LEVEL[level]
        grants = ROLE_DEFAULT_GRANTS[role]
        data_key, recovery, keys = self.vault.create(
            info.as_dict(),
            username.strip(),
            password,
            self.kdf,
            role=role.value,
            grants=frozenset(g.value for g in grants),
        )
        # Created owner-only before SQLCipher writes to it (its WAL then gets the same mode).
        os.close(os.open(self.db_path, os.O_CREAT | os.O_WRONLY, 0o600))
        engine = make_engine(self.db_path, data_key)
        migrate.upgrade(engine)
        self.tighten()
        anchor.attach(engine, self.anchor_file(), bytes(data_key))
        with session_factory(engine)() as s, s.begin():
            anchor.mark_anchored(s)
            user = User(
                username=username.strip(), full_name=full_name, role=role.value, created_by=username.strip()
            )
            s.add(user)
            for key, value in info.as_dict().items():
                s.add(Setting(key=f"office.{key}", value=value))
            s.add(Setting(key="office.created_at", value=datetime.now(UTC).isoformat()))
            s.add(Setting(key="auto_lock_minutes", value="5"))
            s.add(Setting(key=SEALED_SETTING, value="1"))  # nothing was ever kept in plain columns
            s.flush()
            audit.record(
                s,
                user.username,
                Action.OFFICE_CREATED,
                "office",
                code,
                {"level": level, "office_keys": keys.fingerprint()},
            )
            actor = Actor(user.id, user.username, role, grants)
        return UnlockedOffice(self, engine, actor, data_key, keys), recovery

    # -- unlocking -------------------------------------------------------------------------------

    def unlock(self, username: str, password: str, accept_audit_loss: bool = False) -> UnlockedOffice:
        """Unlock as ``username``. Failures are counted, delayed and audited at the next unlock.

        A damaged or shortened audit log refuses the unlock (``AuditLogBehind``,
        ``AuditChainBroken``) unless a chief sets ``accept_audit_loss``: the loss is then recorded
        in the log and work goes on from what is left.
        """
        if not self.exists():
            raise OfficeNotFound(f"No office has been set up in {self.data_dir}.")
        self.sweep_litter()
        self.lockout.check(username)
        try:
            unlocked = self.vault.unlock(username, password)
        except WrongCredentials:
            wait = self.lockout.failed(username)
            raise WrongCredentials(retry_after=wait) from None
        return self._open(unlocked, username, Action.UNLOCK, password, accept_audit_loss)

    def unlock_with_recovery(self, recovery_key: str, username: str, new_password: str) -> UnlockedOffice:
        """Recovery: the printed key unlocks and ``username`` gets a new password at once."""
        from ..security.vault import check_password_policy

        # A too-short new password used to be noticed only after the office had been opened, so
        # the open office (engine and key) was dropped without being locked.
        check_password_policy(new_password)
        self.lockout.check(RECOVERY_LOCKOUT_NAME)
        try:
            unlocked = self.vault.unlock_recovery(recovery_key)
        except WrongCredentials:
            wait = self.lockout.failed(RECOVERY_LOCKOUT_NAME)
            raise WrongCredentials(retry_after=wait) from None
        office = self._open(unlocked, username, Action.RECOVERY_UNLOCK, None)
        from .accounts import AccountService

        try:
            AccountService(office).set_password_after_recovery(new_password)
            office.password_change_due = AccountService(office).must_change_password()
        except BaseException:
            office.lock("recovery not completed")
            raise
        return office

    def _open(
        self,
        unlocked: Unlocked,
        username: str,
        action: str,
        secret: str | None,
        accept_audit_loss: bool = False,
    ) -> UnlockedOffice:
        """The office the vault's keys open (``office_opening``), its first-unlock work done."""
        from . import identities
        from .accounts import AccountService
        from .office_opening import open_database

        opened = open_database(self, unlocked, username, action, accept_audit_loss)
        office = UnlockedOffice(self, opened.engine, opened.actor, opened.data_key, opened.keys)
        office.integrity_checked = opened.integrity_checked
        office.slot_private = opened.slot_private
        try:
            identities.after_unlock(office, secret)
            office.password_change_due = AccountService(office).must_change_password()
        except BaseException:
            office.lock("unlock not completed")
            raise
        return office
