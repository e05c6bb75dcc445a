"""The incident form: the GBVIMS classification helper, the survivor and the perpetrators, the
commune's response, consent, and (for permitted roles only) the identifying details.

The GBV type is never chosen from a list: the six questions of the GBVIMS classification tool are
asked in order and the first "yes" decides (``models.codes.classify``). Case context such as
intimate partner violence is derived and shown read-only. Identifying details are fetched only when
the user opens their section (``IncidentService.get_identifying`` audits each view), and only roles
with ``VIEW_IDENTIFYING`` see that section at all.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import MonthLocked, ShscError
from ..models import codes
from ..models.codes import CASE_CONTEXT
from ..security.permissions import Perm, Role
from ..services import caseworkers
from ..services.incidents import (
    IdentifyingDetails,
    IncidentDraft,
    IncidentView,
    PerpetratorDraft,
    case_context,
)
from ..services.months import MonthStatus
from ..services.office import UnlockedOffice
from ..services.reporting.catalogue import is_ipv
from ..values.changes import Changes
from ..values.contacts import ContactView
from .form_helpers import (
    ERROR_STYLE,
    UNANSWERED,
    FieldProblems,
    OptionalDateEdit,
    add_field_rows,
    age_spin,
    checked_codes,
    code_combo,
    code_of,
    fill_codes,
    fill_question,
    fill_villages,
    refuse_bad_dates,
    set_checked,
    set_code,
    set_field_label,
    spin_age,
)
from .i18n import current_language
from .look import note_style
from .messages import error_text, show_error
from .operations import run_in_background, run_write
from .record_form import RecordForm
from .screen import FoldingColumns, fit_to_screen
from .session import session_of

QUESTION_COUNT = len(codes.CLASSIFICATION_QUESTIONS)
FIRST_CONTACT = codes.CodeList(
    "first_point_of_contact", [(c.code, c.en, c.km) for c in codes.YES_NO_UNKNOWN if c.code in ("yes", "no")]
)
"""Was the commune her first point of contact: a yes/no fact (the record holds a boolean)."""


def _yes_no(code: str) -> bool | None:
    """``True``/``False`` for "yes"/"no"; ``None`` while unanswered (the service refuses it)."""
    return {"yes": True, "no": False}.get(code)


def _answer(combo: QComboBox) -> str:
    """The combo's code, or "" while it is disabled (a question its route does not ask)."""
    return code_of(combo) if combo.isEnabled() else ""


class FieldHelp:
    """The "?" beside a field: one click shows its one-line definition under the box (a second
    click hides it); the same text is the field's and the button's tooltip and "What's this?"."""

    def __init__(self, form: QWidget) -> None:
        self.form = form
        self.buttons: dict[str, QToolButton] = {}
        self.captions: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self.note_of: dict[str, QLabel] = {}
        self.texts: dict[str, str] = {}
        self.shown: dict[int, str | None] = {}
        self._pending: list[str] = []

    def rows(self, form: QFormLayout, rows: list[tuple[QWidget, QLabel, str]]) -> None:
        """Add each field with its "?" and its problem label under it."""
        for field, problem, key in rows:
            problem.setBuddy(field)
            holder = QWidget()
            holder.setObjectName(f"{field.objectName()}Holder")
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            line = QHBoxLayout()
            line.addWidget(field, 1)
            button = QToolButton()
            button.setObjectName(f"help_{key}")
            button.setText("?")
            button.clicked.connect(lambda _checked=False, k=key: self.toggle(k))
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            box.addLayout(line)
            box.addWidget(problem)
            caption = QLabel()
            caption.setWordWrap(True)
            caption.setBuddy(field)
            form.addRow(caption, holder)
            self.buttons[key] = button
            self.captions[key] = caption
            self.fields[key] = field
            self._pending.append(key)

    def note_for(self, box: QWidget) -> QLabel:
        """The label under ``box`` where the definitions of the rows added so far appear."""
        note = QLabel()
        note.setObjectName(f"help_{box.objectName()}")
        note.setWordWrap(True)
        note.setStyleSheet(note_style("#f3f0f7"))
        note.hide()
        for key in self._pending:
            self.note_of[key] = note
        self._pending = []
        return note

    def set_texts(self, captions: dict[str, str], texts: dict[str, str]) -> None:
        self.texts = texts
        for key, caption in self.captions.items():
            caption.setText(captions[key])
            for widget in (self.buttons[key], self.fields[key]):
                widget.setToolTip(texts[key])
                widget.setWhatsThis(texts[key])
        for note in set(self.note_of.values()):
            shown = self.shown.get(id(note))
            if shown is not None:
                note.setText(texts[shown])

    def toggle(self, key: str) -> None:
        note = self.note_of[key]
        if self.shown.get(id(note)) == key and note.isVisible():
            note.hide()
            self.shown[id(note)] = None
            return
        self.shown[id(note)] = key
        note.setText(self.texts[key])
        note.show()


