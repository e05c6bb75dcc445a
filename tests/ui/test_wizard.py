"""First run: the setup wizard creates the office and shows the recovery key once."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWizard

from shsc_desktop.views.wizard import ACCOUNT_PAGE, PLACE_PAGE, RECOVERY_PAGE

from .conftest import wait_for_operations

LEFT = Qt.MouseButton.LeftButton


def click_indicator(qtbot, button) -> None:
    """Click a check box or radio button on its indicator, as a user would."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))


def _fill_account(qtbot, wizard, password: str = "new-chief-password", repeat: str | None = None) -> None:
    page = wizard.account_page
    for field in (page.username, page.full_name, page.password, page.repeat_password):
        field.clear()
    qtbot.keyClicks(page.username, "sokha")
    qtbot.keyClicks(page.full_name, "Sokha Example")
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.repeat_password, password if repeat is None else repeat)


def test_wizard_creates_a_commune_office_and_shows_the_recovery_key(qtbot, shell, folder, tmp_path):
    assert not folder.exists()
    shell.start()
    wizard = shell.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.level_page.radio["commune"].isChecked()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    assert wizard.currentId() == PLACE_PAGE
    place = wizard.place_page
    assert place.province.itemData(0) == "12"  # Phnom Penh first
    place.select(place.province, "12")
    place.select(place.district, "1201")
    place.select(place.commune, "120101")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    assert wizard.currentId() == ACCOUNT_PAGE

    create = wizard.button(QWizard.WizardButton.CommitButton)
    assert create.text() == "Create the office"
    _fill_account(qtbot, wizard, "short", "short")
    qtbot.mouseClick(create, LEFT)
    assert wizard.account_page.error.text() == "The password must have at least 8 characters."
    _fill_account(qtbot, wizard, "new-chief-password", "different-password")
    qtbot.mouseClick(create, LEFT)
    assert wizard.account_page.error.text() == "The two passwords are not the same."
    assert not folder.exists()

    _fill_account(qtbot, wizard)
    qtbot.mouseClick(create, LEFT)
    assert wizard.account_page.busy.isVisible()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY_PAGE)
    assert folder.exists()
    key_page = wizard.recovery_page
    assert key_page.key_label.text() == wizard.recovery_key != ""

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and not finish.isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    wizard.reject()  # closing is refused until the key is stored
    assert wizard.isVisible()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf = tmp_path / "recovery.pdf"
    printer.setOutputFileName(str(pdf))
    key_page.print_to(printer)
    assert pdf.read_bytes().startswith(b"%PDF")
    # The sheet carries the office keys' fingerprint: the record of them outside this PC.
    sheet = key_page.recovery_document().toPlainText()
    assert wizard.office is not None and wizard.office.keys is not None
    assert f"Office key fingerprint: {wizard.office.keys.fingerprint()}" in sheet

    click_indicator(qtbot, key_page.stored)
    assert key_page.stored.isChecked()
    assert finish.isEnabled()
    qtbot.mouseClick(finish, LEFT)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    assert not wizard.isVisible()
    assert shell.office.actor.username == "sokha"
    assert shell.office.info.code == "120101"
    assert "Tonle Basak" in shell.main_window.office_status.text()

    # The recovery key printed on the sheet opens the office.
    shell.lock()
    folder.unlock_with_recovery(wizard.recovery_key, "sokha", "after-recovery-pw").lock("test")


def test_ministry_level_skips_the_place_page(qtbot, shell, folder):
    shell.start()
    wizard = shell.wizard
    click_indicator(qtbot, wizard.level_page.radio["ministry"])
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    assert wizard.currentId() == ACCOUNT_PAGE
    assert "Ministry officer" in wizard.account_page.subTitle()
    _fill_account(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY_PAGE)
    assert folder.info().level == "ministry"
    from shsc_desktop.services.enrolment import EnrolmentService

    assert EnrolmentService(wizard.office).is_enrolled()  # its root exists, as after ``init``


def test_district_level_picks_a_district(qtbot, shell, folder):
    shell.start()
    wizard = shell.wizard
    click_indicator(qtbot, wizard.level_page.radio["district"])
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    place = wizard.place_page
    assert not place.commune.isVisible()
    place.select(place.district, "1202")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    _fill_account(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY_PAGE)
    assert (folder.info().level, folder.info().code) == ("district", "1202")
