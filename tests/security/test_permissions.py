"""Role rules enforced by the services themselves (P9), whatever the GUI shows.

For each role and each guarded service method, the call succeeds exactly when ``ROLE_PERMISSIONS``
grants the permission, and a refused call changes nothing (slot file and audit head unchanged).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from shsc_desktop.errors import PermissionDenied
from shsc_desktop.security import audit
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.security.permissions import (
    GRANT_PERMISSIONS,
    ROLE_PERMISSIONS,
    ROLES_BY_LEVEL,
    Actor,
    Grant,
    Perm,
    Role,
)
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.admin import AdminService
from shsc_desktop.services.backup import BackupService
from shsc_desktop.services.caseworkers import case_workers
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IdentifyingDetails, IncidentDraft, IncidentService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.services.referrals import ReferralDraft, ReferralService
from shsc_desktop.services.restore import Authorisation, restore_backup
from shsc_desktop.services.slips import SlipRequest, SlipService
from tests.conftest import CHIEF, CLERK, COMMUNE_CODE

PASSWORD = "a-good-password"
FOCAL = ("focal", "focal-password")
OTHER_FOCAL = ("focal2", "focal2-password")
GRANTED_CLERK = ("clerk2", "clerk2-password")
_names = itertools.count()


def _unique(prefix: str) -> str:
    return f"{prefix}{next(_names)}"


class Offices:
    """One office per level, unlocked once per role, shared by the whole matrix.

    Each action below prepares what it needs and returns the guarded call itself.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.by_role: dict[Role, UnlockedOffice] = {}
        self.admin_by_level: dict[str, UnlockedOffice] = {}
        kdf = KdfParams.fast_for_tests()
        for level, code in (("commune", COMMUNE_CODE), ("district", "1201"), ("ministry", "")):
            folder = OfficeFolder(root / level, kdf=kdf)
            admin, _ = folder.create(level, code, CHIEF[0], CHIEF[1])
            self.admin_by_level[level] = admin
            self.by_role[admin.actor.role] = admin
        commune = self.admin_by_level["commune"]
        accounts = AccountService(commune)
        accounts.add_user(CLERK[0], "clerk", CLERK[1])
        self.by_role[Role.CLERK] = commune.folder.unlock(*CLERK)
        accounts.add_user(FOCAL[0], "focal_point", FOCAL[1])
        accounts.add_user(OTHER_FOCAL[0], "focal_point", OTHER_FOCAL[1])
        self.by_role[Role.FOCAL_POINT] = commune.folder.unlock(*FOCAL)
        # A clerk the chief granted identity access: sees every case's identity, as before.
        accounts.add_user(GRANTED_CLERK[0], "clerk", GRANTED_CLERK[1])
        accounts.set_identity_access(GRANTED_CLERK[0], True)
        self.granted_clerk = commune.folder.unlock(*GRANTED_CLERK)
        self.cases = Cases(commune, self.by_role[Role.FOCAL_POINT])

    def commune_office(self, who: str) -> UnlockedOffice:
        if who == "clerk_granted":
            return self.granted_clerk
        return self.by_role[Role(who)]

    def level_of(self, office: UnlockedOffice) -> str:
        return office.info.level

    def close(self) -> None:
        for office in [*self.by_role.values(), self.granted_clerk]:
            office.lock("test end")


class Cases:
    """Case A is recorded by the focal point (so hers), case B is handled by another focal point,
    case C is the one the reassignment action moves between them. Each has a consented referral."""

    def __init__(self, chief: UnlockedOffice, focal: UnlockedOffice) -> None:
        workers = {w.username: w.user_id for w in case_workers(chief)}
        self.focal_id, self.other_id = workers[FOCAL[0]], workers[OTHER_FOCAL[0]]
        provider = ContactService(chief).create(
            ContactDraft("health_centre", frozenset({"health"}), name_en="Health Centre")
        )
        self.own = self._case(focal, provider.id, None)
        self.others = self._case(chief, provider.id, self.other_id)
        self.moved = self._case(chief, provider.id, self.focal_id)

    @staticmethod
    def _case(office: UnlockedOffice, provider_id: str, worker: str | None) -> tuple[str, str]:
        incident = IncidentService(office).create(
            IncidentDraft(
                date_reported=date.today(),
                classification=(False, False, True),
                consent_services="yes",
                case_worker_id=worker,
                identifying=IdentifyingDetails(survivor_name="Synthetic Srey", survivor_phone="012 345 678"),
            )
        )
        referral = ReferralService(office).create(
            incident.id, ReferralDraft("health", provider_id, date.today(), note="synthetic note")
        )
        return incident.id, referral.id


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Offices]:
    o = Offices(tmp_path_factory.mktemp("perm"))
    yield o
    o.close()


def _some_role(office: UnlockedOffice) -> str:
    return ROLES_BY_LEVEL[office.info.level][-1].value


