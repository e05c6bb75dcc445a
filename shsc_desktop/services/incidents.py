"""The incident log: one survivor, one incident (GBVIMS).

Views pass an :class:`IncidentDraft` of plain values in and get frozen views back; every rule lives
here:

- the GBV type is never typed: the draft carries the six classification answers and
  :func:`~shsc_desktop.models.codes.classify` derives the type by elimination (first "yes");
- case context (IPV, child sexual abuse, early marriage, possible sexual exploitation) is derived
  from the type, the survivor's age, the perpetrators and the exchange of goods, never typed;
- identifying details (name, phone, address, date of birth, narrative, perpetrators' names) are
  left out of :class:`IncidentView` and the list; :meth:`IncidentService.get_identifying` needs
  ``VIEW_IDENTIFYING`` (a focal point: of her own cases, ``services.caseworkers``) and writes an
  audit entry each time. Search matches codes only;
- the incident code ``KH-<commune>-<yyyymm>-<seq>`` and the survivor code ``S-<yyyymm>-<seq>`` are
  generated, never derived from a name; they do not change when the record is edited;
- records of an approved month refuse create, corrections and delete (``MonthLocked``), while case
  work (status, follow-up date, risk, case worker: :data:`CASE_WORK_FIELDS`) goes on; edits use an
  optimistic lock on ``version`` (``EditConflict``); delete is a soft delete by the chief with a
  reason. Every change writes its audit entry in the same transaction (field names, never values).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, cast, exists, func, select
from sqlalchemy.orm import Session, selectinload

from ..errors import NotFound, ValidationFailed
from ..models.base import new_id
from ..models.tables import Incident
from ..security.audit import Action
from ..security.permissions import Perm, require
from ..values.changes import NOTHING
from . import caseworkers, identities, incident_queries, incident_rules, lifecycle, months
from . import validation as v
from .incident_identity import PERPETRATOR_NAMES_SETTING as PERPETRATOR_NAMES_SETTING
from .incident_identity import IdentifyingDetails as IdentifyingDetails
from .incident_identity import collects_perpetrator_names, open_identifying, store_identifying
from .incident_records import IncidentDraft as IncidentDraft
from .incident_records import IncidentFilters as IncidentFilters
from .incident_records import IncidentRow as IncidentRow
from .incident_records import IncidentView as IncidentView
from .incident_records import PerpetratorDraft as PerpetratorDraft
from .incident_records import apply_draft, comparable, view
from .register_service import MAX_PAGE as MAX_PAGE
from .register_service import RegisterService
from .reporting.catalogue import case_context as case_context

TARGET = "incident"
REGISTER = lifecycle.Register(
    Incident,
    TARGET,
    v.INCIDENT_GONE,
    options=lambda: (selectinload(Incident.perpetrators),),
)

CASE_WORK_FIELDS = frozenset({"status", "follow_up_date", "risk_level", "case_worker_id"})
"""Fields that follow a case after its month is approved (closing it, the next follow-up, the risk):
changing only these is never refused with ``MonthLocked``."""


class IncidentService(RegisterService):
    """Create, edit, find and (soft) delete incidents as the signed-in actor."""

    register = REGISTER

    # -- writing ----------------------------------------------------------------------------------

    def create(self, draft: IncidentDraft) -> IncidentView:
        require(self.actor, Perm.RECORDS_WRITE)
        gbv_type = self.validate(draft)
        assert draft.date_reported is not None
        period = months.period_of(draft.date_reported)
        with self.office.transaction(REGISTER.changes) as s:
            months.ensure_open(s, period)
            survivor_code = self._survivor_code(s, draft, period)
            row = lifecycle.new(
                Incident,
                self.actor,
                id=new_id(),
                incident_code=self._next_incident_code(s, period),
                survivor_code=survivor_code,
                period=period,
            )
            row.case_worker_id = caseworkers.on_create(s, self.actor, draft.case_worker_id)
            apply_draft(row, draft, gbv_type)
            store_identifying(self.office, row, draft.identifying or IdentifyingDetails())
            s.add(row)
            s.flush()
            self.audit(
                s,
                Action.RECORD_CREATED,
                row.id,
                {"code": row.incident_code, "period": period, "identifying": draft.identifying is not None},
            )
            return view(row)

    def update(self, incident_id: str, draft: IncidentDraft, expected_version: int) -> IncidentView:
        require(self.actor, Perm.RECORDS_WRITE)
        if draft.identifying is not None:
            require(self.actor, Perm.VIEW_IDENTIFYING)
        gbv_type = self.validate(draft)
        assert draft.date_reported is not None
        new_period = months.period_of(draft.date_reported)
        with self.office.transaction(REGISTER.changes) as s:
            row = self._load(s, incident_id)
            v.check_version(row.version, expected_version)
            if draft.identifying is not None:
                caseworkers.require_open(self.actor, row.case_worker_id)
            before = comparable(row)
            row.case_worker_id = caseworkers.on_update(
                s, self.actor, row.case_worker_id, draft.case_worker_id
            )
            if draft.existing_survivor_code and draft.existing_survivor_code != row.survivor_code:
                row.survivor_code = self._survivor_code(s, draft, new_period)
            kept_names = [p.legacy_name for p in row.perpetrators]  # an office not yet sealed
            apply_draft(row, draft, gbv_type)
            if draft.identifying is not None:
                store_identifying(self.office, row, draft.identifying)
            else:
                for perpetrator, name in zip(row.perpetrators, kept_names, strict=False):
                    perpetrator.legacy_name = name
            row.period = new_period
            changed = sorted(k for k, value in comparable(row).items() if before.get(k) != value)
            if draft.identifying is not None:
                changed.append("identifying")
            if not set(changed) <= CASE_WORK_FIELDS:
                # A correction of the month's facts needs the month reopened; case work does not.
                months.ensure_open(s, before["period"], new_period)
            self.updated(
                s, row, lambda: {"code": row.incident_code, "fields": changed, "version": row.version}
            )
            return view(row)

    def delete(self, incident_id: str, reason: str) -> None:
        """Soft delete by the chief; the reason is kept with the record and in the audit log.

        The survivor's identifying details (and the notes of the incident's referrals) are erased,
        not only hidden: the row keeps only its codes and the fields statistics count.
        """

        def erase(s: Session, row: Incident) -> dict[str, Any]:
            return {"code": row.incident_code, "identity_erased": identities.erase_incident_identity(s, row)}

        lifecycle.delete_with_reason(self.office, REGISTER, incident_id, reason, erase)

    def erase_identity(self, incident_id: str, reason: str) -> None:
        """The survivor withdrew her consent: erase her identifying details from this record (and
        its referrals' notes) for good. The counted fields stay, so this is allowed in an
        approved month too. Chief only; audited with the reason."""
        require(self.actor, Perm.RECORDS_DELETE)
        text = v.require_reason(reason)
        with self.office.transaction(REGISTER.changes) as s:
            row = self._load(s, incident_id)
            erased = identities.erase_incident_identity(s, row)
            lifecycle.touch(row, self.actor)
            s.flush()
            self.audit(
                s,
                Action.IDENTITY_ERASED,
                row.id,
                {"code": row.incident_code, "why": "consent_withdrawn", "reason": text, "erased": erased},
            )
        identities.forget_old_pages(self.office)

    # -- reading ----------------------------------------------------------------------------------

    def get(self, incident_id: str) -> IncidentView:
        require(self.actor, Perm.RECORDS_READ)
        with self.office.reading() as s:
            return view(self._load(s, incident_id))

    def get_by_code(self, incident_code: str) -> IncidentView:
        require(self.actor, Perm.RECORDS_READ)
        with self.office.reading() as s:
            row = s.scalar(
                select(Incident).where(
                    Incident.incident_code == incident_code.strip().upper(), Incident.deleted.is_(False)
                )
            )
            if row is None:
                raise NotFound(v.NO_INCIDENT_CODED(incident_code))
            return view(row)

    def get_identifying(self, incident_id: str) -> IdentifyingDetails:
        """The identifying details; needs ``VIEW_IDENTIFYING``; every call is audited."""
        require(self.actor, Perm.VIEW_IDENTIFYING)
        with self.office.transaction(NOTHING) as s:
            row = self._load(s, incident_id)
            caseworkers.require_open(self.actor, row.case_worker_id)
            self.audit(s, Action.IDENTIFYING_VIEWED, row.id, {"code": row.incident_code})
            return open_identifying(self.office, row)

    def collects_perpetrator_names(self) -> bool:
        """Whether this office records perpetrators' names (off unless the chief turns it on)."""
        return collects_perpetrator_names(self.office)

    def query(
        self,
        filters: IncidentFilters | None = None,
        sort: str = "-date_reported",
        offset: int = 0,
        limit: int = 100,
    ) -> tuple[list[IncidentRow], int]:
        """One page of the list and the total count, filtered and sorted in SQL
        (:mod:`.incident_queries`)."""
        require(self.actor, Perm.RECORDS_READ)
        return incident_queries.page(self.office, filters or IncidentFilters(), sort, offset, limit)

    def count(self, filters: IncidentFilters | None = None) -> int:
        require(self.actor, Perm.RECORDS_READ)
        return incident_queries.count(self.office, filters or IncidentFilters())

    def validate(self, draft: IncidentDraft) -> str:
        """Every problem of the draft at once (``ValidationFailed``); returns the derived GBV type
        (:mod:`.incident_rules`)."""
        return incident_rules.validate(draft, self.today(), self.commune_code)

    def _load(self, s: Session, incident_id: str) -> Incident:
        return lifecycle.load(s, REGISTER, incident_id)

    def _next_incident_code(self, s: Session, period: str) -> str:
        prefix = f"KH-{self.commune_code}-{period.replace('-', '')}-"
        return prefix + f"{_next_seq(s, Incident.incident_code, prefix):04d}"

    def _survivor_code(self, s: Session, draft: IncidentDraft, period: str) -> str:
        if draft.existing_survivor_code:
            code = draft.existing_survivor_code.strip().upper()
            known = s.scalar(select(exists().where(Incident.survivor_code == code)))
            if not known:
                raise ValidationFailed({"existing_survivor_code": v.UNKNOWN_RECORD})
            return code
        prefix = f"S-{period.replace('-', '')}-"
        return prefix + f"{_next_seq(s, Incident.survivor_code, prefix):04d}"


def _next_seq(s: Session, column: Any, prefix: str) -> int:
    """One more than the highest sequence number under ``prefix`` (deleted records included).

    A range on the indexed column (``prefix`` ≤ code < ``prefix`` with its last character bumped)
    instead of LIKE, so SQLite uses the index. Runs inside the write transaction (BEGIN IMMEDIATE),
    so two clerks cannot get the same number.
    """
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    tail = func.substr(column, len(prefix) + 1)
    highest = s.scalar(select(func.max(cast(tail, Integer))).where(column > prefix, column < upper))
    return int(highest or 0) + 1
