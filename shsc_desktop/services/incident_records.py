"""The incident's plain values: the draft a form fills in, the view and list row it gets back, and
how they map to and from the stored :class:`~shsc_desktop.models.tables.Incident` row.

Nothing here reads or writes the database or checks who may act; :mod:`.incidents` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..models import codes
from ..models.tables import Incident, Perpetrator
from ..values.copying import same_named
from . import identities
from . import validation as v
from .incident_identity import IdentifyingDetails
from .reporting.catalogue import case_context

ANSWER_CHARS = {True: "Y", False: "N", None: "?"}


def answers_text(answers: Sequence[bool | None]) -> str:
    """The six answers as stored, e.g. ``"NNY???"``."""
    padded = list(answers)[: len(codes.CLASSIFICATION_QUESTIONS)]
    padded += [None] * (len(codes.CLASSIFICATION_QUESTIONS) - len(padded))
    return "".join(ANSWER_CHARS[a] for a in padded)


def answers_from_text(text: str) -> tuple[bool | None, ...]:
    back = {"Y": True, "N": False}
    return tuple(back.get(ch) for ch in text.ljust(len(codes.CLASSIFICATION_QUESTIONS), "?"))


# --- what goes in ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PerpetratorDraft:
    sex: str = "male"  # codes.SEX
    age_group: str = "unknown"  # codes.AGE_GROUP
    relationship: str = "unknown"  # codes.RELATIONSHIP


@dataclass(frozen=True)
class IncidentDraft:
    """Everything a form can enter. ``classification`` holds the six answers in question order.

    ``identifying=None`` on an update leaves the stored identifying details unchanged (a clerk who
    cannot see them never erases them); replacing them needs ``VIEW_IDENTIFYING``. On create, the
    person taking the report may enter them whatever her role.
    ``existing_survivor_code`` links a second incident to a survivor already on file.
    """

    date_reported: date | None
    classification: tuple[bool | None, ...] = ()
    date_of_incident: date | None = None
    reported_by: str = "survivor"
    first_point_of_contact: bool | None = True  # None: not answered (the form's start), refused
    survivor_sex: str = "female"
    survivor_age: int | None = None
    marital_status: str = "unknown"
    disability: str = "unknown"
    village_code: str = ""
    location_type: str = "unknown"
    time_of_day: str = "unknown"
    previously_reported: str = "unknown"
    goods_money_exchanged: str = "unknown"
    perpetrators: tuple[PerpetratorDraft, ...] = ()
    commune_actions: frozenset[str] = frozenset()
    risk_level: str = "low"
    status: str = "open"
    follow_up_date: date | None = None
    consent_services: str = "not_asked"
    consent_reporting: bool = False
    child_consent_route: str = ""  # codes.CHILD_CONSENT_ROUTE; survivors under 18 only
    child_consent_reason: str = ""  # codes.CHILD_CONSENT_REASON; trusted adult and best interests
    child_consent_decided_by: str = ""  # codes.DECIDED_BY; best-interests decisions only
    child_protection_referral: str = ""  # codes.CHILD_PROTECTION_REFERRAL; required under 18
    legal_duty_reported: str = ""  # codes.LEGAL_DUTY (CPC art. 42); required under 18
    legal_duty_reason: str = ""  # codes.NOT_REPORTED_REASON; when not reported
    dv_law_applies: str = ""  # codes.YES_NO_UNKNOWN; "" = not asked
    admin_decision_date: date | None = None
    admin_decision_measures: frozenset[str] = frozenset()  # codes.ADMIN_MEASURE
    protection_order: str = ""  # codes.PROTECTION_ORDER
    sent_to_prosecutor: str = ""  # codes.YES_NO_UNKNOWN
    identifying: IdentifyingDetails | None = None
    existing_survivor_code: str | None = None
    case_worker_id: str | None = None  # services/caseworkers.py: None keeps (or defaults), "" clears


# --- what comes out --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PerpetratorView:
    sex: str
    age_group: str
    relationship: str


@dataclass(frozen=True)
class IncidentView:
    """One incident without its identifying details."""

    id: str
    version: int
    incident_code: str
    survivor_code: str
    date_reported: date
    period: str
    date_of_incident: date | None
    reported_by: str
    first_point_of_contact: bool
    survivor_sex: str
    survivor_age: int | None
    marital_status: str
    disability: str
    village_code: str
    location_type: str
    time_of_day: str
    gbv_type: str
    classification_answers: str
    previously_reported: str
    goods_money_exchanged: str
    perpetrators: tuple[PerpetratorView, ...]
    commune_actions: frozenset[str]
    risk_level: str
    status: str
    follow_up_date: date | None
    consent_services: str
    consent_reporting: bool
    child_consent_route: str
    child_consent_reason: str
    child_consent_decided_by: str
    child_protection_referral: str
    legal_duty_reported: str
    legal_duty_reason: str
    dv_law_applies: str
    admin_decision_date: date | None
    admin_decision_measures: frozenset[str]
    protection_order: str
    sent_to_prosecutor: str
    case_context: tuple[str, ...]
    has_identifying: bool
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    case_worker_id: str | None = None  # the focal point handling the case

    @property
    def age_group(self) -> str:
        return codes.age_group(self.survivor_age)

    @property
    def elapsed_reporting(self) -> str:
        if self.date_of_incident is None:
            return "unknown"
        return codes.elapsed_reporting((self.date_reported - self.date_of_incident).days)

    @property
    def is_ipv(self) -> bool:
        return "ipv" in self.case_context

    def classification(self) -> tuple[bool | None, ...]:
        return answers_from_text(self.classification_answers)

    def as_draft(self) -> IncidentDraft:
        """A draft holding this record's values (identifying details left unchanged, the case
        worker kept as she is)."""
        return same_named(
            IncidentDraft,
            self,
            keep_default=("identifying", "existing_survivor_code", "case_worker_id"),
            classification=self.classification(),
            perpetrators=tuple(
                PerpetratorDraft(p.sex, p.age_group, p.relationship) for p in self.perpetrators
            ),
        )


@dataclass(frozen=True)
class IncidentRow:
    """One line of the incident list (codes only)."""

    id: str
    version: int
    incident_code: str
    survivor_code: str
    date_reported: date
    gbv_type: str
    status: str
    village_code: str
    risk_level: str
    follow_up_date: date | None
    survivor_age: int | None
    consent_reporting: bool
    case_context: tuple[str, ...]


@dataclass(frozen=True)
class IncidentFilters:
    """List filters; ``None``/empty means no filter. ``search`` matches incident or survivor codes."""

    period: str | None = None
    gbv_type: str | None = None
    status: str | None = None
    village_code: str | None = None
    follow_up_due_by: date | None = None  # follow-up date on or before this day, record not closed
    search: str = ""


def minor(age: int | None) -> bool:
    """A survivor under 18 (an unknown age is not a child's)."""
    return age is not None and age < 18


def apply_draft(row: Incident, draft: IncidentDraft, gbv_type: str) -> None:
    """Write ``draft``'s values (and the derived ``gbv_type``) onto ``row``; identifying details
    are sealed separately (:mod:`.incident_identity`)."""
    assert draft.date_reported is not None
    row.date_reported = draft.date_reported
    row.date_of_incident = draft.date_of_incident
    row.reported_by = draft.reported_by
    assert draft.first_point_of_contact is not None  # refused unanswered by validate()
    row.first_point_of_contact = draft.first_point_of_contact
    row.survivor_sex = draft.survivor_sex
    row.survivor_age = draft.survivor_age
    row.marital_status = draft.marital_status
    row.disability = draft.disability
    row.village_code = draft.village_code
    row.location_type = draft.location_type
    row.time_of_day = draft.time_of_day
    row.gbv_type = gbv_type
    row.classification_answers = answers_text(draft.classification)
    row.previously_reported = draft.previously_reported
    row.goods_money_exchanged = draft.goods_money_exchanged
    row.commune_actions = frozenset(draft.commune_actions)
    row.risk_level = draft.risk_level
    row.status = draft.status
    row.follow_up_date = draft.follow_up_date
    row.consent_services = draft.consent_services
    row.consent_reporting = draft.consent_reporting
    child = minor(draft.survivor_age)
    # The child questions are kept only for a child: an age corrected to 18 or more clears them.
    row.child_consent_route = draft.child_consent_route if child else ""
    row.child_consent_reason = draft.child_consent_reason if child else ""
    row.child_consent_decided_by = draft.child_consent_decided_by if child else ""
    row.child_protection_referral = draft.child_protection_referral if child else ""
    row.legal_duty_reported = draft.legal_duty_reported
    row.legal_duty_reason = draft.legal_duty_reason if draft.legal_duty_reported == "no" else ""
    row.dv_law_applies = draft.dv_law_applies
    row.admin_decision_date = draft.admin_decision_date
    row.admin_decision_measures = frozenset(draft.admin_decision_measures)
    row.protection_order = draft.protection_order
    row.sent_to_prosecutor = draft.sent_to_prosecutor
    row.perpetrators = [
        Perpetrator(position=i, sex=pd.sex, age_group=pd.age_group, relationship_code=pd.relationship)
        for i, pd in enumerate(draft.perpetrators)
    ]


def comparable(row: Incident) -> dict[str, Any]:
    """Non-identifying values, for naming the changed fields in the audit entry."""
    values = {
        c.key: getattr(row, c.key)
        for c in Incident.__mapper__.column_attrs
        if c.key not in {*identities.identifying_columns(Incident), "version", "updated_at", "updated_by"}
    }
    values["perpetrators"] = [(p.sex, p.age_group, p.relationship_code) for p in row.perpetrators]
    return values


def view(row: Incident) -> IncidentView:
    relationships = [p.relationship_code for p in row.perpetrators]
    return same_named(
        IncidentView,
        row,
        perpetrators=tuple(
            PerpetratorView(p.sex, p.age_group, p.relationship_code) for p in row.perpetrators
        ),
        commune_actions=frozenset(row.commune_actions),
        admin_decision_measures=frozenset(row.admin_decision_measures),
        case_context=case_context(row.gbv_type, row.survivor_age, relationships, row.goods_money_exchanged),
        has_identifying=row.identity_sealed is not None or identities.has_legacy_identity(row),
        created_at=v.aware(row.created_at),
        updated_at=v.aware(row.updated_at),
    )
