"""The data folder keeps to its owner and its own files (issue 10 point 6).

Before: the folder was 0755 and the database 0644 (readable by every account on the PC), leftovers
of interrupted writes were never swept, and deleting ``lockout.json`` reset the back-off.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from shsc_desktop.errors import TooManyAttempts, WrongCredentials
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.office import OfficeFolder
from tests.conftest import CHIEF, COMMUNE_CODE
from tests.office_copies import QuickOffice


def _modes(folder: Path) -> dict[str, str]:
    return {p.name: oct(p.stat().st_mode & 0o777) for p in folder.iterdir() if p.is_file()}


@pytest.mark.posix_only  # file modes; on Windows the folder's ACL (the installer's) protects it
def test_a_new_office_is_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # an ordinary desktop umask: files 0644 unless we say otherwise
    try:
        folder = OfficeFolder(tmp_path / "office", kdf=KdfParams.fast_for_tests())
        office, _key = folder.create("commune", COMMUNE_CODE, *CHIEF)
        modes = _modes(folder.data_dir)
        office.lock("test")
    finally:
        os.umask(old_umask)
    assert oct(folder.data_dir.stat().st_mode & 0o777) == "0o700"
    assert {"office.db", "office.db-wal", "keyslots.json", "audit-anchor.json"} <= set(modes)
    assert set(modes.values()) == {"0o600"}, modes


@pytest.mark.posix_only  # file modes, as above
def test_an_existing_office_is_tightened_at_unlock(quick: QuickOffice) -> None:
    quick.chief.lock("test")
    data = quick.folder.data_dir
    os.chmod(data, 0o755)
    for path in data.iterdir():
        if path.is_file():
            os.chmod(path, 0o644)
    quick.folder.unlock(*CHIEF).lock("test")
    assert oct(data.stat().st_mode & 0o777) == "0o700"
    assert set(_modes(data).values()) == {"0o600"}, _modes(data)


def test_litter_of_interrupted_writes_is_swept_at_start(quick: QuickOffice) -> None:
    quick.chief.lock("test")
    data = quick.folder.data_dir
    old = time.time() - 3600
    litter = [
        data / ".keyslots.json.k2j3h4.tmp",
        data / ".keyslots.copy.json.a8s7d6.tmp",
        data / ".audit-anchor.json.x1.tmp",
    ]
    for path in litter:
        path.write_bytes(b"{ half a slot file")
    half_backups = [
        data / ".shsc-backup-abc123",
        data / "backups" / ".shsc-backup-def456",
        data / ".restore-q1",
    ]
    for folder in half_backups:
        folder.mkdir(parents=True)
        (folder / "office.db").write_bytes(b"encrypted pages")
    fresh = data / ".keyslots.json.inflight.tmp"  # another window is writing this one right now
    fresh.write_bytes(b"{")
    for path in [*litter, *half_backups]:
        os.utime(path, (old, old))
    quick.folder.unlock(*CHIEF).lock("test")
    assert not [p for p in [*litter, *half_backups] if p.exists()]
    assert fresh.exists()


def test_deleting_files_does_not_reset_the_back_off(quick: QuickOffice) -> None:
    quick.chief.lock("test")
    folder = quick.folder
    for _ in range(4):
        with pytest.raises((WrongCredentials, TooManyAttempts)):
            folder.unlock("chief", "not-the-password")
    # The old way around the wait: delete the lockout file (there is none any more) …
    (folder.data_dir / "lockout.json").unlink(missing_ok=True)
    with pytest.raises(TooManyAttempts):
        folder.unlock(*CHIEF)
    # … or the primary slot file: the copy carries the same state.
    (folder.data_dir / "keyslots.json").unlink()
    fresh = OfficeFolder(folder.data_dir, kdf=KdfParams.fast_for_tests())
    with pytest.raises(TooManyAttempts):
        fresh.unlock(*CHIEF)
