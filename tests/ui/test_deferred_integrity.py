"""A large office is fully checked after the main window opens; damage locks it and says so."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from shsc_desktop.errors import DatabaseDamaged
from shsc_desktop.services import office_opening
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.views import operations
from shsc_desktop.views.messages import error_text
from shsc_desktop.views.shell import AppShell
from tests.conftest import CHIEF
from tests.contact_rows import add_contacts


def _fill_then_damage(folder: OfficeFolder, chief: UnlockedOffice) -> None:
    add_contacts(chief, 400, "provider {i} " + "x" * 200)
    # The root page of a table a commune office never reads when it opens (district figures): only
    # the full check in the background can find damage there, whatever tables the schema adds.
    with chief.reading() as s:
        page = s.execute(
            text("SELECT rootpage FROM sqlite_master WHERE name = 'imported_statistics'")
        ).scalar_one()
    chief.lock("test")
    raw = bytearray(folder.db_path.read_bytes())
    pos = (page - 1) * 4096 + 1000
    for i in range(8):
        raw[pos + i] ^= 0xFF
    folder.db_path.write_bytes(bytes(raw))


def test_damage_found_after_unlock_locks_and_offers_restore(
    qtbot: QtBot, folder: OfficeFolder, chief: UnlockedOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill_then_damage(folder, chief)
    monkeypatch.setattr(office_opening, "FULL_CHECK_AT_UNLOCK_BYTES", 0)
    shell = AppShell(folder.data_dir, folder=folder)
    shell.start()
    office = folder.unlock(*CHIEF)
    assert office.integrity_checked is False
    shell.open_office(office)
    qtbot.waitUntil(lambda: office.locked, timeout=10_000)
    operations.wait_for_all()
    assert shell.main_window is None
    assert shell.unlock_window is not None
    qtbot.waitUntil(lambda: shell.unlock_window.damaged_panel.isVisible(), timeout=5_000)
    assert isinstance(shell.unlock_window.damaged, DatabaseDamaged)
    assert shell.unlock_window.damaged_label.text() == error_text(shell.unlock_window.damaged)
    shell.shutdown()
