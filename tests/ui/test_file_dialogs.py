"""File dialogs open in Documents (or the folder last used for the same purpose), never in the working
folder: the Start-menu shortcut used to start the app in C:\\Program Files\\SHSC Desktop, where the
first backup or PDF failed with "Access is denied"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from shsc_desktop.views.exchange_common import choose_path

from .conftest import open_as_chief, wait_for_operations


@pytest.fixture
def office_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user with a Documents folder, running the app from a program folder (the working folder)."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    program = tmp_path / "Program Files" / "SHSC Desktop"
    program.mkdir(parents=True)
    monkeypatch.chdir(program)
    return home / "Documents"


def opened_in(dialog: QFileDialog) -> Path:
    folder = Path(dialog.directory().absolutePath())
    dialog.reject()
    return folder


def test_every_dialog_of_the_office_opens_in_documents(qtbot, shell, office_ready, office_pc):
    window = open_as_chief(qtbot, shell)
    contacts, reports, admin = window.contacts_page, window.reports_page, window.admin_page
    dialogs = {
        "backup": admin.choose_backup_target,
        "restore": admin.choose_restore_file,
        "summary PDF": reports.choose_pdf_file,
        "directory import": contacts.choose_import_file,
        "directory export": contacts.choose_export_file,
        "directory PDF": contacts.choose_directory_file,
        "bundle folder": lambda: choose_path(window, "bundle", lambda _paths: None, folder=True),
    }
    for name, open_dialog in dialogs.items():
        assert opened_in(open_dialog()) == office_pc, name
    # the suggested file name goes into Documents too, not into the program folder
    dialog = reports.choose_pdf_file()
    assert Path(dialog.selectedFiles()[0]).parent == office_pc
    dialog.reject()


def test_the_last_folder_is_remembered_per_purpose(qtbot, shell, office_ready, office_pc, tmp_path):
    window = open_as_chief(qtbot, shell)
    admin, reports = window.admin_page, window.reports_page
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = admin.choose_backup_target()
    dialog.selectFile(str(usb / "office.shscbak"))
    dialog.accept()
    wait_for_operations(qtbot, timeout=60000)
    qtbot.waitUntil(lambda: (usb / "office.shscbak").exists(), timeout=30000)
    assert opened_in(admin.choose_backup_target()) == usb  # the next backup goes to the same stick
    assert opened_in(reports.choose_pdf_file()) == office_pc  # another purpose: still Documents
    shutil.rmtree(usb)  # the stick is gone
    assert opened_in(admin.choose_backup_target()) == office_pc


def test_the_sign_in_windows_restore_opens_in_documents(qtbot, shell, office_ready, office_pc):
    shell.start()
    assert opened_in(shell.unlock_window.choose_backup_file()) == office_pc
