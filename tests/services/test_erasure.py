"""Erasure (issue 10, point 6): a deleted incident, a withdrawn consent and the retention period
erase the survivor's identifying details for good, keep what the statistics count, and are audited;
perpetrators' names are not collected unless the office turns that on."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text, update

from shsc_desktop.errors import PermissionDenied
from shsc_desktop.models.tables import AuditEntry, Incident, Referral
from shsc_desktop.services.admin import AdminService
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import (
    IdentifyingDetails,
    IncidentDraft,
    IncidentService,
    IncidentView,
    PerpetratorDraft,
)
from shsc_desktop.services.months import MonthService, period_of
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.services.referrals import ReferralDraft, ReferralService
from tests.conftest import CLERK

TODAY = date.today()
KEPT = (
    "incident_code",
    "survivor_code",
    "date_reported",
    "period",
    "gbv_type",
    "survivor_age",
    "village_code",
)


def _case(office: UnlockedOffice, status: str = "open", day: date = TODAY) -> IncidentView:
    return IncidentService(office).create(
        IncidentDraft(
            date_reported=day,
            classification=(False, False, True),
            survivor_age=31,
            status=status,
            consent_services="yes",
            perpetrators=(PerpetratorDraft("male", "26_40", "current_partner"),),
            identifying=IdentifyingDetails(
                survivor_name="Srey Erase",
                survivor_phone="012 000 999",
                narrative="What happened, in her words.",
                perpetrator_names=("Named Person",),
            ),
        )
    )


def _with_referral_note(office: UnlockedOffice, case: IncidentView) -> str:
    provider = ContactService(office).create(
        ContactDraft("health_centre", frozenset({"health"}), name_en="Health centre")
    )
    made = ReferralService(office).create(
        case.id, ReferralDraft("health", provider.id, TODAY, note="She asked to be called after 5 pm.")
    )
    return made.id


def _row(office: UnlockedOffice, incident_id: str) -> dict[str, object]:
    with office.engine.connect() as conn:
        return dict(
            conn.execute(text("SELECT * FROM incident WHERE id = :i"), {"i": incident_id}).mappings().one()
        )


def _audit(office: UnlockedOffice, action: str) -> list[dict[str, object]]:
    with office.reading() as s:
        return [
            json.loads(e.details) for e in s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        ]


def _identity_columns_empty(row: dict[str, object]) -> bool:
    return row["identity_sealed"] is None and all(
        not row[c]
        for c in ("survivor_name", "survivor_phone", "survivor_address", "survivor_birth_date", "narrative")
    )


def test_deleting_an_incident_erases_its_identity_and_keeps_the_counted_fields(chief: UnlockedOffice) -> None:
    case = _case(chief)
    referral_id = _with_referral_note(chief, case)
    before = _row(chief, case.id)
    assert before["identity_sealed"] is not None

    IncidentService(chief).delete(case.id, "Entered twice by mistake")

    after = _row(chief, case.id)
    assert after["deleted"] and _identity_columns_empty(after)
    assert {k: after[k] for k in KEPT} == {k: before[k] for k in KEPT}
    with chief.reading() as s:
        ref = s.get(Referral, referral_id)
        assert ref is not None and ref.note_sealed is None and ref.legacy_note == ""
    with chief.engine.connect() as conn:  # erased bytes are overwritten, not only unlinked
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
    (entry,) = _audit(chief, "record_deleted")
    assert entry["identity_erased"] is True and "Srey" not in json.dumps(entry)


def test_withdrawn_consent_erases_identity_even_in_an_approved_month(
    chief: UnlockedOffice, clerk: UnlockedOffice
) -> None:
    last_month = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
    case = _case(chief, day=last_month)
    MonthService(chief).approve(period_of(last_month))
    with pytest.raises(PermissionDenied):
        IncidentService(clerk).erase_identity(case.id, "She asked")

    IncidentService(chief).erase_identity(case.id, "She withdrew her consent on the phone")

    assert _identity_columns_empty(_row(chief, case.id))
    view = IncidentService(chief).get(case.id)
    assert not view.has_identifying and view.gbv_type == case.gbv_type
    assert IncidentService(chief).get_identifying(case.id) == IdentifyingDetails()
    (entry,) = _audit(chief, "identity_erased")
    assert entry["why"] == "consent_withdrawn" and entry["code"] == case.incident_code and entry["erased"]


def test_retention_erases_long_closed_cases_at_the_next_unlock(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    AdminService(chief).set_identity_retention_years(2)
    old_closed = _case(chief, status="closed")
    recent_closed = _case(chief, status="closed")
    old_open = _case(chief, status="open")
    three_years_ago = datetime.now(UTC) - timedelta(days=3 * 366)
    with chief.transaction() as s:
        s.execute(
            update(Incident)
            .where(Incident.id.in_([old_closed.id, old_open.id]))
            .values(updated_at=three_years_ago)
        )
    chief.lock("test")

    clerk = folder.unlock(*CLERK)  # any unlock applies it: erasing needs no key
    try:
        assert _identity_columns_empty(_row(clerk, old_closed.id))
        assert _row(clerk, recent_closed.id)["identity_sealed"] is not None
        assert _row(clerk, old_open.id)["identity_sealed"] is not None
        with clerk.reading() as s:
            kept = s.scalar(select(Incident.updated_at).where(Incident.id == old_closed.id))
        assert kept is not None and abs(kept - three_years_ago) < timedelta(seconds=1)
        assert _audit(clerk, "identity_erased") == [{"why": "retention", "years": 2, "count": 1}]
    finally:
        clerk.lock("test")


def test_perpetrator_names_are_collected_only_when_the_office_turns_it_on(chief: UnlockedOffice) -> None:
    service = IncidentService(chief)
    admin = AdminService(chief)
    assert not admin.collects_perpetrator_names()
    first = _case(chief)
    assert service.get_identifying(first.id).perpetrator_names == ()
    assert service.get_identifying(first.id).survivor_name == "Srey Erase"

    admin.set_collect_perpetrator_names(True)
    second = _case(chief)
    assert service.get_identifying(second.id).perpetrator_names == ("Named Person",)
    assert [e["to"] for e in _audit(chief, "setting_changed")] == ["on"]
    # Turning it off again stops new names; a later edit of the details drops them too.
    admin.set_collect_perpetrator_names(False)
    draft = replace(second.as_draft(), identifying=service.get_identifying(second.id))
    service.update(second.id, draft, second.version)
    assert service.get_identifying(second.id).perpetrator_names == ()
