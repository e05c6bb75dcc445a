"""The exchange PKI: ministry root, district CAs, commune signing and office encryption certificates.

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

Why EKU ``emailProtection`` on signing certificates: a bundle is CMS, i.e. S/MIME without the mail
headers, and ``openssl cms -verify -purpose smimesign`` (the reference check quoted in
``docs/bundle-format.md``) accepts a leaf only if its extended key usage, when present, contains
emailProtection and its key usage contains digitalSignature or nonRepudiation. Stating the EKU
explicitly (rather than omitting it, which OpenSSL would also accept) limits the key to this one use.
nonRepudiation is set because a monthly report is an official statement of the commune.

Enrolment is a file exchange: the lower office writes a *request* (``make_request``: JSON with its code,
level and one PKCS#10 CSR per key, each self-signed so it proves possession of the key); the upper office
checks it and writes a *certificate package* (``sign_request``: the issued certificates, the chain up to
the root, the current CRLs and the upper office's encryption certificate, to which bundles go); the lower
office checks the package against its own request (``accept_package``). Both sides show
``fingerprint()`` values to read out over the phone.

Private keys are stored only encrypted through a ``KeyStore`` (``save_private_key`` /
``load_private_key``): PKCS#8 DER sealed with AES-256-GCM under a key derived by HKDF from the office
data key, a random nonce per key and the key's name as associated data (``WRAP_MAGIC`` marks this
version 2). Version 1 blobs (encrypted PKCS#8 PEM under an HKDF-derived password) still load; the next
data-key rotation re-wraps them as version 2. ``encrypt_private_key`` (``BestAvailableEncryption``) is
for keys exported under a person's password, where the slow password KDF matters.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import hashlib
import hmac
import itertools
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ..errors import EnrolmentRejected

PRODUCTION_KEY_SIZE = 3072
ORGANISATION = "SHSC"
COUNTRY = "KH"

ROOT_VALIDITY = dt.timedelta(days=25 * 365)
CA_VALIDITY = dt.timedelta(days=10 * 365)
ENCRYPTION_VALIDITY = dt.timedelta(days=5 * 365)
SIGNING_VALIDITY = dt.timedelta(days=2 * 365)
ROOT_CRL_VALIDITY = dt.timedelta(days=180)  # the root is offline: re-signed twice a year
CA_CRL_VALIDITY = dt.timedelta(days=45)  # a district re-signs monthly, with two weeks' grace
BACKDATE = dt.timedelta(minutes=10)  # tolerate small clock differences between offices

REQUEST_FORMAT = "shsc-enrolment-request"
PACKAGE_FORMAT = "shsc-certificate-package"
FORMAT_VERSION = 1
MAX_ENROLMENT_FILE = 1024 * 1024

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
# Keys


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


def generate_key(key_size: int = PRODUCTION_KEY_SIZE) -> rsa.RSAPrivateKey:
    """RSA, because ``PKCS7EnvelopeBuilder`` only encrypts to RSA recipients (3072 in production)."""
    if key_size < 2048:
        raise ValueError("RSA keys must have at least 2048 bits")
    return rsa.generate_private_key(public_exponent=65537, key_size=key_size)


@dataclass
class OfficeKeys:
    """The private keys one office holds, by purpose (see ``KEYS_BY_LEVEL``)."""

    keys: dict[Purpose, rsa.RSAPrivateKey] = field(default_factory=dict)

    @classmethod
    def generate(cls, level: Level | str, key_size: int = PRODUCTION_KEY_SIZE) -> OfficeKeys:
        return cls({p: generate_key(key_size) for p in KEYS_BY_LEVEL[Level(level)]})

    def get(self, purpose: Purpose) -> rsa.RSAPrivateKey:
        try:
            return self.keys[purpose]
        except KeyError:
            raise ValueError(f"this office has no {purpose} key") from None


class KeyStore(Protocol):
    """Where PEM blobs live (later: a table in the encrypted database). Names are e.g. ``key/signing``."""

    def put(self, name: str, blob: bytes) -> None: ...

    def get(self, name: str) -> bytes | None: ...


class MemoryKeyStore:
    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def put(self, name: str, blob: bytes) -> None:
        self.blobs[name] = bytes(blob)

    def get(self, name: str) -> bytes | None:
        return self.blobs.get(name)


def _key_password(data_key: bytes, name: str) -> bytes:
    """Version 1 (legacy, read only): a per-key password derived from the office data key."""
    if len(data_key) < 32:
        raise ValueError("the data key must have 256 bits")
    raw = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"shsc pki private key v1:" + name.encode()
    ).derive(data_key)
    return base64.b64encode(raw)


#: Version 2 stored key: ``WRAP_MAGIC || nonce (12 bytes) || AES-256-GCM(PKCS#8 DER, aad)``.
WRAP_MAGIC = b"SHSC-PKEY\x00\x02"
_WRAP_NONCE = 12


def _wrap_key(data_key: bytes, name: str) -> bytes:
    """A per-key AES-256 key derived by HKDF from the office data key (never stored)."""
    if len(data_key) < 32:
        raise ValueError("the data key must have 256 bits")
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"shsc pki private key wrap v2:" + name.encode()
    ).derive(data_key)


def _wrap_aad(name: str, magic: bytes = WRAP_MAGIC) -> bytes:
    """Binds a wrapped key to its name (purpose) and version: a blob moved to another name, or
    relabelled as the other version, does not open."""
    return magic + b"key/" + name.encode()


#: Version 3: the version 2 construction, but under a secret only the office's administrators hold
#: (derived from the office signing key, ``security.keystore.office_wrap_secret``), not the data key.
OFFICE_WRAP_MAGIC = b"SHSC-PKEY\x00\x03"


def is_legacy_wrapped(blob: bytes) -> bool:
    """True for a version 1 blob (encrypted PKCS#8 PEM), which the next rotation re-wraps."""
    return not blob.startswith((WRAP_MAGIC, OFFICE_WRAP_MAGIC))


def is_office_wrapped(blob: bytes) -> bool:
    """True for a version 3 blob: it opens only with the office secret, never the data key."""
    return blob.startswith(OFFICE_WRAP_MAGIC)


def wrap_private_key(
    key: rsa.RSAPrivateKey, data_key: bytes, name: str, *, magic: bytes = WRAP_MAGIC
) -> bytes:
    """Version 2: PKCS#8 DER sealed with AES-256-GCM under an HKDF-derived key, random nonce.

    The data key is already a random 256-bit secret, so no password KDF is needed. The key is checked
    here (OpenSSL's full RSA consistency check, ~0.1 s for RSA 3072) before it is sealed, once; the GCM
    tag then proves at every unwrap that the blob is exactly what was checked, so
    ``unwrap_private_key`` need not repeat the check (see there).
    """
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    if not isinstance(serialization.load_der_private_key(der, password=None), rsa.RSAPrivateKey):
        raise ValueError("not an RSA private key")
    nonce = os.urandom(_WRAP_NONCE)
    sealed = AESGCM(_wrap_key(data_key, name)).encrypt(nonce, der, _wrap_aad(name, magic))
    return magic + nonce + sealed


def unwrap_private_key(blob: bytes, data_key: bytes, name: str) -> rsa.RSAPrivateKey:
    """Open a stored key of either version; ``ValueError`` if the data key (or name) is wrong.

    Loading an RSA key normally re-runs OpenSSL's consistency check (primality of p and q, CRT
    values): ~0.1 s for RSA 3072, nearly all of the cost of opening a key. A version 2 blob skips it:
    the AES-GCM tag (under a key derived from the data key, bound to the key's name) proves the DER is
    byte for byte what ``wrap_private_key`` checked before sealing, and only a holder of the data key,
    who can read the key anyway, could have sealed anything else. Version 1 blobs (AES-CBC, not
    authenticated) keep the full check.
    """
    if is_legacy_wrapped(blob):
        return decrypt_private_key(blob, _key_password(data_key, name))
    magic = OFFICE_WRAP_MAGIC if is_office_wrapped(blob) else WRAP_MAGIC
    body = blob[len(magic) :]
    if len(body) <= _WRAP_NONCE:
        raise ValueError("damaged private key blob")
    try:
        der = AESGCM(_wrap_key(data_key, name)).decrypt(
            body[:_WRAP_NONCE], body[_WRAP_NONCE:], _wrap_aad(name, magic)
        )
    except InvalidTag:
        raise ValueError("the private key does not open with this data key") from None
    key = serialization.load_der_private_key(der, password=None, unsafe_skip_rsa_key_validation=True)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("not an RSA private key")
    return key


def encrypt_private_key(key: rsa.RSAPrivateKey, password: bytes) -> bytes:
    """Encrypted PKCS#8 PEM under a user's password, readable by ``openssl pkey -in key.pem``."""
    if not password:
        raise ValueError("a private key is never serialised without a password")
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password),
    )


