"""The office database: typed SQLAlchemy 2.0 tables.

Field lists follow ``reference/domain.md`` §5. Every column declares its sensitivity class
(``P``/``Q``/``S``/``M`` from :mod:`.base`); ``tests/models/test_sensitivity.py`` fails on a column
that does not. Codes are stored as the stable identifiers of :mod:`.codes`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from . import codes
from .base import Base, M, P, Q, RecordMixin, S, new_id, utcnow


def uncounted_incident(table: str = "") -> str:
    """The incidents no figure counts: the complement of ``reporting.catalogue.gbv_incident`` (the
    columns are NOT NULL). Unqualified, the WHERE clause of the partial index
    ``ix_incident_uncounted``; qualified by ``table``, the same condition in the queries that read
    that index (``reporting.catalogue``). One text for both, with literals (SQLite proves a query's
    rows are in a partial index only from literals), so the two cannot drift apart."""
    at = f"{table}." if table else ""
    return f"{at}deleted != 0 OR {at}consent_reporting IS NOT 1 OR {at}gbv_type = 'non_gbv'"


def partner_perpetrator(table: str = "") -> str:
    """A perpetrator who is a partner (``codes.INTIMATE_PARTNER_CODES``, sorted), as
    :func:`uncounted_incident` is written: the WHERE clause of ``ix_perpetrator_partner`` and of its
    queries."""
    at = f"{table}." if table else ""
    return f"{at}relationship IN (" + ", ".join(f"'{c}'" for c in sorted(codes.INTIMATE_PARTNER_CODES)) + ")"


class CodeSet(TypeDecorator[frozenset[str]]):
    """A multi-select of codes, stored as sorted comma-separated text (codes contain no comma)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str:
        if not value:
            return ""
        return ",".join(sorted(set(value)))

    def process_result_value(self, value: str | None, dialect: Any) -> frozenset[str]:
        if not value:
            return frozenset()
        return frozenset(value.split(","))


# --- Office, users, audit ----------------------------------------------------------------------


class Setting(Base):
    """Key/value settings of this office (level, commune code, auto-lock minutes …)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True, info=M)
    value: Mapped[str] = mapped_column(Text, info=M)


class User(Base):
    """A person who can unlock this office. The password lives only in the key-slot file."""

    __tablename__ = "user"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id, info=M)
    username: Mapped[str] = mapped_column(String(64), unique=True, info=M)
    full_name: Mapped[str] = mapped_column(String(200), default="", info=Q)
    role: Mapped[str] = mapped_column(String(32), info=M)
    active: Mapped[bool] = mapped_column(Boolean, default=True, info=M)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, info=M)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)
    created_by: Mapped[str] = mapped_column(String(64), info=M)
    removed_at: Mapped[datetime | None] = mapped_column(default=None, info=M)


class AuditEntry(Base):
    """One link of the hash-chained audit log. Rows are only ever appended (see security.audit)."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, info=M)
    at: Mapped[datetime] = mapped_column(info=M)
    actor: Mapped[str] = mapped_column(String(64), info=M)
    action: Mapped[str] = mapped_column(String(64), info=M)
    target_type: Mapped[str] = mapped_column(String(32), default="", info=M)
    target_id: Mapped[str] = mapped_column(String(64), default="", info=M)
    details: Mapped[str] = mapped_column(Text, default="{}", info=M)
    prev_hash: Mapped[str] = mapped_column(String(64), info=M)
    hash: Mapped[str] = mapped_column(String(64), info=M)


class Month(Base):
    """Approval state of one calendar month of records."""

    __tablename__ = "month"
    period: Mapped[str] = mapped_column(String(7), primary_key=True, info=S)  # YYYY-MM
    status: Mapped[str] = mapped_column(String(16), default="open", info=S)
    approved_by: Mapped[str | None] = mapped_column(String(64), default=None, info=M)
    approved_at: Mapped[datetime | None] = mapped_column(default=None, info=M)
    reopen_reason: Mapped[str] = mapped_column(Text, default="", info=M)


