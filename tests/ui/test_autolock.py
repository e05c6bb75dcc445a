"""The auto-lock reads nothing on the GUI thread: the office's idle minutes come from the runner once
the main window is up, and the lock on inactivity only writes what the guard allows (its audit entry
and the sealed drafts, ``tests/ui/gui_reads.py``)."""

from __future__ import annotations

from shsc_desktop.services.admin import AdminService
from shsc_desktop.views.shell import AppShell

from .conftest import CHIEF, open_as_chief, unlock_as, wait_for_operations


def test_the_main_window_and_the_idle_lock_read_nothing_on_the_gui_thread(
    qtbot, data_dir, folder, office_ready, gui_reads
):
    shell = AppShell(data_dir, folder=folder)
    try:
        shell.start()
        with gui_reads.watching():
            unlock_as(qtbot, shell, *CHIEF)
            qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
            wait_for_operations(qtbot)
            assert shell.idle.is_active()
            with qtbot.waitSignal(shell.locked) as locked:
                shell.idle.inactive.emit()  # as the poll does once the interval has passed
            assert locked.args == ["idle"]
    finally:
        shell.shutdown()


def test_the_idle_minutes_read_on_the_runner_reach_the_timer(qtbot, shell, office_ready):
    open_as_chief(qtbot, shell)
    AdminService(shell.office).set_auto_lock_minutes(12)
    shell.lock("manual")
    unlock_as(qtbot, shell, *CHIEF)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    wait_for_operations(qtbot)
    assert shell.idle.interval_ms() == 12 * 60_000
    assert shell.idle.is_active()
