"""SQLite's FULL, IOERR, BUSY and READONLY become the app's own errors at ``transaction()`` /
``reading()``, after the rollback: nothing is half-saved and the office keeps working.

Each condition is real, on the real encrypted database: a size limit the database has reached
(``max_page_count``), a file-size limit on the process (``RLIMIT_FSIZE``), a second connection
holding the write lock, and a connection that may not write (``query_only``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from shsc_desktop.errors import DatabaseBusy, DatabaseReadOnly, DatabaseUnavailable, DiskFailed, DiskFull
from shsc_desktop.models.engine import connect_raw
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.office import UnlockedOffice


def _draft(n: int) -> ContactDraft:
    return ContactDraft(
        "health_centre", frozenset({"health"}), name_en=f"Health centre {n}", address="x" * 1500
    )


@contextlib.contextmanager
def every_connection(office: UnlockedOffice, *pragmas: str) -> Iterator[None]:
    """Run ``pragmas`` on each new connection of the office's engine (the pool is emptied first)."""

    def on_connect(conn: Any, _record: Any) -> None:
        for pragma in pragmas:
            conn.execute(pragma)

    office.engine.dispose()
    event.listen(office.engine, "connect", on_connect)
    try:
        yield
    finally:
        event.remove(office.engine, "connect", on_connect)
        office.engine.dispose()


def _page_count(office: UnlockedOffice) -> int:
    conn = connect_raw(office.folder.db_path, office.data_key)
    try:
        return int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.close()


def test_a_database_at_its_size_limit_is_disk_full_and_nothing_is_saved(chief: UnlockedOffice) -> None:
    service = ContactService(chief)
    service.create(_draft(0))
    with every_connection(chief, f"PRAGMA max_page_count = {_page_count(chief)}"):
        with pytest.raises(DiskFull) as caught:
            for n in range(1, 200):  # the free pages inside the file fill up first
                service.create(_draft(n))
        saved = len(service.search())
    assert str(caught.value) == "The disk is full: nothing was saved. Free some space, then try again."
    assert caught.value.__cause__ is not None  # SQLite's own error kept for the log
    # Every contact either saved completely or not at all: the one that failed left nothing behind.
    assert len(service.search()) == saved
    service.create(_draft(999))  # space again: saving works at once
    assert len(service.search()) == saved + 1


@pytest.mark.posix_only  # RLIMIT_FSIZE
def test_a_file_size_limit_is_a_disk_failure(chief: UnlockedOffice) -> None:
    import resource  # POSIX only: imported here so that Windows can collect the module

    service = ContactService(chief)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1, hard))
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            service.create(_draft(1))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert isinstance(caught.value, DiskFull | DiskFailed)
    assert service.search() == []
    service.create(_draft(2))
    assert len(service.search()) == 1


def test_a_database_held_by_another_program_is_busy(chief: UnlockedOffice) -> None:
    service = ContactService(chief)
    other = connect_raw(chief.folder.db_path, chief.data_key)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with every_connection(chief, "PRAGMA busy_timeout = 50"), pytest.raises(DatabaseBusy):
            service.create(_draft(1))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert service.search() == []


def test_a_database_that_may_not_be_written_is_read_only(chief: UnlockedOffice) -> None:
    service = ContactService(chief)
    with every_connection(chief, "PRAGMA query_only = ON"):
        with pytest.raises(DatabaseReadOnly):
            service.create(_draft(1))
        assert service.search() == []  # reading still works
