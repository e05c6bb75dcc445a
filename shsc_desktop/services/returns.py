"""Return for correction: a district sends a commune's month back with a reason (issue 11, point 7).

At the district, :meth:`ReturnService.return_report` writes a signed notice file
(:mod:`exports.notice`) about the commune's *current* bundle of the month, records it and audits it;
completeness shows that commune-month as returned until a newer bundle of the month arrives
(:meth:`ReturnService.returned`). The officer carries the file to the commune like an enrolment
package.

At the commune, :meth:`ReturnService.import_notice` accepts the file only if it is signed by the
district that enrolled this commune (its signing certificate issued by the same district CA that
issued the commune's own) and names this commune; a second import of the same notice changes
nothing. The notice stays outstanding — on Home and in Exchange — until the month is exported with
a newer revision (the chief reopens, corrects, approves and exports again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..atomic import atomic_write_bytes
from ..errors import NotFound, NoticeRejected, ValidationFailed
from ..exports.notice import (
    MAX_NOTICE_SIZE,
    VerifiedNotice,
    build_notice,
    make_notice_payload,
    notice_filename,
    open_notice,
)
from ..inputs import read_regular
from ..models.tables import BundleReceived, EnrolledOffice, ExportRecord, ImportedStatistics, ReturnNotice
from ..security import audit, keystore, pki
from ..security.actions import Action
from ..security.keystore import DbKeyStore
from ..security.permissions import Perm, require
from ..security.pki import Level, Purpose
from ..values import period as months
from ..values.changes import EXCHANGED
from . import validation as v
from .enrolment import EnrolmentService
from .office import UnlockedOffice

SENT = "sent"
RECEIVED = "received"


@dataclass(frozen=True)
class ReturnResult:
    path: Path
    notice_id: str
    office_code: str
    period: str
    revision: int


@dataclass(frozen=True)
class ReturnedReport:
    """A commune-month the district returned, still waiting for a newer bundle."""

    office_code: str
    period: str
    revision: int
    reason: str
    returned_at: dt.datetime


@dataclass(frozen=True)
class NoticeView:
    """A notice as the commune sees it."""

    notice_id: str
    district_code: str
    period: str
    revision: int
    reason: str
    created_at: dt.datetime
    outstanding: bool  # no newer revision of the month exported since
    already_imported: bool = False


class ReturnService:
    def __init__(self, office: UnlockedOffice, *, clock: Callable[[], dt.datetime] = pki.utcnow) -> None:
        self.office = office
        self.actor = office.actor
        self.clock = clock
        info = office.info
        self.level = Level(info.level)
        self.code = info.code

    # -- the district ------------------------------------------------------------------------------

    def return_report(self, office_code: str, period: str, reason: str, out_dir: Path) -> ReturnResult:
        """Write the notice returning ``office_code``'s current bundle of ``period``; audited."""
        require(self.actor, Perm.IMPORT)
        if self.level is not Level.DISTRICT:
            raise ValidationFailed({"level": "Only a district returns a commune's report."})
        months.parse(period)
        text = v.require_reason(reason)
        now = self.clock()
        with self.office.transaction(EXCHANGED) as s:
            current = s.get(ImportedStatistics, (office_code, period))
            enrolled = s.get(EnrolledOffice, office_code)
            if current is None or enrolled is None or enrolled.level != Level.COMMUNE:
                raise NotFound(f"No report of {office_code} for {period} has been imported.")
            received = s.get(BundleReceived, current.bundle_id)
            assert received is not None  # recorded with the statistics, in one transaction
            payload = make_notice_payload(
                district_code=self.code,
                commune_code=office_code,
                period=period,
                revision=received.revision,
                bundle_id=received.bundle_id,
                content_sha256=received.content_sha256,
                reason=text,
                created_at=now,
            )
            store = DbKeyStore(s)
            signing_cert = store.cert("signing")
            if signing_cert is None:
                raise ValidationFailed(
                    {"enrolment": "This office has no certificate yet: enrol with the office above first."}
                )
            ca = EnrolmentService(self.office, clock=self.clock)._authority(s)
            key = store.key(Purpose.SIGNING, self.office.data_key, self.office.keys, upgrade=True)
            data = build_notice(payload, key, signing_cert, (ca.cert,), [ca.crl, *ca.crls])
            name = notice_filename(office_code, period, received.revision)
            sha = hashlib.sha256(data).hexdigest()
            s.add(
                ReturnNotice(
                    notice_id=payload["notice_id"],
                    direction=SENT,
                    office_code=office_code,
                    district_code=self.code,
                    period=period,
                    revision=received.revision,
                    bundle_id=received.bundle_id,
                    content_sha256=received.content_sha256,
                    reason=text,
                    created_at=dt.datetime.fromisoformat(payload["created_at"]),
                    file_name=name,
                    sha256=sha,
                    signed_data=data,
                    recorded_by=self.actor.username,
                )
            )
            audit.record(
                s,
                self.actor.username,
                Action.BUNDLE_RETURNED,
                "office",
                office_code,
                {
                    "period": period,
                    "revision": received.revision,
                    "bundle": received.bundle_id,
                    "notice": payload["notice_id"],
                    "reason": text,
                    "file": name,
                    "sha256": sha,
                },
            )
            path = Path(out_dir) / name
            atomic_write_bytes(path, data, mode=0o644)
        return ReturnResult(path, payload["notice_id"], office_code, period, received.revision)

    def returned(
        self, periods: tuple[str, ...] | list[str] | None = None
    ) -> dict[tuple[str, str], ReturnedReport]:
        """(commune, month) → the newest return of the bundle that is still the month's current one.
        A newer bundle of the month (another bundle id) ends the return."""
        require(self.actor, Perm.REPORTS)
        with self.office.reading() as s:
            return returned_reports(s, periods)

    # -- the commune -------------------------------------------------------------------------------

    def import_notice(self, path: Path) -> NoticeView:
        """Verify and record the district's notice; refused unless signed by this commune's own
        district and written for this commune. A notice imported before is reported, not repeated."""
        require(self.actor, Perm.IMPORT)
        if self.level is not Level.COMMUNE:
            raise ValidationFailed({"level": "Only a commune receives return notices."})
        try:
            data = read_regular(Path(path), MAX_NOTICE_SIZE + 1)
        except OSError as exc:
            raise ValidationFailed({"file": f"Cannot read {path}: {exc.strerror or exc}"}) from exc
        with self.office.transaction(EXCHANGED) as s:
            store = DbKeyStore(s)
            chain = store.chain()
            if not chain or store.cert("signing") is None:
                raise ValidationFailed(
                    {"enrolment": "This office has no certificate yet: enrol with the office above first."}
                )
            notice = open_notice(data, keystore.trust_store(s), self.clock())
            enrolling_ca = chain[0]
            if not pki.fingerprints_equal(notice.ca_cert, enrolling_ca):
                raise NoticeRejected(
                    "not_our_district",
                    f"The notice is signed by district {notice.signer.code}, which did not enrol this "
                    "commune.",
                )
            if notice.recipient_code != self.code:
                raise NoticeRejected(
                    "wrong_recipient",
                    f"This notice was written for commune {notice.recipient_code}, not for this office.",
                )
            existing = s.get(ReturnNotice, notice.notice_id)
            if existing is not None:
                return _notice_view(s, existing, already=True)
            row = _received_row(notice, Path(path).name, self.actor.username)
            s.add(row)
            s.flush()
            audit.record(
                s,
                self.actor.username,
                Action.RETURN_NOTICE_IMPORTED,
                "bundle",
                row.bundle_id,
                {
                    "district": row.district_code,
                    "period": row.period,
                    "revision": row.revision,
                    "notice": row.notice_id,
                    "reason": row.reason,
                    "sha256": row.sha256,
                },
            )
            return _notice_view(s, row)

    def notices(self, outstanding_only: bool = False) -> list[NoticeView]:
        """The notices this commune received, newest first (for Home: ``outstanding_only``)."""
        require(self.actor, Perm.RECORDS_READ)
        with self.office.reading() as s:
            rows = s.scalars(
                select(ReturnNotice)
                .where(ReturnNotice.direction == RECEIVED)
                .order_by(ReturnNotice.created_at.desc())
            )
            views = [_notice_view(s, r) for r in rows]
        return [n for n in views if n.outstanding] if outstanding_only else views


