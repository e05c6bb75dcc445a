"""The office's own two keys: who may read survivors' identities, and who may say who is who.

Whoever unlocks the office holds the data key and can rewrite any row, so a right that matters is a
*key* the lower role does not hold, not a column (DESIGN.md §3 "Roles as keys"):

* the **identity key** (X25519). Every record's identifying fields are sealed to its public half
  (:func:`seal`: a fresh ephemeral key per record, HKDF-SHA256, AES-256-GCM, the record bound in as
  associated data). Anyone signed in can seal (a clerk still takes down a name), but only a holder of
  the private half can open; it is wrapped only into the key slots of users granted
  :attr:`~.permissions.Grant.IDENTITY`.
* the **office signing key** (Ed25519). It signs each user's :class:`UserGrant` (username, role,
  grants, and the public key of her own key slot). Its private half is wrapped only into the slots of
  the office's administrators (the chief) and the recovery slot. A clerk who rewrites her role column,
  or her slot's grant, cannot produce a signature that verifies: the unlock refuses her.

The public halves are anchored in the key-slot file where a clerk cannot swap them unnoticed (see
``security.vault``: bound into every administrator's slot as associated data of her password-sealed
private key).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SEAL_VERSION = 1
_SEAL_HEADER = 1 + 32 + 12  # version, ephemeral public key, nonce
_RAW = serialization.Encoding.Raw


class SealBroken(ValueError):
    """A sealed value that does not open with the identity key (damaged, swapped or foreign)."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def x25519_public(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def ed25519_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def raw_private(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())


# --- sealing identifying fields --------------------------------------------------------------------


def _seal_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"shsc identity seal v1").derive(
        shared + ephemeral + recipient
    )


class Sealer:
    """Seals values to the identity key. One ephemeral key per sealer: a bulk job (sealing an
    older office's records, synthetic data) reuses it with a fresh nonce per value, which keeps
    50,000 records to AES-GCM cost; :func:`seal` makes a new one per record."""

    def __init__(self, identity_public: bytes) -> None:
        ephemeral = X25519PrivateKey.generate()
        self._eph_pub = x25519_public(ephemeral)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(identity_public))
        self._aead = AESGCM(_seal_key(shared, self._eph_pub, identity_public))

    def seal(self, payload: dict[str, Any], context: str) -> bytes:
        nonce = secrets.token_bytes(12)
        body = self._aead.encrypt(nonce, canonical(payload), context.encode("utf-8"))
        return bytes([SEAL_VERSION]) + self._eph_pub + nonce + body


def seal(identity_public: bytes, payload: dict[str, Any], context: str) -> bytes:
    """``payload`` (JSON values) sealed to the identity key; ``context`` names the record
    (``"incident:<id>"``), so a sealed value moved to another record no longer opens."""
    return Sealer(identity_public).seal(payload, context)


def unseal(identity: X25519PrivateKey, sealed: bytes, context: str) -> dict[str, Any]:
    """Open a value sealed by :func:`seal`; ``SealBroken`` if it does not open for this record."""
    if len(sealed) < _SEAL_HEADER + 16 or sealed[0] != SEAL_VERSION:
        raise SealBroken("not a sealed value")
    eph_pub, nonce, body = sealed[1:33], sealed[33:45], sealed[45:]
    shared = identity.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    try:
        plain = AESGCM(_seal_key(shared, eph_pub, x25519_public(identity))).decrypt(
            nonce, body, context.encode("utf-8")
        )
    except InvalidTag as exc:
        raise SealBroken("the sealed value does not open for this record") from exc
    value = json.loads(plain.decode("utf-8"))
    if not isinstance(value, dict):
        raise SealBroken("not a sealed record")
    return value


# --- signed grants ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserGrant:
    """What the office (its signing key) says about one user: her role and extra grants, bound to
    the public key of her own key slot and to this office."""

    office_id: str
    username: str
    role: str
    grants: frozenset[str]
    slot_public: bytes

    def statement(self) -> bytes:
        return canonical(
            {
                "what": "shsc user grant v1",
                "office_id": self.office_id,
                "username": self.username,
                "role": self.role,
                "grants": sorted(self.grants),
                "slot_public": b64(self.slot_public),
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "grants": sorted(self.grants),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any], office_id: str, username: str, slot_public: bytes) -> UserGrant:
        grants = obj["grants"]
        if not isinstance(grants, list):
            raise ValueError("grants must be a list")
        return cls(office_id, username, str(obj["role"]), frozenset(str(g) for g in grants), slot_public)


