"""Bundles: round trip, the openssl command line as reference verifier, and the tamper matrix.

Every rejection must carry its own reason code; nothing but ``BundleRejected`` may escape.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from asn1crypto import cms as acms
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs7

from shsc_desktop.errors import BundleRejected
from shsc_desktop.exports import bundle_build, bundle_payload
from shsc_desktop.security import pki, pki_issue, pki_keys
from shsc_desktop.security.pki import Level, Purpose

from .conftest import TEST_KEY_SIZE, World

OPENSSL = shutil.which("openssl")


def _reason(call: Callable[[], object]) -> str:
    with pytest.raises(BundleRejected) as err:
        call()
    return err.value.reason


def _flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def _inner(world: World, data: bytes, district: str = "1201") -> bytes:
    office = world.districts[district]
    return pkcs7.pkcs7_decrypt_der(data, office.enc_cert, office.enc_key, [])


def _content(world: World, data: bytes) -> bytes:
    return world.open(data, world.districts["1201"]).content


# ---------------------------------------------------------------------------------------------------
# Round trip


def test_round_trip(world: World, good_bundle: bytes) -> None:
    vb = world.open(good_bundle, world.districts["1201"])
    assert vb.sender_code == "120101" and vb.recipient_code == "1201"
    assert (vb.period, vb.revision, vb.sequence, vb.schema_version) == ("2025-06", 1, 1, 2)
    assert vb.payload["audit_head"] == {"seq": 42, "hash": "ab" * 32}
    assert vb.payload["recipient"]["certificate_sha256"] == (
        pki.fingerprint_bytes(world.districts["1201"].enc_cert).hex()
    )
    assert vb.tables["incidents_by_type"] == {"physical": 3, "sexual": 1}
    assert not vb.nil_report
    assert vb.signer_cert == world.communes["120101"].signing_cert
    assert vb.content_sha256 == hashlib.sha256(vb.content).hexdigest()
    assert vb.content == bundle_payload.canonical_json(json.loads(vb.content))
    assert len(vb.crls) == 2  # the ministry's and the district's lists, both verified
    assert len(good_bundle) < 20_000


def test_nil_report_and_district_to_ministry(world: World) -> None:
    district = world.districts["1201"]
    data = world.bundle(district, world.ministry_office, world.payload(tables=None))
    vb = world.open(data, world.ministry_office)
    assert vb.nil_report and vb.tables == {}
    assert (vb.sender_code, vb.recipient_code) == ("1201", "MOWA")


def test_re_export_reproduces_the_content(world: World) -> None:
    commune = world.communes["120102"]
    at = dt.datetime(2025, 7, 2, 9, 30, tzinfo=dt.UTC)
    first = world.bundle(
        commune, payload=world.payload(bundle_id="6f1c0e53-7c1b-4ce9-9f47-7d0c3b1c2a10", created_at=at)
    )
    again = world.bundle(
        commune, payload=world.payload(bundle_id="6f1c0e53-7c1b-4ce9-9f47-7d0c3b1c2a10", created_at=at)
    )
    assert first != again  # fresh content-encryption key and signing time
    assert _content(world, first) == _content(world, again)


def test_file_name_and_atomic_write(world: World, good_bundle: bytes, tmp_path: Path) -> None:
    assert bundle_payload.bundle_filename("120101", "2025-06", 2) == "SHSC-120101-2025-06-r2.shsc"
    for bad in (("12 01", "2025-06", 1), ("120101", "2025-13", 1), ("120101", "2025-06", 0)):
        with pytest.raises(ValueError):
            bundle_payload.bundle_filename(*bad)
    path = bundle_build.write_bundle(tmp_path / "usb", good_bundle, "120101", "2025-06", 1)
    assert path.name == "SHSC-120101-2025-06-r1.shsc"
    assert path.read_bytes() == good_bundle
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_build_refuses_invalid_payloads(world: World) -> None:
    commune = world.communes["120101"]
    with pytest.raises(ValueError):
        world.bundle(commune, payload={**world.payload(), "recipient": {"code": "1202"}})
    with pytest.raises(ValueError):
        world.bundle(commune, payload=world.payload(period="2025-6"))
    with pytest.raises(ValueError):
        world.bundle(commune, payload={**world.payload(), "nil_report": True})  # nil but has tables
    with pytest.raises(ValueError):
        world.bundle(commune, payload=world.payload(tables={"x": float("nan")}))


# ---------------------------------------------------------------------------------------------------
# openssl as the reference implementation (the commands of docs/bundle-format.md)


def _openssl(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    assert OPENSSL is not None
    return subprocess.run([OPENSSL, *args], cwd=cwd, capture_output=True, timeout=60, check=False)


def _openssl_decrypt_verify(folder: Path, name: str) -> subprocess.CompletedProcess[bytes]:
    dec = _openssl(
        "cms",
        "-decrypt",
        "-inform",
        "DER",
        "-in",
        name,
        "-recip",
        "district-encryption.pem",
        "-inkey",
        "district-encryption-key.pem",
        "-passin",
        "pass:test-password",
        "-binary",
        "-out",
        "signed.der",
        cwd=folder,
    )
    assert dec.returncode == 0, dec.stderr
    return _openssl(
        "cms",
        "-verify",
        "-inform",
        "DER",
        "-in",
        "signed.der",
        "-binary",
        "-CAfile",
        "ministry-root.pem",
        "-crl_check_all",
        "-purpose",
        "smimesign",
        "-out",
        "payload.json",
        cwd=folder,
    )


@pytest.mark.skipif(OPENSSL is None, reason="the openssl command line is not installed")
def test_openssl_decrypts_and_verifies_a_real_bundle(
    world: World, good_bundle: bytes, tmp_path: Path
) -> None:
    district = world.districts["1201"]
    (tmp_path / "district-encryption.pem").write_bytes(pki.cert_pem(district.enc_cert))
    (tmp_path / "district-encryption-key.pem").write_bytes(
        pki_keys.encrypt_private_key(district.enc_key, b"test-password")
    )
    (tmp_path / "ministry-root.pem").write_bytes(pki.cert_pem(world.root))
    path = bundle_build.write_bundle(tmp_path, good_bundle, "120101", "2025-06", 1)

    ok = _openssl_decrypt_verify(tmp_path, path.name)
    assert ok.returncode == 0, ok.stderr
    assert b"Verification successful" in ok.stderr
    ours = world.open(good_bundle, district)
    assert (tmp_path / "payload.json").read_bytes() == ours.content
    assert (tmp_path / "signed.der").read_bytes() == ours.signed_data

    # one byte of the signed content changed and re-encrypted (anyone can encrypt to the district)
    inner = _inner(world, good_bundle)
    at = inner.index(b'"period":"2025-06"') + len('"period":"2025-0')
    tampered = bundle_build.envelope(inner[:at] + b"7" + inner[at + 1 :], district.enc_cert)
    (tmp_path / "tampered.shsc").write_bytes(tampered)
    bad = _openssl_decrypt_verify(tmp_path, "tampered.shsc")
    assert bad.returncode != 0
    assert b"verify error" in bad.stderr or b"digest failure" in bad.stderr
    assert _reason(lambda: world.open(tampered, district)) == "bad_signature"

    # revoked signer, the bundle carrying the district's newer list: openssl agrees with us. (openssl
    # does not pick the newest of several lists by CRL number; our verifier does, see test_newest_crl_wins.)
    revoked_commune = world.communes["120103"]
    payload = bundle_build.full_payload(world.payload(), revoked_commune.signing_cert, district.enc_cert)
    signed = bundle_build.sign_content(
        bundle_payload.canonical_json(payload),
        revoked_commune.signing_key,
        revoked_commune.signing_cert,
        [district.chain[0]],
        [world.ministry.crl, world.revoked_crl],
    )
    revoked = bundle_build.envelope(signed, district.enc_cert)
    (tmp_path / "revoked.shsc").write_bytes(revoked)
    rv = _openssl_decrypt_verify(tmp_path, "revoked.shsc")
    assert rv.returncode != 0 and b"revoked" in rv.stderr
    assert _reason(lambda: world.open(revoked, district)) == "revoked"

    # a bundle from another root: openssl cannot build the chain either
    rogue = world.bundle(world.rogue_commune)
    (tmp_path / "rogue.shsc").write_bytes(rogue)
    rg = _openssl_decrypt_verify(tmp_path, "rogue.shsc")
    assert rg.returncode != 0 and b"certificate" in rg.stderr


# ---------------------------------------------------------------------------------------------------
# Tamper matrix


def _outer_offsets(data: bytes) -> dict[str, int]:
    info = acms.ContentInfo.load(data)
    env = info["content"]
    key = env["recipient_infos"][0].chosen["encrypted_key"].native
    ciphertext = env["encrypted_content_info"]["encrypted_content"].native
    return {
        "encrypted_key": data.index(key) + len(key) // 2,
        "ciphertext_middle": data.index(ciphertext) + len(ciphertext) // 2,
        "ciphertext_last_block": len(data) - 1,
    }


def test_outer_layer_tampering(world: World, good_bundle: bytes) -> None:
    district = world.districts["1201"]
    open_ = lambda data: world.open(data, district)  # noqa: E731
    assert _reason(lambda: open_(b"")) == "not_a_bundle"
    assert _reason(lambda: open_(b"PK\x03\x04 a zip file")) == "not_a_bundle"
    assert _reason(lambda: open_(good_bundle[:-1])) == "not_a_bundle"
    assert _reason(lambda: open_(good_bundle[: len(good_bundle) // 2])) == "not_a_bundle"
    assert _reason(lambda: open_(good_bundle + b"\x00")) == "not_a_bundle"
    assert _reason(lambda: open_(_flip(good_bundle, 0))) == "not_a_bundle"
    assert _reason(lambda: open_(good_bundle + b"\x00" * bundle_payload.MAX_BUNDLE_SIZE)) == "too_large"
    offsets = _outer_offsets(good_bundle)
    assert _reason(lambda: open_(_flip(good_bundle, offsets["encrypted_key"]))) == "cannot_decrypt"
    # CBC: a flipped ciphertext byte garbles the plaintext; the padding check or the signature catches it
    assert _reason(lambda: open_(_flip(good_bundle, offsets["ciphertext_last_block"]))) in {
        "cannot_decrypt",
        "bad_signature",
    }
    assert _reason(lambda: open_(_flip(good_bundle, offsets["ciphertext_middle"]))) in {
        "cannot_decrypt",
        "bad_signature",
        "unknown_signer",
    }


def _signed_regions(world: World, good_bundle: bytes) -> dict[str, int]:
    inner = _inner(world, good_bundle)
    content = _content(world, good_bundle)
    signer = world.communes["120101"].signing_cert.public_bytes(pki.serialization.Encoding.DER)
    signed_data = acms.ContentInfo.load(inner)["content"]
    signature = signed_data["signer_infos"][0]["signature"].native
    return {
        "content": inner.index(content) + content.index(b'"sequence":1') + len('"sequence":'),
        "message_digest": inner.index(hashlib.sha256(content).digest()) + 5,
        "signature": inner.index(signature) + 7,
        "signer_certificate_signature": inner.index(signer) + len(signer) - 3,
    }


@pytest.mark.parametrize(
    ("region", "reason"),
    [
        ("content", "bad_signature"),
        ("message_digest", "bad_signature"),
        ("signature", "bad_signature"),
        ("signer_certificate_signature", "unknown_signer"),
    ],
)
def test_inner_layer_tampering(world: World, good_bundle: bytes, region: str, reason: str) -> None:
    """One byte flipped inside the SignedData, re-encrypted with the district's public certificate."""
    district = world.districts["1201"]
    inner = _inner(world, good_bundle)
    at = _signed_regions(world, good_bundle)[region]
    tampered = bundle_build.envelope(_flip(inner, at), district.enc_cert)
    assert _reason(lambda: world.open(tampered, district)) == reason