def decrypt_private_key(pem: bytes, password: bytes) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem, password=password)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("not an RSA private key")
    return key


def save_private_key(store: KeyStore, name: str, key: rsa.RSAPrivateKey, data_key: bytes) -> None:
    store.put(f"key/{name}", wrap_private_key(key, data_key, name))


def load_private_key(store: KeyStore, name: str, data_key: bytes) -> rsa.RSAPrivateKey:
    blob = store.get(f"key/{name}")
    if blob is None:
        raise KeyError(name)
    return unwrap_private_key(blob, data_key, name)


def rewrap_private_key(store: KeyStore, name: str, old_data_key: bytes, new_data_key: bytes) -> None:
    """After a data-key rotation: re-wrap the stored key (either version) under the new data key.

    Always writes version 2, so a rotation also upgrades keys stored in the legacy format.
    """
    save_private_key(store, name, load_private_key(store, name, old_data_key), new_data_key)


def save_office_keys(store: KeyStore, keys: OfficeKeys, data_key: bytes) -> None:
    for purpose, key in keys.keys.items():
        save_private_key(store, str(purpose), key, data_key)


def load_office_keys(store: KeyStore, level: Level | str, data_key: bytes) -> OfficeKeys:
    return OfficeKeys({p: load_private_key(store, str(p), data_key) for p in KEYS_BY_LEVEL[Level(level)]})


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


