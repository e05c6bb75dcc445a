"""The whole chain in-process: ministry, district 1201 and communes 120101 and 120109, each its own
data folder, enrolled by request/sign/accept files, then a month exported, imported, re-imported,
revised, totalled, checked for completeness and sent on to the ministry.

The offices are built once per module (RSA 2048 via ``SHSC_RSA_BITS``, cheap KDF), and the tests run
in file order on the same offices (like one month of real use).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import pkcs7
from sqlalchemy import func, select

from shsc_desktop.models.tables import AuditEntry, BundleReceived, ImportedStatistics, Incident, Month
from shsc_desktop.security import audit, keystore, pki_keys
from shsc_desktop.security.keystore import DbKeyStore
from shsc_desktop.security.pki import Purpose
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.completeness import CompletenessService
from shsc_desktop.services.enrolment import EnrolmentService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.values.changes import NOTHING

from .offices import enrol, make_office, ministry_and_district

os.environ.setdefault("SHSC_RSA_BITS", "2048")

OPENSSL = shutil.which("openssl")
CANARY = "CANARY-Srey-Mom-0xDEADBEEF"


def previous_period(months: int = 1) -> str:
    today = dt.date.today()
    index = today.year * 12 + today.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


PERIOD = previous_period()


@dataclass
class Chain:
    root: Path
    ministry: UnlockedOffice
    district: UnlockedOffice
    communes: dict[str, UnlockedOffice]
    fingerprints: dict[str, tuple[dict[str, str], dict[str, str]]]  # code → (signed, accepted)


def add_incidents(office: UnlockedOffice, period: str, count: int, *, consent: bool = True) -> None:
    day = dt.date(int(period[:4]), int(period[5:]), 10)
    with office.transaction(NOTHING) as s:
        start = int(s.scalar(select(func.count(Incident.id))) or 0)
        for i in range(count):
            s.add(
                Incident(
                    incident_code=f"{office.info.code}-{period}-{start + i:03d}",
                    survivor_code=f"S{start + i:04d}",
                    legacy_survivor_name=f"{CANARY} {i}",
                    legacy_survivor_phone="012 345 678",
                    legacy_narrative=f"{CANARY} narrative",
                    date_reported=day,
                    period=period,
                    gbv_type="physical_assault" if i % 2 else "psych_emotional",
                    consent_reporting=consent,
                    created_by="chief",
                    updated_by="chief",
                )
            )


def approve(office: UnlockedOffice, period: str) -> None:
    with office.transaction(NOTHING) as s:
        row = s.get(Month, period) or Month(period=period)
        row.status = "approved"
        row.approved_by = office.actor.username
        row.approved_at = dt.datetime.now(dt.UTC)
        s.add(row)


def reopen(office: UnlockedOffice, period: str) -> None:
    with office.transaction(NOTHING) as s:
        row = s.get(Month, period)
        assert row is not None
        row.status = "open"


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    upper = ministry_and_district(tmp_path_factory.mktemp("chain"))
    fps = {"1201": upper.district_fingerprints}
    communes = {}
    for code in ("120101", "120109"):
        communes[code] = make_office(upper.root, "commune", code, "chief")
        fps[code] = enrol(communes[code], upper.district, upper.files)
    yield Chain(upper.root, upper.ministry, upper.district, communes, fps)
    upper.lock()
    for office in communes.values():
        office.lock("test end")


def audit_count(office: UnlockedOffice) -> int:
    with office.reading() as s:
        return audit.count(s)


def received(office: UnlockedOffice) -> int:
    with office.reading() as s:
        return int(s.scalar(select(func.count()).select_from(BundleReceived)) or 0)


# ---------------------------------------------------------------------------------------------------


def test_enrolment_shows_the_same_fingerprints_on_both_sides(chain: Chain) -> None:
    for code, (signed, accepted) in chain.fingerprints.items():
        for purpose, fp in signed.items():
            assert accepted[purpose] == fp, (code, purpose)
        assert len(accepted["root"].split()) == 16
    root_fp = EnrolmentService(chain.ministry).own_fingerprints()["root"]
    for office in (chain.district, *chain.communes.values()):
        assert EnrolmentService(office).own_fingerprints()["root"] == root_fp
        assert EnrolmentService(office).is_enrolled()
    assert [e.code for e in EnrolmentService(chain.district).enrolled()] == ["120101", "120109"]
    # private keys are stored only encrypted
    with chain.district.reading() as s:
        store = DbKeyStore(s)
        for name in store.names("key/"):
            blob = store.get(name) or b""
            # under the office secret (the administrators' office key), not the data key
            assert blob.startswith(pki_keys.OFFICE_WRAP_MAGIC) and not pki_keys.is_legacy_wrapped(blob)
            assert b"PRIVATE KEY" not in blob


def test_export_requires_an_approved_month(chain: Chain, tmp_path: Path) -> None:
    from shsc_desktop.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        ExportService(chain.communes["120101"]).export_month(previous_period(3), tmp_path)
    assert not list(tmp_path.iterdir())


def test_month_up_the_chain(chain: Chain, tmp_path: Path) -> None:
    c1, c2, district = chain.communes["120101"], chain.communes["120109"], chain.district
    add_incidents(c1, PERIOD, 7)
    add_incidents(c1, PERIOD, 2, consent=False)  # counted locally only
    approve(c1, PERIOD)
    approve(c2, PERIOD)  # nothing happened: a nil report
    out = tmp_path / "usb"
    e1 = ExportService(c1).export_month(PERIOD, out)
    e2 = ExportService(c2).export_month(PERIOD, out)
    assert e1.path.name == f"SHSC-120101-{PERIOD}-r1.shsc" and e1.revision == 1 and e1.sequence == 1
    assert e2.nil_report and not e1.nil_report

    # re-export of the same revision: same bundle id, sequence and signed content
    again = ExportService(c1).export_month(PERIOD, tmp_path / "again")
    assert again.reexport and (again.bundle_id, again.sequence) == (e1.bundle_id, e1.sequence)
    tally = CompletenessService(district)
    importer = ImportService(district)
    assert importer.verify_file(again.path).content_sha256 == importer.verify_file(e1.path).content_sha256

    # dry run: a summary, nothing changed
    before = audit_count(district)
    dry = importer.import_files([e1.path, e2.path, again.path], dry_run=True)
    assert [r.outcome for r in dry.results] == ["imported", "imported", "already_imported"]
    assert audit_count(district) == before and received(district) == 0

    summary = importer.import_files([e1.path, e2.path])
    assert (summary.imported, summary.rejected) == (2, 0)
    assert [r.outcome for r in importer.import_files([e1.path, again.path]).results] == [
        "already_imported",
        "already_imported",
    ]
    totals = tally.district_totals(PERIOD)
    assert totals.reporting == ("120101", "120109") and totals.nil_reports == ("120109",)
    assert totals.table("headline").value("new_incidents", "this_month") == 7
    comp = tally.completeness([PERIOD, previous_period(2)], deadline_days=62)
    assert comp.cell("120101", PERIOD).status == "on_time"
    assert tally.completeness([PERIOD], deadline_days=0).cell("120101", PERIOD).status == "late"
    assert comp.cell("120109", PERIOD).status == "nil_report"
    # enrolled this month: the first report due is last month's, not the month before (point 16)
    assert comp.cell("120101", previous_period(2)).status == "not_expected"

    # revision 2: the chief reopens, adds a record, approves again
    reopen(c1, PERIOD)
    add_incidents(c1, PERIOD, 1)
    approve(c1, PERIOD)
    r2 = ExportService(c1).export_month(PERIOD, out)
    assert (r2.revision, r2.sequence) == (2, 2) and r2.path.name.endswith("-r2.shsc")
    assert [r.outcome for r in importer.import_files([r2.path, e1.path]).results] == [
        "updated",
        "already_imported",
    ]
    assert tally.district_totals(PERIOD).table("headline").value("new_incidents", "this_month") == 8

    # the district approves and sends its exact totals (encrypted to the ministry) up the chain
    approve(district, PERIOD)
    up = ExportService(district).export_month(PERIOD, out)
    assert up.path.name == f"SHSC-1201-{PERIOD}-r1.shsc"
    result = ImportService(chain.ministry).import_files([up.path])
    assert result.ok and result.imported == 1
    mt = CompletenessService(chain.ministry).district_totals(PERIOD)
    assert mt.reporting == ("1201",)
    assert mt.table("headline").value("new_incidents", "this_month") == 8
    assert mt.table("reporting").value("reported") == 2
    with chain.ministry.reading() as s:
        tables = json.loads(s.get(ImportedStatistics, ("1201", PERIOD)).tables)  # type: ignore[union-attr]
    assert all(t["threshold"] is None for t in tables.values())
    assert "<5" not in json.dumps(tables) and "+" not in json.dumps(tables)

    # nothing identifying in any byte of any bundle, nor in the decrypted payloads
    dk = DbKeyStore
    for path in out.iterdir():
        data = path.read_bytes()
        office = chain.ministry if path.name.startswith("SHSC-1201-") else district
        with office.reading() as s:
            store = dk(s)
            inner = pkcs7.pkcs7_decrypt_der(
                data,
                store.cert("encryption"),
                store.key(Purpose.ENCRYPTION, office.data_key, office.keys),
                [],
            )
        for blob in (data, inner):
            for needle in (CANARY, "Srey", "012 345 678", "narrative", "120101-" + PERIOD, "S0001"):
                assert needle.encode() not in blob, (path.name, needle)


def test_rejections_leave_the_database_unchanged(chain: Chain, tmp_path: Path) -> None:
    importer = ImportService(chain.district)
    good = next((chain.root / "files").glob("*.package"))  # not a bundle
    flipped = tmp_path / "flipped.shsc"
    src = ExportService(chain.communes["120109"]).export_month(PERIOD, tmp_path)
    data = bytearray(src.path.read_bytes())
    data[len(data) // 2] ^= 1
    flipped.write_bytes(bytes(data))
    before_received = received(chain.district)
    with chain.district.reading() as s:
        before_stats = s.scalar(select(func.count()).select_from(ImportedStatistics))
    summary = importer.import_files([good, flipped, tmp_path / "missing.shsc"])
    assert summary.rejected == 3
    assert {r.reason for r in summary.results} <= {
        "not_a_bundle",
        "cannot_decrypt",
        "bad_signature",
        "unreadable",
    }
    assert received(chain.district) == before_received
    with chain.district.reading() as s:
        assert s.scalar(select(func.count()).select_from(ImportedStatistics)) == before_stats
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(3)))
    assert actions == ["import_rejected"] * 3
    assert flipped.read_bytes() == bytes(data)  # left untouched


def test_revoked_commune_is_rejected(chain: Chain, tmp_path: Path) -> None:
    c2 = chain.communes["120109"]
    reopen(c2, PERIOD)
    approve(c2, PERIOD)
    bundle = ExportService(c2).export_month(PERIOD, tmp_path)
    EnrolmentService(chain.district).revoke("120109", "laptop stolen")
    summary = ImportService(chain.district).import_files([bundle.path])
    assert [r.reason for r in summary.results] == ["revoked"]
    comp = CompletenessService(chain.district).completeness([PERIOD])
    # 120109's report stays on record; the other sangkats of khan 1201 are expected, not enrolled
    assert [c.code for c in comp.cells if c.status != "not_enrolled"] == ["120101", "120109"]


def _store_legacy(office: UnlockedOffice, purpose: Purpose) -> bytes:
    """Re-store one key as an older release did: encrypted PKCS#8 PEM under the HKDF-derived password."""
    with office.transaction(NOTHING) as s:
        store = DbKeyStore(s)
        key = store.key(purpose, office.data_key, office.keys)
        legacy = pki_keys.encrypt_private_key(key, pki_keys._key_password(office.data_key, str(purpose)))
        store.put(f"key/{purpose}", legacy)
    assert pki_keys.is_legacy_wrapped(legacy) and b"BEGIN ENCRYPTED PRIVATE KEY" in legacy
    return legacy


