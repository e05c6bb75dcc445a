"""The district's and the ministry's desk: the offices below by name, what each sent for a month,
the last imports, the next deadline and what needs doing — plain values the views only lay out.

At a district the offices below are the communes of the gazetteer (enrolled or not); at the ministry
the enrolled districts. Names come from the enrolment (what the office said it is) and otherwise
from the gazetteer, so a bundle, a missing commune or a rejected file is always shown as
"name (code)", never as a bare code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from ..models import gazetteer
from ..models.tables import BundleReceived, EnrolledOffice, ExportRecord, Month
from ..security.keystore import DbKeyStore
from ..security.permissions import Perm, require
from ..security.pki import Level
from ..values import period as period_values
from .completeness import (
    LATE,
    MISSING,
    NIL_REPORT,
    NOT_ENROLLED,
    ON_TIME,
    CompletenessService,
    stored_deadline_days,
)
from .exchange_status import ExchangeStatusService
from .office import UnlockedOffice
from .returns import returned_reports

EXPIRY_WARNING = dt.timedelta(days=60)
"""A certificate that ends within this time is shown on the desk (renewal takes a trip)."""
CRL_WARNING = dt.timedelta(days=14)
"""A revocation list this office signs that runs out within this time is shown on the desk: sending a
bundle or an enrolment package re-signs it, and an office that has sent nothing for a while must."""
LAST_IMPORTS = 5


@dataclass(frozen=True)
class OfficeRef:
    """An office below, by code and name."""

    code: str
    name_km: str = ""
    name_en: str = ""

    def name(self, lang: str) -> str:
        return (self.name_km if lang == "km" else self.name_en) or self.name_en or self.name_km

    def label(self, lang: str) -> str:
        """ "Name (code)", or the code alone when no name is known."""
        name = self.name(lang)
        return f"{name} ({self.code})" if name else self.code


@dataclass(frozen=True)
class MonthFacts:
    """Who reported one month, in the completeness grid's terms."""

    period: str
    expected: tuple[OfficeRef, ...]  # every office expected this month (not enrolled ones included)
    received: tuple[OfficeRef, ...]  # a report arrived (nil reports and late ones included)
    late: tuple[OfficeRef, ...]  # of the received: after the deadline
    nil_reports: tuple[OfficeRef, ...]  # of the received: a month without incidents
    missing: tuple[OfficeRef, ...]  # enrolled, expected, nothing received
    not_enrolled: tuple[OfficeRef, ...]  # in the gazetteer, no certificate yet: cannot send
    returned: tuple[OfficeRef, ...] = ()  # of the received: sent back for correction, no newer bundle yet

    @property
    def not_reported(self) -> tuple[OfficeRef, ...]:
        return self.missing + self.not_enrolled

    @property
    def complete(self) -> bool:
        return bool(self.expected) and not self.not_reported

    @property
    def nothing_received(self) -> bool:
        return not self.received


@dataclass(frozen=True)
class ImportEntry:
    office: OfficeRef
    period: str
    revision: int
    sequence: int
    status: str  # imported | updated
    nil_report: bool
    imported_at: dt.datetime


@dataclass(frozen=True)
class Desk:
    """The Home page of a district or the ministry."""

    level: str
    period: str  # the month being reported now: the last one that has ended
    deadline: dt.date  # its reports are on time until this day (Phnom Penh)
    next_deadline: dt.date  # the next deadline from today (this one, or next month's)
    next_deadline_period: str
    facts: MonthFacts
    last_imports: tuple[ImportEntry, ...]
    certificate_until: dt.datetime | None  # this office's own certificate (the ministry: its root)
    certificate_expiring: bool
    to_send: tuple[str, ...]  # district: approved months not yet sent to the ministry, newest first
    crl_until: dt.datetime | None = None  # next update of the revocation list this office signs, if any
    crl_expiring: bool = False


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


