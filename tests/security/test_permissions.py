"""Role rules enforced by the services themselves (P9), whatever the GUI shows.

For each role and each guarded service method, the call succeeds exactly when ``ROLE_PERMISSIONS``
grants the permission, and a refused call changes nothing (slot file and audit head unchanged).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from shsc_desktop.errors import PermissionDenied
from shsc_desktop.security import audit
from shsc_desktop.security.permissions import (
    GRANT_PERMISSIONS,
    ROLE_PERMISSIONS,
    ROLES_BY_LEVEL,
    Actor,
    Grant,
    Perm,
    Role,
)
from shsc_desktop.security.vault import KdfParams
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.admin import AdminService
from shsc_desktop.services.backup import Authorisation, BackupService, restore_backup
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from tests.conftest import CHIEF, CLERK, COMMUNE_CODE

PASSWORD = "a-good-password"
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
        AccountService(commune).add_user(CLERK[0], "clerk", CLERK[1])
        self.by_role[Role.CLERK] = commune.folder.unlock(*CLERK)

    def level_of(self, office: UnlockedOffice) -> str:
        return office.info.level

    def close(self) -> None:
        for office in self.by_role.values():
            office.lock("test end")


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


def test_every_permission_is_granted_to_someone() -> None:
    granted = set().union(*ROLE_PERMISSIONS.values(), *GRANT_PERMISSIONS.values())
    assert granted == set(Perm)
    # Identifying details come from the identity grant (a key), never from a role alone; the chief
    # holds that grant by default.
    assert ROLE_PERMISSIONS[Role.CHIEF] == frozenset(Perm) - {Perm.VIEW_IDENTIFYING}
    assert Actor("x", "chief", Role.CHIEF).can(Perm.VIEW_IDENTIFYING)
    assert not Actor("x", "clerk", Role.CLERK).can(Perm.VIEW_IDENTIFYING)
    assert Actor("x", "clerk", Role.CLERK, frozenset({Grant.IDENTITY})).can(Perm.VIEW_IDENTIFYING)


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
