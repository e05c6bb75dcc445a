"""What makes an incident draft acceptable: every problem at once, the GBV type derived from the
six classification answers, and the rules of a child's consent and of the legal context.
"""

from __future__ import annotations

from datetime import date

from ..models import codes
from . import validation as v
from .incident_records import IncidentDraft, minor

MAX_PERPETRATORS = 10


def validate(draft: IncidentDraft, today: date, commune_code: str) -> str:
    """Every problem of the draft at once (``ValidationFailed``); returns the derived GBV type."""
    p = v.Problems()
    if draft.date_reported is None:
        p.add("date_reported", v.REQUIRED)
    else:
        p.not_future("date_reported", draft.date_reported, today)
        if draft.date_of_incident is not None and draft.date_of_incident > draft.date_reported:
            p.add("date_of_incident", v.INCIDENT_AFTER_REPORT)
        if draft.follow_up_date is not None and draft.follow_up_date < draft.date_reported:
            p.add("follow_up_date", v.BEFORE_REPORT)
    p.not_future("date_of_incident", draft.date_of_incident, today)
    gbv_type = codes.classify(list(draft.classification))
    if gbv_type is None or len(draft.classification) > len(codes.CLASSIFICATION_QUESTIONS):
        p.add("classification", v.ANSWER_CLASSIFICATION)
    p.code("reported_by", draft.reported_by, codes.REPORTED_BY)
    if draft.first_point_of_contact is None:
        p.add("first_point_of_contact", v.REQUIRED)
    p.code("survivor_sex", draft.survivor_sex, codes.SEX)
    if draft.survivor_age is not None and not 0 <= draft.survivor_age <= 120:
        p.add("survivor_age", v.AGE_RANGE)
    p.code("marital_status", draft.marital_status, codes.MARITAL_STATUS)
    p.code("disability", draft.disability, codes.DISABILITY)
    p.village("village_code", draft.village_code, commune_code)
    p.code("location_type", draft.location_type, codes.LOCATION_TYPE)
    p.code("time_of_day", draft.time_of_day, codes.TIME_OF_DAY)
    p.code("previously_reported", draft.previously_reported, codes.YES_NO_UNKNOWN)
    p.code("goods_money_exchanged", draft.goods_money_exchanged, codes.YES_NO_UNKNOWN)
    p.codes("commune_actions", draft.commune_actions, codes.COMMUNE_ACTION)
    if "none" in draft.commune_actions and len(draft.commune_actions) > 1:
        p.add("commune_actions", v.NONE_WITH_OTHERS)
    p.code("risk_level", draft.risk_level, codes.RISK_LEVEL)
    p.code("status", draft.status, codes.INCIDENT_STATUS)
    if draft.status == "follow_up" and draft.follow_up_date is None:
        p.add("follow_up_date", v.FOLLOW_UP_DATE_NEEDED)
    p.code("consent_services", draft.consent_services, codes.CONSENT)
    check_child(p, draft)
    check_legal_context(p, draft, today)
    if len(draft.perpetrators) > MAX_PERPETRATORS:
        p.add("perpetrators", v.TOO_LONG)
    for i, perp in enumerate(draft.perpetrators):
        p.code(f"perpetrators.{i}.sex", perp.sex, codes.SEX)
        p.code(f"perpetrators.{i}.age_group", perp.age_group, codes.AGE_GROUP)
        p.code(f"perpetrators.{i}.relationship", perp.relationship, codes.RELATIONSHIP)
    ident = draft.identifying
    if ident is not None:
        p.text("survivor_name", ident.survivor_name, 200)
        p.phone("survivor_phone", ident.survivor_phone)
        p.text("survivor_address", ident.survivor_address, 1000)
        p.text("narrative", ident.narrative, 20000)
        p.not_future("survivor_birth_date", ident.survivor_birth_date, today)
        if len(ident.perpetrator_names) > len(draft.perpetrators):
            p.add("perpetrator_names", v.TOO_LONG)
        for i, name in enumerate(ident.perpetrator_names):
            p.text(f"perpetrators.{i}.name", name, 200)
    if draft.existing_survivor_code is not None and not draft.existing_survivor_code.strip():
        p.add("existing_survivor_code", v.REQUIRED)
    p.raise_if_any()
    assert gbv_type is not None
    return gbv_type


