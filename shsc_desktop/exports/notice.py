"""Return notices: a district sends a commune's monthly bundle back for correction, with a reason.

The notice travels by file like enrolment packages and bundles::

    file SHSC-RETURN-<commune>-<YYYY-MM>-r<revision>.shscret  =  DER ContentInfo
      SignedData  (SHA-256, RSA PKCS#1 v1.5; certificates: the district's signing certificate and its
                   district CA; crls: the current CRLs of the chain) — the same signer, chain and
                   revocation rules as a district's bundle (``exports.bundle_verify``)
        canonical JSON payload: format, schema_version, notice_id, sender {code, level},
        recipient {code, level}, period, revision, bundle_id, content_sha256 (of the returned
        bundle's signed content), reason, created_at

It is signed but not encrypted: it names a commune, a month and a reason about counts, nothing
about a person. ``openssl cms -verify -inform DER -in FILE -CAfile ministry-root.pem`` checks it
by hand and prints the payload. Whether the signer is the commune's own district, and the
notice is for this commune, needs the commune's state: :mod:`services.returns` checks that.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from ..errors import BundleRejected, NoticeRejected
from ..security.pki import Identity, Level, TrustStore, identity_of
from ..values.period import is_period
from .bundle_build import sign_content
from .bundle_payload import SignedPayload, canonical_json, parse_canonical_json
from .bundle_verify import verify_signed_data

NOTICE_FORMAT = "shsc-return-notice"
SCHEMA_VERSION = 1
NOTICE_SUFFIX = ".shscret"
MAX_NOTICE_SIZE = 256 * 1024
MAX_REASON = 2000

_HASH_RE = re.compile(r"[0-9a-f]{64}")
_CODE_RE = re.compile(r"[0-9A-Z]{2,12}")
_FIELDS = frozenset(
    {
        "format",
        "schema_version",
        "notice_id",
        "sender",
        "recipient",
        "period",
        "revision",
        "bundle_id",
        "content_sha256",
        "reason",
        "created_at",
    }
)


def notice_filename(commune_code: str, period: str, revision: int) -> str:
    return f"SHSC-RETURN-{commune_code}-{period}-r{revision}{NOTICE_SUFFIX}"


def make_notice_payload(
    *,
    district_code: str,
    commune_code: str,
    period: str,
    revision: int,
    bundle_id: str,
    content_sha256: str,
    reason: str,
    created_at: dt.datetime,
    notice_id: str | None = None,
) -> dict[str, Any]:
    payload = {
        "format": NOTICE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "notice_id": notice_id or str(uuid.uuid4()),
        "sender": {"code": district_code, "level": str(Level.DISTRICT)},
        "recipient": {"code": commune_code, "level": str(Level.COMMUNE)},
        "period": period,
        "revision": revision,
        "bundle_id": bundle_id,
        "content_sha256": content_sha256,
        "reason": reason,
        "created_at": created_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
    }
    problems = validate_notice(payload)
    if problems:
        raise ValueError(f"invalid return notice: {', '.join(problems)}")
    return payload


def validate_notice(obj: dict[str, Any]) -> list[str]:
    """What is wrong with a notice payload (empty: nothing)."""
    problems = []
    if set(obj) != _FIELDS:
        problems.append("fields")
    if obj.get("format") != NOTICE_FORMAT:
        problems.append("format")
    for side, level in (("sender", Level.DISTRICT), ("recipient", Level.COMMUNE)):
        value = obj.get(side)
        if (
            not isinstance(value, dict)
            or set(value) != {"code", "level"}
            or not isinstance(value.get("code"), str)
            or not _CODE_RE.fullmatch(value["code"])
            or value.get("level") != level
        ):
            problems.append(side)
    period = obj.get("period")
    if not isinstance(period, str) or not is_period(period):
        problems.append("period")
    revision = obj.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        problems.append("revision")
    for name in ("notice_id", "bundle_id"):
        try:
            uuid.UUID(str(obj.get(name)))
        except ValueError:
            problems.append(name)
    content = obj.get("content_sha256")
    if not isinstance(content, str) or not _HASH_RE.fullmatch(content):
        problems.append("content_sha256")
    reason = obj.get("reason")
    if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_REASON:
        problems.append("reason")
    try:
        dt.datetime.fromisoformat(str(obj.get("created_at")))
    except ValueError:
        problems.append("created_at")
    return problems


def build_notice(
    payload: dict[str, Any],
    sender_key: rsa.RSAPrivateKey,
    sender_cert: x509.Certificate,
    chain_certs: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
) -> bytes:
    """The notice file's bytes: ``payload`` signed by the district (never what ``open_notice`` refuses
    for its form)."""
    problems = validate_notice(payload)
    if problems:
        raise ValueError(f"invalid return notice: {', '.join(problems)}")
    return sign_content(canonical_json(payload), sender_key, sender_cert, chain_certs, crls)


@dataclass(frozen=True)
class VerifiedNotice(SignedPayload):
    payload: dict[str, Any]
    signer: Identity  # the district whose signing certificate signed it
    ca_cert: x509.Certificate  # the district CA that certified the signer
    signed_data: bytes  # the file: evidence
    sha256: str  # of the file

    @property
    def notice_id(self) -> str:
        return str(self.payload["notice_id"])

    @property
    def reason(self) -> str:
        return str(self.payload["reason"])

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(str(self.payload["created_at"]))


def _reject(reason: str, message: str) -> NoReturn:
    raise NoticeRejected(reason, message)


def open_notice(data: bytes, trust: TrustStore, now: dt.datetime | None = None) -> VerifiedNotice:
    """Verify a notice's signature, chain to the pinned ministry root and revocation, then its form.

    ``NoticeRejected`` with a reason code: not_a_notice, bad_signature, unknown_signer (chain,
    validity and revocation failures keep their bundle codes: untrusted_chain, cert_expired,
    revoked, crl_missing, crl_expired), not_a_district, sender_mismatch, malformed.
    """
    data = bytes(data)
    if not data or len(data) > MAX_NOTICE_SIZE:
        _reject("not_a_notice", "This file is not a return notice.")
    try:
        signed = verify_signed_data(data, trust, now)
    except BundleRejected as exc:
        reason = "not_a_notice" if exc.reason == "cannot_decrypt" else exc.reason
        raise NoticeRejected(reason, str(exc).replace("bundle", "notice")) from exc
    try:
        payload = parse_canonical_json(signed.content)
    except BundleRejected as exc:
        raise NoticeRejected("malformed", "The notice's content is not valid.") from exc
    if payload.get("format") != NOTICE_FORMAT:
        _reject("not_a_notice", "This signed file is not a return notice.")
    if payload.get("schema_version") != SCHEMA_VERSION:
        _reject("malformed", "The notice uses a data format this version of the app does not know.")
    problems = validate_notice(payload)
    if problems:
        _reject("malformed", f"The notice's content is not valid: {', '.join(problems)}.")
    if signed.signer.level != Level.DISTRICT:
        _reject("not_a_district", f"The notice is signed by {signed.signer.code}, which is not a district.")
    sender = payload["sender"]
    if sender["code"] != signed.signer.code:
        _reject(
            "sender_mismatch",
            f"The notice claims to come from {sender['code']} but is signed by {signed.signer.code}.",
        )
    if identity_of(signed.ca_cert.subject).code != signed.signer.code:
        _reject("not_a_district", "The notice's signer is not certified by its own district CA.")
    return VerifiedNotice(payload, signed.signer, signed.ca_cert, data, hashlib.sha256(data).hexdigest())
