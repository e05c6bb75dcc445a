"""The exchange PKI: certificate profiles, enrolment by file exchange, revocation, key storage."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
import secrets

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from shsc_desktop.errors import EnrolmentRejected
from shsc_desktop.security import pki, pki_enrolment, pki_issue, pki_keys
from shsc_desktop.security.pki import Level, Purpose

from .conftest import TEST_KEY_SIZE, World


def _ext(cert: x509.Certificate, cls: type) -> object:
    return cert.extensions.get_extension_for_class(cls).value


def test_production_key_size() -> None:
    assert pki_keys.PRODUCTION_KEY_SIZE == 3072
    assert inspect.signature(pki_keys.generate_key).parameters["key_size"].default == 3072
    assert inspect.signature(pki_keys.OfficeKeys.generate).parameters["key_size"].default == 3072
    with pytest.raises(ValueError):
        pki_keys.generate_key(1024)


def test_certificate_profiles(world: World) -> None:
    root = world.root
    bc = _ext(root, x509.BasicConstraints)
    assert bc.ca and bc.path_length == 1
    district = world.districts["1201"]
    ca = district.chain[0]
    bc = _ext(ca, x509.BasicConstraints)
    ku = _ext(ca, x509.KeyUsage)
    assert bc.ca and bc.path_length == 0 and ku.key_cert_sign and ku.crl_sign
    ca.verify_directly_issued_by(root)
    district.enc_cert.verify_directly_issued_by(root)  # encryption certs come from the office above
    world.ministry.encryption_cert.verify_directly_issued_by(root)
    enc_ku = _ext(district.enc_cert, x509.KeyUsage)
    assert enc_ku.key_encipherment and not enc_ku.digital_signature
    assert district.enc_cert.public_key().key_size == TEST_KEY_SIZE

    commune = world.communes["120101"].signing_cert
    commune.verify_directly_issued_by(ca)
    ku = _ext(commune, x509.KeyUsage)
    assert ku.digital_signature and ku.content_commitment and not ku.key_cert_sign
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in _ext(commune, x509.ExtendedKeyUsage)
    assert not _ext(commune, x509.BasicConstraints).ca
    assert commune.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "120101"
    assert commune.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "SHSC commune 120101"
    assert pki.identity_of(commune.subject) == pki.Identity("120101", "commune")
    # the district's own signing certificate sits under its CA: every sender has the same chain depth
    district.signing_cert.verify_directly_issued_by(ca)


def test_fingerprint_is_grouped_sha256(world: World) -> None:
    fp = pki.fingerprint(world.root)
    assert re.fullmatch(r"([0-9A-F]{4} ){15}[0-9A-F]{4}", fp)
    assert fp.replace(" ", "").lower() == pki.fingerprint_bytes(world.root).hex()


def test_enrolment_round_trip_shows_the_same_fingerprints(world: World) -> None:
    keys = pki_keys.OfficeKeys.generate(Level.COMMUNE, TEST_KEY_SIZE)
    request = pki_enrolment.make_request("120104", Level.COMMUNE, keys, names={"en": "Boeng Keng Kang"})
    district = world.districts["1201"]
    assert district.ca is not None
    parsed = pki_enrolment.parse_request(request)  # what the district sees before signing
    assert (parsed.code, parsed.level) == ("120104", Level.COMMUNE)
    package = pki_enrolment.sign_request(district.ca, request, now=world.now)
    accepted = pki_enrolment.accept_package(package, request, pinned_root=world.root, now=world.now)
    assert accepted.root == world.root
    assert accepted.recipient_cert == district.enc_cert
    assert accepted.fingerprints()["root"] == pki.fingerprint(world.root)
    assert pki_enrolment.request_fingerprint(request) == pki.format_fingerprint(bytes.fromhex(parsed.digest))
    assert {pki.crl_number(c) for c in accepted.crls} >= {1}


def test_package_for_another_request_is_refused(world: World) -> None:
    district = world.districts["1201"]
    assert district.ca is not None
    req_a = pki_enrolment.make_request(
        "120105", Level.COMMUNE, pki_keys.OfficeKeys.generate(Level.COMMUNE, TEST_KEY_SIZE)
    )
    req_b = pki_enrolment.make_request(
        "120105", Level.COMMUNE, pki_keys.OfficeKeys.generate(Level.COMMUNE, TEST_KEY_SIZE)
    )
    package = pki_enrolment.sign_request(district.ca, req_a, now=world.now)
    with pytest.raises(EnrolmentRejected) as err:
        pki_enrolment.accept_package(package, req_b, world.root, world.now)
    assert err.value.reason == "wrong_request"
    with pytest.raises(EnrolmentRejected) as err:
        pki_enrolment.accept_package(package, req_a, world.rogue_root, world.now)
    assert err.value.reason == "wrong_root"
    # a package whose certificate was swapped for another office's (request digest kept)
    obj = json.loads(package)
    obj["certificates"]["signing"] = pki.cert_pem(world.communes["120102"].signing_cert).decode()
    with pytest.raises(EnrolmentRejected) as err:
        pki_enrolment.accept_package(json.dumps(obj).encode(), req_a, world.root, world.now)
    assert err.value.reason == "wrong_request"
    with pytest.raises(EnrolmentRejected) as err:
        pki_enrolment.accept_package(b"\x00garbage", req_a, world.root, world.now)
    assert err.value.reason == "malformed"


def test_issuers_certify_only_their_own_offices(world: World) -> None:
    district = world.districts["1201"]
    assert district.ca is not None
    keys = pki_keys.OfficeKeys.generate(Level.COMMUNE, TEST_KEY_SIZE)
    foreign = pki_enrolment.make_request("130101", Level.COMMUNE, keys)
    with pytest.raises(EnrolmentRejected) as err:
        pki_enrolment.sign_request(district.ca, foreign, now=world.now)
    assert err.value.reason == "wrong_level"
    with pytest.raises(EnrolmentRejected):
        pki_enrolment.sign_request(
            world.ministry, foreign, now=world.now
        )  # the ministry certifies districts only
    tampered = json.loads(pki_enrolment.make_request("120106", Level.COMMUNE, keys))
    tampered["office"]["code"] = "120107"  # the CSR still names 120106
    with pytest.raises(EnrolmentRejected) as err:
        pki_enrolment.sign_request(district.ca, json.dumps(tampered).encode(), now=world.now)
    assert err.value.reason == "malformed"


def test_revocation_list(world: World) -> None:
    crl = world.revoked_crl
    district = world.districts["1201"]
    assert district.ca is not None
    assert crl.is_signature_valid(district.ca.cert.public_key())
    serial = world.communes["120103"].signing_cert.serial_number
    entry = crl.get_revoked_certificate_by_serial_number(serial)
    assert entry is not None
    assert entry.extensions.get_extension_for_class(x509.CRLReason).value.reason == (
        x509.ReasonFlags.key_compromise
    )
    assert pki.crl_number(crl) == pki.crl_number(district.ca.crl) + 1
    assert crl.next_update_utc is not None
    assert crl.next_update_utc - world.now == pki_issue.CA_CRL_VALIDITY - dt.timedelta(minutes=1)
    # revoking more keeps earlier entries
    later = pki_issue.revoke(district.ca.with_crl(crl), 12345, now=world.now)
    assert later.get_revoked_certificate_by_serial_number(serial) is not None
    assert later.get_revoked_certificate_by_serial_number(12345) is not None
    refreshed = pki_issue.refresh_crl(district.ca.with_crl(later), world.now + dt.timedelta(days=30))
    assert len(list(refreshed)) == 2 and pki.crl_number(refreshed) == pki.crl_number(later) + 1


def test_private_keys_are_stored_encrypted_under_the_data_key(world: World) -> None:
    store = pki_keys.MemoryKeyStore()
    data_key = secrets.token_bytes(32)
    keys = world.districts["1201"].keys
    pki_keys.save_office_keys(store, keys, data_key)
    for name, blob in store.blobs.items():
        assert name.startswith("key/")
        assert blob.startswith(pki_keys.WRAP_MAGIC) and not pki_keys.is_legacy_wrapped(blob)
        assert b"PRIVATE KEY" not in blob
    loaded = pki_keys.load_office_keys(store, Level.DISTRICT, data_key)
    for purpose in (Purpose.CA, Purpose.ENCRYPTION, Purpose.SIGNING):
        assert loaded.get(purpose).private_numbers() == keys.get(purpose).private_numbers()
    with pytest.raises(ValueError):
        pki_keys.load_private_key(store, "signing", secrets.token_bytes(32))
    new_key = secrets.token_bytes(32)
    pki_keys.rewrap_private_key(store, "signing", data_key, new_key)
    assert pki_keys.load_private_key(store, "signing", new_key).private_numbers() == (
        keys.get(Purpose.SIGNING).private_numbers()
    )
    with pytest.raises(ValueError):
        pki_keys.encrypt_private_key(keys.get(Purpose.SIGNING), b"")


def test_stored_keys_are_bound_to_their_name_and_tamper_evident(world: World) -> None:
    store = pki_keys.MemoryKeyStore()
    data_key = secrets.token_bytes(32)
    keys = world.districts["1201"].keys
    pki_keys.save_office_keys(store, keys, data_key)
    first = store.blobs["key/signing"]
    pki_keys.save_private_key(store, "signing", keys.get(Purpose.SIGNING), data_key)
    assert store.blobs["key/signing"] != first  # a fresh nonce at every wrap
    store.blobs["key/ca"] = store.blobs["key/signing"]  # moved to another name: does not open
    with pytest.raises(ValueError):
        pki_keys.load_private_key(store, "ca", data_key)
    blob = bytearray(store.blobs["key/signing"])
    blob[-1] ^= 1
    store.blobs["key/signing"] = bytes(blob)
    with pytest.raises(ValueError):
        pki_keys.load_private_key(store, "signing", data_key)
    store.blobs["key/signing"] = pki_keys.WRAP_MAGIC + b"short"
    with pytest.raises(ValueError):
        pki_keys.load_private_key(store, "signing", data_key)


def test_a_key_stored_in_the_legacy_format_loads_and_is_rewrapped(world: World) -> None:
    """Version 1 (encrypted PKCS#8 PEM under an HKDF-derived password) from older releases."""
    store = pki_keys.MemoryKeyStore()
    data_key = secrets.token_bytes(32)
    key = world.districts["1201"].keys.get(Purpose.SIGNING)
    legacy = pki_keys.encrypt_private_key(key, pki_keys._key_password(data_key, "signing"))
    store.put("key/signing", legacy)
    assert pki_keys.is_legacy_wrapped(legacy)
    assert pki_keys.load_private_key(store, "signing", data_key).private_numbers() == key.private_numbers()
    with pytest.raises(ValueError):
        pki_keys.load_private_key(store, "signing", secrets.token_bytes(32))
    new_key = secrets.token_bytes(32)
    pki_keys.rewrap_private_key(store, "signing", data_key, new_key)
    blob = store.blobs["key/signing"]
    assert blob.startswith(pki_keys.WRAP_MAGIC) and not pki_keys.is_legacy_wrapped(blob)
    assert pki_keys.load_private_key(store, "signing", new_key).private_numbers() == key.private_numbers()
    with pytest.raises(ValueError):
        pki_keys.load_private_key(store, "signing", data_key)
