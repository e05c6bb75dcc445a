"""The exchange PKI's shared vocabulary: office levels and key purposes, certificate subjects and
the office-key extension, fingerprints, PEM, and the trust store an office keeps.

Trust mirrors the administration (DESIGN.md §4)::

    ministry root CA  (RSA 3072, 25 years, CA, pathlen 1, keyCertSign + cRLSign)
    ├── ministry encryption certificate        (receives district bundles; keyEncipherment)
    ├── district CA "1201"  (10 years, CA, pathlen 0, keyCertSign + cRLSign)
    │   ├── commune signing certificate "120101"   (2 years; digitalSignature + nonRepudiation,
    │   │                                            EKU emailProtection)
    │   └── district signing certificate "1201"    (signs the district's bundles to the ministry)
    └── district encryption certificate "1201" (receives commune bundles; keyEncipherment)

Every sender's chain therefore has the same fixed depth: signer → district CA → pinned root. A district
CA may only certify its own communes (their code starts with the district code) and itself.

The rest of the PKI is split by job: ``pki_keys`` generates the RSA keys and keeps them only
encrypted, ``pki_issue`` builds and signs certificates and CRLs (what a CA does), and
``pki_enrolment`` is the request / certificate-package exchange by file, with the chain checks of
the package.
"""

from __future__ import annotations

import datetime as dt
import enum
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

ORGANISATION = "SHSC"
COUNTRY = "KH"

_CODE_RE = re.compile(r"^[0-9A-Z]{2,12}$")
_OFFICE_FP_RE = re.compile(r"^[0-9A-F]{4}(-[0-9A-F]{4}){4}$")

#: Certificate extension (non-critical) binding an enrolled office's *office keys* (its identity and
#: signing keys, ``security.identity``) to its certificates: a DER UTF8String holding their
#: fingerprint as printed on the recovery sheet. The OID is a UUID OID (ITU-T X.667, arc 2.25), so
#: it needs no registration. docs/bundle-format.md §8.
OFFICE_KEYS_OID = x509.ObjectIdentifier("2.25.273175471296083391165781250449990395677")


class Level(enum.StrEnum):
    COMMUNE = "commune"
    DISTRICT = "district"
    MINISTRY = "ministry"


class Purpose(enum.StrEnum):
    ROOT = "root"
    CA = "ca"
    SIGNING = "signing"
    ENCRYPTION = "encryption"


#: Which keys each level holds (and requests from the office above).
KEYS_BY_LEVEL: dict[Level, tuple[Purpose, ...]] = {
    Level.COMMUNE: (Purpose.SIGNING,),
    Level.DISTRICT: (Purpose.CA, Purpose.ENCRYPTION, Purpose.SIGNING),
    Level.MINISTRY: (Purpose.ROOT, Purpose.ENCRYPTION),
}
#: What the upper office certifies from a request; a district certifies its own signing key itself.
REQUESTED_BY_LEVEL: dict[Level, tuple[Purpose, ...]] = {
    Level.COMMUNE: (Purpose.SIGNING,),
    Level.DISTRICT: (Purpose.CA, Purpose.ENCRYPTION),
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_code(code: str) -> str:
    if not isinstance(code, str) or not _CODE_RE.match(code):
        raise ValueError(f"invalid office code {code!r}")
    return code


# ---------------------------------------------------------------------------------------------------
# The office-key extension


def check_office_fingerprint(text: str) -> str:
    if not isinstance(text, str) or not _OFFICE_FP_RE.match(text):
        raise ValueError("invalid office-key fingerprint")
    return text


def office_keys_extension(office_fingerprint: str) -> x509.UnrecognizedExtension:
    raw = check_office_fingerprint(office_fingerprint).encode("ascii")
    return x509.UnrecognizedExtension(OFFICE_KEYS_OID, bytes([0x0C, len(raw)]) + raw)


def office_keys_of(cert: x509.Certificate) -> str | None:
    """The office-key fingerprint a certificate binds (:data:`OFFICE_KEYS_OID`), None if it binds
    none (issued before the extension existed) or the value is not one."""
    try:
        ext = cert.extensions.get_extension_for_oid(OFFICE_KEYS_OID).value
    except x509.ExtensionNotFound:
        return None
    value = getattr(ext, "value", b"")
    if len(value) < 2 or value[0] != 0x0C or value[1] != len(value) - 2:
        return None
    try:
        return check_office_fingerprint(value[2:].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------------
# Certificates


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def crl_pem(crl: x509.CertificateRevocationList) -> bytes:
    return crl.public_bytes(serialization.Encoding.PEM)


def fingerprint_bytes(cert: x509.Certificate) -> bytes:
    return cert.fingerprint(hashes.SHA256())


def format_fingerprint(digest: bytes) -> str:
    """``AB12 CD34 …``: 16 groups of four hex digits, easy to read out over the phone."""
    text = digest.hex().upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, in groups, for people to compare on both sides."""
    return format_fingerprint(fingerprint_bytes(cert))


def fingerprints_equal(a: x509.Certificate, b: x509.Certificate) -> bool:
    return hmac.compare_digest(fingerprint_bytes(a), fingerprint_bytes(b))


def subject_name(level: Level, code: str, purpose: Purpose) -> x509.Name:
    label = {
        Purpose.ROOT: f"SHSC {level} root CA {code}",
        Purpose.CA: f"SHSC {level} CA {code}",
        Purpose.SIGNING: f"SHSC {level} {code}",
        Purpose.ENCRYPTION: f"SHSC {level} {code} encryption",
    }[purpose]
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, COUNTRY),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, str(level)),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, code),
            x509.NameAttribute(NameOID.COMMON_NAME, label),
        ]
    )


@dataclass(frozen=True)
class Identity:
    """Office code and level as written in a certificate subject (serialNumber and OU)."""

    code: str
    level: str


def identity_of(name: x509.Name) -> Identity:
    codes = name.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    levels = name.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    if len(codes) != 1 or len(levels) != 1:
        raise ValueError("the certificate names no single office")
    code, level = codes[0].value, levels[0].value
    if not isinstance(code, str) or not isinstance(level, str) or not _CODE_RE.match(code):
        raise ValueError("the certificate names no valid office code")
    if level not in {lv.value for lv in Level}:
        raise ValueError("the certificate names no valid office level")
    return Identity(code, level)


def crl_number(crl: x509.CertificateRevocationList) -> int:
    try:
        return int(crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number)
    except x509.ExtensionNotFound:
        return 0


def load_certificates(pems: Sequence[bytes]) -> list[x509.Certificate]:
    return [x509.load_pem_x509_certificate(p) for p in pems]


@dataclass
class TrustStore:
    """The pinned ministry root and the newest CRLs this office has seen (the import service keeps it)."""

    root: x509.Certificate
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)
