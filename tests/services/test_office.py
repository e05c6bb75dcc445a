"""The office folder: what reaches the disk (P1), locking, and the files' integrity (P2, F4)."""

from __future__ import annotations

import tempfile
import uuid
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from shsc_desktop.errors import DatabaseDamaged, OfficeExists, OfficeNotFound
from shsc_desktop.models.engine import REQUIRED_TEMP_STORE, check_compile_options, connect_raw
from shsc_desktop.models.tables import Contact, Incident, User
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.backup import BackupService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.values.changes import NOTHING
from tests.conftest import CHIEF, CLERK, COMMUNE_CODE
from tests.office_copies import QuickOffice

# --- P1: no plaintext record data on disk ---------------------------------------------------------


def _files_under(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def _hits(data: bytes, marker: str) -> list[str]:
    found = []
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        if marker.encode(encoding) in data:
            found.append(encoding)
    return found


def test_canary_never_reaches_disk_in_plaintext(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("SQLITE_TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    marker = f"ZZCANARY-{uuid.uuid4().hex}"
    data_dir = tmp_path / "office"
    backup_dir = tmp_path / "usb"

    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())
    office, _ = folder.create("commune", COMMUNE_CODE, CHIEF[0], CHIEF[1], f"Chief {marker}")
    AccountService(office).add_user(CLERK[0], "clerk", CLERK[1], f"{marker} the clerk")
    with office.transaction(NOTHING) as s:
        for i in range(300):
            s.add(
                Incident(
                    incident_code=f"I{i:05d}",
                    survivor_code=f"S{i:05d}",
                    legacy_survivor_name=f"{marker} survivor {i}",
                    legacy_survivor_phone=f"{marker}-012{i:06d}",
                    legacy_survivor_address=f"Village {marker} {i}",
                    legacy_survivor_birth_date=date(1990, 1, 1 + i % 28),
                    legacy_narrative=(f"{marker} narrative {i} " * 40),
                    date_reported=date(2024, 5, 1 + i % 28),
                    period="2024-05",
                    gbv_type="physical",
                    created_by="chief",
                    updated_by="chief",
                )
            )
            s.add(
                Contact(
                    name_en=f"Shelter {i}",
                    organisation_type="ngo",
                    contact_person=f"{marker} person {i}",
                    phone=f"{marker}-phone",
                    address=f"{marker} street {i}",
                    created_by="chief",
                    updated_by="chief",
                )
            )
    # Edit, delete, and queries big enough to need temporary b-trees (sorts, DISTINCT, GROUP BY).
    with office.transaction(NOTHING) as s:
        for incident in s.scalars(select(Incident).where(Incident.survivor_code < "S00100")):
            incident.legacy_narrative = f"{marker} edited " * 60
        s.execute(delete(Contact).where(Contact.name_en.like("Shelter 1%")))
    with office.reading() as s:
        rows = s.execute(
            text(
                "SELECT i.narrative || c.contact_person AS k FROM incident i CROSS JOIN contact c "
                "WHERE c.name_en LIKE 'Shelter 2%' ORDER BY k DESC"
            )
        ).all()
        assert rows
        s.execute(text("SELECT DISTINCT survivor_address FROM incident ORDER BY survivor_name")).all()
        s.execute(text("SELECT narrative, count(*) FROM incident GROUP BY narrative")).all()
    office.engine.dispose()
    conn = connect_raw(folder.db_path, office.data_key)
    try:
        conn.execute("VACUUM")
        # This build keeps temporary tables in memory and is SQLCipher 4.
        options = [r[0] for r in conn.execute("PRAGMA compile_options").fetchall()]
        assert any(o in options for o in REQUIRED_TEMP_STORE), options
        check_compile_options(conn)
        assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    finally:
        conn.close()
    backup = BackupService(office).backup(backup_dir / "b.shscbak").path
    office.lock("test")

    files = _files_under(data_dir, backup_dir, temp)
    assert folder.db_path in files and backup in files
    leaks = []
    for path in files:
        data = path.read_bytes()
        leaks += [f"{path}: {enc}" for enc in _hits(data, marker)]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    leaks += [f"{path}!{name}: {enc}" for enc in _hits(zf.read(name), marker)]
    assert leaks == []
    # The scan would have seen it: the marker is really in the (decrypted) database.
    office = folder.unlock(*CHIEF)
    with office.reading() as s:
        assert marker in s.scalar(select(User.full_name).where(User.username == "chief"))
    office.lock("test")


# --- locking -----------------------------------------------------------------------------------------


def test_lock_drops_the_key_and_every_connection(quick: QuickOffice) -> None:
    office = quick.folder.unlock(*CLERK)
    with office.reading() as s:
        s.scalar(select(User.id))
    key_buffer = office._data_key
    assert any(key_buffer)
    office.lock("idle")
    assert office.locked
    assert bytes(key_buffer) == bytes(len(key_buffer))
    assert office.engine.pool.checkedout() == 0
    with pytest.raises(RuntimeError):
        _ = office.data_key
    with pytest.raises(RuntimeError), office.reading():
        pass
    office.lock("again")  # harmless


# --- the files ------------------------------------------------------------------------------------


def test_database_file_is_encrypted_and_only_its_own_key_opens_it(tmp_path: Path, quick: QuickOffice) -> None:
    assert not quick.folder.db_path.read_bytes().startswith(b"SQLite format 3")
    other = OfficeFolder(tmp_path / "other", kdf=KdfParams.fast_for_tests())
    other_office, _ = other.create("commune", COMMUNE_CODE, "someone", "someone-password")
    try:
        with pytest.raises(DatabaseDamaged):
            connect_raw(quick.folder.db_path, other_office.data_key)
        with pytest.raises(DatabaseDamaged):
            connect_raw(other.db_path, quick.chief.data_key)
    finally:
        other_office.lock("test")


def test_no_second_office_over_an_existing_one(quick: QuickOffice) -> None:
    with pytest.raises(OfficeExists):
        quick.folder.create("commune", COMMUNE_CODE, "intruder", "intruder-password")
    # Even with the key files gone, the database is never replaced by a new empty one.
    quick.chief.lock("test")
    db = quick.folder.db_path.read_bytes()
    quick.folder.vault.primary.unlink()
    quick.folder.vault.copy.unlink()
    with pytest.raises(OfficeExists):
        quick.folder.create("commune", COMMUNE_CODE, "intruder", "intruder-password")
    assert quick.folder.db_path.read_bytes() == db


def test_missing_database_is_reported_not_recreated(quick: QuickOffice) -> None:
    quick.chief.lock("test")
    quick.folder.db_path.unlink()
    with pytest.raises(DatabaseDamaged) as exc_info:
        quick.folder.unlock(*CHIEF)
    assert "missing" in str(exc_info.value)
    assert not quick.folder.db_path.exists()


def test_empty_folder_has_no_office(tmp_path: Path) -> None:
    folder = OfficeFolder(tmp_path / "nothing", kdf=KdfParams.fast_for_tests())
    with pytest.raises(OfficeNotFound):
        folder.unlock(*CHIEF)
    assert not folder.data_dir.exists()


def test_users_and_office_are_set_up_as_asked(chief: UnlockedOffice, folder: OfficeFolder) -> None:
    assert chief.info.code == COMMUNE_CODE and chief.info.level == "commune"
    users = {u.username: u for u in AccountService(chief).list_users()}
    assert users["chief"].role == "chief" and users["chief"].full_name == "Chief Sokha"
    assert users["clerk"].role == "clerk"
    assert folder.usernames() == ["chief", "clerk"]
