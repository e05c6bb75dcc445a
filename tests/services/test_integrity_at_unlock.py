"""A large database is key-checked at unlock and fully checked afterwards (in the background).

Checking every page of a 100 MB district database would make each unlock take seconds, so above
``FULL_CHECK_AT_UNLOCK_BYTES`` unlocking only proves the key and the schema; the full check then runs
through ``UnlockedOffice.check_integrity`` and still reports a damaged page.
"""

from __future__ import annotations

import pytest

from shsc_desktop.errors import DatabaseDamaged
from shsc_desktop.services import office_opening
from tests.conftest import CHIEF
from tests.contact_rows import add_contacts
from tests.office_copies import QuickOffice


def _damage_contact_pages(quick: QuickOffice) -> None:
    chief = quick.chief
    add_contacts(chief, 400, "provider {i} " + "x" * 200)  # most of the file: its middle is theirs
    chief.lock("test")
    raw = bytearray(quick.folder.db_path.read_bytes())
    pos = (len(raw) // 4096 // 2) * 4096 + 1000
    for i in range(8):
        raw[pos + i] ^= 0xFF
    quick.folder.db_path.write_bytes(bytes(raw))


def test_small_database_is_fully_checked_at_unlock(quick: QuickOffice) -> None:
    _damage_contact_pages(quick)
    with pytest.raises(DatabaseDamaged):
        quick.folder.unlock(*CHIEF)


def test_large_database_is_checked_after_unlock(quick: QuickOffice, monkeypatch: pytest.MonkeyPatch) -> None:
    _damage_contact_pages(quick)
    monkeypatch.setattr(office_opening, "FULL_CHECK_AT_UNLOCK_BYTES", 0)
    office = quick.folder.unlock(*CHIEF)
    try:
        assert office.integrity_checked is False
        with pytest.raises(DatabaseDamaged):
            office.check_integrity()
    finally:
        office.lock("test")


def test_healthy_database_passes_the_deferred_check(
    quick: QuickOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick.chief.lock("test")
    monkeypatch.setattr(office_opening, "FULL_CHECK_AT_UNLOCK_BYTES", 0)
    office = quick.folder.unlock(*CHIEF)
    try:
        office.check_integrity()
        assert office.integrity_checked is True
    finally:
        office.lock("test")