def _name(level: Level, code: str, purpose: Purpose) -> x509.Name:
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


def _builder(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: rsa.RSAPublicKey,
    issuer_public_key: rsa.RSAPublicKey,
    now: dt.datetime,
    validity: dt.timedelta,
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + validity)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public_key), critical=False)
    )


def _key_usage(*, signing: bool = False, encipher: bool = False, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,
        key_encipherment=encipher,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _issue(
    issuer_key: rsa.RSAPrivateKey,
    issuer_cert: x509.Certificate | None,
    subject: x509.Name,
    public_key: rsa.RSAPublicKey,
    purpose: Purpose,
    validity: dt.timedelta,
    now: dt.datetime,
    office_keys: str | None = None,
) -> x509.Certificate:
    issuer_name = subject if issuer_cert is None else issuer_cert.subject
    b = _builder(subject, issuer_name, public_key, issuer_key.public_key(), now, validity)
    if office_keys is not None:
        b = b.add_extension(office_keys_extension(office_keys), critical=False)
    if purpose is Purpose.ROOT:
        b = b.add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        b = b.add_extension(_key_usage(ca=True), critical=True)
    elif purpose is Purpose.CA:
        b = b.add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        b = b.add_extension(_key_usage(ca=True), critical=True)
    elif purpose is Purpose.SIGNING:
        b = b.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        b = b.add_extension(_key_usage(signing=True), critical=True)
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
    else:
        b = b.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        b = b.add_extension(_key_usage(encipher=True), critical=True)
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
    return b.sign(issuer_key, hashes.SHA256())


def empty_crl(
    key: rsa.RSAPrivateKey, cert: x509.Certificate, now: dt.datetime, validity: dt.timedelta
) -> x509.CertificateRevocationList:
    return _build_crl(key, cert, [], 1, now, validity)


def _build_crl(
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    revoked: Iterable[x509.RevokedCertificate],
    number: int,
    now: dt.datetime,
    validity: dt.timedelta,
) -> x509.CertificateRevocationList:
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(cert.subject)
        .last_update(now - BACKDATE)
        .next_update(now + validity)
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False)
    )
    for entry in revoked:
        b = b.add_revoked_certificate(entry)
    return b.sign(key, hashes.SHA256())


