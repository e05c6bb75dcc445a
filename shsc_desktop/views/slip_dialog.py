"""Print a referral slip: for whom, in which language, and which of her details (if any).

The service decides what may be printed (:mod:`shsc_desktop.services.slips`, read on the background
runner when the dialog opens); this dialog only offers it. Identifying details are unticked by
default and offered only to roles that may view them; without her consent (and no override) the
dialog says why and prints nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError
from ..services.office import UnlockedOffice
from ..services.slips import SlipChoices, SlipRequest
from .builders import ERROR_STYLE, box_button, named, vbox, wrapped_label
from .file_dialogs import save_dialog
from .i18n import current_language, language_name, show_status
from .messages import error_text
from .operations import Task, run_in_background
from .printing import ask_printer, new_printer, print_pdf
from .session import session_of


class SlipDialog(QDialog):
    """Choose audience, language and consented details, then save the slip as PDF or print it."""

    def __init__(self, office: UnlockedOffice, referral_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slipDialog")
        self.service = session_of(office).services.slips
        self.referral_id = referral_id
        self.printer: QPrinter | None = None
        self.choices: SlipChoices | None = None
        self.audience = named(QComboBox(), "slipAudience")
        self.language = named(QComboBox(), "slipLanguage")
        for lang in ("km", "en"):
            self.language.addItem(language_name(lang), lang)
        self.language.setCurrentIndex(0 if current_language() == "km" else 1)
        self.form = QFormLayout()
        self.audience_label = QLabel()
        self.language_label = QLabel()
        self.form.addRow(self.audience_label, self.audience)
        self.form.addRow(self.language_label, self.language)
        self.details_box = named(QGroupBox(), "slipDetails")
        details = QVBoxLayout(self.details_box)
        self.details_note = wrapped_label()
        details.addWidget(self.details_note)
        self.fields: dict[str, QCheckBox] = {}
        for name in ("survivor_name", "survivor_phone", "survivor_address", "survivor_birth_date"):
            box = QCheckBox()
            box.setObjectName(f"slip_{name}")
            details.addWidget(box)
            self.fields[name] = box
        self.message = wrapped_label("slipMessage")
        self.buttons = QDialogButtonBox()
        self.save_button = box_button(self.buttons, "saveSlipButton", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = box_button(
            self.buttons, "printSlipButton", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.choose_file)
        self.print_button.clicked.connect(self.choose_printer)
        vbox(self, self.form, self.details_box, self.message, self.buttons)
        self.retranslate()
        self._apply_choices()  # nothing may be printed until the choices have arrived
        self.resize(520, 400)
        self.reading = run_in_background(
            self, lambda _t: self.service.choices(referral_id), self._show_choices, self._failed
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print referral slip"))
        current = self.audience.currentData()
        self.audience.clear()
        self.audience.addItem(self.tr("For the service provider"), "provider")
        self.audience.addItem(self.tr("For the survivor to carry"), "survivor")
        if current:
            self.audience.setCurrentIndex(self.audience.findData(current))
        self.audience_label.setText(self.tr("Slip:"))
        self.language_label.setText(self.tr("Language:"))
        self.details_box.setTitle(self.tr("Details that name her"))
        self.details_note.setText(
            self.tr(
                "Tick only what she agreed to have on the slip. The account of what happened is "
                "never printed."
            )
        )
        labels = {
            "survivor_name": self.tr("Name"),
            "survivor_phone": self.tr("Phone"),
            "survivor_address": self.tr("Address"),
            "survivor_birth_date": self.tr("Date of birth"),
        }
        for name, box in self.fields.items():
            box.setText(labels[name])
        self.save_button.setText(self.tr("Save as PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.close_button.setText(self.tr("Close"))
        if self.choices is not None and not self.choices.consent_ok:
            self.message.setText(
                self.tr(
                    "She has not agreed to this referral and the chief has not overridden it: "
                    "no slip can be printed."
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_choices(self, choices: SlipChoices) -> None:
        """The service's answer, read in the background: what may be printed, and whether at all."""
        self.choices = choices
        self.retranslate()
        self._apply_choices()

    def _apply_choices(self) -> None:
        ok = self.choices is not None and self.choices.consent_ok
        identifying = self.choices is not None and self.choices.may_print_identifying
        self.details_box.setVisible(identifying)
        for box in self.fields.values():
            box.setChecked(False)
        self.save_button.setEnabled(ok)
        self.print_button.setEnabled(ok)
        if not ok:
            self.message.setStyleSheet(ERROR_STYLE)

    def request(self) -> SlipRequest:
        chosen = frozenset(name for name, box in self.fields.items() if box.isChecked())
        return SlipRequest(
            self.referral_id, str(self.audience.currentData()), str(self.language.currentData()), chosen
        )

    def _busy(self, busy: bool) -> None:
        ok = not busy and self.choices is not None and self.choices.consent_ok
        self.save_button.setEnabled(ok)
        self.print_button.setEnabled(ok)

    def _failed(self, error: BaseException) -> None:
        assert isinstance(error, ShscError)
        self._busy(False)
        self.message.setStyleSheet(ERROR_STYLE)
        show_status(self.message, lambda: error_text(error))

    def choose_file(self) -> QFileDialog:
        code = self.choices.referral_code if self.choices else "slip"
        return save_dialog(
            self,
            self.tr("Save the referral slip as PDF"),
            "pdf",
            self.save,
            [self.tr("PDF documents (*.pdf)")],
            f"slip-{code}-{self.language.currentData()}.pdf",
        )

    def save(self, path: Path) -> None:
        request = self.request()
        self._busy(True)

        def done(_fields: list[str]) -> None:
            self._busy(False)
            self.message.setStyleSheet("")
            show_status(self.message, lambda: self.tr("Saved: %1").replace("%1", str(path)))

        run_in_background(self, lambda _t: self.service.referral_slip(request, path), done, self._failed)

    def choose_printer(self) -> QPrintDialog:
        if self.printer is None:
            self.printer = new_printer()
        return ask_printer(self, self.printer, self.tr("Print referral slip"), self.print_to)

    def print_to(self, printer: QPrinter) -> None:
        """Build the slip in memory and print it: no copy of it is ever written to disk."""
        request = self.request()
        self._busy(True)

        def work(task: Task) -> int:
            data = self.service.referral_slip_for_print(request)
            return print_pdf(data, printer, task.report, task.is_cancelled)

        def done(_pages: int) -> None:
            self._busy(False)
            self.message.setStyleSheet("")
            show_status(self.message, lambda: self.tr("The slip was sent to the printer."))

        run_in_background(self, work, done, self._failed)
