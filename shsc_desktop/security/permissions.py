"""Roles and what each may do. Services call :func:`require`; the GUI only mirrors it.

The table is deliberately small and explicit so an auditor can read it: a role has a permission only
if it is listed here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..errors import PermissionDenied


class Perm(enum.StrEnum):
    RECORDS_READ = "records_read"
    RECORDS_WRITE = "records_write"
    RECORDS_DELETE = "records_delete"
    VIEW_IDENTIFYING = "view_identifying"
    CONSENT_OVERRIDE = "consent_override"
    APPROVE_MONTH = "approve_month"
    REPORTS = "reports"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    RESTORE = "restore"
    AUDIT_VERIFY = "audit_verify"
    EXPORT = "export"
    IMPORT = "import"
    ENROL = "enrol"


class Role(enum.StrEnum):
    CHIEF = "chief"
    CLERK = "clerk"
    DISTRICT_OFFICER = "district_officer"
    MINISTRY_OFFICER = "ministry_officer"


# The clerk enters records and keeps the directory. Identifying survivor details are for the chief
# by default; an office can grant them to a named clerk case worker later (issue: registers).
ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.CHIEF: frozenset(Perm),
    Role.CLERK: frozenset(
        {
            Perm.RECORDS_READ,
            Perm.RECORDS_WRITE,
            Perm.REPORTS,
            Perm.BACKUP,
            Perm.AUDIT_VERIFY,
        }
    ),
    Role.DISTRICT_OFFICER: frozenset(
        {
            Perm.REPORTS,
            Perm.MANAGE_USERS,
            Perm.MANAGE_SETTINGS,
            Perm.BACKUP,
            Perm.RESTORE,
            Perm.AUDIT_VERIFY,
            Perm.EXPORT,
            Perm.IMPORT,
            Perm.ENROL,
            Perm.APPROVE_MONTH,
        }
    ),
    Role.MINISTRY_OFFICER: frozenset(
        {
            Perm.REPORTS,
            Perm.MANAGE_USERS,
            Perm.MANAGE_SETTINGS,
            Perm.BACKUP,
            Perm.RESTORE,
            Perm.AUDIT_VERIFY,
            Perm.IMPORT,
            Perm.ENROL,
        }
    ),
}

ROLES_BY_LEVEL: dict[str, tuple[Role, ...]] = {
    "commune": (Role.CHIEF, Role.CLERK),
    "district": (Role.DISTRICT_OFFICER,),
    "ministry": (Role.MINISTRY_OFFICER,),
}

ADMIN_ROLE_BY_LEVEL: dict[str, Role] = {
    "commune": Role.CHIEF,
    "district": Role.DISTRICT_OFFICER,
    "ministry": Role.MINISTRY_OFFICER,
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person, as services see them."""

    user_id: str
    username: str
    role: Role

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMISSIONS[self.role]


def require(actor: Actor, perm: Perm) -> None:
    if not actor.can(perm):
        raise PermissionDenied(f"The role '{actor.role.value}' may not do this ({perm.value}).")