def crl_number(crl: x509.CertificateRevocationList) -> int:
    try:
        return int(crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number)
    except x509.ExtensionNotFound:
        return 0


@dataclass(frozen=True)
class CertificateAuthority:
    """What an issuing office (ministry root or district CA) holds to certify the office below.

    ``chain`` runs from this CA's issuer up to the root (empty for the root); ``crls`` are the current
    CRLs of the chain above (the root's, for a district); ``crl`` is this CA's own list;
    ``encryption_cert`` is this office's receiving certificate, handed down in every package.
    """

    level: Level
    code: str
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    crl: x509.CertificateRevocationList
    encryption_cert: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()
    crls: tuple[x509.CertificateRevocationList, ...] = ()
    crl_validity: dt.timedelta = CA_CRL_VALIDITY

    @property
    def root(self) -> x509.Certificate:
        return self.chain[-1] if self.chain else self.cert

    def all_crls(self) -> list[x509.CertificateRevocationList]:
        return [self.crl, *self.crls]

    def with_crl(self, crl: x509.CertificateRevocationList) -> CertificateAuthority:
        return replace(self, crl=crl)


def create_ministry(
    code: str, keys: OfficeKeys, now: dt.datetime | None = None
) -> tuple[CertificateAuthority, x509.Certificate]:
    """The ministry's root CA (self-signed), its first CRL and its encryption certificate."""
    now = now or utcnow()
    check_code(code)
    root_key = keys.get(Purpose.ROOT)
    subject = _name(Level.MINISTRY, code, Purpose.ROOT)
    root = _issue(root_key, None, subject, root_key.public_key(), Purpose.ROOT, ROOT_VALIDITY, now)
    enc = _issue(
        root_key,
        root,
        _name(Level.MINISTRY, code, Purpose.ENCRYPTION),
        keys.get(Purpose.ENCRYPTION).public_key(),
        Purpose.ENCRYPTION,
        ENCRYPTION_VALIDITY,
        now,
    )
    ca = CertificateAuthority(
        level=Level.MINISTRY,
        code=code,
        key=root_key,
        cert=root,
        crl=empty_crl(root_key, root, now, ROOT_CRL_VALIDITY),
        encryption_cert=enc,
        crl_validity=ROOT_CRL_VALIDITY,
    )
    return ca, root


def refresh_crl(ca: CertificateAuthority, now: dt.datetime | None = None) -> x509.CertificateRevocationList:
    """Re-sign the current list with a fresh nextUpdate (the monthly routine)."""
    now = now or utcnow()
    return _build_crl(ca.key, ca.cert, list(ca.crl), crl_number(ca.crl) + 1, now, ca.crl_validity)


def revoke(
    ca: CertificateAuthority,
    serial: int,
    reason: x509.ReasonFlags = x509.ReasonFlags.unspecified,
    now: dt.datetime | None = None,
) -> x509.CertificateRevocationList:
    """A new CRL of ``ca`` that adds ``serial``; store it with ``ca.with_crl(new)`` and send it down."""
    now = now or utcnow()
    entries = [e for e in ca.crl if e.serial_number != serial]
    b = x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(now)
    if reason is not x509.ReasonFlags.unspecified:
        b = b.add_extension(x509.CRLReason(reason), critical=False)
    entries.append(b.build())
    return _build_crl(ca.key, ca.cert, entries, crl_number(ca.crl) + 1, now, ca.crl_validity)


