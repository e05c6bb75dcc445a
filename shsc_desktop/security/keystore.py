"""This office's keys, certificates and trust store, kept in the encrypted database.

``DbKeyStore`` is the ``pki_keys.KeyStore`` over the ``pki_blob`` table. Private keys are stored only
encrypted: AES-256-GCM under a secret derived from the *office signing key* (version 3,
:func:`office_wrap_secret`), which only the administrators' key slots and the recovery slot hold —
not under the data key every user (a clerk too) holds, so a clerk cannot sign a bundle as her office.
Keys of an office enrolled before that (version 2 under the data key, or the legacy encrypted PKCS#8)
still load, and move under the office secret at the administrator's next unlock
(:func:`protect_private_keys`). When the data key rotates, :func:`rewrap_private_keys` re-encrypts
those older blobs, idempotently, so a rotation interrupted at any point (and finished at the next
unlock) never leaves a key wrapped under a lost data key; version 3 blobs do not depend on it.

Names in the store::

    key/<purpose>        encrypted private keys (root, ca, signing, encryption)
    cert/<purpose>       this office's certificates
    cert/recipient       the office above's encryption certificate (bundles go to it)
    chain                PEM certificates from our issuer up to the root
    crl/own              this office's own CRL (district CA or ministry root)
    request              the enrolment request sent and not yet answered
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models.tables import PkiBlob, RevocationList, TrustCertificate
from . import pki, pki_keys
from .identity import OfficeKeys, raw_private
from .pki import Purpose, TrustStore

KEY_PREFIX = "key/"


class DbKeyStore:
    """``pki_keys.KeyStore`` inside one session (the caller's transaction)."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def put(self, name: str, blob: bytes) -> None:
        row = self.s.get(PkiBlob, name)
        if row is None:
            self.s.add(PkiBlob(name=name, blob=bytes(blob)))
        else:
            row.blob = bytes(blob)
        self.s.flush()

    def get(self, name: str) -> bytes | None:
        row = self.s.get(PkiBlob, name)
        return None if row is None else bytes(row.blob)

    def delete(self, name: str) -> None:
        row = self.s.get(PkiBlob, name)
        if row is not None:
            self.s.delete(row)
            self.s.flush()

    def names(self, prefix: str = "") -> list[str]:
        return list(self.s.scalars(select(PkiBlob.name).where(PkiBlob.name.startswith(prefix))))

    # -- typed helpers ---------------------------------------------------------------------------

    def key(
        self,
        purpose: Purpose,
        data_key: bytes,
        office_keys: OfficeKeys | None = None,
        *,
        upgrade: bool = False,
    ) -> rsa.RSAPrivateKey:
        """The private key; ``upgrade`` (only inside a write transaction) re-wraps an older blob.

        A key protected by the office (version 3) opens only with ``office_keys`` holding the office
        signing key (an administrator's session): ``ExchangeKeyLocked`` otherwise, whatever the data
        key. An older blob opens with the data key; ``upgrade`` then moves it under the office secret
        when the session holds it (:func:`protect_private_keys`), or else re-seals a version 1 blob
        as version 2 (which spares the OpenSSL key check, ~0.1 s, at every later load).
        """
        name = str(purpose)
        blob = self.get(f"{KEY_PREFIX}{name}")
        if blob is None:
            raise KeyError(name)
        secret = office_wrap_secret(office_keys)
        if pki_keys.is_office_wrapped(blob):
            if secret is None:
                raise ExchangeKeyLocked(f"the {name} key opens only for the office's administrators")
            return pki_keys.unwrap_private_key(blob, secret, name)
        key = pki_keys.unwrap_private_key(blob, data_key, name)
        if upgrade and secret is not None:
            self._protect(name, key, secret)
        elif upgrade and pki_keys.is_legacy_wrapped(blob):
            pki_keys.save_private_key(self, name, key, data_key)
        return key

    def save_key(
        self, purpose: Purpose, key: rsa.RSAPrivateKey, data_key: bytes, office_keys: OfficeKeys | None
    ) -> None:
        """Store a new private key: under the office secret if this session holds it (it always
        does for an administrator, who alone may enrol), else under the data key as before."""
        secret = office_wrap_secret(office_keys)
        if secret is None:
            pki_keys.save_private_key(self, str(purpose), key, data_key)
        else:
            self.put(f"{KEY_PREFIX}{purpose}", _office_wrap(key, secret, str(purpose)))

    def _protect(self, name: str, key: rsa.RSAPrivateKey, secret: bytes) -> bool:
        """Re-wrap one key under the office secret, unless our certificate for it names another key
        (a key someone put in its place: the office never signs with it, so it is not adopted)."""
        cert = self.cert(name)
        if cert is not None and _spki(cert.public_key()) != _spki(key.public_key()):
            return False
        self.put(f"{KEY_PREFIX}{name}", _office_wrap(key, secret, name))
        return True

    def has_key(self, purpose: Purpose) -> bool:
        return self.get(f"{KEY_PREFIX}{purpose}") is not None

    def put_cert(self, name: str, cert: x509.Certificate) -> None:
        self.put(f"cert/{name}", pki.cert_pem(cert))

    def cert(self, name: str) -> x509.Certificate | None:
        pem = self.get(f"cert/{name}")
        return None if pem is None else x509.load_pem_x509_certificate(pem)

    def put_chain(self, chain: tuple[x509.Certificate, ...]) -> None:
        self.put("chain", b"".join(pki.cert_pem(c) for c in chain))

    def chain(self) -> tuple[x509.Certificate, ...]:
        pem = self.get("chain")
        return tuple(x509.load_pem_x509_certificates(pem)) if pem else ()

    def put_own_crl(self, crl: x509.CertificateRevocationList) -> None:
        self.put("crl/own", pki.crl_pem(crl))

    def own_crl(self) -> x509.CertificateRevocationList | None:
        pem = self.get("crl/own")
        return None if pem is None else x509.load_pem_x509_crl(pem)


class ExchangeKeyLocked(ValueError):
    """A private key protected by the office, asked for without the office signing key."""


def office_wrap_secret(office_keys: OfficeKeys | None) -> bytes | None:
    """The secret the exchange keys are wrapped under: derived from the office signing key, which
    only the administrators' key slots and the recovery slot hold (``security.identity``). None for
    a session without it (a clerk, or an office whose administrator has not unlocked since the
    upgrade)."""
    if office_keys is None or office_keys.signing is None:
        return None
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"shsc exchange keys under the office key v1"
    ).derive(raw_private(office_keys.signing))