class MonthSnapshot(Base):
    """The figures of one approval of a month (revision 1, 2, … of that month), kept as approved.

    Every print and export of an approved month reads the newest revision, so case work recorded
    after approval never changes what was signed; when the live figures differ, the chief approves a
    new revision. ``sha256`` is the hash of ``statistics`` (canonical JSON), also in the audit log.
    """

    __tablename__ = "month_snapshot"
    period: Mapped[str] = mapped_column(String(7), primary_key=True, info=S)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, info=S)
    approved_by: Mapped[str] = mapped_column(String(64), info=M)
    approved_at: Mapped[datetime] = mapped_column(info=M)
    # JSON of MonthlyStatistics.to_dict(): counts, plus the follow-up list's incident codes.
    statistics: Mapped[str] = mapped_column(Text, info=Q)
    sha256: Mapped[str] = mapped_column(String(64), info=M)


class FormDraft(Base):
    """A record form that was open when the office locked, sealed to its user's slot key.

    Only ``sealed`` holds what was typed; it opens with the private key of ``username``'s slot,
    i.e. after her password. Expired drafts are deleted (``services.drafts``).
    """

    __tablename__ = "form_draft"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id, info=M)
    username: Mapped[str] = mapped_column(String(64), index=True, info=M)
    form_kind: Mapped[str] = mapped_column(String(32), info=M)
    record_id: Mapped[str] = mapped_column(String(32), default="", info=M)
    sealed: Mapped[bytes] = mapped_column(LargeBinary, info=P)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)
    expires_at: Mapped[datetime] = mapped_column(info=M)


# --- Incidents ---------------------------------------------------------------------------------


