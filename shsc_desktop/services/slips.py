"""Referral slips: what may be printed for one referral, checked here, laid out in ``exports``.

Rules (domain.md §2.2, DESIGN.md §3):

- a slip is printed only for a referral the survivor consented to (``consent_services == "yes"``)
  or that the chief overrode with a reason; otherwise :class:`~shsc_desktop.errors.ConsentRequired`;
- by default a slip carries codes, the provider from the directory and dates — nothing that names
  her. Identifying details (name, phone, address, date of birth) are added only when the user ticks
  them *and* the role may view identifying data (``VIEW_IDENTIFYING``; a focal point for the cases
  she handles, ``services.caseworkers``); the narrative, the type of
  violence and the referral note are never printed;
- only the columns needed are read; the identifying columns only when they were chosen;
- every slip is audited as ``PRINT`` with the audience, the language and the list of fields printed,
  in the same transaction that read the data (no slip without its audit entry).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ConsentRequired, NotFound
from ..exports.pdf_common import PdfTarget, pdf_bytes
from ..exports.pdf_text import format_date
from ..exports.referral_slip import (
    AUDIENCES,
    IDENTIFYING_FIELDS,
    ReferralSlip,
    build_referral_slip,
)
from ..models.tables import Contact, Incident, Referral
from ..security import audit
from ..security.audit import Action
from ..security.permissions import Perm, require
from ..values.changes import NOTHING
from ..values.copying import same_named
from . import caseworkers
from . import validation as v
from .incident_identity import open_identifying
from .register_service import OfficeService

CONTACT_SETTING = "office.contact"
"""Optional setting: the commune office's phone or contact line printed on slips."""


def referral_code(referral_id: str) -> str:
    """A short reference printed on the slip (the first 8 characters of the referral's id)."""
    return f"R-{referral_id[:8].upper()}"


@dataclass(frozen=True)
class SlipRequest:
    referral_id: str
    audience: str = "provider"  # exports.referral_slip.AUDIENCES
    lang: str = "km"
    identifying: frozenset[str] = frozenset()
    """Identifying fields to print (subset of ``IDENTIFYING_FIELDS``); empty by default."""


@dataclass(frozen=True)
class SlipChoices:
    """What the print dialog may offer for one referral."""

    referral_code: str
    incident_code: str
    consent_ok: bool
    """Consent to services given, or overridden by the chief: a slip may be printed."""
    may_print_identifying: bool
    """The role may view (and so print) identifying details."""


class SlipService(OfficeService):
    """What may be printed on a referral's slip, and printing it (audited)."""

    def choices(self, referral_id: str) -> SlipChoices:
        """Whether a slip may be printed, and with identifying details (reads no identifying data)."""
        require(self.actor, Perm.RECORDS_READ)
        with self.office.reading() as s:
            row = self._consent_row(s, referral_id)
        return SlipChoices(
            referral_code=referral_code(referral_id),
            incident_code=row.incident_code,
            consent_ok=row.consent_services == "yes" or bool(row.consent_override_reason),
            may_print_identifying=caseworkers.may_open(self.actor, row.case_worker_id),
        )

    def referral_slip_for_print(self, request: SlipRequest) -> bytes:
        """The slip PDF as bytes for the printer, built in memory (never a temporary file); audited."""
        return pdf_bytes(lambda stream: self.referral_slip(request, stream))

    def referral_slip(self, request: SlipRequest, target: PdfTarget) -> list[str]:
        """Write the slip PDF to ``target`` (a file, atomically, or a stream) and audit it; returns the
        fields printed."""
        require(self.actor, Perm.RECORDS_READ)
        p = v.Problems()
        if request.audience not in AUDIENCES:
            p.add("audience", v.NOT_IN_LIST)
        if request.lang not in ("km", "en"):
            p.add("lang", v.NOT_IN_LIST)
        if not request.identifying <= set(IDENTIFYING_FIELDS):
            p.add("identifying", v.NOT_IN_LIST)  # e.g. "narrative": never printable
        p.raise_if_any()
        if request.identifying:
            require(self.actor, Perm.VIEW_IDENTIFYING)
        info = self.office.info
        contact_line = self.office.setting(CONTACT_SETTING)
        with self.office.transaction(NOTHING) as s:
            row = self._consent_row(s, request.referral_id)
            if row.consent_services != "yes" and not row.consent_override_reason:
                raise ConsentRequired(
                    "The survivor has not consented to being referred to services, so no slip can be "
                    "printed. Record her consent, or ask the chief to override it with a reason."
                )
            provider = s.execute(
                select(
                    Contact.name_km,
                    Contact.name_en,
                    Contact.contact_person,
                    Contact.address,
                    Contact.phone,
                    Contact.phone2,
                    Contact.hours,
                ).where(Contact.id == row.contact_id)
            ).one_or_none()
            identifying: list[tuple[str, str]] = []
            if request.identifying:
                wanted = [name for name in IDENTIFYING_FIELDS if name in request.identifying]
                incident = s.get(Incident, row.incident_id)
                if incident is None:
                    raise NotFound("This incident does not exist.")
                caseworkers.require_open(self.actor, incident.case_worker_id)
                details = open_identifying(self.office, incident)
                for name in wanted:
                    value = getattr(details, name)
                    if isinstance(value, date):
                        text = format_date(value, request.lang)
                    else:
                        text = str(value or "").strip()
                    identifying.append((name, text or "–"))
            slip = same_named(
                ReferralSlip,
                row,
                audience=request.audience,
                lang=request.lang,
                referral_code=referral_code(request.referral_id),
                consent_overridden=row.consent_services != "yes",
                provider_name_km=provider.name_km if provider else "",
                provider_name_en=provider.name_en if provider else "",
                provider_contact_person=provider.contact_person if provider else "",
                provider_address=provider.address if provider else "",
                provider_phones=(provider.phone, provider.phone2) if provider else (),
                provider_hours=provider.hours if provider else "",
                office=info,
                office_contact=contact_line,
                identifying=tuple(identifying),
            )
            build_referral_slip(slip, target)
            fields = slip.printed_fields()
            audit.record(
                s,
                self.actor.username,
                Action.PRINT,
                "referral",
                request.referral_id,
                {
                    "kind": "referral_slip",
                    "audience": request.audience,
                    "lang": request.lang,
                    "fields": fields,
                    "incident": row.incident_code,
                    **({"file": Path(target).name} if isinstance(target, Path) else {"printer": True}),
                },
            )
            return fields

    @staticmethod
    def _consent_row(s: Session, referral_id: str) -> Any:
        row = s.execute(
            select(
                Referral.id,
                Referral.incident_id,
                Referral.contact_id,
                Referral.date_referred,
                Referral.service_type,
                Referral.urgency,
                Referral.follow_up_date,
                Referral.consent_override_reason,
                Incident.incident_code,
                Incident.survivor_code,
                Incident.consent_services,
                Incident.case_worker_id,
            )
            .join(Incident, Incident.id == Referral.incident_id)
            .where(Referral.id == referral_id, Referral.deleted.is_(False), Incident.deleted.is_(False))
        ).one_or_none()
        if row is None:
            raise NotFound("This referral does not exist or has been deleted.")
        return row
