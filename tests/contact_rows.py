"""Contact rows written straight into an office's database: the cheapest rows there are, for the
tests that need the file to hold something (backups, faults, damaged pages)."""

from __future__ import annotations

from sqlalchemy import func, select

from shsc_desktop.models.tables import Contact
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.values.changes import NOTHING


def add_contacts(office: UnlockedOffice, n: int, name: str = "c{i}") -> None:
    """``n`` contacts in one transaction, named ``name`` with ``{i}`` their number from 0."""
    with office.transaction(NOTHING) as s:
        for i in range(n):
            s.add(Contact(name_en=name.format(i=i), organisation_type="ngo", created_by="t", updated_by="t"))


def contact_count(office: UnlockedOffice) -> int:
    with office.reading() as s:
        return int(s.scalar(select(func.count()).select_from(Contact)) or 0)
