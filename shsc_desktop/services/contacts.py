"""The referral-network directory: organisations, the services they offer, whom to call.

The directory never holds survivors. The clerk keeps it (``RECORDS_WRITE``); it can be exchanged
as CSV or XLSX (:mod:`shsc_desktop.exports.directory_io`). An import validates every row first and
then writes all of them in one transaction, or raises :class:`~shsc_desktop.errors.ImportProblems`
listing the bad rows by line number and writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Text, exists, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session

from ..errors import ImportProblems, ValidationFailed
from ..exports.directory_io import COLUMNS, SERVICE_SEPARATOR, SheetRow
from ..exports.directory_pdf import build_directory_pdf
from ..exports.pdf_common import pdf_bytes
from ..models import codes
from ..models.tables import Contact, Referral
from ..problems import Problem
from ..security.audit import Action
from ..security.permissions import Perm, require
from ..values.contacts import ContactDraft as ContactDraft  # re-exported: forms build drafts
from ..values.contacts import ContactView as ContactView
from ..values.copying import same_named
from . import lifecycle
from . import validation as v
from .register_service import RegisterService

TARGET = "contact"
# The directory holds no survivor: an unused entry is removed (its reason stays in the audit log),
# by whoever keeps the directory, in any month.
REGISTER = lifecycle.Register(
    Contact,
    TARGET,
    v.CONTACT_GONE,
    soft=False,
    delete_perm=Perm.RECORDS_WRITE,
    month_locked=False,
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def validate_contact(draft: ContactDraft, today: date) -> None:
    p = v.Problems()
    if not draft.name_en.strip() and not draft.name_km.strip():
        p.add("name_en", v.NAME_REQUIRED)
    p.text("name_en", draft.name_en, 300)
    p.text("name_km", draft.name_km, 300)
    p.code("organisation_type", draft.organisation_type, codes.ORGANISATION_TYPE)
    if not draft.services:
        p.add("services", v.REQUIRED)
    p.codes("services", draft.services, codes.SERVICE_TYPE)
    p.text("contact_person", draft.contact_person, 200)
    p.text("position", draft.position, 200)
    p.phone("phone", draft.phone)
    p.phone("phone2", draft.phone2)
    p.text("email", draft.email, 200)
    if draft.email.strip() and not _EMAIL.match(draft.email.strip()):
        p.add("email", v.BAD_EMAIL)
    p.text("address", draft.address, 2000)
    p.text("hours", draft.hours, 200)
    p.code("coverage", draft.coverage, codes.COVERAGE)
    p.not_future("last_verified", draft.last_verified, today)
    p.raise_if_any()


class ContactService(RegisterService):
    """Create, edit, find, import and export directory entries."""

    register = REGISTER

    # -- writing ----------------------------------------------------------------------------------

    def create(self, draft: ContactDraft) -> ContactView:
        require(self.actor, Perm.RECORDS_WRITE)
        validate_contact(draft, self.today())
        with self.office.transaction(REGISTER.changes) as s:
            row = lifecycle.new(Contact, self.actor)
            _apply(row, draft)
            s.add(row)
            s.flush()
            self.audit(s, Action.RECORD_CREATED, row.id, {})
            return _view(row)

    def update(self, contact_id: str, draft: ContactDraft, expected_version: int) -> ContactView:
        require(self.actor, Perm.RECORDS_WRITE)
        validate_contact(draft, self.today())
        with self.office.transaction(REGISTER.changes) as s:
            row = _load(s, contact_id)
            v.check_version(row.version, expected_version)
            changed = _apply(row, draft)
            self.updated(s, row, lambda: {"fields": changed})
            return _view(row)

    def delete(self, contact_id: str, reason: str) -> None:
        """Remove an entry no referral points to, with a reason (kept in the audit log: the entry
        itself goes). Entries in use can only be made inactive."""

        def check_unused(s: Session, row: Contact) -> dict[str, Any]:
            if s.scalar(select(exists().where(Referral.contact_id == row.id))):
                raise ValidationFailed({"contact": v.CONTACT_IN_USE})
            return {"name": row.name_en or row.name_km}

        lifecycle.delete_with_reason(self.office, REGISTER, contact_id, reason, check_unused)

    # -- reading ----------------------------------------------------------------------------------

    def get(self, contact_id: str) -> ContactView:
        require(self.actor, Perm.RECORDS_READ)
        with self.office.reading() as s:
            return _view(_load(s, contact_id))

    def search(
        self,
        text: str = "",
        service: str | None = None,
        organisation_type: str | None = None,
        active_only: bool = False,
    ) -> list[ContactView]:
        """Entries matching all given criteria, by English name (then Khmer name)."""
        require(self.actor, Perm.RECORDS_READ)
        query = select(Contact)
        if service:
            # services are stored as sorted comma-separated codes; codes contain no comma
            stored = type_coerce(Contact.services, Text)
            wrapped = literal(",", Text) + stored + literal(",", Text)
            query = query.where(wrapped.like(f"%,{_like_escape(service)},%", escape="\\"))
        if organisation_type:
            query = query.where(Contact.organisation_type == organisation_type)
        if active_only:
            query = query.where(Contact.active.is_(True))
        term = text.strip().lower()
        if term:
            pattern = f"%{_like_escape(term)}%"
            query = query.where(
                or_(
                    *(
                        func.lower(c).like(pattern, escape="\\")
                        for c in (
                            Contact.name_en,
                            Contact.name_km,
                            Contact.contact_person,
                            Contact.address,
                            Contact.phone,
                        )
                    )
                )
            )
        query = query.order_by(func.lower(Contact.name_en), Contact.name_km)
        with self.office.reading() as s:
            return [_view(r) for r in s.scalars(query)]

    def for_service(self, service: str) -> list[ContactView]:
        """Active providers of ``service`` (the referral form's choices)."""
        return self.search(service=service, active_only=True)

    def directory_pdf(self, target: Path, lang: str) -> int:
        """Write the printable directory (active entries, by service) to ``target``; audited as
        ``PRINT``. Returns the number of organisations listed."""
        require(self.actor, Perm.RECORDS_READ)
        if lang not in ("km", "en"):
            raise ValidationFailed({"lang": v.NOT_IN_LIST})
        entries = self.search(active_only=True)
        count = build_directory_pdf(entries, self.office.info, lang, Path(target))
        self.office.audit(
            Action.PRINT, "directory", "", {"lang": lang, "entries": count, "file": Path(target).name}
        )
        return count

    def directory_for_print(self, lang: str) -> bytes:
        """The printable directory as bytes for the printer (in memory only); audited as printed."""
        require(self.actor, Perm.RECORDS_READ)
        if lang not in ("km", "en"):
            raise ValidationFailed({"lang": v.NOT_IN_LIST})
        entries = self.search(active_only=True)
        counted: list[int] = []
        data = pdf_bytes(
            lambda stream: counted.append(build_directory_pdf(entries, self.office.info, lang, stream))
        )
        self.office.audit(
            Action.PRINT, "directory", "", {"lang": lang, "entries": counted[0], "printer": True}
        )
        return data

    # -- exchange ---------------------------------------------------------------------------------

    def export_rows(self) -> list[dict[str, str]]:
        """Every entry as a row of :data:`~shsc_desktop.exports.directory_io.COLUMNS`."""
        require(self.actor, Perm.RECORDS_READ)
        return [_to_row(c) for c in self.search()]

    def import_rows(self, rows: Iterable[SheetRow]) -> ImportResult:
        """Validate every row; then create or update all of them, or (on any problem) none.

        A row whose ``id`` is known updates that entry; a row without one updates the entry with the
        same English name and type if there is one, and otherwise creates a new entry.
        """
        require(self.actor, Perm.RECORDS_WRITE)  # the clerk keeps the directory (not Perm.IMPORT: bundles)
        parsed: list[tuple[int, str, ContactDraft]] = []
        problems: list[tuple[int, str]] = []
        seen_ids: dict[str, int] = {}
        today = self.today()
        for row in rows:
            try:
                row_id, draft = _parse(row.cells)
                validate_contact(draft, today)
            except ValidationFailed as exc:
                problems.extend((row.line, _in_field(m, k)) for k, m in exc.problems.items())
                continue
            if row_id:
                if row_id in seen_ids:
                    problems.append((row.line, v.SAME_ID_TWICE(seen_ids[row_id]).in_field("id")))
                    continue
                seen_ids[row_id] = row.line
            parsed.append((row.line, row_id, draft))
        if problems:
            raise ImportProblems(problems)
        if not parsed:
            raise ImportProblems([(1, v.NO_DIRECTORY_ROWS)])
        created = updated = 0
        with self.office.transaction(REGISTER.changes) as s:
            by_name = {
                (c.name_en.strip().lower(), c.organisation_type): c
                for c in s.scalars(select(Contact))
                if c.name_en.strip()
            }
            for _line, row_id, draft in parsed:
                existing = s.get(Contact, row_id) if row_id else None
                if existing is None and not row_id:
                    existing = by_name.get((draft.name_en.strip().lower(), draft.organisation_type))
                if existing is None:
                    contact = lifecycle.new(Contact, self.actor)
                    if row_id:
                        contact.id = row_id
                    _apply(contact, draft)
                    s.add(contact)
                    if contact.name_en.strip():
                        by_name[(contact.name_en.strip().lower(), contact.organisation_type)] = contact
                    created += 1
                elif _apply(existing, draft):
                    lifecycle.touch(existing, self.actor)
                    updated += 1
            s.flush()
            self.audit(
                s,
                Action.IMPORT,
                "",
                {"kind": "directory", "rows": len(parsed), "created": created, "updated": updated},
            )
        return ImportResult(created, updated)


def _in_field(message: str, field: str) -> str:
    """``message`` about the file's column ``field``, keeping its code when it has one."""
    return message.in_field(field) if isinstance(message, Problem) else f"{field}: {message}"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _parse(cells: Mapping[str, str]) -> tuple[str, ContactDraft]:
    """A file row as a draft; every unreadable cell is reported at once."""
    p = v.Problems()
    row_id = cells.get("id", "").strip().lower()
    if row_id and not _ID.match(row_id):
        p.add("id", "Leave the id empty or copy it unchanged from an exported file.")
    services = frozenset(s.strip() for s in cells.get("services", "").split(SERVICE_SEPARATOR) if s.strip())
    verified_text = cells.get("last_verified", "").strip()
    verified: date | None = None
    if verified_text:
        try:
            verified = v.parse_date(verified_text)
        except ValueError:
            p.add("last_verified", v.BAD_DATE)
    active_text = cells.get("active", "").strip().lower()
    if active_text not in {"yes", "no", "true", "false", "1", "0"}:
        p.add("active", "Write yes or no.")
    p.raise_if_any()
    draft = ContactDraft(
        organisation_type=cells.get("organisation_type", "").strip(),
        services=services,
        name_en=cells.get("name_en", "").strip(),
        name_km=cells.get("name_km", "").strip(),
        contact_person=cells.get("contact_person", "").strip(),
        position=cells.get("position", "").strip(),
        phone=cells.get("phone", "").strip(),
        phone2=cells.get("phone2", "").strip(),
        email=cells.get("email", "").strip(),
        address=cells.get("address", "").strip(),
        hours=cells.get("hours", "").strip(),
        coverage=cells.get("coverage", "").strip(),
        last_verified=verified,
        active=active_text in {"yes", "true", "1"},
    )
    return row_id, draft


def _to_row(c: ContactView) -> dict[str, str]:
    row = {
        "id": c.id,
        "name_km": c.name_km,
        "name_en": c.name_en,
        "organisation_type": c.organisation_type,
        "services": SERVICE_SEPARATOR.join(sorted(c.services)),
        "contact_person": c.contact_person,
        "position": c.position,
        "phone": c.phone,
        "phone2": c.phone2,
        "email": c.email,
        "address": c.address,
        "hours": c.hours,
        "coverage": c.coverage,
        "last_verified": c.last_verified.isoformat() if c.last_verified else "",
        "active": "yes" if c.active else "no",
    }
    assert set(row) == set(COLUMNS)
    return row


def _load(s: Session, contact_id: str) -> Contact:
    return lifecycle.load(s, REGISTER, contact_id)


def _apply(row: Contact, draft: ContactDraft) -> list[str]:
    """Copy the draft onto ``row``; returns the names of the fields that changed."""
    values = {
        "name_km": draft.name_km.strip(),
        "name_en": draft.name_en.strip(),
        "organisation_type": draft.organisation_type,
        "services": frozenset(draft.services),
        "contact_person": draft.contact_person.strip(),
        "position": draft.position.strip(),
        "phone": draft.phone.strip(),
        "phone2": draft.phone2.strip(),
        "email": draft.email.strip(),
        "address": draft.address.strip(),
        "hours": draft.hours.strip(),
        "coverage": draft.coverage,
        "last_verified": draft.last_verified,
        "active": draft.active,
    }
    changed = [k for k, value in values.items() if getattr(row, k, None) != value]
    for key in changed:
        setattr(row, key, values[key])
    return changed


def _view(row: Contact) -> ContactView:
    return same_named(ContactView, row, services=frozenset(row.services), updated_at=v.aware(row.updated_at))
