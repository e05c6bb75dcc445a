"""A complete test PKI, built once per session (RSA keygen is slow on two cores).

Ministry "MOWA" (root) → districts 1201 and 1202 → communes 120101, 120102 and 120103 (the last one
gets revoked by its district); plus an unrelated "rogue" ministry with the same names, its own district
1201 and commune 120101, to play an unknown signer. Test keys are RSA 2048; production uses 3072
(``test_pki.py::test_production_key_size``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from shsc_desktop.exports import bundle_build, bundle_open, bundle_payload
from shsc_desktop.security import pki, pki_enrolment, pki_issue, pki_keys
from shsc_desktop.security.pki import Level, Purpose

from ..ui.exchange_world import exchange_template, world_dir  # noqa: F401  (the real offices, for every test here)

TEST_KEY_SIZE = 2048
AUDIT_HASH = "ab" * 32


@dataclass
class Office:
    code: str
    level: Level
    keys: pki_keys.OfficeKeys
    certs: dict[Purpose, x509.Certificate] = field(default_factory=dict)
    chain: tuple[x509.Certificate, ...] = ()
    crls: tuple[x509.CertificateRevocationList, ...] = ()
    recipient_cert: x509.Certificate | None = None  # the office above's encryption certificate
    ca: pki_issue.CertificateAuthority | None = None

    @property
    def signing_key(self) -> rsa.RSAPrivateKey:
        return self.keys.get(Purpose.SIGNING)

    @property
    def signing_cert(self) -> x509.Certificate:
        return self.certs[Purpose.SIGNING]

    @property
    def enc_key(self) -> rsa.RSAPrivateKey:
        return self.keys.get(Purpose.ENCRYPTION)

    @property
    def enc_cert(self) -> x509.Certificate:
        return self.certs[Purpose.ENCRYPTION]


@dataclass
class World:
    now: dt.datetime
    ministry: pki_issue.CertificateAuthority
    ministry_office: Office
    root: x509.Certificate
    districts: dict[str, Office]
    communes: dict[str, Office]
    rogue_root: x509.Certificate
    rogue_commune: Office
    revoked_crl: x509.CertificateRevocationList  # district 1201's list after revoking 120103

    def trust(self, crls: list[x509.CertificateRevocationList] | None = None) -> pki.TrustStore:
        return pki.TrustStore(self.root, list(crls or []))

    def payload(self, **overrides: Any) -> dict[str, Any]:
        args: dict[str, Any] = {
            "sequence": 1,
            "period": "2025-06",
            "revision": 1,
            "audit_head": (42, AUDIT_HASH),
            "tables": {"incidents_by_type": {"physical": 3, "sexual": 1}, "referrals": {"health": 2}},
        }
        args.update(overrides)
        return bundle_payload.make_payload(**args)

    def bundle(
        self,
        sender: Office,
        recipient: Office | None = None,
        payload: dict[str, Any] | None = None,
    ) -> bytes:
        recipient_cert = recipient.enc_cert if recipient else sender.recipient_cert
        assert recipient_cert is not None
        return bundle_build.build_bundle(
            payload or self.payload(),
            sender.signing_key,
            sender.signing_cert,
            sender.chain[:-1],  # the district CA; the root is pinned by the recipient
            sender.crls,
            recipient_cert,
        )

    def open(self, data: bytes, at: Office, **kw: Any) -> bundle_payload.VerifiedBundle:
        kw.setdefault("trust", self.trust())
        kw.setdefault("now", self.now)
        return bundle_open.open_bundle(data, at.enc_key, at.enc_cert, **kw)


def _enrol_district(ministry: pki_issue.CertificateAuthority, code: str, now: dt.datetime) -> Office:
    keys = pki_keys.OfficeKeys.generate(Level.DISTRICT, TEST_KEY_SIZE)
    request = pki_enrolment.make_request(code, Level.DISTRICT, keys)
    package = pki_enrolment.accept_package(
        pki_enrolment.sign_request(ministry, request, now=now), request, ministry.cert, now
    )
    ca_key = keys.get(Purpose.CA)
    ca_cert = package.certificates[Purpose.CA]
    ca = pki_issue.CertificateAuthority(
        level=Level.DISTRICT,
        code=code,
        key=ca_key,
        cert=ca_cert,
        crl=pki_issue.empty_crl(ca_key, ca_cert, now, pki_issue.CA_CRL_VALIDITY),
        encryption_cert=package.certificates[Purpose.ENCRYPTION],
        chain=package.chain,
        crls=package.crls,
    )
    certs = dict(package.certificates)
    certs[Purpose.SIGNING] = pki_issue.issue_own_signing_certificate(ca, keys.get(Purpose.SIGNING), now)
    return Office(
        code,
        Level.DISTRICT,
        keys,
        certs,
        (ca_cert, *package.chain),
        tuple(ca.all_crls()),
        package.recipient_cert,
        ca,
    )


def _enrol_commune(district: Office, code: str, now: dt.datetime) -> Office:
    assert district.ca is not None
    keys = pki_keys.OfficeKeys.generate(Level.COMMUNE, TEST_KEY_SIZE)
    request = pki_enrolment.make_request(code, Level.COMMUNE, keys)
    package = pki_enrolment.accept_package(
        pki_enrolment.sign_request(district.ca, request, now=now), request, district.chain[-1], now
    )
    return Office(
        code,
        Level.COMMUNE,
        keys,
        dict(package.certificates),
        package.chain,
        package.crls,
        package.recipient_cert,
    )


def _ministry(code: str, now: dt.datetime) -> tuple[pki_issue.CertificateAuthority, Office]:
    keys = pki_keys.OfficeKeys.generate(Level.MINISTRY, TEST_KEY_SIZE)
    ca, root = pki_issue.create_ministry(code, keys, now)
    office = Office(code, Level.MINISTRY, keys, {Purpose.ENCRYPTION: ca.encryption_cert}, (root,), (ca.crl,))
    return ca, office


@pytest.fixture(scope="session")
def world() -> World:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ministry, ministry_office = _ministry("MOWA", now)
    districts = {code: _enrol_district(ministry, code, now) for code in ("1201", "1202")}
    communes = {
        code: _enrol_commune(districts[code[:4]], code, now) for code in ("120101", "120102", "120103")
    }
    d1201 = districts["1201"]
    assert d1201.ca is not None
    revoked_crl = pki_issue.revoke(
        d1201.ca, communes["120103"].signing_cert.serial_number, x509.ReasonFlags.key_compromise, now
    )
    rogue, _ = _ministry("MOWA", now)
    rogue_district = _enrol_district(rogue, "1201", now)
    rogue_commune = _enrol_commune(rogue_district, "120101", now)
    # the rogue commune addresses the real district (it knows its public encryption certificate)
    rogue_commune.recipient_cert = d1201.enc_cert
    return World(
        now=now + dt.timedelta(minutes=1),
        ministry=ministry,
        ministry_office=ministry_office,
        root=ministry.cert,
        districts=districts,
        communes=communes,
        rogue_root=rogue.cert,
        rogue_commune=rogue_commune,
        revoked_crl=revoked_crl,
    )


@pytest.fixture(scope="session")
def good_bundle(world: World) -> bytes:
    return world.bundle(world.communes["120101"])
