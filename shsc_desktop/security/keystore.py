"""This office's keys, certificates and trust store, kept in the encrypted database.

``DbKeyStore`` is the ``pki.KeyStore`` over the ``pki_blob`` table. Private keys are stored only
encrypted (AES-256-GCM under a key derived from the data key, ``pki.save_private_key``; the legacy
encrypted-PKCS#8 blobs still load); when the data key rotates, :func:`rewrap_private_keys` re-encrypts
them in the current format, idempotently, so a rotation interrupted at any point (and finished at the
next unlock) never leaves a key wrapped under a lost data key.

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

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models.tables import PkiBlob, RevocationList, TrustCertificate
from . import pki
from .pki import Purpose, TrustStore

KEY_PREFIX = "key/"


class DbKeyStore:
    """``pki.KeyStore`` inside one session (the caller's transaction)."""

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

    def key(self, purpose: Purpose, data_key: bytes, *, upgrade: bool = False) -> rsa.RSAPrivateKey:
        """The private key; ``upgrade`` (only inside a write transaction) re-wraps a legacy blob.

        A key still in the version 1 format costs an OpenSSL key check (~0.1 s) at every load; the
        caller that writes anyway (an export) re-seals it as version 2, in its own transaction.
        """
        name = str(purpose)
        key = pki.load_private_key(self, name, data_key)
        if upgrade and pki.is_legacy_wrapped(self.get(f"{KEY_PREFIX}{name}") or b""):
            pki.save_private_key(self, name, key, data_key)
        return key

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
        try:
            pki.rewrap_private_key(store, purpose, old_data_key, new_data_key)
            done += 1
        except (ValueError, TypeError):
            key = pki.load_private_key(store, purpose, new_data_key)  # already re-wrapped, or raise
            if pki.is_legacy_wrapped(store.get(name) or b""):
                pki.save_private_key(store, purpose, key, new_data_key)
    return done


# --- trust store ---------------------------------------------------------------------------------


def pin_root(session: Session, root: x509.Certificate) -> None:
    fp = pki.fingerprint_bytes(root).hex()
    existing = session.scalar(select(TrustCertificate).where(TrustCertificate.kind == "root"))
    if existing is not None:
        if existing.fingerprint != fp:
            raise ValueError("another ministry root is already pinned")
        return
    ident = pki.identity_of(root.subject)
    session.add(
        TrustCertificate(
            fingerprint=fp, kind="root", office_code=ident.code, level=ident.level, pem=pki.cert_pem(root)
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
    ident = pki.identity_of(cert.subject)
    session.add(
        TrustCertificate(
            fingerprint=fp, kind="ca", office_code=ident.code, level=ident.level, pem=pki.cert_pem(cert)
        )
    )
    session.flush()


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
