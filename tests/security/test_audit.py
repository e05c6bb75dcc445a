"""The hash-chained audit log (P8, F21): one entry per action, and tampering is detected.

Tampering is done the way an insider with the key would do it: raw SQL through ``connect_raw`` on
the real encrypted file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from shsc_desktop.errors import StorageFailed, WrongCredentials
from shsc_desktop.models.engine import connect_raw
from shsc_desktop.models.tables import AuditEntry, Contact
from shsc_desktop.security import audit
from shsc_desktop.security.audit import Action
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.backup import BackupService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.services.restore import Authorisation, restore_backup
from shsc_desktop.values.changes import NOTHING
from tests.conftest import CHIEF, CLERK
from tests.office_copies import QuickOffice

# --- one entry per action ---------------------------------------------------------------------------


def _entries(office: UnlockedOffice) -> list[AuditEntry]:
    with office.reading() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def _new_actions(office: UnlockedOffice, since: int) -> list[tuple[str, str]]:
    return [(e.actor, e.action) for e in _entries(office) if e.seq > since]


def _head(office: UnlockedOffice) -> int:
    with office.reading() as s:
        return audit.head(s)[0]


def test_every_account_action_writes_exactly_one_entry(
    folder: OfficeFolder, chief: UnlockedOffice, recovery_key: str
) -> None:
    accounts = AccountService(chief)
    steps: list[tuple[Callable[[], Any], list[tuple[str, str]]]] = [
        (lambda: accounts.add_user("dara", "clerk", "dara-password"), [("chief", Action.USER_ADDED)]),
        (lambda: accounts.reset_password("dara", "dara-reset-pw"), [("chief", Action.PASSWORD_RESET)]),
        (lambda: accounts.change_role("dara", "chief"), [("chief", Action.USER_ROLE_CHANGED)]),
        (
            lambda: accounts.change_own_password(CHIEF[1], "chief-new-pw"),
            [("chief", Action.PASSWORD_CHANGED)],
        ),
        (lambda: accounts.replace_recovery_key(), [("chief", Action.RECOVERY_KEY_REPLACED)]),
        (lambda: accounts.remove_user("dara", rotate_key=False), [("chief", Action.USER_REMOVED)]),
    ]
    for action, expected in steps:
        before = _head(chief)
        action()
        assert _new_actions(chief, before) == expected


def test_login_lock_and_failed_login_each_write_one_entry(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    before = _head(chief)
    office = folder.unlock(*CLERK)
    assert _new_actions(chief, before) == [("clerk", Action.UNLOCK)]
    before = _head(chief)
    office.lock("idle")
    assert _new_actions(chief, before) == [("clerk", Action.LOCK)]
    with pytest.raises(WrongCredentials):
        folder.unlock("clerk", "wrong-password")
    before = _head(chief)
    folder.unlock(*CLERK).lock("test")
    assert _new_actions(chief, before) == [
        ("clerk", Action.LOGIN_FAILED),
        ("clerk", Action.UNLOCK),
        ("clerk", Action.LOCK),
    ]


def test_backup_failed_backup_and_restore_each_write_one_entry(
    tmp_path: Path, folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    before = _head(chief)
    info = BackupService(chief).backup(tmp_path / "b1.shscbak")
    assert _new_actions(chief, before) == [("chief", Action.BACKUP)]
    before = _head(chief)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageFailed):
        BackupService(chief).backup(blocker / "b2.shscbak")
    assert _new_actions(chief, before) == [("chief", Action.BACKUP_FAILED)]
    chief.lock("before restore")
    office = restore_backup(folder, info.path, *CHIEF, allow_older=True, authorisation=Authorisation(*CHIEF))
    try:
        # The restored log continues the backup's chain: the unlock, then exactly one restore entry.
        assert _new_actions(office, info.audit_seq) == [("chief", Action.UNLOCK), ("chief", Action.RESTORE)]
        with office.reading() as s:
            assert audit.verify(s).ok
    finally:
        office.lock("test")


def test_a_failed_transaction_leaves_neither_record_nor_entry(chief: UnlockedOffice) -> None:
    before = _head(chief)
    with pytest.raises(RuntimeError), chief.transaction(NOTHING) as s:
        s.add(Contact(name_en="Half saved", organisation_type="ngo", created_by="c", updated_by="c"))
        s.flush()
        audit.record(s, "chief", Action.RECORD_CREATED, "contact", "x")
        raise RuntimeError("crash between write and commit")
    assert _head(chief) == before
    with chief.reading() as s:
        assert s.scalar(select(Contact).where(Contact.name_en == "Half saved")) is None
        assert audit.verify(s).ok


# --- tampering ----------------------------------------------------------------------------------------

N_ENTRIES = 12


@pytest.fixture
def chained(quick: QuickOffice) -> UnlockedOffice:
    """An office whose log holds exactly N_ENTRIES entries, verified ok."""
    chief = quick.chief
    while _head(chief) < N_ENTRIES:
        chief.audit(Action.SETTING_CHANGED, "setting", "x", {"n": _head(chief)})
    with chief.reading() as s:
        report = audit.verify(s)
    assert report.ok and report.entries == N_ENTRIES
    return chief


def _raw_sql(office: UnlockedOffice, *statements: str) -> None:
    conn = connect_raw(office.folder.db_path, office.data_key)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


TAMPERS = [
    ("edit details", ["UPDATE audit_log SET details = '{\"n\": 99}' WHERE seq = 5"], 5),
    ("edit actor", ["UPDATE audit_log SET actor = 'clerk' WHERE seq = 7"], 7),
    ("edit action", ["UPDATE audit_log SET action = 'export' WHERE seq = 3"], 3),
    ("edit time", ["UPDATE audit_log SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = 6"], 6),
    ("edit hash", ["UPDATE audit_log SET hash = '" + "a" * 64 + "' WHERE seq = 9"], 9),
    ("edit first", ["UPDATE audit_log SET target_id = 'other' WHERE seq = 1"], 1),
    ("edit last", ["UPDATE audit_log SET target_id = 'other' WHERE seq = 12"], 12),
    ("delete middle", ["DELETE FROM audit_log WHERE seq = 6"], 6),
    (
        "swap two",
        [
            "UPDATE audit_log SET seq = -1 WHERE seq = 4",
            "UPDATE audit_log SET seq = 4 WHERE seq = 8",
            "UPDATE audit_log SET seq = 8 WHERE seq = -1",
        ],
        4,
    ),
    ("delete last two", ["DELETE FROM audit_log WHERE seq > 10"], 11),
    (
        "delete last two and head",
        ["DELETE FROM audit_log WHERE seq > 10", "DELETE FROM setting WHERE key = 'audit_head'"],
        11,
    ),
    ("delete everything", ["DELETE FROM audit_log", "DELETE FROM setting WHERE key = 'audit_head'"], 1),
]


@pytest.mark.parametrize(("name", "statements", "first_bad"), TAMPERS, ids=[t[0] for t in TAMPERS])
def test_tampering_is_detected_at_the_right_entry(
    chained: UnlockedOffice, name: str, statements: list[str], first_bad: int
) -> None:
    _raw_sql(chained, *statements)
    with chained.reading() as s:
        report = audit.verify(s)
    assert not report.ok
    assert report.first_bad_seq == first_bad, report
    assert report.problem


def test_cli_audit_verify_fails_on_a_tampered_chain(chained: UnlockedOffice) -> None:
    folder = chained.folder

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "shsc_desktop",
                "--data-dir",
                str(folder.data_dir),
                "audit",
                "verify",
                "--user",
                "chief",
                "--password-stdin",
            ],
            input=CHIEF[1] + "\n",
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "SHSC_KDF": "fast"},
        )

    ok = run()
    assert ok.returncode == 0, ok.stderr
    assert "Audit chain OK" in ok.stdout
    _raw_sql(chained, "UPDATE audit_log SET actor = 'nobody' WHERE seq = 4")
    broken = run()
    assert broken.returncode != 0
    assert "BROKEN at entry 4" in broken.stdout + broken.stderr
