"""Two sections of the incident form that carry their own "?" help: a child survivor's consent route
and child protection, and the legal context (2005 DV law, Criminal Procedure Code art. 42).

Each section builds its fields (their rows go into the form's shared :class:`FieldHelp`), gives
their captions and definitions, and enables the questions its answers ask; the form reads and
fills the values.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..models import codes
from ..values.contacts import ContactView
from .builders import wrapped_label
from .field_help import FieldHelp
from .form_helpers import CheckGrid, OptionalDateEdit, code_combo, code_of, fill_question
from .i18n import current_language

ProblemLabel = Callable[[str], QLabel]
"""The form's problem label of a field key (``FieldProblems.label``)."""


class ChildConsentSection(QWidget):
    """A survivor under 18: who gives the consent with her, and her referral to child protection
    (with the directory's child-protection providers beside it). Shown for a child only."""

    def __init__(self, help: FieldHelp, problem: ProblemLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childSection")
        self.child_consent_route = code_combo("childConsentRoute")
        self.child_consent_reason = code_combo("childConsentReason")
        self.child_consent_decided_by = code_combo("childConsentDecidedBy")
        self.child_protection_referral = code_combo("childProtectionReferral")
        self.child_protection_contacts = wrapped_label("childProtectionContacts")
        self.child_protection_contacts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        child_layout = QVBoxLayout(self)
        child_layout.setContentsMargins(0, 0, 0, 0)
        self.child_heading = QLabel()
        self.child_heading.setWordWrap(True)
        font = self.child_heading.font()
        font.setBold(True)
        self.child_heading.setFont(font)
        child_layout.addWidget(self.child_heading)
        self.child_form = QFormLayout()
        P = problem
        help.rows(
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
        self.providers: list[ContactView] = []

    def show_for(self, minor: bool) -> None:
        """Shown for a child only. The questions a route does not ask are disabled (out of the Tab
        chain, not sent); what they hold stays, should she choose that route again."""
        self.setVisible(minor)
        route = code_of(self.child_consent_route)
        self.child_consent_reason.setEnabled(route in ("trusted_adult", "best_interests"))
        self.child_consent_decided_by.setEnabled(route == "best_interests")

    def show_providers(self, providers: list[ContactView]) -> None:
        """The directory's child-protection providers, offered beside the referral prompt."""
        self.providers = providers
        self._show_contacts()

    def _show_contacts(self) -> None:
        lang = current_language()
        found = [f"{c.name(lang)} ({c.phone})" if c.phone else c.name(lang) for c in self.providers]
        if found:
            text = self.tr("Child protection in the directory: %1").replace("%1", "; ".join(found))
        else:
            text = self.tr(
                "No child-protection provider in the directory yet: add the social affairs office (DoSVY)."
            )
        self.child_protection_contacts.setText(text)

    def retranslate(self) -> None:
        self.child_heading.setText(self.tr("Survivor under 18"))
        for combo, codelist in (
            (self.child_consent_route, codes.CHILD_CONSENT_ROUTE),
            (self.child_consent_reason, codes.CHILD_CONSENT_REASON),
            (self.child_consent_decided_by, codes.DECIDED_BY),
            (self.child_protection_referral, codes.CHILD_PROTECTION_REFERRAL),
        ):
            fill_question(combo, codelist)
        self._show_contacts()

    def field_texts(self) -> dict[str, str]:
        """The captions of the fields that have a "?" help."""
        return {
            "child_consent_route": self.tr("Her consent is given by:"),
            "child_consent_reason": self.tr("Why not her guardian:"),
            "child_consent_decided_by": self.tr("Decision taken by:"),
            "child_protection_referral": self.tr("Referral to child protection:"),
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
        }


class LegalContextBox(QGroupBox):
    """The legal context: the duty to report a crime (Criminal Procedure Code art. 42), the 2005
    Law on the Prevention of Domestic Violence, an administrative decision and its measures, a
    protection order and the prosecutor."""

    def __init__(self, help: FieldHelp, problem: ProblemLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legalBox")
        self.legal_duty_reported = code_combo("legalDutyReported")
        self.legal_duty_reason = code_combo("legalDutyReason")
        self.dv_law_applies = code_combo("dvLawApplies")
        self.admin_decision_date = OptionalDateEdit("adminDecisionDate")
        measures = CheckGrid(codes.ADMIN_MEASURE, "measure", "adminDecisionMeasures")
        self.measure_boxes = measures.boxes
        self.admin_decision_measures = measures
        self.protection_order = code_combo("protectionOrder")
        self.sent_to_prosecutor = code_combo("sentToProsecutor")
        legal_layout = QVBoxLayout(self)
        self.legal_form = QFormLayout()
        P = problem
        rows: list[tuple[QWidget, QLabel, str]] = [
            (self.legal_duty_reported, P("legal_duty_reported"), "legal_duty_reported"),
            (self.legal_duty_reason, P("legal_duty_reason"), "legal_duty_reason"),
            (self.dv_law_applies, P("dv_law_applies"), "dv_law_applies"),
            (self.admin_decision_date, P("admin_decision_date"), "admin_decision_date"),
            (measures, P("admin_decision_measures"), "admin_decision_measures"),
            (self.protection_order, P("protection_order"), "protection_order"),
            (self.sent_to_prosecutor, P("sent_to_prosecutor"), "sent_to_prosecutor"),
        ]
        help.rows(self.legal_form, rows)
        rows[4][1].setBuddy(self.measure_boxes["warning_letter"])
        legal_layout.addLayout(self.legal_form)
        legal_layout.addWidget(help.note_for(self))

    def update_questions(self) -> None:
        """Why it was not reported is asked only when it was not."""
        self.legal_duty_reason.setEnabled(code_of(self.legal_duty_reported) == "no")

    def retranslate(self) -> None:
        self.setTitle(self.tr("Legal context"))
        self.admin_decision_measures.retranslate()
        for combo, codelist in (
            (self.legal_duty_reported, codes.LEGAL_DUTY),
            (self.legal_duty_reason, codes.NOT_REPORTED_REASON),
            (self.dv_law_applies, codes.YES_NO_UNKNOWN),
            (self.protection_order, codes.PROTECTION_ORDER),
            (self.sent_to_prosecutor, codes.YES_NO_UNKNOWN),
        ):
            fill_question(combo, codelist)

    def field_texts(self) -> dict[str, str]:
        """The captions of the fields that have a "?" help."""
        return {
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
