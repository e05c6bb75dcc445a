"""Exchange bundles: a month's statistics, signed by the sender and encrypted to the recipient.

Layers (``docs/bundle-format.md`` is the reference, with the ``openssl cms`` commands)::

    file SHSC-<code>-<YYYY-MM>-r<revision>.shsc  =  DER ContentInfo
      EnvelopedData  (RSA PKCS#1 v1.5 key transport to the recipient's encryption certificate,
                      AES-256-CBC content encryption)
        ContentInfo SignedData  (SHA-256, RSA PKCS#1 v1.5, signed attributes; certificates: the
                                 signer's and its district CA's; crls: the current CRLs of the chain)
          canonical JSON payload (UTF-8, sorted keys, no spaces)

Sign-then-encrypt hides who reported what from whoever finds the USB stick; surreptitious forwarding
(Davis 2001: a recipient decrypts and re-encrypts a signed bundle to someone else) is defeated by naming
the recipient's code *and certificate fingerprint* inside the signed payload.

``cryptography`` 50 cannot put CRLs into SignedData and cannot verify SignedData. CRLs are therefore
added to the SignedData's ``crls`` field after signing (with ``asn1crypto``; that field is outside the
signature, and each CRL is signed by its issuer), where ``openssl cms -verify -crl_check_all`` finds them.
Verification is done here by hand (``asn1crypto`` parsing, ``cryptography`` signature checks, a fixed-depth
chain to the pinned ministry root, CRLs) and tested against the ``openssl`` command line.

``open_bundle`` runs the checks in a fixed order and raises ``BundleRejected(reason, message)`` with one
reason code per check; it never interprets the payload before the signature, chain and revocation checks
have passed. Replay, sequence, revision and period checks need stored state and belong to the import
service.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from asn1crypto import cms as acms
from asn1crypto import crl as acrl
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from ..atomic import atomic_write_bytes
from ..errors import BundleRejected
from ..security.pki import Identity, Level, crl_number, fingerprint_bytes, identity_of
from ..security.pki import TrustStore as TrustStore  # re-exported: callers open bundles against it
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
_HASH_RE = re.compile(r"[0-9a-f]{64}")
_CODE_RE = re.compile(r"[0-9A-Z]{2,12}")
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
_BUSINESS_FIELDS = _PAYLOAD_FIELDS - {"format", "schema_version", "sender", "recipient"}
OFFICE_KEYS_FIELD = "office_keys"
"""Optional (a bundle of an office without office keys, or of an older version, lacks it): the
sender's office keys vouching for the rest of the payload (``security.identity.vouch``)."""
_OFFICE_KEYS_PARTS = frozenset({"fingerprint", "signing", "identity", "signature"})


# ---------------------------------------------------------------------------------------------------
# Payload


