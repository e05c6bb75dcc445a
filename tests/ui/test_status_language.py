"""A status line (what an action just did) follows a language switch made while the app runs: after
switching from English to Khmer and back, none is left in the language it was first written in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from shsc_desktop.services.demo import fill_demo_data

from .conftest import open_as_chief, wait_for_operations


@pytest.fixture
def demo_office(new_office):
    office, recovery = new_office
    fill_demo_data(office, months=2, seed=5)
    office.lock("fixture done")
    return office, recovery


def switch(window, lang: str) -> None:
    """Switch as the chief does: the language list on the Administration settings tab."""
    window.show_section("administration")
    admin = window.admin_page
    admin.language.setCurrentIndex(admin.language.findData(lang))
    QApplication.processEvents()


def translated(context: str, source: str, value: object) -> str:
    return QCoreApplication.translate(context, source).replace("%1", str(value))


def test_status_lines_follow_a_language_switch(qtbot, shell, demo_office, tmp_path):
    window = open_as_chief(qtbot, shell)

    window.show_section("reports")
    reports = window.reports_page
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: reports.stats is not None)
    pdf = tmp_path / "summary.pdf"
    reports.save_pdf(pdf)
    wait_for_operations(qtbot, timeout=60000)

    window.show_section("administration")
    admin = window.admin_page
    backup = tmp_path / "office.shscbak"
    admin.start_backup(backup)
    wait_for_operations(qtbot, timeout=60000)

    english = {
        "reports": f"Saved: {pdf}",
        "backup": f"The backup was saved and checked: {backup}",
    }
    shown = {"reports": reports.state, "backup": admin.backup_status}
    assert {name: label.text() for name, label in shown.items()} == english

    switch(window, "km")
    khmer = {
        "reports": translated("ReportsPage", "Saved: %1", pdf),
        "backup": translated("BackupPart", "The backup was saved and checked: %1", backup),
    }
    assert all(khmer[name] != english[name] for name in khmer)  # the Khmer translation is there
    assert {name: label.text() for name, label in shown.items()} == khmer

    switch(window, "en")
    assert {name: label.text() for name, label in shown.items()} == english

    # A text the page showed since (here: none) is not replaced by the earlier status.
    reports.state.clear()
    switch(window, "km")
    assert reports.state.text() == ""