def _spki(public: Any) -> bytes:
    return bytes(
        public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )


def _office_wrap(key: rsa.RSAPrivateKey, secret: bytes, name: str) -> bytes:
    return pki_keys.wrap_private_key(key, secret, name, magic=pki_keys.OFFICE_WRAP_MAGIC)


def protect_private_keys(session: Session, data_key: bytes, office_keys: OfficeKeys) -> list[str]:
    """Move every exchange key still wrapped under the data key under the office secret.

    Runs at an administrator's unlock (``services.identities.after_unlock``): an office enrolled
    before this release had its signing key readable by anyone holding the data key, i.e. every
    clerk. Returns the names moved. A key that does not open with the data key, or that our
    certificate does not name, is left as it is (it was never the office's, or is damaged).
    """
    secret = office_wrap_secret(office_keys)
    if secret is None:
        raise ExchangeKeyLocked("only an administrator's session holds the office signing key")
    store = DbKeyStore(session)
    moved = []
    for full in store.names(KEY_PREFIX):
        blob = store.get(full) or b""
        name = full[len(KEY_PREFIX) :]
        if pki_keys.is_office_wrapped(blob):
            continue
        try:
            key = pki_keys.unwrap_private_key(blob, data_key, name)
        except (ValueError, TypeError):
            continue
        if store._protect(name, key, secret):
            moved.append(name)
    return moved


