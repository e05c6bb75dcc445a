"""Building a bundle: sign the canonical payload (with the chain and CRLs), encrypt it to the
recipient, and write it under its standard name (``docs/bundle-format.md``).

``cryptography`` 50 cannot put CRLs into SignedData: they are added to the SignedData's ``crls``
field after signing (with ``asn1crypto``; that field is outside the signature, and each CRL is
signed by its issuer), where ``openssl cms -verify -crl_check_all`` finds them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from asn1crypto import cms as acms
from asn1crypto import crl as acrl
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from ..atomic import atomic_write_bytes
from ..security.pki import fingerprint_bytes, identity_of
from .bundle_payload import (
    BUNDLE_FORMAT,
    BUSINESS_FIELDS,
    MAX_BUNDLE_SIZE,
    OFFICE_KEYS_FIELD,
    SCHEMA_VERSION,
    bundle_filename,
    canonical_json,
    validate_payload,
)


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
    unknown = set(payload) - BUSINESS_FIELDS - {OFFICE_KEYS_FIELD}
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