def returned_reports(
    s: Session, periods: tuple[str, ...] | list[str] | None = None
) -> dict[tuple[str, str], ReturnedReport]:
    """See :meth:`ReturnService.returned` (for the completeness table, in its own session)."""
    query = (
        select(ReturnNotice)
        .join(
            ImportedStatistics,
            (ImportedStatistics.sender_code == ReturnNotice.office_code)
            & (ImportedStatistics.period == ReturnNotice.period)
            & (ImportedStatistics.bundle_id == ReturnNotice.bundle_id),
        )
        .where(ReturnNotice.direction == SENT)
        .order_by(ReturnNotice.created_at)
    )
    if periods is not None:
        query = query.where(ReturnNotice.period.in_(list(periods)))
    out = {}
    for row in s.scalars(query):
        out[(row.office_code, row.period)] = ReturnedReport(
            row.office_code, row.period, row.revision, row.reason, _aware(row.created_at)
        )
    return out


def _received_row(notice: VerifiedNotice, file_name: str, username: str) -> ReturnNotice:
    p = notice.payload
    return ReturnNotice(
        notice_id=notice.notice_id,
        direction=RECEIVED,
        office_code=notice.recipient_code,
        district_code=notice.signer.code,
        period=notice.period,
        revision=notice.revision,
        bundle_id=str(p["bundle_id"]),
        content_sha256=str(p["content_sha256"]),
        reason=notice.reason,
        created_at=_aware(notice.created_at),
        file_name=file_name[:255],
        sha256=notice.sha256,
        signed_data=notice.signed_data,
        recorded_by=username,
    )


def _notice_view(s: Session, row: ReturnNotice, already: bool = False) -> NoticeView:
    newer = s.scalar(
        select(func.count())
        .select_from(ExportRecord)
        .where(ExportRecord.period == row.period, ExportRecord.revision > row.revision)
    )
    return NoticeView(
        row.notice_id,
        row.district_code,
        row.period,
        row.revision,
        row.reason,
        _aware(row.created_at),
        not newer,
        already,
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
