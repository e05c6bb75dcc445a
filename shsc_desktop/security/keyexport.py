"""An exported private key that a guessed password does not open quickly, and stock OpenSSL reads.

``BestAvailableEncryption`` of PKCS#8 PEM uses PBKDF2 with 2,048 iterations: a stolen USB stick
would give the key up to a GPU in hours. The key is therefore written as a standard PKCS#8
``EncryptedPrivateKeyInfo`` with PBES2 (RFC 8018): PBKDF2-HMAC-SHA256 with 600,000 iterations (the
OWASP floor for PBKDF2-SHA256) and AES-256-CBC. ``openssl pkey -in key.pem`` and
``openssl cms -decrypt -inkey key.pem`` read it as they read their own.
"""

from __future__ import annotations

import base64
import secrets

from asn1crypto import algos, core, keys
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PBKDF2_ITERATIONS = 600_000


def encrypted_pkcs8_pem(key: PrivateKeyTypes, password: str, iterations: int = PBKDF2_ITERATIONS) -> bytes:
    """``key`` as PEM ``ENCRYPTED PRIVATE KEY`` under ``password`` (PBES2, PBKDF2-SHA256, AES-256-CBC)."""
    plain = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    salt = secrets.token_bytes(16)
    iv = secrets.token_bytes(16)
    kek = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations).derive(
        password.encode("utf-8")
    )
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(kek), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padded) + encryptor.finalize()
    scheme = algos.EncryptionAlgorithm(
        {
            "algorithm": "pbes2",
            "parameters": {
                "key_derivation_func": {
                    "algorithm": "pbkdf2",
                    "parameters": {
                        "salt": algos.Pbkdf2Salt(name="specified", value=core.OctetString(salt)),
                        "iteration_count": iterations,
                        "key_length": 32,
                        "prf": {"algorithm": "sha256"},
                    },
                },
                "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv},
            },
        }
    )
    der = keys.EncryptedPrivateKeyInfo({"encryption_algorithm": scheme, "encrypted_data": ciphertext}).dump()
    body = base64.encodebytes(der).decode("ascii").replace("\n", "")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return (
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
        + "\n".join(lines)
        + "\n-----END ENCRYPTED PRIVATE KEY-----\n"
    ).encode("ascii")
