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
from shsc_desktop.values.changes import NOTHING
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


NAMED = IdentifyingDetails(
    survivor_name="Srey Erase",
    survivor_phone="012 000 999",
    narrative="What happened, in her words.",
    perpetrator_names=("Named Person",),
)


def _case(
    office: UnlockedOffice,
    status: str = "open",
    day: date = TODAY,
    identifying: IdentifyingDetails | None = NAMED,
) -> IncidentView:
    return IncidentService(office).create(
        IncidentDraft(
            date_reported=day,
            classification=(False, False, True),
            survivor_age=31,
            status=status,
            consent_services="yes",
            perpetrators=(PerpetratorDraft("male", "26_40", "current_partner"),),
            identifying=identifying,
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
    with chief.transaction(NOTHING) as s:
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


# --- one definition of what identifies, counted again in plain SQL ---------------------------------

# Written out here on purpose, as an independent count: the app's code reads its list from the model.
LEFT_IN_INCIDENT = """
    SELECT count(*) FROM incident WHERE id = ? AND (
        identity_sealed IS NOT NULL OR survivor_name != '' OR survivor_phone != ''
        OR survivor_address != '' OR survivor_birth_date IS NOT NULL OR narrative != '')
"""
LEFT_IN_PERPETRATORS = "SELECT count(*) FROM perpetrator WHERE incident_id = ? AND name != ''"
LEFT_IN_REFERRALS = (
    "SELECT count(*) FROM referral WHERE incident_id = ? AND (note_sealed IS NOT NULL OR note != '')"
)


def _identifying_left(office: UnlockedOffice, incident_id: str) -> dict[str, int]:
    """Recount, with sqlcipher3 straight on the office's file (not through the app's engine)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(office.folder.db_path))
    try:
        conn.execute(f"PRAGMA key = \"x'{office.data_key.hex()}'\"")
        return {
            name: conn.execute(query, (incident_id,)).fetchone()[0]
            for name, query in (
                ("incident", LEFT_IN_INCIDENT),
                ("perpetrators", LEFT_IN_PERPETRATORS),
                ("referrals", LEFT_IN_REFERRALS),
            )
        }
    finally:
        conn.close()


NOTHING_LEFT = {"incident": 0, "perpetrators": 0, "referrals": 0}


def _bare_case(office: UnlockedOffice, status: str = "closed") -> IncidentView:
    """A case with no identifying details of its own."""
    return _case(office, status, identifying=None)


def test_every_identifying_column_is_one_that_erasure_empties() -> None:
    """The one list is the model's IDENTIFYING marking; a column marked on a table that erasure
    does not visit would be kept forever."""
    from shsc_desktop.models.base import Base, Sensitivity
    from shsc_desktop.services import identities

    marked = {
        (mapper.class_.__name__, attr.key)
        for mapper in Base.registry.mappers
        for attr in mapper.column_attrs
        if attr.columns[0].info.get("sensitivity") == Sensitivity.IDENTIFYING
    }
    erased = {
        (model.__name__, key)
        for model in identities.ERASED_WITH_AN_INCIDENT
        for key in identities.identifying_columns(model)
    }
    on_their_own = {
        (model.__name__, key)
        for model in identities.ERASED_ON_THEIR_OWN
        for key in identities.identifying_columns(model)
    }
    assert marked == erased | on_their_own
    assert not erased & on_their_own
    assert ("Referral", "note_sealed") in erased and ("Perpetrator", "legacy_name") in erased


def test_deletion_and_withdrawn_consent_leave_nothing_identifying_in_the_file(chief: UnlockedOffice) -> None:
    AdminService(chief).set_collect_perpetrator_names(True)
    deleted, withdrawn = _case(chief), _case(chief)
    for case in (deleted, withdrawn):
        _with_referral_note(chief, case)
        assert _identifying_left(chief, case.id) == {"incident": 1, "perpetrators": 0, "referrals": 1}
    IncidentService(chief).delete(deleted.id, "Entered twice by mistake")
    IncidentService(chief).erase_identity(withdrawn.id, "She withdrew her consent")
    assert _identifying_left(chief, deleted.id) == NOTHING_LEFT
    assert _identifying_left(chief, withdrawn.id) == NOTHING_LEFT


def test_retention_also_erases_cases_whose_only_identifying_detail_is_a_referral_note_or_a_phone(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    AdminService(chief).set_identity_retention_years(2)
    AdminService(chief).set_collect_perpetrator_names(True)
    full = _case(chief, status="closed")
    _with_referral_note(chief, full)
    note_only = _bare_case(chief)
    _with_referral_note(chief, note_only)
    # An older office's row, never sealed: only the phone number and a perpetrator's name, in the
    # plain columns (as an office not yet upgraded keeps them).
    legacy = _bare_case(chief)
    with chief.engine.begin() as conn:
        conn.execute(
            text("UPDATE incident SET survivor_phone = '012 345 678' WHERE id = :i"), {"i": legacy.id}
        )
        conn.execute(
            text("UPDATE perpetrator SET name = 'Old Name' WHERE incident_id = :i"), {"i": legacy.id}
        )
    cases = (full, note_only, legacy)
    assert [_identifying_left(chief, c.id) for c in cases] == [
        {"incident": 1, "perpetrators": 0, "referrals": 1},
        {"incident": 0, "perpetrators": 0, "referrals": 1},
        {"incident": 1, "perpetrators": 1, "referrals": 0},
    ]
    with chief.transaction(NOTHING) as s:
        s.execute(
            update(Incident)
            .where(Incident.id.in_([c.id for c in cases]))
            .values(updated_at=datetime.now(UTC) - timedelta(days=3 * 366))
        )
    chief.lock("test")

    clerk = folder.unlock(*CLERK)
    try:
        for case in cases:
            assert _identifying_left(clerk, case.id) == NOTHING_LEFT, case.incident_code
        assert _audit(clerk, "identity_erased") == [{"why": "retention", "years": 2, "count": 3}]
    finally:
        clerk.lock("test")
