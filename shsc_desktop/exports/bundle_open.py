"""Opening a bundle: size, envelope, decryption, then the SignedData checks (``bundle_verify``),
then the payload (canonical form, recipient binding, sender, schema). ``open_bundle`` runs the checks
in a fixed order and raises ``BundleRejected(reason, message)`` with one reason code per check; it
never interprets the payload before the signature, chain and revocation checks have passed. Replay,
sequence, revision and period checks need stored state and belong to the import service.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable

from asn1crypto import cms as acms
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from ..errors import BundleRejected
from ..security.pki import TrustStore, identity_of
from .bundle_payload import (
    HASH_RE,
    KNOWN_SCHEMA_VERSIONS,
    MAX_BUNDLE_SIZE,
    VerifiedBundle,
    is_safe_int,
    parse_canonical_json,
    reject,
    validate_payload,
)
from .bundle_verify import ASN1_ERRORS, CANNOT_DECRYPT, VerifyCache, verify_signed_data


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
    except ASN1_ERRORS as exc:
        raise BundleRejected("not_a_bundle", "This file is not an SHSC bundle.") from exc
    if not ok:
        reject("not_a_bundle", "This file is not an SHSC bundle.")


def _decrypt(data: bytes, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> bytes:
    # One message for every failure (wrong recipient, bad key, bad padding, garbage inside), so that
    # the import report is not a decryption oracle beyond what a valid signature reveals.
    try:
        inner = pkcs7.pkcs7_decrypt_der(data, cert, key, [])
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise BundleRejected("cannot_decrypt", CANNOT_DECRYPT) from exc
    return inner


def decrypt_bundle(data: bytes, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> bytes:
    """The envelope's content, or ``BundleRejected("cannot_decrypt")``: the step of ``open_bundle``
    that needs nothing else and runs outside the interpreter lock, so it may run ahead on another
    thread (``open_bundle(decrypted=…)``)."""
    return _decrypt(data, key, cert)


def open_bundle(
    data: bytes,
    recipient_key: rsa.RSAPrivateKey,
    recipient_cert: x509.Certificate,
    trust: TrustStore,
    now: dt.datetime | None = None,
    cache: VerifyCache | None = None,
    decrypted: Callable[[], bytes] | None = None,
) -> VerifiedBundle:
    """Decrypt and verify a bundle; every failure is a ``BundleRejected`` with its reason code.

    ``cache`` (one per batch) saves re-checking the same district CA and CRLs for every bundle.
    ``decrypted``, where ``decrypt_bundle(data, …)`` already ran: called at the decryption step, it
    returns what that returned or raises what it raised (the checks keep their order).

    Order: size → envelope → decrypt → signature → chain to the pinned root (with validity) →
    revocation (CRLs from the bundle and the trust store; fail closed when missing or expired) →
    payload parse → recipient binding → sender == signer → schema version → strict schema.
    """
    now = now or dt.datetime.now(dt.UTC)
    if not isinstance(data, bytes | bytearray | memoryview):
        reject("not_a_bundle", "This file is not an SHSC bundle.")
    data = bytes(data)
    if len(data) > MAX_BUNDLE_SIZE:
        reject(
            "too_large", f"The file is larger than {MAX_BUNDLE_SIZE // (1024 * 1024)} MB; it is not a bundle."
        )
    if not data:
        reject("not_a_bundle", "The file is empty.")
    _parse_envelope(data)
    inner = _decrypt(data, recipient_key, recipient_cert) if decrypted is None else decrypted()
    cache = cache or VerifyCache()
    signed = verify_signed_data(inner, trust, now, cache)
    signer_id = signed.signer

    # Only now is the content authentic; interpret it.
    payload = parse_canonical_json(signed.content)
    recipient = payload.get("recipient")
    sender = payload.get("sender")
    if not isinstance(recipient, dict) or not isinstance(sender, dict):
        reject("malformed_payload", "The bundle names no sender or recipient.")
    ours = identity_of(recipient_cert.subject)
    claimed_fp = recipient.get("certificate_sha256")
    if not isinstance(claimed_fp, str) or not HASH_RE.fullmatch(claimed_fp):
        reject("malformed_payload", "The bundle names no recipient certificate.")
    fp_ok = hmac.compare_digest(bytes.fromhex(claimed_fp), cache.fingerprint(recipient_cert))
    if recipient.get("code") != ours.code or not fp_ok:
        reject(
            "wrong_recipient",
            f"This bundle was written for office {recipient.get('code')!s:.12}, not for this office; "
            "it may have been forwarded.",
        )
    if sender.get("code") != signer_id.code or sender.get("level") != signer_id.level:
        reject(
            "sender_mismatch",
            f"The bundle claims to come from {sender.get('code')!s:.12} but is signed by {signer_id.code}.",
        )
    version = payload.get("schema_version")
    if not is_safe_int(version, 1) or version not in KNOWN_SCHEMA_VERSIONS:
        reject(
            "schema_unknown",
            f"The bundle uses data format version {version!s:.12}, which this version of the app does "
            "not know; update the app.",
        )
    problems = validate_payload(payload)
    if problems:
        reject("malformed_payload", f"The bundle's content is not valid: {', '.join(problems)}.")
    return VerifiedBundle(
        payload=payload,
        content=signed.content,
        content_sha256=hashlib.sha256(signed.content).hexdigest(),
        signed_data=inner,
        signer_cert=signed.signer_cert,
        ca_cert=signed.ca_cert,
        crls=signed.crls,
    )