def rewrap_private_keys(session: Session, old_data_key: bytes, new_data_key: bytes) -> int:
    """Re-encrypt every stored private key under ``new_data_key``; returns how many were re-wrapped.

    Every key is written in the current format (version 2), so a rotation also upgrades keys stored
    in the legacy format. Idempotent: a key that already opens with the new data key is left alone
    (a rotation resumed after a crash), unless it is still in the legacy format. A key that opens
    with neither raises ``ValueError`` and nothing is committed.
    """
    store = DbKeyStore(session)
    done = 0
    for name in store.names(KEY_PREFIX):
        purpose = name[len(KEY_PREFIX) :]
        if pki_keys.is_office_wrapped(store.get(name) or b""):
            continue  # under the office secret: the data key plays no part
        try:
            pki_keys.rewrap_private_key(store, purpose, old_data_key, new_data_key)
            done += 1
        except (ValueError, TypeError):
            key = pki_keys.load_private_key(store, purpose, new_data_key)  # already re-wrapped, or raise
            if pki_keys.is_legacy_wrapped(store.get(name) or b""):
                pki_keys.save_private_key(store, purpose, key, new_data_key)
    return done


# --- trust store ---------------------------------------------------------------------------------


def pin_root(session: Session, root: x509.Certificate) -> None:
    fp = pki.fingerprint_bytes(root).hex()
    existing = session.scalar(select(TrustCertificate).where(TrustCertificate.kind == "root"))
    if existing is not None:
        if existing.fingerprint != fp:
            raise ValueError("another ministry root is already pinned")
        return
    _trust(session, root, "root", fp)


def _trust(session: Session, cert: x509.Certificate, kind: str, fp: str) -> None:
    ident = pki.identity_of(cert.subject)
    session.add(
        TrustCertificate(
            fingerprint=fp, kind=kind, office_code=ident.code, level=ident.level, pem=pki.cert_pem(cert)
        )
    )
    session.flush()


def pinned_root(session: Session) -> x509.Certificate | None:
    row = session.scalar(select(TrustCertificate).where(TrustCertificate.kind == "root"))
    return None if row is None else x509.load_pem_x509_certificate(row.pem)


def add_ca(session: Session, cert: x509.Certificate) -> None:
    fp = pki.fingerprint_bytes(cert).hex()
    if session.get(TrustCertificate, fp) is not None:
        return
    _trust(session, cert, "ca", fp)


def ca_certificates(session: Session) -> list[x509.Certificate]:
    rows = session.scalars(select(TrustCertificate).where(TrustCertificate.kind == "ca"))
    return [x509.load_pem_x509_certificate(r.pem) for r in rows]


def keep_crl(session: Session, crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    """Store ``crl`` (already verified against ``issuer``) if it is newer than the one kept."""
    fp = pki.fingerprint_bytes(issuer).hex()
    number = pki.crl_number(crl)
    row = session.get(RevocationList, fp)
    next_update = crl.next_update_utc or dt.datetime.now(dt.UTC)
    if row is None:
        session.add(
            RevocationList(
                issuer_fingerprint=fp,
                issuer_code=pki.identity_of(issuer.subject).code,
                number=number,
                next_update=next_update,
                pem=pki.crl_pem(crl),
            )
        )
    elif number > row.number:
        row.number = number
        row.next_update = next_update
        row.pem = pki.crl_pem(crl)
    else:
        return False
    session.flush()
    return True


def stored_crls(session: Session) -> list[x509.CertificateRevocationList]:
    return [x509.load_pem_x509_crl(r.pem) for r in session.scalars(select(RevocationList))]


def trust_store(session: Session) -> TrustStore:
    """The pinned root and every CRL kept, plus this office's own current list."""
    root = pinned_root(session)
    if root is None:
        raise LookupError("no ministry root is pinned")
    crls = stored_crls(session)
    own = DbKeyStore(session).own_crl()
    if own is not None:
        crls.append(own)
    return TrustStore(root, crls)
