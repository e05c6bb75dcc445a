"""Fixtures for the widget tests: the application prepared like ``run_gui`` (bundled fonts,
compiled translations, English by default so assertions read naturally), a shell on a fresh
encrypted office, and helpers to wait for background operations and to answer message boxes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.views import i18n, operations
from shsc_desktop.views.app import register_fonts
from shsc_desktop.views.shell import AppShell
from shsc_desktop.views.wheel_guard import install_wheel_guard

from ..conftest import CHIEF, CLERK
from .gui_reads import GuiThreadReads


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files are build output (not in git): compile them when missing or stale."""
    i18n.compile_translations()


@pytest.fixture(autouse=True)
def prepared_app(qapp: QApplication) -> Iterator[QApplication]:
    register_fonts(qapp)
    install_wheel_guard(qapp)  # as prepare_application does
    i18n.set_language("en")
    yield qapp
    operations.cancel_all()
    operations.wait_for_all()
    QCoreApplication.processEvents()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.processEvents()
    i18n.set_language("en")


@pytest.fixture
def office_ready(new_office: tuple[UnlockedOffice, str]) -> tuple[UnlockedOffice, str]:
    """The office set up by ``new_office`` (chief + clerk), with the fixture's own session closed
    so that the GUI is the only one holding the database (key rotation needs that)."""
    office, recovery = new_office
    office.lock("fixture done")
    return office, recovery


@pytest.fixture
def shell(data_dir: Path, folder: OfficeFolder) -> Iterator[AppShell]:
    app_shell = AppShell(data_dir, folder=folder)
    yield app_shell
    app_shell.shutdown()


def wait_for_operations(qtbot, timeout: int = 15000) -> None:
    qtbot.waitUntil(lambda: operations.running_count() == 0, timeout=timeout)


def unlock_as(qtbot, shell: AppShell, username: str, password: str) -> None:
    """Type into the sign-in window like a user and press Enter."""
    window = shell.show_unlock()
    window.user.setCurrentText(username)
    window.password.clear()
    qtbot.keyClicks(window.password, password)
    from PySide6.QtCore import Qt

    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    wait_for_operations(qtbot)


def open_as_chief(qtbot, shell: AppShell):
    shell.start()
    unlock_as(qtbot, shell, *CHIEF)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    return shell.main_window


def open_as_clerk(qtbot, shell: AppShell, new_password: str = "clerk-new-password"):
    """The clerk was added by the chief, so the first sign-in forces a password change."""
    shell.start()
    unlock_as(qtbot, shell, *CLERK)
    qtbot.waitUntil(lambda: shell.password_dialog is not None)
    dialog = shell.password_dialog
    qtbot.keyClicks(dialog.old_password, CLERK[1])
    qtbot.keyClicks(dialog.new_password, new_password)
    qtbot.keyClicks(dialog.repeat_password, new_password)
    qtbot.mouseClick(dialog.ok_button, _left())
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    return shell.main_window


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def message_boxes(name: str = "messageBox") -> list[QMessageBox]:
    found: list[QMessageBox] = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
            found.append(widget)
    return found


def answer_confirmation(qtbot, confirm: bool = True) -> str:
    """Click the confirm (or cancel) button of the open confirmation box; returns its text."""
    qtbot.waitUntil(lambda: len(message_boxes("confirmBox")) == 1)
    box = message_boxes("confirmBox")[0]
    text = box.text()
    button = box.findChild(QPushButton, "confirmButton" if confirm else "cancelButton")
    qtbot.mouseClick(button, _left())
    return text


def find(widget: QWidget, kind: type, name: str):
    child = widget.findChild(kind, name)
    assert child is not None, f"no {kind.__name__} named {name}"
    return child


def choose(combo, code: str) -> None:
    """Pick the item whose code is ``code`` (fails loudly when the list has no such code)."""
    index = combo.findData(code)
    assert index >= 0, f"{combo.objectName()} has no {code!r}"
    combo.setCurrentIndex(index)


INCIDENT_ANSWERS = {
    "reported_by": "survivor",
    "first_contact": "yes",
    "location_type": "own_home",
    "time_of_day": "unknown",
    "previously_reported": "no",
    "goods_exchanged": "no",
    "survivor_sex": "female",
    "marital_status": "married_cohabiting",
    "disability": "none",
    "risk_level": "medium",
    "consent_services": "yes",
}


def answer_incident_questions(form, **answers: str) -> None:
    """Answer every coded question of an incident form as a clerk would (nothing is pre-answered);
    ``answers`` overrides single answers; perpetrator rows get sex and age group if unanswered."""
    for field, code in {**INCIDENT_ANSWERS, **answers}.items():
        choose(getattr(form, field), code)
    table = form.perpetrators
    for row in range(table.rowCount()):
        for column, code in (
            (table.COL_SEX, "male"),
            (table.COL_AGE_GROUP, "unknown"),
            (table.COL_RELATIONSHIP, "unknown"),
        ):
            if not table.combo(row, column).currentData():
                choose(table.combo(row, column), code)


@pytest.fixture
def gui_reads() -> Iterator[GuiThreadReads]:
    """The guard against database queries on the GUI thread (``tests/ui/gui_reads.py``)."""
    guard = GuiThreadReads()
    guard.install()
    yield guard
    guard.remove()