def issue_own_signing_certificate(
    ca: CertificateAuthority, signing_key: rsa.RSAPrivateKey, now: dt.datetime | None = None
) -> x509.Certificate:
    """A district certifies its own signing key (for bundles to the ministry) under its CA; the
    office-key fingerprint the ministry bound into the CA certificate is bound into it too."""
    if ca.level is not Level.DISTRICT:
        raise ValueError("only a district signs its own bundles under its CA")
    return _issue(
        ca.key,
        ca.cert,
        _name(Level.DISTRICT, ca.code, Purpose.SIGNING),
        signing_key.public_key(),
        Purpose.SIGNING,
        SIGNING_VALIDITY,
        now or utcnow(),
        office_keys_of(ca.cert),
    )


# ---------------------------------------------------------------------------------------------------
# Enrolment by file exchange


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _load_json(data: bytes, fmt: str, what: str) -> dict[str, Any]:
    if not isinstance(data, bytes | bytearray) or len(data) > MAX_ENROLMENT_FILE:
        raise EnrolmentRejected("malformed", f"This is not a {what} (empty or too large).")
    try:
        obj = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise EnrolmentRejected("malformed", f"This is not a {what}.") from exc
    if not isinstance(obj, dict) or obj.get("format") != fmt:
        raise EnrolmentRejected("malformed", f"This is not a {what}.")
    if obj.get("version") != FORMAT_VERSION:
        raise EnrolmentRejected("version", f"This {what} has an unknown format version.")
    return obj


def request_digest(request: bytes) -> str:
    return hashlib.sha256(request).hexdigest()


def request_fingerprint(request: bytes) -> str:
    """What both offices read out to each other: SHA-256 of the request file, in groups."""
    return format_fingerprint(hashlib.sha256(request).digest())


def make_request(
    office_code: str,
    level: Level | str,
    keys: OfficeKeys,
    names: dict[str, str] | None = None,
    office_keys: str | None = None,
) -> bytes:
    """The enrolment request file of a commune or district: one self-signed CSR per requested key,
    and (``office_keys``) the fingerprint of the office's own keys, for the office above to bind."""
    level = Level(level)
    check_code(office_code)
    if level not in REQUESTED_BY_LEVEL:
        raise ValueError("the ministry holds the root and requests nothing")
    csrs = {}
    for purpose in REQUESTED_BY_LEVEL[level]:
        key = keys.get(purpose)
        csr = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(_name(level, office_code, purpose))
            .sign(key, hashes.SHA256())
        )
        csrs[str(purpose)] = csr.public_bytes(serialization.Encoding.PEM).decode("ascii")
    body = {
        "format": REQUEST_FORMAT,
        "version": FORMAT_VERSION,
        "office": {"code": office_code, "level": str(level), "names": dict(names or {})},
        "csrs": csrs,
    }
    if office_keys is not None:
        body["office_keys"] = check_office_fingerprint(office_keys)
    return _canonical(body)


@dataclass(frozen=True)
class EnrolmentRequest:
    code: str
    level: Level
    names: dict[str, str]
    public_keys: dict[Purpose, rsa.RSAPublicKey]
    digest: str
    office_keys: str | None = None  # the office-key fingerprint (None: a request made before it)


