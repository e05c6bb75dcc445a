"""No traceback for any input (issue 10 point 5): hostile input to the command line, run for real.

Every case runs ``python -m shsc_desktop`` as a subprocess, under a memory limit and a time limit,
and must end with a non-zero exit status (not a signal) and exactly one line on stderr, the
``shsc-desktop: <reason>`` line. The cases are the ones that used to end in a traceback, a
MemoryError or a hang: non-UTF-8 or endless standard input, ``/dev/zero``, a FIFO, a folder, and
empty, truncated or random files for every file argument, a 0-byte database, a backup whose page was
changed with a valid checksum, and key-slot KDF parameters edited to absurd values.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from shsc_desktop.services.backup import BackupService
from tests import office_copies
from tests.conftest import CHIEF
from tests.office_copies import QuickOffice

# POSIX only: every case runs under preexec_fn resource limits, and the hostile files include a FIFO,
# /dev/zero and /proc (installer/BUILD.md has the Windows checks).
pytestmark = pytest.mark.posix_only

office_template = office_copies.office_template
quick = office_copies.quick

MEMORY_LIMIT = 2 * 1024**3  # address space: an absurd Argon2 cost must be refused, not attempted
TIME_LIMIT = 90  # a FIFO must never make the command wait for a writer


def _limits() -> None:
    import resource  # POSIX only: imported here so that Windows can collect the module

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(args: list[str | Path], stdin: bytes | Path) -> subprocess.CompletedProcess[bytes]:
    common = {
        "capture_output": True,
        "timeout": TIME_LIMIT,
        "env": {**os.environ, "SHSC_KDF": "fast"},
        "preexec_fn": _limits,
    }
    command = [sys.executable, "-m", "shsc_desktop", *map(str, args)]
    if isinstance(stdin, Path):
        with open(stdin, "rb") as fh:
            return subprocess.run(command, stdin=fh, **common)  # type: ignore[call-overload,no-any-return]
    return subprocess.run(command, input=stdin, **common)  # type: ignore[call-overload,no-any-return]


def assert_one_line_failure(result: subprocess.CompletedProcess[bytes]) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    # SQLCipher logs its own "ERROR CORE" diagnostics of a damaged page; everything else is ours.
    lines = [line for line in stderr.splitlines() if " ERROR CORE " not in f" {line}"]
    assert result.returncode > 0, (result.returncode, stderr)
    assert len(lines) == 1 and lines[0].startswith("shsc-desktop: "), stderr
    return lines[0]


@pytest.fixture
def hostile(tmp_path: Path) -> dict[str, Path]:
    """Files no command should choke on."""
    rng = random.Random(10)
    folder = tmp_path / "hostile"
    folder.mkdir()
    fifo = folder / "fifo"
    os.mkfifo(fifo)
    (folder / "empty").write_bytes(b"")
    (folder / "random").write_bytes(rng.randbytes(70_000))
    (folder / "text").write_text("-----BEGIN CMS-----\nnot really\n", "utf-8")
    (folder / "a-folder").mkdir()
    return {
        "dev-zero": Path("/dev/zero"),
        "fifo": fifo,
        "empty": folder / "empty",
        "random": folder / "random",
        "text": folder / "text",
        "folder": folder / "a-folder",
        "missing": folder / "no-such-file",
    }


FILE_COMMANDS: dict[str, Callable[[Path, Path], list[str | Path]]] = {
    "import": lambda f, out: ["import", f],
    "import-dry-run": lambda f, out: ["import", "--dry-run", f],
    "verify": lambda f, out: ["verify", f],
    "enroll-sign": lambda f, out: ["enroll", "sign", f, "-o", out],
    "enroll-accept": lambda f, out: ["enroll", "accept", f],
    "restore": lambda f, out: ["restore", f],
}


@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
def test_every_file_argument_refuses_hostile_files_in_one_line(
    quick: QuickOffice, hostile: dict[str, Path], tmp_path: Path, command: str
) -> None:
    quick.chief.lock("test")
    for name, path in hostile.items():
        args = FILE_COMMANDS[command](path, tmp_path / "out")
        data = ["--data-dir", quick.folder.data_dir, "--user", "chief", "--password-stdin"]
        result = run([*args, *data], stdin=f"{CHIEF[1]}\n{CHIEF[1]}\n".encode())
        line = assert_one_line_failure(result)
        assert "Traceback" not in line, (name, line)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "stdin",
    [
        b"\xff\xfe\xfa\x80 not utf-8\n",
        "chief-password\n".encode("utf-16"),
        "pässwörd\n".encode("latin-1"),
        b"",
        b"\n",
        b"\x00" * 10_000,
        random.Random(5).randbytes(3000),
        Path("/dev/zero"),
        Path("/dev/null"),
    ],
    ids=[
        "invalid-utf8",
        "utf16",
        "latin1",
        "nothing",
        "empty-line",
        "nuls",
        "random",
        "dev-zero",
        "dev-null",
    ],
)
def test_any_bytes_as_the_password_are_one_line(quick: QuickOffice, stdin: bytes | Path) -> None:
    quick.chief.lock("test")
    data = ["--data-dir", quick.folder.data_dir, "--user", "chief", "--password-stdin"]
    assert_one_line_failure(run(["audit", "verify", *data], stdin=stdin))


def test_a_zero_byte_database_is_one_line(quick: QuickOffice) -> None:
    quick.chief.lock("test")
    quick.folder.db_path.write_bytes(b"")
    for wal in ("office.db-wal", "office.db-shm"):
        (quick.folder.data_dir / wal).unlink(missing_ok=True)
    data = ["--data-dir", quick.folder.data_dir, "--user", "chief", "--password-stdin"]
    line = assert_one_line_failure(run(["audit", "verify", *data], stdin=f"{CHIEF[1]}\n".encode()))
    assert "empty or is not an office database" in line
    assert quick.folder.db_path.stat().st_size == 0  # and it was not turned into a new database


def _rewrite_member(backup: Path, target: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """A copy of ``backup`` with ``member`` changed, written by zipfile: every checksum is valid."""
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, change(data) if info.filename == member else data)


def _flip(offset: int) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        raw = bytearray(data)
        raw[offset] ^= 0x20
        return bytes(raw)

    return change


@pytest.mark.parametrize("where", ["first page", "second page", "last page"])
def test_a_backup_with_a_changed_page_and_valid_checksums_is_one_line(
    quick: QuickOffice, tmp_path: Path, where: str
) -> None:
    backup = BackupService(quick.chief).backup(tmp_path / "b.shscbak").path
    quick.chief.lock("test")
    with zipfile.ZipFile(backup) as zf:
        size = zf.getinfo("office.db").file_size
    offset = {"first page": 100, "second page": 4096 + 200, "last page": size - 300}[where]
    forged = tmp_path / "forged.shscbak"
    _rewrite_member(backup, forged, "office.db", _flip(offset))
    with zipfile.ZipFile(forged) as zf:
        assert zf.testzip() is None  # the archive itself is flawless
    new_pc = tmp_path / "new-pc"
    data = ["--data-dir", new_pc, "--user", "chief", "--password-stdin"]
    line = assert_one_line_failure(run(["restore", forged, *data], stdin=f"{CHIEF[1]}\n".encode()))
    assert "backup" in line.lower()
    assert not (new_pc / "office.db").exists()


def test_a_truncated_backup_is_one_line(quick: QuickOffice, tmp_path: Path) -> None:
    backup = BackupService(quick.chief).backup(tmp_path / "b.shscbak").path
    quick.chief.lock("test")
    raw = backup.read_bytes()
    for cut in (len(raw) // 3, len(raw) - 10):
        truncated = tmp_path / f"cut-{cut}.shscbak"
        truncated.write_bytes(raw[:cut])
        data = ["--data-dir", tmp_path / f"new-{cut}", "--user", "chief", "--password-stdin"]
        assert_one_line_failure(run(["restore", truncated, *data], stdin=f"{CHIEF[1]}\n".encode()))


def _edit_slots(folder: Path, edit: Callable[[dict[str, object]], None]) -> None:
    """Edit both key-slot copies *and* recompute their checksums, as an attacker would."""
    for name in ("keyslots.json", "keyslots.copy.json"):
        doc = json.loads((folder / name).read_text("utf-8"))
        doc.pop("checksum")
        edit(doc["body"])
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
        doc["checksum"] = hashlib.sha256(canonical).hexdigest()
        (folder / name).write_text(json.dumps(doc), "utf-8")


@pytest.mark.parametrize(
    "kdf",
    [
        {"memory_kib": 4 * 1024 * 1024},  # 4 GiB: used to be accepted and end in MemoryError
        {"memory_kib": 2**40},
        {"iterations": 2**31},
        {"memory_kib": 1024 * 1024, "iterations": 64},  # each bound alone, together hours of work
        {"lanes": 0},
        {"memory_kib": -1},
        {"memory_kib": "lots"},
    ],
    ids=["4GiB", "1PiB", "2^31-passes", "hours", "no-lanes", "negative", "text"],
)
def test_absurd_kdf_parameters_are_one_line(quick: QuickOffice, kdf: dict[str, object]) -> None:
    quick.chief.lock("test")

    def edit(body: dict[str, object]) -> None:
        for slot in body["slots"]:  # type: ignore[attr-defined]
            slot["kdf"].update(kdf)

    _edit_slots(quick.folder.data_dir, edit)
    data = ["--data-dir", quick.folder.data_dir, "--user", "chief", "--password-stdin"]
    line = assert_one_line_failure(run(["audit", "verify", *data], stdin=f"{CHIEF[1]}\n".encode()))
    assert "key file" in line


def test_hostile_output_targets_are_one_line(
    quick: QuickOffice, hostile: dict[str, Path], tmp_path: Path
) -> None:
    quick.chief.lock("test")
    data = ["--data-dir", quick.folder.data_dir, "--user", "chief", "--password-stdin"]
    for target in (hostile["empty"] / "below-a-file", Path("/proc/no-such/x"), hostile["fifo"] / "x"):
        result = run(["backup", "-o", target, *data], stdin=f"{CHIEF[1]}\n".encode())
        assert_one_line_failure(result)


def test_a_huge_backup_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.shscbak"
    with open(huge, "wb") as fh:
        fh.truncate(9 * 1024**3)  # sparse: no disk space used
    data = ["--data-dir", tmp_path / "new-pc", "--user", "chief", "--password-stdin"]
    line = assert_one_line_failure(run(["restore", huge, *data], stdin=f"{CHIEF[1]}\n".encode()))
    assert "larger than any office's backup" in line
