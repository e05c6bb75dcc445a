"""Encrypted, verified backups and verified restore (P15, F4, F16).

The restore drill: restore into an empty data folder on a "new PC", then sign in with every user and
with the recovery key. A damaged backup, the wrong password or an older backup never replace data.
"""

from __future__ import annotations

import uuid
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shsc_desktop.errors import BackupInvalid, WrongCredentials
from shsc_desktop.models.engine import connect_raw
from shsc_desktop.models.tables import AuditEntry, Contact, Incident
from shsc_desktop.security import audit
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.backup import BackupService
from shsc_desktop.services.backup_format import read_manifest
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.services.restore import Authorisation, RestoreWouldDowngrade, restore_backup
from shsc_desktop.values.changes import NOTHING
from tests.conftest import CHIEF, CLERK
from tests.office_copies import QuickOffice


def _fill(office: UnlockedOffice, n: int) -> None:
    with office.transaction(NOTHING) as s:
        for i in range(n):
            s.add(Contact(name_en=f"Service {i}", organisation_type="ngo", created_by="t", updated_by="t"))
            s.add(
                Incident(
                    incident_code=f"INC-{uuid.uuid4().hex[:12]}",
                    survivor_code=f"S{i}",
                    legacy_survivor_name=f"Survivor {i}",
                    date_reported=date(2024, 5, 1 + i % 28),
                    period="2024-05",
                    gbv_type="physical",
                    created_by="t",
                    updated_by="t",
                )
            )


def _counts(office: UnlockedOffice) -> tuple[int, int, int]:
    with office.reading() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Contact)) or 0),
            int(s.scalar(select(func.count()).select_from(Incident)) or 0),
            int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0),
        )


def _entry_hash(office: UnlockedOffice, seq: int) -> str:
    with office.reading() as s:
        entry = s.get(AuditEntry, seq)
        assert entry is not None
        return entry.hash


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _dirs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_dir())


def test_restore_drill_on_a_new_pc(tmp_path: Path, quick: QuickOffice) -> None:
    chief = quick.chief
    _fill(chief, 12)
    info = BackupService(chief).backup(tmp_path / "usb" / "office")
    assert info.path.name == "office.shscbak"
    assert info.counts["contacts"] == 12 and info.counts["incidents"] == 12
    head_hash = _entry_hash(chief, info.audit_seq)
    # Nothing but the backup itself is left next to it.
    assert sorted(p.name for p in info.path.parent.iterdir()) == ["office.shscbak"]
    # The archive holds encrypted data only: the database member does not open without the key.
    with zipfile.ZipFile(info.path) as zf:
        assert sorted(zf.namelist()) == ["keyslots.json", "manifest.json", "office.db"]
        assert not zf.read("office.db").startswith(b"SQLite format 3")

    new_pc = OfficeFolder(tmp_path / "new-pc" / "office", kdf=KdfParams.fast_for_tests())
    office = restore_backup(new_pc, info.path, *CHIEF)
    try:
        contacts, incidents, entries = _counts(office)
        assert (contacts, incidents) == (12, 12)
        assert entries == info.audit_seq + 2  # + the unlock and the restore entries
        assert _entry_hash(office, info.audit_seq) == head_hash
        with office.reading() as s:
            assert audit.verify(s).ok
        conn = connect_raw(new_pc.db_path, office.data_key)
        try:
            assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        finally:
            conn.close()
    finally:
        office.lock("test")
    for username, password in (CHIEF, CLERK):
        office = new_pc.unlock(username, password)
        assert _counts(office)[:2] == (12, 12)
        office.lock("test")
    office = new_pc.unlock_with_recovery(quick.recovery_key, "clerk", "clerk-after-drill")
    assert _counts(office)[:2] == (12, 12)
    office.lock("test")


def _zip_positions(path: Path) -> dict[str, int]:
    with zipfile.ZipFile(path) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        db = infos["office.db"]
        cd_offset = zf.start_dir
    raw = path.read_bytes()
    name_len = int.from_bytes(raw[db.header_offset + 26 : db.header_offset + 28], "little")
    extra_len = int.from_bytes(raw[db.header_offset + 28 : db.header_offset + 30], "little")
    db_data = db.header_offset + 30 + name_len + extra_len
    return {
        "database middle": db_data + db.file_size // 2,
        "database first page": db_data + 100,
        "manifest": infos["manifest.json"].header_offset + 60,
        "key slots": infos["keyslots.json"].header_offset + 200,
        "local file name": db.header_offset + 32,
        "central directory method": cd_offset + 10,
        "central directory name": cd_offset + 47,
        "end record": len(raw) - 10,
        "first byte": 0,
    }


SPOTS = [
    "database middle",
    "database first page",
    "manifest",
    "key slots",
    "local file name",
    "central directory method",
    "central directory name",
    "end record",
    "first byte",
]


