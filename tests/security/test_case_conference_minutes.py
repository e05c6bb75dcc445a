"""Case-conference minutes are identifying (issue 11, point 6).

They may name survivors, so their free text is sealed to the office's identity key like an
incident's identifying details. The insider at the shared PC -- the clerk, with her own password, a
Python prompt on the project's API and raw SQL on the SQLCipher file opened with her own data key --
reads ciphertext only; the chief reads them, and every such view is audited; a clerk sees the meeting
(date, attendance, action items) without the text. Migration 0010 seals the minutes recorded before.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import select, text

from shsc_desktop.errors import IdentityLocked, PermissionDenied
from shsc_desktop.models import migrate
from shsc_desktop.models.engine import connect_raw, make_engine
from shsc_desktop.models.tables import AuditEntry
from shsc_desktop.security.permissions import Role
from shsc_desktop.services import identities
from shsc_desktop.services.meetings import ActionItemDraft, Attendance, MeetingDraft, MeetingService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from tests.conftest import CHIEF, CLERK

CANARY = "ZZMINUTES"
PLAIN = "ZZPLAINMINUTES"  # a consultation's minutes: not identifying, stored as typed
TODAY = date.today()


def conference(concerns: str = f"{CANARY} Sophea's husband came back", **changes: object) -> MeetingDraft:
    base = MeetingDraft(
        meeting_type="case_conference",
        meeting_date=TODAY,
        venue_village_code="12010102",
        facilitator="CCWC focal point",
        attendance=(Attendance("police", 0, 2), Attendance("health_centre", 3, 0)),
        concerns_raised=concerns,
        decisions=f"{CANARY} move her to the safe shelter",
        action_items=(ActionItemDraft("Call the shelter", "CCWC focal point", TODAY + timedelta(days=2)),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# --- the insider's tools ---------------------------------------------------------------------------


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """Every page of an SQLCipher 4 file (or WAL) decrypted with the raw key, free space included:
    more than any SQL can show (AES-256-CBC per page, 16-byte IV and 64-byte HMAC reserved at its end;
    a raw ``x'…'`` key is the cipher key itself)."""
    data = path.read_bytes()
    size, reserve = 4096, 80

    def page(raw: bytes, first: bool) -> bytes:
        start = 16 if first else 0
        iv = raw[size - reserve : size - reserve + 16]
        body = raw[start : size - reserve]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        return dec.update(body) + dec.finalize()

    out = []
    if path.name.endswith("-wal"):
        offset = 32
        while offset + 24 + size <= len(data):
            out.append(
                page(data[offset + 24 : offset + 24 + size], int.from_bytes(data[offset : offset + 4]) == 1)
            )
            offset += 24 + size
    else:
        for i in range(0, len(data) - size + 1, size):
            out.append(page(data[i : i + size], i == 0))
    return b"".join(out)


def insider_finds(folder: OfficeFolder, key: bytes, word: str) -> list[str]:
    """Where ``word`` shows in the database files: raw, decrypted page by page, or through SQL."""
    found = []
    for name in ("office.db", "office.db-wal"):
        path = folder.data_dir / name
        if not path.exists():
            continue
        if word.encode() in path.read_bytes():
            found.append(f"{name} raw")
        if word.encode() in decrypted_pages(path, key):
            found.append(f"{name} decrypted")
    conn = connect_raw(folder.db_path, key)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows = [repr(row) for table in tables for row in conn.execute(f'SELECT * FROM "{table}"')]
        if any(word in row for row in rows):
            found.append("sql dump")
    finally:
        conn.close()
    return found


def viewed(office: UnlockedOffice) -> list[AuditEntry]:
    with office.reading() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(
                    AuditEntry.action == "identifying_viewed", AuditEntry.target_type == "meeting"
                )
            )
        )


# --- the tests -------------------------------------------------------------------------------------


def test_clerk_records_minutes_she_then_reads_only_as_ciphertext(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    by_chief = MeetingService(chief).create(conference())
    chief.lock("test")
    clerk = folder.unlock(*CLERK)
    key = bytes(clerk.data_key)
    try:
        service = MeetingService(clerk)
        # She takes the minutes down; they are sealed and she cannot read them back.
        mine = service.create(conference(f"{CANARY} Dara's neighbour"))
        assert mine.minutes_sealed and mine.minutes_withheld and mine.concerns_raised == ""
        plain = service.create(conference(PLAIN, meeting_type="community_consultation", decisions=PLAIN))
        assert not plain.minutes_sealed and service.get(plain.id).concerns_raised == PLAIN

        seen = service.get(by_chief.id)
        assert seen.minutes_withheld and (seen.concerns_raised, seen.decisions) == ("", "")
        assert (seen.meeting_date, seen.female, seen.male) == (TODAY, 3, 2)  # the meeting itself is hers
        assert [a.action for a in seen.action_items] == ["Call the shelter"]
        assert viewed(clerk) == []  # nothing was opened

        with clerk.engine.connect() as conn:
            rows = [tuple(r) for r in conn.execute(text("SELECT * FROM meeting"))]
            sealed = conn.execute(
                text("SELECT id, minutes_sealed FROM meeting WHERE meeting_type = 'case_conference'")
            ).all()
        assert all(CANARY not in repr(r) for r in rows)
        assert len(sealed) == 2 and all(isinstance(b, bytes) and len(b) > 60 for _, b in sealed)
        # Her session holds no identity key: the project's own API opens nothing ...
        assert clerk.keys is not None and clerk.keys.identity is None
        with pytest.raises(IdentityLocked):
            identities.open_value(clerk, sealed[0][1], identities.meeting_context(sealed[0][0]))
        # ... nor does giving herself the chief's role in code.
        clerk.actor = type(clerk.actor)(clerk.actor.user_id, "clerk", Role.CHIEF)
        with pytest.raises(IdentityLocked):
            MeetingService(clerk).get(by_chief.id)
    finally:
        clerk.lock("test")
    # The whole file, decrypted page by page with her key (free space included), and the SQL dump.
    assert insider_finds(folder, key, CANARY) == []
    assert "office.db decrypted" in insider_finds(folder, key, PLAIN)  # the decryption does work


def test_the_chiefs_every_view_is_audited_and_a_clerk_keeps_minutes_she_cannot_read(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    meeting = MeetingService(chief).create(conference())
    chief.lock("test")
    clerk = folder.unlock(*CLERK)
    try:
        service = MeetingService(clerk)
        current = service.get(meeting.id)
        draft = replace(current.as_draft(), attendance=(*current.attendance, Attendance("youth", 4, 4)))
        assert draft.keep_minutes
        service.update(meeting.id, draft, current.version)  # attendance corrected, minutes kept
        current = service.get(meeting.id)
        with pytest.raises(PermissionDenied):  # she may not overwrite what she cannot read
            service.update(
                meeting.id, replace(draft, keep_minutes=False, concerns_raised="x"), current.version
            )
    finally:
        clerk.lock("test")
    chief = folder.unlock(*CHIEF)
    try:
        service = MeetingService(chief)
        for _ in range(2):
            seen = service.get(meeting.id)
            assert (
                seen.concerns_raised == f"{CANARY} Sophea's husband came back" and not seen.minutes_withheld
            )
            assert seen.total == 13
        entries = viewed(chief)
        assert [(e.actor, e.target_id, json.loads(e.details)["field"]) for e in entries] == [
            ("chief", meeting.id, "minutes")
        ] * 2
        assert service.list_meetings()[0].participants == 13  # the list opens nothing
        assert len(viewed(chief)) == 2
        edited = service.update(
            meeting.id, replace(seen.as_draft(), decisions="Refer to the shelter"), seen.version
        )
        assert edited.decisions == "Refer to the shelter" and edited.minutes_sealed
        service.delete(meeting.id, "recorded twice")
        with chief.engine.connect() as conn:
            assert conn.execute(text("SELECT minutes_sealed FROM meeting")).scalar() is None  # erased
    finally:
        chief.lock("test")


def _back_to_0009_with_plain_minutes(chief: UnlockedOffice) -> tuple[str, bytes]:
    """The office as the code before 0010 left it: a case conference with its minutes in plain.
    Returns the meeting's id and the data key (the same for every user of the office)."""
    meeting = MeetingService(chief).create(conference(meeting_type="ccwc"))
    with chief.engine.begin() as conn:
        conn.execute(
            text("UPDATE meeting SET meeting_type = 'case_conference' WHERE id = :i"), {"i": meeting.id}
        )
        cfg = migrate._config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
    key = bytes(chief.data_key)
    chief.lock("test")
    return meeting.id, key


