"""Issuing in the exchange PKI: building and signing the certificates and CRLs of a CA
(the ministry root and the district CAs).

Why EKU ``emailProtection`` on signing certificates: a bundle is CMS, i.e. S/MIME without the mail
headers, and ``openssl cms -verify -purpose smimesign`` (the reference check quoted in
``docs/bundle-format.md``) accepts a leaf only if its extended key usage, when present, contains
emailProtection and its key usage contains digitalSignature or nonRepudiation. Stating the EKU
explicitly (rather than omitting it, which OpenSSL would also accept) limits the key to this one use.
nonRepudiation is set because a monthly report is an official statement of the commune.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from .pki import (
    Level,
    Purpose,
    check_code,
    crl_number,
    office_keys_extension,
    office_keys_of,
    subject_name,
    utcnow,
)
from .pki_keys import OfficeKeys

ROOT_VALIDITY = dt.timedelta(days=25 * 365)
CA_VALIDITY = dt.timedelta(days=10 * 365)
ENCRYPTION_VALIDITY = dt.timedelta(days=5 * 365)
SIGNING_VALIDITY = dt.timedelta(days=2 * 365)
ROOT_CRL_VALIDITY = dt.timedelta(days=180)  # the root is offline: re-signed twice a year
CA_CRL_VALIDITY = dt.timedelta(days=45)  # a district re-signs monthly, with two weeks' grace
BACKDATE = dt.timedelta(minutes=10)  # tolerate small clock differences between offices


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


def issue_certificate(
    issuer_key: rsa.RSAPrivateKey,
    issuer_cert: x509.Certificate | None,
    subject: x509.Name,
    public_key: rsa.RSAPublicKey,
    purpose: Purpose,
    validity: dt.timedelta,
    now: dt.datetime,
    office_keys: str | None = None,
) -> x509.Certificate:
    """A certificate for ``purpose`` (self-signed when ``issuer_cert`` is None: the root), binding
    ``office_keys`` (the office-key fingerprint) when given."""
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
    subject = subject_name(Level.MINISTRY, code, Purpose.ROOT)
    root = issue_certificate(root_key, None, subject, root_key.public_key(), Purpose.ROOT, ROOT_VALIDITY, now)
    enc = issue_certificate(
        root_key,
        root,
        subject_name(Level.MINISTRY, code, Purpose.ENCRYPTION),
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
    return issue_certificate(
        ca.key,
        ca.cert,
        subject_name(Level.DISTRICT, ca.code, Purpose.SIGNING),
        signing_key.public_key(),
        Purpose.SIGNING,
        SIGNING_VALIDITY,
        now or utcnow(),
        office_keys_of(ca.cert),
    )
