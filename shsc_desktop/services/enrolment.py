"""Enrolment between offices by file exchange, revocation, and the key export for ``openssl cms``.

The ministry creates its root at setup (:meth:`EnrolmentService.create_root`). A district or commune
writes a request (:meth:`request`), the office above answers it with a certificate package
(:meth:`sign`), and the lower office installs it (:meth:`accept`). Both sides show fingerprints to
compare over the phone. Everything is kept in the encrypted database (``security.keystore``); private
keys only ever encrypted under the data key, and every step is audited in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..atomic import atomic_write_bytes
from ..errors import EnrolmentRejected, NotFound, ValidationFailed
from ..inputs import read_regular
from ..models.gazetteer import office_names
from ..models.tables import EnrolledOffice
from ..problems import define
from ..security import audit, keystore, pki, pki_enrolment, pki_issue, pki_keys
from ..security.actions import Action
from ..security.keyexport import encrypted_pkcs8_pem
from ..security.keystore import DbKeyStore
from ..security.permissions import Perm, require
from ..security.pki import Level, Purpose
from ..values.changes import EXCHANGED, NOTHING
from .office import UnlockedOffice

MINISTRY_CODE = "MOWA"
"""The ministry's code in certificates (its office has no gazetteer code)."""
RSA_BITS_ENV = "SHSC_RSA_BITS"  # tests and benchmarks: 2048; production: pki_keys.PRODUCTION_KEY_SIZE
CRL_REFRESH_AFTER = 0.5  # re-sign our own CRL once half its validity has passed

ACTION_ENROL_REQUEST = Action.ENROL_REQUEST
ACTION_ENROL_SIGNED = Action.ENROL_SIGNED
ACTION_ENROL_ACCEPTED = Action.ENROL_ACCEPTED
ACTION_ROOT_CREATED = Action.PKI_ROOT_CREATED
ACTION_REVOKED = Action.CERTIFICATE_REVOKED
ACTION_KEYS_EXPORTED = Action.KEYS_EXPORTED
ACTION_CRL_REFRESHED = Action.CRL_REFRESHED

#: File names written by ``keys export`` (docs/bundle-format.md §5).
ROOT_FILE = "ministry-root.pem"
CHAIN_FILE = "trust-chain.pem"
CRLS_FILE = "crls.pem"
README_FILE = "README.txt"

# Messages by code (``problems.define``): the views translate the code, the command line prints these.
FILE_TOO_LARGE = define(
    "enrolment_file_too_large", "This file is too large for a certificate request or package."
)
FILE_UNREADABLE = define("enrolment_file_unreadable", "Cannot read %1: %2")
COMMUNE_CERTIFIES_NONE = define("commune_certifies_none", "A commune certifies no other office.")
ROOT_NOT_SET_UP = define("root_not_set_up", "This office has not set up its root yet.")
NOT_ENROLLED_YET = define(
    "not_enrolled_yet", "This office has not set up its certificates from the ministry yet."
)
ONLY_MINISTRY_ROOT = define("only_ministry_root", "Only the ministry creates the root certificate.")
ROOT_EXISTS = define("root_exists", "The ministry root already exists.")
MINISTRY_REQUESTS_NOTHING = define(
    "ministry_requests_nothing", "The ministry holds the root and requests nothing."
)
NO_PENDING_REQUEST = define("no_pending_request", "This office has no pending certificate request.")
REVOCATION_REASON = define("revocation_reason", "Give a reason for the revocation.")
OFFICE_NOT_ENROLLED = define("office_not_enrolled", "Office %1 is not enrolled here.")
KEY_PASSWORD_SHORT = define("key_password_short", "Protect the exported key with at least 8 characters.")
NO_KEY_TO_EXPORT = define(
    "no_key_to_export", "This office receives no bundles (or is not enrolled yet): no key to export."
)


OFFICE_KEYS = "office_keys"
"""Key of ``EnrolledOffice.fingerprints`` holding the office-key fingerprint bound to the office
(from its enrolment request, or, for an office enrolled before, its first bundle carrying one)."""


