"""One record lifecycle for the four registers (``services.lifecycle``): deleting takes a reason that
is audited and kept, a missing record is one clear coded error, and a role without the permission
is refused before anything is read — the same in incidents, referrals, meetings and the directory."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from shsc_desktop.errors import NotFound, PermissionDenied, ValidationFailed
from shsc_desktop.models.tables import AuditEntry, Contact, Incident, Meeting, Referral
from shsc_desktop.problems import Problem
from shsc_desktop.security.audit import Action
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IdentifyingDetails, IncidentDraft, IncidentService
from shsc_desktop.services.meetings import Attendance, MeetingDraft, MeetingService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.services.referrals import ReferralDraft, ReferralService

TODAY = date.today()
REASON = "entered twice by mistake"


def _incident(office: UnlockedOffice) -> str:
    return (
        IncidentService(office)
        .create(
            IncidentDraft(
                date_reported=TODAY,
                classification=(False, False, True),
                consent_services="yes",
                identifying=IdentifyingDetails(survivor_name="Sophea Chan"),
            )
        )
        .id
    )


def _contact(office: UnlockedOffice) -> str:
    return (
        ContactService(office)
        .create(ContactDraft("health_centre", frozenset({"health"}), name_en="Tonle Basak HC"))
        .id
    )


def _referral(office: UnlockedOffice) -> str:
    draft = ReferralDraft("health", _contact(office), TODAY)
    return ReferralService(office).create(_incident(office), draft).id


def _meeting(office: UnlockedOffice) -> str:
    draft = MeetingDraft(
        meeting_type="community_consultation",
        meeting_date=TODAY,
        attendance=(Attendance("womens_group", 5, 0),),
        topics=frozenset({"ipv"}),
    )
    return MeetingService(office).create(draft).id


@dataclass(frozen=True)
class Case:
    name: str
    model: type[Any]
    make: Callable[[UnlockedOffice], str]
    delete: Callable[[UnlockedOffice, str, str], None]
    gone_code: str
    kept_on_row: bool  # the directory removes the row: its reason is kept in the audit log only
    refused: str  # who may not delete: "clerk", or "district" (an officer, no records at all)


CASES = [
    Case(
        "incident",
        Incident,
        _incident,
        lambda o, i, r: IncidentService(o).delete(i, r),
        "incident_gone",
        True,
        "clerk",
    ),
    Case(
        "referral",
        Referral,
        _referral,
        lambda o, i, r: ReferralService(o).delete(i, r),
        "referral_gone",
        True,
        "clerk",
    ),
    Case(
        "meeting",
        Meeting,
        _meeting,
        lambda o, i, r: MeetingService(o).delete(i, r),
        "meeting_gone",
        True,
        "clerk",
    ),
    Case(
        "contact",
        Contact,
        _contact,
        lambda o, i, r: ContactService(o).delete(i, r),
        "contact_gone",
        False,
        "district",
    ),
]
IDS = [c.name for c in CASES]


def _deletions(office: UnlockedOffice, target: str) -> list[AuditEntry]:
    with office.reading() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(
                    AuditEntry.action == Action.RECORD_DELETED, AuditEntry.target_type == target
                )
            )
        )


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_delete_keeps_and_audits_the_reason(chief: UnlockedOffice, case: Case) -> None:
    record_id = case.make(chief)
    with pytest.raises(ValidationFailed) as no_reason:
        case.delete(chief, record_id, " ")
    assert no_reason.value.problems == {"reason": "Give a reason (at least 5 characters)."}

    case.delete(chief, record_id, f"  {REASON} ")

    with chief.reading() as s:
        row = s.get(case.model, record_id)
        if case.kept_on_row:
            assert row is not None and row.deleted and row.deleted_reason == REASON
        else:
            assert row is None
    [entry] = _deletions(chief, case.name)
    assert entry.target_id == record_id and entry.actor == "chief"
    assert json.loads(entry.details)["reason"] == REASON
    # Deleted is gone: a second delete, and reading it, are the same "not found".
    with pytest.raises(NotFound):
        case.delete(chief, record_id, REASON)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_missing_record_is_one_coded_not_found(chief: UnlockedOffice, case: Case) -> None:
    with pytest.raises(NotFound) as caught:
        case.delete(chief, "0" * 32, REASON)
    message = caught.value.args[0]
    assert isinstance(message, Problem) and message.code == case.gone_code
    assert _deletions(chief, case.name) == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_role_without_the_permission_is_refused_before_anything_is_read(
    chief: UnlockedOffice, clerk: UnlockedOffice, tmp_path: Path, case: Case
) -> None:
    record_id = case.make(chief)
    if case.refused == "clerk":
        other = clerk
    else:
        folder = OfficeFolder(tmp_path / "district", kdf=KdfParams.fast_for_tests())
        other, _key = folder.create("district", "1201", "officer", "officer-password", "Officer Dara")
    try:
        # Refused even for a record that does not exist there: the permission is checked first.
        with pytest.raises(PermissionDenied):
            case.delete(other, record_id, REASON)
        with pytest.raises(PermissionDenied):
            case.delete(other, "0" * 32, REASON)
    finally:
        if other is not clerk:
            other.lock("test end")
    with chief.reading() as s:
        assert s.get(case.model, record_id) is not None
    assert _deletions(chief, case.name) == []
