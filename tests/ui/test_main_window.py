"""The main window: navigation, status bar, locking (Ctrl+L, quick-hide, inactivity) and language."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from shsc_desktop.views import i18n
from shsc_desktop.views.main_window import SECTIONS
from shsc_desktop.views.shell import AppShell

from .conftest import open_as_chief


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


def test_inactivity_locks_and_activity_postpones_it(qtbot, data_dir, folder, office_ready):
    shell = AppShell(data_dir, folder=folder, idle_interval_ms=600)
    try:
        window = open_as_chief(qtbot, shell)
        office = shell.office
        # Key presses every 150 ms for 1.5 s: far longer than the interval, but never idle.
        end = time.monotonic() + 1.5
        while time.monotonic() < end:
            qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
            qtbot.wait(150)
        assert not office.locked and shell.main_window is window
        qtbot.waitUntil(lambda: office.locked, timeout=3000)
        assert shell.main_window is None
        assert shell.unlock_window.isVisible()
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
    assert "មេឃុំ" in window.user_status.text()  # the role label follows the language too
    combo.setCurrentIndex(combo.findData("en"))
    QCoreApplication.processEvents()
    assert window.navigation.item(1).text() == "Incidents"
    assert window.admin_page.tabs.tabText(0) == "Accounts"
    assert "Commune chief" in window.user_status.text()
