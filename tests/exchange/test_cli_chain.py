"""The same chain through the command line, each office its own data folder and each step its own
process (``python -m shsc_desktop ... --password-stdin``), then a ``kill -9`` during an import.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import func, select

from shsc_desktop.models.engine import connect_raw
from shsc_desktop.models.tables import AuditEntry, BundleReceived, ImportedStatistics
from shsc_desktop.security import audit
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.completeness import CompletenessService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import CHUNK_ENV, ImportService
from shsc_desktop.services.office import OfficeFolder

from .test_chain import PERIOD, add_incidents, approve, previous_period

PASSWORDS = {"m": "ministry-pass-1", "d": "district-pass-1", "c1": "commune-pass-1", "c2": "commune-pass-2"}
USERS = {"m": "officer", "d": "khan", "c1": "chief", "c2": "chief"}


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"SHSC_KDF": "fast", "SHSC_RSA_BITS": "2048", "QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def cli(root: Path, office: str, *args: str, stdin_extra: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shsc_desktop", *args, "--data-dir", str(root / office),
         "--user", USERS[office], "--password-stdin"],
        input=PASSWORDS[office] + "\n" + stdin_extra, capture_output=True, text=True, timeout=120,
        cwd=root, env=_env(), check=False,
    )  # fmt: skip


def cli_parallel(root: Path, *calls: tuple[str, ...]) -> list[str]:
    """Independent commands (different offices) at the same time: the suite stays fast."""
    procs = []
    for office, *args in calls:
        cmd = [sys.executable, "-m", "shsc_desktop", *args, "--data-dir", str(root / office),
               "--user", USERS[office], "--password-stdin"]  # fmt: skip
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=root, env=_env())  # fmt: skip
        procs.append((p, PASSWORDS[office] + "\n"))
    outs = []
    for p, password in procs:
        out, err = p.communicate(password, timeout=120)
        assert p.returncode == 0, err + out
        outs.append(out)
    return outs


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return proc.stdout


def _folder(root: Path, office: str) -> OfficeFolder:
    return OfficeFolder(root / office, kdf=KdfParams.fast_for_tests())


@pytest.fixture(scope="module")
def cli_chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    cli_parallel(
        root,
        ("m", "init", "--level", "ministry"),
        ("d", "init", "--level", "district", "--code", "1201"),
        ("c1", "init", "--level", "commune", "--code", "120101"),
        ("c2", "init", "--level", "commune", "--code", "120109"),
    )
    offices = ("d", "c1", "c2")
    requests = cli_parallel(root, *((o, "enroll", "request", "-o", f"{o}.req") for o in offices))
    signed = {"d": ok(cli(root, "m", "enroll", "sign", "d.req", "-o", "d.pkg"))}
    ok(cli(root, "d", "enroll", "accept", "d.pkg"))
    for o in ("c1", "c2"):
        signed[o] = ok(cli(root, "d", "enroll", "sign", f"{o}.req", "-o", f"{o}.pkg"))
    accepted = cli_parallel(root, *((o, "enroll", "accept", f"{o}.pkg") for o in ("c1", "c2")))
    for o, out in zip(offices, requests, strict=True):
        assert out.split("office above): ")[1].strip() in signed[o]  # the same request fingerprint
    for o, out in zip(("c1", "c2"), accepted, strict=True):
        for line in signed[o].splitlines()[2:]:
            assert line in out  # and the same certificate fingerprints
    return root


def test_month_through_the_command_line(cli_chain: Path) -> None:
    root = cli_chain
    office = _folder(root, "c1").unlock(USERS["c1"], PASSWORDS["c1"])
    add_incidents(office, PERIOD, 6)
    office.lock("test")
    cli_parallel(root, ("c1", "approve", "--month", PERIOD), ("c2", "approve", "--month", PERIOD))
    exported = cli_parallel(root, *((c, "export", "--month", PERIOD, "-o", "usb") for c in ("c1", "c2")))
    p1, p2 = (root / Path(out.strip()) for out in exported)
    assert p1.name == f"SHSC-120101-{PERIOD}-r1.shsc" and p2.exists()

    dry = cli(root, "d", "import", "--dry-run", str(p1), str(p2))
    assert dry.returncode == 0 and "dry run" in dry.stdout and "2 imported" in dry.stdout
    assert "OK: " in ok(cli(root, "d", "verify", str(p1)))
    first = ok(cli(root, "d", "import", str(p1), str(p2)))
    assert "2 imported, 0 updated, 0 already imported, 0 rejected" in first
    again = cli(root, "d", "import", str(p1), "d.pkg")
    assert (
        again.returncode != 0
        and "already imported" in again.stdout
        and "rejected (not_a_bundle)" in again.stdout
    )
    assert again.stderr.count("\n") == 1  # one line of reason

    ok(cli(root, "d", "approve", "--month", PERIOD))
    up = root / Path(ok(cli(root, "d", "export", "--month", PERIOD, "-o", "usb")).strip())
    assert "1 imported" in ok(cli(root, "m", "import", str(up)))
    ministry = _folder(root, "m").unlock(USERS["m"], PASSWORDS["m"])
    try:
        totals = CompletenessService(ministry).district_totals(PERIOD)
        assert totals.table("headline").value("new_incidents", "this_month") == 6
    finally:
        ministry.lock("test")

    keys = ok(cli(root, "d", "keys", "export", "-o", "keys", stdin_extra="key-export-pass\n"))
    assert "district-encryption-key.pem" in keys
    refused = cli(root, "c1", "keys", "export", "-o", "keys-c1", stdin_extra="key-export-pass\n")
    assert refused.returncode != 0 and refused.stderr.startswith("shsc-desktop: ")


def _received(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM received_bundle").fetchone()[0])


def _received_now(root: Path) -> int:
    office = _folder(root, "d").unlock(USERS["d"], PASSWORDS["d"])
    try:
        conn = connect_raw(office.folder.db_path, office.data_key)
        try:
            return _received(conn)
        finally:
            conn.close()
    finally:
        office.lock("test")


def test_kill_during_import_leaves_whole_bundles(cli_chain: Path) -> None:
    root = cli_chain
    out = root / "batch"
    for code in ("c1", "c2"):
        office = _folder(root, code).unlock(USERS[code], PASSWORDS[code])
        try:
            for back in range(2, 14):
                approve(office, previous_period(back))
                ExportService(office).export_month(previous_period(back), out)
        finally:
            office.lock("test")
    files = sorted(str(p) for p in out.iterdir())
    watcher = _folder(root, "d").unlock(USERS["d"], PASSWORDS["d"])
    watch = connect_raw(watcher.folder.db_path, watcher.data_key)
    watcher.lock("test")
    before_batch = _received(watch)
    args = [sys.executable, "-m", "shsc_desktop", "import", *files, "--data-dir", str(root / "d"),
            "--user", USERS["d"], "--password-stdin"]  # fmt: skip
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=_env(**{CHUNK_ENV: "1"}), cwd=root)  # fmt: skip
    assert proc.stdin is not None
    proc.stdin.write((PASSWORDS["d"] + "\n").encode())
    proc.stdin.close()
    try:
        # Between the importer's bundles, take the write lock for a moment and count; once at least
        # one bundle is committed, kill it while the lock is held (it cannot commit another): the
        # kill lands after the first bundle and before the last, whatever the speed of the machine.
        watch.execute("PRAGMA busy_timeout = 0")  # never wait: the importer's turn is the pause
        deadline = time.monotonic() + 90
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                watch.execute("BEGIN IMMEDIATE")
            except sqlcipher3.dbapi2.OperationalError:  # the importer holds it: a bundle is going in
                time.sleep(0.0005)
                continue
            if _received(watch) > before_batch:
                break
            watch.execute("COMMIT")
            time.sleep(0.0005)
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        proc.wait(timeout=30)
        if watch.in_transaction:
            watch.execute("ROLLBACK")
    finally:
        watch.close()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
    killed = -signal.SIGKILL if os.name == "posix" else 1  # 1: what TerminateProcess is given
    assert proc.returncode == killed  # killed, not finished
    imported = _received_now(root) - before_batch
    assert 0 < imported < len(files)

    district = _folder(root, "d").unlock(USERS["d"], PASSWORDS["d"])
    try:
        with district.reading() as s:
            assert audit.verify(s).ok
            received = {r.bundle_id: r for r in s.scalars(select(BundleReceived))}
            stats = list(s.scalars(select(ImportedStatistics)))
            imports = [
                json.loads(e.details)
                for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "import"))
            ]
        # every bundle applied has its statistics and its audit entry; nothing half-applied
        assert {st.bundle_id for st in stats} <= set(received)
        assert len(imports) == len(received)
        for st in stats:
            assert received[st.bundle_id].period == st.period
        before = len(received)
        summary = ImportService(district).import_files([Path(f) for f in files])
        assert summary.rejected == 0
        assert summary.already_imported == before - 2  # the two PERIOD bundles are not in the batch
        with district.reading() as s:
            total = s.scalar(select(func.count()).select_from(ImportedStatistics))
        assert total == len(files) + 2
    finally:
        district.lock("test")