def parse_request(request: bytes) -> EnrolmentRequest:
    obj = _load_json(request, REQUEST_FORMAT, "certificate request")
    try:
        office = obj["office"]
        code = check_code(office["code"])
        level = Level(office["level"])
        names = {str(k): str(v) for k, v in dict(office.get("names", {})).items()}
        wanted = REQUESTED_BY_LEVEL[level]
        csrs = obj["csrs"]
        if set(csrs) != {str(p) for p in wanted}:
            raise ValueError("unexpected set of keys")
        public_keys: dict[Purpose, rsa.RSAPublicKey] = {}
        for purpose in wanted:
            csr = x509.load_pem_x509_csr(str(csrs[str(purpose)]).encode("ascii"))
            if not csr.is_signature_valid:
                raise ValueError("a request signature is not valid")
            pub = csr.public_key()
            if not isinstance(pub, rsa.RSAPublicKey) or pub.key_size < 2048:
                raise ValueError("keys must be RSA with at least 2048 bits")
            ident = identity_of(csr.subject)
            if ident != Identity(code, str(level)):
                raise ValueError("a request names another office")
            public_keys[purpose] = pub
        office_keys = obj.get("office_keys")
        if office_keys is not None:
            office_keys = check_office_fingerprint(office_keys)
    except (KeyError, TypeError, ValueError, UnicodeEncodeError) as exc:
        raise EnrolmentRejected("malformed", f"The certificate request is not valid: {exc}") from exc
    if len({k.public_numbers().n for k in public_keys.values()}) != len(public_keys):
        raise EnrolmentRejected("malformed", "The certificate request uses one key for two purposes.")
    return EnrolmentRequest(code, level, names, public_keys, request_digest(request), office_keys)


def sign_request(
    ca: CertificateAuthority,
    request: bytes,
    validity: dt.timedelta | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """Certify a lower office: the package of its certificates, the chain, the CRLs, our encryption cert.

    The root certifies districts; a district CA certifies its own communes only.
    """
    now = now or utcnow()
    req = parse_request(request)
    if ca.level is Level.MINISTRY and req.level is not Level.DISTRICT:
        raise EnrolmentRejected("wrong_level", "The ministry certifies districts only.")
    if ca.level is Level.DISTRICT and (
        req.level is not Level.COMMUNE or not req.code.startswith(ca.code) or req.code == ca.code
    ):
        raise EnrolmentRejected("wrong_level", f"District {ca.code} certifies only its own communes.")
    issued: dict[str, str] = {}
    for purpose, pub in req.public_keys.items():
        default = {Purpose.CA: CA_VALIDITY, Purpose.ENCRYPTION: ENCRYPTION_VALIDITY}.get(
            purpose, SIGNING_VALIDITY
        )
        cert = _issue(
            ca.key,
            ca.cert,
            _name(req.level, req.code, purpose),
            pub,
            purpose,
            validity or default,
            now,
            req.office_keys,
        )
        issued[str(purpose)] = cert_pem(cert).decode("ascii")
    body = {
        "format": PACKAGE_FORMAT,
        "version": FORMAT_VERSION,
        "request_sha256": req.digest,
        "office": {"code": req.code, "level": str(req.level)},
        "issuer": {"code": ca.code, "level": str(ca.level)},
        "certificates": issued,
        "chain": [cert_pem(c).decode("ascii") for c in (ca.cert, *ca.chain)],
        "crls": [crl_pem(c).decode("ascii") for c in ca.all_crls()],
        "recipient_certificate": cert_pem(ca.encryption_cert).decode("ascii"),
    }
    return _canonical(body)


@dataclass(frozen=True)
class AcceptedPackage:
    code: str
    level: Level
    certificates: dict[Purpose, x509.Certificate]
    chain: tuple[x509.Certificate, ...]  # issuer first, root last
    crls: tuple[x509.CertificateRevocationList, ...]
    recipient_cert: x509.Certificate  # the upper office's encryption certificate

    @property
    def root(self) -> x509.Certificate:
        return self.chain[-1]

    def fingerprints(self) -> dict[str, str]:
        shown = {str(p): fingerprint(c) for p, c in self.certificates.items()}
        shown["root"] = fingerprint(self.root)
        shown["recipient"] = fingerprint(self.recipient_cert)
        return shown


def _check_issued(cert: x509.Certificate, issuer: x509.Certificate, now: dt.datetime, what: str) -> None:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature) as exc:
        raise EnrolmentRejected("bad_chain", f"The {what} is not signed by its issuer.") from exc
    if not (cert.not_valid_before_utc <= now <= cert.not_valid_after_utc):
        raise EnrolmentRejected("expired", f"The {what} is not valid now (check the system date).")


