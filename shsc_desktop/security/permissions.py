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
    ASSIGN_CASES = "assign_cases"  # choose or change the focal point who handles a case


class Grant(enum.StrEnum):
    """A right given to one user on top of her role, signed by the office (``security.identity``).

    ``IDENTITY``: may see identifying survivor details. It is a *key*, not only a flag: the identity
    key is wrapped into the slot of each user who holds it, and nobody else can open a sealed record.
    """

    IDENTITY = "identity"


class Role(enum.StrEnum):
    CHIEF = "chief"
    FOCAL_POINT = "focal_point"
    CLERK = "clerk"
    DISTRICT_OFFICER = "district_officer"
    MINISTRY_OFFICER = "ministry_officer"


# The clerk enters records and keeps the directory. Identifying survivor details are for holders of
# the IDENTITY grant (the chief and the CCWC focal point by default; the chief can grant it to a named
# clerk): VIEW_IDENTIFYING comes from the grant, never from a role alone. The focal point (the case
# worker) does what a clerk does; with her default grant she opens the identities of the cases she
# handles, and only those (``services.caseworkers``: a rule of the service, not of the key).
_RECORD_KEEPING = frozenset(
    {
        Perm.RECORDS_READ,
        Perm.RECORDS_WRITE,
        Perm.REPORTS,
        Perm.BACKUP,
        Perm.AUDIT_VERIFY,
    }
)
# What an officer of an office above the communes does: read the reports of the offices below,
# import their bundles, enrol them, and run the office. A district officer also approves and
# exports the district's month to the ministry.
_OFFICE_ABOVE = frozenset(
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
)
ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.CHIEF: frozenset(Perm) - {Perm.VIEW_IDENTIFYING},
    Role.FOCAL_POINT: _RECORD_KEEPING,
    Role.CLERK: _RECORD_KEEPING,
    Role.DISTRICT_OFFICER: _OFFICE_ABOVE | {Perm.EXPORT, Perm.APPROVE_MONTH},
    Role.MINISTRY_OFFICER: _OFFICE_ABOVE,
}

ROLES_BY_LEVEL: dict[str, tuple[Role, ...]] = {
    # The last role of a level is its least (given when a role cannot be confirmed).
    "commune": (Role.CHIEF, Role.FOCAL_POINT, Role.CLERK),
    "district": (Role.DISTRICT_OFFICER,),
    "ministry": (Role.MINISTRY_OFFICER,),
}

# What each grant adds to the role's permissions.
GRANT_PERMISSIONS: dict[Grant, frozenset[Perm]] = {
    Grant.IDENTITY: frozenset({Perm.VIEW_IDENTIFYING}),
}

# The grants a user of each role receives unless the chief says otherwise.
ROLE_DEFAULT_GRANTS: dict[Role, frozenset[Grant]] = {
    Role.CHIEF: frozenset({Grant.IDENTITY}),
    Role.FOCAL_POINT: frozenset({Grant.IDENTITY}),
    Role.CLERK: frozenset(),
    Role.DISTRICT_OFFICER: frozenset(),
    Role.MINISTRY_OFFICER: frozenset(),
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
    grants: frozenset[Grant] | None = None  # None: the role's default grants

    def __post_init__(self) -> None:
        if self.grants is None:
            object.__setattr__(self, "grants", ROLE_DEFAULT_GRANTS[self.role])

    def can(self, perm: Perm) -> bool:
        if perm in ROLE_PERMISSIONS[self.role]:
            return True
        return any(perm in GRANT_PERMISSIONS[g] for g in self.grants or ())


def default_grants(role: str) -> frozenset[str]:
    """The grants a user of ``role`` gets unless the chief says otherwise (stable codes)."""
    return frozenset(g.value for g in ROLE_DEFAULT_GRANTS[Role(role)])


def is_admin(role: str) -> bool:
    """Whether ``role`` administers its office (holds the office signing key)."""
    return role in {r.value for r in ADMIN_ROLE_BY_LEVEL.values()}


def raises_rights(role: str) -> bool:
    """Whether ``role`` carries more than record keeping: the administrator's role, or a role whose
    default grants give a key (the focal point's identity key). Such a role is never taken from
    anything a clerk can write (the audit trail of an office set up before signed roles)."""
    return is_admin(role) or (role in {r.value for r in Role} and bool(ROLE_DEFAULT_GRANTS[Role(role)]))


def handles_own_cases_only(actor: Actor) -> bool:
    """Whether ``actor`` opens identities only of the cases she handles (the focal point).

    The chief, and a clerk the chief granted identity access, open every case's, as before."""
    return actor.role is Role.FOCAL_POINT


def require(actor: Actor, perm: Perm) -> None:
    if not actor.can(perm):
        raise PermissionDenied(f"The role '{actor.role.value}' may not do this ({perm.value}).")
