"""The CCWC focal point (issue 11, roles): the case worker who records and sees the identities of
the cases she handles, with the identity key wrapped into her own slot by the chief's signed grant.

- she unlocks with her own password and opens her own cases' identities, each view audited;
- another worker's case stays closed to her (a rule of the service: her key would open it);
- a clerk without the grant still reads ciphertext only, of a focal point's case too;
- her referral slips carry the identifying fields chosen;
- a clerk who writes ``focal_point`` into her role column is refused at unlock, like ``chief``;
- a role change signs and wraps (or drops) the identity key; only the chief moves a case.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from shsc_desktop.errors import (
    IdentityLocked,
    PermissionDenied,
    ValidationFailed,
)
from shsc_desktop.models.tables import User
from shsc_desktop.security import audit
from shsc_desktop.security.actions import Action
from shsc_desktop.security.permissions import Perm, Role
from shsc_desktop.services import identities
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.caseworkers import case_workers
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IdentifyingDetails, IncidentDraft, IncidentService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.services.referrals import ReferralDraft, ReferralService
from shsc_desktop.services.slips import SlipRequest, SlipService
from shsc_desktop.values.changes import NOTHING
from tests.conftest import CHIEF, CLERK

from .insider import assert_role_mismatch_recorded, audit_entries, canary_details, clerk_writes_own_role

FOCAL = ("focal", "focal-password")
OTHER = ("focal2", "focal2-password")
CANARY = "ZZFOCAL"
TODAY = date.today()


def _draft(name: str, worker: str | None = None) -> IncidentDraft:
    return IncidentDraft(
        date_reported=TODAY,
        classification=(False, False, True),
        consent_services="yes",
        case_worker_id=worker,
        identifying=canary_details(name, CANARY, date(1994, 6, 7)),
    )


def _worker_id(office: UnlockedOffice, username: str) -> str:
    return next(w.user_id for w in case_workers(office) if w.username == username)


@pytest.fixture
def focal(folder: OfficeFolder, chief: UnlockedOffice) -> UnlockedOffice:
    AccountService(chief).add_user(FOCAL[0], "focal_point", FOCAL[1], "Focal Channary")
    return chief


def test_a_focal_point_unlocks_with_her_password_and_reads_her_case_audited(
    folder: OfficeFolder, focal: UnlockedOffice
) -> None:
    chief = focal
    assert AccountService(chief).identity_access() == {"chief": True, "clerk": False, "focal": True}
    chief.lock("test")
    office = folder.unlock(*FOCAL)
    try:
        assert office.actor.role is Role.FOCAL_POINT
        # The identity key is in her own slot (the chief's signed grant put it there), not a flag.
        assert office.keys is not None and office.keys.identity is not None and office.keys.signing is None
        service = IncidentService(office)
        view = service.create(_draft(f"{CANARY} Sophea"))
        assert view.case_worker_id == office.actor.user_id  # she recorded it: hers
        details = service.get_identifying(view.id)
        assert details.survivor_name == f"{CANARY} Sophea" and details.survivor_birth_date == date(1994, 6, 7)
        # She corrects the details of her own case (sealed again).
        service.update(
            view.id,
            replace(view.as_draft(), identifying=replace(details, survivor_phone="097 111 222")),
            view.version,
        )
        assert service.get_identifying(view.id).survivor_phone == "097 111 222"
        viewed = audit_entries(office, Action.IDENTIFYING_VIEWED)
        assert [(e.actor, e.target_id) for e in viewed] == [("focal", view.id)] * 2
        for row in office.engine.connect().execute(text("SELECT * FROM incident")):
            assert CANARY not in repr(tuple(row))  # sealed, as a clerk's entry is
    finally:
        office.lock("test")


def test_a_focal_point_is_refused_on_another_workers_case(
    folder: OfficeFolder, focal: UnlockedOffice
) -> None:
    chief = focal
    AccountService(chief).add_user(OTHER[0], "focal_point", OTHER[1])
    theirs = IncidentService(chief).create(_draft(f"{CANARY} Dara", _worker_id(chief, OTHER[0])))
    nobodys = IncidentService(chief).create(_draft(f"{CANARY} Bopha"))
    assert nobodys.case_worker_id is None  # recorded by the chief: no worker until she names one
    provider = ContactService(chief).create(
        ContactDraft("health_centre", frozenset({"health"}), name_en="HC")
    )
    referral = ReferralService(chief).create(
        theirs.id, ReferralDraft("health", provider.id, TODAY, note=f"{CANARY} note")
    )
    chief.lock("test")
    office = folder.unlock(*FOCAL)
    try:
        service = IncidentService(office)
        with office.reading() as s:
            head = audit.head(s)
        for incident_id in (theirs.id, nobodys.id):
            with pytest.raises(PermissionDenied):
                service.get_identifying(incident_id)
        with pytest.raises(PermissionDenied):
            ReferralService(office).get_note(referral.id)
        assert not SlipService(office).choices(referral.id).may_print_identifying
        with pytest.raises(PermissionDenied):
            SlipService(office).referral_slip_for_print(
                SlipRequest(referral.id, "provider", "en", frozenset({"survivor_name"}))
            )
        view = service.get(theirs.id)
        with pytest.raises(PermissionDenied):  # nor overwrite them
            service.update(
                theirs.id, replace(view.as_draft(), identifying=IdentifyingDetails()), view.version
            )
        with pytest.raises(PermissionDenied):  # nor take the case over
            service.update(
                theirs.id, replace(view.as_draft(), case_worker_id=office.actor.user_id), view.version
            )
        with office.reading() as s:
            assert audit.head(s) == head  # nothing opened, nothing recorded
        # Her follow-up work on the case goes on (no identity needed).
        after = service.update(theirs.id, replace(view.as_draft(), risk_level="high"), view.version)
        assert after.risk_level == "high" and after.case_worker_id == theirs.case_worker_id
    finally:
        office.lock("test")

    # The chief reassigns the case to her: now she sees it, and the other worker no longer does.
    chief = folder.unlock(*CHIEF)
    view = IncidentService(chief).get(theirs.id)
    IncidentService(chief).update(
        theirs.id, replace(view.as_draft(), case_worker_id=_worker_id(chief, FOCAL[0])), view.version
    )
    (changed,) = [e for e in audit_entries(chief, Action.RECORD_UPDATED) if e.target_id == theirs.id][-1:]
    assert "case_worker_id" in json.loads(changed.details)["fields"]
    chief.lock("test")
    office = folder.unlock(*FOCAL)
    try:
        assert IncidentService(office).get_identifying(theirs.id).survivor_name == f"{CANARY} Dara"
        assert ReferralService(office).get_note(referral.id) == f"{CANARY} note"
    finally:
        office.lock("test")
    other = folder.unlock(*OTHER)
    try:
        with pytest.raises(PermissionDenied):
            IncidentService(other).get_identifying(theirs.id)
    finally:
        other.lock("test")


def test_a_case_worker_must_be_a_focal_point(focal: UnlockedOffice) -> None:
    chief = focal
    with chief.reading() as s:
        clerk_id = s.scalar(select(User.id).where(User.username == "clerk"))
    assert clerk_id is not None
    with pytest.raises(ValidationFailed) as exc:
        IncidentService(chief).create(_draft("Someone", clerk_id))
    assert set(exc.value.problems) == {"case_worker_id"}
    view = IncidentService(chief).create(_draft("Someone", _worker_id(chief, FOCAL[0])))
    with pytest.raises(ValidationFailed):
        IncidentService(chief).update(
            view.id, replace(view.as_draft(), case_worker_id=clerk_id), view.version
        )
    cleared = IncidentService(chief).update(
        view.id, replace(view.as_draft(), case_worker_id=""), view.version
    )
    assert cleared.case_worker_id is None


def test_a_clerk_without_the_grant_reads_ciphertext_only(folder: OfficeFolder, focal: UnlockedOffice) -> None:
    focal.lock("test")
    office = folder.unlock(*FOCAL)
    view = IncidentService(office).create(_draft(f"{CANARY} Leakhena"))
    office.lock("test")
    clerk = folder.unlock(*CLERK)
    try:
        with clerk.engine.connect() as conn:
            rows = [tuple(r) for r in conn.execute(text("SELECT * FROM incident"))]
            (sealed,) = [r[0] for r in conn.execute(text("SELECT identity_sealed FROM incident"))]
        assert rows and all(CANARY not in repr(r) for r in rows)
        with pytest.raises(PermissionDenied):
            IncidentService(clerk).get_identifying(view.id)
        assert clerk.keys is not None and clerk.keys.identity is None
        with pytest.raises(IdentityLocked):  # past the service's check, no key opens it
            identities.open_value(clerk, sealed, identities.incident_context(view.id))
    finally:
        clerk.lock("test")


def test_a_focal_points_referral_slip_carries_the_chosen_identifying_fields(
    folder: OfficeFolder, focal: UnlockedOffice, tmp_path: Path
) -> None:
    focal.lock("test")
    office = folder.unlock(*FOCAL)
    try:
        provider = ContactService(office).create(
            ContactDraft("health_centre", frozenset({"health"}), name_en="Tonle Basak Health Centre")
        )
        view = IncidentService(office).create(_draft(f"{CANARY} Sreymom"))
        referral = ReferralService(office).create(
            view.id, ReferralDraft("health", provider.id, TODAY, follow_up_date=TODAY + timedelta(days=3))
        )
        slips = SlipService(office)
        assert slips.choices(referral.id).may_print_identifying
        chosen = frozenset({"survivor_name", "survivor_phone", "survivor_birth_date"})
        target = tmp_path / "slip.pdf"
        fields = slips.referral_slip(SlipRequest(referral.id, "provider", "en", chosen), target)
        printed = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True, text=True)
        for expected in (f"{CANARY} Sreymom", "012 777 888", "1994", view.incident_code):
            assert expected in printed.stdout, expected
        for never in (f"{CANARY} village", f"{CANARY} narrative"):  # not chosen / never printable
            assert never not in printed.stdout
        assert chosen <= set(fields)
        (entry,) = audit_entries(office, Action.PRINT)
        assert entry.actor == "focal" and json.loads(entry.details)["fields"] == fields
    finally:
        office.lock("test")


def test_a_clerk_forging_her_role_to_focal_point_is_refused_at_unlock(
    folder: OfficeFolder, focal: UnlockedOffice
) -> None:
    focal.lock("test")
    clerk_writes_own_role(folder, "focal_point")
    chief = folder.unlock(*CHIEF)
    try:
        assert_role_mismatch_recorded(chief, "focal_point")
    finally:
        chief.lock("test")
    clerk = folder.unlock(*CLERK)
    try:
        assert clerk.actor.role is Role.CLERK and clerk.keys is not None and clerk.keys.identity is None
    finally:
        clerk.lock("test")


def test_a_role_change_signs_and_wraps_or_drops_the_identity_key(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    accounts = AccountService(chief)
    accounts.change_role("clerk", "focal_point")
    assert accounts.identity_access()["clerk"] is True
    clerk = folder.unlock(*CLERK)
    try:
        assert clerk.actor.role is Role.FOCAL_POINT and clerk.actor.can(Perm.VIEW_IDENTIFYING)
        assert clerk.keys is not None and clerk.keys.identity is not None
    finally:
        clerk.lock("test")
    accounts.change_role("clerk", "clerk")
    assert accounts.identity_access()["clerk"] is False
    clerk = folder.unlock(*CLERK)
    try:
        assert clerk.actor.role is Role.CLERK and clerk.keys is not None and clerk.keys.identity is None
    finally:
        clerk.lock("test")
    changes = [json.loads(e.details) for e in audit_entries(chief, Action.USER_ROLE_CHANGED)]
    assert changes == [{"from": "clerk", "to": "focal_point"}, {"from": "focal_point", "to": "clerk"}]


# --- an office set up before signed roles ---------------------------------------------------------

FIXTURE = Path(__file__).parent.parent / "data" / "office-r0004"  # the stored older office


def test_a_forged_trail_does_not_make_a_clerk_focal_point_in_the_migration(tmp_path: Path) -> None:
    """The focal point's role carries the identity key, so (like the chief's) it is never read
    from the audit trail a clerk can append to before the office has its keys."""
    import shutil

    from shsc_desktop.security.kdf import KdfParams

    shutil.copytree(FIXTURE, tmp_path / "office")
    old = OfficeFolder(tmp_path / "office", kdf=KdfParams.fast_for_tests())
    clerk = old.unlock(*CLERK)
    with clerk.transaction(NOTHING) as s:
        clerk_id = s.scalar(select(User.id).where(User.username == "clerk"))
        details: dict[str, Any] = {"from": "clerk", "to": "focal_point"}
        audit.record(s, "chief", Action.USER_ROLE_CHANGED, "user", clerk_id, details)
        s.execute(text("UPDATE user SET role = 'focal_point' WHERE username = 'clerk'"))
    clerk.lock("test")
    old.unlock(*CHIEF).lock("test")  # the migration: keys and signed grants
    grant = old.vault.verified_grants()["clerk"]
    assert grant is not None and grant.role == "clerk" and "identity" not in grant.grants
    clerk = old.unlock(*CLERK)
    try:
        assert clerk.actor.role is Role.CLERK and clerk.keys is not None and clerk.keys.identity is None
    finally:
        clerk.lock("test")
