"""The bundle's payload: format constants, the canonical JSON form, the strict schema, and the
verified bundle's view of it (``VerifiedBundle``), shared by building and opening.


The bundle's layers (``docs/bundle-format.md`` is the reference, with the ``openssl cms`` commands)::

    file SHSC-<code>-<YYYY-MM>-r<revision>.shsc  =  DER ContentInfo
      EnvelopedData  (RSA PKCS#1 v1.5 key transport to the recipient's encryption certificate,
                      AES-256-CBC content encryption)
        ContentInfo SignedData  (SHA-256, RSA PKCS#1 v1.5, signed attributes; certificates: the
                                 signer's and its district CA's; crls: the current CRLs of the chain)
          canonical JSON payload (UTF-8, sorted keys, no spaces)

Sign-then-encrypt hides who reported what from whoever finds the USB stick; surreptitious forwarding
(Davis 2001: a recipient decrypts and re-encrypts a signed bundle to someone else) is defeated by naming
the recipient's code *and certificate fingerprint* inside the signed payload. Building is
``bundle_build``, opening ``bundle_open`` (with the SignedData checks of ``bundle_verify``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from typing import Any, NoReturn

from cryptography import x509

from ..errors import BundleRejected
from ..security.pki import Level
from ..values.period import is_period

BUNDLE_FORMAT = "shsc-bundle"
SCHEMA_VERSION = 2
"""Version 2 added the Incident Recorder's tables of the incident (``catalogue.IR_TABLES_SINCE``):
an older app refuses a version-2 bundle as ``schema_unknown`` ("update the app") instead of as
unknown tables; this app still reads version 1 (the same payload, without those tables)."""
KNOWN_SCHEMA_VERSIONS = frozenset({1, 2})
MAX_BUNDLE_SIZE = 5 * 1024 * 1024
FILE_SUFFIX = ".shsc"

# Matched with fullmatch: "$" alone would let a trailing newline through.
HASH_RE = re.compile(r"[0-9a-f]{64}")
CODE_RE = re.compile(r"[0-9A-Z]{2,12}")
_PAYLOAD_FIELDS = frozenset(
    {
        "format",
        "schema_version",
        "bundle_id",
        "sender",
        "recipient",
        "sequence",
        "period",
        "revision",
        "created_at",
        "audit_head",
        "nil_report",
        "tables",
    }
)
BUSINESS_FIELDS = _PAYLOAD_FIELDS - {"format", "schema_version", "sender", "recipient"}
OFFICE_KEYS_FIELD = "office_keys"
"""Optional (a bundle of an office without office keys, or of an older version, lacks it): the
sender's office keys vouching for the rest of the payload (``security.identity.vouch``)."""
_OFFICE_KEYS_PARTS = frozenset({"fingerprint", "signing", "identity", "signature"})


