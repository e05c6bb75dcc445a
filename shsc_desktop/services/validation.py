"""Shared checks for the register services: field problems, code lists, dates, versions.

Every service collects the problems of a whole form before raising one
:class:`~shsc_desktop.errors.ValidationFailed`, so the form can mark every bad field at once. The
messages are :class:`~shsc_desktop.problems.Problem` codes with their English text; the views
translate the code (``views/problem_texts.py``); :data:`shsc_desktop.problems.CATALOGUE` lists
every code defined, here and elsewhere, so they are not listed again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime

from ..errors import EditConflict, ValidationFailed
from ..models import gazetteer
from ..models.codes import CodeList
from ..problems import define

REQUIRED = define("required", "This field is required.")
NOT_IN_LIST = define("not_in_list", "Choose a value from the list.")
FUTURE_DATE = define("future_date", "This date is in the future.")
INCIDENT_AFTER_REPORT = define("incident_after_report", "The incident date cannot be after the report date.")
BEFORE_REPORT = define("before_report", "This date cannot be before the report date.")
BEFORE_REFERRAL = define("before_referral", "This date cannot be before the referral date.")
BEFORE_MEETING = define("before_meeting", "This date cannot be before the meeting date.")
AGE_RANGE = define("age_range", "Enter an age between 0 and 120.")
CHILD_CONSENT_ROUTE = define(
    "child_consent_route",
    "Under 18: choose how her consent is given (guardian, trusted adult, best interests).",
)
CHILD_ROUTE_REASON = define(
    "child_route_reason", "Say why her guardian does not give the consent for this route."
)
DECIDED_BY_NEEDED = define("decided_by_needed", "Say who took the best-interests decision.")
DECIDED_BY_BEST_INTERESTS_ONLY = define(
    "decided_by_best_interests_only", "Only a best-interests decision has someone who took it."
)
NO_REASON_FOR_GUARDIAN = define(
    "no_reason_for_guardian", "Her guardian consents: no reason is needed, clear it."
)
CHILD_PROTECTION_PROMPT = define(
    "child_protection_prompt", "A child survivor must be offered a referral to child protection: answer."
)
NOT_REPORTED_REASON_NEEDED = define(
    "not_reported_reason_needed", "Say why it was not reported to the police or the prosecutor."
)
ADMIN_DECISION_DATE_NEEDED = define("admin_decision_date_needed", "Give the date of the decision.")
ADMIN_DECISION_MEASURES_NEEDED = define(
    "admin_decision_measures_needed", "Tick at least one measure of the decision."
)
DECISION_BEFORE_INCIDENT = define(
    "decision_before_incident", "The decision cannot be dated before the incident."
)
NONE_WITH_OTHERS = define("none_with_others", "'None' cannot be combined with other actions.")
VILLAGE_NOT_IN_COMMUNE = define("village_not_in_commune", "Choose a village of this commune.")
FOLLOW_UP_DATE_NEEDED = define("follow_up_date_needed", "Set a follow-up date for a record in follow-up.")
TOO_LONG = define("too_long", "This text is too long.")
REASON_REQUIRED = define("reason_required", "Give a reason (at least 5 characters).")
COUNT_RANGE = define("count_range", "Enter a number between 0 and 10000.")
DUPLICATE_GROUP = define("duplicate_group", "Each group can be counted only once.")
PROVIDER_INACTIVE = define("provider_inactive", "This provider is no longer active.")
PROVIDER_LACKS_SERVICE = define("provider_lacks_service", "This provider does not offer this service.")
NOT_A_FOCAL_POINT = define("not_a_focal_point", "Choose a CCWC focal point of this office.")
UNKNOWN_RECORD = define("unknown_record", "This record does not exist.")
BAD_DATE = define("bad_date", "Enter a date as YYYY-MM-DD.")
BAD_PERIOD = define("bad_period", "Enter a month as YYYY-MM.")
NAME_REQUIRED = define("name_required", "Enter the organisation's name in Khmer or in English.")
BAD_EMAIL = define("bad_email", "Enter a valid e-mail address.")
OUTCOME_DATE_NEEDED = define("outcome_date_needed", "Set the date of the outcome.")
ANSWER_CLASSIFICATION = define(
    "answer_classification", "Answer the questions in order until one is yes, or all six are no."
)
MONTH_NOT_STARTED = define("month_not_started", "A month can be approved only once it has begun.")
MONTH_NOT_ENDED = define("month_not_ended", "A month can be approved only after its last day.")
MONTH_ALREADY_APPROVED = define(
    "month_already_approved", "This month is already approved and its figures have not changed since."
)
MONTH_NOT_APPROVED = define("month_not_approved", "This month is not approved.")
CONTACT_IN_USE = define("contact_in_use", "This provider has referrals; mark it inactive instead.")
USERNAME_LENGTH = define("username_length", "Choose a user name of 1 to 64 characters.")
USERNAME_TAKEN = define("username_taken", "This user name is already taken.")
ROLE_NOT_AT_LEVEL = define("role_not_at_level", "This role does not exist at this office level.")
CANNOT_REMOVE_SELF = define("cannot_remove_self", "You cannot remove yourself.")
NO_ACTIVE_USER = define("no_active_user", "No such active user in this office.")
MINUTES_RANGE = define("minutes_range", "Choose between %1 and %2 minutes.")
MONTHS_RANGE = define("months_range", "Choose between %1 and %2 months.")
DAYS_RANGE = define("days_range", "Choose between %1 and %2 days.")
YEARS_RANGE = define("years_range", "Choose between %1 and %2 years.")
EXPORT_NEEDS_APPROVAL = define(
    "export_needs_approval", "Only an approved month can be exported: approve it first."
)
NO_CERTIFICATE_YET = define(
    "no_certificate_yet", "This office has no certificate yet: enrol with the office above first."
)
NOTHING_REPORTED = define(
    "nothing_reported",
    "No commune of this district has reported for %1: there is nothing to send. Missing is not zero.",
)
BAD_PHONE = define("bad_phone", "Enter a Cambodian phone number: 0 or +855, then 8 or 9 digits.")
NO_ATTENDEES = define("no_attendees", "Record at least one person who attended.")
INCIDENT_GONE = define("incident_gone", "This incident does not exist or has been deleted.")
REFERRAL_GONE = define("referral_gone", "This referral does not exist or has been deleted.")
MEETING_GONE = define("meeting_gone", "This meeting does not exist or has been deleted.")
CONTACT_GONE = define("contact_gone", "This directory entry does not exist.")
ACTION_ITEM_GONE = define("action_item_gone", "This action item does not exist.")
NO_INCIDENT_CODED = define("no_incident_coded", "No incident %1.")
NO_CONSENT_TO_REFER = define(
    "no_consent_to_refer",
    "The survivor has not consented to being referred to services. "
    "Only the chief can override this, giving a reason.",
)
NO_DIRECTORY_ROWS = define("no_directory_rows", "The file holds no directory rows.")
SAME_ID_TWICE = define("same_id_twice", "the same id is on line %1.")

MIN_REASON = 5

# A Cambodian number: 0 or +855, then the 8 or 9 digits of the operator code and the line (spaces
# or hyphens allowed between groups). National short numbers of 3-4 digits starting with 1 (117 police,
# 1280 child helpline) are kept in the referral directory too.
PHONE = re.compile(r"(?:\+855|0)\d{8,9}")
SHORT_NUMBER = re.compile(r"1\d{2,3}")


def is_phone(value: str) -> bool:
    compact = value.strip().replace(" ", "").replace("-", "")
    return bool(PHONE.fullmatch(compact) or SHORT_NUMBER.fullmatch(compact))


class Problems:
    """Field → message, first problem per field wins."""

    def __init__(self) -> None:
        self.items: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.items.setdefault(field, message)

    def code(self, field: str, value: str | None, codes: CodeList) -> None:
        if value is None or value == "":
            self.add(field, REQUIRED)
        elif value not in codes:
            self.add(field, NOT_IN_LIST)

    def codes(self, field: str, values: Iterable[str], codes: CodeList) -> None:
        if any(v not in codes for v in values):
            self.add(field, NOT_IN_LIST)

    def text(self, field: str, value: str, limit: int, required: bool = False) -> None:
        if required and not value.strip():
            self.add(field, REQUIRED)
        elif len(value) > limit:
            self.add(field, TOO_LONG)

    def phone(self, field: str, value: str) -> None:
        """An optional phone number: empty, or a Cambodian number (:func:`is_phone`)."""
        if value.strip() and not is_phone(value):
            self.add(field, BAD_PHONE)

    def not_future(self, field: str, value: date | None, today: date) -> None:
        if value is not None and value > today:
            self.add(field, FUTURE_DATE)

    def village(self, field: str, value: str, commune_code: str, required: bool = False) -> None:
        if not value:
            if required:
                self.add(field, REQUIRED)
            return
        if value not in village_codes(commune_code):
            self.add(field, VILLAGE_NOT_IN_COMMUNE)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationFailed(dict(self.items))


def village_codes(commune_code: str) -> frozenset[str]:
    if len(commune_code) != 6:
        return frozenset()
    return frozenset(v.code for v in gazetteer.villages(commune_code))


def require_reason(reason: str | None, field: str = "reason") -> str:
    text = (reason or "").strip()
    if len(text) < MIN_REASON:
        raise ValidationFailed({field: REASON_REQUIRED})
    if len(text) > 2000:
        raise ValidationFailed({field: TOO_LONG})
    return text


def check_version(current: int, expected: int) -> None:
    if current != expected:
        raise EditConflict(
            "This record was changed by someone else after you opened it. "
            "Reopen it and apply your change again."
        )


def aware(value: datetime) -> datetime:
    """Record timestamps come back naive from the DateTime column; they are UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` (a datetime's ISO text is accepted too); ``ValueError`` otherwise."""
    text = text.strip()
    if "T" in text or " " in text:
        return datetime.fromisoformat(text).date()
    return date.fromisoformat(text)