def check_child(p: v.Problems, draft: IncidentDraft) -> None:
    """A child's consent route is whole or absent: a non-guardian route needs its reason, a
    best-interests decision also who took it. Her reporting consent needs a route; she must be
    offered child protection and the duty to report (CPC art. 42) must be answered."""
    if not minor(draft.survivor_age):
        return
    route = draft.child_consent_route
    optional(p, "child_consent_route", route, codes.CHILD_CONSENT_ROUTE)
    optional(p, "child_consent_reason", draft.child_consent_reason, codes.CHILD_CONSENT_REASON)
    optional(p, "child_consent_decided_by", draft.child_consent_decided_by, codes.DECIDED_BY)
    if draft.consent_reporting and not route:
        p.add("child_consent_route", v.CHILD_CONSENT_ROUTE)
    if route in ("trusted_adult", "best_interests") and not draft.child_consent_reason:
        p.add("child_consent_reason", v.CHILD_ROUTE_REASON)
    if route != "best_interests" and draft.child_consent_decided_by:
        p.add("child_consent_decided_by", v.DECIDED_BY_BEST_INTERESTS_ONLY)
    if route == "best_interests" and not draft.child_consent_decided_by:
        p.add("child_consent_decided_by", v.DECIDED_BY_NEEDED)
    if route == "guardian" and draft.child_consent_reason:
        p.add("child_consent_reason", v.NO_REASON_FOR_GUARDIAN)
    if not route and (draft.child_consent_reason or draft.child_consent_decided_by):
        p.add("child_consent_route", v.CHILD_CONSENT_ROUTE)
    if not draft.child_protection_referral:
        p.add("child_protection_referral", v.CHILD_PROTECTION_PROMPT)
    else:
        p.code("child_protection_referral", draft.child_protection_referral, codes.CHILD_PROTECTION_REFERRAL)
    if not draft.legal_duty_reported:
        p.add("legal_duty_reported", v.REQUIRED)


def check_legal_context(p: v.Problems, draft: IncidentDraft, today: date) -> None:
    """Every legal-context answer is optional ("" = not asked) but, once given, whole."""
    optional(p, "legal_duty_reported", draft.legal_duty_reported, codes.LEGAL_DUTY)
    optional(p, "legal_duty_reason", draft.legal_duty_reason, codes.NOT_REPORTED_REASON)
    if draft.legal_duty_reported == "no" and not draft.legal_duty_reason:
        p.add("legal_duty_reason", v.NOT_REPORTED_REASON_NEEDED)
    optional(p, "dv_law_applies", draft.dv_law_applies, codes.YES_NO_UNKNOWN)
    optional(p, "protection_order", draft.protection_order, codes.PROTECTION_ORDER)
    optional(p, "sent_to_prosecutor", draft.sent_to_prosecutor, codes.YES_NO_UNKNOWN)
    p.codes("admin_decision_measures", draft.admin_decision_measures, codes.ADMIN_MEASURE)
    p.not_future("admin_decision_date", draft.admin_decision_date, today)
    if draft.admin_decision_measures and draft.admin_decision_date is None:
        p.add("admin_decision_date", v.ADMIN_DECISION_DATE_NEEDED)
    if draft.admin_decision_date is not None and not draft.admin_decision_measures:
        p.add("admin_decision_measures", v.ADMIN_DECISION_MEASURES_NEEDED)
    if (
        draft.admin_decision_date is not None
        and draft.date_of_incident is not None
        and draft.admin_decision_date < draft.date_of_incident
    ):
        p.add("admin_decision_date", v.DECISION_BEFORE_INCIDENT)


def optional(p: v.Problems, field: str, code: str, codelist: codes.CodeList) -> None:
    """A code from ``codelist``, or "" (not asked / not answered)."""
    if code:
        p.code(field, code, codelist)
