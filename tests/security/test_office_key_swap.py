"""A clerk swaps the office keys and rewrites the key slots; the district notices (issue 10).

The review's attack: with her own password and Python through the project's API, a clerk makes
office keys of her own, records them as the office's, drops every other slot and signs herself a
chief's grant. Her next unlock is a chief's. What stops her from going unnoticed is outside the PC:
the district enrolled the office keys' fingerprint (in the commune's signing certificate and its
enrolment row), every bundle carries the office keys vouching for its content, and every import
compares them. The commune's own Home and Administration pages say so too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from shsc_desktop.errors import BundleRejected
from shsc_desktop.exports import bundle_build, bundle_payload
from shsc_desktop.models.tables import AuditEntry, EnrolledOffice, ImportedStatistics
from shsc_desktop.security import keystore, pki, pki_keys, vault
from shsc_desktop.security.identity import OfficeKeys, vouch
from shsc_desktop.security.keystore import DbKeyStore
from shsc_desktop.security.permissions import Role, default_grants
from shsc_desktop.security.pki import Purpose
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.enrolment import EnrolmentService, office_keys_status
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.values.changes import NOTHING
from tests.exchange.offices import PASSWORD, Upper, enrol, make_office, ministry_and_district
from tests.exchange.test_chain import approve, previous_period
from tests.ui.conftest import wait_for_operations

CLERK = ("clerk", "clerk-password-1")
CHANGED = "this commune's office keys changed since it was enrolled"


@pytest.fixture(scope="module")
def upper(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Upper]:
    upper = ministry_and_district(tmp_path_factory.mktemp("swap"))
    yield upper
    upper.lock()


def _commune(upper: Upper, code: str, *, legacy_request: bool = False) -> UnlockedOffice:
    """A commune with a chief and a clerk, enrolled with the district. ``legacy_request``: its
    request as an older release wrote it, without the office-key fingerprint."""
    commune = make_office(upper.root, "commune", code, "chief")
    AccountService(commune).add_user(CLERK[0], "clerk", CLERK[1], "Clerk Dara")
    if not legacy_request:
        enrol(commune, upper.district, upper.files)
        return commune
    request_path = upper.files / f"{code}.request"
    EnrolmentService(commune).request(request_path)
    body = json.loads(request_path.read_bytes())
    del body["office_keys"]
    old = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    request_path.write_bytes(old)
    with commune.transaction(NOTHING) as s:
        DbKeyStore(s).put("request", old)
    signed = EnrolmentService(upper.district).sign(request_path, upper.files / f"{code}.package")
    assert signed.office_keys is None
    EnrolmentService(commune).accept(signed.path)
    return commune


def _take_over(folder: OfficeFolder) -> OfficeKeys:
    """The review's attack, done as the clerk: her own office keys, her own chief's grant signed
    with them, every other slot dropped, the role column set to match. Returns her keys."""
    clerk = folder.unlock(*CLERK)
    data_key = clerk.data_key
    with clerk.engine.begin() as conn:
        conn.execute(text("UPDATE user SET role = 'chief' WHERE username = 'clerk'"))
    clerk.lock("test")
    hers = OfficeKeys.generate()
    sf = folder.vault.load()
    slot = sf.user_slot("clerk")
    assert slot is not None
    private = vault._open_private(slot, CLERK[1])
    assert private is not None
    vault._give_rights(slot, sf.office_id, hers, "chief", default_grants("chief"))
    slot.anchor = hers.public_json()
    vault._seal_private(slot, private, CLERK[1])
    sf.office_keys = hers.public_json()
    sf.slots = [slot]
    folder.vault.save(sf, data_key)
    return hers


def _copy_signing_key(chief: UnlockedOffice) -> rsa.RSAPrivateKey:
    """The stated limit: a signing key copied while it was still under the data key (before the
    chief's first unlock after the upgrade). The test takes it through the chief's session."""
    with chief.reading() as s:
        return DbKeyStore(s).key(Purpose.SIGNING, chief.data_key, chief.keys)


def _export_with_copied_key(her: UnlockedOffice, stolen: rsa.RSAPrivateKey, out: Path) -> Path:
    """Her bundle for last month: the copied signing key put back in the store under the data key,
    the month approved and exported to ``out`` (her own office keys vouch for it)."""
    with her.transaction(NOTHING) as s:
        pki_keys.save_private_key(DbKeyStore(s), "signing", stolen, her.data_key)
    approve(her, previous_period(1))
    out.mkdir()
    return ExportService(her).export_month(previous_period(1), out).path


def _import(district: UnlockedOffice, path: Path) -> Any:
    return ImportService(district).import_files([path]).results[0]


def _imported_rows(district: UnlockedOffice, code: str) -> int:
    with district.reading() as s:
        return len(list(s.scalars(select(ImportedStatistics).where(ImportedStatistics.sender_code == code))))


def test_the_next_bundle_after_a_key_swap_is_rejected_by_the_district(upper: Upper, tmp_path: Path) -> None:
    commune = _commune(upper, "120101")
    enrolled = commune.keys.fingerprint() if commune.keys else ""
    with commune.reading() as s:
        assert pki.office_keys_of(DbKeyStore(s).cert("signing")) == enrolled  # type: ignore[arg-type]
    with upper.district.reading() as s:
        row = s.get(EnrolledOffice, "120101")
        assert row is not None and json.loads(row.fingerprints)["office_keys"] == enrolled
    # before: the chief's bundle is imported
    approve(commune, previous_period(2))
    sent = ExportService(commune).export_month(previous_period(2), tmp_path)
    assert _import(upper.district, sent.path).outcome == "imported"
    stolen = _copy_signing_key(commune)
    folder = commune.folder
    commune.lock("clerk's turn")

    hers = _take_over(folder)
    her = folder.unlock(*CLERK)
    try:
        assert her.actor.role is Role.CHIEF and her.keys is not None
        assert her.keys.fingerprint() == hers.fingerprint() != enrolled
        bundle = _export_with_copied_key(her, stolen, tmp_path / "hers")
    finally:
        her.lock("test end")
    before = _imported_rows(upper.district, "120101")
    result = _import(upper.district, bundle)
    assert result.outcome == "rejected" and result.reason == "office_keys_changed"
    assert CHANGED in result.message.lower() and "re-enrol" in result.message
    assert _imported_rows(upper.district, "120101") == before  # never imported
    dry = ImportService(upper.district).import_files([bundle], dry_run=True).results[0]
    assert dry.reason == "office_keys_changed"
    with pytest.raises(BundleRejected) as checked:  # "verify" without importing says the same
        ImportService(upper.district).verify_file(bundle)
    assert checked.value.reason == "office_keys_changed"


def test_a_forged_or_stripped_office_keys_block_is_rejected(upper: Upper, tmp_path: Path) -> None:
    """She writes the bundle herself: the enrolled fingerprint with her own signature does not
    verify, and a bundle without the block is refused once the office is bound."""
    commune = _commune(upper, "120109")
    assert commune.keys is not None
    old_public = OfficeKeys(commune.keys.signing_public, commune.keys.identity_public)
    stolen = _copy_signing_key(commune)
    with commune.reading() as s:
        store = DbKeyStore(s)
        cert, recipient, chain = store.cert("signing"), store.cert("recipient"), store.chain()[:-1]
        crls = keystore.stored_crls(s)
    assert cert is not None and recipient is not None
    folder = commune.folder
    commune.lock("clerk's turn")
    hers = _take_over(folder)

    def bundle(kind: str, sequence: int) -> Path:
        payload = bundle_payload.make_payload(
            sequence=sequence, period=previous_period(1), revision=1, audit_head=(1, "ab" * 32), tables=None
        )
        digest = bundle_payload.vouched_digest(bundle_build.full_payload(payload, cert, recipient))
        if kind == "forged":  # the enrolled keys' fingerprint and public keys, her signature
            block = vouch(hers, digest)
            block.update(fingerprint=old_public.fingerprint(), **old_public.public_json())
            payload["office_keys"] = block
        elif kind == "hers":  # what the app writes for her: her keys, vouching correctly
            payload["office_keys"] = vouch(hers, digest)
        data = bundle_build.build_bundle(payload, stolen, cert, chain, crls, recipient)
        folder = tmp_path / str(sequence)
        folder.mkdir()
        return bundle_build.write_bundle(folder, data, "120109", previous_period(1), 1)

    assert _import(upper.district, bundle("forged", 1)).reason == "office_keys_invalid"
    assert _import(upper.district, bundle("stripped", 2)).reason == "office_keys_missing"
    assert _import(upper.district, bundle("hers", 3)).reason == "office_keys_changed"
    assert _imported_rows(upper.district, "120109") == 0


def test_the_swap_shows_on_home_and_administration(upper: Upper, qtbot: QtBot) -> None:
    from shsc_desktop.views.admin import AdminPage
    from shsc_desktop.views.home import RegisterHomePage

    commune = _commune(upper, "120110")
    enrolled = commune.keys.fingerprint() if commune.keys else ""
    page = AdminPage(commune)
    qtbot.addWidget(page)
    wait_for_operations(qtbot)  # the enrolment is read in the background
    line = page.office_keys_line
    assert (
        enrolled in line.text()
        and line.textInteractionFlags() & line.textInteractionFlags().TextSelectableByMouse
    )
    assert page.office_keys_warning.isHidden()
    home = RegisterHomePage(commune)
    qtbot.addWidget(home)
    wait_for_operations(qtbot)  # the enrolment is read in the background
    assert home.office_keys_warning.isHidden()
    folder = commune.folder
    commune.lock("clerk's turn")

    hers = _take_over(folder)
    her = folder.unlock(*CLERK)
    try:
        status = office_keys_status(her)
        assert status.changed and status.enrolled == enrolled and status.fingerprint == hers.fingerprint()
        page = AdminPage(her)
        qtbot.addWidget(page)
        wait_for_operations(qtbot)  # the enrolment is read in the background
        warning = page.office_keys_warning
        assert not warning.isHidden()
        assert enrolled in warning.text() and hers.fingerprint() in warning.text()
        assert hers.fingerprint() in page.office_keys_line.text()
        home = RegisterHomePage(her)
        qtbot.addWidget(home)
        wait_for_operations(qtbot)  # the enrolment is read in the background
        assert not home.office_keys_warning.isHidden()
        assert "not the ones the office above enrolled" in home.office_keys_warning.text()
    finally:
        her.lock("test end")


def test_an_office_enrolled_before_is_bound_by_its_first_bundle(upper: Upper, tmp_path: Path) -> None:
    """Trust on first use: no fingerprint in the older certificate or enrolment row; the district
    records the one the first bundle proves, and holds the office to it from then on."""
    commune = _commune(upper, "120111", legacy_request=True)
    with commune.reading() as s:
        assert pki.office_keys_of(DbKeyStore(s).cert("signing")) is None  # type: ignore[arg-type]
    assert not office_keys_status(commune).changed
    with upper.district.reading() as s:
        row = s.get(EnrolledOffice, "120111")
        assert row is not None and "office_keys" not in json.loads(row.fingerprints)
    approve(commune, previous_period(2))
    first = ExportService(commune).export_month(previous_period(2), tmp_path)
    assert _import(upper.district, first.path).outcome == "imported"
    assert commune.keys is not None
    with upper.district.reading() as s:
        row = s.get(EnrolledOffice, "120111")
        assert row is not None and json.loads(row.fingerprints)["office_keys"] == commune.keys.fingerprint()
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "import").order_by(AuditEntry.seq.desc())
        ).first()
        assert entry is not None
        assert json.loads(entry.details)["office_keys_bound"] == commune.keys.fingerprint()
    stolen = _copy_signing_key(commune)
    folder = commune.folder
    commune.lock("clerk's turn")
    _take_over(folder)
    her = folder.unlock(*CLERK)
    try:
        bundle = _export_with_copied_key(her, stolen, tmp_path / "hers")
    finally:
        her.lock("test end")
    result = _import(upper.district, bundle)
    assert result.reason == "office_keys_changed" and CHANGED in result.message.lower()


def test_moving_the_exchange_keys_at_the_chiefs_unlock_is_audited(upper: Upper) -> None:
    commune = _commune(upper, "120112")
    with commune.transaction(NOTHING) as s:  # as the previous release stored it: under the data key
        store = DbKeyStore(s)
        pki_keys.save_private_key(
            store, "signing", store.key(Purpose.SIGNING, commune.data_key, commune.keys), commune.data_key
        )
    folder = commune.folder
    commune.lock("upgrade")
    chief = folder.unlock("chief", PASSWORD)
    try:
        with chief.reading() as s:
            entries = list(
                s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_keys_protected"))
            )
        assert len(entries) == 1 and entries[0].actor == "chief"
        assert chief.keys is not None
        assert json.loads(entries[0].details) == {
            "keys": ["signing"],
            "office_keys": chief.keys.fingerprint(),
        }
    finally:
        chief.lock("test end")
    chief = folder.unlock("chief", PASSWORD)  # nothing left to move: no second entry
    try:
        with chief.reading() as s:
            count = len(
                list(s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_keys_protected")))
            )
        assert count == 1
    finally:
        chief.lock("test end")


def test_a_district_binds_its_office_keys_up_to_the_ministry(upper: Upper) -> None:
    """One level up: the ministry's CA certificate for the district, and the district's own
    signing certificate under it, bind the district's office keys."""
    district = upper.district
    assert district.keys is not None
    with district.reading() as s:
        store = DbKeyStore(s)
        for name in ("ca", "signing"):
            assert pki.office_keys_of(store.cert(name)) == district.keys.fingerprint()  # type: ignore[arg-type]
    with upper.ministry.reading() as s:
        row = s.get(EnrolledOffice, "1201")
        assert row is not None and json.loads(row.fingerprints)["office_keys"] == district.keys.fingerprint()


def test_the_ministry_rejects_a_district_bundle_vouched_by_other_office_keys(
    upper: Upper, tmp_path: Path
) -> None:
    """The same check one level up: the district's genuine exchange keys, other office keys."""
    from tests.exchange.commune_signer import CommuneSigner

    signer = CommuneSigner.of_district(upper.district)
    signer.office_keys = OfficeKeys.generate()
    swapped = signer.bundle(tmp_path / "swapped", None, period=previous_period(1), sequence=7)
    result = _import(upper.ministry, swapped)
    assert result.reason == "district_office_keys_changed"
    assert "this district's office keys changed since it was enrolled" in result.message.lower()
    assert _imported_rows(upper.ministry, "1201") == 0