def _other_user(offices: Offices, office: UnlockedOffice) -> str:
    """A user of the same office, created by that level's administrator."""
    admin = offices.admin_by_level[office.info.level]
    name = _unique("target")
    AccountService(admin).add_user(name, _some_role(admin), PASSWORD)
    return name


def _add_user(offices: Offices, office: UnlockedOffice) -> Any:
    return lambda: AccountService(office).add_user(_unique("new"), _some_role(office), PASSWORD)


def _reset_password(offices: Offices, office: UnlockedOffice) -> Any:
    target = _other_user(offices, office)
    return lambda: AccountService(office).reset_password(target, "another-password")


def _remove_user(offices: Offices, office: UnlockedOffice) -> Any:
    target = _other_user(offices, office)
    return lambda: AccountService(office).remove_user(target, rotate_key=False)


def _change_role(offices: Offices, office: UnlockedOffice) -> Any:
    target = _other_user(offices, office)
    return lambda: AccountService(office).change_role(target, _some_role(office))


def _replace_recovery_key(offices: Offices, office: UnlockedOffice) -> Any:
    return lambda: AccountService(office).replace_recovery_key()


def _verify_audit(offices: Offices, office: UnlockedOffice) -> Any:
    return lambda: AdminService(office).verify_audit()


def _recent_audit(offices: Offices, office: UnlockedOffice) -> Any:
    return lambda: AdminService(office).recent_audit(5)


def _set_auto_lock(offices: Offices, office: UnlockedOffice) -> Any:
    return lambda: AdminService(office).set_auto_lock_minutes(7)


def _get_auto_lock(offices: Offices, office: UnlockedOffice) -> Any:
    return lambda: AdminService(office).get_auto_lock_minutes()


def _backup(offices: Offices, office: UnlockedOffice) -> Any:
    target = offices.root / "backups" / f"{_unique('b')}.shscbak"
    return lambda: BackupService(office).backup(target)


ACTIONS: list[tuple[str, Callable[[Offices, UnlockedOffice], Any], Perm | None]] = [
    ("AccountService.add_user", _add_user, Perm.MANAGE_USERS),
    ("AccountService.reset_password", _reset_password, Perm.MANAGE_USERS),
    ("AccountService.remove_user", _remove_user, Perm.MANAGE_USERS),
    ("AccountService.change_role", _change_role, Perm.MANAGE_USERS),
    ("AccountService.replace_recovery_key", _replace_recovery_key, Perm.MANAGE_USERS),
    ("AdminService.verify_audit", _verify_audit, Perm.AUDIT_VERIFY),
    ("AdminService.recent_audit", _recent_audit, Perm.AUDIT_VERIFY),
    ("AdminService.set_auto_lock_minutes", _set_auto_lock, Perm.MANAGE_SETTINGS),
    ("AdminService.get_auto_lock_minutes", _get_auto_lock, None),
    ("BackupService.backup", _backup, Perm.BACKUP),
]


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
@pytest.mark.parametrize(("name", "action", "perm"), ACTIONS, ids=[a[0] for a in ACTIONS])
def test_role_matrix(
    offices: Offices,
    role: Role,
    name: str,
    action: Callable[[Offices, UnlockedOffice], Any],
    perm: Perm | None,
) -> None:
    office = offices.by_role[role]
    allowed = perm is None or office.actor.can(perm)
    call = action(offices, office)  # any preparation (e.g. a user to act on) happens here
    if allowed:
        call()
        return
    slots_before = office.folder.vault.primary.read_bytes()
    with office.reading() as s:
        head_before = audit.head(s)
    with pytest.raises(PermissionDenied) as exc_info:
        call()
    assert role.value in str(exc_info.value)
    assert office.folder.vault.primary.read_bytes() == slots_before
    with office.reading() as s:
        assert audit.head(s) == head_before


# --- case work: who opens which case's identity (issue 11) ----------------------------------------
#
# Written out, not derived from the code: "own" is the case the focal point recorded (she is its
# worker), "other" a case another focal point handles. The chief and a clerk granted identity access
# see both; the focal point her own only; a clerk without the grant neither. Only the chief moves a
# case to another worker. Every commune role records follow-ups.

WHO = ("chief", "focal_point", "clerk", "clerk_granted")


def _open_identity(case: str) -> Callable[[Offices, UnlockedOffice], Any]:
    def action(offices: Offices, office: UnlockedOffice) -> Any:
        incident_id, _ = offices.cases.own if case == "own" else offices.cases.others
        return lambda: IncidentService(office).get_identifying(incident_id).survivor_name == "Synthetic Srey"

    return action


def _referral_note(case: str) -> Callable[[Offices, UnlockedOffice], Any]:
    def action(offices: Offices, office: UnlockedOffice) -> Any:
        _, referral_id = offices.cases.own if case == "own" else offices.cases.others
        return lambda: ReferralService(office).get_note(referral_id) == "synthetic note"

    return action


