"""SQLAlchemy engine on an SQLCipher 4 file, opened with a raw 256-bit key.

The key is given to every new connection as the very first statement (``PRAGMA key = "x'…'"``),
never through the URL, and the connection is checked by reading ``sqlite_master`` before anything
else: a wrong key or a damaged header shows up there as ``DatabaseDamaged``.

Durability: WAL with ``synchronous=FULL`` (a commit that returned survives a crash), secure delete
(freed pages are zeroed, so deleted text does not linger in the file), temp store in memory (temp
files are not encrypted by SQLCipher), and ``cipher_memory_security`` so SQLCipher wipes its own
buffers.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from ..errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseReadOnly,
    DatabaseUnavailable,
    DiskFailed,
    DiskFull,
)

KEY_BYTES = 32
REQUIRED_TEMP_STORE = ("TEMP_STORE=2", "TEMP_STORE=3")


def _key_pragma(key: bytes | bytearray) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return "PRAGMA key = \"x'" + bytes(key).hex() + "'\""


def connect_raw(path: Path, key: bytes | bytearray, *, check: bool = True) -> Any:
    """A plain sqlcipher3 connection with the key and our pragmas applied.

    Used by the engine's ``creator`` and by backup/restore, which need the DB-API connection.
    """
    conn = sqlcipher3.connect(str(path), timeout=10.0, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(_key_pragma(key))
        conn.execute("PRAGMA cipher_memory_security = ON")
        if check:
            # First read after the key: the wrong key or a damaged header fails here.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise DatabaseDamaged("The database file is damaged or does not belong to this office.") from exc
    return conn


def make_engine(path: Path, key: bytes | bytearray) -> Engine:
    """An engine whose every connection is keyed. The caller disposes it on lock."""
    key_copy = bytes(key)  # the engine outlives the caller's buffer only until dispose()

    def creator() -> Any:
        return connect_raw(path, key_copy)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=creator,
        poolclass=QueuePool,
        hide_parameters=True,  # an error's text never carries field values (logs, crash reports)
        pool_size=2,
        max_overflow=2,
    )

    # SQLAlchemy's SQLite dialect drops table hints; ours renders them after the table name, so a
    # query can name its index with ``Select.with_hint(Model, "INDEXED BY ix_…", "sqlite")`` where
    # the planner, without ANALYZE statistics, would choose a worse one (the query then fails
    # loudly if that index cannot serve it, instead of silently reading the whole table).
    class _Compiler(engine.dialect.statement_compiler):  # type: ignore[name-defined,misc]
        def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
            return text

    engine.dialect.statement_compiler = _Compiler

    # Let SQLAlchemy open transactions itself. A writing transaction takes the write lock up front,
    # so two writers never deadlock upgrading a read lock and audit sequence numbers are assigned
    # serially. A reading one (``read_session_factory``) begins deferred: in WAL mode it then
    # blocks nobody, so a slow report or list query never makes a save wait for the lock.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get(READ_ONLY_OPTION):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


READ_ONLY_OPTION = "shsc_read_only"


def session_factory(engine: Engine) -> Callable[[], Session]:
    """Sessions for writing: each transaction holds the write lock from its start."""
    return sessionmaker(engine, expire_on_commit=False)


def read_session_factory(engine: Engine) -> Callable[[], Session]:
    """Sessions for reading: deferred transactions that never hold the write lock."""
    return sessionmaker(engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False)


def check_compile_options(conn: Any) -> None:
    """Refuse a SQLCipher build that could spill temp tables to unencrypted files."""
    options = [r[0] for r in conn.execute("PRAGMA compile_options").fetchall()]
    if not any(o in options for o in REQUIRED_TEMP_STORE):
        raise DatabaseDamaged("This SQLCipher build may write unencrypted temporary files.")


def integrity_problems(conn: Any) -> list[str]:
    """Rows from ``cipher_integrity_check`` and ``integrity_check``; empty when healthy."""
    problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        problems.extend(rows)
    return problems


log = logging.getLogger(__name__)

# SQLite's primary result codes (the low byte of an extended code such as SQLITE_IOERR_WRITE).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL = 5, 6, 8, 10, 13
_UNAVAILABLE: dict[int, type[DatabaseUnavailable]] = {
    SQLITE_FULL: DiskFull,
    SQLITE_IOERR: DiskFailed,
    SQLITE_BUSY: DatabaseBusy,
    SQLITE_LOCKED: DatabaseBusy,
    SQLITE_READONLY: DatabaseReadOnly,
}


def unavailable_error(exc: BaseException) -> DatabaseUnavailable | None:
    """The app's error for a full, failing, busy or read-only database; None for anything else."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    code = getattr(orig, "sqlite_errorcode", None)
    if not isinstance(orig, sqlcipher3.dbapi2.Error) or not isinstance(code, int):
        return None
    kind = _UNAVAILABLE.get(code & 0xFF)
    return kind() if kind is not None else None


@contextlib.contextmanager
def database_errors() -> Iterator[None]:
    """Turn SQLite FULL / IOERR / BUSY / READONLY inside the block into :class:`DatabaseUnavailable`.

    The block's transaction has been rolled back by then (SQLAlchemy's ``session.begin()``), so the
    message can say that nothing was saved. The SQLite error stays attached as ``__cause__`` for the
    log; it names no record and no field value.
    """
    try:
        yield
    except (DBAPIError, sqlcipher3.dbapi2.Error) as exc:
        mapped = unavailable_error(exc)
        if mapped is None:
            raise
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        log.warning("database unavailable: %s", getattr(orig, "sqlite_errorname", mapped.code))
        raise mapped from exc
