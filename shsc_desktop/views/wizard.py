"""First-run setup: the office level, its place in the gazetteer, the first administrator's account,
and the recovery key, shown once, to print and store.

Creating the office derives keys with Argon2id, so it runs in the background behind a busy bar. The
account page is a commit page: once the office exists there is no way back, and the wizard can only
be finished after the "I have stored the recovery key" box is ticked.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QMarginsF, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..errors import ShscError
from ..models import gazetteer
from ..models.codes import OFFICE_LEVEL, ROLE
from ..security.permissions import ADMIN_ROLE_BY_LEVEL
from ..services.office import OfficeFolder, UnlockedOffice
from .builders import busy_bar, error_label, field_form, line_field, password_field
from .dialogs import password_problem, show_problem
from .form_helpers import set_field_label
from .i18n import LANGUAGES, current_language
from .look import note_style
from .messages import error_text
from .operations import run_in_background
from .printing import ask_printer, new_printer
from .retranslating import Retranslating
from .screen import fit_to_screen
from .unlock import language_combo

LEVEL_PAGE, PLACE_PAGE, ACCOUNT_PAGE, RECOVERY_PAGE = range(4)
LEVELS = ("commune", "district", "ministry")


class LevelPage(Retranslating, QWizardPage):
    """Which kind of office this computer serves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelPage")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language_label = QLabel()
        self.language = language_combo()
        self.buttons = QButtonGroup(self)
        self.radio: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        language_row = QHBoxLayout()
        language_row.addStretch(1)
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language)
        layout.addLayout(language_row)
        layout.addWidget(self.intro)
        for level in LEVELS:
            radio = QRadioButton()
            radio.setObjectName(f"level_{level}")
            self.buttons.addButton(radio)
            self.radio[level] = radio
            layout.addWidget(radio)
        layout.addStretch(1)
        self.radio["commune"].setChecked(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to SHSC Desktop"))
        self.setSubTitle(self.tr("Set up this computer for your office. This is done once."))
        self.intro.setText(self.tr("Which office will use this computer?"))
        self.language_label.setText(self.tr("Language:"))
        for level, radio in self.radio.items():
            radio.setText(OFFICE_LEVEL.label(level, current_language()))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(LANGUAGES.index(current_language()))
        self.language.blockSignals(False)

    def level(self) -> str:
        return next(level for level, radio in self.radio.items() if radio.isChecked())

    def nextId(self) -> int:
        return ACCOUNT_PAGE if self.level() == "ministry" else PLACE_PAGE


class PlacePage(Retranslating, QWizardPage):
    """The commune (or district) from the gazetteer: province, then district or khan, then commune."""

    def __init__(self, level_page: LevelPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placePage")
        self.level_page = level_page
        self.province = QComboBox()
        self.province.setObjectName("province")
        self.district = QComboBox()
        self.district.setObjectName("district")
        self.commune = QComboBox()
        self.commune.setObjectName("commune")
        self.form = field_form((self.province, self.district, self.commune), QFormLayout(self))
        self.province.currentIndexChanged.connect(self._fill_districts)
        self.district.currentIndexChanged.connect(self._fill_communes)
        self.commune.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        self.district.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        self._fill_provinces()
        self.retranslate()

    def retranslate(self) -> None:
        commune_level = self.level_page.level() == "commune"
        self.setTitle(
            self.tr("Where is the office?") if commune_level else self.tr("Which district or khan?")
        )
        self.setSubTitle(
            self.tr("Choose the province, then the district or khan, then the commune or sangkat.")
            if commune_level
            else self.tr("Choose the province, then the district or khan.")
        )
        set_field_label(self.form, self.province, self.tr("Province or capital:"))
        set_field_label(self.form, self.district, self.tr("District or khan:"))
        set_field_label(self.form, self.commune, self.tr("Commune or sangkat:"))
        lang = current_language()
        for combo in (self.province, self.district, self.commune):
            for i in range(combo.count()):
                place = combo.itemData(i, Qt.ItemDataRole.UserRole + 1)
                combo.setItemText(i, f"{place.name(lang)} ({place.code})")

    def initializePage(self) -> None:
        commune_level = self.level_page.level() == "commune"
        self.commune.setVisible(commune_level)
        self.form.labelForField(self.commune).setVisible(commune_level)
        self.retranslate()

    @staticmethod
    def _fill(combo: QComboBox, places: list[gazetteer.Place]) -> None:
        lang = current_language()
        combo.blockSignals(True)
        combo.clear()
        for place in places:
            combo.addItem(f"{place.name(lang)} ({place.code})", place.code)
            combo.setItemData(combo.count() - 1, place, Qt.ItemDataRole.UserRole + 1)
        combo.blockSignals(False)

    def _fill_provinces(self) -> None:
        self._fill(self.province, gazetteer.provinces())  # Phnom Penh first
        self._fill_districts()

    def _fill_districts(self) -> None:
        code = self.province.currentData()
        self._fill(self.district, gazetteer.districts(code) if code else [])
        self._fill_communes()

    def _fill_communes(self) -> None:
        code = self.district.currentData()
        self._fill(self.commune, gazetteer.communes(code) if code else [])
        self.completeChanged.emit()

    def select(self, combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        if index < 0:
            raise LookupError(code)
        combo.setCurrentIndex(index)

    def code(self) -> str:
        if self.level_page.level() == "commune":
            return str(self.commune.currentData() or "")
        return str(self.district.currentData() or "")

    def isComplete(self) -> bool:
        return bool(self.code())


class AccountPage(Retranslating, QWizardPage):
    """The first administrator (the chief, or the district or ministry officer)."""

    def __init__(self, setup: SetupWizard) -> None:
        super().__init__()
        self.setObjectName("accountPage")
        self.setup = setup
        self.setCommitPage(True)
        self.username = line_field("username")
        self.full_name = line_field("fullName")
        self.password = password_field("password")
        self.repeat_password = password_field("repeatPassword")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = error_label()
        self.busy = busy_bar()
        self.busy_label = QLabel()
        self.busy_label.hide()
        self.form = field_form((self.username, self.full_name, self.password, self.repeat_password))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self.creating = False
        self.retranslate()

    def retranslate(self) -> None:
        level = self.setup.level_page.level()
        role = ROLE.label(ADMIN_ROLE_BY_LEVEL[level].value, current_language())
        self.setTitle(self.tr("The administrator's account"))
        self.setSubTitle(
            self.tr("This account (%1) manages the office's users and settings.").replace("%1", role)
        )
        set_field_label(self.form, self.username, self.tr("User name:"))
        set_field_label(self.form, self.full_name, self.tr("Full name:"))
        set_field_label(self.form, self.password, self.tr("Password:"))
        set_field_label(self.form, self.repeat_password, self.tr("Password again:"))
        self.hint.setText(
            self.tr(
                "The password protects the records of survivors: at least 8 characters, known only to you. "
                "If it is forgotten, only the recovery key on the next page can open the office."
            )
        )
        self.busy_label.setText(self.tr("Creating the encrypted office…"))

    def initializePage(self) -> None:
        self.retranslate()

    def problem(self) -> str:
        if not self.username.text().strip():
            return self.tr("Enter a user name.")
        if len(self.username.text().strip()) > 64:
            return self.tr("The user name can have at most 64 characters.")
        return password_problem(self.password.text(), self.repeat_password.text())

    def validatePage(self) -> bool:
        if self.setup.office is not None:
            return True
        if self.creating:
            return False
        problem = self.problem()
        show_problem(self.error, problem)
        if not problem:
            self._create()
        return False  # the wizard moves on by itself once the office exists

    def _create(self) -> None:
        level = self.setup.level_page.level()
        code = self.setup.place_page.code() if level != "ministry" else ""
        username, full_name = self.username.text().strip(), self.full_name.text().strip()
        password = self.password.text()
        folder = self.setup.folder
        self._set_busy(True)

        def create(_task: object) -> tuple[UnlockedOffice, str]:
            office, recovery = folder.create(level, code, username, password, full_name)
            if level == "ministry":  # the trust anchor, as ``shsc-desktop init`` creates it
                from ..services.enrolment import EnrolmentService

                EnrolmentService(office).create_root()
            return office, recovery

        run_in_background(
            self,
            create,
            on_success=self._created,
            on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.creating = busy
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        for field in (self.username, self.full_name, self.password, self.repeat_password):
            field.setEnabled(not busy)
        for button in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.BackButton):
            self.setup.button(button).setEnabled(not busy)

    def _created(self, result: tuple[UnlockedOffice, str]) -> None:
        self._set_busy(False)
        self.setup.office, self.setup.recovery_key = result
        self.password.clear()
        self.repeat_password.clear()
        self.setup.next()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        assert isinstance(error, ShscError)
        show_problem(self.error, error_text(error))


class RecoveryKeyPage(Retranslating, QWizardPage):
    """The recovery key, shown once, with Print and the "I have stored it" box."""

    def __init__(self, setup: SetupWizard) -> None:
        super().__init__()
        self.setObjectName("recoveryKeyPage")
        self.setup = setup
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.key_label = QLabel()
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        key_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        key_font.setPointSizeF(self.font().pointSizeF() * 1.4)
        key_font.setBold(True)
        self.key_label.setFont(key_font)
        self.key_label.setStyleSheet(note_style("#fffbe6", 12) + " border: 1px solid #888;")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printButton")
        self.stored = QCheckBox()
        self.stored.setObjectName("storedCheckbox")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.key_label)
        layout.addWidget(self.advice)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.stored)
        self.print_button.clicked.connect(self.open_print_dialog)
        self.stored.toggled.connect(lambda _checked: self.completeChanged.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The recovery key"))
        self.setSubTitle(self.tr("It is shown only this once."))
        self.intro.setText(
            self.tr(
                "If every password is forgotten, this key is the only way to open the office's records. "
                "Print it or write it down now."
            )
        )
        self.advice.setText(
            self.tr(
                "Keep the paper in a sealed envelope in a locked place, away from this computer. Anyone who "
                "has the key can open the records."
            )
        )
        self.print_button.setText(self.tr("Print…"))
        self.stored.setText(self.tr("I have printed or written down the recovery key and stored it safely."))

    def initializePage(self) -> None:
        self.key_label.setText(self.setup.recovery_key)
        self.stored.setChecked(False)

    def isComplete(self) -> bool:
        return self.stored.isChecked()

    def recovery_document(self) -> QTextDocument:
        """The printed sheet: plain text only (no HTML), in the bundled fonts."""
        lang = current_language()
        office = self.setup.office
        document = QTextDocument()
        document.setDefaultFont(QFont(self.font()))
        cursor = QTextCursor(document)
        title_format = cursor.charFormat()
        title_format.setFontPointSize(16)
        title_format.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(self.tr("SHSC Desktop – recovery key"), title_format)
        body = QTextCursor(document).charFormat()
        body.setFontPointSize(11)
        cursor.insertBlock()
        if office is not None:
            info = office.info
            cursor.insertText(
                self.tr("Office: %1 (code %2)")
                .replace("%1", info.name(lang))
                .replace("%2", info.code or "–"),
                body,
            )
            cursor.insertBlock()
        cursor.insertText(self.tr("Date: %1").replace("%1", date.today().isoformat()), body)
        cursor.insertBlock()
        cursor.insertBlock()
        key_format = cursor.charFormat()
        key_format.setFontFamilies([QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()])
        key_format.setFontPointSize(13)  # the whole key on one line of A4 (a wrapped key misleads)
        key_format.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(self.setup.recovery_key, key_format)
        cursor.insertBlock()
        cursor.insertBlock()
        if office is not None and office.keys is not None:
            # The one record of the office's keys outside this PC: compared with
            # "verify-office --fingerprint" it shows whether someone replaced them.
            cursor.insertText(
                self.tr("Office key fingerprint: %1").replace("%1", office.keys.fingerprint()), body
            )
            cursor.insertBlock()
            cursor.insertText(
                self.tr(
                    "If the app ever shows another fingerprint, the office's keys were replaced: "
                    "call the district."
                ),
                body,
            )
            cursor.insertBlock()
            cursor.insertBlock()
        cursor.insertText(self.intro.text(), body)
        cursor.insertBlock()
        cursor.insertText(self.advice.text(), body)
        return document

    def print_to(self, printer: QPrinter) -> None:
        printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
        self.recovery_document().print_(printer)

    def open_print_dialog(self) -> QPrintDialog:
        self._printer = new_printer()  # kept alive while the dialog is open
        return ask_printer(self, self._printer, self.tr("Print the recovery key"), self.print_to)


class SetupWizard(Retranslating, QWizard):
    """First-run setup.

    Signals:
        office_ready(object): the created ``UnlockedOffice``, when Finish is clicked.
        language_requested(str): "km" or "en".
    """

    office_ready = Signal(object)
    language_requested = Signal(str)

    def __init__(self, folder: OfficeFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.folder = folder
        self.office: UnlockedOffice | None = None
        self.recovery_key = ""
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.level_page = LevelPage()
        self.place_page = PlacePage(self.level_page)
        self.account_page = AccountPage(self)
        self.recovery_page = RecoveryKeyPage(self)
        self.setPage(LEVEL_PAGE, self.level_page)
        self.setPage(PLACE_PAGE, self.place_page)
        self.setPage(ACCOUNT_PAGE, self.account_page)
        self.setPage(RECOVERY_PAGE, self.recovery_page)
        self.level_page.language.currentIndexChanged.connect(
            lambda index: self.language_requested.emit(LANGUAGES[index])
        )
        self.retranslate()
        fit_to_screen(self, 1100, 720)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SHSC Desktop – setup"))
        # Qt ships no Khmer texts for its own buttons.
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the office"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def accept(self) -> None:
        if self.office is None or not self.recovery_page.stored.isChecked():
            return
        self.office_ready.emit(self.office)  # the main window opens before this one closes
        super().accept()

    def reject(self) -> None:
        if self.office is not None:
            return  # the office exists: the recovery key must be confirmed before leaving
        super().reject()