def test_wrong_recipient_cannot_decrypt(world: World, good_bundle: bytes) -> None:
    assert _reason(lambda: world.open(good_bundle, world.districts["1202"])) == "cannot_decrypt"
    assert _reason(lambda: world.open(good_bundle, world.ministry_office)) == "cannot_decrypt"


def test_forwarded_bundle_is_rejected(world: World, good_bundle: bytes) -> None:
    """District 1201 decrypts a commune's bundle and re-encrypts it to district 1202 (Davis's attack)."""
    forwarded = bundle_build.envelope(_inner(world, good_bundle), world.districts["1202"].enc_cert)
    assert _reason(lambda: world.open(forwarded, world.districts["1202"])) == "wrong_recipient"
    # ... or to the ministry, as if the commune had reported there directly
    to_ministry = bundle_build.envelope(_inner(world, good_bundle), world.ministry.encryption_cert)
    assert _reason(lambda: world.open(to_ministry, world.ministry_office)) == "wrong_recipient"


def test_unknown_signer(world: World) -> None:
    """A commune certified under another root with identical names."""
    data = world.bundle(world.rogue_commune)
    assert _reason(lambda: world.open(data, world.districts["1201"])) == "unknown_signer"


@pytest.mark.parametrize(
    ("code", "purpose"),
    [
        ("130101", Purpose.SIGNING),  # another district's commune, by 1201's CA outside sign_request
        ("120109", Purpose.ENCRYPTION),  # an encryption-only certificate used to sign
    ],
    ids=["another-districts-commune", "encryption-only-certificate"],
)
def test_untrusted_chain(world: World, code: str, purpose: Purpose) -> None:
    district = world.districts["1201"]
    assert district.ca is not None
    key = pki_keys.generate_key(TEST_KEY_SIZE)
    cert = pki_issue.issue_certificate(
        district.ca.key,
        district.ca.cert,
        pki.subject_name(Level.COMMUNE, code, purpose),
        key.public_key(),
        purpose,
        pki_issue.SIGNING_VALIDITY,
        world.now,
    )
    payload = bundle_build.full_payload(world.payload(), cert, district.enc_cert)
    signed = bundle_build.sign_content(
        bundle_payload.canonical_json(payload), key, cert, [district.chain[0]], district.crls
    )
    assert (
        _reason(lambda: world.open(bundle_build.envelope(signed, district.enc_cert), district))
        == "untrusted_chain"
    )