def accept_package(
    package: bytes,
    expected_request: bytes,
    pinned_root: x509.Certificate | None = None,
    now: dt.datetime | None = None,
) -> AcceptedPackage:
    """Check a certificate package against the request we sent (and the pinned root, if we have one)."""
    now = now or utcnow()
    req = parse_request(expected_request)
    obj = _load_json(package, PACKAGE_FORMAT, "certificate package")
    if not hmac.compare_digest(str(obj.get("request_sha256", "")), req.digest):
        raise EnrolmentRejected("wrong_request", "This package answers another certificate request.")
    try:
        certs = {
            Purpose(p): x509.load_pem_x509_certificate(str(pem).encode("ascii"))
            for p, pem in dict(obj["certificates"]).items()
        }
        chain = tuple(x509.load_pem_x509_certificate(str(p).encode("ascii")) for p in obj["chain"])
        crls = tuple(x509.load_pem_x509_crl(str(p).encode("ascii")) for p in obj["crls"])
        recipient = x509.load_pem_x509_certificate(str(obj["recipient_certificate"]).encode("ascii"))
    except (KeyError, TypeError, ValueError, UnicodeEncodeError) as exc:
        raise EnrolmentRejected("malformed", "The certificate package is damaged.") from exc
    if set(certs) != set(req.public_keys) or not chain:
        raise EnrolmentRejected("malformed", "The certificate package lacks certificates.")
    root = chain[-1]
    if pinned_root is not None and not fingerprints_equal(root, pinned_root):
        raise EnrolmentRejected("wrong_root", "The package comes from another ministry root.")
    _check_issued(root, root, now, "ministry root")
    for lower, upper in itertools.pairwise(chain):
        _check_issued(lower, upper, now, "CA certificate")
    issuer = chain[0]
    for purpose, cert in certs.items():
        _check_issued(cert, issuer, now, f"{purpose} certificate")
        pub = cert.public_key()
        if (
            not isinstance(pub, rsa.RSAPublicKey)
            or pub.public_numbers() != req.public_keys[purpose].public_numbers()
        ):
            raise EnrolmentRejected("wrong_request", "A certificate is not for the key we requested.")
        if identity_of(cert.subject) != Identity(req.code, str(req.level)):
            raise EnrolmentRejected("wrong_request", "A certificate names another office.")
        if office_keys_of(cert) not in (None, req.office_keys):
            raise EnrolmentRejected("wrong_request", "A certificate binds office keys we did not send.")
    rec_issuer = next((c for c in chain if c.subject == recipient.issuer), None)
    if rec_issuer is None:
        raise EnrolmentRejected("bad_chain", "The recipient certificate has no issuer in the chain.")
    _check_issued(recipient, rec_issuer, now, "recipient certificate")
    for crl in crls:
        crl_issuer = next((c for c in chain if c.subject == crl.issuer), None)
        if crl_issuer is None or not crl.is_signature_valid(crl_issuer.public_key()):  # type: ignore[arg-type]
            raise EnrolmentRejected("bad_chain", "A revocation list in the package is not genuine.")
    return AcceptedPackage(req.code, req.level, certs, chain, crls, recipient)


def load_certificates(pems: Sequence[bytes]) -> list[x509.Certificate]:
    return [x509.load_pem_x509_certificate(p) for p in pems]


@dataclass
class TrustStore:
    """The pinned ministry root and the newest CRLs this office has seen (the import service keeps it)."""

    root: x509.Certificate
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)
