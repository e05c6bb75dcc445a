"""The data outlives the app (issue 10 point 8).

* The program printed in docs/recovery.md, run exactly as printed, turns the recovery key and the
  slot file into the raw key, and the stock ``sqlcipher3`` module opens the database with it alone.
* The second program printed there opens the survivors' identifying details the app sealed to the
  office's identity key: the name the app wrote comes back, with no code of the app.
* ``recover --to FILE`` writes an unencrypted SQLite copy for emergencies: recovery key only, a loud
  warning, and an audit entry.
"""

from __future__ import annotations

import json
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
from shsc_desktop.services.incidents import IdentifyingDetails, IncidentDraft, IncidentService
from shsc_desktop.values.changes import NOTHING
from tests.conftest import CHIEF, CLERK
from tests.office_copies import QuickOffice

ROOT = Path(__file__).resolve().parents[2]
CODE = f"INC-{uuid.uuid4().hex[:12]}"


def _add_incident(quick: QuickOffice) -> None:
    with quick.chief.transaction(NOTHING) as s:
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


def _documented_program(defines: str = "def raw_keys") -> str:
    text = (ROOT / "docs" / "recovery.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    (program,) = [b for b in blocks if defines in b]
    return program


def _data_folder_copy(quick: QuickOffice, tmp_path: Path) -> Path:
    """Only what the document asks for: a copy of the data folder."""
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("office.db", "office.db-wal", "keyslots.json"):
        if (quick.folder.data_dir / name).exists():
            shutil.copy2(quick.folder.data_dir / name, copy / name)
    return copy


def _run(script: Path, folder: Path, typed: str) -> subprocess.CompletedProcess[str]:
    # Without the project on the path: the program has only the standard library, cryptography
    # and sqlcipher3 (and, for the second program, the first one saved next to it).
    return subprocess.run(
        [sys.executable, str(script), str(folder)],
        input=typed + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=script.parent,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )


def test_the_documented_procedure_opens_the_database_with_plain_sqlcipher(
    quick: QuickOffice, tmp_path: Path
) -> None:
    _add_incident(quick)
    quick.chief.lock("test")
    # Only what the document asks for: a copy of the data folder, the program, the recovery key.
    copy = _data_folder_copy(quick, tmp_path)
    script = tmp_path / "shsc_raw_key.py"
    script.write_text(_documented_program(), "utf-8")
    typed = quick.recovery_key.lower().replace("-", " ")  # as someone might type it from the sheet
    done = _run(script, copy, typed)
    assert done.returncode == 0, done.stderr
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


def test_the_documented_procedure_opens_a_survivors_name_the_app_sealed(
    quick: QuickOffice, tmp_path: Path
) -> None:
    name = f"Srey Recovered {uuid.uuid4().hex[:6]}"  # synthetic
    view = IncidentService(quick.chief).create(
        IncidentDraft(
            date_reported=date.today(),
            classification=(False, False, True),
            consent_services="yes",
            identifying=IdentifyingDetails(survivor_name=name, narrative="Synthetic narrative."),
        )
    )
    _add_incident(quick)  # nothing sealed: not listed
    quick.chief.lock("test")
    copy = _data_folder_copy(quick, tmp_path)
    # The two programs, as printed, side by side as the document says.
    (tmp_path / "shsc_raw_key.py").write_text(_documented_program(), "utf-8")
    script = tmp_path / "shsc_identities.py"
    script.write_text(_documented_program("def unseal"), "utf-8")
    assert "shsc_desktop" not in script.read_text("utf-8")

    done = _run(script, copy, quick.recovery_key)
    assert done.returncode == 0, done.stderr
    lines = [line.split(" ", 2) for line in done.stdout.splitlines()]
    found = {(table, label): json.loads(content) for table, label, content in lines}
    details = found[("incident", view.incident_code)]
    assert details["survivor_name"] == name and details["narrative"] == "Synthetic narrative."

    assert ("incident", CODE) not in found

    # The same value copied onto another record does not open there (the record is bound in).
    raw_key = _run(tmp_path / "shsc_raw_key.py", copy, quick.recovery_key).stdout.split()[0]
    conn = sqlcipher3.connect(str(copy / "office.db"))
    try:
        conn.execute("PRAGMA key = \"x'" + raw_key + "'\"")
        conn.execute(
            "UPDATE incident SET identity_sealed = (SELECT identity_sealed FROM incident"
            " WHERE incident_code = ?) WHERE incident_code = ?",
            (view.incident_code, CODE),
        )
        conn.commit()
    finally:
        conn.close()
    moved = _run(script, copy, quick.recovery_key)
    assert moved.returncode != 0 and moved.stderr.rstrip().endswith("InvalidTag")


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
