"""The exchange signing key opens only for those who may send reports (issue 10).

A clerk unlocks with her own password and so holds the data key; the office's RSA keys (the one
that signs the monthly bundle above all) are wrapped under a secret derived from the office signing
key, which only the chief's and the recovery slot hold. She plays the adversary here with the
project's API and raw SQL on her own SQLCipher connection.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from shsc_desktop.errors import PermissionDenied
from shsc_desktop.security import keystore, pki_keys
from shsc_desktop.security.keystore import DbKeyStore, ExchangeKeyLocked
from shsc_desktop.security.pki import Purpose
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.values.changes import NOTHING
from tests.exchange.offices import PASSWORD, enrol, make_office, ministry_and_district
from tests.exchange.test_chain import approve, previous_period

CLERK = ("clerk", "clerk-password-1")


@dataclass
class Pair:
    district: UnlockedOffice
    commune: UnlockedOffice  # the chief's session


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    upper = ministry_and_district(tmp_path_factory.mktemp("keys"))
    commune = make_office(upper.root, "commune", "120101", "chief")
    AccountService(commune).add_user(CLERK[0], "clerk", CLERK[1], "Clerk Dara")
    enrol(commune, upper.district, upper.files)
    yield Pair(upper.district, commune)
    upper.lock()
    commune.lock("test end")


def _raw_blob(office: UnlockedOffice, name: str) -> bytes:
    with office.engine.connect() as conn:
        return bytes(
            conn.execute(text("SELECT blob FROM pki_blob WHERE name = :n"), {"n": name}).scalar_one()
        )


def _export_and_import(sender: UnlockedOffice, district: UnlockedOffice, period: str, out: Path) -> None:
    approve(sender, period)
    result = ExportService(sender).export_month(period, out)
    assert ImportService(district).import_files([result.path]).imported == 1


def test_a_clerk_cannot_open_the_signing_key_or_send_the_report(pair: Pair, tmp_path: Path) -> None:
    clerk = pair.commune.folder.unlock(*CLERK)
    try:
        assert clerk.keys is not None and clerk.keys.signing is None
        blob = _raw_blob(clerk, "key/signing")  # raw SQL on her own connection: she can read it
        assert pki_keys.is_office_wrapped(blob)
        for purpose, raw in (("signing", blob), ("signing", _raw_blob(clerk, "key/signing"))):
            with pytest.raises(ValueError):  # her data key opens nothing
                pki_keys.unwrap_private_key(raw, clerk.data_key, purpose)
        with pytest.raises(ValueError):  # nor relabelled as a data-key (version 2) blob
            pki_keys.unwrap_private_key(
                pki_keys.WRAP_MAGIC + blob[len(pki_keys.OFFICE_WRAP_MAGIC) :], clerk.data_key, "signing"
            )
        with clerk.reading() as s, pytest.raises(ExchangeKeyLocked):
            DbKeyStore(s).key(Purpose.SIGNING, clerk.data_key, clerk.keys)
        with clerk.transaction(NOTHING) as s, pytest.raises(ExchangeKeyLocked):
            keystore.protect_private_keys(s, clerk.data_key, clerk.keys)
        approve(clerk, previous_period(3))
        with pytest.raises(PermissionDenied):
            ExportService(clerk).export_month(previous_period(3), tmp_path)
    finally:
        clerk.lock("test end")
    # the chief still sends, and the district accepts it
    _export_and_import(pair.commune, pair.district, previous_period(3), tmp_path)


def test_an_office_enrolled_before_migrates_at_the_chiefs_unlock_not_the_clerks(
    pair: Pair, tmp_path: Path
) -> None:
    chief = pair.commune
    folder = chief.folder
    # as the previous release stored it: under the data key, which the clerk holds
    with chief.transaction(NOTHING) as s:
        store = DbKeyStore(s)
        key = store.key(Purpose.SIGNING, chief.data_key, chief.keys)
        pki_keys.save_private_key(store, "signing", key, chief.data_key)
    numbers = key.private_numbers()
    chief.lock("upgrade")
    clerk = folder.unlock(*CLERK)
    try:
        blob = _raw_blob(clerk, "key/signing")
        assert not pki_keys.is_office_wrapped(blob)  # her unlock does not (cannot) move it
        with clerk.reading() as s:  # still open to her, as in the old release
            assert DbKeyStore(s).key(Purpose.SIGNING, clerk.data_key, clerk.keys).private_numbers() == numbers
    finally:
        clerk.lock("test end")
    chief = folder.unlock("chief", PASSWORD)
    pair.commune = chief
    blob = _raw_blob(chief, "key/signing")
    assert pki_keys.is_office_wrapped(blob)
    with chief.reading() as s:
        assert DbKeyStore(s).key(Purpose.SIGNING, chief.data_key, chief.keys).private_numbers() == numbers
    clerk = folder.unlock(*CLERK)
    try:
        with pytest.raises(ValueError):
            pki_keys.unwrap_private_key(_raw_blob(clerk, "key/signing"), clerk.data_key, "signing")
    finally:
        clerk.lock("test end")
    _export_and_import(chief, pair.district, previous_period(4), tmp_path)


def test_a_key_the_clerk_puts_in_its_place_is_not_adopted(pair: Pair, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    chief = pair.commune
    before = _raw_blob(chief, "key/signing")
    chief.lock("clerk's turn")
    clerk = chief.folder.unlock(*CLERK)
    try:
        own = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        with clerk.transaction(NOTHING) as s:
            pki_keys.save_private_key(DbKeyStore(s), "signing", own, clerk.data_key)
    finally:
        clerk.lock("test end")
    chief = chief.folder.unlock("chief", PASSWORD)
    pair.commune = chief
    # the certificate names the office's key, not hers: the chief's unlock leaves hers as it was
    assert not pki_keys.is_office_wrapped(_raw_blob(chief, "key/signing"))
    with chief.transaction(NOTHING) as s:
        DbKeyStore(s).put("key/signing", before)  # the office's own key, back from a backup
    _export_and_import(chief, pair.district, previous_period(5), tmp_path)
