"""The warning about another Windows account's office is shown above the setup wizard, in Khmer
too, before a second office could be created."""

from __future__ import annotations

from pathlib import Path

from shsc_desktop.services.data_location import Notice
from shsc_desktop.views import i18n
from shsc_desktop.views.data_notices import show_notices

from .conftest import message_boxes


def test_the_other_accounts_office_is_named_above_the_wizard(qtbot, shell, folder):
    shell.start()
    assert shell.wizard is not None
    other = Path("C:/Users/sokha/AppData/Local/SHSC Desktop")
    notice = Notice("other_account", folder.data_dir, other, "sokha")
    [box] = show_notices(shell.wizard, [notice])
    assert box.isVisible() and box in message_boxes()
    assert "sokha" in box.text() and str(other) in box.text() and "second office" in box.text()
    assert "sokha" in notice.describe() and str(other) in notice.describe()
    box.close()
    i18n.set_language("km")
    moved = Notice("moved", folder.data_dir, other)
    [box] = show_notices(shell.wizard, [moved])
    assert "ការិយាល័យត្រូវបានផ្លាស់ទៅ" in box.text() and str(other) + ".moved" in box.text()
    assert str(moved.kept) in box.text() and str(moved.kept) in moved.describe()


def test_an_office_that_cannot_be_moved_is_reported_in_a_window(qtbot, tmp_path):
    """The windowed build has no console: a failed one-time move must not end the program silently."""
    from PySide6.QtCore import QTimer

    from shsc_desktop.errors import StorageFailed
    from shsc_desktop.services.data_location import default_data_dir, resolve
    from shsc_desktop.views.app import run_gui_located
    from shsc_desktop.views.messages import error_text

    from ..services.test_data_location import make_office, windows

    pc = windows(tmp_path)
    own = Path(pc.env["LOCALAPPDATA"]) / "SHSC Desktop"
    make_office(own)
    (own.parent / "SHSC Desktop.moved").write_text("in the way")  # the old folder cannot be renamed
    shown: list[str] = []

    def read_and_close() -> None:
        if not message_boxes():
            QTimer.singleShot(20, read_and_close)
            return
        [box] = message_boxes()
        shown.append(box.text())
        box.close()

    QTimer.singleShot(0, read_and_close)
    status = run_gui_located(lambda: resolve(pc), default_data_dir(pc))
    assert status == StorageFailed.exit_status
    assert shown == [error_text(StorageFailed("x"))]
    assert (own / "keyslots.json").is_file()  # nothing was moved; the old office is still there
    assert not (default_data_dir(pc) / "logs").exists()  # no log started in the PC folder
    # The app's event loop ended without leaving a second quit behind: an event loop started later
    # in this QApplication still runs until it is told to end (a stale Quit ended each at once, so
    # background work in every later test never reported back).
    import time

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(100, loop.quit)
    started = time.monotonic()
    assert loop.exec() == 0
    assert time.monotonic() - started >= 0.09
