"""What the insider at the shared PC does with her own clerk's password and the project's API (the
attacks that more than one security test replays), the canary-marked details she must never read
back, and the audit entries that show the chief what happened."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select, text

from shsc_desktop.errors import RoleNotConfirmed
from shsc_desktop.models.tables import AuditEntry
from shsc_desktop.security.actions import Action
from shsc_desktop.services.incidents import IdentifyingDetails
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from tests.conftest import CLERK


def write_role_column(clerk: UnlockedOffice, role: str) -> None:
    """``UPDATE user SET role`` on the clerk's own engine, with the key her password opens."""
    with clerk.engine.begin() as conn:
        conn.execute(text("UPDATE user SET role = :role WHERE username = 'clerk'"), {"role": role})


def clerk_writes_own_role(folder: OfficeFolder, role: str) -> None:
    """The SQL escalation: on her own engine the clerk writes ``role`` into her user row. Her next
    unlock is refused, since her grant (signed by the chief) still says clerk."""
    clerk = folder.unlock(*CLERK)
    write_role_column(clerk, role)
    clerk.lock("test")
    with pytest.raises(RoleNotConfirmed):
        folder.unlock(*CLERK)


def canary_details(name: str, canary: str, born: date) -> IdentifyingDetails:
    """Identifying details with ``canary`` in the free-text fields: found in plain anywhere, they leaked."""
    return IdentifyingDetails(
        survivor_name=name,
        survivor_phone="012 777 888",
        survivor_address=f"{canary} village",
        survivor_birth_date=born,
        narrative=f"{canary} narrative",
    )


def audit_entries(office: UnlockedOffice, action: str) -> list[AuditEntry]:
    with office.reading() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def assert_role_mismatch_recorded(chief: UnlockedOffice, found: str) -> None:
    """The chief's unlock finds the clerk's refused unlock and the role she wrote (``found``) recorded."""
    refused = audit_entries(chief, Action.UNLOCK_REFUSED)
    assert [(e.actor, json.loads(e.details)["reason"]) for e in refused] == [("clerk", "role_mismatch")]
    mismatch = [json.loads(e.details) for e in audit_entries(chief, Action.ROLE_MISMATCH)]
    assert mismatch == [{"username": "clerk", "found": found, "signed": "clerk"}]
