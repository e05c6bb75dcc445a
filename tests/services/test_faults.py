"""Faults from the outside world (F1, F3, F5, F6, F7; P4, P14): nothing acknowledged is lost.

* the key-slot writer failing part-way through a password change;
* a damaged database file, then a restore from an earlier backup;
* ``kill -9`` in the middle of a stream of saves (a real child process);
* a genuinely full disk (``RLIMIT_FSIZE``) and an unwritable target during a backup.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shsc_desktop import atomic
from shsc_desktop.errors import DatabaseDamaged, StorageFailed
from shsc_desktop.models.engine import connect_raw
from shsc_desktop.models.tables import AuditEntry, Contact
from shsc_desktop.security import audit
from shsc_desktop.security import vault as vault_mod
from shsc_desktop.security.audit import Action
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.backup import BackupService
from shsc_desktop.services.restore import Authorisation, restore_backup
from tests.conftest import CHIEF, CLERK
from tests.contact_rows import add_contacts, contact_count
from tests.office_copies import QuickOffice, unlocks


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("."))


# --- F3 / P4: the slot writer fails part-way ----------------------------------------------------------


@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.999])
@pytest.mark.parametrize("failing_write", [1, 2], ids=["primary", "copy"])
def test_slot_write_failing_part_way_keeps_a_working_password(
    quick: QuickOffice, monkeypatch: pytest.MonkeyPatch, failing_write: int, fraction: float
) -> None:
    """A FailDevice-style writer: the k-th slot-file write stops after N bytes (disk full)."""
    folder = quick.folder
    calls = 0
    real = atomic.atomic_write_bytes

    def failing(target: Path, data: bytes, mode: int = 0o600) -> None:
        nonlocal calls
        calls += 1
        if calls != failing_write:
            real(target, data, mode)
            return
        with atomic.atomic_writer(target, mode) as fh:
            fh.write(data[: int(len(data) * fraction)])
            fh.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    clerk = folder.unlock(*CLERK)
    monkeypatch.setattr(vault_mod, "atomic_write_bytes", failing)
    try:
        AccountService(clerk).change_own_password(CLERK[1], "clerk-new-password")
        reported_ok = True
    except StorageFailed:
        reported_ok = False
    finally:
        monkeypatch.undo()
        clerk.lock("test")
    old_works = unlocks(folder, *CLERK)
    new_works = unlocks(folder, "clerk", "clerk-new-password")
    assert old_works or new_works, "neither password opens the office"
    # What the user was told is what happened: "changed" means the new one works, "failed" the old.
    assert (new_works, old_works) == (reported_ok, not reported_ok)
    assert unlocks(folder, *CHIEF)
    assert _leftovers(folder.data_dir) == []
    # The audit log agrees with the outcome.
    office = folder.unlock(*CHIEF)
    with office.reading() as s:
        changed = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == Action.PASSWORD_CHANGED)
        )
    office.lock("test")
    assert changed == (1 if reported_ok else 0)


# --- F5: a damaged database ----------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["data area", "hmac area", "first page"])
def test_damaged_database_is_reported_and_restored_from_backup(
    tmp_path: Path, quick: QuickOffice, where: str
) -> None:
    folder, chief = quick.folder, quick.chief
    add_contacts(chief, 40, "before backup {i}")
    backup = BackupService(chief).backup(tmp_path / "earlier.shscbak")
    add_contacts(chief, 5, "after backup {i}")
    chief.lock("test")
    assert (
        not (folder.data_dir / "office.db-wal").exists()
        or (folder.data_dir / "office.db-wal").stat().st_size == 0
    )
    raw = bytearray(folder.db_path.read_bytes())
    page = 4096
    pages = len(raw) // page
    if where == "data area":
        pos = (pages // 2) * page + 1000
    elif where == "hmac area":
        pos = (pages // 2) * page + page - 20  # inside the page's reserved IV+HMAC bytes
    else:
        pos = 200
    for i in range(8):
        raw[pos + i] ^= 0xFF
    folder.db_path.write_bytes(bytes(raw))
    slots = (folder.vault.primary.read_bytes(), folder.vault.copy.read_bytes())

    with pytest.raises(DatabaseDamaged) as exc_info:
        folder.unlock(*CHIEF)
    message = str(exc_info.value)
    assert "damaged" in message and "\n" not in message
    # Nothing was written: the key slots and the damaged file itself are left for inspection.
    assert (folder.vault.primary.read_bytes(), folder.vault.copy.read_bytes()) == slots
    assert folder.db_path.read_bytes() == bytes(raw)

    # The database here cannot be read, so the chief's role cannot be checked: the recovery key
    # of this office authorises replacing it.
    office = restore_backup(
        folder,
        backup.path,
        *CHIEF,
        allow_older=True,
        authorisation=Authorisation(recovery_key=quick.recovery_key),
    )
    assert contact_count(office) == 40
    with office.reading() as s:
        assert audit.verify(s).ok
    office.lock("test")
    assert unlocks(folder, *CLERK)
    office = folder.unlock_with_recovery(quick.recovery_key, "clerk", "clerk-after-restore")
    assert contact_count(office) == 40
    office.lock("test")
    # The damaged file is kept aside, not deleted.
    kept = [p for p in folder.data_dir.iterdir() if p.name.startswith("replaced-")]
    assert len(kept) == 1 and (kept[0] / "office.db").read_bytes() == bytes(raw)


# --- F1 / P14: kill -9 during a stream of saves -------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import sys
    from shsc_desktop.models.tables import Contact
    from shsc_desktop.security import audit
    from shsc_desktop.security.kdf import KdfParams
    from shsc_desktop.services.office import OfficeFolder
    from shsc_desktop.values.changes import NOTHING

    folder = OfficeFolder(sys.argv[1], kdf=KdfParams.fast_for_tests())
    office = folder.unlock("chief", "chief-password")
    prefix = sys.argv[2]
    i = 0
    while True:
        with office.transaction(NOTHING) as s:
            c = Contact(id=f"{prefix}{i:06d}", name_en=f"Contact {i}", organisation_type="ngo",
                        created_by="k", updated_by="k")
            s.add(c)
            s.flush()
            audit.record(s, "chief", "record_created", "contact", c.id)
        # Only now is the save acknowledged.
        sys.stdout.write(c.id + "\\n")
        sys.stdout.flush()
        i += 1
    """
)