class ClassificationHelper(QWidget):
    """The six GBVIMS questions as Yes/No pairs, asked in order; the first "yes" gives the type.

    A question is enabled only once every earlier question has been answered "no"; answering "yes"
    clears and disables the questions after it. Each type's definition is one click away ("?").

    Signals:
        changed(): an answer changed (the type may have changed).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classificationHelper")
        self.question_labels: list[QLabel] = []
        self.yes_buttons: list[QRadioButton] = []
        self.no_buttons: list[QRadioButton] = []
        self.help_buttons: list[QToolButton] = []
        self.groups: list[QButtonGroup] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for i, (code, _en, _km) in enumerate(codes.CLASSIFICATION_QUESTIONS):
            number = QLabel(f"{i + 1}.")
            label = QLabel()
            label.setWordWrap(True)
            label.setObjectName(f"question{i + 1}")
            yes = QRadioButton()
            yes.setObjectName(f"q{i + 1}Yes")
            no = QRadioButton()
            no.setObjectName(f"q{i + 1}No")
            group = QButtonGroup(self)
            group.addButton(yes)
            group.addButton(no)
            group.buttonToggled.connect(self._toggled)
            help_button = QToolButton()
            help_button.setObjectName(f"q{i + 1}Help")
            help_button.setText("?")
            help_button.clicked.connect(lambda _checked=False, c=code: self.show_definition(c))
            grid.addWidget(number, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, i, 1)
            grid.addWidget(yes, i, 2)
            grid.addWidget(no, i, 3)
            grid.addWidget(help_button, i, 4)
            self.question_labels.append(label)
            self.yes_buttons.append(yes)
            self.no_buttons.append(no)
            self.help_buttons.append(help_button)
            self.groups.append(group)
        self.result = QLabel()
        self.result.setObjectName("classificationResult")
        self.result.setWordWrap(True)
        font = self.result.font()
        font.setBold(True)
        self.result.setFont(font)
        self.definition = QLabel()
        self.definition.setObjectName("typeDefinition")
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet(note_style("#f3f0f7"))
        self.definition.hide()
        self.non_gbv_help = QToolButton()
        self.non_gbv_help.setText("?")
        self.non_gbv_help.setObjectName("nonGbvHelp")
        self.non_gbv_help.clicked.connect(lambda: self.show_definition("non_gbv"))
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        grid.addLayout(result_row, QUESTION_COUNT, 0, 1, 5)
        grid.addWidget(self.definition, QUESTION_COUNT + 1, 0, 1, 5)
        self._shown_definition: str | None = None
        self.retranslate()
        self._update()

    # -- answers ----------------------------------------------------------------------------------

    def answers(self) -> tuple[bool | None, ...]:
        found: list[bool | None] = []
        for yes, no in zip(self.yes_buttons, self.no_buttons, strict=True):
            found.append(True if yes.isChecked() else False if no.isChecked() else None)
        return tuple(found)

    def set_answers(self, answers: tuple[bool | None, ...]) -> None:
        for i in range(QUESTION_COUNT):
            answer = answers[i] if i < len(answers) else None
            self._set(i, answer)
        self._update()

    def answer(self, question: int, yes: bool) -> None:
        """Click Yes or No on question ``question`` (1-based), as a user would."""
        button = self.yes_buttons[question - 1] if yes else self.no_buttons[question - 1]
        button.click()

    def gbv_type(self) -> str | None:
        return codes.classify(list(self.answers()))

    def _set(self, i: int, answer: bool | None) -> None:
        group = self.groups[i]
        group.blockSignals(True)
        group.setExclusive(False)
        self.yes_buttons[i].setChecked(answer is True)
        self.no_buttons[i].setChecked(answer is False)
        group.setExclusive(True)
        group.blockSignals(False)

    def _toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._update()
            self.changed.emit()

    def _update(self) -> None:
        answers = self.answers()
        enabled = True
        for i in range(QUESTION_COUNT):
            # A question not yet to be answered, its "?" included, is disabled: out of the Tab chain.
            for widget in (
                self.question_labels[i],
                self.yes_buttons[i],
                self.no_buttons[i],
                self.help_buttons[i],
            ):
                widget.setEnabled(enabled)
            if not enabled and answers[i] is not None:
                self._set(i, None)
            enabled = enabled and answers[i] is False
        self._show_result()

    def _show_result(self) -> None:
        gbv_type = self.gbv_type()
        if gbv_type is None:
            self.result.setText(self.tr("GBV type: answer the questions in order."))
        else:
            self.result.setText(
                self.tr("GBV type: %1").replace("%1", codes.GBV_TYPE.label(gbv_type, current_language()))
            )

    # -- definitions ------------------------------------------------------------------------------

    def definitions(self) -> dict[str, str]:
        """The GBVIMS definition of each type (GBVIMS User Guide, chapter 3)."""
        return {
            "rape": self.tr(
                "Rape: non-consensual penetration, however slight, of the vagina, anus or mouth with a "
                "penis or other body part, or of the vagina or anus with an object. Includes gang rape, "
                "marital rape, sodomy and forced oral sex. Attempted rape is not rape."
            ),
            "sexual_assault": self.tr(
                "Sexual assault: non-consensual sexual contact without penetration. Includes attempted "
                "rape, unwanted kissing or touching, and female genital mutilation/cutting."
            ),
            "physical_assault": self.tr(
                "Physical assault: physical violence that is not sexual, such as hitting, slapping, "
                "choking, cutting, shoving, burning, shooting, use of weapons and acid attacks."
            ),
            "forced_marriage": self.tr("Forced marriage: marriage of a person against her will."),
            "denial_resources": self.tr(
                "Denial of resources, opportunities or services: denial of rightful access to economic "
                "resources or assets, livelihood, education, health or other social services. Reports "
                "of general poverty are not recorded."
            ),
            "psych_emotional": self.tr(
                "Psychological or emotional abuse: threats of physical or sexual violence, forced "
                "isolation, harassment or intimidation, and menacing gestures or words."
            ),
            "non_gbv": self.tr(
                "Non-GBV: all six questions were answered no. The incident is recorded, but it is not "
                "counted as gender-based violence."
            ),
        }

    def show_definition(self, code: str) -> None:
        if self._shown_definition == code and self.definition.isVisible():
            self.definition.hide()
            self._shown_definition = None
            return
        self._shown_definition = code
        self.definition.setText(self.definitions()[code])
        self.definition.show()

    def retranslate(self) -> None:
        lang = current_language()
        definitions = self.definitions()
        for i, (code, en, km) in enumerate(codes.CLASSIFICATION_QUESTIONS):
            self.question_labels[i].setText(km if lang == "km" else en)
            self.yes_buttons[i].setText(self.tr("Yes"))
            self.no_buttons[i].setText(self.tr("No"))
            self.help_buttons[i].setToolTip(definitions[code])
        if self._shown_definition:
            self.definition.setText(definitions[self._shown_definition])
        self._show_result()


class PerpetratorTable(QTableWidget):
    """Perpetrators: one row each, with sex, age group and relationship chosen from the code lists."""

    COL_SEX = 0
    COL_AGE_GROUP = 1
    COL_RELATIONSHIP = 2
    LISTS = (codes.SEX, codes.AGE_GROUP, codes.RELATIONSHIP)

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("perpetratorTable")
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setMinimumHeight(120)
        self.retranslate()

    def add(self, perpetrator: PerpetratorDraft | None = None) -> None:
        p = perpetrator or PerpetratorDraft("", "", "")  # a new row answers nothing yet
        row = self.rowCount()
        previous: QWidget = self if row == 0 else self.combo(row - 1, self.COL_RELATIONSHIP)
        self.insertRow(row)
        for column, (codelist, value) in enumerate(
            zip(self.LISTS, (p.sex, p.age_group, p.relationship), strict=True)
        ):
            combo = QComboBox()
            fill_question(combo, codelist)
            set_code(combo, value)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.setCellWidget(row, column, combo)
            # Tab reaches each answer of the row, right after the table (or the row before).
            QWidget.setTabOrder(previous, combo)
            previous = combo
        self.verticalHeader().setDefaultSectionSize(max(self.verticalHeader().defaultSectionSize(), 36))
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            row = self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)
            self.changed.emit()

    def combo(self, row: int, column: int) -> QComboBox:
        widget = self.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def perpetrators(self) -> tuple[PerpetratorDraft, ...]:
        return tuple(
            PerpetratorDraft(
                code_of(self.combo(r, self.COL_SEX)),
                code_of(self.combo(r, self.COL_AGE_GROUP)),
                code_of(self.combo(r, self.COL_RELATIONSHIP)),
            )
            for r in range(self.rowCount())
        )

    def set_perpetrators(self, items: tuple[PerpetratorDraft, ...]) -> None:
        self.setRowCount(0)
        for p in items:
            self.add(p)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Sex"), self.tr("Age group"), self.tr("Relationship to her")])
        for r in range(self.rowCount()):
            for column, codelist in enumerate(self.LISTS):
                fill_question(self.combo(r, column), codelist)


class IncidentForm(RecordForm):
    """Create or edit one incident. Opened with ``open()``; closes itself once saved.

    Signals:
        saved(object): the :class:`IncidentView` written by the service.
    """

    saved = Signal(object)
    form_kind = "incident"

    def __init__(
        self,
        office: UnlockedOffice,
        incident: IncidentView | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentForm")
        self.record_id = incident.id if incident is not None else None
        self.office = office
        self.session = session_of(office)
        self.service = self.session.services.incidents
        self.incident = incident
        self.today = today or date.today()
        self.commune_code = self.service.commune_code
        # A focal point opens the identities of the cases she handles only (services.caseworkers);
        # a new record she takes down becomes hers.
        self.can_identify = (
            caseworkers.may_open(office.actor, incident.case_worker_id)
            if incident is not None
            else office.actor.can(Perm.VIEW_IDENTIFYING)
        )
        self.identifying_loaded: IdentifyingDetails | None = None
        self.identifying_opened = False
        # What a draft held in the identifying fields of a stored incident: put back once the stored
        # details have loaded (they would otherwise overwrite it).
        self.typed_identity: dict[str, Any] | None = None
        self.problems = FieldProblems()
        P = self.problems.label

        # -- report --
        self.date_reported = OptionalDateEdit("dateReported")
        self.date_reported.set_value(self.today)
        self.date_of_incident = OptionalDateEdit("dateOfIncident")
        self.reported_by = code_combo("reportedBy")
        # Yes/No, unanswered at first: whether the commune was her first contact is hers to tell.
        self.first_contact = code_combo("firstPointOfContact")
        self.village = code_combo("village")
        self.location_type = code_combo("locationType")
        self.time_of_day = code_combo("timeOfDay")
        self.previously_reported = code_combo("previouslyReported")
        self.report_box = QGroupBox()
        self.report_form = QFormLayout(self.report_box)
        self.incident_code_label = QLabel()
        self.incident_code_label.setObjectName("incidentCode")
        self.survivor_code_label = QLabel()
        self.survivor_code_label.setObjectName("survivorCode")
        self.survivor_code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._rows_report = [
            (self.incident_code_label, None),
            (self.survivor_code_label, None),
            (self.date_reported, P("date_reported")),
            (self.date_of_incident, P("date_of_incident")),
            (self.reported_by, P("reported_by")),
            (self.first_contact, P("first_point_of_contact")),
            (self.village, P("village_code")),
            (self.location_type, P("location_type")),
            (self.time_of_day, P("time_of_day")),
            (self.previously_reported, P("previously_reported")),
        ]
        add_field_rows(self.report_form, self._rows_report)

        # -- survivor --
        self.survivor_sex = code_combo("survivorSex")
        self.survivor_age = age_spin("survivorAge")
        self.marital_status = code_combo("maritalStatus")
        self.disability = code_combo("disability")
        self.survivor_box = QGroupBox()
        self.survivor_form = QFormLayout(self.survivor_box)
        add_field_rows(
            self.survivor_form,
            [
                (self.survivor_sex, P("survivor_sex")),
                (self.survivor_age, P("survivor_age")),
                (self.marital_status, P("marital_status")),
                (self.disability, P("disability")),
            ],
        )

        # -- classification --
        self.classification = ClassificationHelper()
        self.context_label = QLabel()
        self.context_label.setObjectName("caseContext")
        self.context_label.setWordWrap(True)
        self.goods_exchanged = code_combo("goodsExchanged")
        self.classification_box = QGroupBox()
        self.classification_box.setObjectName("classificationBox")
        class_layout = QVBoxLayout(self.classification_box)
        class_layout.addWidget(self.classification)
        class_layout.addWidget(P("classification"))
        self.problems.labels["classification"].setBuddy(self.classification.yes_buttons[0])
        self.goods_label = QLabel()
        self.goods_label.setWordWrap(True)
        goods_row = QHBoxLayout()
        goods_row.addWidget(self.goods_label, 1)
        goods_row.addWidget(self.goods_exchanged)
        class_layout.addLayout(goods_row)
        class_layout.addWidget(P("goods_money_exchanged"))
        self.problems.labels["goods_money_exchanged"].setBuddy(self.goods_exchanged)
        class_layout.addWidget(self.context_label)

        # -- perpetrators --
        self.perpetrators = PerpetratorTable()
        self.add_perpetrator_button = QPushButton()
        self.add_perpetrator_button.setObjectName("addPerpetrator")
        self.remove_perpetrator_button = QPushButton()
        self.remove_perpetrator_button.setObjectName("removePerpetrator")
        self.perpetrator_box = QGroupBox()
        perp_layout = QVBoxLayout(self.perpetrator_box)
        perp_layout.addWidget(self.perpetrators)
        perp_buttons = QHBoxLayout()
        perp_buttons.addWidget(self.add_perpetrator_button)
        perp_buttons.addWidget(self.remove_perpetrator_button)
        perp_buttons.addStretch(1)
        perp_layout.addLayout(perp_buttons)
        perp_layout.addWidget(P("perpetrators"))
        self.problems.labels["perpetrators"].setBuddy(self.perpetrators)

        # -- response --
        self.action_boxes: dict[str, QCheckBox] = {}
        actions_grid = QGridLayout()
        for i, item in enumerate(codes.COMMUNE_ACTION):
            box = QCheckBox()
            box.setObjectName(f"action_{item.code}")
            self.action_boxes[item.code] = box
            actions_grid.addWidget(box, i // 2, i % 2)
        self.risk_level = code_combo("riskLevel")
        self.status = code_combo("status")
        self.follow_up_date = OptionalDateEdit("followUpDate")
        self.case_worker = self._case_worker_combo(office, incident)
        self.response_box = QGroupBox()
        response_layout = QVBoxLayout(self.response_box)
        self.actions_label = QLabel()
        response_layout.addWidget(self.actions_label)
        response_layout.addLayout(actions_grid)
        response_layout.addWidget(P("commune_actions"))
        # GBVIMS and Cambodian guidelines discourage mediation in partner violence: a caution, not
        # a refusal (the clerk records what the commune did).
        self.mediation_caution = QLabel()
        self.mediation_caution.setObjectName("mediationCaution")
        self.mediation_caution.setWordWrap(True)
        self.mediation_caution.setStyleSheet(note_style("#fff4e5"))
        self.mediation_caution.hide()
        response_layout.addWidget(self.mediation_caution)
        self.problems.labels["commune_actions"].setBuddy(next(iter(self.action_boxes.values())))
        self.response_form = QFormLayout()
        add_field_rows(
            self.response_form,
            [
                (self.risk_level, P("risk_level")),
                (self.status, P("status")),
                (self.follow_up_date, P("follow_up_date")),
                (self.case_worker, P("case_worker_id")),
            ],
        )
        response_layout.addLayout(self.response_form)

        # -- consent --
        self.consent_services = code_combo("consentServices")
        self.consent_reporting = QCheckBox()
        self.consent_reporting.setObjectName("consentReporting")
        self.consent_box = QGroupBox()
        self.consent_box.setObjectName("consentBox")
        consent_layout = QVBoxLayout(self.consent_box)
        self.consent_form = QFormLayout()
        add_field_rows(
            self.consent_form,
            [
                (self.consent_services, P("consent_services")),
                (self.consent_reporting, None),
            ],
        )
        consent_layout.addLayout(self.consent_form)
        self.help = FieldHelp(self)

        # -- a child survivor (under 18): her consent route and child protection --
        self.child_consent_route = code_combo("childConsentRoute")
        self.child_consent_reason = code_combo("childConsentReason")
        self.child_consent_decided_by = code_combo("childConsentDecidedBy")
        self.child_protection_referral = code_combo("childProtectionReferral")
        self.child_protection_contacts = QLabel()
        self.child_protection_contacts.setObjectName("childProtectionContacts")
        self.child_protection_contacts.setWordWrap(True)
        self.child_protection_contacts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.child_section = QWidget()
        self.child_section.setObjectName("childSection")
        child_layout = QVBoxLayout(self.child_section)
        child_layout.setContentsMargins(0, 0, 0, 0)
        self.child_heading = QLabel()
        self.child_heading.setWordWrap(True)
        font = self.child_heading.font()
        font.setBold(True)
        self.child_heading.setFont(font)
        child_layout.addWidget(self.child_heading)
        self.child_form = QFormLayout()
        self.help.rows(
            self.child_form,
            [
                (self.child_consent_route, P("child_consent_route"), "child_consent_route"),
                (self.child_consent_reason, P("child_consent_reason"), "child_consent_reason"),
                (self.child_consent_decided_by, P("child_consent_decided_by"), "child_consent_decided_by"),
                (self.child_protection_referral, P("child_protection_referral"), "child_protection_referral"),
            ],
        )
        child_layout.addLayout(self.child_form)
        child_layout.addWidget(self.child_protection_contacts)
        consent_layout.addWidget(self.child_section)
        consent_layout.addWidget(self.help.note_for(self.consent_box))

        # -- legal context (2005 DV law, Criminal Procedure Code art. 42) --
        self.legal_duty_reported = code_combo("legalDutyReported")
        self.legal_duty_reason = code_combo("legalDutyReason")
        self.dv_law_applies = code_combo("dvLawApplies")
        self.admin_decision_date = OptionalDateEdit("adminDecisionDate")
        self.measure_boxes: dict[str, QCheckBox] = {}
        measures = QWidget()
        measures.setObjectName("adminDecisionMeasures")
        measures_grid = QGridLayout(measures)
        measures_grid.setContentsMargins(0, 0, 0, 0)
        for i, item in enumerate(codes.ADMIN_MEASURE):
            box = QCheckBox()
            box.setObjectName(f"measure_{item.code}")
            self.measure_boxes[item.code] = box
            measures_grid.addWidget(box, i // 2, i % 2)
        self.admin_decision_measures = measures
        self.protection_order = code_combo("protectionOrder")
        self.sent_to_prosecutor = code_combo("sentToProsecutor")
        self.legal_box = QGroupBox()
        self.legal_box.setObjectName("legalBox")
        legal_layout = QVBoxLayout(self.legal_box)
        self.legal_form = QFormLayout()
        self.help.rows(
            self.legal_form,
            [
                (self.legal_duty_reported, P("legal_duty_reported"), "legal_duty_reported"),
                (self.legal_duty_reason, P("legal_duty_reason"), "legal_duty_reason"),
                (self.dv_law_applies, P("dv_law_applies"), "dv_law_applies"),
                (self.admin_decision_date, P("admin_decision_date"), "admin_decision_date"),
                (measures, P("admin_decision_measures"), "admin_decision_measures"),
                (self.protection_order, P("protection_order"), "protection_order"),
                (self.sent_to_prosecutor, P("sent_to_prosecutor"), "sent_to_prosecutor"),
            ],
        )
        self.problems.labels["admin_decision_measures"].setBuddy(self.measure_boxes["warning_letter"])
        legal_layout.addLayout(self.legal_form)
        legal_layout.addWidget(self.help.note_for(self.legal_box))

        # -- identifying (permitted roles only, loaded on demand) --
        self.identifying_toggle = QToolButton()
        self.identifying_toggle.setObjectName("identifyingToggle")
        self.identifying_toggle.setCheckable(True)
        self.identifying_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.identifying_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.identifying_toggle.setProperty("formState", False)
        self.identifying_note = QLabel()
        self.identifying_note.setWordWrap(True)
        self.survivor_name = QLineEdit()
        self.survivor_name.setObjectName("survivorName")
        self.survivor_phone = QLineEdit()
        self.survivor_phone.setObjectName("survivorPhone")
        self.survivor_address = QLineEdit()
        self.survivor_address.setObjectName("survivorAddress")
        self.birth_date = OptionalDateEdit("survivorBirthDate")
        self.narrative = QPlainTextEdit()
        self.narrative.setObjectName("narrative")
        self.narrative.setTabChangesFocus(True)
        self.narrative.setMinimumHeight(100)
        self.identifying_box = QGroupBox()
        self.identifying_box.setObjectName("identifyingBox")
        self.identifying_form = QFormLayout(self.identifying_box)
        add_field_rows(
            self.identifying_form,
            [
                (self.survivor_name, P("survivor_name")),
                (self.survivor_phone, P("survivor_phone")),
                (self.survivor_address, P("survivor_address")),
                (self.birth_date, P("survivor_birth_date")),
                (self.narrative, P("narrative")),
            ],
        )
        self.identifying_box.hide()
        self.identifying_section = QWidget()
        self.identifying_section.setObjectName("identifyingSection")
        ident_layout = QVBoxLayout(self.identifying_section)
        ident_layout.setContentsMargins(0, 0, 0, 0)
        ident_layout.addWidget(self.identifying_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        ident_layout.addWidget(self.identifying_note)
        ident_layout.addWidget(self.identifying_box)
        self.identifying_section.setVisible(self.can_identify)

        # -- the whole form --
        self.banner = QLabel()
        self.banner.setObjectName("formBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(note_style("#fff4e5"))
        self.banner.hide()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        left = QVBoxLayout()
        left.addWidget(self.report_box)
        left.addWidget(self.survivor_box)
        left.addWidget(self.perpetrator_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.classification_box)
        right.addWidget(self.response_box)
        right.addWidget(self.consent_box)
        # The legal context right after the consent and a child's questions (her duty to report
        # follows the child-protection prompt), read and tabbed in that order.
        right.addWidget(self.legal_box)
        right.addStretch(1)
        self.columns = FoldingColumns(left, right)  # one column on a narrow screen
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.columns)
        body_layout.addWidget(self.identifying_section)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.keep_save_default()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.error)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)

        self.classification.changed.connect(self._update_context)
        self.perpetrators.changed.connect(self._update_context)
        self.survivor_age.valueChanged.connect(self._update_context)
        self.goods_exchanged.currentIndexChanged.connect(self._update_context)
        self.action_boxes["mediation"].toggled.connect(self._update_context)
        for combo in (self.child_consent_route, self.legal_duty_reported):
            combo.currentIndexChanged.connect(self._update_context)
        self.add_perpetrator_button.clicked.connect(lambda: self.perpetrators.add())
        self.remove_perpetrator_button.clicked.connect(self.perpetrators.remove_current)
        self.identifying_toggle.toggled.connect(self.toggle_identifying)

        self.child_protection_providers: list[ContactView] = []
        self._load_choices()
        self.retranslate()
        if incident is not None:
            self._fill(incident)
            self._check_month(incident.period)
        self._update_context()
        fit_to_screen(self, 1060, 700)

    # -- texts ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Incident") if self.incident is None else self.incident.incident_code)
        self.report_box.setTitle(self.tr("Report"))
        set_field_label(self.report_form, self.incident_code_label, self.tr("Incident code:"))
        set_field_label(self.report_form, self.survivor_code_label, self.tr("Survivor code:"))
        set_field_label(self.report_form, self.date_reported, self.tr("Date reported:"))
        set_field_label(self.report_form, self.date_of_incident, self.tr("Date of incident:"))
        set_field_label(self.report_form, self.reported_by, self.tr("Reported by:"))
        set_field_label(
            self.report_form, self.first_contact, self.tr("The commune is the first point of contact:")
        )
        set_field_label(self.report_form, self.village, self.tr("Village:"))
        set_field_label(self.report_form, self.location_type, self.tr("Place:"))
        set_field_label(self.report_form, self.time_of_day, self.tr("Time of day:"))
        set_field_label(self.report_form, self.previously_reported, self.tr("Reported elsewhere before:"))
        if self.incident is None:
            self.incident_code_label.setText(self.tr("(given when saved)"))
            self.survivor_code_label.setText(self.tr("(given when saved)"))
        self.survivor_box.setTitle(self.tr("Survivor"))
        set_field_label(self.survivor_form, self.survivor_sex, self.tr("Sex:"))
        set_field_label(self.survivor_form, self.survivor_age, self.tr("Age:"))
        self.survivor_age.setSpecialValueText(self.tr("Unknown"))
        set_field_label(self.survivor_form, self.marital_status, self.tr("Marital status:"))
        set_field_label(self.survivor_form, self.disability, self.tr("Disability:"))
        self.classification_box.setTitle(self.tr("Type of violence (GBVIMS classification)"))
        self.goods_label.setText(self.tr("Were money, goods or services exchanged?"))
        self.perpetrator_box.setTitle(self.tr("Alleged perpetrators"))
        self.add_perpetrator_button.setText(self.tr("Add perpetrator"))
        self.remove_perpetrator_button.setText(self.tr("Remove"))
        self.response_box.setTitle(self.tr("The commune's response"))
        self.actions_label.setText(self.tr("Actions taken:"))
        lang = current_language()
        for code, box in self.action_boxes.items():
            box.setText(codes.COMMUNE_ACTION.label(code, lang))
        set_field_label(self.response_form, self.risk_level, self.tr("Risk level:"))
        set_field_label(self.response_form, self.status, self.tr("Status:"))
        set_field_label(self.response_form, self.follow_up_date, self.tr("Follow-up date:"))
        set_field_label(self.response_form, self.case_worker, self.tr("Case worker (CCWC focal point):"))
        self.case_worker.setItemText(0, self.tr("nobody yet"))
        self.case_worker.setToolTip(
            self.tr("She sees the identifying details of this case. Only the chief changes her once saved.")
        )
        self.consent_box.setTitle(self.tr("Consent"))
        set_field_label(self.consent_form, self.consent_services, self.tr("Consent to referral to services:"))
        self.consent_reporting.setText(self.tr("She agrees to be counted in statistics (no names)"))
        set_field_label(self.consent_form, self.consent_reporting, "")
        self.child_heading.setText(self.tr("Survivor under 18"))
        self.legal_box.setTitle(self.tr("Legal context"))
        self.help.set_texts(self.field_texts(), self.help_texts())
        for code, box in self.measure_boxes.items():
            box.setText(codes.ADMIN_MEASURE.label(code, lang))
        self.mediation_caution.setText(
            self.tr(
                "Caution: mediation is discouraged in intimate partner violence (GBVIMS and the Cambodian "
                "guidelines): it can put her at risk and press her to go back. Record what the commune "
                "did; consider a referral and a safety plan."
            )
        )
        self._show_child_protection_contacts()
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
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        fill_codes(self.status, codes.INCIDENT_STATUS)  # a new record is open: a fact, not an answer
        for combo, codelist in (
            (self.reported_by, codes.REPORTED_BY),
            (self.location_type, codes.LOCATION_TYPE),
            (self.time_of_day, codes.TIME_OF_DAY),
            (self.previously_reported, codes.YES_NO_UNKNOWN),
            (self.goods_exchanged, codes.YES_NO_UNKNOWN),
            (self.survivor_sex, codes.SEX),
            (self.marital_status, codes.MARITAL_STATUS),
            (self.disability, codes.DISABILITY),
            (self.risk_level, codes.RISK_LEVEL),
            (self.consent_services, codes.CONSENT),
            (self.child_consent_route, codes.CHILD_CONSENT_ROUTE),
            (self.child_consent_reason, codes.CHILD_CONSENT_REASON),
            (self.child_consent_decided_by, codes.DECIDED_BY),
            (self.child_protection_referral, codes.CHILD_PROTECTION_REFERRAL),
            (self.legal_duty_reported, codes.LEGAL_DUTY),
            (self.legal_duty_reason, codes.NOT_REPORTED_REASON),
            (self.dv_law_applies, codes.YES_NO_UNKNOWN),
            (self.protection_order, codes.PROTECTION_ORDER),
            (self.sent_to_prosecutor, codes.YES_NO_UNKNOWN),
        ):
            fill_question(combo, codelist)
        fill_question(self.first_contact, FIRST_CONTACT)
        fill_villages(self.village, self.commune_code, UNANSWERED)
        self.classification.retranslate()
        self.perpetrators.retranslate()
        self._update_context()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- values -----------------------------------------------------------------------------------

    def _fill(self, i: IncidentView) -> None:
        self.incident_code_label.setText(i.incident_code)
        self.survivor_code_label.setText(i.survivor_code)
        self.date_reported.set_value(i.date_reported)
        self.date_of_incident.set_value(i.date_of_incident)
        set_code(self.reported_by, i.reported_by)
        set_code(self.first_contact, "yes" if i.first_point_of_contact else "no")
        set_code(self.village, i.village_code)
        set_code(self.location_type, i.location_type)
        set_code(self.time_of_day, i.time_of_day)
        set_code(self.previously_reported, i.previously_reported)
        set_code(self.goods_exchanged, i.goods_money_exchanged)
        set_code(self.survivor_sex, i.survivor_sex)
        self.survivor_age.setValue(-1 if i.survivor_age is None else i.survivor_age)
        set_code(self.marital_status, i.marital_status)
        set_code(self.disability, i.disability)
        self.classification.set_answers(i.classification())
        self.perpetrators.set_perpetrators(
            tuple(PerpetratorDraft(p.sex, p.age_group, p.relationship) for p in i.perpetrators)
        )
        set_checked(self.action_boxes, i.commune_actions)
        set_code(self.risk_level, i.risk_level)
        set_code(self.status, i.status)
        self.follow_up_date.set_value(i.follow_up_date)
        set_code(self.consent_services, i.consent_services)
        self.consent_reporting.setChecked(i.consent_reporting)
        for combo, code in (
            (self.child_consent_route, i.child_consent_route),
            (self.child_consent_reason, i.child_consent_reason),
            (self.child_consent_decided_by, i.child_consent_decided_by),
            (self.child_protection_referral, i.child_protection_referral),
            (self.legal_duty_reported, i.legal_duty_reported),
            (self.legal_duty_reason, i.legal_duty_reason),
            (self.dv_law_applies, i.dv_law_applies),
            (self.protection_order, i.protection_order),
            (self.sent_to_prosecutor, i.sent_to_prosecutor),
        ):
            set_code(combo, code)
        self.admin_decision_date.set_value(i.admin_decision_date)
        set_checked(self.measure_boxes, i.admin_decision_measures)

    def draft(self) -> IncidentDraft:
        return IncidentDraft(
            date_reported=self.date_reported.value(),
            classification=self.classification.answers(),
            date_of_incident=self.date_of_incident.value(),
            reported_by=code_of(self.reported_by),
            first_point_of_contact=_yes_no(code_of(self.first_contact)),
            survivor_sex=code_of(self.survivor_sex),
            survivor_age=spin_age(self.survivor_age),
            marital_status=code_of(self.marital_status),
            disability=code_of(self.disability),
            village_code=code_of(self.village),
            location_type=code_of(self.location_type),
            time_of_day=code_of(self.time_of_day),
            previously_reported=code_of(self.previously_reported),
            goods_money_exchanged=code_of(self.goods_exchanged),
            perpetrators=self.perpetrators.perpetrators(),
            commune_actions=checked_codes(self.action_boxes),
            risk_level=code_of(self.risk_level),
            status=code_of(self.status),
            follow_up_date=self.follow_up_date.value(),
            consent_services=code_of(self.consent_services),
            consent_reporting=self.consent_reporting.isChecked(),
            child_consent_route=_answer(self.child_consent_route),
            child_consent_reason=_answer(self.child_consent_reason),
            child_consent_decided_by=_answer(self.child_consent_decided_by),
            child_protection_referral=_answer(self.child_protection_referral),
            legal_duty_reported=code_of(self.legal_duty_reported),
            legal_duty_reason=_answer(self.legal_duty_reason),
            dv_law_applies=code_of(self.dv_law_applies),
            admin_decision_date=self.admin_decision_date.value(),
            admin_decision_measures=checked_codes(self.measure_boxes),
            protection_order=code_of(self.protection_order),
            sent_to_prosecutor=code_of(self.sent_to_prosecutor),
            identifying=self._identifying(),
            # Unchanged (None) unless she may choose: a new record, or the chief.
            case_worker_id=str(self.case_worker.currentData() or "")
            if self.case_worker.isEnabled()
            else None,
        )

    def _case_worker_combo(self, office: UnlockedOffice, incident: IncidentView | None) -> QComboBox:
        """The case worker's choice: a focal point recording a case is its worker unless she names
        another. Once saved, only the chief (``ASSIGN_CASES``) changes it. The office's focal
        points are read in the background (:meth:`_load_choices`); until then the combo holds the
        current value only, so nothing can be chosen that was not read."""
        combo = QComboBox()
        combo.setObjectName("caseWorker")
        actor = office.actor
        current = incident.case_worker_id if incident is not None else None
        if incident is None and actor.role is Role.FOCAL_POINT:
            current = actor.user_id
        self._case_worker_current = current or ""
        combo.addItem("", "")
        if current:
            combo.addItem(actor.username if current == actor.user_id else "…", current)
            combo.setCurrentIndex(1)
        combo.setEnabled(incident is None or actor.can(Perm.ASSIGN_CASES))
        return combo

    def _load_choices(self) -> None:
        """The office's focal points and child-protection providers, read off the GUI thread."""
        services = self.session.services

        def read(_task: object) -> tuple[list[Any], list[ContactView]]:
            return caseworkers.case_workers(self.office), self._child_protection_providers(services)

        run_in_background(self, read, self._show_choices, lambda _error: None)

    def _show_choices(self, choices: tuple[list[Any], list[ContactView]]) -> None:
        workers, providers = choices
        was_clean = self._clean is not None and not self.is_dirty()
        combo = self.case_worker
        current = str(combo.currentData() or "")  # what she chose meanwhile, else the stored one
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("nobody yet"), "")
        for worker in workers:
            combo.addItem(worker.label, worker.user_id)
        if current and combo.findData(current) < 0:
            combo.addItem("–", current)  # a former focal point: kept as is
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        self.child_protection_providers = providers
        self._show_child_protection_contacts()
        if was_clean:
            self.mark_clean()  # the loaded choices are not a change she made

    def _identifying(self) -> IdentifyingDetails | None:
        """Only what the user could see: unchanged (``None``) unless the section was opened."""
        if not self.can_identify or not self.identifying_opened:
            return None
        if self.incident is not None and self.identifying_loaded is None:
            return None  # still loading: never overwrite with empty fields
        names = self.identifying_loaded.perpetrator_names if self.identifying_loaded else ()
        details = IdentifyingDetails(
            survivor_name=self.survivor_name.text(),
            survivor_phone=self.survivor_phone.text(),
            survivor_address=self.survivor_address.text(),
            survivor_birth_date=self.birth_date.value(),
            narrative=self.narrative.toPlainText(),
            perpetrator_names=names[: self.perpetrators.rowCount()],
        )
        if self.incident is None and details == IdentifyingDetails():
            return None
        return details

    def _update_context(self) -> None:
        age = spin_age(self.survivor_age)
        minor = age is not None and age < 18
        self.child_section.setVisible(minor)
        # The questions a route does not ask are disabled (out of the Tab chain, not sent); what
        # they hold stays, should she choose that route again.
        route = code_of(self.child_consent_route)
        self.child_consent_reason.setEnabled(route in ("trusted_adult", "best_interests"))
        self.child_consent_decided_by.setEnabled(route == "best_interests")
        self.legal_duty_reason.setEnabled(code_of(self.legal_duty_reported) == "no")
        gbv_type = self.classification.gbv_type()
        lang = current_language()
        relationships = [p.relationship for p in self.perpetrators.perpetrators()]
        self.mediation_caution.setVisible(
            self.action_boxes["mediation"].isChecked() and is_ipv(gbv_type, relationships)
        )
        if gbv_type is None:
            self.context_label.setText(self.tr("Case context: shown once the type is known."))
            return
        found = case_context(gbv_type, age, relationships, code_of(self.goods_exchanged) or "unknown")
        text = ", ".join(CASE_CONTEXT.label(c, lang) for c in found) or self.tr("none")
        self.context_label.setText(self.tr("Case context (derived): %1").replace("%1", text))

    @staticmethod
    def _child_protection_providers(services: Any) -> list[ContactView]:
        """The directory's active child-protection providers, offered beside the referral prompt."""
        try:
            providers: list[ContactView] = services.contacts.for_service("child_protection")
        except ShscError:
            return []
        return providers

    def _show_child_protection_contacts(self) -> None:
        lang = current_language()
        found = [
            f"{c.name(lang)} ({c.phone})" if c.phone else c.name(lang)
            for c in self.child_protection_providers
        ]
        if found:
            text = self.tr("Child protection in the directory: %1").replace("%1", "; ".join(found))
        else:
            text = self.tr(
                "No child-protection provider in the directory yet: add the social affairs office (DoSVY)."
            )
        self.child_protection_contacts.setText(text)

    def field_texts(self) -> dict[str, str]:
        """The captions of the fields that have a "?" help."""
        return {
            "child_consent_route": self.tr("Her consent is given by:"),
            "child_consent_reason": self.tr("Why not her guardian:"),
            "child_consent_decided_by": self.tr("Decision taken by:"),
            "child_protection_referral": self.tr("Referral to child protection:"),
            "legal_duty_reported": self.tr("Reported to the police or the prosecutor:"),
            "legal_duty_reason": self.tr("Why not reported:"),
            "dv_law_applies": self.tr("The domestic violence law applies:"),
            "admin_decision_date": self.tr("Administrative decision, date:"),
            "admin_decision_measures": self.tr("Measures of the decision:"),
            "protection_order": self.tr("Protection order:"),
            "sent_to_prosecutor": self.tr("Case sent to the prosecutor:"),
        }

    def help_texts(self) -> dict[str, str]:
        """One-line definitions behind each "?" (Khmer and English in the translations)."""
        return {
            "child_consent_route": self.tr(
                "For a survivor under 18: who gives the consent with her — her parent or guardian, a "
                "trusted adult who is not the offender, or a best-interests decision of the focal point "
                "or the chief."
            ),
            "child_consent_reason": self.tr(
                "Why her parent or guardian does not give the consent (needed for a trusted adult or a "
                "best-interests decision)."
            ),
            "child_consent_decided_by": self.tr(
                "Who took the best-interests decision: the commune focal point or the commune chief."
            ),
            "child_protection_referral": self.tr(
                "Every child survivor is offered a referral to child protection (social affairs, DoSVY): "
                "record what was done."
            ),
            "legal_duty_reported": self.tr(
                "Criminal Procedure Code art. 42: an authority that learns of a crime reports it to the "
                "police or the prosecutor. Was it reported?"
            ),
            "legal_duty_reason": self.tr("Why the crime was not reported to the police or the prosecutor."),
            "dv_law_applies": self.tr(
                "The 2005 Law on the Prevention of Domestic Violence applies to violence between people "
                "of one household (spouses, children, dependants, servants)."
            ),
            "admin_decision_date": self.tr(
                "The day the commune or sangkat chief issued an administrative decision under the "
                "domestic violence law."
            ),
            "admin_decision_measures": self.tr(
                "What the administrative decision orders, e.g. a warning letter or the perpetrator's "
                "removal from the home."
            ),
            "protection_order": self.tr(
                "A protection order of the court (DV law art. 20): requested, granted or refused."
            ),
            "sent_to_prosecutor": self.tr("Whether the case file was sent to the prosecutor."),
        }

    # -- drafts -----------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        out = super().state()
        # Whether the identifying fields hold what the user sees (section opened, details loaded):
        # a draft reopens the section, so what she typed there is saved, not silently dropped.
        out["identifying"] = self._identifying() is not None
        return out

    def restore_state(self, state: dict[str, Any]) -> bool:
        placed = super().restore_state(state)
        if not state.get("identifying") or not self.can_identify:
            return placed
        if self.incident is not None:
            self.typed_identity = self._identity_values()
        self.identifying_toggle.setChecked(True)
        return placed

    def _identity_values(self) -> dict[str, Any]:
        return {
            "name": self.survivor_name.text(),
            "phone": self.survivor_phone.text(),
            "address": self.survivor_address.text(),
            "birth_date": self.birth_date.value(),
            "narrative": self.narrative.toPlainText(),
        }

    def _show_identity(self, values: dict[str, Any]) -> None:
        self.survivor_name.setText(values["name"])
        self.survivor_phone.setText(values["phone"])
        self.survivor_address.setText(values["address"])
        self.birth_date.set_value(values["birth_date"])
        self.narrative.setPlainText(values["narrative"])

    # -- identifying ------------------------------------------------------------------------------

    def toggle_identifying(self, shown: bool) -> None:
        self.identifying_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if not shown:
            self.identifying_box.hide()
            return
        if not self.can_identify:
            return
        self.identifying_opened = True
        if self.incident is None or self.identifying_loaded is not None:
            self.identifying_box.show()
            return
        incident_id = self.incident.id
        self.identifying_note.setText(self.tr("Loading…"))

        def loaded(details: IdentifyingDetails) -> None:
            self.identifying_loaded = details
            self._show_identity(
                {
                    "name": details.survivor_name,
                    "phone": details.survivor_phone,
                    "address": details.survivor_address,
                    "birth_date": details.survivor_birth_date,
                    "narrative": details.narrative,
                }
            )
            if self.typed_identity is not None:  # a reopened draft: what she had typed wins
                self._show_identity(self.typed_identity)
                self.typed_identity = None
            self.identifying_note.setText(self.tr("This view has been recorded in the audit log."))
            self.identifying_box.setVisible(self.identifying_toggle.isChecked())

        def failed(error: BaseException) -> None:
            assert isinstance(error, ShscError)
            self.identifying_opened = False
            self.identifying_toggle.setChecked(False)
            self.identifying_note.setText(error_text(error))

        run_in_background(self, lambda _t: self.service.get_identifying(incident_id), loaded, failed)

    # -- saving -----------------------------------------------------------------------------------

    def _check_month(self, period: str) -> None:
        """Read the month's approval in the background; a banner if it is approved."""
        run_in_background(
            self,
            lambda _t: self.session.services.months.status(period),
            lambda status: self._show_month(period, status),
            lambda _error: None,  # no banner: the service still refuses a locked month on saving
        )

    def _show_month(self, period: str, status: MonthStatus) -> None:
        if status.approved:
            # Case work goes on after approval (the approved figures are kept as a snapshot); the
            # service refuses any other change with MonthLocked until the chief reopens the month.
            self.banner.setText(
                self.tr(
                    "The month %1 has been approved. You can still follow the case up (status, follow-up "
                    "date, risk); correcting anything else needs the chief to reopen the month."
                ).replace("%1", period)
            )
            self.banner.show()

    def save(self) -> None:
        if refuse_bad_dates(self, self.error):
            return
        draft = self.draft()
        self.save_button.setEnabled(False)
        self.error.hide()
        incident = self.incident
        if incident is None:
            work = lambda _t: self.service.create(draft)  # noqa: E731
        else:
            work = lambda _t: self.service.update(incident.id, draft, incident.version)  # noqa: E731
        run_write(self, self.session.hub, work, Changes.of_registers("incidents"), self._saved, self._failed)

    def _saved(self, view: IncidentView) -> None:
        self.problems.clear()
        self.incident = view
        self.saved.emit(view)
        self.accept()

    def add_rows(self, rows: dict[str, int]) -> None:
        while self.perpetrators.rowCount() < rows.get(self.perpetrators.objectName(), 0):
            self.perpetrators.add()

    def _failed(self, error: BaseException) -> None:
        self.save_failed(error)
        if isinstance(error, MonthLocked):
            show_error(self, error)