def bound_office_keys(row: EnrolledOffice) -> str | None:
    """The office-key fingerprint an enrolled office is bound to; None: not bound yet."""
    try:
        value = json.loads(row.fingerprints or "{}").get(OFFICE_KEYS)
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def bind_office_keys(row: EnrolledOffice, fingerprint: str) -> None:
    """Record ``fingerprint`` as the office keys of an office enrolled before they were bound."""
    try:
        values = json.loads(row.fingerprints or "{}")
    except ValueError:
        values = {}
    if not isinstance(values, dict):
        values = {}
    values[OFFICE_KEYS] = fingerprint
    row.fingerprints = json.dumps(values)


@dataclass(frozen=True)
class OfficeKeysStatus:
    """This office's office keys against what its own enrolment bound (Home, Administration)."""

    fingerprint: str | None  # the office keys of this office now (None: none yet, an older office)
    enrolled: str | None  # what the certificate from the office above binds (None: none binds it)

    @property
    def changed(self) -> bool:
        """The office keys differ from those the office above enrolled: swapped since, by someone
        at this PC or by a legitimate new set-up that was not enrolled again."""
        return (
            self.fingerprint is not None and self.enrolled is not None and self.fingerprint != self.enrolled
        )


def office_keys_status(office: UnlockedOffice) -> OfficeKeysStatus:
    """The fingerprint of this office's keys and the one its enrolment certificate binds: a
    commune's signing certificate, a district's CA certificate (both issued by the office above)."""
    current = None if office.keys is None else office.keys.fingerprint()
    name = "ca" if office.info.level == Level.DISTRICT else "signing"
    with office.reading() as s:
        cert = DbKeyStore(s).cert(name) if office.info.level != Level.MINISTRY else None
    return OfficeKeysStatus(current, None if cert is None else pki.office_keys_of(cert))


def key_size_from_environment() -> int:
    value = os.environ.get(RSA_BITS_ENV, "")
    if value.isdigit() and int(value) >= 2048:
        return int(value)
    return pki_keys.PRODUCTION_KEY_SIZE


def pki_code(level: str, code: str) -> str:
    return MINISTRY_CODE if level == Level.MINISTRY else code


def encryption_cert_file(level: str) -> str:
    return f"{level}-encryption.pem"


def encryption_key_file(level: str) -> str:
    return f"{level}-encryption-key.pem"


@dataclass(frozen=True)
class RequestResult:
    path: Path
    code: str
    level: str
    fingerprint: str  # of the request file: read it out to the office above


@dataclass(frozen=True)
class SignResult:
    path: Path
    code: str
    level: str
    name_en: str
    request_fingerprint: str
    fingerprints: dict[str, str]  # purpose → certificate fingerprint
    office_keys: str | None = None  # the office-key fingerprint bound (None: an older request)
    previous_office_keys: str | None = None  # the one bound before, when it differs


@dataclass(frozen=True)
class AcceptResult:
    code: str
    level: str
    fingerprints: dict[str, str]  # purpose, root, recipient → fingerprint
    office_keys: str | None = None  # the office-key fingerprint the certificates bind (None: none)


@dataclass(frozen=True)
class EnrolledView:
    code: str
    level: str
    name_km: str
    name_en: str
    fingerprints: dict[str, str]
    enrolled_at: dt.datetime
    revoked: bool
    revoked_at: dt.datetime | None
    revoke_reason: str
    office_keys: str | None = None  # the office-key fingerprint bound (None: not yet, issue 10)


@dataclass(frozen=True)
class KeysExport:
    folder: Path
    files: tuple[Path, ...]


def _read(path: Path, what: str) -> bytes:
    try:
        data = read_regular(Path(path), pki_enrolment.MAX_ENROLMENT_FILE)
        if len(data) > pki_enrolment.MAX_ENROLMENT_FILE:
            raise EnrolmentRejected("malformed", FILE_TOO_LARGE)
        return data
    except OSError as exc:
        raise ValidationFailed({"file": FILE_UNREADABLE(path, exc.strerror or exc)}) from exc