def canonical_json(obj: Any) -> bytes:
    """The one byte form of a payload: UTF-8, sorted keys, no whitespace, no NaN/Infinity."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode(
        "utf-8"
    )


def bundle_filename(sender_code: str, period: str, revision: int) -> str:
    if not _CODE_RE.fullmatch(sender_code) or not is_period(period) or revision < 1:
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


def _is_int(value: Any, minimum: int) -> bool:
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
    if not _is_int(obj.get("schema_version"), 1):
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
        if not isinstance(value["code"], str) or not _CODE_RE.fullmatch(value["code"]):
            problems.append(f"{party}.code")
        if not isinstance(value["level"], str) or value["level"] not in {lv.value for lv in Level}:
            problems.append(f"{party}.level")
        if extra and not (
            isinstance(value["certificate_sha256"], str) and _HASH_RE.fullmatch(value["certificate_sha256"])
        ):
            problems.append(f"{party}.certificate_sha256")
    if not _is_int(obj.get("sequence"), 1):
        problems.append("sequence")
    if not _is_int(obj.get("revision"), 1):
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
        or not _is_int(head["seq"], 0)
        or not isinstance(head["hash"], str)
        or not _HASH_RE.fullmatch(head["hash"])
    ):
        problems.append("audit_head")
    nil = obj.get("nil_report")
    tables = obj.get("tables")
    if not isinstance(nil, bool):
        problems.append("nil_report")
    if not isinstance(tables, dict) or (nil is True and tables and not _nil_tables(obj, tables)):
        problems.append("tables")
    return problems


# ---------------------------------------------------------------------------------------------------
# Building


def sign_content(
    content: bytes,
    sender_key: rsa.RSAPrivateKey,
    sender_cert: x509.Certificate,
    chain_certs: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
) -> bytes:
    """DER ContentInfo(SignedData) over ``content``, with the chain and CRLs embedded."""
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(content)
        .add_signer(sender_cert, sender_key, hashes.SHA256(), rsa_padding=padding.PKCS1v15())
    )
    for cert in chain_certs:
        builder = builder.add_certificate(cert)
    signed = builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    if not crls:
        return signed
    info = acms.ContentInfo.load(signed)
    signed_data = info["content"]
    signed_data["crls"] = acms.RevocationInfoChoices(
        [
            acms.RevocationInfoChoice(
                name="crl",
                value=acrl.CertificateList.load(crl.public_bytes(serialization.Encoding.DER)),
            )
            for crl in crls
        ]
    )
    out: bytes = acms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump()
    return out


def envelope(signed: bytes, recipient_cert: x509.Certificate) -> bytes:
    """DER ContentInfo(EnvelopedData): AES-256-CBC, key transported with RSA PKCS#1 v1.5.

    (PKCS#1 v1.5 is the only key transport ``PKCS7EnvelopeBuilder`` offers; OAEP would need OpenSSL.)
    """
    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(signed)
        .add_recipient(recipient_cert)
        .set_content_encryption_algorithm(algorithms.AES256)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def full_payload(
    payload: dict[str, Any], sender_cert: x509.Certificate, recipient_cert: x509.Certificate
) -> dict[str, Any]:
    """Add format, schema version, sender (from the signing certificate) and recipient binding."""
    unknown = set(payload) - _BUSINESS_FIELDS - {OFFICE_KEYS_FIELD}
    if unknown:
        raise ValueError(f"reserved or unknown payload fields: {sorted(unknown)}")
    sender = identity_of(sender_cert.subject)
    recipient = identity_of(recipient_cert.subject)
    return {
        **payload,
        "format": BUNDLE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "sender": {"code": sender.code, "level": sender.level},
        "recipient": {
            "code": recipient.code,
            "level": recipient.level,
            "certificate_sha256": fingerprint_bytes(recipient_cert).hex(),
        },
    }


def vouched_digest(body: dict[str, Any]) -> str:
    """What the office keys vouch for (:data:`OFFICE_KEYS_FIELD`): the SHA-256 (hex) of the
    canonical full payload without that field."""
    rest = {k: v for k, v in body.items() if k != OFFICE_KEYS_FIELD}
    return hashlib.sha256(canonical_json(rest)).hexdigest()


def build_bundle(
    payload: dict[str, Any],
    sender_key: rsa.RSAPrivateKey,
    sender_cert: x509.Certificate,
    chain_certs: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    recipient_cert: x509.Certificate,
) -> bytes:
    """The bundle bytes for ``payload`` (see ``make_payload``). Never emits what ``open_bundle`` rejects."""
    body = full_payload(payload, sender_cert, recipient_cert)
    problems = validate_payload(body)
    if problems:
        raise ValueError(f"invalid bundle payload: {', '.join(problems)}")
    data = envelope(
        sign_content(canonical_json(body), sender_key, sender_cert, chain_certs, crls), recipient_cert
    )
    if len(data) > MAX_BUNDLE_SIZE:
        raise ValueError("the bundle is larger than the size limit")
    return data


def write_bundle(folder: Path, data: bytes, sender_code: str, period: str, revision: int) -> Path:
    """Write atomically under the standard name; a pulled USB stick leaves no partial bundle."""
    target = Path(folder) / bundle_filename(sender_code, period, revision)
    atomic_write_bytes(target, data, mode=0o644)
    return target


# ---------------------------------------------------------------------------------------------------
# Opening


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


def _reject(reason: str, message: str) -> NoReturn:
    raise BundleRejected(reason, message)


# asn1crypto parses lazily and reports bad DER with these exception types.
_ASN1_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError)

_CANNOT_DECRYPT = (
    "This file cannot be decrypted with this office's key: it was not sent to this office, or it is damaged."
)


def _parse_envelope(data: bytes) -> None:
    try:
        info = acms.ContentInfo.load(data, strict=True)
        ok = info["content_type"].native == "enveloped_data"
        if ok:
            env = info["content"]
            ok = (
                len(env["recipient_infos"]) >= 1
                and env["encrypted_content_info"]["encrypted_content"].native is not None
            )
    except _ASN1_ERRORS as exc:
        raise BundleRejected("not_a_bundle", "This file is not an SHSC bundle.") from exc
    if not ok:
        _reject("not_a_bundle", "This file is not an SHSC bundle.")


def _decrypt(data: bytes, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> bytes:
    # One message for every failure (wrong recipient, bad key, bad padding, garbage inside), so that
    # the import report is not a decryption oracle beyond what a valid signature reveals.
    try:
        inner = pkcs7.pkcs7_decrypt_der(data, cert, key, [])
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise BundleRejected("cannot_decrypt", _CANNOT_DECRYPT) from exc
    return inner


@dataclass(frozen=True)
class _Signed:
    content: bytes
    signer: x509.Certificate
    certs: list[x509.Certificate]
    crls: list[x509.CertificateRevocationList]


@dataclass(frozen=True)
class _Parsed:
    """The inner SignedData, read completely: certificates and CRLs already loaded by ``cryptography``."""

    signed_data: acms.SignedData
    certs: list[tuple[acms.Certificate, x509.Certificate]]
    crls: list[x509.CertificateRevocationList]


def _parse_signed(inner: bytes, cache: VerifyCache | None = None) -> _Parsed:
    # Every byte of the SignedData is read here, inside the try: the small fields by asn1crypto
    # (``.native`` decodes each value), the certificates and CRLs by cryptography's strict DER
    # parser. (``signed_data.native`` on the whole would turn the certificates and CRLs into Python
    # dicts as well: two thirds of the time of opening a bundle, for values nobody reads.)
    try:
        info = acms.ContentInfo.load(inner, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError("not signed data")
        signed_data = info["content"]
        certs: list[tuple[acms.Certificate, x509.Certificate]] = []
        crls: list[x509.CertificateRevocationList] = []
        for name in signed_data:
            value = signed_data[name]
            if name == "certificates":
                for choice in value or []:
                    if choice.name == "certificate":
                        der = choice.chosen.dump()
                        known = cache._certs.get(der) if cache is not None else None
                        if known is None:
                            cert = x509.load_der_x509_certificate(der)
                            cert.subject, cert.issuer  # noqa: B018 - names decode here, not in the chain check
                            known = (choice.chosen, cert)
                            if cache is not None:
                                cache.remember_cert(der, known)
                        certs.append(known)
                    else:
                        choice.native  # noqa: B018 - other certificate formats: parse them here
            elif name == "crls":
                for choice in value or []:
                    if choice.name == "crl":
                        der = choice.chosen.dump()
                        crl = cache._crls.get(der) if cache is not None else None
                        if crl is None:
                            crl = x509.load_der_x509_crl(der)
                            crl.issuer  # noqa: B018 - decoded here, like the certificates' names
                            if cache is not None:
                                cache.remember_crl(der, crl)
                        crls.append(crl)
                    else:
                        choice.native  # noqa: B018 - other revocation formats: parse them here
            elif name == "signer_infos":
                for signer_info in value:
                    for part in signer_info:
                        field = signer_info[part]
                        if isinstance(field, acms.CMSAttributes):  # one attribute at a time
                            for attr in field:
                                _parse_fully(attr, cache)
                        else:
                            _parse_fully(field, cache)
            else:
                _parse_fully(value, cache)
    except _ASN1_ERRORS as exc:
        raise BundleRejected("cannot_decrypt", _CANNOT_DECRYPT) from exc
    return _Parsed(signed_data, certs, crls)


def _parse_fully(value: Any, cache: VerifyCache | None) -> None:
    """Decode every byte of ``value`` now (``.native``), inside the caller's ``try``, unless the
    same DER bytes were decoded before in this batch: the same bytes decode the same way. The
    parts that repeat from bundle to bundle (the digest algorithms, the signer's issuer and serial,
    the signature algorithm, most signed attributes) are decoded once; the signature, the content,
    the signing time and the message digest are new in every bundle and decoded every time."""
    if cache is None:
        value.native  # noqa: B018 - force the full parse here
        return
    der = value.dump()
    if der not in cache._decoded:
        value.native  # noqa: B018 - force the full parse here
        cache._decoded.add(der)


def _same_name(a: Any, b: Any) -> bool:
    """asn1crypto ``Name`` equality (RFC 5280 comparison), with the byte-identical case first."""
    return bool(a.dump() == b.dump() or a == b)


def _bad_signature(detail: str) -> NoReturn:
    _reject("bad_signature", f"The bundle's signature is not valid ({detail}); it was changed or damaged.")


def _verify_signature(parsed: _Parsed) -> _Signed:
    signed_data = parsed.signed_data
    try:
        encap = signed_data["encap_content_info"]
        if encap["content_type"].native != "data" or encap["content"].native is None:
            _bad_signature("no attached content")
        content = bytes(encap["content"].native)
        signer_infos = signed_data["signer_infos"]
        if len(signer_infos) != 1:
            _bad_signature("not exactly one signer")
        si = signer_infos[0]
        sid = si["sid"]
        signer = None
        for c_asn1, c in parsed.certs:
            if sid.name == "issuer_and_serial_number":
                if c_asn1.serial_number == sid.chosen["serial_number"].native and _same_name(
                    c_asn1.issuer, sid.chosen["issuer"]
                ):
                    signer = c
                    break
            elif c_asn1.key_identifier is not None and c_asn1.key_identifier == sid.chosen.native:
                signer = c
                break
        if signer is None:
            _reject("unknown_signer", "The bundle does not carry its signer's certificate.")
        certs = [c for _, c in parsed.certs]
        crls = list(parsed.crls)
        if si["digest_algorithm"]["algorithm"].native != "sha256":
            _bad_signature("digest algorithm is not SHA-256")
        sig_alg = si["signature_algorithm"]["algorithm"].native
        if sig_alg not in ("rsassa_pkcs1v15", "sha256_rsa"):
            _bad_signature("unsupported signature algorithm")
        signature = bytes(si["signature"].native)
        attrs = si["signed_attrs"]
        if attrs is not None and len(attrs) > 0:
            found: dict[str, list[Any]] = {}
            for attr in attrs:
                found.setdefault(attr["type"].native, []).append(attr["values"])
            digests = found.get("message_digest", [])
            types = found.get("content_type", [])
            if len(digests) != 1 or len(digests[0]) != 1 or len(types) != 1 or len(types[0]) != 1:
                _bad_signature("signed attributes incomplete")
            if types[0][0].native != "data":
                _bad_signature("content type attribute")
            if not hmac.compare_digest(bytes(digests[0][0].native), hashlib.sha256(content).digest()):
                _bad_signature("content digest mismatch")
            encoded = attrs.dump()
            signed_bytes = b"\x31" + encoded[1:]  # [0] IMPLICIT re-tagged as SET OF (RFC 5652 §5.4)
        else:
            signed_bytes = content
    except BundleRejected:
        raise
    except _ASN1_ERRORS as exc:
        raise BundleRejected("bad_signature", "The bundle's signed data is damaged.") from exc
    try:
        public_key = signer.public_key()
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise BundleRejected("bad_signature", "The signer's key cannot be read.") from exc
    if not isinstance(public_key, rsa.RSAPublicKey):
        _bad_signature("signer key is not RSA")
    try:
        public_key.verify(signature, signed_bytes, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        _bad_signature("signature does not match")
    return _Signed(content, signer, certs, crls)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def _ext(cert: x509.Certificate, cls: type[Any]) -> Any:
    try:
        return cert.extensions.get_extension_for_class(cls).value
    except x509.ExtensionNotFound:
        return None
    except ValueError as exc:  # duplicate or undecodable extensions
        raise BundleRejected("untrusted_chain", "A certificate in the chain is malformed.") from exc


class VerifyCache:
    """What is identical for every bundle of a batch, worked out once (``ImportService.import_files``).

    Keyed by the SHA-256 of the DER of the certificates and CRLs involved, so a cached answer is
    the answer for exactly those bytes: whether a district CA is issued by the pinned root and
    passes the CA rules, whether a signer's certificate passes the chain rules with the
    certificates its bundle carries (the same commune signs many months), and whether a CRL is
    genuine (issued and signed by its issuer, readable). Everything that depends on the time
    (validity periods, CRL expiry) or on the CRLs known at that point (revocation) is checked for
    every bundle, and so is every bundle's own signature.
    """

    def __init__(self) -> None:
        self._under_root: dict[tuple[bytes, bytes], bool] = {}
        self._district_ca: dict[tuple[bytes, bytes], tuple[Identity, Identity]] = {}
        self._genuine: dict[tuple[bytes, bytes], bool] = {}
        # Parsed once per batch, by their exact DER (the signer's certificate repeats for every
        # bundle of its commune, the district CA and the CRLs for every bundle of the district):
        # the same bytes parse to the same certificate, so the first parse is reused.
        self._certs: dict[bytes, tuple[Any, x509.Certificate]] = {}
        self._crls: dict[bytes, x509.CertificateRevocationList] = {}
        # SHA-256 of the certificates and CRLs seen (those parsed above, the pinned root, the trust
        # store's CRLs, the recipient's certificate), by id, each with the object itself: held
        # here, an object lives as long as this cache, so an id here cannot belong to another one.
        self._fingerprints: dict[int, tuple[object, bytes]] = {}
        self._signer_checks: dict[tuple[bytes, ...], tuple[x509.Certificate, Identity]] = {}
        # DER of SignedData parts that ``.native`` decoded without error (``_parse_fully``).
        self._decoded: set[bytes] = set()

    def remember_cert(self, der: bytes, parsed: tuple[Any, x509.Certificate]) -> None:
        self._certs[der] = parsed
        self._fingerprints[id(parsed[1])] = (parsed[1], hashlib.sha256(der).digest())

    def remember_crl(self, der: bytes, crl: x509.CertificateRevocationList) -> None:
        self._crls[der] = crl
        self._fingerprints[id(crl)] = (crl, hashlib.sha256(der).digest())

    def fingerprint(self, a: x509.Certificate | x509.CertificateRevocationList) -> bytes:
        """The SHA-256 of ``a``'s DER, worked out once per object."""
        found = self._fingerprints.get(id(a))
        if found is not None and found[0] is a:
            return found[1]
        digest = a.fingerprint(hashes.SHA256())
        self._fingerprints[id(a)] = (a, digest)
        return digest

    def key(
        self, a: x509.Certificate | x509.CertificateRevocationList, b: x509.Certificate
    ) -> tuple[bytes, bytes]:
        return self.fingerprint(a), self.fingerprint(b)


def _untrusted(detail: str) -> NoReturn:
    _reject("untrusted_chain", f"The signer's certificate chain breaks the rules ({detail}).")


def _under_root(candidate: x509.Certificate, root: x509.Certificate, cache: VerifyCache) -> bool:
    key = cache.key(candidate, root)
    found = cache._under_root.get(key)
    if found is None:
        found = cache._under_root[key] = candidate.issuer == root.subject and _issued_by(candidate, root)
    return found


def _check_chain(
    signed: _Signed, root: x509.Certificate, now: dt.datetime, cache: VerifyCache
) -> tuple[x509.Certificate, Identity]:
    """The chain rules (the same answer for the same certificates, kept in ``cache`` once passed),
    then the validity periods at ``now`` (checked for every bundle)."""
    key = (cache.fingerprint(signed.signer), cache.fingerprint(root), *map(cache.fingerprint, signed.certs))
    known = cache._signer_checks.get(key)
    if known is None:
        known = cache._signer_checks[key] = _check_chain_rules(signed, root, cache)
    ca, signer_id = known
    ca_code = cache._district_ca[cache.key(ca, root)][0].code
    for cert, what in ((root, "ministry root"), (ca, f"district {ca_code}"), (signed.signer, signer_id.code)):
        if now < cert.not_valid_before_utc:
            _reject(
                "cert_expired",
                f"The certificate of {what} is not valid until {cert.not_valid_before_utc:%Y-%m-%d}; "
                "check this computer's date.",
            )
        if now > cert.not_valid_after_utc:
            _reject(
                "cert_expired",
                f"The certificate of {what} expired on {cert.not_valid_after_utc:%Y-%m-%d}.",
            )
    return ca, signer_id


def _check_chain_rules(
    signed: _Signed, root: x509.Certificate, cache: VerifyCache
) -> tuple[x509.Certificate, Identity]:
    signer = signed.signer
    ca = None
    for candidate in signed.certs:
        if (
            candidate.subject == signer.issuer
            and _under_root(candidate, root, cache)
            and _issued_by(signer, candidate)
        ):
            ca = candidate
            break
    if ca is None:
        _reject(
            "unknown_signer",
            "The signer's certificate does not lead to the ministry root this office trusts.",
        )
    # Structure: root → district CA (pathlen 0, keyCertSign) → commune/district signing certificate.
    ca_key = cache.key(ca, root)
    try:
        signer_id = identity_of(signer.subject)
        known = cache._district_ca.get(ca_key)
        ca_id, root_id = known or (identity_of(ca.subject), identity_of(root.subject))
    except ValueError as exc:
        raise BundleRejected("untrusted_chain", f"The certificate chain names no office ({exc}).") from exc
    if ca_key not in cache._district_ca:
        ca_bc = _ext(ca, x509.BasicConstraints)
        ca_ku = _ext(ca, x509.KeyUsage)
        district_ca = ca_bc is not None and ca_bc.ca and ca_bc.path_length == 0
        if not district_ca or ca_ku is None or not ca_ku.key_cert_sign:
            _untrusted("the issuer is not a district CA")
        if ca_id.level != Level.DISTRICT or root_id.level != Level.MINISTRY:
            _untrusted("levels")
        cache._district_ca[ca_key] = (ca_id, root_id)
    s_bc = _ext(signer, x509.BasicConstraints)
    s_ku = _ext(signer, x509.KeyUsage)
    s_eku = _ext(signer, x509.ExtendedKeyUsage)
    if s_bc is not None and s_bc.ca:
        _untrusted("the signer is a CA")
    if s_ku is None or not (s_ku.digital_signature or s_ku.content_commitment):
        _untrusted("the signer's key may not sign")
    if s_eku is None or x509.oid.ExtendedKeyUsageOID.EMAIL_PROTECTION not in s_eku:
        _untrusted("the signer's certificate is not for signed reports")
    if signer_id.level == Level.COMMUNE:
        if not signer_id.code.startswith(ca_id.code) or signer_id.code == ca_id.code:
            _untrusted(f"commune {signer_id.code} is not in district {ca_id.code}")
    elif signer_id.level == Level.DISTRICT:
        if signer_id.code != ca_id.code:
            _untrusted("a district signs only for itself")
    else:
        _untrusted("the ministry does not send bundles")
    return ca, signer_id


def _genuine_crl(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    """Issued and signed by ``issuer``, and readable; anything else is ignored like a missing list."""
    try:
        if crl.issuer != issuer.subject:
            return False
        ok = crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
        if ok:
            crl_number(crl)
            list(crl)  # parse every entry now, not during the revocation lookup
        return bool(ok)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return False


def _genuine_cached(
    crl: x509.CertificateRevocationList, issuer: x509.Certificate, cache: VerifyCache
) -> bool:
    key = cache.key(crl, issuer)
    found = cache._genuine.get(key)
    if found is None:
        found = cache._genuine[key] = _genuine_crl(crl, issuer)
    return found


def _current_crl(
    issuer: x509.Certificate,
    what: str,
    candidates: Sequence[x509.CertificateRevocationList],
    now: dt.datetime,
    cache: VerifyCache,
) -> x509.CertificateRevocationList:
    genuine = [c for c in candidates if _genuine_cached(c, issuer, cache)]
    if not genuine:
        _reject("crl_missing", f"There is no revocation list from {what}; ask them for a new one.")
    newest = max(genuine, key=lambda c: (crl_number(c), c.last_update_utc))
    next_update = newest.next_update_utc
    if next_update is None or next_update < now:
        when = f"{next_update:%Y-%m-%d}" if next_update else "(no date)"
        _reject(
            "crl_expired",
            f"The revocation list from {what} expired on {when}; ask them for a new one.",
        )
    return newest


def _check_revocation(
    signer: x509.Certificate,
    ca: x509.Certificate,
    root: x509.Certificate,
    candidates: Sequence[x509.CertificateRevocationList],
    now: dt.datetime,
    cache: VerifyCache,
) -> tuple[x509.CertificateRevocationList, ...]:
    ca_code = identity_of(ca.subject).code
    root_crl = _current_crl(root, "the ministry", candidates, now, cache)
    if root_crl.get_revoked_certificate_by_serial_number(ca.serial_number) is not None:
        _reject("revoked", f"The certificate of district {ca_code} has been revoked by the ministry.")
    ca_crl = _current_crl(ca, f"district {ca_code}", candidates, now, cache)
    if ca_crl.get_revoked_certificate_by_serial_number(signer.serial_number) is not None:
        who = identity_of(signer.subject).code
        _reject("revoked", f"The signing certificate of {who} has been revoked by district {ca_code}.")
    return root_crl, ca_crl


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
        _reject("malformed_payload", "The bundle's content is not valid.")
    try:
        canonical = canonical_json(obj) == content
    except (ValueError, RecursionError) as exc:
        raise BundleRejected("malformed_payload", "The bundle's content is not valid.") from exc
    if not canonical:
        _reject("malformed_payload", "The bundle's content is not in canonical form.")
    return obj


@dataclass(frozen=True)
class SignedContent:
    """A SignedData whose signature, chain to the pinned root and revocation have been checked."""

    content: bytes
    signer_cert: x509.Certificate
    signer: Identity
    ca_cert: x509.Certificate


def verify_signed_data(
    inner: bytes, trust: TrustStore, now: dt.datetime | None = None, cache: VerifyCache | None = None
) -> SignedContent:
    """The checks of :func:`open_bundle` after decryption, for signed files that are not enveloped
    (a district's return notice): signature → chain to the pinned root → revocation. The content
    is not interpreted. ``BundleRejected`` with the same reason codes."""
    now = now or dt.datetime.now(dt.UTC)
    cache = cache or VerifyCache()
    signed = _verify_signature(_parse_signed(inner, cache))
    ca, signer_id = _check_chain(signed, trust.root, now, cache)
    _check_revocation(signed.signer, ca, trust.root, [*signed.crls, *trust.crls], now, cache)
    return SignedContent(signed.content, signed.signer, signer_id, ca)


def parse_canonical_json(content: bytes) -> dict[str, Any]:
    """A signed JSON object, refused (``malformed_payload``) unless strict and canonical."""
    return _parse_payload(content)


def open_bundle(
    data: bytes,
    recipient_key: rsa.RSAPrivateKey,
    recipient_cert: x509.Certificate,
    trust: TrustStore,
    now: dt.datetime | None = None,
    cache: VerifyCache | None = None,
) -> VerifiedBundle:
    """Decrypt and verify a bundle; every failure is a ``BundleRejected`` with its reason code.

    ``cache`` (one per batch) saves re-checking the same district CA and CRLs for every bundle.

    Order: size → envelope → decrypt → signature → chain to the pinned root (with validity) →
    revocation (CRLs from the bundle and the trust store; fail closed when missing or expired) →
    payload parse → recipient binding → sender == signer → schema version → strict schema.
    """
    now = now or dt.datetime.now(dt.UTC)
    if not isinstance(data, bytes | bytearray | memoryview):
        _reject("not_a_bundle", "This file is not an SHSC bundle.")
    data = bytes(data)
    if len(data) > MAX_BUNDLE_SIZE:
        _reject(
            "too_large", f"The file is larger than {MAX_BUNDLE_SIZE // (1024 * 1024)} MB; it is not a bundle."
        )
    if not data:
        _reject("not_a_bundle", "The file is empty.")
    _parse_envelope(data)
    inner = _decrypt(data, recipient_key, recipient_cert)
    cache = cache or VerifyCache()
    signed = _verify_signature(_parse_signed(inner, cache))
    ca, signer_id = _check_chain(signed, trust.root, now, cache)
    used_crls = _check_revocation(signed.signer, ca, trust.root, [*signed.crls, *trust.crls], now, cache)

    # Only now is the content authentic; interpret it.
    payload = _parse_payload(signed.content)
    recipient = payload.get("recipient")
    sender = payload.get("sender")
    if not isinstance(recipient, dict) or not isinstance(sender, dict):
        _reject("malformed_payload", "The bundle names no sender or recipient.")
    ours = identity_of(recipient_cert.subject)
    claimed_fp = recipient.get("certificate_sha256")
    if not isinstance(claimed_fp, str) or not _HASH_RE.fullmatch(claimed_fp):
        _reject("malformed_payload", "The bundle names no recipient certificate.")
    fp_ok = hmac.compare_digest(bytes.fromhex(claimed_fp), cache.fingerprint(recipient_cert))
    if recipient.get("code") != ours.code or not fp_ok:
        _reject(
            "wrong_recipient",
            f"This bundle was written for office {recipient.get('code')!s:.12}, not for this office; "
            "it may have been forwarded.",
        )
    if sender.get("code") != signer_id.code or sender.get("level") != signer_id.level:
        _reject(
            "sender_mismatch",
            f"The bundle claims to come from {sender.get('code')!s:.12} but is signed by {signer_id.code}.",
        )
    version = payload.get("schema_version")
    if not _is_int(version, 1) or version not in KNOWN_SCHEMA_VERSIONS:
        _reject(
            "schema_unknown",
            f"The bundle uses data format version {version!s:.12}, which this version of the app does "
            "not know; update the app.",
        )
    problems = validate_payload(payload)
    if problems:
        _reject("malformed_payload", f"The bundle's content is not valid: {', '.join(problems)}.")
    return VerifiedBundle(
        payload=payload,
        content=signed.content,
        content_sha256=hashlib.sha256(signed.content).hexdigest(),
        signed_data=inner,
        signer_cert=signed.signer,
        ca_cert=ca,
        crls=used_crls,
    )
