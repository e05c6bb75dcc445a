"""The incident form's identifying details (name, phone, address, date of birth, narrative): shown
to permitted roles only, folded until opened, and for a stored incident read only when opened
(``IncidentService.get_identifying`` audits each view)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError
from ..services.incidents import IdentifyingDetails
from .builders import named
from .form_helpers import OptionalDateEdit, field_form, set_field_label
from .messages import error_text
from .operations import run_in_background

ProblemLabel = Callable[[str], QLabel]
"""The form's problem label of a field key (``FieldProblems.label``)."""


class IdentifyingSection(QWidget):
    """The toggle, a note on the audit log, and the identifying fields under them.

    ``incident_id`` is the stored incident's (``None`` for a new one); ``load`` reads its details
    (in the background); ``can_identify`` whether this user may see them at all.
    """

    def __init__(
        self,
        problem: ProblemLabel,
        incident_id: str | None,
        load: Callable[[str], IdentifyingDetails],
        can_identify: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("identifyingSection")
        self.incident_id = incident_id
        self.load = load
        self.can_identify = can_identify
        self.loaded: IdentifyingDetails | None = None
        self.opened = False
        # What a draft held in the identifying fields of a stored incident: put back once the stored
        # details have loaded (they would otherwise overwrite it).
        self.typed: dict[str, Any] | None = None
        self.identifying_toggle = named(QToolButton(), "identifyingToggle")
        self.identifying_toggle.setCheckable(True)
        self.identifying_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.identifying_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.identifying_toggle.setProperty("formState", False)
        self.identifying_note = QLabel()
        self.identifying_note.setWordWrap(True)
        self.survivor_name = named(QLineEdit(), "survivorName")
        self.survivor_phone = named(QLineEdit(), "survivorPhone")
        self.survivor_address = named(QLineEdit(), "survivorAddress")
        self.birth_date = OptionalDateEdit("survivorBirthDate")
        self.narrative = named(QPlainTextEdit(), "narrative")
        self.narrative.setTabChangesFocus(True)
        self.narrative.setMinimumHeight(100)
        self.identifying_box = named(QGroupBox(), "identifyingBox")
        self.identifying_form = field_form(
            problem,
            [
                (self.survivor_name, "survivor_name"),
                (self.survivor_phone, "survivor_phone"),
                (self.survivor_address, "survivor_address"),
                (self.birth_date, "survivor_birth_date"),
                (self.narrative, "narrative"),
            ],
            self.identifying_box,
        )
        self.identifying_box.hide()
        ident_layout = QVBoxLayout(self)
        ident_layout.setContentsMargins(0, 0, 0, 0)
        ident_layout.addWidget(self.identifying_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        ident_layout.addWidget(self.identifying_note)
        ident_layout.addWidget(self.identifying_box)
        self.setVisible(can_identify)
        self.identifying_toggle.toggled.connect(self.toggle)

    def retranslate(self) -> None:
        self.identifying_toggle.setText(self.tr("Identifying details (name, phone, address, narrative)"))
        self.identifying_note.setText(
            self.tr("Opening this section is recorded in the audit log. Close it when someone is watching.")
        )
        self.identifying_box.setTitle(self.tr("Identifying details"))
        set_field_label(self.identifying_form, self.survivor_name, self.tr("Name:"))
        set_field_label(self.identifying_form, self.survivor_phone, self.tr("Phone:"))
        set_field_label(self.identifying_form, self.survivor_address, self.tr("Address:"))
        set_field_label(self.identifying_form, self.birth_date, self.tr("Date of birth:"))
        set_field_label(self.identifying_form, self.narrative, self.tr("What happened (her words):"))

    # -- values -----------------------------------------------------------------------------------

    def details(self, perpetrator_count: int) -> IdentifyingDetails | None:
        """Only what the user could see: unchanged (``None``) unless the section was opened. The
        perpetrators' names are kept for the ``perpetrator_count`` rows the form still has."""
        if not self.can_identify or not self.opened:
            return None
        if self.incident_id is not None and self.loaded is None:
            return None  # still loading: never overwrite with empty fields
        names = self.loaded.perpetrator_names if self.loaded else ()
        details = IdentifyingDetails(
            survivor_name=self.survivor_name.text(),
            survivor_phone=self.survivor_phone.text(),
            survivor_address=self.survivor_address.text(),
            survivor_birth_date=self.birth_date.value(),
            narrative=self.narrative.toPlainText(),
            perpetrator_names=names[:perpetrator_count],
        )
        if self.incident_id is None and details == IdentifyingDetails():
            return None
        return details

    def reopen(self) -> None:
        """Open the section again for a restored draft; what it holds wins over the stored details."""
        if not self.can_identify:
            return
        if self.incident_id is not None:
            self.typed = self._values()
        self.identifying_toggle.setChecked(True)

    def _values(self) -> dict[str, Any]:
        return {
            "name": self.survivor_name.text(),
            "phone": self.survivor_phone.text(),
            "address": self.survivor_address.text(),
            "birth_date": self.birth_date.value(),
            "narrative": self.narrative.toPlainText(),
        }

    def _show(self, values: dict[str, Any]) -> None:
        self.survivor_name.setText(values["name"])
        self.survivor_phone.setText(values["phone"])
        self.survivor_address.setText(values["address"])
        self.birth_date.set_value(values["birth_date"])
        self.narrative.setPlainText(values["narrative"])

    # -- opening ----------------------------------------------------------------------------------

    def toggle(self, shown: bool) -> None:
        self.identifying_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if not shown:
            self.identifying_box.hide()
            return
        if not self.can_identify:
            return
        self.opened = True
        if self.incident_id is None or self.loaded is not None:
            self.identifying_box.show()
            return
        incident_id = self.incident_id
        self.identifying_note.setText(self.tr("Loading…"))

        def loaded(details: IdentifyingDetails) -> None:
            self.loaded = details
            self._show(
                {
                    "name": details.survivor_name,
                    "phone": details.survivor_phone,
                    "address": details.survivor_address,
                    "birth_date": details.survivor_birth_date,
                    "narrative": details.narrative,
                }
            )
            if self.typed is not None:  # a reopened draft: what she had typed wins
                self._show(self.typed)
                self.typed = None
            self.identifying_note.setText(self.tr("This view has been recorded in the audit log."))
            self.identifying_box.setVisible(self.identifying_toggle.isChecked())

        def failed(error: BaseException) -> None:
            assert isinstance(error, ShscError)
            self.opened = False
            self.identifying_toggle.setChecked(False)
            self.identifying_note.setText(error_text(error))

        run_in_background(self, lambda _t: self.load(incident_id), loaded, failed)
