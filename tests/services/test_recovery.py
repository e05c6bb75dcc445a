"""The data outlives the app (issue 10 point 8).

* The program printed in docs/recovery.md, run exactly as printed, turns the recovery key and the
  slot file into the raw key, and the stock ``sqlcipher3`` module opens the database with it alone.
* ``recover --to FILE`` writes an unencrypted SQLite copy for emergencies: recovery key only, a loud
  warning, and an audit entry.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import sqlcipher3
from sqlalchemy import select

from shsc_desktop.models.tables import AuditEntry, Incident
from shsc_desktop.security.audit import Action
from tests.conftest import CHIEF, CLERK
from tests.office_copies import QuickOffice

ROOT = Path(__file__).resolve().parents[2]
CODE = f"INC-{uuid.uuid4().hex[:12]}"


def _add_incident(quick: QuickOffice) -> None:
    with quick.chief.transaction() as s:
        s.add(
            Incident(
                incident_code=CODE,
                survivor_code="S1",
                date_reported=date(2024, 5, 3),
                period="2024-05",
                gbv_type="physical",
                created_by="t",
                updated_by="t",
            )
        )


def _documented_program() -> str:
    text = (ROOT / "docs" / "recovery.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    (program,) = [b for b in blocks if "def raw_keys" in b]
    return program


def test_the_documented_procedure_opens_the_database_with_plain_sqlcipher(
    quick: QuickOffice, tmp_path: Path
) -> None:
    _add_incident(quick)
    quick.chief.lock("test")
    # Only what the document asks for: a copy of the data folder, the program, the recovery key.
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("office.db", "office.db-wal", "keyslots.json"):
        if (quick.folder.data_dir / name).exists():
            shutil.copy2(quick.folder.data_dir / name, copy / name)
    script = tmp_path / "shsc_raw_key.py"
    script.write_text(_documented_program(), "utf-8")
    typed = quick.recovery_key.lower().replace("-", " ")  # as someone might type it from the sheet
    done = subprocess.run(
        [sys.executable, str(script), str(copy)],
        input=typed + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    raw_key = done.stdout.split()[0]
    assert re.fullmatch(r"[0-9a-f]{64}", raw_key)

    conn = sqlcipher3.connect(str(copy / "office.db"))
    try:
        conn.execute("PRAGMA key = \"x'" + raw_key + "'\"")
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        rows = conn.execute("SELECT incident_code, gbv_type FROM incident").fetchall()
    finally:
        conn.close()
    assert (CODE, "physical") in rows


def test_a_wrong_recovery_key_gets_nothing_from_the_program(quick: QuickOffice, tmp_path: Path) -> None:
    quick.chief.lock("test")
    script = tmp_path / "shsc_raw_key.py"
    script.write_text(_documented_program(), "utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(quick.folder.data_dir)],
        input=CHIEF[1] + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "InvalidTag" in done.stderr and not done.stdout


def _cli(*args: str | Path, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shsc_desktop", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SHSC_KDF": "fast"},
    )


def test_recover_writes_an_audited_plain_copy_with_the_recovery_key_only(
    quick: QuickOffice, tmp_path: Path
) -> None:
    _add_incident(quick)
    quick.chief.lock("test")
    target = tmp_path / "usb" / "office-plain.sqlite"
    data = ["--data-dir", quick.folder.data_dir]
    for secret in (CHIEF[1], CLERK[1]):  # passwords do not open this door
        refused = _cli("recover", "--to", target, *data, stdin=secret + "\n")
        assert refused.returncode != 0 and len(refused.stderr.splitlines()) == 1, refused.stderr
        assert not target.exists()
    done = _cli("recover", "--to", target, *data, stdin=quick.recovery_key + "\n")
    assert done.returncode == 0, done.stderr
    assert "UNENCRYPTED" in done.stdout and "audit log" in done.stdout
    if os.name == "posix":  # file modes; on Windows the copy is as private as the folder it is in
        assert oct(target.stat().st_mode & 0o777) == "0o600"
    plain = sqlite3.connect(target)  # the standard library: no key at all
    try:
        assert plain.execute("SELECT gbv_type FROM incident WHERE incident_code = ?", (CODE,)).fetchall() == [
            ("physical",)
        ]
    finally:
        plain.close()
    again = _cli("recover", "--to", target, *data, stdin=quick.recovery_key + "\n")
    assert again.returncode != 0 and "already exists" in again.stderr

    office = quick.folder.unlock(*CHIEF)
    try:
        with office.reading() as s:
            entries = s.scalars(
                select(AuditEntry).where(AuditEntry.action == Action.PLAIN_COPY_WRITTEN)
            ).all()
            failed = s.scalars(select(AuditEntry.actor).where(AuditEntry.action == Action.LOGIN_FAILED)).all()
    finally:
        office.lock("test")
    assert [(e.actor, e.target_id) for e in entries] == [("#recovery", "office-plain.sqlite")]
    assert failed.count("#recovery") == 2  # the refused attempts were counted and audited