class Incident(RecordMixin, Base):
    """One survivor, one incident (GBVIMS rule)."""

    __tablename__ = "incident"
    incident_code: Mapped[str] = mapped_column(String(32), unique=True, info=M)
    survivor_code: Mapped[str] = mapped_column(String(32), index=True, info=Q)

    # Identifying details (name, phone, address, date of birth, narrative, perpetrators' names),
    # sealed to the office's identity key (``security.identity``): only holders of the identity
    # grant can open them, every opening is audited. None: nothing identifying was recorded.
    identity_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, info=P)
    # Where offices set up before identities were sealed kept them in plain columns. Emptied (and
    # their content overwritten, secure_delete) when the office gets its keys; never written since.
    legacy_survivor_name: Mapped[str] = mapped_column("survivor_name", Text, default="", info=P)
    legacy_survivor_phone: Mapped[str] = mapped_column("survivor_phone", String(64), default="", info=P)
    legacy_survivor_address: Mapped[str] = mapped_column("survivor_address", Text, default="", info=P)
    legacy_survivor_birth_date: Mapped[date | None] = mapped_column(
        "survivor_birth_date", Date, default=None, info=P
    )
    legacy_narrative: Mapped[str] = mapped_column("narrative", Text, default="", info=P)

    date_reported: Mapped[date] = mapped_column(Date, info=S)  # indexed with the codes below
    period: Mapped[str] = mapped_column(String(7), index=True, info=S)  # YYYY-MM of date_reported
    date_of_incident: Mapped[date | None] = mapped_column(Date, default=None, info=Q)
    reported_by: Mapped[str] = mapped_column(String(32), default="survivor", info=S)
    first_point_of_contact: Mapped[bool] = mapped_column(Boolean, default=True, info=S)

    survivor_sex: Mapped[str] = mapped_column(String(16), default="female", info=S)
    survivor_age: Mapped[int | None] = mapped_column(Integer, default=None, info=Q)
    marital_status: Mapped[str] = mapped_column(String(32), default="unknown", info=S)
    disability: Mapped[str] = mapped_column(String(32), default="unknown", info=S)
    village_code: Mapped[str] = mapped_column(String(8), default="", index=True, info=Q)

    location_type: Mapped[str] = mapped_column(String(32), default="unknown", info=S)
    time_of_day: Mapped[str] = mapped_column(String(16), default="unknown", info=S)
    gbv_type: Mapped[str] = mapped_column(String(32), index=True, info=S)
    classification_answers: Mapped[str] = mapped_column(String(16), default="", info=M)
    previously_reported: Mapped[str] = mapped_column(String(16), default="unknown", info=S)
    goods_money_exchanged: Mapped[str] = mapped_column(String(16), default="unknown", info=S)

    commune_actions: Mapped[frozenset[str]] = mapped_column(CodeSet, default=frozenset, info=S)
    risk_level: Mapped[str] = mapped_column(String(16), default="low", info=S)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True, info=S)
    follow_up_date: Mapped[date | None] = mapped_column(Date, default=None, index=True, info=S)

    consent_services: Mapped[str] = mapped_column(String(16), default="not_asked", info=S)
    consent_reporting: Mapped[bool] = mapped_column(Boolean, default=False, info=M)
    # Survivors under 18 (migration 0014, which replaced the bare ``guardian_consent`` flag): how
    # her consent was given (codes.CHILD_CONSENT_ROUTE), why not through her guardian and who took a
    # best-interests decision; whether she was referred to child protection. "" = not answered.
    # Reasons are codes, never free text, so none of these can name a person (details go in the
    # sealed narrative); they are service fields, counted by route in the monthly summary.
    child_consent_route: Mapped[str] = mapped_column(String(16), default="", info=S)
    child_consent_reason: Mapped[str] = mapped_column(String(32), default="", info=S)
    child_consent_decided_by: Mapped[str] = mapped_column(String(16), default="", info=M)
    child_protection_referral: Mapped[str] = mapped_column(String(24), default="", info=S)

    # Legal context (2005 DV law; Criminal Procedure Code art. 42). "" = not asked: never pre-answered.
    legal_duty_reported: Mapped[str] = mapped_column(String(16), default="", info=S)
    legal_duty_reason: Mapped[str] = mapped_column(String(32), default="", info=S)
    dv_law_applies: Mapped[str] = mapped_column(String(16), default="", info=S)
    admin_decision_date: Mapped[date | None] = mapped_column(Date, default=None, info=Q)
    admin_decision_measures: Mapped[frozenset[str]] = mapped_column(CodeSet, default=frozenset, info=S)
    protection_order: Mapped[str] = mapped_column(String(16), default="", info=S)
    sent_to_prosecutor: Mapped[str] = mapped_column(String(16), default="", info=S)

    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True, info=M)
    deleted_reason: Mapped[str] = mapped_column(Text, default="", info=M)
    # The CCWC focal point handling the case (a user's id; None: nobody yet). A focal point opens
    # the identifying details of her own cases only (services/caseworkers.py; migration 0012).
    case_worker_id: Mapped[str | None] = mapped_column(String(32), default=None, index=True, info=M)

    perpetrators: Mapped[list[Perpetrator]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="Perpetrator.position"
    )
    referrals: Mapped[list[Referral]] = relationship(back_populates="incident")

    __table_args__ = (
        # The monthly statistics (services/statistics.py) read a month's incidents from this
        # covering index alone: every column their queries touch, led by the month, so their cost
        # follows the month and not the office's history (migration 0009; it replaced
        # ix_incident_period_type, its first two columns).
        Index(
            "ix_incident_month_figures",
            "period",
            "gbv_type",
            "consent_reporting",
            "deleted",
            "survivor_age",
            "survivor_sex",
            "marital_status",
            "disability",
            "date_of_incident",
            "date_reported",
            "commune_actions",
            "id",
        ),
        # A referral's incident, looked up by id for the counted-incident test, without reading
        # the (wide) incident row. Unique (id is) so SQLite prefers it to the primary key's index.
        Index("ix_incident_id_counted", "id", "deleted", "consent_reporting", "gbv_type", unique=True),
        # The open cases (a stock over every month): only rows not closed, with what the open-case
        # and follow-up figures read. Queries must say ``status != 'closed'`` with the literal.
        Index(
            "ix_incident_open_cases",
            "date_reported",
            "follow_up_date",
            "gbv_type",
            "consent_reporting",
            "deleted",
            "status",
            "incident_code",
            sqlite_where=text("status != 'closed'"),
        ),
        # The incidents a figure never counts (deleted, without reporting consent, or not GBV):
        # a referral's incident is counted unless it is here. Few rows, so the year's referrals
        # look their incidents up in a few pages instead of all of ix_incident_id_counted, whose
        # ids (random) spread any year's lookups over the whole history (migration 0015). Queries
        # state it with uncounted_incident(), or SQLite cannot use the index.
        Index(
            "ix_incident_uncounted",
            "id",
            "deleted",
            "consent_reporting",
            "gbv_type",
            sqlite_where=text(uncounted_incident()),
        ),
        # Covering index for the code search box: a LIKE '%…%' scans its few pages instead of
        # decrypting the whole table (see services.incident_queries._code_matches).
        Index("ix_incident_code_search", "incident_code", "survivor_code", "deleted"),
        # The list's default order, carrying the codes: a search that matches many rows is tested
        # on this index while walking newest-first, without reading a single table row.
        Index("ix_incident_date_codes", "date_reported", "incident_code", "survivor_code", "deleted"),
    )


