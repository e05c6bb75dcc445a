"""The exchange PKI's private keys: generating an office's RSA keys and keeping them only encrypted.

Private keys are stored only encrypted through a ``KeyStore`` (``save_private_key`` /
``load_private_key``): PKCS#8 DER sealed with AES-256-GCM under a key derived by HKDF from the office
data key, a random nonce per key and the key's name as associated data (``WRAP_MAGIC`` marks this
version 2). Version 1 blobs (encrypted PKCS#8 PEM under an HKDF-derived password) still load; the next
data-key rotation re-wraps them as version 2. ``encrypt_private_key`` (``BestAvailableEncryption``) is
for keys exported under a person's password, where the slow password KDF matters.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .pki import KEYS_BY_LEVEL, Level, Purpose

PRODUCTION_KEY_SIZE = 3072


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
