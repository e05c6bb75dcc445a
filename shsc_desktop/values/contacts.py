"""A directory entry as the services hand it out (``ContactView``) and as a form fills it in
(``ContactDraft``): plain values, shared by the contact service, its exports and the views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .copying import same_named


@dataclass(frozen=True)
class ContactDraft:
    organisation_type: str
    services: frozenset[str]
    name_en: str = ""
    name_km: str = ""
    contact_person: str = ""
    position: str = ""
    phone: str = ""
    phone2: str = ""
    email: str = ""
    address: str = ""
    hours: str = ""
    coverage: str = "khan"
    last_verified: date | None = None
    active: bool = True


@dataclass(frozen=True)
class ContactView:
    id: str
    version: int
    name_km: str
    name_en: str
    organisation_type: str
    services: frozenset[str]
    contact_person: str
    position: str
    phone: str
    phone2: str
    email: str
    address: str
    hours: str
    coverage: str
    last_verified: date | None
    active: bool
    updated_at: datetime
    updated_by: str

    def name(self, lang: str) -> str:
        """The name in ``lang``, falling back to the other language."""
        first, second = (self.name_km, self.name_en) if lang == "km" else (self.name_en, self.name_km)
        return first or second

    def as_draft(self) -> ContactDraft:
        return same_named(ContactDraft, self)
