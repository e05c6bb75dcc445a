"""The upgrade's own backup of an office whose identities were then sealed holds them in plain
(under the data key). It is kept through the session that sealed them, and deleted — overwritten
first, audited — at the chief's first unlock after that, once the database passed its integrity
check; backups the chief made herself stay, and a clerk's unlock deletes nothing
(docs/security.md, "Backups from before the sealing").

The office is ``tests/data/office-r0004`` (set up before identities were sealed, with a clerk and an
incident whose survivor's name is in plain): a real old database that really upgrades.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import select

from shsc_desktop.models.tables import AuditEntry
from shsc_desktop.security.actions import Action
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.backup import BackupService
from shsc_desktop.services.backup_format import read_manifest
from shsc_desktop.services.office import BACKUP_DIR, OfficeFolder
from tests.conftest import CHIEF, CLERK

STORED = Path(__file__).resolve().parents[1] / "data" / "office-r0004"


def _office(tmp_path: Path) -> OfficeFolder:
    data_dir = tmp_path / "office"
    shutil.copytree(STORED, data_dir)
    return OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())


def _deleted_entries(folder: OfficeFolder) -> list[dict[str, object]]:
    office = folder.unlock(*CLERK)
    try:
        with office.reading() as s:
            return [
                json.loads(d)
                for d in s.scalars(
                    select(AuditEntry.details).where(AuditEntry.action == Action.PLAIN_BACKUPS_DELETED)
                )
            ]
    finally:
        office.lock("test")


def test_the_upgrade_backup_goes_at_the_chiefs_first_unlock_after_the_sealing(tmp_path: Path) -> None:
    folder = _office(tmp_path)
    backups = folder.data_dir / BACKUP_DIR
    office = folder.unlock(*CHIEF)  # upgrades (after its backup), creates the keys, seals
    try:
        (upgrade,) = list(backups.iterdir())
        assert upgrade.name.startswith("before-upgrade-")
        assert read_manifest(upgrade)["schema"] == "0004"
        own = BackupService(office).backup(backups / "chief-copy").path  # hers: stays
    finally:
        office.lock("test")
    assert upgrade.exists()  # kept through the session that sealed: it may still be needed

    office = folder.unlock(*CLERK)  # a clerk's unlock deletes nothing
    office.lock("test")
    assert upgrade.exists()

    office = folder.unlock(*CHIEF)
    try:
        assert office.integrity_checked
    finally:
        office.lock("test")
    assert not upgrade.exists()
    assert own.exists() and sorted(p.name for p in backups.iterdir()) == [own.name]
    (entry,) = _deleted_entries(folder)
    assert entry == {"files": [upgrade.name], "overwritten": True}

    office = folder.unlock(*CHIEF)  # nothing more to delete, nothing more audited
    office.lock("test")
    assert len(_deleted_entries(folder)) == 1


def test_a_backup_not_made_by_the_upgrade_is_never_deleted(tmp_path: Path) -> None:
    """Only a file the audited upgrade named, whose manifest this office's data key vouches for:
    a copy under another name, or a file put in its place, stays; the genuine one then goes."""
    folder = _office(tmp_path)
    backups = folder.data_dir / BACKUP_DIR
    office = folder.unlock(*CHIEF)
    office.lock("test")
    (upgrade,) = list(backups.iterdir())
    copy = backups / "kept-before-upgrade.shscbak"
    shutil.copyfile(upgrade, copy)
    planted = upgrade.read_bytes().replace(b'"schema": "0004"', b'"schema": "0003"')
    assert planted != upgrade.read_bytes()
    genuine = upgrade.read_bytes()
    upgrade.write_bytes(planted)  # the manifest no longer matches its MAC
    office = folder.unlock(*CHIEF)
    office.lock("test")
    assert upgrade.exists() and copy.exists()
    assert _deleted_entries(folder) == []
    upgrade.write_bytes(genuine)  # the upgrade's own file again: it goes, the copy stays
    office = folder.unlock(*CHIEF)
    office.lock("test")
    assert not upgrade.exists() and copy.exists()
    assert [e["files"] for e in _deleted_entries(folder)] == [[upgrade.name]]
