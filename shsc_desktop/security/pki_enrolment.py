"""Enrolment by file exchange: the request a lower office writes, the certificate package the
office above answers with, and the checks of that package against the request and the pinned root.

Enrolment is a file exchange: the lower office writes a *request* (``make_request``: JSON with its code,
level and one PKCS#10 CSR per key, each self-signed so it proves possession of the key); the upper office
checks it and writes a *certificate package* (``sign_request``: the issued certificates, the chain up to
the root, the current CRLs and the upper office's encryption certificate, to which bundles go); the lower
office checks the package against its own request (``accept_package``). Both sides show
``fingerprint()`` values to read out over the phone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import itertools
import json
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ..errors import EnrolmentRejected
from .pki import (
    REQUESTED_BY_LEVEL,
    Identity,
    Level,
    Purpose,
    cert_pem,
    check_code,
    check_office_fingerprint,
    crl_pem,
    fingerprint,
    fingerprints_equal,
    format_fingerprint,
    identity_of,
    office_keys_of,
    subject_name,
    utcnow,
)
from .pki_issue import (
    CA_VALIDITY,
    ENCRYPTION_VALIDITY,
    SIGNING_VALIDITY,
    CertificateAuthority,
    issue_certificate,
)
from .pki_keys import OfficeKeys

REQUEST_FORMAT = "shsc-enrolment-request"
PACKAGE_FORMAT = "shsc-certificate-package"
FORMAT_VERSION = 1
MAX_ENROLMENT_FILE = 1024 * 1024


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
            .subject_name(subject_name(level, office_code, purpose))
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
        cert = issue_certificate(
            ca.key,
            ca.cert,
            subject_name(req.level, req.code, purpose),
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