def canonical_json(obj: Any) -> bytes:
    """The one byte form of a payload: UTF-8, sorted keys, no whitespace, no NaN/Infinity."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode(
        "utf-8"
    )


def bundle_filename(sender_code: str, period: str, revision: int) -> str:
    if not CODE_RE.fullmatch(sender_code) or not is_period(period) or revision < 1:
        raise ValueError("invalid bundle name parts")
    return f"SHSC-{sender_code}-{period}-r{revision}{FILE_SUFFIX}"


def make_payload(
    *,
    sequence: int,
    period: str,
    revision: int,
    audit_head: tuple[int, str],
    tables: dict[str, Any] | None,
    bundle_id: str | None = None,
    created_at: dt.datetime | None = None,
    nil_report: bool | None = None,
) -> dict[str, Any]:
    """The business part of a payload; ``build_bundle`` adds format, schema, sender and recipient.

    ``tables`` None (or empty) means a nil report: nothing happened this month. A district whose
    offices below all sent nil reports passes ``nil_report=True`` with only its ``reporting`` table
    (:data:`NIL_REPORT_TABLES`). Re-exporting the same revision must pass the same ``bundle_id`` and
    ``created_at`` so the content is reproduced exactly.
    """
    created = (created_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    return {
        "bundle_id": bundle_id or str(uuid.uuid4()),
        "sequence": sequence,
        "period": period,
        "revision": revision,
        "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "audit_head": {"seq": audit_head[0], "hash": audit_head[1]},
        "nil_report": not tables if nil_report is None else nil_report,
        "tables": dict(tables or {}),
    }


NIL_REPORT_TABLES = frozenset({"reporting"})
"""The only tables a nil report may carry, and only a district's: how many of its offices reported
(all of them nil reports; the ministry's import checks the counts, ``services/table_check.py``)."""


def _nil_tables(obj: dict[str, Any], tables: dict[str, Any]) -> bool:
    """A nil report's non-empty ``tables`` are allowed: a district's, with only its reporting table."""
    sender = obj.get("sender")
    level = sender.get("level") if isinstance(sender, dict) else None
    return level == Level.DISTRICT and set(tables) == NIL_REPORT_TABLES


def is_safe_int(value: Any, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and minimum <= value < 2**53


def validate_payload(obj: dict[str, Any]) -> list[str]:
    """Strict schema (versions 1 and 2: the same fields): every problem found, empty when the
    payload is well-formed."""
    problems: list[str] = []
    keys = set(obj) - {OFFICE_KEYS_FIELD}
    if keys != _PAYLOAD_FIELDS:
        problems.append(f"fields {sorted(keys ^ _PAYLOAD_FIELDS)} missing or unknown")
    if OFFICE_KEYS_FIELD in obj:
        block = obj[OFFICE_KEYS_FIELD]
        if (
            not isinstance(block, dict)
            or set(block) != _OFFICE_KEYS_PARTS
            or not all(isinstance(v, str) and len(v) <= 200 for v in block.values())
        ):
            problems.append(OFFICE_KEYS_FIELD)
    if obj.get("format") != BUNDLE_FORMAT:
        problems.append("format")
    if not is_safe_int(obj.get("schema_version"), 1):
        problems.append("schema_version")
    try:
        if str(uuid.UUID(str(obj.get("bundle_id")))) != obj.get("bundle_id"):
            problems.append("bundle_id")
    except ValueError:
        problems.append("bundle_id")
    for party, extra in (("sender", set()), ("recipient", {"certificate_sha256"})):
        value = obj.get(party)
        if not isinstance(value, dict) or set(value) != {"code", "level"} | extra:
            problems.append(party)
            continue
        if not isinstance(value["code"], str) or not CODE_RE.fullmatch(value["code"]):
            problems.append(f"{party}.code")
        if not isinstance(value["level"], str) or value["level"] not in {lv.value for lv in Level}:
            problems.append(f"{party}.level")
        if extra and not (
            isinstance(value["certificate_sha256"], str) and HASH_RE.fullmatch(value["certificate_sha256"])
        ):
            problems.append(f"{party}.certificate_sha256")
    if not is_safe_int(obj.get("sequence"), 1):
        problems.append("sequence")
    if not is_safe_int(obj.get("revision"), 1):
        problems.append("revision")
    period = obj.get("period")
    if not isinstance(period, str) or not is_period(period):
        problems.append("period")
    created = obj.get("created_at")
    try:
        if not isinstance(created, str) or not created.endswith("Z"):
            raise ValueError(created)
        dt.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        problems.append("created_at")
    head = obj.get("audit_head")
    if (
        not isinstance(head, dict)
        or set(head) != {"seq", "hash"}
        or not is_safe_int(head["seq"], 0)
        or not isinstance(head["hash"], str)
        or not HASH_RE.fullmatch(head["hash"])
    ):
        problems.append("audit_head")
    nil = obj.get("nil_report")
    tables = obj.get("tables")
    if not isinstance(nil, bool):
        problems.append("nil_report")
    if not isinstance(tables, dict) or (nil is True and tables and not _nil_tables(obj, tables)):
        problems.append("tables")
    return problems


def vouched_digest(body: dict[str, Any]) -> str:
    """What the office keys vouch for (:data:`OFFICE_KEYS_FIELD`): the SHA-256 (hex) of the
    canonical full payload without that field."""
    rest = {k: v for k, v in body.items() if k != OFFICE_KEYS_FIELD}
    return hashlib.sha256(canonical_json(rest)).hexdigest()


class SignedPayload:
    """The members a bundle and a district's return notice both carry, read from ``payload``."""

    payload: dict[str, Any]

    @property
    def recipient_code(self) -> str:
        return str(self.payload["recipient"]["code"])

    @property
    def period(self) -> str:
        return str(self.payload["period"])

    @property
    def revision(self) -> int:
        return int(self.payload["revision"])


@dataclass(frozen=True)
class VerifiedBundle(SignedPayload):
    payload: dict[str, Any]
    content: bytes  # the signed canonical JSON
    content_sha256: str
    signed_data: bytes  # the inner DER SignedData, kept as evidence
    signer_cert: x509.Certificate
    ca_cert: x509.Certificate
    crls: tuple[x509.CertificateRevocationList, ...]  # the verified lists used (store the newer ones)

    @property
    def bundle_id(self) -> str:
        return str(self.payload["bundle_id"])

    @property
    def sender_code(self) -> str:
        return str(self.payload["sender"]["code"])

    @property
    def sequence(self) -> int:
        return int(self.payload["sequence"])

    @property
    def schema_version(self) -> int:
        return int(self.payload["schema_version"])

    @property
    def nil_report(self) -> bool:
        return bool(self.payload["nil_report"])

    @property
    def tables(self) -> dict[str, Any]:
        return dict(self.payload["tables"])


def _lead(payload: dict[str, Any], key: str) -> bytes:
    """The bytes of ``canonical_json(payload)`` before its member ``key`` (``{...,"key":``
    without the value): the serialised members that sort before it, which must exist."""
    before = {k: v for k, v in payload.items() if k < key}
    if not before:
        raise ValueError("no members before the key")
    return canonical_json(before)[:-1] + b"," + canonical_json(key) + b":"


def vouched_digest_of(vb: VerifiedBundle) -> str:
    """:func:`vouched_digest` of a verified bundle's payload, cut out of the signed bytes.

    ``open_bundle`` accepts only content equal to ``canonical_json(payload)``, in which each member
    is serialised on its own, in key order. So the canonical form without the office-key block is
    the content with exactly that member taken out: the members before it and the block are
    serialised again (a few hundred bytes) and must match the content's start; the rest, the tables
    above all, is not serialised a second time. Anything unexpected falls back to the full work.
    """
    payload, content = vb.payload, vb.content
    block = payload.get(OFFICE_KEYS_FIELD)
    if block is not None:
        try:
            lead = _lead(payload, OFFICE_KEYS_FIELD)
            member = lead + canonical_json(block)
        except ValueError:
            member = b""
        if member and content.startswith(member):
            rest = lead[: -len(canonical_json(OFFICE_KEYS_FIELD)) - 2] + content[len(member) :]
            return hashlib.sha256(rest).hexdigest()
    return vouched_digest(payload)


def tables_json(vb: VerifiedBundle) -> str:
    """``canonical_json(vb.payload["tables"])`` as text, cut out of the signed bytes: ``tables``
    sorts last of the payload's members, so its canonical form is the content between the members
    before it (serialised again and compared) and the closing brace (see :func:`vouched_digest_of`)."""
    payload, content = vb.payload, vb.content
    if max(payload) == "tables":
        try:
            lead = _lead(payload, "tables")
        except ValueError:
            lead = b""
        if lead and content.startswith(lead) and content.endswith(b"}"):
            return content[len(lead) : -1].decode("utf-8")
    return canonical_json(payload["tables"]).decode("utf-8")


def reject(reason: str, message: str) -> NoReturn:
    raise BundleRejected(reason, message)


def _no_constants(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed")


def _parse_payload(content: bytes) -> dict[str, Any]:
    # Duplicate keys need no hook of their own (one Python call per JSON object, ~1 ms a bundle):
    # the parsed objects keep one member per key, so their canonical form has fewer members than a
    # content that repeats a key, and the equality below refuses it.
    try:
        obj = json.loads(content.decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleRejected("malformed_payload", "The bundle's content is not valid.") from exc
    if not isinstance(obj, dict):
        reject("malformed_payload", "The bundle's content is not valid.")
    try:
        canonical = canonical_json(obj) == content
    except (ValueError, RecursionError) as exc:
        raise BundleRejected("malformed_payload", "The bundle's content is not valid.") from exc
    if not canonical:
        reject("malformed_payload", "The bundle's content is not in canonical form.")
    return obj


def parse_canonical_json(content: bytes) -> dict[str, Any]:
    """A signed JSON object, refused (``malformed_payload``) unless strict and canonical."""
    return _parse_payload(content)
