"""Sealing to an X25519 public key: ephemeral X25519 + HKDF-SHA256 + AES-256-GCM.

Two uses of the one construction: the data key and the office keys wrapped into each key slot
(``wrap_to`` / ``unwrap``, JSON fields, bound to the office, the slot and the key's purpose), and
form drafts sealed to the user's own slot key (``seal_to`` / ``open_sealed``, one byte string).
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .identity import b64, unb64


def hkdf(secret: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


def _wrap_aad(office_id: str, slot_id: str, purpose: str) -> bytes:
    # The data key's wraps keep their version 1 associated data; the office keys name their purpose.
    return (f"{office_id}:{slot_id}" + (f":{purpose}" if purpose else "")).encode()


def wrap_to(
    public_key: bytes, data_key: bytes, slot_id: str, office_id: str, purpose: str = ""
) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    eph_pub = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    wrap_key = hkdf(shared + eph_pub, b"shsc wrap v1")
    nonce = secrets.token_bytes(12)
    ct = AESGCM(wrap_key).encrypt(nonce, data_key, _wrap_aad(office_id, slot_id, purpose))
    return {"ephemeral": b64(eph_pub), "nonce": b64(nonce), "ct": b64(ct)}


def unwrap(
    private: X25519PrivateKey, wrap: dict[str, str], slot_id: str, office_id: str, purpose: str = ""
) -> bytes:
    eph_pub = unb64(wrap["ephemeral"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    wrap_key = hkdf(shared + eph_pub, b"shsc wrap v1")
    return AESGCM(wrap_key).decrypt(
        unb64(wrap["nonce"]), unb64(wrap["ct"]), _wrap_aad(office_id, slot_id, purpose)
    )


def seal_to(public_key: bytes, plaintext: bytes, context: str) -> bytes:
    """Encrypt ``plaintext`` so that only the holder of ``public_key``'s private half opens it
    (ephemeral X25519 + HKDF-SHA256 + AES-GCM, ``context`` bound as associated data).

    Used for form drafts: sealed to the user's slot key when the office locks, they open only after
    *her* password has opened her slot again; nobody else's password, and not the data key, can.
    """
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    eph_pub = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key = hkdf(shared + eph_pub, b"shsc sealed v1")
    nonce = secrets.token_bytes(12)
    return eph_pub + nonce + AESGCM(key).encrypt(nonce, plaintext, context.encode())


def open_sealed(private: X25519PrivateKey, sealed: bytes, context: str) -> bytes | None:
    """The plaintext of :func:`seal_to`, or ``None`` if this key or context does not open it."""
    if len(sealed) < 32 + 12 + 16:
        return None
    eph_pub, nonce, ct = sealed[:32], sealed[32:44], sealed[44:]
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    key = hkdf(shared + eph_pub, b"shsc sealed v1")
    try:
        return AESGCM(key).decrypt(nonce, ct, context.encode())
    except InvalidTag:
        return None