def test_key_rotation_rewraps_private_keys(chain: Chain, tmp_path: Path) -> None:
    district = chain.district
    _store_legacy(district, Purpose.ENCRYPTION)  # a key stored by an older release
    with district.reading() as s:
        store = DbKeyStore(s)
        before = {n: store.get(n) for n in store.names("key/")}
        numbers = {
            n: store.key(Purpose(n[4:]), district.data_key, district.keys).private_numbers() for n in before
        }
    assert pki_keys.is_legacy_wrapped(before["key/encryption"] or b"")  # still loads (above)
    AccountService(district).rotate_data_key()
    with district.reading() as s:
        store = DbKeyStore(s)
        after = {n: store.get(n) for n in store.names("key/")}
        assert after.keys() == before.keys()
        for name, blob in after.items():
            assert blob is not None and not pki_keys.is_legacy_wrapped(blob)
            if name == "key/encryption":  # the older blob: re-wrapped as version 2 under the new key
                assert blob != before[name] and not pki_keys.is_office_wrapped(blob)
            else:  # under the office secret: the data key plays no part
                assert blob == before[name] and pki_keys.is_office_wrapped(blob)
            key = store.key(Purpose(name[4:]), district.data_key, district.keys)
            assert key.private_numbers() == numbers[name]
        assert keystore.pinned_root(s) is not None
    # a rotation resumed after a crash: already under the new key, left as is (or upgraded if legacy)
    with district.transaction(NOTHING) as s:
        assert keystore.rewrap_private_keys(s, b"\x00" * 32, district.data_key) == 0
        assert {n: DbKeyStore(s).get(n) for n in after} == after
    legacy = _store_legacy(district, Purpose.CA)
    with district.transaction(NOTHING) as s:
        assert keystore.rewrap_private_keys(s, b"\x00" * 32, district.data_key) == 0
        blob = DbKeyStore(s).get("key/ca")
        assert blob is not None and blob != legacy and not pki_keys.is_legacy_wrapped(blob)
    c1 = chain.communes["120101"]
    _store_legacy(c1, Purpose.SIGNING)
    approve(c1, previous_period(2))
    e = ExportService(c1).export_month(previous_period(2), tmp_path)
    with c1.reading() as s:  # the export (a write transaction anyway) moved it under the office key
        assert pki_keys.is_office_wrapped(DbKeyStore(s).get("key/signing") or b"")
    assert ImportService(district).import_files([e.path]).imported == 1


