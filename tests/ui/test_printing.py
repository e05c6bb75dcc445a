"""Every Print button of the app prints, through its print dialog, and no print job touches the disk.

Each button is pressed as a user would; the print dialog that opens is answered with "print to a PDF
file" (the PDF printer every Windows PC has, "Microsoft Print to PDF", does the same) and the pages
that arrive are counted with PDFium. While a job runs, Python's audit hook records every file opened
for writing and every folder created: a print job must create none (the referral slip used to be
written as a plaintext PDF into the temp folder first). The temp folder is scanned after each job.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
# ruff: noqa: F811
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWizard

from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.demo import fill_demo_data
from shsc_desktop.services.incidents import IncidentDraft, IncidentService
from shsc_desktop.services.referrals import ReferralDraft, ReferralService
from shsc_desktop.views.wizard import RECOVERY_PAGE

from .conftest import open_as_chief, wait_for_operations
from .exchange_world import PERIOD, exchange_template, shells, sign_in, world_dir  # noqa: F401
from .test_wizard import _fill_account, click_indicator

LEFT = Qt.MouseButton.LeftButton
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class DiskWrites:
    """Files opened for writing and folders created by Python code while ``recording`` is set."""

    def __init__(self) -> None:
        self.recording = False
        self.seen: list[str] = []

    def __call__(self, event: str, args: tuple) -> None:
        if not self.recording:
            return
        if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
            mode, flags = args[1], args[2] if len(args) > 2 else 0
            if (isinstance(mode, str) and set(mode) & set("wax+")) or (flags or 0) & WRITE_FLAGS:
                self.seen.append(os.fsdecode(args[0]))
        elif event in ("os.mkdir", "tempfile.mkstemp", "tempfile.mkdtemp"):
            self.seen.append(os.fsdecode(args[0]))


_WRITES = DiskWrites()
sys.addaudithook(_WRITES)  # audit hooks cannot be removed; it records only inside `printing()`


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty temp folder for the app (Python's and Qt's), scanned after every job."""
    folder = tmp_path / "temp"
    folder.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def press_print(qtbot, button: QPushButton, out: Path, temp: Path, office: Path) -> int:
    """Click ``button``, answer its print dialog with a PDF file; the number of pages printed.

    The office's own folder is written to (the audit entry of the print and its anchor); nothing
    else may be."""
    assert button.isVisible() and button.isEnabled(), button.objectName()
    _WRITES.seen.clear()
    _WRITES.recording = True
    try:
        qtbot.mouseClick(button, LEFT)
        qtbot.waitUntil(lambda: _print_dialog() is not None)
        dialog = _print_dialog()
        dialog.printer().setOutputFileName(str(out))
        dialog.done(QDialog.DialogCode.Accepted)  # "Print", with "print to file" chosen
        wait_for_operations(qtbot, timeout=60000)
        qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=30000)
    finally:
        _WRITES.recording = False
    elsewhere = [p for p in _WRITES.seen if not Path(p).is_relative_to(office)]
    assert elsewhere == [], f"{button.objectName()} wrote to disk: {elsewhere}"
    assert list(temp.iterdir()) == [], f"{button.objectName()} left files in the temp folder"
    document = pdfium.PdfDocument(out.read_bytes())
    try:
        return len(document)
    finally:
        document.close()


def _print_dialog() -> QPrintDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QPrintDialog) and widget.isVisible():
            return widget
    return None


def print_buttons(window) -> set[str]:
    """The object names of every button whose text starts with "Print" in ``window``."""
    return {b.objectName() for b in window.findChildren(QPushButton) if b.text().startswith("Print")}


# ---------------------------------------------------------------------------------------------------


def test_the_recovery_key_page_prints_the_key(qtbot, shell, folder, tmp_path, private_temp):
    shell.start()
    wizard = shell.wizard
    click_indicator(qtbot, wizard.level_page.radio["ministry"])
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    _fill_account(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY_PAGE)
    page = wizard.recovery_page
    out = tmp_path / "key.pdf"
    assert press_print(qtbot, page.print_button, out, private_temp, folder.data_dir) == 1
    document = pdfium.PdfDocument(out.read_bytes())
    text = document[0].get_textpage().get_text_range()
    document.close()
    assert wizard.recovery_key in "".join(text.replace("\ufffe", "").split())  # it may wrap at a dash
    assert wizard.isVisible()  # printing did not crash or close the wizard


def _commune_with_a_referral(office) -> None:
    fill_demo_data(office, months=2, seed=5)
    provider = ContactService(office).create(
        ContactDraft("health_centre", frozenset({"health"}), name_en="Health Centre", phone="012345678")
    )
    incident = IncidentService(office).create(
        IncidentDraft(date_reported=date.today(), classification=(False, False, True), consent_services="yes")
    )
    ReferralService(office).create(incident.id, ReferralDraft("health", provider.id, date.today()))
    office.lock("fixture done")


def test_every_print_button_of_a_commune_prints(qtbot, shell, new_office, data_dir, tmp_path, private_temp):
    office, _ = new_office
    _commune_with_a_referral(office)
    window = open_as_chief(qtbot, shell)
    pressed: set[str] = set()

    window.show_section("reports")
    reports = window.reports_page
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: reports.stats is not None and reports.print_button.isEnabled())
    assert press_print(qtbot, reports.print_button, tmp_path / "summary.pdf", private_temp, data_dir) >= 2
    pressed.add(reports.print_button.objectName())

    window.show_section("contacts")
    contacts = window.contacts_page
    directory = tmp_path / "directory.pdf"
    assert press_print(qtbot, contacts.directory_button, directory, private_temp, data_dir) >= 1
    pressed.add(contacts.directory_button.objectName())

    window.show_section("referrals")
    referrals = window.referrals_page
    wait_for_operations(qtbot)
    referrals.lists.setCurrentWidget(referrals.all_box)
    qtbot.waitUntil(lambda: referrals.all_model.rowCount() > 0)
    referrals.all_table.selectRow(0)
    referrals._all_chosen(None)
    wait_for_operations(qtbot)  # the incident's referrals are read in the background
    referrals.referral_table.selectRow(0)
    qtbot.mouseClick(referrals.slip_button, LEFT)
    slip = referrals.slip_dialog
    wait_for_operations(qtbot)  # what the slip may show is read in the background
    assert press_print(qtbot, slip.print_button, tmp_path / "slip.pdf", private_temp, data_dir) == 1
    pressed.add(referrals.slip_button.objectName())  # opens the slip dialog, whose Print… prints
    slip.close()

    assert print_buttons(window) <= pressed


@pytest.mark.parametrize("code", ["1201", "MOWA"])
def test_the_district_and_ministry_summaries_print(qtbot, shells, world_dir, tmp_path, private_temp, code):
    window = sign_in(qtbot, shells, world_dir, code)
    window.show_section("exchange")
    totals = window.exchange_page.totals
    window.exchange_page.tabs.setCurrentWidget(totals)
    totals.show_month(PERIOD)
    wait_for_operations(qtbot)
    assert press_print(qtbot, totals.print_button, tmp_path / f"{code}.pdf", private_temp, world_dir) >= 1
    assert print_buttons(window) <= {totals.print_button.objectName()}


@pytest.fixture(autouse=True)
def _no_recording_leak() -> Iterator[None]:
    yield
    _WRITES.recording = False