class Perpetrator(Base):
    __tablename__ = "perpetrator"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id, info=M)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), info=M)  # ix_perpetrator_rank
    position: Mapped[int] = mapped_column(Integer, default=0, info=M)
    sex: Mapped[str] = mapped_column(String(16), default="male", info=S)
    age_group: Mapped[str] = mapped_column(String(16), default="unknown", info=S)
    relationship_code: Mapped[str] = mapped_column("relationship", String(32), default="unknown", info=S)
    # Older offices only (see Incident.legacy_survivor_name): names are sealed with the incident.
    legacy_name: Mapped[str] = mapped_column("name", Text, default="", info=P)

    incident: Mapped[Incident] = relationship(back_populates="perpetrators")

    # An incident's perpetrators, for the main (first) perpetrator and the partner test of a
    # month's incidents from the index alone (it replaced ix_perpetrator_incident_id, its first column).
    __table_args__ = (
        Index("ix_perpetrator_rank", "incident_id", "position", "id", "relationship", "age_group"),
        # The partners among the perpetrators only, for the partner (IPV) test of a year's
        # incidents: a few pages, where ix_perpetrator_rank would be read all over (migration
        # 0015). Queries state it with partner_perpetrator() (see catalogue).
        Index(
            "ix_perpetrator_partner", "incident_id", "relationship", sqlite_where=text(partner_perpetrator())
        ),
    )


# --- Referrals ---------------------------------------------------------------------------------


class Referral(RecordMixin, Base):
    __tablename__ = "referral"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True, info=M)
    date_referred: Mapped[date] = mapped_column(Date, index=True, info=S)
    period: Mapped[str] = mapped_column(String(7), index=True, info=S)
    service_type: Mapped[str] = mapped_column(String(32), info=S)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, info=Q)
    urgency: Mapped[str] = mapped_column(String(16), default="routine", info=S)
    mode: Mapped[str] = mapped_column(String(16), default="slip", info=S)
    status: Mapped[str] = mapped_column(String(32), default="referred", info=S)
    outcome: Mapped[str] = mapped_column(String(16), default="pending", info=S)
    outcome_date: Mapped[date | None] = mapped_column(Date, default=None, info=S)
    follow_up_date: Mapped[date | None] = mapped_column(Date, default=None, index=True, info=S)
    consent_override_reason: Mapped[str] = mapped_column(Text, default="", info=M)
    # The free-text note, sealed to the identity key like the incident's identifying details.
    note_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, info=P)
    legacy_note: Mapped[str] = mapped_column("note", Text, default="", info=P)  # older offices only
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, info=M)
    deleted_reason: Mapped[str] = mapped_column(Text, default="", info=M)

    incident: Mapped[Incident] = relationship(back_populates="referrals")
    contact: Mapped[Contact | None] = relationship()

    # The month's referral figures from the index alone (see ix_incident_month_figures).
    __table_args__ = (
        Index(
            "ix_referral_month_figures",
            "period",
            "deleted",
            "incident_id",
            "service_type",
            "status",
            "outcome",
            "id",
        ),
    )