@pytest.mark.skipif(OPENSSL is None, reason="the openssl command line is not installed")
def test_openssl_reads_a_real_bundle_with_exported_keys(chain: Chain, tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    EnrolmentService(chain.district).export_keys(keys, "export-pass-123")
    names = sorted(p.name for p in keys.iterdir())
    assert names == sorted(
        [
            "README.txt",
            "crls.pem",
            "district-encryption-key.pem",
            "district-encryption.pem",
            "ministry-root.pem",
            "trust-chain.pem",
        ]
    )
    if os.name == "posix":  # file modes; on Windows the folder's ACL protects the key
        assert (keys / "district-encryption-key.pem").stat().st_mode & 0o077 == 0
    c1 = chain.communes["120101"]
    bundle = ExportService(c1).export_month(PERIOD, tmp_path)  # the stored revision, re-exported
    assert OPENSSL is not None

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([OPENSSL, *args], cwd=keys, capture_output=True, timeout=60, check=False)

    dec = run(
        "cms", "-decrypt", "-inform", "DER", "-in", str(bundle.path), "-recip", "district-encryption.pem",
        "-inkey", "district-encryption-key.pem", "-passin", "pass:export-pass-123", "-binary",
        "-out", "signed.der",
    )  # fmt: skip
    assert dec.returncode == 0, dec.stderr
    # The exported key resists guessing: PBES2 with PBKDF2-HMAC-SHA256 at >= 600,000 iterations
    # (it used to be 2,048), as openssl itself reads the file.
    parsed = run("asn1parse", "-in", "district-encryption-key.pem").stdout.decode()
    assert ":PBES2" in parsed and ":PBKDF2" in parsed and ":hmacWithSHA256" in parsed
    iterations = [int(line.rsplit(":", 1)[1], 16) for line in parsed.splitlines() if "prim: INTEGER" in line]
    assert max(iterations) >= 600_000, parsed
    wrong = run("pkey", "-in", "district-encryption-key.pem", "-passin", "pass:wrong-guess", "-noout")
    assert wrong.returncode != 0
    ver = run(
        "cms", "-verify", "-inform", "DER", "-in", "signed.der", "-binary", "-CAfile", "ministry-root.pem",
        "-crl_check_all", "-purpose", "smimesign", "-out", "payload.json",
    )  # fmt: skip
    assert ver.returncode == 0, ver.stderr
    payload = json.loads((keys / "payload.json").read_bytes())
    assert payload["sender"]["code"] == "120101" and payload["period"] == PERIOD
    assert (
        ImportService(chain.district).verify_file(bundle.path).content_sha256
        == hashlib.sha256((keys / "payload.json").read_bytes()).hexdigest()
    )
