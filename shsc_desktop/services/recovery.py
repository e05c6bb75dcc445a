"""The emergency plain copy: every record of the office, decrypted, for when the app cannot be used.

Only the recovery key opens this door (not a password: a clerk cannot take the whole office home in
clear), the copy is audited in the office's own log *before* it is written, and it is produced by
SQLCipher's ``sqlcipher_export`` into an unencrypted SQLite file written atomically and owner-only.
docs/recovery.md describes the same path without the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from ..atomic import atomic_produce
from ..errors import DatabaseDamaged, OfficeNotFound, StorageFailed, ValidationFailed, WrongCredentials
from ..models.engine import connect_raw, make_engine, session_factory
from ..problems import define
from ..security import anchor, audit
from ..security.actions import Action
from ..security.lockout import RECOVERY_LOCKOUT_NAME

if TYPE_CHECKING:
    from .office import OfficeFolder

RECOVERY_ACTOR = "#recovery"  # who acted, in the audit log: the holder of the recovery key

NO_OFFICE_IN = define("no_office_in", "No office has been set up in %1.")
TARGET_EXISTS = define("target_exists", "%1 already exists; choose a new file name.")
PLAIN_COPY_FAILED = define("plain_copy_failed", "The plain copy could not be written: %1")
RECOVERY_KEY_OPENS_NOTHING = define(
    "recovery_key_opens_nothing", "The database could not be opened with the recovery key."
)


@dataclass(frozen=True)
class PlainCopy:
    path: Path
    tables: int


def write_plain_copy(folder: OfficeFolder, recovery_key: str, target: Path) -> PlainCopy:
    """Write an unencrypted SQLite copy of the office database to ``target`` (recovery key only)."""
    target = Path(target)
    if not folder.exists():
        raise OfficeNotFound(NO_OFFICE_IN(folder.data_dir))
    if target.exists():
        raise ValidationFailed({"to": TARGET_EXISTS(target)})
    folder.lockout.check(RECOVERY_LOCKOUT_NAME)
    try:
        unlocked = folder.vault.unlock_recovery(recovery_key)
    except WrongCredentials:
        raise WrongCredentials(retry_after=folder.lockout.failed(RECOVERY_LOCKOUT_NAME)) from None
    keys = [bytes(k) for k in unlocked.keys]
    unlocked.wipe()
    key = _working_key(folder, keys)
    engine = make_engine(folder.db_path, key)
    try:
        anchor.attach(engine, folder.anchor_file(), key)
        with session_factory(engine)() as s, s.begin():
            audit.record(
                s, RECOVERY_ACTOR, Action.PLAIN_COPY_WRITTEN, "file", target.name, {"to": str(target)}
            )
    finally:
        engine.dispose()

    tables = 0

    def produce(tmp: Path) -> None:
        nonlocal tables
        tmp.unlink()  # sqlcipher_export needs to create the file itself
        conn = connect_raw(folder.db_path, key)
        try:
            conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(tmp),))
            conn.execute("SELECT sqlcipher_export('plaintext')")
            tables = int(
                conn.execute("SELECT count(*) FROM plaintext.sqlite_master WHERE type = 'table'").fetchone()[
                    0
                ]
            )
            conn.execute("DETACH DATABASE plaintext")
        finally:
            conn.close()

    try:
        atomic_produce(target, produce)
    except sqlcipher3.DatabaseError as exc:
        raise StorageFailed(PLAIN_COPY_FAILED(exc)) from exc
    return PlainCopy(target, tables)


def _working_key(folder: OfficeFolder, keys: list[bytes]) -> bytes:
    """The slot's newest key, or the older one while a key rotation is unfinished."""
    for key in keys:
        try:
            connect_raw(folder.db_path, key).close()
        except DatabaseDamaged:
            continue
        return key
    raise DatabaseDamaged(RECOVERY_KEY_OPENS_NOTHING)