@pytest.fixture
def two_offices(tmp_path: Path, quick: QuickOffice) -> tuple[Path, OfficeFolder]:
    """A backup file, and another office's data folder it may be restored into."""
    _fill(quick.chief, 5)
    backup = BackupService(quick.chief).backup(tmp_path / "b.shscbak").path
    _fill(quick.chief, 2)  # the data here is newer than the backup
    quick.chief.lock("test")
    return backup, quick.folder


@pytest.mark.parametrize("spot", SPOTS)
def test_a_flipped_byte_makes_the_backup_invalid_and_changes_nothing(
    two_offices: tuple[Path, OfficeFolder], spot: str
) -> None:
    backup, folder = two_offices
    raw = bytearray(backup.read_bytes())
    raw[_zip_positions(backup)[spot]] ^= 0x04
    backup.write_bytes(bytes(raw))
    before = _snapshot(folder.data_dir)
    with pytest.raises(BackupInvalid):
        restore_backup(folder, backup, *CHIEF, allow_older=True, authorisation=Authorisation(*CHIEF))
    assert _snapshot(folder.data_dir) == before
    assert _dirs(folder.data_dir) == []


def test_older_backup_is_refused_unless_allowed(two_offices: tuple[Path, OfficeFolder]) -> None:
    backup, folder = two_offices
    before = _snapshot(folder.data_dir)
    with pytest.raises(RestoreWouldDowngrade) as exc_info:
        restore_backup(folder, backup, *CHIEF, authorisation=Authorisation(*CHIEF))
    assert exc_info.value.backup_seq < exc_info.value.current_seq
    assert "older" in str(exc_info.value)
    assert _snapshot(folder.data_dir) == before
    office = restore_backup(folder, backup, *CHIEF, allow_older=True, authorisation=Authorisation(*CHIEF))
    assert _counts(office)[:2] == (5, 5)
    office.lock("test")
    # The newer files were kept aside, not deleted.
    (kept,) = [p for p in folder.data_dir.iterdir() if p.name.startswith("replaced-")]
    assert (kept / "office.db").read_bytes() == before["office.db"]


def test_restoring_twice_within_one_second_works(two_offices: tuple[Path, OfficeFolder]) -> None:
    backup, folder = two_offices
    # Stand in for a restore a moment ago: the folders kept aside for the next few seconds exist.
    now = datetime.now(UTC)
    for second in range(4):
        stamp = (now + timedelta(seconds=second)).strftime("%Y%m%dT%H%M%SZ")
        (folder.data_dir / f"replaced-{stamp}").mkdir()
    restore_backup(folder, backup, *CHIEF, allow_older=True, authorisation=Authorisation(*CHIEF)).lock("test")
    restore_backup(folder, backup, *CHIEF, allow_older=True, authorisation=Authorisation(*CHIEF)).lock("test")
    kept = [p for p in folder.data_dir.iterdir() if p.name.startswith("replaced-") and any(p.iterdir())]
    assert len(kept) == 2


@pytest.mark.parametrize("who", [("chief", "wrong-password"), ("nobody", CHIEF[1]), ("chief", "")])
def test_wrong_password_for_the_backup_replaces_nothing(
    two_offices: tuple[Path, OfficeFolder], who: tuple[str, str]
) -> None:
    backup, folder = two_offices
    before = _snapshot(folder.data_dir)
    with pytest.raises(WrongCredentials):
        restore_backup(folder, backup, *who, allow_older=True, authorisation=Authorisation(*CHIEF))
    assert _snapshot(folder.data_dir) == before
    assert _dirs(folder.data_dir) == []


def test_backup_opens_with_the_passwords_valid_when_it_was_taken(tmp_path: Path, quick: QuickOffice) -> None:
    backup = BackupService(quick.chief).backup(tmp_path / "b.shscbak").path
    AccountService(quick.chief).reset_password("clerk", "clerk-later-pw")
    new_pc = OfficeFolder(tmp_path / "new-pc", kdf=KdfParams.fast_for_tests())
    with pytest.raises(WrongCredentials):
        restore_backup(new_pc, backup, "clerk", "clerk-later-pw")
    assert not new_pc.db_path.exists()
    restore_backup(new_pc, backup, *CHIEF).lock("test")
    assert _dirs(new_pc.data_dir) == []  # nothing was there to keep aside


def test_manifest_describes_the_backup_without_a_password(tmp_path: Path, quick: QuickOffice) -> None:
    info = BackupService(quick.chief).backup(tmp_path / "b.shscbak")
    manifest = read_manifest(info.path)
    assert manifest["audit_seq"] == info.audit_seq
    assert manifest["office"]["code"] == quick.chief.info.code
    assert "mac" in manifest
    not_a_backup = tmp_path / "x.shscbak"
    not_a_backup.write_bytes(b"PK\x03\x04 garbage")
    with pytest.raises(BackupInvalid):
        read_manifest(not_a_backup)