@pytest.mark.slow
def test_kill_9_during_saves_loses_no_acknowledged_record(tmp_path: Path, quick: QuickOffice) -> None:
    folder = quick.folder
    quick.chief.lock("handing over to the child")
    rng = random.Random(20240611)
    acknowledged: list[str] = []
    for iteration in range(5):
        target = rng.randint(20, 150)
        with (
            open(tmp_path / f"child{iteration}.err", "wb") as err,
            subprocess.Popen(
                [sys.executable, "-c", CHILD, str(folder.data_dir), f"it{iteration}-"],
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                env={**os.environ, "SHSC_KDF": "fast"},
            ) as proc,
        ):
            assert proc.stdout is not None
            lines = 0
            deadline = time.monotonic() + 20
            while lines < target:
                line = proc.stdout.readline()
                assert line, f"child died early: {(tmp_path / f'child{iteration}.err').read_text()}"
                acknowledged.append(line.strip())
                lines += 1
                assert time.monotonic() < deadline, "child too slow"
            time.sleep(rng.random() * 0.01)  # land somewhere inside the next transaction
            proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up either way
            # Whatever it managed to print before dying was acknowledged too.
            acknowledged.extend(x.strip() for x in proc.stdout.read().splitlines() if x.strip())
            proc.wait(timeout=10)
            assert proc.returncode == (-signal.SIGKILL if os.name == "posix" else 1)

        office = folder.unlock(*CHIEF)  # runs cipher_integrity_check and integrity_check itself
        try:
            with office.reading() as s:
                stored = set(s.scalars(select(Contact.id)))
                report = audit.verify(s)
                logged = set(
                    s.scalars(select(AuditEntry.target_id).where(AuditEntry.action == Action.RECORD_CREATED))
                )
            missing = [i for i in acknowledged if i not in stored]
            assert not missing, f"iteration {iteration}: acknowledged but lost: {missing[:5]}"
            assert report.ok, report
            # No partial transaction: every record has its audit entry and vice versa.
            assert stored == logged
            conn = connect_raw(folder.db_path, office.data_key)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
            finally:
                conn.close()
        finally:
            office.lock("test")
    assert len(acknowledged) >= 5 * 20


# --- F6 / F7: disk full and unwritable target during a backup -----------------------------------------

FSIZE_WRAPPER = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write() then returns EFBIG
    limit = int(sys.argv.pop(1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from shsc_desktop.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _cli_backup(data_dir: Path, target: Path, limit: int | None) -> subprocess.CompletedProcess[str]:
    prefix = (
        [sys.executable, "-c", FSIZE_WRAPPER, str(limit)] if limit else [sys.executable, "-m", "shsc_desktop"]
    )
    return subprocess.run(
        [
            *prefix,
            "--data-dir",
            str(data_dir),
            "backup",
            "--user",
            "chief",
            "--password-stdin",
            "-o",
            str(target),
        ],
        input=CHIEF[1] + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SHSC_KDF": "fast"},
    )


@pytest.mark.posix_only  # RLIMIT_FSIZE; on Windows fill a small USB stick by hand (installer/BUILD.md)
@pytest.mark.parametrize("stage", ["database copy", "archive"])
def test_disk_full_during_backup_leaves_earlier_backup_and_no_partial_file(
    tmp_path: Path, quick: QuickOffice, stage: str
) -> None:
    folder, chief = quick.folder, quick.chief
    add_contacts(chief, 200, "a fairly long contact name to grow the file {i}")
    target_dir = tmp_path / "usb"
    earlier = BackupService(chief).backup(target_dir / "earlier.shscbak").path
    earlier_bytes = earlier.read_bytes()
    chief.lock("test")
    db_size = folder.db_path.stat().st_size
    limit = db_size // 2 if stage == "database copy" else len(earlier_bytes) - 1500

    result = _cli_backup(folder.data_dir, target_dir / "new.shscbak", limit)

    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("ERROR CORE")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("shsc-desktop: ")
    assert "could not be written" in lines[0] or "Cannot write" in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in target_dir.iterdir()) == ["earlier.shscbak"]
    assert earlier.read_bytes() == earlier_bytes
    # The office is unharmed and the failure is in its audit log.
    office = folder.unlock(*CHIEF)
    try:
        assert contact_count(office) == 200
        with office.reading() as s:
            actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
            assert audit.verify(s).ok
    finally:
        office.lock("test")
    assert Action.BACKUP_FAILED in actions[-4:]


def test_backup_to_an_unwritable_place_is_a_clear_message(tmp_path: Path, quick: QuickOffice) -> None:
    quick.chief.lock("test")
    not_a_folder = tmp_path / "i-am-a-file"
    not_a_folder.write_text("x")
    result = _cli_backup(quick.folder.data_dir, not_a_folder / "sub" / "b.shscbak", None)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("ERROR CORE")]
    assert len(lines) == 1 and lines[0].startswith("shsc-desktop: Cannot write to"), result.stderr
    assert not_a_folder.read_text() == "x"
