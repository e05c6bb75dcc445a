"""The incident's identifying (class P) details: sealing them to the office's identity key on the
way in, opening them on the way out, and whether the office records perpetrators' names.

Who may see them (``VIEW_IDENTIFYING``, a focal point's own cases) and the audit entry of each
look are the callers' (:mod:`.incidents`, :mod:`.slips`); erasing them is :mod:`.identities`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..models.tables import Incident
from . import identities
from .office import UnlockedOffice

PERPETRATOR_NAMES_SETTING = "collect_perpetrator_names"  # "on": names are recorded (sealed)


@dataclass(frozen=True)
class IdentifyingDetails:
    """The identifying (class P) details of one incident."""

    survivor_name: str = ""
    survivor_phone: str = ""
    survivor_address: str = ""
    survivor_birth_date: date | None = None
    narrative: str = ""
    perpetrator_names: tuple[str, ...] = ()  # by position, matching the draft's perpetrators


def collects_perpetrator_names(office: UnlockedOffice) -> bool:
    """Whether this office records perpetrators' names (off unless the chief turns it on)."""
    return office.setting(PERPETRATOR_NAMES_SETTING) == "on"


def store_identifying(office: UnlockedOffice, row: Incident, ident: IdentifyingDetails) -> None:
    """Seal the details to the office's identity key (whoever enters them cannot necessarily
    read them back). Perpetrators' names are kept only if the office collects them."""
    names = [n.strip() for n in ident.perpetrator_names[: len(row.perpetrators)]]
    if not collects_perpetrator_names(office):
        names = []
    if office.keys is None:  # an office not yet given its keys: as before, until then
        row.legacy_survivor_name = ident.survivor_name.strip()
        row.legacy_survivor_phone = ident.survivor_phone.strip()
        row.legacy_survivor_address = ident.survivor_address.strip()
        row.legacy_survivor_birth_date = ident.survivor_birth_date
        row.legacy_narrative = ident.narrative
        for perpetrator, name in zip(row.perpetrators, names, strict=False):
            perpetrator.legacy_name = name
        return
    payload = identifying_payload(ident, names)
    row.identity_sealed = identities.seal_value(office, payload, identities.incident_context(row.id))


def open_identifying(office: UnlockedOffice, row: Incident) -> IdentifyingDetails:
    """Open ``row``'s sealed details (an older office's plain columns until they are sealed).

    ``IdentityLocked`` if this session does not hold the identity key; callers check
    ``VIEW_IDENTIFYING`` and write the audit entry."""
    if row.identity_sealed is None:
        payload = identities.legacy_incident_payload(row)
    else:
        payload = identities.open_value(office, row.identity_sealed, identities.incident_context(row.id))
    birth = payload.get("survivor_birth_date")
    return IdentifyingDetails(
        survivor_name=str(payload.get("survivor_name", "")),
        survivor_phone=str(payload.get("survivor_phone", "")),
        survivor_address=str(payload.get("survivor_address", "")),
        survivor_birth_date=date.fromisoformat(birth) if isinstance(birth, str) else None,
        narrative=str(payload.get("narrative", "")),
        perpetrator_names=tuple(str(n) for n in payload.get("perpetrator_names", [])),
    )


def identifying_payload(ident: IdentifyingDetails, perpetrator_names: Sequence[str]) -> dict[str, Any]:
    """The sealed form of one incident's identifying details."""
    birth = ident.survivor_birth_date
    return {
        "survivor_name": ident.survivor_name.strip(),
        "survivor_phone": ident.survivor_phone.strip(),
        "survivor_address": ident.survivor_address.strip(),
        "survivor_birth_date": birth.isoformat() if birth else None,
        "narrative": ident.narrative,
        "perpetrator_names": list(perpetrator_names) if any(perpetrator_names) else [],
    }