def test_revoked_signer(world: World) -> None:
    """The revoked commune still ships the old list; the district's store holds the newer one."""
    data = world.bundle(world.communes["120103"])
    district = world.districts["1201"]
    world.open(data, district)  # with only the old list it is (still) accepted...
    trust = world.trust([world.revoked_crl])
    assert _reason(lambda: world.open(data, district, trust=trust)) == "revoked"
    # ... and the other communes of the district are unaffected
    world.open(world.bundle(world.communes["120101"]), district, trust=trust)


def test_expired_or_not_yet_valid_certificate(world: World, good_bundle: bytes) -> None:
    district = world.districts["1201"]
    later = world.now + pki_issue.SIGNING_VALIDITY + dt.timedelta(days=1)
    assert _reason(lambda: world.open(good_bundle, district, now=later)) == "cert_expired"
    earlier = world.now - dt.timedelta(days=1)  # a PC whose clock is behind
    with pytest.raises(BundleRejected) as err:
        world.open(good_bundle, district, now=earlier)
    assert err.value.reason == "cert_expired" and "date" in str(err.value)


def test_stale_revocation_list_fails_closed(world: World, good_bundle: bytes) -> None:
    district = world.districts["1201"]
    later = world.now + pki_issue.CA_CRL_VALIDITY + dt.timedelta(days=1)
    with pytest.raises(BundleRejected) as err:
        world.open(good_bundle, district, now=later)
    assert err.value.reason == "crl_expired"
    assert "district 1201 expired on" in str(err.value) and "ask them for a new one" in str(err.value)
    # a fresh list from the district (e.g. in its latest package) makes the same bundle acceptable
    assert district.ca is not None
    fresh = pki_issue.refresh_crl(district.ca, later - dt.timedelta(days=1))
    world.open(good_bundle, district, now=later, trust=world.trust([fresh]))


