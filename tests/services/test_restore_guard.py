"""Restoring is guarded (issue 10 point 2): the office on this PC must agree, and must be the same.

The attack of the adversarial run: a look-alike office (same commune code, the attacker's own
password) was backed up elsewhere and restored over the real one with exit 0; the real staff were
then told their password was wrong. Now a restore over an office needs that office's chief password
or its recovery key, and a backup of another office id is refused unless the chief explicitly
replaces this office with the other one, naming both.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from shsc_desktop.errors import PermissionDenied, WrongCredentials
from shsc_desktop.models.tables import AuditEntry
from shsc_desktop.security.audit import Action
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.backup import BackupService
from shsc_desktop.services.office import OfficeFolder
from shsc_desktop.services.restore import (
    Authorisation,
    RestoreNeedsAuthorisation,
    RestoreOfficeUnverifiable,
    RestoreOtherOffice,
    restore_backup,
)
from tests.conftest import CHIEF, CLERK, COMMUNE_CODE
from tests.office_copies import QuickOffice
from tests.test_cli import cli, one_line_failure

ATTACKER = ("chief", "attacker-password")


def _snapshot(folder: Path) -> dict[str, object]:
    """The files, with the key slots' back-off state left out: a wrong password given to authorise
    a restore is counted like any other."""
    files: dict[str, object] = {}
    for p in folder.iterdir():
        if p.is_file() and p.name.startswith("keyslots"):
            doc = json.loads(p.read_bytes())
            files[p.name] = (doc["body"], doc["mac"])
        elif p.is_file():
            files[p.name] = p.read_bytes()
    return files


@pytest.fixture
def look_alike_backup(tmp_path: Path) -> Path:
    """A backup of another office with the same commune code and user name, made elsewhere."""
    other = OfficeFolder(tmp_path / "attacker-pc", kdf=KdfParams.fast_for_tests())
    office, _recovery = other.create("commune", COMMUNE_CODE, *ATTACKER)
    try:
        return BackupService(office).backup(tmp_path / "look-alike.shscbak").path
    finally:
        office.lock("test")


def test_a_look_alike_office_cannot_be_restored_over_the_real_one(
    quick: QuickOffice, look_alike_backup: Path
) -> None:
    quick.chief.lock("test")
    folder = quick.folder
    before = _snapshot(folder.data_dir)
    # With only the backup's own (the attacker's) password: refused, nothing changed.
    with pytest.raises(RestoreNeedsAuthorisation):
        restore_backup(folder, look_alike_backup, *ATTACKER, allow_older=True)
    # A clerk of the real office cannot authorise it; a guessed chief password neither.
    with pytest.raises(PermissionDenied):
        restore_backup(folder, look_alike_backup, *ATTACKER, authorisation=Authorisation(*CLERK))
    with pytest.raises(WrongCredentials):
        restore_backup(
            folder, look_alike_backup, *ATTACKER, authorisation=Authorisation("chief", "guess-1234")
        )
    # Even the real chief is stopped: it is another office, whatever its commune code says.
    with pytest.raises(RestoreOtherOffice) as caught:
        restore_backup(folder, look_alike_backup, *ATTACKER, authorisation=Authorisation(*CHIEF))
    message = str(caught.value)
    here_id = folder.vault.load().office_id
    assert here_id[:8] in message and caught.value.backup["office_id"][:8] in message
    assert caught.value.current["code"] == caught.value.backup["code"] == COMMUNE_CODE
    assert _snapshot(folder.data_dir) == before
    assert not [p for p in folder.data_dir.iterdir() if p.is_dir() and p.name != "backups"]
    # The real staff still sign in as before.
    folder.unlock(*CLERK).lock("test")


def test_the_chief_can_replace_this_office_with_another_explicitly(
    quick: QuickOffice, look_alike_backup: Path
) -> None:
    quick.chief.lock("test")
    folder = quick.folder
    replaced_id = folder.vault.load().office_id
    office = restore_backup(
        folder, look_alike_backup, *ATTACKER, authorisation=Authorisation(*CHIEF), replace_office=True
    )
    try:
        with office.reading() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == Action.RESTORE)).one()
        assert replaced_id in entry.details and '"authorised_by": "chief"' in entry.details
    finally:
        office.lock("test")
    if os.name == "posix":  # file modes; on Windows the folder's ACL protects the files
        modes = {p.name: oct(p.stat().st_mode & 0o777) for p in folder.data_dir.iterdir() if p.is_file()}
        assert set(modes.values()) == {"0o600"}, modes
    # The replaced office's files were kept aside, not deleted.
    assert [p for p in folder.data_dir.iterdir() if p.name.startswith("replaced-")]


def test_the_recovery_key_of_this_office_authorises_a_restore(tmp_path: Path, quick: QuickOffice) -> None:
    backup = BackupService(quick.chief).backup(tmp_path / "b.shscbak").path
    quick.chief.lock("test")
    with pytest.raises(WrongCredentials):
        restore_backup(
            quick.folder,
            backup,
            *CHIEF,
            allow_older=True,
            authorisation=Authorisation(recovery_key="AAAA-BBBB"),
        )
    office = restore_backup(
        quick.folder,
        backup,
        *CHIEF,
        allow_older=True,
        authorisation=Authorisation(recovery_key=quick.recovery_key),
    )
    try:
        with office.reading() as s:
            details = s.scalars(select(AuditEntry.details).where(AuditEntry.action == Action.RESTORE)).one()
            failed = list(s.scalars(select(AuditEntry.actor).where(AuditEntry.action == Action.LOGIN_FAILED)))
        assert '"authorised_by": "recovery key"' in details
        assert failed == ["#recovery"]  # the wrong recovery key was counted and audited
    finally:
        office.lock("test")


@pytest.mark.parametrize("how", ["overwritten", "deleted"])
def test_damaging_both_key_files_does_not_switch_the_guard_off(
    quick: QuickOffice, look_alike_backup: Path, how: str
) -> None:
    """The guard used to read "no key slots" as "no office here" and let any backup in. Someone at
    the PC who damages (or deletes) both key files first must still be refused, on the command line
    too (one line, exit status 1), and nothing of the real office may change."""
    quick.chief.lock("test")
    folder = quick.folder
    originals = {p.name: p.read_bytes() for p in (folder.vault.primary, folder.vault.copy)}
    for name in originals:
        if how == "deleted":
            (folder.data_dir / name).unlink()
        else:
            (folder.data_dir / name).write_text('{"body": "damaged"}', "utf-8")
    before = {p.name: p.read_bytes() for p in folder.data_dir.iterdir() if p.is_file()}

    with pytest.raises(RestoreOfficeUnverifiable):
        restore_backup(folder, look_alike_backup, *ATTACKER, allow_older=True)
    command = ["restore", look_alike_backup, "--data-dir", folder.data_dir, "--user", ATTACKER[0]]
    result = cli(*command, "--password-stdin", "--allow-older", password=ATTACKER[1])
    line = one_line_failure(result)
    assert result.returncode == 1
    assert "key files of the office on this computer cannot be read" in line and "--replace-office" in line
    assert {p.name: p.read_bytes() for p in folder.data_dir.iterdir() if p.is_file()} == before
    assert not [p for p in folder.data_dir.iterdir() if p.name.startswith(("replaced-", ".restore-"))]
    # Put the key files back: the real office is untouched and its staff sign in as before.
    for name, raw in originals.items():
        (folder.data_dir / name).write_bytes(raw)
    folder.unlock(*CLERK).lock("test")


def test_the_replace_path_over_unreadable_key_files_says_what_it_did(
    quick: QuickOffice, look_alike_backup: Path
) -> None:
    quick.chief.lock("test")
    folder = quick.folder
    for path in (folder.vault.primary, folder.vault.copy):
        path.write_text("{ damaged", "utf-8")
    command = ["restore", look_alike_backup, "--data-dir", folder.data_dir, "--user", ATTACKER[0]]
    result = cli(*command, "--password-stdin", "--replace-office", password=ATTACKER[1])
    assert result.returncode == 0, result.stderr
    kept = [p for p in folder.data_dir.iterdir() if p.name.startswith("replaced-")]
    assert len(kept) == 1 and (kept[0] / "office.db").exists()
    lines = result.stdout.splitlines()
    assert lines[-1] == f"The office that was on this computer was replaced; its files are kept in {kept[0]}"
    office = folder.unlock(*ATTACKER)
    try:
        with office.reading() as s:
            details = s.scalars(select(AuditEntry.details).where(AuditEntry.action == Action.RESTORE)).one()
        assert '"replaced_office": "unknown (key files unreadable)"' in details
    finally:
        office.lock("test")
