"""The referral forms: a new referral of one incident to a provider of the directory, and the
update of a referral's response and outcome.

A referral needs the survivor's consent to services. Without it the service refuses
(``ConsentRequired``); the form says so plainly and, for the chief only, offers "Override with
reason…", which the service records in the audit log.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QWidget,
)

from ..errors import ConsentRequired, ShscError
from ..models import codes
from ..security.permissions import Perm
from ..services.contacts import ContactView
from ..services.incidents import IncidentView
from ..services.office import UnlockedOffice
from ..services.referrals import (
    ReferralDraft,
    ReferralUpdate,
    ReferralView,
)
from .builders import box_button, named, vbox, wrapped_label
from .form_helpers import (
    UNANSWERED,
    OptionalDateEdit,
    ask_reason,
    code_combo,
    code_of,
    field_form,
    fill_codes,
    fill_question,
    refuse_bad_dates,
    set_code,
    set_field_label,
)
from .i18n import current_language
from .look import note_style
from .messages import show_error
from .operations import BackgroundOperation, run_in_background
from .record_pages import RegisterForm


class ReferralForm(RegisterForm):
    """A new referral for the survivor of one incident.

    ``saved`` carries the :class:`ReferralView` created.
    """

    form_kind = "referral"

    def __init__(
        self,
        office: UnlockedOffice,
        incident: IncidentView,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        # A new referral belongs to this incident: its id is the form's record.
        super().__init__(office, "referralForm", incident.id, parent)
        self.service = self.session.services.referrals
        self.incident = incident
        self.can_override = office.actor.can(Perm.CONSENT_OVERRIDE)
        self.providers: list[ContactView] = []
        P = self.problems.label
        self.incident_label = named(QLabel(), "referralIncident")
        self.consent_label = wrapped_label("consentState")
        self.service_type = code_combo("serviceType")
        self.provider = code_combo("provider")
        self.provider.setMinimumWidth(280)
        self.no_provider = wrapped_label(hidden=True)
        self.urgency = code_combo("urgency")
        self.mode = code_combo("mode")
        self.date_referred = OptionalDateEdit("dateReferred")
        self.date_referred.set_value(today or date.today())
        self.follow_up_date = OptionalDateEdit("followUpDate")
        self.form = field_form(
            P,
            [
                (self.incident_label, None),
                (self.service_type, "service_type"),
                (self.provider, "contact_id"),
                (self.urgency, "urgency"),
                (self.mode, "mode"),
                (self.date_referred, "date_referred"),
                (self.follow_up_date, "follow_up_date"),
            ],
        )
        self.form.insertRow(2, self.no_provider)
        self.override_button = box_button(
            self.buttons, "overrideButton", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.override_button.hide()
        self.keep_save_default()
        self.override_button.clicked.connect(self.ask_override)
        vbox(self, self.consent_label, self.form, self.error, self.buttons)
        self.service_type.currentIndexChanged.connect(lambda _i: self.load_providers())
        self.retranslate()
        self.load_providers()
        self.resize(620, 460)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New referral"))
        self.incident_label.setText(f"{self.incident.incident_code} · {self.incident.survivor_code}")
        set_field_label(self.form, self.incident_label, self.tr("Incident:"))
        set_field_label(self.form, self.service_type, self.tr("Service needed:"))
        set_field_label(self.form, self.provider, self.tr("Provider:"))
        set_field_label(self.form, self.urgency, self.tr("Urgency:"))
        set_field_label(self.form, self.mode, self.tr("How she is referred:"))
        set_field_label(self.form, self.date_referred, self.tr("Date referred:"))
        set_field_label(self.form, self.follow_up_date, self.tr("Follow-up date:"))
        self.no_provider.setText(
            self.tr("No active provider in the directory offers this service. Add one under Contacts.")
        )
        consent = self.incident.consent_services
        if consent == "yes":
            self.consent_label.setText(self.tr("She has agreed to be referred to services."))
            self.consent_label.setStyleSheet("")
        else:
            self.consent_label.setText(
                self.tr(
                    "She has not agreed to be referred to services (%1). A referral will be refused unless "
                    "the chief overrides it with a reason."
                ).replace("%1", codes.CONSENT.label(consent, current_language()))
            )
            self.consent_label.setStyleSheet(note_style("#fff4e5"))
        fill_question(self.service_type, codes.SERVICE_TYPE)
        fill_question(self.urgency, codes.URGENCY)
        fill_question(self.mode, codes.REFERRAL_MODE)
        self.save_button.setText(self.tr("Refer"))
        self.override_button.setText(self.tr("Override with reason…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._fill_providers()

    def load_providers(self) -> BackgroundOperation | None:
        """The providers of the chosen service, read in the background (an answer for a service
        no longer chosen is dropped)."""
        wanted = code_of(self.service_type)
        if not wanted:
            self.providers = []  # no service chosen yet: nothing to offer, nothing to complain about
            self._fill_providers()
            return None
        service = self.service

        def arrived(providers: list[ContactView]) -> None:
            if code_of(self.service_type) == wanted:
                self.providers = providers
                self._fill_providers()

        def failed(error: BaseException) -> None:
            assert isinstance(error, ShscError)  # anything else went to the crash dialog
            show_error(self, error)
            self.providers = []
            self._fill_providers()

        return run_in_background(self, lambda _t: service.contacts_for_service(wanted), arrived, failed)

    def _fill_providers(self) -> None:
        current = self.provider.currentData()
        lang = current_language()
        self.provider.clear()
        if len(self.providers) > 1:
            self.provider.addItem(UNANSWERED, "")  # several providers: the clerk chooses one herself
        for contact in self.providers:
            self.provider.addItem(contact.name(lang), contact.id)
        if current:
            set_code(self.provider, current)
        self.no_provider.setVisible(not self.providers and bool(code_of(self.service_type)))

    def draft(self) -> ReferralDraft:
        return ReferralDraft(
            service_type=code_of(self.service_type),
            contact_id=code_of(self.provider) or None,
            date_referred=self.date_referred.value(),
            urgency=code_of(self.urgency),
            mode=code_of(self.mode),
            follow_up_date=self.follow_up_date.value(),
        )

    def save(self, override_reason: str | None = None) -> None:
        if refuse_bad_dates(self, self.error):
            return
        draft = self.draft()
        incident_id = self.incident.id
        self.write(lambda _t: self.service.create(incident_id, draft, override_reason))

    def ask_override(self) -> None:
        ask_reason(
            self,
            self.tr("Override consent"),
            self.tr(
                "She has not agreed to this referral. Overriding her choice is recorded in the audit log "
                "with your name and reason. Why is the referral needed anyway?"
            ),
            self.tr("Override and refer"),
            lambda reason: self.save(reason),
        )

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        if isinstance(error, ConsentRequired):
            self.override_button.setVisible(self.can_override)
            if not self.can_override:
                self.save_button.setEnabled(False)
        self.error.show()


class ReferralUpdateDialog(RegisterForm):
    """Record the response (GBVIMS code), the outcome and the next follow-up of a referral.

    ``saved`` carries the updated :class:`ReferralView`.
    """

    form_kind = "referral_update"

    def __init__(self, office: UnlockedOffice, referral: ReferralView, parent: QWidget | None = None) -> None:
        super().__init__(office, "referralUpdateDialog", referral.id, parent)
        self.service = self.session.services.referrals
        self.referral = referral
        P = self.problems.label
        self.status = code_combo("referralStatus")
        self.outcome = code_combo("referralOutcome")
        self.outcome_date = OptionalDateEdit("outcomeDate")
        self.follow_up_date = OptionalDateEdit("followUpDate")
        self.form = field_form(
            P,
            [
                (self.status, "status"),
                (self.outcome, "outcome"),
                (self.outcome_date, "outcome_date"),
                (self.follow_up_date, "follow_up_date"),
            ],
        )
        vbox(self, self.form, self.error, self.buttons)
        self.retranslate()
        set_code(self.status, referral.status)
        set_code(self.outcome, referral.outcome)
        self.outcome_date.set_value(referral.outcome_date)
        self.follow_up_date.set_value(referral.follow_up_date)
        self.resize(560, 320)

    def retranslate(self) -> None:
        lang = current_language()
        self.setWindowTitle(
            self.tr("Referral of %1 for %2")
            .replace("%1", self.referral.incident_code)
            .replace("%2", codes.SERVICE_TYPE.label(self.referral.service_type, lang))
        )
        set_field_label(self.form, self.status, self.tr("Response:"))
        set_field_label(self.form, self.outcome, self.tr("Outcome:"))
        set_field_label(self.form, self.outcome_date, self.tr("Date of the outcome:"))
        set_field_label(self.form, self.follow_up_date, self.tr("Next follow-up:"))
        fill_codes(self.status, codes.REFERRAL_STATUS)
        fill_codes(self.outcome, codes.REFERRAL_OUTCOME)
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def save(self) -> None:
        if refuse_bad_dates(self, self.error):
            return
        change = ReferralUpdate(
            status=code_of(self.status),
            outcome=code_of(self.outcome),
            outcome_date=self.outcome_date.value(),
            follow_up_date=self.follow_up_date.value(),
        )
        referral = self.referral
        self.write(lambda _t: self.service.update(referral.id, change, referral.version))