# --- Meetings ----------------------------------------------------------------------------------


class Meeting(RecordMixin, Base):
    __tablename__ = "meeting"
    meeting_type: Mapped[str] = mapped_column(String(32), info=S)
    meeting_date: Mapped[date] = mapped_column(Date, index=True, info=S)
    period: Mapped[str] = mapped_column(String(7), index=True, info=S)
    venue_village_code: Mapped[str] = mapped_column(String(8), default="", info=S)
    facilitator: Mapped[str] = mapped_column(String(200), default="", info=Q)
    topics: Mapped[frozenset[str]] = mapped_column(CodeSet, default=frozenset, info=S)
    # The minutes' free text. A case conference's minutes may name survivors: they are sealed to the
    # office's identity key in ``minutes_sealed`` (like an incident's identifying details) and these
    # two plain columns stay empty; every opening is audited.
    concerns_raised: Mapped[str] = mapped_column(Text, default="", info=Q)
    decisions: Mapped[str] = mapped_column(Text, default="", info=Q)
    minutes_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, info=P)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, info=M)
    deleted_reason: Mapped[str] = mapped_column(Text, default="", info=M)

    attendance: Mapped[list[MeetingAttendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    action_items: Mapped[list[ActionItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="ActionItem.due_date"
    )

    # The meetings held by a day, from the index alone (the month's action points: a stock).
    __table_args__ = (Index("ix_meeting_held", "meeting_date", "deleted", "id"),)


class MeetingAttendance(Base):
    """Head count of one group at a meeting, by sex."""

    __tablename__ = "meeting_attendance"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id, info=M)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True, info=M)
    group: Mapped[str] = mapped_column(String(32), info=S)
    female: Mapped[int] = mapped_column(Integer, default=0, info=S)
    male: Mapped[int] = mapped_column(Integer, default=0, info=S)

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    __table_args__ = (UniqueConstraint("meeting_id", "group"),)


class ActionItem(Base):
    __tablename__ = "action_item"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id, info=M)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), info=M)
    action: Mapped[str] = mapped_column(Text, info=Q)
    owner: Mapped[str] = mapped_column(String(200), default="", info=Q)
    due_date: Mapped[date | None] = mapped_column(Date, default=None, info=S)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True, info=S)

    meeting: Mapped[Meeting] = relationship(back_populates="action_items")

    # A meeting's items with their status and due date, from the index alone (see ix_meeting_held).
    __table_args__ = (Index("ix_action_item_meeting_status", "meeting_id", "status", "due_date"),)


# --- Referral-network directory ----------------------------------------------------------------


class Contact(RecordMixin, Base):
    __tablename__ = "contact"
    name_km: Mapped[str] = mapped_column(String(300), default="", info=S)
    name_en: Mapped[str] = mapped_column(String(300), default="", info=S)
    organisation_type: Mapped[str] = mapped_column(String(32), info=S)
    services: Mapped[frozenset[str]] = mapped_column(CodeSet, default=frozenset, info=S)
    contact_person: Mapped[str] = mapped_column(String(200), default="", info=Q)
    position: Mapped[str] = mapped_column(String(200), default="", info=Q)
    phone: Mapped[str] = mapped_column(String(100), default="", info=Q)
    phone2: Mapped[str] = mapped_column(String(100), default="", info=Q)
    email: Mapped[str] = mapped_column(String(200), default="", info=Q)
    address: Mapped[str] = mapped_column(Text, default="", info=Q)
    hours: Mapped[str] = mapped_column(String(200), default="", info=Q)
    coverage: Mapped[str] = mapped_column(String(16), default="khan", info=S)
    last_verified: Mapped[date | None] = mapped_column(Date, default=None, info=M)
    active: Mapped[bool] = mapped_column(Boolean, default=True, info=S)


# --- Exchange: keys, certificates, trust, enrolled offices, bundles sent and received -------------


