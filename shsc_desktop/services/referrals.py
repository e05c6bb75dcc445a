"""Referrals: from an incident to a provider in the directory, with the survivor's consent.

Rules (domain.md §2.2, Primero's ``consent_given_or_overridden``):

- a referral is refused (:class:`~shsc_desktop.errors.ConsentRequired`) unless the incident records
  the survivor's consent to services (``consent_services == "yes"``). A role with
  ``CONSENT_OVERRIDE`` (the chief) may pass an ``override_reason``; the override is kept on the
  referral and audited as ``CONSENT_OVERRIDDEN`` in the same transaction;
- the provider must be an active directory entry offering the service;
- status and outcome use the GBVIMS referral response codes (``codes.REFERRAL_STATUS``,
  ``codes.REFERRAL_OUTCOME``);
- the free-text note is identifying (class P): it is not part of :class:`ReferralView` and reading
  it needs ``VIEW_IDENTIFYING`` and is audited;
- a referral belongs to the month of its referral date; approved months refuse changes.

The follow-up list carries codes only (incident and survivor codes, service, provider), never names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from ..errors import ConsentRequired, NotFound, ValidationFailed
from ..models import codes
from ..models.base import new_id
from ..models.tables import Contact, Incident, Referral
from ..security.audit import Action
from ..security.permissions import Perm, require
from ..values.changes import NOTHING
from ..values.copying import same_named
from . import caseworkers, identities, lifecycle, months
from . import validation as v
from .contacts import ContactService, ContactView
from .register_service import MAX_PAGE as MAX_PAGE
from .register_service import RegisterService, equal_to, page_window, sort_order

TARGET = "referral"
OPEN_OUTCOME = "pending"
REGISTER = lifecycle.Register(
    Referral,
    TARGET,
    v.REFERRAL_GONE,
    # A referral lives while its incident does (deleting an incident does not touch its referrals).
    live=lambda: (
        Referral.deleted.is_(False),
        Referral.incident.has(Incident.deleted.is_(False)),
    ),
)


@dataclass(frozen=True)
class ReferralDraft:
    service_type: str
    contact_id: str | None
    date_referred: date | None
    urgency: str = "routine"
    mode: str = "slip"
    follow_up_date: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ReferralUpdate:
    """What changes after the referral was made: the response, the outcome, the next follow-up."""

    status: str
    outcome: str
    outcome_date: date | None = None
    follow_up_date: date | None = None
    urgency: str | None = None
    mode: str | None = None


@dataclass(frozen=True)
class FollowUp:
    """One follow-up that is due or overdue (codes only, no names)."""

    kind: str  # "referral" or "incident"
    id: str  # the referral's or the incident's id
    incident_id: str
    incident_code: str
    survivor_code: str
    service_type: str  # "" for an incident follow-up
    provider_name_en: str
    provider_name_km: str
    follow_up_date: date
    days_overdue: int  # 0 when due today (or within the look-ahead)

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


@dataclass(frozen=True)
class ReferralFilters:
    """Filters of the referral list; ``None`` means no filter."""

    period: str | None = None  # YYYY-MM of the referral date
    service_type: str | None = None
    status: str | None = None
    outcome: str | None = None
    follow_up_due_by: date | None = None  # follow-up on or before this day, outcome still pending


@dataclass(frozen=True)
class ReferralRow:
    """One line of the referral list (codes and the provider's name only, never a note)."""

    id: str
    version: int
    incident_id: str
    incident_code: str
    survivor_code: str
    date_referred: date
    period: str
    service_type: str
    contact_id: str | None
    provider_name_en: str
    provider_name_km: str
    urgency: str
    mode: str
    status: str
    outcome: str
    outcome_date: date | None
    follow_up_date: date | None
    consent_overridden: bool


@dataclass(frozen=True)
class ReferralView(ReferralRow):
    """One referral as its form shows it: the list's line, and whether it has a note, who made it and
    when it last changed."""

    has_note: bool
    created_by: str
    updated_at: datetime


REFERRAL_SORT: dict[str, Any] = {
    "date_referred": Referral.date_referred,
    "incident_code": Incident.incident_code,
    "service_type": Referral.service_type,
    "status": Referral.status,
    "outcome": Referral.outcome,
    "urgency": Referral.urgency,
    "follow_up_date": Referral.follow_up_date,
}
"""Sort keys accepted by :meth:`ReferralService.query`; prefix with ``-`` for descending."""

FILTER_COLUMNS: dict[str, Any] = {
    "service_type": Referral.service_type,
    "status": Referral.status,
    "outcome": Referral.outcome,
}
"""The filters of :class:`ReferralFilters` that select one value of their column."""


class ReferralService(RegisterService):
    register = REGISTER

    # -- writing ----------------------------------------------------------------------------------

    def create(
        self, incident_id: str, draft: ReferralDraft, override_reason: str | None = None
    ) -> ReferralView:
        """Refer the survivor of ``incident_id``; see the module docstring for the consent rule."""
        require(self.actor, Perm.RECORDS_WRITE)
        override: str | None = None
        if override_reason is not None:
            require(self.actor, Perm.CONSENT_OVERRIDE)
            override = v.require_reason(override_reason, "override_reason")
        self._validate(draft)
        assert draft.date_referred is not None
        period = months.period_of(draft.date_referred)
        with self.office.transaction(REGISTER.changes) as s:
            incident = s.scalar(
                select(Incident).where(Incident.id == incident_id, Incident.deleted.is_(False))
            )
            if incident is None:
                raise NotFound(v.INCIDENT_GONE)
            if incident.consent_services != "yes" and override is None:
                raise ConsentRequired(v.NO_CONSENT_TO_REFER)
            if draft.date_referred < incident.date_reported:
                raise ValidationFailed({"date_referred": v.BEFORE_REPORT})
            self._check_provider(s, draft)
            # A late referral is case work: allowed in an approved month (the snapshot keeps the
            # approved figures; the live ones show the change).
            row = lifecycle.new(
                Referral,
                self.actor,
                id=new_id(),
                incident_id=incident.id,
                date_referred=draft.date_referred,
                period=period,
                service_type=draft.service_type,
                contact_id=draft.contact_id,
                urgency=draft.urgency,
                mode=draft.mode,
                status="referred",
                outcome=OPEN_OUTCOME,
                follow_up_date=draft.follow_up_date,
                consent_override_reason=override or "",
            )
            self._store_note(row, draft.note.strip())
            s.add(row)
            s.flush()
            if override is not None:
                self.audit(
                    s,
                    Action.CONSENT_OVERRIDDEN,
                    row.id,
                    {
                        "incident": incident.incident_code,
                        "consent_services": incident.consent_services,
                        "reason": override,
                    },
                )
            self.audit(
                s,
                Action.RECORD_CREATED,
                row.id,
                {"incident": incident.incident_code, "service": row.service_type, "period": period},
            )
            return _view(s, row)

    def update(self, referral_id: str, change: ReferralUpdate, expected_version: int) -> ReferralView:
        """Record the response (GBVIMS code), the outcome and the next follow-up."""
        require(self.actor, Perm.RECORDS_WRITE)
        p = v.Problems()
        p.code("status", change.status, codes.REFERRAL_STATUS)
        p.code("outcome", change.outcome, codes.REFERRAL_OUTCOME)
        if change.urgency is not None:
            p.code("urgency", change.urgency, codes.URGENCY)
        if change.mode is not None:
            p.code("mode", change.mode, codes.REFERRAL_MODE)
        p.not_future("outcome_date", change.outcome_date, self.today())
        if change.outcome in {"received", "not_received"} and change.outcome_date is None:
            p.add("outcome_date", v.OUTCOME_DATE_NEEDED)
        p.raise_if_any()
        with self.office.transaction(REGISTER.changes) as s:
            row = self._load(s, referral_id)
            v.check_version(row.version, expected_version)
            # Outcomes and follow-ups are case work: they go on after the month is approved.
            if change.outcome_date is not None and change.outcome_date < row.date_referred:
                raise ValidationFailed({"outcome_date": v.BEFORE_REFERRAL})
            if change.follow_up_date is not None and change.follow_up_date < row.date_referred:
                raise ValidationFailed({"follow_up_date": v.BEFORE_REFERRAL})
            values = {
                "status": change.status,
                "outcome": change.outcome,
                "outcome_date": change.outcome_date,
                "follow_up_date": change.follow_up_date,
                "urgency": change.urgency if change.urgency is not None else row.urgency,
                "mode": change.mode if change.mode is not None else row.mode,
            }
            changed = [k for k, value in values.items() if getattr(row, k) != value]
            for key in changed:
                setattr(row, key, values[key])
            self.updated(s, row, lambda: {"fields": changed, "status": row.status, "outcome": row.outcome})
            return _view(s, row)

    def delete(self, referral_id: str, reason: str) -> None:
        """Soft delete by the chief (a referral entered by mistake), with a reason."""

        def erase_note(_s: Session, row: Referral) -> dict[str, Any]:
            row.note_sealed = None  # the note is erased, not only hidden
            row.legacy_note = ""
            return {}

        lifecycle.delete_with_reason(self.office, REGISTER, referral_id, reason, erase_note)

    # -- reading ----------------------------------------------------------------------------------

    def get(self, referral_id: str) -> ReferralView:
        require(self.actor, Perm.RECORDS_READ)
        with self.office.reading() as s:
            return _view(s, self._load(s, referral_id))

    def get_note(self, referral_id: str) -> str:
        """The free-text note (identifying); needs ``VIEW_IDENTIFYING`` (a focal point: for a case
        she handles); audited."""
        require(self.actor, Perm.VIEW_IDENTIFYING)
        with self.office.transaction(NOTHING) as s:
            row = self._load(s, referral_id)
            worker = s.scalar(select(Incident.case_worker_id).where(Incident.id == row.incident_id))
            caseworkers.require_open(self.actor, worker)
            self.audit(s, Action.IDENTIFYING_VIEWED, row.id, {"field": "note"})
            if row.note_sealed is None:
                return row.legacy_note
            payload = identities.open_value(self.office, row.note_sealed, identities.referral_context(row.id))
            return str(payload.get("note", ""))

    def _store_note(self, row: Referral, note: str) -> None:
        """Seal the note to the office's identity key (an office not yet given keys: plain)."""
        if self.office.keys is None:
            row.legacy_note = note
        else:
            row.note_sealed = identities.seal_value(
                self.office, {"note": note}, identities.referral_context(row.id)
            )

    def for_incident(self, incident_id: str) -> list[ReferralView]:
        require(self.actor, Perm.RECORDS_READ)
        with self.office.reading() as s:
            rows = s.scalars(
                select(Referral)
                .where(Referral.incident_id == incident_id, Referral.deleted.is_(False))
                .order_by(Referral.date_referred, Referral.created_at)
            )
            return [_view(s, r) for r in rows]

    def query(
        self,
        filters: ReferralFilters | None = None,
        sort: str = "-date_referred",
        offset: int = 0,
        limit: int = 200,
    ) -> tuple[list[ReferralRow], int]:
        """One page of all live referrals and the total count, filtered and sorted in SQL."""
        require(self.actor, Perm.RECORDS_READ)
        f = filters or ReferralFilters()
        p = v.Problems()
        if f.service_type:
            p.code("service_type", f.service_type, codes.SERVICE_TYPE)
        if f.status:
            p.code("status", f.status, codes.REFERRAL_STATUS)
        if f.outcome:
            p.code("outcome", f.outcome, codes.REFERRAL_OUTCOME)
        order = sort_order(sort, REFERRAL_SORT, Referral.created_at)
        if order is None:
            p.add("sort", v.NOT_IN_LIST)
        p.raise_if_any()
        assert order is not None
        where: list[ColumnElement[bool]] = [Referral.deleted.is_(False), Incident.deleted.is_(False)]
        if f.period:
            where.append(Referral.period == months.check_period(f.period))
        where += equal_to(f, FILTER_COLUMNS)
        if f.follow_up_due_by is not None:
            where.append(
                and_(Referral.follow_up_date <= f.follow_up_due_by, Referral.outcome == OPEN_OUTCOME)
            )
        offset, limit = page_window(offset, limit)
        with self.office.reading() as s:
            total = s.scalar(
                select(func.count())
                .select_from(Referral)
                .join(Incident, Incident.id == Referral.incident_id)
                .where(*where)
            )
            rows = s.execute(
                _with_incident_and_provider(
                    Referral.version,
                    Referral.date_referred,
                    Referral.period,
                    Referral.contact_id,
                    Referral.urgency,
                    Referral.mode,
                    Referral.status,
                    Referral.outcome,
                    Referral.outcome_date,
                    Referral.consent_override_reason,
                )
                .where(*where)
                .order_by(*order)
                .offset(offset)
                .limit(limit)
            ).all()
        page = [
            same_named(
                ReferralRow,
                r,
                provider_name_en=r.name_en or "",
                provider_name_km=r.name_km or "",
                consent_overridden=bool(r.consent_override_reason),
            )
            for r in rows
        ]
        return page, int(total or 0)

    def due_follow_ups(self, as_of: date, days_ahead: int = 0) -> list[FollowUp]:
        """Referral and incident follow-ups due by ``as_of + days_ahead``, most overdue first.

        Referral follow-ups count while the outcome is still pending; incident follow-ups while the
        incident is not closed. Deleted records are left out.
        """
        require(self.actor, Perm.RECORDS_READ)
        horizon = date.fromordinal(as_of.toordinal() + max(0, days_ahead))
        items: list[FollowUp] = []
        with self.office.reading() as s:
            referral_rows = s.execute(
                _with_incident_and_provider().where(
                    Referral.deleted.is_(False),
                    Incident.deleted.is_(False),
                    Referral.outcome == OPEN_OUTCOME,
                    Referral.follow_up_date.is_not(None),
                    Referral.follow_up_date <= horizon,
                )
            ).all()
            for r in referral_rows:
                items.append(
                    FollowUp(
                        "referral",
                        r.id,
                        r.incident_id,
                        r.incident_code,
                        r.survivor_code,
                        r.service_type,
                        r.name_en or "",
                        r.name_km or "",
                        r.follow_up_date,
                        max(0, (as_of - r.follow_up_date).days),
                    )
                )
            incident_rows = s.execute(
                select(
                    Incident.id, Incident.incident_code, Incident.survivor_code, Incident.follow_up_date
                ).where(
                    and_(
                        Incident.deleted.is_(False),
                        Incident.status != "closed",
                        Incident.follow_up_date.is_not(None),
                        Incident.follow_up_date <= horizon,
                    )
                )
            ).all()
            for i in incident_rows:
                items.append(
                    FollowUp(
                        "incident",
                        i.id,
                        i.id,
                        i.incident_code,
                        i.survivor_code,
                        "",
                        "",
                        "",
                        i.follow_up_date,
                        max(0, (as_of - i.follow_up_date).days),
                    )
                )
        items.sort(key=lambda f: (f.follow_up_date, f.incident_code, f.kind, f.service_type))
        return items

    def contacts_for_service(self, service_type: str) -> list[ContactView]:
        """Active providers offering ``service_type`` (the choices of the referral form)."""
        if service_type not in codes.SERVICE_TYPE:
            raise ValidationFailed({"service_type": v.NOT_IN_LIST})
        return ContactService(self.office, self.today).for_service(service_type)

    # -- rules ------------------------------------------------------------------------------------

    def _validate(self, draft: ReferralDraft) -> None:
        p = v.Problems()
        p.code("service_type", draft.service_type, codes.SERVICE_TYPE)
        p.code("urgency", draft.urgency, codes.URGENCY)
        p.code("mode", draft.mode, codes.REFERRAL_MODE)
        if not draft.contact_id:
            p.add("contact_id", v.REQUIRED)
        if draft.date_referred is None:
            p.add("date_referred", v.REQUIRED)
        else:
            p.not_future("date_referred", draft.date_referred, self.today())
            if draft.follow_up_date is not None and draft.follow_up_date < draft.date_referred:
                p.add("follow_up_date", v.BEFORE_REFERRAL)
        p.text("note", draft.note, 5000)
        p.raise_if_any()

    @staticmethod
    def _check_provider(s: Session, draft: ReferralDraft) -> None:
        contact = s.get(Contact, draft.contact_id) if draft.contact_id else None
        if contact is None:
            raise ValidationFailed({"contact_id": v.UNKNOWN_RECORD})
        if not contact.active:
            raise ValidationFailed({"contact_id": v.PROVIDER_INACTIVE})
        if draft.service_type not in contact.services:
            raise ValidationFailed({"contact_id": v.PROVIDER_LACKS_SERVICE})

    @staticmethod
    def _load(s: Session, referral_id: str) -> Referral:
        return lifecycle.load(s, REGISTER, referral_id)


def _with_incident_and_provider(*columns: Any) -> Select[Any]:
    """Referrals with their incident's codes and their provider's names (a provider may be gone),
    and ``columns``: what the list and the follow-ups show."""
    return (
        select(
            Referral.id,
            Referral.incident_id,
            Incident.incident_code,
            Incident.survivor_code,
            Referral.service_type,
            Contact.name_en,
            Contact.name_km,
            Referral.follow_up_date,
            *columns,
        )
        .join(Incident, Incident.id == Referral.incident_id)
        .outerjoin(Contact, Contact.id == Referral.contact_id)
    )


def _view(s: Session, row: Referral) -> ReferralView:
    incident = row.incident
    contact = row.contact
    return same_named(
        ReferralView,
        row,
        incident_code=incident.incident_code,
        survivor_code=incident.survivor_code,
        provider_name_en=contact.name_en if contact else "",
        provider_name_km=contact.name_km if contact else "",
        consent_overridden=bool(row.consent_override_reason),
        has_note=row.note_sealed is not None or bool(row.legacy_note),
        updated_at=v.aware(row.updated_at),
    )