def test_missing_revocation_list(world: World) -> None:
    commune = world.communes["120101"]
    district = world.districts["1201"]
    payload = bundle_build.full_payload(world.payload(), commune.signing_cert, district.enc_cert)
    signed = bundle_build.sign_content(
        bundle_payload.canonical_json(payload),
        commune.signing_key,
        commune.signing_cert,
        [district.chain[0]],
        [],
    )
    data = bundle_build.envelope(signed, district.enc_cert)
    assert _reason(lambda: world.open(data, district)) == "crl_missing"
    # a list signed by someone else does not count
    assert (
        _reason(lambda: world.open(data, district, trust=world.trust([*world.rogue_commune.crls])))
        == "crl_missing"
    )
    world.open(data, district, trust=world.trust(list(district.crls)))


def _resigned(world: World, mutate: Callable[[dict[str, object]], None], raw: bytes | None = None) -> bytes:
    commune = world.communes["120101"]
    district = world.districts["1201"]
    payload = bundle_build.full_payload(world.payload(), commune.signing_cert, district.enc_cert)
    mutate(payload)
    content = raw if raw is not None else bundle_payload.canonical_json(payload)
    signed = bundle_build.sign_content(
        content, commune.signing_key, commune.signing_cert, [district.chain[0]], commune.crls
    )
    return bundle_build.envelope(signed, district.enc_cert)


