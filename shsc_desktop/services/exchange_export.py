"""Export of an approved month to the office above: the bundle (signed, encrypted to the office
above, DESIGN.md §4), its export record and its audit entry. A re-export of the same approval is the
same signed content; a new approval is a new revision.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import ValidationFailed
from ..exports.bundle_build import build_bundle, full_payload, write_bundle
from ..exports.bundle_payload import (
    OFFICE_KEYS_FIELD,
    bundle_filename,
    canonical_json,
    make_payload,
    vouched_digest,
)
from ..models.tables import (
    ExportRecord,
    Month,
)
from ..security import audit, keystore, pki
from ..security.audit import Action
from ..security.identity import vouch
from ..security.keystore import DbKeyStore
from ..security.permissions import Perm, require
from ..security.pki import Level, Purpose
from ..values import period as months
from ..values.changes import EXCHANGED
from . import validation as v
from .completeness import CompletenessService, as_utc, reporting_table, stored_deadline_days
from .enrolment import EnrolmentService
from .exchange_office import ExchangeOffice
from .snapshots import latest as latest_snapshot
from .snapshots import published


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    period: str
    revision: int
    sequence: int
    sha256: str
    reexport: bool
    nil_report: bool


@dataclass(frozen=True)
class ExportEntry:
    """One bundle written by this office (the export history)."""

    bundle_id: str
    period: str
    revision: int
    sequence: int
    file_name: str
    sha256: str
    reexport: bool
    created_at: dt.datetime  # UTC
    created_by: str


class ExportService(ExchangeOffice):
    """Bundles of this office's approved months for the office above, and the history of them."""

    def _commune_tables(self, period: str) -> dict[str, Any] | None:
        stats = published(self.office, period).statistics  # the approved snapshot
        headline = stats.table("headline")
        if all(headline.value(r, "this_month") == 0 for r in headline.rows):
            return None  # nil report: nothing happened this month
        return {t.key: t.to_dict() for t in stats.tables}  # exact counts; no case codes

    def _district_tables(self, s: Session, period: str) -> tuple[dict[str, Any] | None, bool]:
        """The district's tables for ``period`` and whether they are a nil report: every office that
        reported sent a nil report (then the reporting table is the only table, and it says so)."""
        totals = CompletenessService(self.office, clock=self.clock).totals_in(s, period)
        if not totals.reporting:
            # Missing is never zero: without one report the district has no figures to send, and
            # neither a month of zeros nor a nil report ("every commune reported nothing") would be
            # true. The ministry shows the district as missing until a commune's bundle comes in.
            raise ValidationFailed({"period": v.NOTHING_REPORTED(period)})
        # exact counts: the bundle is encrypted to the ministry, which is entitled to them; only
        # documents printed or shared outside the chain are suppressed (issue 9 point 6)
        tables = {t.key: t.to_dict() for t in totals.tables}
        completeness = CompletenessService(self.office, clock=self.clock).completeness_in(
            s, (period,), stored_deadline_days(s)
        )
        tables["reporting"] = reporting_table(totals, completeness).to_dict()
        return tables, bool(totals.reporting) and totals.nil_reports == totals.reporting

    def export_month(self, period: str, out_dir: Path) -> ExportResult:
        """Write the bundle of an approved month for the office above; returns where it went.

        The same approval exported again reproduces the same payload (same bundle id, sequence,
        revision and content); a new approval's bundle carries the approval snapshot's revision
        (:meth:`_revision`): a month approved again is revision 2, even if revision 1 was never sent.
        """
        require(self.actor, Perm.EXPORT)
        months.parse(period)
        if self.level is Level.MINISTRY:
            raise ValidationFailed({"level": "The ministry sends no bundles."})
        with self.office.reading() as s:
            month = s.get(Month, period)
            approved_key = self._approval_key(month)
            last = self._last_export(s, period)
            reuse = last is not None and last.month_approved_at == approved_key
        tables: dict[str, Any] | None = None
        nil_report: bool | None = None  # None: a nil report when there are no tables
        if not reuse and self.level is Level.COMMUNE:
            tables = self._commune_tables(period)  # outside the write transaction (own session)
        with self.office.transaction(EXCHANGED) as s:
            month = s.get(Month, period)
            if self._approval_key(month) != approved_key:
                raise ValidationFailed({"period": "The month changed while exporting; try again."})
            store = DbKeyStore(s)
            signing_cert = store.cert("signing")
            recipient = store.cert("recipient")
            if signing_cert is None or recipient is None:
                raise ValidationFailed({"enrolment": v.NO_CERTIFICATE_YET})
            last = self._last_export(s, period)
            if last is not None and last.month_approved_at == approved_key:
                payload = json.loads(last.payload)
                reexport = True
            else:
                if self.level is Level.DISTRICT:
                    tables, nil_report = self._district_tables(s, period)
                sequence = int(s.scalar(select(func.max(ExportRecord.sequence))) or 0) + 1
                revision = self._revision(s, period)
                payload = make_payload(
                    sequence=sequence,
                    period=period,
                    revision=revision,
                    audit_head=audit.head(s),
                    tables=tables,
                    created_at=self.clock(),
                    nil_report=nil_report,
                )
                if self.office.keys is not None and self.office.keys.signing is not None:
                    body = full_payload(payload, signing_cert, recipient)
                    payload[OFFICE_KEYS_FIELD] = vouch(self.office.keys, vouched_digest(body))
                reexport = False
            if self.level is Level.DISTRICT:
                ca = EnrolmentService(self.office, clock=self.clock)._authority(s)
                chain: tuple[x509.Certificate, ...] = (ca.cert,)
                crls = [ca.crl, *ca.crls]
            else:
                chain = store.chain()[:-1]
                crls = keystore.stored_crls(s)
            key = store.key(Purpose.SIGNING, self.office.data_key, self.office.keys, upgrade=True)
            data = build_bundle(payload, key, signing_cert, chain, crls, recipient)
            body = full_payload(payload, signing_cert, recipient)
            content_sha = hashlib.sha256(canonical_json(body)).hexdigest()
            sha = hashlib.sha256(data).hexdigest()
            name = bundle_filename(self.code, period, int(payload["revision"]))
            s.add(
                ExportRecord(
                    bundle_id=payload["bundle_id"],
                    recipient_code=pki.identity_of(recipient.subject).code,
                    period=period,
                    revision=payload["revision"],
                    sequence=payload["sequence"],
                    month_approved_at=approved_key,
                    file_name=name,
                    sha256=sha,
                    content_sha256=content_sha,
                    payload=canonical_json(payload).decode("utf-8"),
                    reexport=reexport,
                    created_by=self.actor.username,
                )
            )
            s.flush()
            audit.record(
                s,
                self.actor.username,
                Action.EXPORT,
                "bundle",
                payload["bundle_id"],
                {
                    "period": period,
                    "revision": payload["revision"],
                    "sequence": payload["sequence"],
                    "file": name,
                    "sha256": sha,
                    "reexport": reexport,
                },
            )
            path = write_bundle(Path(out_dir), data, self.code, period, int(payload["revision"]))
        return ExportResult(
            path,
            payload["bundle_id"],
            period,
            int(payload["revision"]),
            int(payload["sequence"]),
            sha,
            reexport,
            bool(payload["nil_report"]),
        )

    @staticmethod
    def _revision(s: Session, period: str) -> int:
        """The revision a new bundle of ``period`` carries: the approval snapshot's (a commune's
        month approved again after reopening, or after case work changed its figures, is revision 2,
        whether or not revision 1 was ever sent). Never below the next after the last bundle sent
        (a district stores no snapshot; a month approved before snapshots existed has fewer of
        them than bundles), so a new approval is always a new revision at the office above."""
        sent = int(
            s.scalar(select(func.max(ExportRecord.revision)).where(ExportRecord.period == period)) or 0
        )
        snapshot = latest_snapshot(s, period)
        return max(snapshot.revision if snapshot is not None else 0, sent + 1)

    @staticmethod
    def _approval_key(month: Month | None) -> str:
        if month is None or month.status != "approved" or month.approved_at is None:
            raise ValidationFailed({"period": v.EXPORT_NEEDS_APPROVAL})
        return month.approved_at.isoformat()

    @staticmethod
    def _last_export(s: Session, period: str) -> ExportRecord | None:
        return s.scalar(
            select(ExportRecord)
            .where(ExportRecord.period == period)
            .order_by(ExportRecord.revision.desc(), ExportRecord.created_at.desc())
            .limit(1)
        )

    def history(self) -> list[ExportEntry]:
        """The bundles this office wrote, newest first, as plain values (no database rows)."""
        require(self.actor, Perm.REPORTS)
        with self.office.reading() as s:
            rows = s.scalars(select(ExportRecord).order_by(ExportRecord.created_at.desc()))
            return [
                ExportEntry(
                    r.bundle_id,
                    r.period,
                    r.revision,
                    r.sequence,
                    r.file_name,
                    r.sha256,
                    r.reexport,
                    as_utc(r.created_at),
                    r.created_by,
                )
                for r in rows
            ]
