"""The referral list: filtered, sorted and paged in SQL; deleted records never listed; no notes."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

import pytest

from shsc_desktop.errors import ValidationFailed
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IncidentDraft, IncidentService
from shsc_desktop.services.months import add_months, period_of
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.referrals import (
    ReferralDraft,
    ReferralFilters,
    ReferralRow,
    ReferralService,
    ReferralUpdate,
)

TODAY = date.today()
THIS_MONTH = period_of(TODAY)
LAST_MONTH_DAY = date.fromordinal(TODAY.replace(day=1).toordinal() - 3)


@pytest.fixture
def referrals(chief: UnlockedOffice) -> dict[str, object]:
    contacts = ContactService(chief)
    health = contacts.create(ContactDraft("health_centre", frozenset({"health"}), name_en="Health centre"))
    police = contacts.create(ContactDraft("police_post", frozenset({"police"}), name_en="Police post"))
    incidents = IncidentService(chief)
    service = ReferralService(chief)
    made: dict[str, object] = {}
    for name, day in (("old", LAST_MONTH_DAY), ("new", TODAY)):
        incident = incidents.create(
            IncidentDraft(date_reported=day, classification=(False, False, True), consent_services="yes")
        )
        made[f"{name}_health"] = service.create(
            incident.id,
            ReferralDraft(
                "health", health.id, day, follow_up_date=day + timedelta(days=2), note="secret note"
            ),
        )
        made[f"{name}_police"] = service.create(
            incident.id, ReferralDraft("police", police.id, day, follow_up_date=day + timedelta(days=40))
        )
        made[f"{name}_incident"] = incident
    received = made["old_police"]
    service.update(received.id, ReferralUpdate("referred", "received", LAST_MONTH_DAY), received.version)
    return made


def test_all_referrals_newest_first_with_the_total(chief: UnlockedOffice, referrals: dict) -> None:
    rows, total = ReferralService(chief).query()
    assert total == 4 and len(rows) == 4
    assert [r.date_referred for r in rows] == sorted((r.date_referred for r in rows), reverse=True)
    assert {r.provider_name_en for r in rows} == {"Health centre", "Police post"}
    assert all(isinstance(r, ReferralRow) for r in rows)
    assert "note" not in {f.name for f in fields(ReferralRow)}


def test_filters_month_service_status_outcome_follow_up(chief: UnlockedOffice, referrals: dict) -> None:
    service = ReferralService(chief)
    rows, total = service.query(ReferralFilters(period=THIS_MONTH))
    assert total == 2 and {r.period for r in rows} == {THIS_MONTH}
    rows, total = service.query(ReferralFilters(period=add_months(THIS_MONTH, -1), service_type="police"))
    assert total == 1 and rows[0].outcome == "received"
    assert service.query(ReferralFilters(outcome="pending"))[1] == 3
    assert service.query(ReferralFilters(status="referred"))[1] == 4
    due, total = service.query(ReferralFilters(follow_up_due_by=TODAY))
    # the old health referral is due; the old police one was received; the new ones are not due yet
    assert total == 1 and due[0].id == referrals["old_health"].id


def test_sort_and_pages(chief: UnlockedOffice, referrals: dict) -> None:
    service = ReferralService(chief)
    first, total = service.query(sort="service_type", limit=2)
    second, _ = service.query(sort="service_type", offset=2, limit=2)
    assert total == 4
    assert [r.service_type for r in first + second] == ["health", "health", "police", "police"]
    assert service.query(sort="-follow_up_date", limit=1)[0][0].service_type == "police"


def test_deleted_referrals_and_incidents_are_not_listed(chief: UnlockedOffice, referrals: dict) -> None:
    service = ReferralService(chief)
    service.delete(referrals["new_police"].id, "entered twice")
    IncidentService(chief).delete(referrals["old_incident"].id, "test record")
    rows, total = service.query()
    assert total == 1 and rows[0].id == referrals["new_health"].id


def test_bad_filters_are_refused(chief: UnlockedOffice, referrals: dict) -> None:
    service = ReferralService(chief)
    for bad in (
        ReferralFilters(service_type="nonsense"),
        ReferralFilters(status="nope"),
        ReferralFilters(outcome="maybe"),
        ReferralFilters(period="2025-13"),
    ):
        with pytest.raises(ValidationFailed):
            service.query(bad)
    with pytest.raises(ValidationFailed):
        service.query(sort="note")
