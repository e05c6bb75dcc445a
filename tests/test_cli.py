"""The command line, run as a real subprocess (``python -m shsc_desktop``).

Success is exit status 0; every failure is a non-zero status and exactly one line on stderr
(SQLCipher's own "ERROR CORE" diagnostics on a wrong key aside).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.office import OfficeFolder
from shsc_desktop.values.changes import NOTHING
from tests import office_copies
from tests.conftest import CHIEF, CLERK, COMMUNE_CODE
from tests.office_copies import QuickOffice

# The shared office-copy fixtures (tests/security and tests/services get them from their conftest).
office_template = office_copies.office_template
quick = office_copies.quick

RECOVERY_KEY = re.compile(r"^([A-Z0-9]{5}-){7}[A-Z0-9]{5}$", re.MULTILINE)


def cli(*args: str | Path, password: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shsc_desktop", *map(str, args)],
        input="" if password is None else password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SHSC_KDF": "fast"},
    )


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if not line.startswith("ERROR CORE")]


def one_line_failure(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    lines = error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("shsc-desktop: ")
    return lines[0]


@pytest.mark.parametrize("placement", ["before", "after"])
def test_init_prints_a_working_recovery_key(tmp_path: Path, placement: str) -> None:
    data_dir = tmp_path / "office"
    common = ["--data-dir", data_dir, "--user", "chief", "--password-stdin"]
    command = ["init", "--level", "commune", "--code", COMMUNE_CODE, "--full-name", "Chief Sokha"]
    args = [*common, *command] if placement == "before" else [*command, *common]
    result = cli(*args, password=CHIEF[1])
    assert result.returncode == 0, result.stderr
    match = RECOVERY_KEY.search(result.stdout)
    assert match, result.stdout
    assert "Tonle Basak" in result.stdout
    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())
    folder.unlock(*CHIEF).lock("test")
    folder.unlock_with_recovery(match.group(0), "chief", "after-recovery-pw").lock("test")


def test_init_refuses_a_short_password_and_an_existing_office(tmp_path: Path, quick: QuickOffice) -> None:
    quick.chief.lock("test")
    args = ["init", "--level", "commune", "--code", COMMUNE_CODE, "--user", "chief", "--password-stdin"]
    line = one_line_failure(cli("--data-dir", tmp_path / "new", *args, password="short"))
    assert "at least 8 characters" in line
    assert not (tmp_path / "new" / "office.db").exists()
    line = one_line_failure(cli("--data-dir", quick.folder.data_dir, *args, password=CHIEF[1]))
    assert "already exists" in line


@pytest.mark.parametrize(
    ("user", "password"),
    [("chief", "wrong-password"), ("nobody", CHIEF[1]), ("chief", "")],
    ids=["wrong", "unknown", "empty"],
)
def test_bad_credentials_fail_with_one_generic_line(quick: QuickOffice, user: str, password: str) -> None:
    result = cli(
        "audit",
        "verify",
        "--data-dir",
        quick.folder.data_dir,
        "--user",
        user,
        "--password-stdin",
        password=password,
    )
    assert one_line_failure(result) == "shsc-desktop: The user name or password is not correct."


def test_missing_options_and_missing_office_are_one_line_reasons(tmp_path: Path, quick: QuickOffice) -> None:
    line = one_line_failure(cli("--data-dir", quick.folder.data_dir, "audit", "verify", "--user", "chief"))
    assert "--password-stdin" in line
    line = one_line_failure(
        cli(
            "--data-dir",
            tmp_path / "empty",
            "audit",
            "verify",
            "--user",
            "chief",
            "--password-stdin",
            password=CHIEF[1],
        )
    )
    assert "No office has been set up" in line


def test_every_command_is_implemented() -> None:
    """Nothing the parser offers still ends in "not available yet" (``cmd_not_yet``)."""
    from shsc_desktop.cli import COMMANDS
    from shsc_desktop.cli.parser import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) <= set(COMMANDS)  # type: ignore[union-attr]


def test_export_without_a_user_is_a_one_line_reason(quick: QuickOffice, tmp_path: Path) -> None:
    result = cli(
        "--data-dir", quick.folder.data_dir, "export", "--month", "2024-05", "-o", tmp_path / "x.bundle"
    )
    assert "--user" in one_line_failure(result)
    assert not (tmp_path / "x.bundle").exists()


def test_backup_restore_and_audit_verify_round_trip(tmp_path: Path, quick: QuickOffice) -> None:
    quick.chief.lock("test")
    backup = tmp_path / "usb" / "office.shscbak"
    # Options before the subcommand ...
    result = cli(
        "--data-dir",
        quick.folder.data_dir,
        "--user",
        "clerk",
        "--password-stdin",
        "backup",
        "-o",
        backup,
        password=CLERK[1],
    )
    assert result.returncode == 0, result.stderr
    assert "Backup written and verified" in result.stdout and backup.exists()
    # ... and after it.
    new_pc = tmp_path / "new-pc"
    result = cli(
        "restore", backup, "--data-dir", new_pc, "--user", "chief", "--password-stdin", password=CHIEF[1]
    )
    assert result.returncode == 0, result.stderr
    assert "Restored" in result.stdout
    result = cli(
        "audit", "verify", "--data-dir", new_pc, "--user", "clerk", "--password-stdin", password=CLERK[1]
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Audit chain OK")
    # An office is set up there now: restoring over it needs its chief's password too.
    restore = ["restore", backup, "--data-dir", new_pc, "--user", "chief", "--password-stdin"]
    line = one_line_failure(cli(*restore, password=CHIEF[1]))
    assert "Restoring over it needs the password of its chief" in line
    both = f"{CHIEF[1]}\n{CHIEF[1]}"
    # Restoring the now older backup over newer data needs --allow-older.
    line = one_line_failure(cli(*restore, "--current-user", "chief", password=both))
    assert "older" in line
    result = cli(*restore, "--current-user", "chief", "--allow-older", password=both)
    assert result.returncode == 0, result.stderr
    if os.name == "posix":  # file modes; on Windows the folder's ACL protects the files
        modes = {p.name: oct(p.stat().st_mode & 0o777) for p in new_pc.iterdir() if p.is_file()}
        assert set(modes.values()) == {"0o600"}, modes


def test_a_deleted_audit_head_is_one_line_and_the_chief_can_accept_it(quick: QuickOffice) -> None:
    """Deleting only the stored head used to make every later unlock crash with a traceback."""
    from sqlalchemy import delete

    from shsc_desktop.models.tables import Setting

    with quick.chief.transaction(NOTHING) as s:
        s.execute(delete(Setting).where(Setting.key == "audit_head"))
    quick.chief.lock("test")
    data = ["--data-dir", quick.folder.data_dir, "--user", "chief", "--password-stdin"]
    for command in (["audit", "verify"], ["backup", "-o", quick.folder.data_dir.parent / "b"]):
        line = one_line_failure(cli(*command, *data, password=CHIEF[1]))
        assert "audit log" in line and "damaged" in line
    line = one_line_failure(
        cli("audit", "accept-loss", *data[:2], "--user", "clerk", "--password-stdin", password=CLERK[1])
    )
    assert "may not" in line
    accepted = cli("audit", "accept-loss", *data, password=CHIEF[1])
    assert accepted.returncode == 0, accepted.stderr
    verified = cli("audit", "verify", *data, password=CHIEF[1])
    assert verified.returncode == 0, verified.stderr
    assert "Audit chain OK" in verified.stdout
