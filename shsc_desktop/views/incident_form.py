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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError
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
from ..values.contacts import ContactView
from .builders import hbox, named, push_button, vbox, wrapped_label
from .field_help import FieldHelp
from .form_helpers import (
    UNANSWERED,
    CheckGrid,
    OptionalDateEdit,
    age_spin,
    checked_codes,
    code_combo,
    code_of,
    field_form,
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
from .operations import run_in_background
from .perpetrator_table import PerpetratorTable
from .record_pages import RegisterForm
from .screen import FoldingColumns, fit_to_screen

FIRST_CONTACT = codes.CodeList(
    "first_point_of_contact", [(c.code, c.en, c.km) for c in codes.YES_NO_UNKNOWN if c.code in ("yes", "no")]
)
"""Was the commune her first point of contact: a yes/no fact (the record holds a boolean)."""


CODED_QUESTIONS: tuple[tuple[str, str, codes.CodeList], ...] = (
    ("reported_by", "reported_by", codes.REPORTED_BY),
    ("location_type", "location_type", codes.LOCATION_TYPE),
    ("time_of_day", "time_of_day", codes.TIME_OF_DAY),
    ("previously_reported", "previously_reported", codes.YES_NO_UNKNOWN),
    ("goods_exchanged", "goods_money_exchanged", codes.YES_NO_UNKNOWN),
    ("survivor_sex", "survivor_sex", codes.SEX),
    ("marital_status", "marital_status", codes.MARITAL_STATUS),
    ("disability", "disability", codes.DISABILITY),
    ("risk_level", "risk_level", codes.RISK_LEVEL),
    ("consent_services", "consent_services", codes.CONSENT),
)
"""The form's own coded questions: its combo, the record's field, the code list (unanswered at first)."""

SECTION_ANSWERS = (
    "child_consent_route",
    "child_consent_reason",
    "child_consent_decided_by",
    "child_protection_referral",
    "legal_duty_reported",
    "legal_duty_reason",
    "dv_law_applies",
    "protection_order",
    "sent_to_prosecutor",
)
"""The coded answers of the child and legal sections, each held by the combo of the same name."""


def _yes_no(code: str) -> bool | None:
    """``True``/``False`` for "yes"/"no"; ``None`` while unanswered (the service refuses it)."""
    return {"yes": True, "no": False}.get(code)


def _answer(combo: QComboBox) -> str:
    """The combo's code, or "" while it is disabled (a question its route does not ask)."""
    return code_of(combo) if combo.isEnabled() else ""


class IncidentForm(RegisterForm):
    """Create or edit one incident. Opened with ``open()``; closes itself once saved.

    ``saved`` carries the :class:`IncidentView` written by the service.
    """

    form_kind = "incident"

    def __init__(
        self,
        office: UnlockedOffice,
        incident: IncidentView | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(office, "incidentForm", incident.id if incident is not None else None, parent)
        self.office = office
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
        self.incident_code_label = named(QLabel(), "incidentCode")
        self.survivor_code_label = named(QLabel(), "survivorCode")
        self.survivor_code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_form = field_form(
            P,
            [
                (self.incident_code_label, None),
                (self.survivor_code_label, None),
                (self.date_reported, "date_reported"),
                (self.date_of_incident, "date_of_incident"),
                (self.reported_by, "reported_by"),
                (self.first_contact, "first_point_of_contact"),
                (self.village, "village_code"),
                (self.location_type, "location_type"),
                (self.time_of_day, "time_of_day"),
                (self.previously_reported, "previously_reported"),
            ],
            self.report_box,
        )

        # -- survivor --
        self.survivor_sex = code_combo("survivorSex")
        self.survivor_age = age_spin("survivorAge")
        self.marital_status = code_combo("maritalStatus")
        self.disability = code_combo("disability")
        self.survivor_box = QGroupBox()
        self.survivor_form = field_form(
            P,
            [
                (self.survivor_sex, "survivor_sex"),
                (self.survivor_age, "survivor_age"),
                (self.marital_status, "marital_status"),
                (self.disability, "disability"),
            ],
            self.survivor_box,
        )

        # -- classification --
        self.classification = ClassificationHelper()
        self.context_label = wrapped_label("caseContext")
        self.goods_exchanged = code_combo("goodsExchanged")
        self.classification_box = named(QGroupBox(), "classificationBox")
        self.goods_label = wrapped_label()
        vbox(
            self.classification_box,
            self.classification,
            P("classification"),
            hbox((self.goods_label, 1), self.goods_exchanged),
            P("goods_money_exchanged"),
            self.context_label,
        )
        self.problems.labels["classification"].setBuddy(self.classification.yes_buttons[0])
        self.problems.labels["goods_money_exchanged"].setBuddy(self.goods_exchanged)

        # -- perpetrators --
        self.perpetrators = PerpetratorTable()
        self.add_perpetrator_button = push_button("addPerpetrator")
        self.remove_perpetrator_button = push_button("removePerpetrator")
        self.perpetrator_box = QGroupBox()
        vbox(
            self.perpetrator_box,
            self.perpetrators,
            hbox(self.add_perpetrator_button, self.remove_perpetrator_button, 1),
            P("perpetrators"),
        )
        self.problems.labels["perpetrators"].setBuddy(self.perpetrators)

        # -- response --
        self.actions_grid = CheckGrid(codes.COMMUNE_ACTION, "action")
        self.action_boxes = self.actions_grid.boxes
        self.risk_level = code_combo("riskLevel")
        self.status = code_combo("status")
        self.follow_up_date = OptionalDateEdit("followUpDate")
        self.case_worker = self._case_worker_combo(office, incident)
        self.response_box = QGroupBox()
        response_layout = QVBoxLayout(self.response_box)
        self.actions_label = QLabel()
        response_layout.addWidget(self.actions_label)
        response_layout.addWidget(self.actions_grid)
        response_layout.addWidget(P("commune_actions"))
        # GBVIMS and Cambodian guidelines discourage mediation in partner violence: a caution, not
        # a refusal (the clerk records what the commune did).
        self.mediation_caution = wrapped_label("mediationCaution", note_style("#fff4e5"), hidden=True)
        response_layout.addWidget(self.mediation_caution)
        self.problems.labels["commune_actions"].setBuddy(next(iter(self.action_boxes.values())))
        self.response_form = field_form(
            P,
            [
                (self.risk_level, "risk_level"),
                (self.status, "status"),
                (self.follow_up_date, "follow_up_date"),
                (self.case_worker, "case_worker_id"),
            ],
        )
        response_layout.addLayout(self.response_form)

        # -- consent --
        self.consent_services = code_combo("consentServices")
        self.consent_reporting = named(QCheckBox(), "consentReporting")
        self.consent_box = named(QGroupBox(), "consentBox")
        consent_layout = QVBoxLayout(self.consent_box)
        self.consent_form = field_form(
            P,
            [
                (self.consent_services, "consent_services"),
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
        self.banner = wrapped_label("formBanner", note_style("#fff4e5"), hidden=True)
        left = vbox(None, self.report_box, self.survivor_box, self.perpetrator_box, 1)
        # The legal context right after the consent and a child's questions (her duty to report
        # follows the child-protection prompt), read and tabbed in that order.
        right = vbox(None, self.classification_box, self.response_box, self.consent_box, self.legal_box, 1)
        self.columns = FoldingColumns(left, right)  # one column on a narrow screen
        body = QWidget()
        vbox(body, self.columns, self.identifying_section)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        vbox(self, self.banner, self.error, (self.scroll_area, 1), self.buttons)

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
        self.actions_grid.retranslate()
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
        for name, _field, codelist in CODED_QUESTIONS:
            fill_question(getattr(self, name), codelist)
        fill_question(self.first_contact, FIRST_CONTACT)
        fill_villages(self.village, self.commune_code, UNANSWERED)
        self.classification.retranslate()
        self.perpetrators.retranslate()
        self._update_context()

    # -- values -----------------------------------------------------------------------------------

    def _fill(self, i: IncidentView) -> None:
        self.incident_code_label.setText(i.incident_code)
        self.survivor_code_label.setText(i.survivor_code)
        self.date_reported.set_value(i.date_reported)
        self.date_of_incident.set_value(i.date_of_incident)
        for name, field, _codes in CODED_QUESTIONS:
            set_code(getattr(self, name), getattr(i, field))
        set_code(self.first_contact, "yes" if i.first_point_of_contact else "no")
        set_code(self.village, i.village_code)
        self.survivor_age.setValue(-1 if i.survivor_age is None else i.survivor_age)
        self.classification.set_answers(i.classification())
        self.perpetrators.set_perpetrators(
            tuple(PerpetratorDraft(p.sex, p.age_group, p.relationship) for p in i.perpetrators)
        )
        set_checked(self.action_boxes, i.commune_actions)
        set_code(self.status, i.status)
        self.follow_up_date.set_value(i.follow_up_date)
        self.consent_reporting.setChecked(i.consent_reporting)
        for name in SECTION_ANSWERS:
            set_code(getattr(self, name), getattr(i, name))
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
        self.error.hide()
        incident = self.incident
        if incident is None:
            self.write(lambda _t: self.service.create(draft))
        else:
            self.write(lambda _t: self.service.update(incident.id, draft, incident.version))

    def _saved(self, view: object) -> None:
        assert isinstance(view, IncidentView)
        self.problems.clear()
        self.incident = view
        super()._saved(view)

    def add_rows(self, rows: dict[str, int]) -> None:
        self.grow_table(self.perpetrators, rows)
