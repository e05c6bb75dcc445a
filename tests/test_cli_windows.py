"""The command line as a Windows office PC runs it: output redirected in the ANSI code page (cp1252),
a Khmer folder name, a password piped from cmd.exe or PowerShell (CRLF), and ``*`` left unexpanded by
cmd.exe. Run as real subprocesses; the code page is forced with ``PYTHONIOENCODING``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from shsc_desktop.cli.console import expand_wildcards
from shsc_desktop.services.office import OfficeFolder
from tests.conftest import CHIEF, COMMUNE_CODE
from tests.test_cli import RECOVERY_KEY


def run(*args: str | Path, stdin: bytes, encoding: str = "cp1252") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "shsc_desktop", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**os.environ, "SHSC_KDF": "fast", "PYTHONIOENCODING": encoding},
    )


def test_init_in_a_khmer_folder_with_cp1252_output_shows_the_key_first(tmp_path: Path) -> None:
    data_dir = tmp_path / "ការិយាល័យ ឃុំ"
    result = run(
        "init", "--level", "commune", "--code", COMMUNE_CODE, "--data-dir", data_dir,
        "--user", "chief", "--password-stdin",
        stdin=CHIEF[1].encode() + b"\r\n",  # cmd.exe and PowerShell end the line with CRLF
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")  # UTF-8 whatever the console's code page
    key = RECOVERY_KEY.search(out)
    assert key is not None
    assert out.index("Recovery key") < out.index("Office created")  # the key comes first
    assert str(data_dir) in out  # the Khmer folder name is written correctly, not as "?"
    # the password had its CR/LF removed and nothing else; the printed key opens the office
    OfficeFolder(data_dir).unlock("chief", CHIEF[1]).lock("checked")
    OfficeFolder(data_dir).unlock_with_recovery(key.group(0), "chief", "after-recovery-pw").lock("ok")


def test_a_password_keeps_its_spaces_and_quotes(tmp_path: Path) -> None:
    """cmd.exe's `echo 'pw' | …` sends the quotes and a trailing space: they are part of the password,
    as documented (only the line end is removed), so that a password is never silently changed."""
    data_dir = tmp_path / "office"
    typed = b"'a-long-password' \r\n"
    result = run(
        "init", "--level", "commune", "--code", COMMUNE_CODE, "--data-dir", data_dir,
        "--user", "chief", "--password-stdin", stdin=typed,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    OfficeFolder(data_dir).unlock("chief", "'a-long-password' ").lock("checked")


def test_wildcards_are_expanded_on_windows_only(tmp_path: Path) -> None:
    for name in ("SHSC-120101-2026-10-r1.shsc", "SHSC-120109-2026-10-r1.shsc", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    pattern = tmp_path / "*.shsc"
    assert expand_wildcards([pattern], windows=True) == [
        tmp_path / "SHSC-120101-2026-10-r1.shsc",
        tmp_path / "SHSC-120109-2026-10-r1.shsc",
    ]
    assert expand_wildcards([tmp_path / "SHSC-1201??-*"], windows=True) == sorted(tmp_path.glob("SHSC-*"))
    assert expand_wildcards([pattern], windows=False) == [pattern]  # a POSIX shell already did it
    missing = tmp_path / "none-*.shsc"
    assert expand_wildcards([missing], windows=True) == [missing]  # reported as missing later


def test_self_test_rasterises_a_pdf_page_and_prints_it(tmp_path: Path) -> None:
    result = run("self-test", stdin=b"", encoding="cp1252")
    assert result.returncode == 0, result.stdout.decode("utf-8", "replace")
    lines = result.stdout.decode("utf-8").splitlines()
    assert any(line.startswith("ok   print: 1 page rasterised by PDFium") for line in lines), lines
