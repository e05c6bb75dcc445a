"""Referrals: consent first, the chief's audited override, GBVIMS response codes, follow-ups."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from shsc_desktop.errors import ConsentRequired, MonthLocked, PermissionDenied, ValidationFailed
from shsc_desktop.models.tables import AuditEntry, Referral
from shsc_desktop.services.contacts import ContactDraft, ContactService, ContactView
from shsc_desktop.services.incidents import IdentifyingDetails, IncidentDraft, IncidentService, IncidentView
from shsc_desktop.services.months import MonthService, add_months, period_of
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.referrals import ReferralDraft, ReferralService, ReferralUpdate

TODAY = date.today()


def incident(office: UnlockedOffice, consent: str, day: date = TODAY) -> IncidentView:
    return IncidentService(office).create(
        IncidentDraft(
            date_reported=day,
            classification=(False, False, True),
            consent_services=consent,
            identifying=IdentifyingDetails(survivor_name="Sophea Chan"),
        )
    )


def health_centre(office: UnlockedOffice, active: bool = True) -> ContactView:
    return ContactService(office).create(
        ContactDraft(
            "health_centre", frozenset({"health", "psychosocial"}), name_en="Tonle Basak HC", active=active
        )
    )


def referral(contact: ContactView, service: str = "health", day: date = TODAY) -> ReferralDraft:
    return ReferralDraft(
        service, contact.id, day, urgency="within_72h", follow_up_date=day + timedelta(days=7)
    )


def test_a_referral_without_consent_is_refused_and_the_chief_can_override_with_a_reason(
    chief: UnlockedOffice, clerk: UnlockedOffice
) -> None:
    provider = health_centre(clerk)
    no_consent = incident(clerk, "no")

    with pytest.raises(ConsentRequired):
        ReferralService(clerk).create(no_consent.id, referral(provider))
    with pytest.raises(PermissionDenied):
        ReferralService(clerk).create(no_consent.id, referral(provider), override_reason="she is in danger")
    with pytest.raises(ValidationFailed):
        ReferralService(chief).create(no_consent.id, referral(provider), override_reason=" ")
    with clerk.reading() as s:
        assert s.scalar(select(Referral)) is None

    made = ReferralService(chief).create(
        no_consent.id, referral(provider), override_reason="Immediate danger to her life"
    )
    assert made.consent_overridden and made.status == "referred" and made.outcome == "pending"
    with chief.reading() as s:
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "consent_overridden"))
    assert entry.target_id == made.id and entry.actor == "chief"
    assert json.loads(entry.details)["reason"] == "Immediate danger to her life"


def test_with_consent_the_clerk_refers_to_a_provider_offering_the_service(clerk: UnlockedOffice) -> None:
    provider = health_centre(clerk)
    closed = health_centre(clerk, active=False)
    case = incident(clerk, "yes")
    service = ReferralService(clerk)

    assert [c.id for c in service.contacts_for_service("health")] == [provider.id]
    assert service.contacts_for_service("legal") == []
    with pytest.raises(ValidationFailed) as caught:
        service.create(case.id, referral(provider, "legal"))
    assert caught.value.problems == {"contact_id": "This provider does not offer this service."}
    with pytest.raises(ValidationFailed):
        service.create(case.id, referral(closed))
    with pytest.raises(ValidationFailed):
        service.create(case.id, referral(provider, day=TODAY - timedelta(days=3)))  # before the report

    made = service.create(case.id, referral(provider))
    assert made.incident_code == case.incident_code and made.provider_name_en == "Tonle Basak HC"

    done = service.update(
        made.id, ReferralUpdate("referred", "received", outcome_date=TODAY), expected_version=made.version
    )
    assert (done.status, done.outcome, done.version) == ("referred", "received", 2)
    with pytest.raises(ValidationFailed):
        service.update(done.id, ReferralUpdate("lost", "received", TODAY), done.version)
    with pytest.raises(ValidationFailed):
        service.update(done.id, ReferralUpdate("referred", "not_received"), done.version)  # no outcome date


def test_follow_ups_due_and_overdue_carry_codes_only(clerk: UnlockedOffice) -> None:
    provider = health_centre(clerk)
    week_ago = TODAY - timedelta(days=7)
    case = incident(clerk, "yes", week_ago)
    service = ReferralService(clerk)
    overdue = service.create(
        case.id, ReferralDraft("health", provider.id, week_ago, follow_up_date=week_ago + timedelta(days=3))
    )
    due = service.create(case.id, ReferralDraft("psychosocial", provider.id, week_ago, follow_up_date=TODAY))
    later = service.create(
        case.id, ReferralDraft("health", provider.id, TODAY, follow_up_date=TODAY + timedelta(days=5))
    )

    items = service.due_follow_ups(TODAY)
    assert [(f.id, f.overdue, f.days_overdue) for f in items] == [(overdue.id, True, 4), (due.id, False, 0)]
    assert all(f.survivor_code == case.survivor_code for f in items)
    assert "Sophea" not in repr(items)
    assert [f.id for f in service.due_follow_ups(TODAY, days_ahead=5)][-1] == later.id

    service.update(overdue.id, ReferralUpdate("referred", "received", TODAY), overdue.version)
    assert [f.id for f in service.due_follow_ups(TODAY)] == [due.id]


def test_referral_case_work_goes_on_after_approval(chief: UnlockedOffice) -> None:
    """Issue 9 point 2: outcomes and late referrals are case work, not locked by approval; deleting
    a referral of an approved month (a correction) still is."""
    last_month = add_months(period_of(TODAY), -1)
    day = date.fromisoformat(last_month + "-10")
    provider = health_centre(chief)
    case = incident(chief, "yes", day)
    made = ReferralService(chief).create(case.id, referral(provider, day=day))
    MonthService(chief).approve(last_month)

    updated = ReferralService(chief).update(
        made.id, ReferralUpdate("referred", "received", day), made.version
    )
    assert updated.outcome == "received"
    late = ReferralService(chief).create(case.id, referral(provider, day=day))
    assert late.period == last_month
    with pytest.raises(MonthLocked):
        ReferralService(chief).delete(late.id, "entered by mistake")
    # A referral made this month for last month's incident is this month's record.
    assert ReferralService(chief).create(case.id, referral(provider)).period == period_of(TODAY)
