"""The incident form: the GBVIMS classification helper, the survivor and the perpetrators, the
commune's response, consent, and (for permitted roles only) the identifying details.

The GBV type is never chosen from a list: the six questions of the GBVIMS classification tool are
asked in order and the first "yes" decides (``models.codes.classify``). Case context such as
intimate partner violence is derived and shown read-only. Identifying details are fetched only when
the user opens their section (``IncidentService.get_identifying`` audits each view), and only roles
with ``VIEW_IDENTIFYING`` see that section at all.

This module assembles the dialog, reads and fills its values and saves them; its self-contained parts
live beside it: ``incident_classification`` (the six questions), ``perpetrator_table``,
``field_help`` (the "?" of a field), ``incident_sections`` (a child's consent, the legal context) and
``identifying_section``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..errors import MonthLocked, ShscError
from ..models import codes
from ..models.codes import CASE_CONTEXT
from ..security.permissions import Perm, Role
from ..services import caseworkers
from ..services.incidents import (
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
from .field_help import FieldHelp
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
from .identifying_section import IdentifyingSection
from .incident_classification import ClassificationHelper
from .incident_sections import ChildConsentSection, LegalContextBox
from .look import note_style
from .messages import show_error
from .operations import run_in_background, run_write
from .perpetrator_table import PerpetratorTable
from .record_form import RecordForm
from .screen import FoldingColumns, fit_to_screen
from .session import session_of

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
        self.child_section = ChildConsentSection(self.help, P)
        self.child_consent_route = self.child_section.child_consent_route
        self.child_consent_reason = self.child_section.child_consent_reason
        self.child_consent_decided_by = self.child_section.child_consent_decided_by
        self.child_protection_referral = self.child_section.child_protection_referral
        self.child_protection_contacts = self.child_section.child_protection_contacts
        consent_layout.addWidget(self.child_section)
        consent_layout.addWidget(self.help.note_for(self.consent_box))

        # -- legal context (2005 DV law, Criminal Procedure Code art. 42) --
        self.legal_box = LegalContextBox(self.help, P)
        self.legal_duty_reported = self.legal_box.legal_duty_reported
        self.legal_duty_reason = self.legal_box.legal_duty_reason
        self.dv_law_applies = self.legal_box.dv_law_applies
        self.admin_decision_date = self.legal_box.admin_decision_date
        self.measure_boxes = self.legal_box.measure_boxes
        self.admin_decision_measures = self.legal_box.admin_decision_measures
        self.protection_order = self.legal_box.protection_order
        self.sent_to_prosecutor = self.legal_box.sent_to_prosecutor

        # -- identifying (permitted roles only, loaded on demand) --
        self.identifying_section = IdentifyingSection(
            P, incident.id if incident is not None else None, self.service.get_identifying, self.can_identify
        )
        section = self.identifying_section
        self.identifying_toggle = section.identifying_toggle
        self.identifying_note = section.identifying_note
        self.survivor_name = section.survivor_name
        self.survivor_phone = section.survivor_phone
        self.survivor_address = section.survivor_address
        self.birth_date = section.birth_date
        self.narrative = section.narrative
        self.identifying_box = section.identifying_box

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
        self.child_section.retranslate()
        self.legal_box.retranslate()
        self.help.set_texts(self.field_texts(), self.help_texts())
        self.mediation_caution.setText(
            self.tr(
                "Caution: mediation is discouraged in intimate partner violence (GBVIMS and the Cambodian "
                "guidelines): it can put her at risk and press her to go back. Record what the commune "
                "did; consider a referral and a safety plan."
            )
        )
        self.identifying_section.retranslate()
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
            identifying=self.identifying_section.details(self.perpetrators.rowCount()),
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
        self.child_section.show_providers(providers)
        if was_clean:
            self.mark_clean()  # the loaded choices are not a change she made

    def _update_context(self) -> None:
        age = spin_age(self.survivor_age)
        minor = age is not None and age < 18
        self.child_section.show_for(minor)
        self.legal_box.update_questions()
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

    def field_texts(self) -> dict[str, str]:
        """The captions of the fields that have a "?" help."""
        return {**self.child_section.field_texts(), **self.legal_box.field_texts()}

    def help_texts(self) -> dict[str, str]:
        """One-line definitions behind each "?" (Khmer and English in the translations)."""
        return {**self.child_section.help_texts(), **self.legal_box.help_texts()}

    # -- drafts -----------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        out = super().state()
        # Whether the identifying fields hold what the user sees (section opened, details loaded):
        # a draft reopens the section, so what she typed there is saved, not silently dropped.
        out["identifying"] = self.identifying_section.details(self.perpetrators.rowCount()) is not None
        return out

    def restore_state(self, state: dict[str, Any]) -> bool:
        placed = super().restore_state(state)
        if state.get("identifying"):
            self.identifying_section.reopen()
        return placed

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
