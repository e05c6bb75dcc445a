"""Roles as keys (issue 10, point 1): the insider at the shared PC, with her own password and a
Python prompt on the project's own API, gains no key by editing what her data key lets her edit.

- identifying details are sealed to the office's identity key: a clerk who reads the raw columns
  through her own engine sees ciphertext only, yet can still take a name down;
- a role lives in a grant signed by the chief's office key: ``UPDATE user SET role='chief'`` with
  the clerk's own key, a forged grant in her slot, or office keys swapped for her own are refused at
  her next unlock, recorded, and set right at the chief's next unlock;
- the chief gives (and takes back) identity access per user, as a key wrapped into her slot.
"""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from shsc_desktop.errors import IdentityLocked, PermissionDenied, RoleNotConfirmed
from shsc_desktop.models.tables import AuditEntry, User
from shsc_desktop.security import audit
from shsc_desktop.security.identity import UserGrant, ed25519_public, sign_grant
from shsc_desktop.security.permissions import Perm, Role
from shsc_desktop.security.slotfile import SlotFile
from shsc_desktop.services import identities
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.incidents import (
    IncidentDraft,
    IncidentService,
    PerpetratorDraft,
)
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.values.changes import NOTHING
from tests.conftest import CHIEF, CLERK

from .insider import (
    assert_role_mismatch_recorded,
    audit_entries,
    canary_details,
    clerk_writes_own_role,
    write_role_column,
)

CANARY = "ZZSEALED"


def _draft(name: str = f"{CANARY} Sophea") -> IncidentDraft:
    return IncidentDraft(
        date_reported=date.today(),
        classification=(False, False, True),
        survivor_age=30,
        perpetrators=(PerpetratorDraft("male", "26_40", "current_partner"),),
        identifying=canary_details(name, CANARY, date(1995, 3, 4)),
    )


def _raw_rows(office: UnlockedOffice, table: str) -> list[tuple[Any, ...]]:
    """Every column of every row, read as the insider would: raw SQL on the office's own engine."""
    with office.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table}"))]


def _rewrite_slots(folder: OfficeFolder, data_key: bytes, change: Any) -> None:
    """What a clerk can do with the data key: edit the slot file and recompute its MAC and checksum."""
    sf = folder.vault.load()
    change(sf)
    folder.vault.save(sf, data_key)


def _grant_herself_chief(folder: OfficeFolder, clerk: UnlockedOffice) -> None:
    """A chief's grant with identity access, written by the clerk into her own slot."""

    def promote(sf: SlotFile) -> None:
        slot = sf.user_slot("clerk")
        assert slot is not None and slot.grant is not None
        slot.grant = {**slot.grant, "role": "chief", "grants": ["identity"]}

    _rewrite_slots(folder, clerk.data_key, promote)


# --- identities sealed -----------------------------------------------------------------------------