def test_sender_must_be_the_signer(world: World) -> None:
    data = _resigned(world, lambda p: p.update(sender={"code": "120102", "level": "commune"}))
    assert _reason(lambda: world.open(data, world.districts["1201"])) == "sender_mismatch"


def test_recipient_named_in_payload_must_be_us(world: World) -> None:
    other = pki.fingerprint_bytes(world.districts["1202"].enc_cert).hex()
    data = _resigned(world, lambda p: p["recipient"].update(certificate_sha256=other))  # type: ignore[attr-defined]
    assert _reason(lambda: world.open(data, world.districts["1201"])) == "wrong_recipient"
    data = _resigned(world, lambda p: p["recipient"].update(code="1202"))  # type: ignore[attr-defined]
    assert _reason(lambda: world.open(data, world.districts["1201"])) == "wrong_recipient"


def test_unknown_schema_version(world: World) -> None:
    data = _resigned(world, lambda p: p.update(schema_version=3))
    with pytest.raises(BundleRejected) as err:
        world.open(data, world.districts["1201"])
    assert err.value.reason == "schema_unknown" and "update the app" in str(err.value)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda p: p.pop("audit_head"),
        lambda p: p.update(extra_field=1),
        lambda p: p.update(period="2025-13"),
        # "$" let a trailing newline through, and "\d" takes Khmer digits: same month, other key
        lambda p: p.update(period=p["period"] + "\n"),
        lambda p: p.update(period="២០២៥-11"),
        lambda p: p["audit_head"].update(hash=p["audit_head"]["hash"] + "\n"),
        lambda p: p.update(sequence=True),
        lambda p: p.update(revision=0),
        lambda p: p.update(bundle_id="not-a-uuid"),
        lambda p: p.update(nil_report="no"),
        lambda p: p.update(created_at="yesterday"),
        lambda p: p.update(format="something-else"),
    ],
)
def test_malformed_payload(world: World, mutate: Callable[[dict[str, object]], None]) -> None:
    data = _resigned(world, mutate)
    assert _reason(lambda: world.open(data, world.districts["1201"])) == "malformed_payload"


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe not utf-8",
        b"[1, 2, 3]",
        b'{"a":1,"a":2}',
        b'{"a":NaN}',
        b"[" * 100_000,
        b'{ "format": "shsc-bundle" }',  # not canonical
    ],
)
def test_malformed_signed_content(world: World, raw: bytes) -> None:
    data = _resigned(world, lambda p: None, raw=raw)
    assert _reason(lambda: world.open(data, world.districts["1201"])) == "malformed_payload"


