"""The main window: navigation, status bar, locking (Ctrl+L, quick-hide, inactivity) and language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from shsc_desktop.views import i18n
from shsc_desktop.views.main_window import SECTIONS
from shsc_desktop.views.shell import AppShell

from .conftest import open_as_chief, wait_for_operations


def test_navigation_shows_each_section(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    assert window.current_section() == "home"
    labels = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert labels == [
        "Home",
        "Incidents",
        "Referrals",
        "Meetings",
        "Contacts",
        "Reports",
        "Exchange",
        "Administration",
    ]
    for row, section in enumerate(SECTIONS):
        rect = window.navigation.visualItemRect(window.navigation.item(row))
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.pages.currentWidget().widget() is window.page_by_section[section]
        if section in window.placeholder_pages:
            page = window.placeholder_pages[section]
            assert page.message.text() == "This section arrives in a later version."
            assert page.heading.text() == labels[row]
    assert window.pages.currentWidget().widget() is window.admin_page


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_ctrl_l_locks_at_once(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    office = shell.office
    _activate(qtbot, window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert office.locked
    assert shell.office is None and shell.main_window is None
    assert shell.unlock_window.isVisible()


def test_quick_hide_blanks_and_locks(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    office = shell.office
    _activate(qtbot, window)
    with qtbot.waitSignal(shell.locked) as locked:
        qtbot.keyClick(
            window.navigation,
            Qt.Key.Key_H,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert locked.args == ["quick-hide"]
    assert office.locked and not window.isVisible()
    assert shell.unlock_window.isVisible()


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_inactivity_locks_and_activity_postpones_it(qtbot, data_dir, folder, office_ready):
    clock = FakeClock()
    shell = AppShell(data_dir, folder=folder, idle_interval_ms=600, idle_clock=clock)
    try:
        window = open_as_chief(qtbot, shell)
        office = shell.office
        wait_for_operations(qtbot)  # work still running postpones the lock until it is done
        # A key press every 0.4 s for 4 s: far longer than the 0.6 s interval, but never idle.
        for _ in range(10):
            clock.advance(0.4)
            shell.idle.check()
            qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
        wait_for_operations(qtbot)  # the pages the keys opened finish loading (the clock stands still)
        shell.idle.check()
        assert not office.locked and shell.main_window is window
        clock.advance(0.599)
        shell.idle.check()
        assert not office.locked  # not yet: 1 ms short of the interval
        clock.advance(0.001)
        with qtbot.waitSignal(shell.locked) as locked:
            shell.idle.check()
        assert locked.args == ["idle"]
        assert office.locked
        assert shell.main_window is None
        assert shell.unlock_window.isVisible()
    finally:
        shell.shutdown()


def test_the_poll_locks_without_help_from_the_test(qtbot, data_dir, folder, office_ready):
    shell = AppShell(data_dir, folder=folder)
    try:
        open_as_chief(qtbot, shell)
        office = shell.office
        shell.idle.set_interval_ms(300)  # only once the window is up: a loaded machine is slow to show it
        qtbot.waitUntil(lambda: office.locked, timeout=10000)
        assert shell.main_window is None
    finally:
        shell.shutdown()


def test_auto_lock_minutes_come_from_the_office_setting(qtbot, shell, office_ready):
    open_as_chief(qtbot, shell)
    assert shell.idle.interval_ms() == 5 * 60_000
    assert shell.idle.is_active()


def test_language_switch_changes_visible_texts_and_back(qtbot, shell, office_ready, data_dir):
    window = open_as_chief(qtbot, shell)
    window.show_section("administration")
    combo = window.admin_page.language
    assert window.navigation.item(1).text() == "Incidents"
    combo.setCurrentIndex(combo.findData("km"))
    QCoreApplication.processEvents()
    assert i18n.current_language() == "km"
    assert i18n.saved_language(data_dir) == "km"
    assert window.navigation.item(1).text() == "ឧប្បត្តិហេតុ"
    assert window.admin_page.tabs.tabText(0) != "Accounts"
    # the page's tabs in their own modules (admin_backup, admin_audit, admin_settings) follow too
    assert window.admin_page.backup_button.text() == "បម្រុងទុកឥឡូវនេះ…"
    assert window.admin_page.verify_audit_button.text() == "ផ្ទៀងផ្ទាត់កំណត់ហេតុសវនកម្ម"
    assert window.admin_page.perpetrator_names.text() != "Record them"
    assert "មេឃុំ" in window.user_status.text()  # the role label follows the language too
    combo.setCurrentIndex(combo.findData("en"))
    QCoreApplication.processEvents()
    assert window.navigation.item(1).text() == "Incidents"
    assert window.admin_page.tabs.tabText(0) == "Accounts"
    assert "Commune chief" in window.user_status.text()