def test_clerk_reads_only_ciphertext_and_cannot_open_identities(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    entered_by_chief = IncidentService(chief).create(_draft())
    chief.lock("test")
    clerk = folder.unlock(*CLERK)
    try:
        # She still takes a name down: it is sealed, and she cannot read it back.
        service = IncidentService(clerk)
        entered_by_clerk = service.create(_draft(f"{CANARY} Dara"))
        assert entered_by_clerk.has_identifying
        for table in ("incident", "perpetrator", "referral"):
            for row in _raw_rows(clerk, table):
                assert CANARY not in repr(row), f"plain identifying text in {table}"
        with clerk.engine.connect() as conn:
            sealed = [r[0] for r in conn.execute(text("SELECT identity_sealed FROM incident ORDER BY rowid"))]
        assert len(sealed) == 2 and all(isinstance(b, bytes) and len(b) > 60 for b in sealed)
        with pytest.raises(PermissionDenied):
            service.get_identifying(entered_by_chief.id)
        # Bypassing the permission check gains nothing: her session holds no identity key.
        assert clerk.keys is not None and clerk.keys.identity is None
        with pytest.raises(IdentityLocked):
            identities.open_value(clerk, sealed[0], identities.incident_context(entered_by_chief.id))
        # ... nor does granting herself the permission in code: the key is what opens.
        clerk.actor = type(clerk.actor)(clerk.actor.user_id, "clerk", Role.CHIEF)
        with pytest.raises(IdentityLocked):
            IncidentService(clerk).get_identifying(entered_by_chief.id)
    finally:
        clerk.lock("test")
    chief = folder.unlock(*CHIEF)
    try:
        details = IncidentService(chief).get_identifying(entered_by_clerk.id)
        assert details.survivor_name == f"{CANARY} Dara"
        assert details.survivor_birth_date == date(1995, 3, 4)
        assert len(audit_entries(chief, "identifying_viewed")) == 1  # every view still audited
    finally:
        chief.lock("test")


def test_a_sealed_value_moved_to_another_record_does_not_open(chief: UnlockedOffice) -> None:
    service = IncidentService(chief)
    first = service.create(_draft())
    second = service.create(_draft("Someone else"))
    with chief.transaction(NOTHING) as s:
        blob = s.execute(text("SELECT identity_sealed FROM incident WHERE id = :i"), {"i": first.id}).scalar()
        s.execute(text("UPDATE incident SET identity_sealed = :b WHERE id = :i"), {"b": blob, "i": second.id})
    from shsc_desktop.errors import DatabaseDamaged

    with pytest.raises(DatabaseDamaged):
        service.get_identifying(second.id)


def test_chief_grants_and_takes_back_identity_access(folder: OfficeFolder, chief: UnlockedOffice) -> None:
    view = IncidentService(chief).create(_draft())
    accounts = AccountService(chief)
    assert accounts.identity_access() == {"chief": True, "clerk": False}
    accounts.set_identity_access("clerk", True)
    assert len(audit_entries(chief, "user_grants_changed")) == 1

    clerk = folder.unlock(*CLERK)
    assert clerk.actor.can(Perm.VIEW_IDENTIFYING)
    assert IncidentService(clerk).get_identifying(view.id).survivor_name == f"{CANARY} Sophea"
    # Her own password change keeps her slot's key pair, so her signed rights stay valid.
    AccountService(clerk).change_own_password(CLERK[1], "clerk-new-password")
    clerk.lock("test")
    clerk = folder.unlock("clerk", "clerk-new-password")
    assert IncidentService(clerk).get_identifying(view.id).survivor_phone == "012 777 888"
    clerk.lock("test")

    accounts.set_identity_access("clerk", False)
    clerk = folder.unlock("clerk", "clerk-new-password")
    try:
        assert not clerk.actor.can(Perm.VIEW_IDENTIFYING)
        assert clerk.keys is not None and clerk.keys.identity is None
    finally:
        clerk.lock("test")


# --- roles that cannot be forged ---------------------------------------------------------------------


def test_sql_role_escalation_is_refused_audited_and_set_right(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    chief.lock("test")
    clerk_writes_own_role(folder, "chief")
    chief = folder.unlock(*CHIEF)
    try:
        assert_role_mismatch_recorded(chief, "chief")
        with chief.reading() as s:
            assert s.scalar(select(User.role).where(User.username == "clerk")) == "clerk"
            assert audit.verify(s).ok
    finally:
        chief.lock("test")
    clerk = folder.unlock(*CLERK)  # set right by the chief's unlock: a clerk again, nothing more
    assert clerk.actor.role is Role.CLERK
    clerk.lock("test")


def test_a_grant_the_clerk_writes_into_her_own_slot_is_refused(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    chief.lock("test")
    clerk = folder.unlock(*CLERK)
    _grant_herself_chief(folder, clerk)
    write_role_column(clerk, "chief")
    clerk.lock("test")
    with pytest.raises(RoleNotConfirmed):
        folder.unlock(*CLERK)
    chief = folder.unlock(*CHIEF)
    try:
        assert [json.loads(e.details)["reason"] for e in audit_entries(chief, "unlock_refused")] == [
            "grant_invalid"
        ]
        assert [json.loads(e.details)["username"] for e in audit_entries(chief, "grant_invalid")] == ["clerk"]
        # The chief gives her a valid account again by resetting her password.
        AccountService(chief).reset_password("clerk", "clerk-reset-password")
    finally:
        chief.lock("test")
    clerk = folder.unlock("clerk", "clerk-reset-password")
    assert clerk.actor.role is Role.CLERK
    clerk.lock("test")


def test_office_keys_swapped_for_the_clerks_own_are_refused(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    """She makes her own signing key, records it as the office's, and signs herself a chief's grant."""
    chief.lock("test")
    clerk = folder.unlock(*CLERK)
    data_key = clerk.data_key
    mine = Ed25519PrivateKey.generate()

    def take_over(sf: SlotFile) -> None:
        assert sf.office_keys is not None
        sf.office_keys = {**sf.office_keys, "signing": base64.b64encode(ed25519_public(mine)).decode()}
        slot = sf.user_slot("clerk")
        assert slot is not None
        grant = UserGrant(sf.office_id, "clerk", "chief", frozenset({"identity"}), slot.public_key)
        slot.grant = {**grant.to_json(), "sig": base64.b64encode(sign_grant(mine, grant)).decode()}

    _rewrite_slots(folder, data_key, take_over)
    with clerk.engine.begin() as conn:
        conn.execute(text("UPDATE user SET role = 'chief' WHERE username = 'clerk'"))
    clerk.lock("test")
    with pytest.raises(RoleNotConfirmed):
        folder.unlock(*CLERK)
    with pytest.raises(RoleNotConfirmed):  # the chief's anchored slot disagrees too: loud at once
        folder.unlock(*CHIEF)


def test_a_slot_the_clerk_makes_for_the_chief_gives_no_chief(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    """With the data key she can replace the chief's slot, but not sign it: refused, and the keys
    the chief's slot held are not in the new one."""
    chief.lock("test")
    clerk = folder.unlock(*CLERK)
    with pytest.raises(PermissionDenied):  # the vault refuses to write an unsigned slot
        folder.vault.set_password(clerk.data_key, "chief", "taken-over-1", folder.kdf)
    clerk.lock("test")


def test_each_role_change_is_signed_and_holds(folder: OfficeFolder, chief: UnlockedOffice) -> None:
    AccountService(chief).change_role("clerk", "chief")
    clerk = folder.unlock(*CLERK)
    try:
        assert clerk.actor.role is Role.CHIEF
        assert clerk.keys is not None and clerk.keys.signing is not None and clerk.keys.identity is not None
    finally:
        clerk.lock("test")
    # Her slot is now anchored like every chief's (her next unlock did it, holding her password).
    slot = folder.vault.load().user_slot("clerk")
    assert slot is not None and slot.anchor == folder.vault.load().office_keys


# --- an office set up by the code before ----------------------------------------------------------

# The stored older office the migration tests upgrade too (tests/models/test_stored_offices.py).
FIXTURE = Path(__file__).parent.parent / "data" / "office-r0004"
OLD_CANARY = "OLDCANARY"


@pytest.fixture
def old_office(tmp_path: Path) -> OfficeFolder:
    import shutil

    from shsc_desktop.security.kdf import KdfParams

    target = tmp_path / "office"
    shutil.copytree(FIXTURE, target)
    return OfficeFolder(target, kdf=KdfParams.fast_for_tests())


def test_old_office_gets_keys_and_seals_its_identities_at_the_chiefs_unlock(old_office: OfficeFolder) -> None:
    assert old_office.vault.load().office_keys is None
    # A clerk before the chief: the office works as before, and her edited role column does not
    # make her the one who creates the keys (roles come from the audit trail until then).
    clerk = old_office.unlock(*CLERK)
    assert clerk.keys is None and clerk.actor.role is Role.CLERK
    with clerk.engine.begin() as conn:
        conn.execute(text("UPDATE user SET role = 'chief' WHERE username = 'clerk'"))
    clerk.lock("test")
    clerk = old_office.unlock(*CLERK)
    assert clerk.actor.role is Role.CLERK and clerk.keys is None
    clerk.lock("test")
    assert old_office.vault.load().office_keys is None

    chief = old_office.unlock(*CHIEF)
    try:
        assert chief.keys is not None and chief.keys.signing is not None
        for table in ("incident", "perpetrator"):
            assert all(OLD_CANARY not in repr(r) for r in _raw_rows(chief, table))
        service = IncidentService(chief)
        rows, _ = service.query()
        found = {r.incident_code: service.get_identifying(r.id) for r in rows}
        old = found["KH-120101-202611-0001"]
        assert old.survivor_name == f"{OLD_CANARY} Sophea"
        assert old.survivor_birth_date == date(1997, 4, 2)
        assert old.perpetrator_names == (f"{OLD_CANARY} Vuthy",)
        without = next(r for r in rows if r.incident_code == "KH-120101-202611-0002")
        assert not service.get(without.id).has_identifying
        assert len(audit_entries(chief, "office_keys_created")) == 1
        sealed = audit_entries(chief, "identities_sealed")
        assert [json.loads(e.details) for e in sealed] == [{"incidents": 1, "referrals": 0, "meetings": 0}]
        # The role column the clerk edited is set back to what the audit trail gave her.
        assert [json.loads(e.details)["found"] for e in audit_entries(chief, "role_mismatch")] == ["chief"]
    finally:
        chief.lock("test")
    wal = old_office.data_dir / "office.db-wal"
    assert not wal.exists() or OLD_CANARY.encode() not in wal.read_bytes()

    clerk = old_office.unlock(*CLERK)
    try:
        assert clerk.actor.role is Role.CLERK and clerk.keys is not None and clerk.keys.identity is None
    finally:
        clerk.lock("test")
    # The recovery key printed for the old office still works, and holds the new keys.
    recovery = json.loads(FIXTURE.with_suffix(".json").read_text("utf-8"))["recovery_key"]
    office = old_office.unlock_with_recovery(recovery, "chief", "chief-after-recovery")
    try:
        assert office.keys is not None and office.keys.identity is not None
        rows, _ = IncidentService(office).query()
        assert any(IncidentService(office).get_identifying(r.id).survivor_name for r in rows)
    finally:
        office.lock("test")


def test_forged_audit_entries_do_not_make_a_clerk_chief_in_the_migration(old_office: OfficeFolder) -> None:
    """Before signed roles, the migration read roles from the audit trail. A clerk holds the data
    key and can append correctly chained entries (the anchor follows): "the chief changed my role
    to chief", "the office was created by me", "a new chief was added". None of them may give her,
    or her accomplice's account, the chief's role, the office keys or the signing key."""
    from shsc_desktop.security.actions import Action

    clerk = old_office.unlock(*CLERK)
    assert clerk.actor.role is Role.CLERK and clerk.keys is None
    with clerk.transaction(NOTHING) as s:
        clerk_id = s.scalar(select(User.id).where(User.username == "clerk"))
        audit.record(s, "chief", Action.USER_ROLE_CHANGED, "user", clerk_id, {"from": "clerk", "to": "chief"})
        audit.record(s, "clerk", Action.OFFICE_CREATED, "office", "120101", {"level": "commune"})
        audit.record(s, "chief", Action.USER_ADDED, "user", clerk_id, {"username": "clerk", "role": "chief"})
        assert audit.verify(s).ok  # the chain holds: nothing but the rule can stop this
    clerk.lock("test")

    clerk = old_office.unlock(*CLERK)
    try:
        assert clerk.actor.role is Role.CLERK
        assert clerk.keys is None  # she was not the one to create the office's keys
    finally:
        clerk.lock("test")
    assert old_office.vault.load().office_keys is None

    chief = old_office.unlock(*CHIEF)  # the one who set the office up: the migration runs now
    try:
        assert chief.actor.role is Role.CHIEF and chief.keys is not None
    finally:
        chief.lock("test")
    grants = old_office.vault.verified_grants()
    assert grants["chief"] is not None and grants["chief"].role == "chief"
    assert grants["clerk"] is not None and grants["clerk"].role == "clerk"
    clerk = old_office.unlock(*CLERK)
    try:
        assert clerk.actor.role is Role.CLERK
        assert clerk.keys is not None and clerk.keys.signing is None and clerk.keys.identity is None
        assert not clerk.actor.can(Perm.MANAGE_USERS) and not clerk.actor.can(Perm.RESTORE)
    finally:
        clerk.lock("test")


# --- the anchor outside the PC: the fingerprint on the recovery sheet ------------------------------


def test_a_full_key_swap_is_caught_by_the_fingerprint_printed_at_set_up(tmp_path: Path) -> None:
    """The known limit: a clerk who replaces the office keys *and* drops the chief's and the
    recovery slot leaves nothing on the PC to disagree. The fingerprint printed at set-up is not on
    the PC: ``verify-office --fingerprint`` compares against it, with no password, and says so."""
    import re

    from shsc_desktop.security.identity import OfficeKeys
    from shsc_desktop.security.kdf import KdfParams
    from tests.conftest import COMMUNE_CODE
    from tests.test_cli import cli, one_line_failure

    data_dir = tmp_path / "office"
    made = cli(
        *("--data-dir", data_dir, "--user", "chief", "--password-stdin"),
        *("init", "--level", "commune", "--code", COMMUNE_CODE),
        password=CHIEF[1],
    )
    assert made.returncode == 0, made.stderr
    printed = re.search(
        r"^Office key fingerprint \(write it on the recovery sheet\): (\S+)$", made.stdout, re.M
    )
    assert printed, made.stdout
    sheet = printed.group(1)
    ok = cli("verify-office", "--data-dir", data_dir, "--fingerprint", sheet.lower().replace("-", " "))
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == f"The office keys match the printed fingerprint ({sheet})."

    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())
    chief = folder.unlock(*CHIEF)
    AccountService(chief).add_user(CLERK[0], "clerk", CLERK[1], "Clerk Dara")
    chief.lock("test")
    clerk = folder.unlock(*CLERK)
    data_key = clerk.data_key
    clerk.lock("test")
    hers = OfficeKeys.generate()

    def take_over(sf: SlotFile) -> None:
        sf.office_keys = hers.public_json()
        sf.slots = [s for s in sf.slots if s.kind == "user" and s.username == "clerk"]

    _rewrite_slots(folder, data_key, take_over)
    line = one_line_failure(cli("verify-office", "--data-dir", data_dir, "--fingerprint", sheet))
    assert "NOT the ones printed on the recovery sheet" in line and hers.fingerprint() in line
    shown = cli("verify-office", "--data-dir", data_dir)
    assert shown.returncode == 0 and hers.fingerprint() in shown.stdout and sheet not in shown.stdout


def test_a_forged_grant_and_role_column_cannot_accept_a_lost_audit_tail(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    """Accepting lost audit entries is the chief's (signed role). A clerk whose own grant is forged
    has no confirmed role at all: her edited column must not stand in for it, and nothing of the
    acceptance may be written (it used to be committed before her unlock was refused)."""
    from sqlalchemy import delete

    from shsc_desktop.models.engine import make_engine, session_factory
    from shsc_desktop.models.tables import Setting

    chief.lock("test")
    clerk = folder.unlock(*CLERK)
    data_key = clerk.data_key
    _grant_herself_chief(folder, clerk)
    clerk.lock("test")
    # The tail cut on an engine of her own (the anchor outside the database is not told).
    engine = make_engine(folder.db_path, data_key)
    try:
        with session_factory(engine)() as s, s.begin():
            s.execute(text("UPDATE user SET role = 'chief' WHERE username = 'clerk'"))
            last, _ = audit.head(s)
            s.execute(delete(AuditEntry).where(AuditEntry.seq == last))
            previous = s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == last - 1))
            head = s.get(Setting, audit.HEAD_KEY)
            assert head is not None
            head.value = f"{last - 1}:{previous}"
    finally:
        engine.dispose()

    with pytest.raises(PermissionDenied):
        folder.unlock(*CLERK, accept_audit_loss=True)
    chief = folder.unlock(*CHIEF, accept_audit_loss=True)  # the log was still short: hers is the decision
    try:
        accepted = [e.actor for e in audit_entries(chief, "audit_loss_accepted")]
        assert accepted == ["chief"]
    finally:
        chief.lock("test")