def test_crl_embedded_in_signed_data_is_outside_the_signature(world: World, good_bundle: bytes) -> None:
    """Dropping the embedded CRLs leaves a valid signature (they are signed by their issuers)."""
    inner = _inner(world, good_bundle)
    info = acms.ContentInfo.load(inner)
    sd = info["content"]
    assert len(sd["crls"]) == 2
    del sd["crls"]
    stripped = acms.ContentInfo({"content_type": "signed_data", "content": sd}).dump()
    district = world.districts["1201"]
    data = bundle_build.envelope(stripped, district.enc_cert)
    assert _reason(lambda: world.open(data, district)) == "crl_missing"
    world.open(data, district, trust=world.trust(list(district.crls)))


def test_newest_crl_wins(world: World) -> None:
    district = world.districts["1201"]
    assert district.ca is not None
    data = world.bundle(world.communes["120103"])
    # an older list cannot undo a revocation
    trust = world.trust([district.ca.crl, world.revoked_crl, district.ca.crl])
    assert _reason(lambda: world.open(data, district, trust=trust)) == "revoked"
    assert isinstance(world.revoked_crl, x509.CertificateRevocationList)


def test_revoked_district_ca(world: World, good_bundle: bytes) -> None:
    """The ministry revokes district 1201's CA: every bundle under it is refused."""
    district = world.districts["1201"]
    root_crl = pki_issue.revoke(
        world.ministry, district.chain[0].serial_number, x509.ReasonFlags.ca_compromise, world.now
    )
    with pytest.raises(BundleRejected) as err:
        world.open(good_bundle, district, trust=world.trust([root_crl]))
    assert err.value.reason == "revoked" and "district 1201" in str(err.value)


@pytest.mark.parametrize("vouched", [True, False])
def test_tables_and_vouched_digest_are_cut_from_the_signed_bytes(world: World, vouched: bool) -> None:
    """The import takes the stored tables and the office-key digest out of the signed canonical
    content instead of serialising the payload again: the same bytes as serialising it."""
    from shsc_desktop.security.identity import OfficeKeys, vouch, vouched_fingerprint

    commune, district = world.communes["120101"], world.districts["1201"]
    keys = OfficeKeys.generate()
    payload = world.payload(tables={"headline": {"a": [1, 2], "é": "ខ្មែរ"}, "zz": {}})
    if vouched:
        body = bundle_build.full_payload(payload, commune.signing_cert, district.enc_cert)
        payload[bundle_payload.OFFICE_KEYS_FIELD] = vouch(keys, bundle_payload.vouched_digest(body))
    vb = world.open(world.bundle(commune, district, payload), district)
    assert bundle_payload.tables_json(vb) == bundle_payload.canonical_json(vb.payload["tables"]).decode(
        "utf-8"
    )
    assert bundle_payload.vouched_digest_of(vb) == bundle_payload.vouched_digest(vb.payload)
    if vouched:
        assert (
            vouched_fingerprint(
                vb.payload[bundle_payload.OFFICE_KEYS_FIELD], bundle_payload.vouched_digest_of(vb)
            )
            == keys.fingerprint()
        )


def test_a_repeated_member_is_refused_though_each_copy_is_canonical(world: World) -> None:
    """No hook looks for duplicate keys: the canonical-form check refuses them (one member fewer)."""
    commune, district = world.communes["120101"], world.districts["1201"]
    content = bundle_payload.canonical_json(
        bundle_build.full_payload(world.payload(), commune.signing_cert, district.enc_cert)
    )
    member = b'"nil_report":false,'
    assert member in content
    repeated = content.replace(member, member + member, 1)
    data = _resigned(world, lambda p: None, raw=repeated)
    assert _reason(lambda: world.open(data, district)) == "malformed_payload"