def sign_grant(signing: Ed25519PrivateKey, grant: UserGrant) -> bytes:
    return signing.sign(grant.statement())


def grant_verifies(signing_public: bytes, grant: UserGrant, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(signing_public).verify(signature, grant.statement())
    except (InvalidSignature, ValueError):
        return False
    return True


# --- the office keys, as one unlocked session holds them -------------------------------------------


@dataclass
class OfficeKeys:
    """The office's public keys, and the private halves this user's slot gave her (if any).

    ``signing`` is present only for an administrator (or after a recovery-key unlock); ``identity``
    only for a user holding the identity grant. Locking the office drops both.
    """

    signing_public: bytes
    identity_public: bytes
    signing: Ed25519PrivateKey | None = field(default=None, repr=False)
    identity: X25519PrivateKey | None = field(default=None, repr=False)

    @classmethod
    def generate(cls) -> OfficeKeys:
        signing = Ed25519PrivateKey.generate()
        identity = X25519PrivateKey.generate()
        return cls(ed25519_public(signing), x25519_public(identity), signing, identity)

    def public_json(self) -> dict[str, str]:
        return {"signing": b64(self.signing_public), "identity": b64(self.identity_public)}

    def fingerprint(self) -> str:
        """A short, readable fingerprint of both public keys (printed on the recovery sheet)."""
        return office_fingerprint(self.signing_public, self.identity_public)

    def forget(self) -> None:
        self.signing = None
        self.identity = None


def office_fingerprint(signing_public: bytes, identity_public: bytes) -> str:
    """``XXXX-XXXX-XXXX-XXXX-XXXX``: the first 80 bits of SHA-256 over both public keys, the form
    printed on the recovery sheet, carried in enrolment requests, certificates and bundles."""
    digest = hashlib.sha256(signing_public + identity_public).hexdigest()[:20].upper()
    return "-".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed or read out (any case, spaces or dashes) in its printed form."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


# --- the office keys vouching for a bundle ---------------------------------------------------------

BUNDLE_PROOF = "shsc office keys over a bundle v1"


def _bundle_statement(content_sha256: str) -> bytes:
    return canonical({"what": BUNDLE_PROOF, "content_sha256": content_sha256})


def vouch(keys: OfficeKeys, content_sha256: str) -> dict[str, str]:
    """What a bundle carries under its signature about the office keys of its sender: both public
    keys, their fingerprint, and the office signing key's signature over the SHA-256 of the rest of
    the payload. Only a session holding the office signing key (the chief's) can make it."""
    if keys.signing is None:
        raise ValueError("only a session holding the office signing key vouches for a bundle")
    return {
        "fingerprint": keys.fingerprint(),
        "signing": b64(keys.signing_public),
        "identity": b64(keys.identity_public),
        "signature": b64(keys.signing.sign(_bundle_statement(content_sha256))),
    }


@functools.lru_cache(maxsize=1024)
def _office_public(signing: bytes, identity: bytes) -> tuple[str, Ed25519PublicKey]:
    """The fingerprint of an office's public keys and its loaded signing key: a pure function of
    the bytes, remembered because an import meets the same office in bundle after bundle.
    ``ValueError`` (never remembered) if the signing key is not one."""
    return office_fingerprint(signing, identity), Ed25519PublicKey.from_public_bytes(signing)


def vouched_fingerprint(block: Any, content_sha256: str) -> str | None:
    """The office-key fingerprint a bundle's block proves (:func:`vouch`), or None if the block is
    malformed, its fingerprint is not that of its keys, or its signature does not verify."""
    if not isinstance(block, dict) or set(block) != {"fingerprint", "signing", "identity", "signature"}:
        return None
    try:
        signing, identity = unb64(str(block["signing"])), unb64(str(block["identity"]))
        signature = unb64(str(block["signature"]))
        if len(identity) != 32:
            return None
        fingerprint, public = _office_public(signing, identity)
        if block["fingerprint"] != fingerprint:
            return None
        public.verify(signature, _bundle_statement(content_sha256))
    except (InvalidSignature, ValueError, TypeError):
        return None
    return str(block["fingerprint"])


def private_matches(keys: OfficeKeys) -> bool:
    """Whether the private halves held (if any) belong to the public keys of the office."""
    if keys.signing is not None and ed25519_public(keys.signing) != keys.signing_public:
        return False
    return not (keys.identity is not None and x25519_public(keys.identity) != keys.identity_public)