class PkiBlob(Base):
    """This office's keys and certificates as PEM (``security.keystore``): ``key/<purpose>`` are
    private keys, only ever stored encrypted under a password derived from the data key (and re-wrapped
    when it rotates); ``cert/<purpose>``, ``cert/recipient``, ``chain``, ``crl/own``, ``request``."""

    __tablename__ = "pki_blob"
    name: Mapped[str] = mapped_column(String(64), primary_key=True, info=M)
    blob: Mapped[bytes] = mapped_column(LargeBinary, info=M)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, info=M)


class TrustCertificate(Base):
    """The pinned ministry root (``kind`` root) and the CA certificates this office has seen."""

    __tablename__ = "trust_certificate"
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True, info=M)  # SHA-256 hex
    kind: Mapped[str] = mapped_column(String(16), index=True, info=M)  # root | ca
    office_code: Mapped[str] = mapped_column(String(16), info=M)
    level: Mapped[str] = mapped_column(String(16), info=M)
    pem: Mapped[bytes] = mapped_column(LargeBinary, info=M)
    added_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)


class RevocationList(Base):
    """The newest CRL seen from each issuer (by CRL number), kept to verify later bundles."""

    __tablename__ = "revocation_list"
    issuer_fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True, info=M)
    issuer_code: Mapped[str] = mapped_column(String(16), info=M)
    number: Mapped[int] = mapped_column(Integer, info=M)
    next_update: Mapped[datetime] = mapped_column(info=M)
    pem: Mapped[bytes] = mapped_column(LargeBinary, info=M)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, info=M)


class EnrolledOffice(Base):
    """A lower office certified by this one (a commune by its district, a district by the ministry)."""

    __tablename__ = "enrolled_office"
    code: Mapped[str] = mapped_column(String(16), primary_key=True, info=M)
    level: Mapped[str] = mapped_column(String(16), info=M)
    name_km: Mapped[str] = mapped_column(String(300), default="", info=M)
    name_en: Mapped[str] = mapped_column(String(300), default="", info=M)
    fingerprints: Mapped[str] = mapped_column(Text, default="{}", info=M)  # JSON purpose → SHA-256 hex
    serials: Mapped[str] = mapped_column(Text, default="[]", info=M)  # JSON list of certificate serials
    request_sha256: Mapped[str] = mapped_column(String(64), default="", info=M)
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)
    enrolled_by: Mapped[str] = mapped_column(String(64), default="", info=M)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False, info=M)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None, info=M)
    revoke_reason: Mapped[str] = mapped_column(Text, default="", info=M)
    reporting_start: Mapped[str | None] = mapped_column(String(7), default=None, info=M)
    """First month ``YYYY-MM`` a report is expected (None: the month of enrolment, Phnom Penh time)."""


class ExportRecord(Base):
    """One bundle written for the office above. ``payload`` is the exact business payload (canonical
    JSON), so a re-export of the same revision reproduces the same signed content."""

    __tablename__ = "export_record"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id, info=M)
    bundle_id: Mapped[str] = mapped_column(String(36), index=True, info=M)
    recipient_code: Mapped[str] = mapped_column(String(16), info=M)
    period: Mapped[str] = mapped_column(String(7), index=True, info=S)
    revision: Mapped[int] = mapped_column(Integer, info=S)
    sequence: Mapped[int] = mapped_column(Integer, info=M)
    month_approved_at: Mapped[str] = mapped_column(String(40), default="", info=M)
    file_name: Mapped[str] = mapped_column(String(100), info=M)
    sha256: Mapped[str] = mapped_column(String(64), info=M)  # of the file written
    content_sha256: Mapped[str] = mapped_column(String(64), info=M)  # of the signed payload
    payload: Mapped[str] = mapped_column(Text, info=S)
    reexport: Mapped[bool] = mapped_column(Boolean, default=False, info=M)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)
    created_by: Mapped[str] = mapped_column(String(64), info=M)