def test_migration_0010_seals_the_minutes_recorded_before(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    meeting_id, key = _back_to_0009_with_plain_minutes(chief)
    assert "sql dump" in insider_finds(folder, key, CANARY)
    clerk = folder.unlock(*CLERK)  # the first unlock after the upgrade is the clerk's: she can seal
    try:
        assert migrate.current_revision(clerk.engine) == migrate.head_revision()
        assert MeetingService(clerk).get(meeting_id).minutes_withheld
    finally:
        clerk.lock("test")
    assert insider_finds(folder, key, CANARY) == []
    chief = folder.unlock(*CHIEF)
    try:
        assert MeetingService(chief).get(meeting_id).decisions == f"{CANARY} move her to the safe shelter"
    finally:
        chief.lock("test")


def test_minutes_a_migration_could_not_seal_are_sealed_at_the_next_unlock(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    meeting_id, key = _back_to_0009_with_plain_minutes(chief)
    engine = make_engine(folder.db_path, key)
    try:
        migrate.upgrade(engine)  # no sealing function (an office without keys): the text stays ...
        with engine.connect() as conn:
            assert conn.execute(text("SELECT minutes_sealed FROM meeting")).scalar() is None
            flag = conn.execute(
                text("SELECT value FROM setting WHERE key = 'identity.legacy_sealed'")
            ).first()
        assert flag is None  # ... and the unlock is told to seal it
    finally:
        engine.dispose()
    chief = folder.unlock(*CHIEF)
    try:
        assert MeetingService(chief).get(meeting_id).concerns_raised == f"{CANARY} Sophea's husband came back"
        with chief.reading() as s:
            sealed = s.scalars(
                select(AuditEntry.details).where(AuditEntry.action == "identities_sealed")
            ).all()
        assert [json.loads(d) for d in sealed] == [{"incidents": 0, "referrals": 0, "meetings": 1}]
    finally:
        chief.lock("test")
    assert insider_finds(folder, key, CANARY) == []