def _slip_with_identity(case: str) -> Callable[[Offices, UnlockedOffice], Any]:
    def action(offices: Offices, office: UnlockedOffice) -> Any:
        _, referral_id = offices.cases.own if case == "own" else offices.cases.others
        request = SlipRequest(referral_id, "provider", "en", frozenset({"survivor_name"}))
        return lambda: SlipService(office).referral_slip_for_print(request).startswith(b"%PDF")

    return action


def _reassign(offices: Offices, office: UnlockedOffice) -> Any:
    incident_id, _ = offices.cases.moved
    service = IncidentService(office)
    view = service.get(incident_id)
    to = offices.cases.other_id if view.case_worker_id == offices.cases.focal_id else offices.cases.focal_id
    draft = replace(view.as_draft(), case_worker_id=to)
    return lambda: service.update(incident_id, draft, view.version).case_worker_id == to


def _follow_up(offices: Offices, office: UnlockedOffice) -> Any:
    incident_id, _ = offices.cases.others
    service = IncidentService(office)
    view = service.get(incident_id)
    risk = "high" if view.risk_level != "high" else "medium"
    draft = replace(view.as_draft(), risk_level=risk)
    return lambda: service.update(incident_id, draft, view.version).risk_level == risk


CASE_ACTIONS: list[tuple[str, Callable[[Offices, UnlockedOffice], Any], frozenset[str]]] = [
    ("identity of own case", _open_identity("own"), frozenset(WHO) - {"clerk"}),
    ("identity of other's case", _open_identity("other"), frozenset({"chief", "clerk_granted"})),
    ("referral note of own case", _referral_note("own"), frozenset(WHO) - {"clerk"}),
    ("referral note of other's case", _referral_note("other"), frozenset({"chief", "clerk_granted"})),
    ("slip with name, own case", _slip_with_identity("own"), frozenset(WHO) - {"clerk"}),
    ("slip with name, other's case", _slip_with_identity("other"), frozenset({"chief", "clerk_granted"})),
    ("reassign a case", _reassign, frozenset({"chief"})),
    ("record a follow-up", _follow_up, frozenset(WHO)),
]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("name", "action", "allowed"), CASE_ACTIONS, ids=[a[0] for a in CASE_ACTIONS])
def test_case_work_matrix(
    offices: Offices,
    who: str,
    name: str,
    action: Callable[[Offices, UnlockedOffice], Any],
    allowed: frozenset[str],
) -> None:
    office = offices.commune_office(who)
    call = action(offices, office)
    if who in allowed:
        assert call() is True
        return
    with office.reading() as s:
        head_before = audit.head(s)
    with pytest.raises(PermissionDenied):
        call()
    with office.reading() as s:
        assert audit.head(s) == head_before  # a refusal neither opens nor records a view


def test_every_permission_is_granted_to_someone() -> None:
    granted = set().union(*ROLE_PERMISSIONS.values(), *GRANT_PERMISSIONS.values())
    assert granted == set(Perm)
    # Identifying details come from the identity grant (a key), never from a role alone; the chief
    # holds that grant by default.
    assert ROLE_PERMISSIONS[Role.CHIEF] == frozenset(Perm) - {Perm.VIEW_IDENTIFYING}
    assert Actor("x", "chief", Role.CHIEF).can(Perm.VIEW_IDENTIFYING)
    assert not Actor("x", "clerk", Role.CLERK).can(Perm.VIEW_IDENTIFYING)
    assert Actor("x", "clerk", Role.CLERK, frozenset({Grant.IDENTITY})).can(Perm.VIEW_IDENTIFYING)
    # The focal point holds the grant by default (her cases only: the matrix above), and never
    # more than record keeping from her role; the clerk stays the commune's least role.
    assert Actor("x", "focal", Role.FOCAL_POINT).can(Perm.VIEW_IDENTIFYING)
    assert ROLE_PERMISSIONS[Role.FOCAL_POINT] == ROLE_PERMISSIONS[Role.CLERK]
    assert not Actor("x", "focal", Role.FOCAL_POINT).can(Perm.ASSIGN_CASES)
    assert ROLES_BY_LEVEL["commune"][-1] is Role.CLERK


def test_clerk_cannot_restore_a_backup(tmp_path: Path, folder: OfficeFolder, chief: UnlockedOffice) -> None:
    """Restoring replaces the office's data: it needs RESTORE, which a clerk does not have."""
    assert Perm.RESTORE not in ROLE_PERMISSIONS[Role.CLERK]
    info = BackupService(chief).backup(tmp_path / "b.shscbak")
    chief.lock("test")
    before = {p.name: p.read_bytes() for p in folder.data_dir.iterdir() if p.is_file()}
    with pytest.raises(PermissionDenied):
        restore_backup(folder, info.path, *CLERK, allow_older=True)
    after = {p.name: p.read_bytes() for p in folder.data_dir.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in folder.data_dir.iterdir() if p.is_dir()]
    # The chief may.
    restore_backup(folder, info.path, *CHIEF, allow_older=True, authorisation=Authorisation(*CHIEF)).lock(
        "test"
    )