class BundleReceived(Base):
    """The import log: every bundle applied (replay, sequence and revision checks read it)."""

    __tablename__ = "received_bundle"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True, info=M)
    sender_code: Mapped[str] = mapped_column(String(16), index=True, info=M)
    sender_level: Mapped[str] = mapped_column(String(16), info=M)
    period: Mapped[str] = mapped_column(String(7), index=True, info=S)
    revision: Mapped[int] = mapped_column(Integer, info=S)
    sequence: Mapped[int] = mapped_column(Integer, info=M)
    content_sha256: Mapped[str] = mapped_column(String(64), info=M)
    sha256: Mapped[str] = mapped_column(String(64), info=M)  # of the file
    file_name: Mapped[str] = mapped_column(String(255), default="", info=M)
    status: Mapped[str] = mapped_column(String(16), info=M)  # imported | updated
    nil_report: Mapped[bool] = mapped_column(Boolean, default=False, info=S)
    sequence_gap: Mapped[int] = mapped_column(Integer, default=0, info=M)
    sender_audit_head: Mapped[str] = mapped_column(String(80), default="", info=M)
    signed_data: Mapped[bytes] = mapped_column(LargeBinary, info=M)  # the inner SignedData: evidence
    created_at: Mapped[datetime | None] = mapped_column(default=None, info=M)  # signed by the sender
    imported_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)
    imported_by: Mapped[str] = mapped_column(String(64), info=M)

    __table_args__ = (Index("ix_received_sender_period", "sender_code", "period"),)


class ImportedStatistics(Base):
    """The current statistics of one lower office and month (its newest revision), for the totals."""

    __tablename__ = "imported_statistics"
    sender_code: Mapped[str] = mapped_column(String(16), primary_key=True, info=M)
    period: Mapped[str] = mapped_column(String(7), primary_key=True, info=S)
    revision: Mapped[int] = mapped_column(Integer, info=S)
    bundle_id: Mapped[str] = mapped_column(String(36), info=M)
    nil_report: Mapped[bool] = mapped_column(Boolean, default=False, info=S)
    tables: Mapped[str] = mapped_column(Text, default="{}", info=S)  # JSON: table key → CountTable dict
    first_received_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)
    first_sent_at: Mapped[datetime | None] = mapped_column(default=None, info=M)
    """The signed creation time of the first bundle received for the month: decides timeliness."""
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)


class ReturnNotice(Base):
    """A month's bundle returned by the district for correction (``services.returns``): at the
    district the notices it wrote (``direction`` sent), at the commune the ones it imported
    (received). The reason is the district officer's, about the counts."""

    __tablename__ = "return_notice"
    notice_id: Mapped[str] = mapped_column(String(36), primary_key=True, info=M)
    direction: Mapped[str] = mapped_column(String(8), info=M)  # sent | received
    office_code: Mapped[str] = mapped_column(String(16), index=True, info=M)  # the commune
    district_code: Mapped[str] = mapped_column(String(16), info=M)
    period: Mapped[str] = mapped_column(String(7), index=True, info=S)
    revision: Mapped[int] = mapped_column(Integer, info=S)  # of the bundle returned
    bundle_id: Mapped[str] = mapped_column(String(36), info=M)
    content_sha256: Mapped[str] = mapped_column(String(64), info=M)  # the returned bundle's content
    reason: Mapped[str] = mapped_column(Text, info=Q)
    created_at: Mapped[datetime] = mapped_column(info=M)  # signed by the district
    file_name: Mapped[str] = mapped_column(String(255), default="", info=M)
    sha256: Mapped[str] = mapped_column(String(64), info=M)  # of the notice file
    signed_data: Mapped[bytes] = mapped_column(LargeBinary, info=M)  # the notice file: evidence
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)
    recorded_by: Mapped[str] = mapped_column(String(64), info=M)


ALL_TABLES: list[type[Base]] = [
    Setting,
    User,
    AuditEntry,
    Month,
    MonthSnapshot,
    Incident,
    Perpetrator,
    Referral,
    Meeting,
    MeetingAttendance,
    ActionItem,
    Contact,
    PkiBlob,
    TrustCertificate,
    RevocationList,
    EnrolledOffice,
    ExportRecord,
    BundleReceived,
    ImportedStatistics,
    ReturnNotice,
]