class DeskService:
    """District officer or ministry officer (``Perm.REPORTS``)."""

    def __init__(
        self, office: UnlockedOffice, *, clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    ) -> None:
        self.office = office
        self.actor = office.actor
        self.clock = clock
        self.level = Level(office.info.level)
        self.received = CompletenessService(office, clock=clock)

    # -- names ---------------------------------------------------------------------------------------

    def names(self) -> dict[str, OfficeRef]:
        """Every office below this one that has a name: the gazetteer's, then the enrolled ones'."""
        require(self.actor, Perm.REPORTS)
        out: dict[str, OfficeRef] = {}
        if self.level is Level.DISTRICT:
            for p in gazetteer.communes(self.office.info.code):
                out[p.code] = OfficeRef(p.code, p.name_km, p.name_en)
        with self.office.reading() as s:
            for row in s.scalars(select(EnrolledOffice)):
                known = out.get(row.code)
                if known is None and self.level is Level.MINISTRY:
                    known = self._gazetteer_district(row.code)
                out[row.code] = OfficeRef(
                    row.code,
                    row.name_km or (known.name_km if known else ""),
                    row.name_en or (known.name_en if known else ""),
                )
        return out

    @staticmethod
    def _gazetteer_district(code: str) -> OfficeRef | None:
        place = gazetteer.district(code)
        return OfficeRef(place.code, place.name_km, place.name_en) if place else None

    def office_ref(self, code: str, names: dict[str, OfficeRef] | None = None) -> OfficeRef:
        """The office by name (a code nobody enrolled: the gazetteer's name, or the code alone)."""
        known = (names if names is not None else self.names()).get(code)
        if known is not None:
            return known
        place = gazetteer.commune(code) or gazetteer.district(code)
        return OfficeRef(code, place.name_km, place.name_en) if place else OfficeRef(code)

    # -- one month -----------------------------------------------------------------------------------

    def deadline_days(self) -> int:
        with self.office.reading() as s:
            return stored_deadline_days(s)

    def month_facts(self, period: str) -> MonthFacts:
        """Who reported ``period``: what an approval of the month must say before it is confirmed."""
        require(self.actor, Perm.REPORTS)
        period_values.parse(period)
        names = self.names()
        grid = self.received.completeness([period], self.deadline_days())
        groups: dict[str, list[OfficeRef]] = {
            k: [] for k in ("expected", "received", "late", "nil", "missing", "not_enrolled")
        }
        with self.office.reading() as s:
            returned = {code for code, _p in returned_reports(s, [period])}
        groups["returned"] = []
        for cell in grid.cells:
            if not cell.expected:
                continue
            ref = names.get(cell.code) or OfficeRef(cell.code, cell.name_km, cell.name_en)
            groups["expected"].append(ref)
            if cell.status in (ON_TIME, LATE, NIL_REPORT):
                groups["received"].append(ref)
                if cell.late:
                    groups["late"].append(ref)
                if cell.status == NIL_REPORT:
                    groups["nil"].append(ref)
                if cell.code in returned:
                    groups["returned"].append(ref)
            elif cell.status == MISSING:
                groups["missing"].append(ref)
            elif cell.status == NOT_ENROLLED:
                groups["not_enrolled"].append(ref)
        return MonthFacts(
            period,
            tuple(groups["expected"]),
            tuple(groups["received"]),
            tuple(groups["late"]),
            tuple(groups["nil"]),
            tuple(groups["missing"]),
            tuple(groups["not_enrolled"]),
            tuple(groups["returned"]),
        )

    # -- the desk ------------------------------------------------------------------------------------

    def desk(self) -> Desk:
        require(self.actor, Perm.REPORTS)
        now = self.clock()
        current = period_values.of(now)
        period = period_values.shift(current, -1)
        days = self.deadline_days()
        deadline = period_values.parse(period).last_day + dt.timedelta(days=days)
        today = period_values.phnom_penh_today(now)
        if today <= deadline:
            next_deadline, next_period = deadline, period
        else:
            next_period = current
            next_deadline = period_values.parse(current).last_day + dt.timedelta(days=days)
        names = self.names()
        with self.office.reading() as s:
            rows = s.scalars(
                select(BundleReceived).order_by(BundleReceived.imported_at.desc()).limit(LAST_IMPORTS)
            )
            imports = tuple(
                ImportEntry(
                    self.office_ref(r.sender_code, names),
                    r.period,
                    r.revision,
                    r.sequence,
                    r.status,
                    r.nil_report,
                    _utc(r.imported_at),
                )
                for r in rows
            )
            to_send: tuple[str, ...] = ()
            if self.level is Level.DISTRICT:
                approved = {m.period: m for m in s.scalars(select(Month).where(Month.status == "approved"))}
                sent = {r.period for r in s.scalars(select(ExportRecord))}
                to_send = tuple(sorted((p for p in approved if p not in sent), reverse=True))
            crl = DbKeyStore(s).own_crl()
            crl_until = _utc(crl.next_update_utc) if crl is not None and crl.next_update_utc else None
        status = ExchangeStatusService(self.office, clock=self.clock).certificate_status()
        until = status.valid_until
        expiring = until is not None and until - _utc(now) <= EXPIRY_WARNING
        return Desk(
            str(self.level),
            period,
            deadline,
            next_deadline,
            next_period,
            self.month_facts(period),
            imports,
            until,
            expiring,
            to_send,
            crl_until,
            crl_until is not None and crl_until - _utc(now) <= CRL_WARNING,
        )