class EnrolmentService:
    def __init__(
        self,
        office: UnlockedOffice,
        *,
        key_size: int | None = None,
        clock: Callable[[], dt.datetime] = pki.utcnow,
    ) -> None:
        self.office = office
        self.actor = office.actor
        self.key_size = key_size or key_size_from_environment()
        self.clock = clock
        info = office.info
        self.level = Level(info.level)
        self.code = pki_code(info.level, info.code)

    # -- state -----------------------------------------------------------------------------------

    def is_enrolled(self) -> bool:
        """True once this office can send (lower offices) or certify (the ministry)."""
        with self.office.reading() as s:
            store = DbKeyStore(s)
            if self.level is Level.MINISTRY:
                return store.get("cert/root") is not None
            return store.get("cert/signing") is not None and store.get("cert/recipient") is not None

    def own_fingerprints(self) -> dict[str, str]:
        with self.office.reading() as s:
            store = DbKeyStore(s)
            out = {}
            for name in ("root", "ca", "signing", "encryption", "recipient"):
                cert = store.cert(name)
                if cert is not None:
                    out[name] = pki.fingerprint(cert)
            root = keystore.pinned_root(s)
            if root is not None:
                out["root"] = pki.fingerprint(root)
            return out

    def enrolled(self) -> list[EnrolledView]:
        require(self.actor, Perm.REPORTS)
        with self.office.reading() as s:
            return [
                EnrolledView(
                    r.code,
                    r.level,
                    r.name_km,
                    r.name_en,
                    json.loads(r.fingerprints),
                    r.enrolled_at,
                    r.revoked,
                    r.revoked_at,
                    r.revoke_reason,
                    bound_office_keys(r),
                )
                for r in s.scalars(select(EnrolledOffice).order_by(EnrolledOffice.code))
            ]

    def _authority(self, s: Session) -> pki_issue.CertificateAuthority:
        """This office as an issuer (ministry root or district CA), its CRL fresh enough."""
        store = DbKeyStore(s)
        data_key = self.office.data_key
        chain: tuple[x509.Certificate, ...] = ()
        if self.level is Level.MINISTRY:
            cert, key_purpose, validity = store.cert("root"), Purpose.ROOT, pki_issue.ROOT_CRL_VALIDITY
        elif self.level is Level.DISTRICT:
            cert, key_purpose, validity = store.cert("ca"), Purpose.CA, pki_issue.CA_CRL_VALIDITY
            chain = store.chain()
        else:
            raise ValidationFailed({"level": COMMUNE_CERTIFIES_NONE})
        crl = store.own_crl()
        enc = store.cert("encryption")
        if cert is None or crl is None or enc is None:
            missing = ROOT_NOT_SET_UP if self.level is Level.MINISTRY else NOT_ENROLLED_YET
            raise ValidationFailed({"enrolment": missing})
        root_crls: tuple[x509.CertificateRevocationList, ...] = ()
        if chain:
            root_crls = tuple(c for c in keystore.stored_crls(s) if c.issuer == chain[-1].subject)
        ca = pki_issue.CertificateAuthority(
            level=self.level,
            code=self.code,
            key=store.key(key_purpose, data_key, self.office.keys, upgrade=True),  # in a write transaction
            cert=cert,
            crl=crl,
            encryption_cert=enc,
            chain=chain,
            crls=root_crls,
            crl_validity=validity,
        )
        now = self.clock()
        last, nxt = crl.last_update_utc, crl.next_update_utc
        if nxt is None or now >= last + (nxt - last) * CRL_REFRESH_AFTER:
            new = pki_issue.refresh_crl(ca, now)
            store.put_own_crl(new)
            audit.record(
                s,
                self.actor.username,
                ACTION_CRL_REFRESHED,
                "crl",
                self.code,
                {"number": pki.crl_number(new)},
            )
            ca = ca.with_crl(new)
        return ca

    def refresh_crl(self) -> None:
        """Re-sign our own CRL if half its validity has passed (export and sign call this too)."""
        require(self.actor, Perm.ENROL)
        with self.office.transaction(EXCHANGED) as s:
            self._authority(s)

    # -- ministry --------------------------------------------------------------------------------

    def create_root(self) -> dict[str, str]:
        """The ministry's root CA, its first CRL and its encryption certificate (once, at setup)."""
        require(self.actor, Perm.ENROL)
        if self.level is not Level.MINISTRY:
            raise ValidationFailed({"level": ONLY_MINISTRY_ROOT})
        keys = pki_keys.OfficeKeys.generate(Level.MINISTRY, self.key_size)
        ca, root = pki_issue.create_ministry(self.code, keys, self.clock())
        with self.office.transaction(EXCHANGED) as s:
            store = DbKeyStore(s)
            if store.get("cert/root") is not None:
                raise ValidationFailed({"enrolment": ROOT_EXISTS})
            for purpose, key in keys.keys.items():
                store.save_key(purpose, key, self.office.data_key, self.office.keys)
            store.put_cert("root", root)
            store.put_cert("encryption", ca.encryption_cert)
            store.put_own_crl(ca.crl)
            keystore.pin_root(s, root)
            shown = {"root": pki.fingerprint(root), "encryption": pki.fingerprint(ca.encryption_cert)}
            audit.record(s, self.actor.username, ACTION_ROOT_CREATED, "certificate", self.code, shown)
        return shown

    # -- lower office ----------------------------------------------------------------------------

    def request(self, path: Path) -> RequestResult:
        """New keys (encrypted in the database) and the request file for the office above."""
        require(self.actor, Perm.ENROL)
        if self.level is Level.MINISTRY:
            raise ValidationFailed({"level": MINISTRY_REQUESTS_NOTHING})
        keys = pki_keys.OfficeKeys.generate(self.level, self.key_size)
        info = self.office.info
        office_keys = None if self.office.keys is None else self.office.keys.fingerprint()
        data = pki_enrolment.make_request(
            self.code, self.level, keys, {"km": info.name_km, "en": info.name_en}, office_keys
        )
        with self.office.transaction(EXCHANGED) as s:
            store = DbKeyStore(s)
            for purpose, key in keys.keys.items():
                store.save_key(purpose, key, self.office.data_key, self.office.keys)
            store.put("request", data)
            shown = pki_enrolment.request_fingerprint(data)
            audit.record(
                s, self.actor.username, ACTION_ENROL_REQUEST, "office", self.code, {"fingerprint": shown}
            )
            atomic_write_bytes(Path(path), data, mode=0o644)
        return RequestResult(Path(path), self.code, str(self.level), shown)

    def accept(self, package_path: Path) -> AcceptResult:
        """Install the package answering our pending request (checked against it and the pinned root)."""
        require(self.actor, Perm.ENROL)
        data = _read(package_path, "certificate package")
        now = self.clock()
        with self.office.transaction(EXCHANGED) as s:
            store = DbKeyStore(s)
            request = store.get("request")
            if request is None:
                raise EnrolmentRejected("wrong_request", NO_PENDING_REQUEST)
            pkg = pki_enrolment.accept_package(data, request, keystore.pinned_root(s), now)
            for purpose, cert in pkg.certificates.items():
                store.put_cert(str(purpose), cert)
            store.put_chain(pkg.chain)
            store.put_cert("recipient", pkg.recipient_cert)
            keystore.pin_root(s, pkg.root)
            for ca_cert in pkg.chain[:-1]:
                keystore.add_ca(s, ca_cert)
            for crl in pkg.crls:
                issuer = next(c for c in pkg.chain if c.subject == crl.issuer)
                keystore.keep_crl(s, crl, issuer)
            if self.level is Level.DISTRICT:
                ca_key = store.key(Purpose.CA, self.office.data_key, self.office.keys)
                ca_cert = pkg.certificates[Purpose.CA]
                ca = pki_issue.CertificateAuthority(
                    level=Level.DISTRICT,
                    code=self.code,
                    key=ca_key,
                    cert=ca_cert,
                    crl=pki_issue.empty_crl(ca_key, ca_cert, now, pki_issue.CA_CRL_VALIDITY),
                    encryption_cert=pkg.certificates[Purpose.ENCRYPTION],
                    chain=pkg.chain,
                )
                store.put_own_crl(ca.crl)
                own = pki_issue.issue_own_signing_certificate(
                    ca, store.key(Purpose.SIGNING, self.office.data_key, self.office.keys), now
                )
                store.put_cert("signing", own)
            store.delete("request")
            shown = pkg.fingerprints()
            if self.level is Level.DISTRICT:
                shown["signing"] = pki.fingerprint(store.cert("signing"))  # type: ignore[arg-type]
            bound = next((pki.office_keys_of(c) for c in pkg.certificates.values()), None)
            audit.record(
                s,
                self.actor.username,
                ACTION_ENROL_ACCEPTED,
                "office",
                self.code,
                {**shown, OFFICE_KEYS: bound},
            )
        return AcceptResult(self.code, str(self.level), shown, bound)

    # -- upper office ----------------------------------------------------------------------------

    def sign(self, request_path: Path, out_path: Path) -> SignResult:
        """Certify a lower office: write the package answering its request."""
        require(self.actor, Perm.ENROL)
        data = _read(request_path, "certificate request")
        req = pki_enrolment.parse_request(data)
        now = self.clock()
        with self.office.transaction(EXCHANGED) as s:
            ca = self._authority(s)
            package = pki_enrolment.sign_request(ca, data, now=now)
            body = json.loads(package)
            certs = {
                p: x509.load_pem_x509_certificate(pem.encode()) for p, pem in body["certificates"].items()
            }
            try:
                names = office_names(str(req.level), req.code)
            except LookupError:
                names = {"name_km": req.names.get("km", ""), "name_en": req.names.get("en", "")}
            row = s.get(EnrolledOffice, req.code)
            if row is None:
                row = EnrolledOffice(code=req.code)
                s.add(row)
            before = bound_office_keys(row) if row.fingerprints else None
            serials = json.loads(row.serials or "[]") if row.serials else []
            serials += [str(c.serial_number) for c in certs.values()]
            row.level = str(req.level)
            row.name_km = names.get("name_km", "")
            row.name_en = names.get("name_en", "")
            bound = {p: pki.fingerprint_bytes(c).hex() for p, c in certs.items()}
            if req.office_keys is not None:
                bound[OFFICE_KEYS] = req.office_keys
            row.fingerprints = json.dumps(bound)
            row.serials = json.dumps(serials)
            row.request_sha256 = req.digest
            row.enrolled_at = now
            row.enrolled_by = self.actor.username
            row.revoked = False
            row.revoked_at = None
            row.revoke_reason = ""
            shown = {p: pki.fingerprint(c) for p, c in certs.items()}
            changed = before is not None and before != req.office_keys
            audit.record(
                s,
                self.actor.username,
                ACTION_ENROL_SIGNED,
                "office",
                req.code,
                {
                    "level": str(req.level),
                    "request": pki_enrolment.request_fingerprint(data),
                    **shown,
                    OFFICE_KEYS: req.office_keys,
                    **({"office_keys_before": before} if changed else {}),
                },
            )
            atomic_write_bytes(Path(out_path), package, mode=0o644)
        return SignResult(
            Path(out_path),
            req.code,
            str(req.level),
            row.name_en,
            pki_enrolment.request_fingerprint(data),
            shown,
            req.office_keys,
            before if changed else None,
        )

    def revoke(self, office_code: str, reason: str) -> int:
        """Revoke every certificate issued to ``office_code``; returns the new CRL number."""
        require(self.actor, Perm.ENROL)
        if not reason or not reason.strip():
            raise ValidationFailed({"reason": REVOCATION_REASON})
        now = self.clock()
        with self.office.transaction(EXCHANGED) as s:
            row = s.get(EnrolledOffice, office_code)
            if row is None:
                raise NotFound(OFFICE_NOT_ENROLLED(office_code))
            ca = self._authority(s)
            crl = ca.crl
            for serial in json.loads(row.serials or "[]"):
                crl = pki_issue.revoke(ca.with_crl(crl), int(serial), now=now)
            DbKeyStore(s).put_own_crl(crl)
            row.revoked = True
            row.revoked_at = now
            row.revoke_reason = reason.strip()
            audit.record(
                s,
                self.actor.username,
                ACTION_REVOKED,
                "office",
                office_code,
                {"reason": reason.strip(), "crl_number": pki.crl_number(crl)},
            )
            return pki.crl_number(crl)

    # -- keys for openssl --------------------------------------------------------------------------

    def export_keys(self, folder: Path, password: str) -> KeysExport:
        """This office's decryption key (encrypted with ``password``), certificate, the ministry root,
        the trust chain and the CRLs, as PEM files for ``openssl cms`` (docs/bundle-format.md §5)."""
        require(self.actor, Perm.ENROL)
        if len(password) < 8:
            raise ValidationFailed({"password": KEY_PASSWORD_SHORT})
        folder = Path(folder)
        level = str(self.level)
        with self.office.transaction(NOTHING) as s:
            store = DbKeyStore(s)
            cert = store.cert("encryption")
            root = keystore.pinned_root(s)
            if cert is None or root is None or not store.has_key(Purpose.ENCRYPTION):
                raise ValidationFailed({"keys": NO_KEY_TO_EXPORT})
            key = store.key(Purpose.ENCRYPTION, self.office.data_key, self.office.keys)
            chain = [root, *keystore.ca_certificates(s)]
            for extra in (store.cert("ca"),):
                if extra is not None and extra not in chain:
                    chain.append(extra)
            crls = keystore.trust_store(s).crls
            key_pem = encrypted_pkcs8_pem(key, password)
            files = {
                encryption_key_file(level): (key_pem, 0o600),
                encryption_cert_file(level): (pki.cert_pem(cert), 0o644),
                ROOT_FILE: (pki.cert_pem(root), 0o644),
                CHAIN_FILE: (b"".join(pki.cert_pem(c) for c in chain), 0o644),
                CRLS_FILE: (b"".join(pki.crl_pem(c) for c in crls), 0o644),
                README_FILE: (_keys_readme(level).encode("utf-8"), 0o644),
            }
            audit.record(
                s,
                self.actor.username,
                ACTION_KEYS_EXPORTED,
                "office",
                self.code,
                {"folder": str(folder), "files": sorted(files)},
            )
            written = []
            for name, (blob, mode) in files.items():
                atomic_write_bytes(folder / name, blob, mode=mode)
                written.append(folder / name)
        return KeysExport(folder, tuple(written))


def _keys_readme(level: str) -> str:
    return f"""SHSC Desktop: keys to check bundles with the openssl command line (OpenSSL 3).

{encryption_key_file(level)}   this office's decryption key, encrypted with the password chosen
                               at export. Keep it as secret as the office's database.
{encryption_cert_file(level)}   this office's encryption certificate
{ROOT_FILE}               the ministry root certificate (the trust anchor)
{CHAIN_FILE}              the root and the district CA certificates this office knows
{CRLS_FILE}                      the newest revocation lists this office holds

openssl cms -decrypt -inform DER -in BUNDLE.shsc -recip {encryption_cert_file(level)} \\
    -inkey {encryption_key_file(level)} -binary -out signed.der
openssl cms -verify -inform DER -in signed.der -binary -CAfile {ROOT_FILE} \\
    -crl_check_all -purpose smimesign -out payload.json

See docs/bundle-format.md, section 5.
"""
