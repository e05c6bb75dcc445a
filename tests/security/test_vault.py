"""Key slots and unlocking (P2, P4, P5, P17; F3, F4, F13-F15, F17).

Everything runs on real SQLCipher files and real key-slot files; only the Argon2id cost is lowered,
except in the production-policy test, which uses the production path.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from shsc_desktop.errors import (
    DatabaseDamaged,
    KeySlotsDamaged,
    OfficeExists,
    PermissionDenied,
    TooManyAttempts,
    ValidationFailed,
    WrongCredentials,
)
from shsc_desktop.models.engine import connect_raw
from shsc_desktop.models.tables import AuditEntry
from shsc_desktop.security import vault as vault_mod
from shsc_desktop.security.audit import Action
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.security.slotfile import SLOT_FILE, SLOT_FILE_COPY
from shsc_desktop.services.accounts import AccountService, _rekey
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from tests.conftest import CHIEF, CLERK, COMMUNE_CODE
from tests.contact_rows import add_contacts, contact_count
from tests.office_copies import QuickOffice, unlocks

# --- helpers -------------------------------------------------------------------------------------


class FakeClock:
    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def _slot_doc(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text("utf-8"))


def _write_with_checksum(path: Path, doc: dict[str, Any]) -> None:
    """What an attacker without the data key can do: edit the file and recompute the checksum."""
    doc = {"body": doc["body"], "mac": doc["mac"]}
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    doc["checksum"] = hashlib.sha256(canonical).hexdigest()
    path.write_text(json.dumps(doc, indent=1, sort_keys=True), "utf-8")


def _audit_actions(office: UnlockedOffice) -> list[str]:
    with office.reading() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def _wrap_counts(folder: OfficeFolder) -> list[int]:
    return [len(s["wraps"]) for s in _slot_doc(folder.vault.primary)["body"]["slots"]]


# --- unlocking -----------------------------------------------------------------------------------


def test_each_user_unlocks_with_own_password(folder: OfficeFolder, chief: UnlockedOffice) -> None:
    for username, password in (CHIEF, CLERK):
        office = folder.unlock(username, password)
        assert office.actor.username == username
        office.lock("test")
    assert folder.usernames() == ["chief", "clerk"]


def test_wrong_empty_and_unknown_give_one_identical_message(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    messages = []
    for username, password in (
        ("chief", "wrong-password"),
        ("chief", ""),
        ("nobody", "chief-password"),
        ("nobody", ""),
        ("clerk", CHIEF[1]),  # another user's password
    ):
        with pytest.raises(WrongCredentials) as exc_info:
            folder.unlock(username, password)
        messages.append(str(exc_info.value))
    assert len(set(messages)) == 1, messages
    assert "user name or password" in messages[0]


def test_back_off_grows_and_blocks_even_the_right_password(data_dir: Path, chief: UnlockedOffice) -> None:
    clock = FakeClock()
    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests(), clock=clock)
    # The first two failures are free.
    for _ in range(2):
        with pytest.raises(WrongCredentials) as exc_info:
            folder.unlock("clerk", "wrong-password")
        assert exc_info.value.retry_after == 0
    waits = []
    for _ in range(4):
        with pytest.raises(WrongCredentials) as exc_info:
            folder.unlock("clerk", "wrong-password")
        waits.append(exc_info.value.retry_after)
        # Immediately again, even with the right password: refused without trying it.
        with pytest.raises(TooManyAttempts) as too_many:
            folder.unlock(*CLERK)
        assert too_many.value.retry_after == pytest.approx(waits[-1])
        assert "Try again in" in str(too_many.value)
        clock.now += waits[-1] + 0.01
    assert waits == sorted(waits) and waits[-1] > waits[0] > 0, waits
    # The wait has run out: the right password works and resets the count.
    assert unlocks(folder, *CLERK)
    with pytest.raises(WrongCredentials) as exc_info:
        folder.unlock("clerk", "wrong-password")
    assert exc_info.value.retry_after == 0


def test_unknown_user_is_throttled_like_a_real_one(data_dir: Path, chief: UnlockedOffice) -> None:
    clock = FakeClock()
    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests(), clock=clock)
    for _ in range(3):
        with pytest.raises(WrongCredentials):
            folder.unlock("ghost", "whatever-password")
    with pytest.raises(TooManyAttempts):
        folder.unlock("ghost", "whatever-password")


def test_failed_attempts_are_audited_at_the_next_unlock(folder: OfficeFolder, chief: UnlockedOffice) -> None:
    before = _audit_actions(chief)
    for username in ("clerk", "ghost"):
        with pytest.raises(WrongCredentials):
            folder.unlock(username, "wrong-password")
    # Nothing can be written while locked: no entry yet.
    assert _audit_actions(chief) == before
    office = folder.unlock(*CLERK)
    with office.reading() as s:
        new = list(s.scalars(select(AuditEntry).where(AuditEntry.seq > len(before)).order_by(AuditEntry.seq)))
    office.lock("test")
    assert [(e.action, e.actor) for e in new] == [
        (Action.LOGIN_FAILED, "clerk"),
        (Action.LOGIN_FAILED, "ghost"),
        (Action.UNLOCK, "clerk"),
    ]
    # Recorded once only: the next unlock adds no further login_failed entries.
    office = folder.unlock(*CLERK)
    actions = _audit_actions(office)
    office.lock("test")
    assert actions.count(Action.LOGIN_FAILED) == 2


# --- recovery key (P17, F15) ----------------------------------------------------------------------


def test_recovery_key_unlocks_and_sets_a_new_password(
    folder: OfficeFolder, chief: UnlockedOffice, recovery_key: str
) -> None:
    chief.lock("test")
    # Typed in lower case without dashes, as people do.
    typed = recovery_key.replace("-", "").lower()
    office = folder.unlock_with_recovery(typed, "chief", "brand-new-chief-pw")
    assert office.actor.username == "chief"
    actions = _audit_actions(office)
    office.lock("test")
    assert actions[-2:] == [Action.RECOVERY_UNLOCK, Action.PASSWORD_RESET]
    assert not unlocks(folder, *CHIEF)
    assert unlocks(folder, "chief", "brand-new-chief-pw")
    assert unlocks(folder, *CLERK)  # other users are not affected


def test_wrong_recovery_key_is_refused(
    folder: OfficeFolder, chief: UnlockedOffice, recovery_key: str
) -> None:
    other = vault_mod.new_recovery_key()
    with pytest.raises(WrongCredentials):
        folder.unlock_with_recovery(other, "chief", "brand-new-chief-pw")
    assert unlocks(folder, *CHIEF)


def test_replaced_recovery_key_stops_working(
    folder: OfficeFolder, chief: UnlockedOffice, recovery_key: str
) -> None:
    new_key = AccountService(chief).replace_recovery_key()
    assert new_key != recovery_key
    with pytest.raises(WrongCredentials):
        folder.unlock_with_recovery(recovery_key, "clerk", "clerk-new-password")
    office = folder.unlock_with_recovery(new_key, "clerk", "clerk-new-password")
    office.lock("test")
    assert unlocks(folder, "clerk", "clerk-new-password")


def test_successful_recovery_clears_its_back_off(
    data_dir: Path, chief: UnlockedOffice, recovery_key: str
) -> None:
    clock = FakeClock()
    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests(), clock=clock)
    wrong = vault_mod.new_recovery_key()
    for _ in range(3):
        with pytest.raises(WrongCredentials):
            folder.unlock_with_recovery(wrong, "chief", "brand-new-chief-pw")
    clock.now += 10
    folder.unlock_with_recovery(recovery_key, "chief", "brand-new-chief-pw").lock("test")
    # After a successful recovery, one more typo must not meet the earlier back-off.
    with pytest.raises(WrongCredentials) as exc_info:
        folder.unlock_with_recovery(wrong, "chief", "brand-new-chief-pw")
    assert exc_info.value.retry_after == 0


# --- password changes, resets, removal ------------------------------------------------------------


def test_own_password_change(folder: OfficeFolder, clerk: UnlockedOffice) -> None:
    with pytest.raises(WrongCredentials):
        AccountService(clerk).change_own_password("not-my-password", "clerk-new-password")
    AccountService(clerk).change_own_password(CLERK[1], "clerk-new-password")
    assert not unlocks(folder, *CLERK)
    assert unlocks(folder, "clerk", "clerk-new-password")
    assert unlocks(folder, *CHIEF)


def test_chief_resets_a_forgotten_password(folder: OfficeFolder, chief: UnlockedOffice) -> None:
    AccountService(chief).reset_password("clerk", "reset-by-chief")
    assert not unlocks(folder, *CLERK)
    office = folder.unlock("clerk", "reset-by-chief")
    try:
        assert AccountService(office).must_change_password()
        assert office.password_change_due  # read by the unlock itself, for the first window
        AccountService(office).change_own_password("reset-by-chief", "clerk-own-again")
    finally:
        office.lock("test")
    again = folder.unlock("clerk", "clerk-own-again")
    try:
        assert not again.password_change_due
    finally:
        again.lock("test")


def test_clerk_cannot_reset_a_password(folder: OfficeFolder, clerk: UnlockedOffice) -> None:
    before = _slot_doc(folder.vault.primary)
    with pytest.raises(PermissionDenied):
        AccountService(clerk).reset_password("chief", "taken-over-pw")
    assert _slot_doc(folder.vault.primary) == before
    assert unlocks(folder, *CHIEF)


def test_removed_user_is_locked_out_and_the_data_key_is_rotated(
    folder: OfficeFolder, chief: UnlockedOffice, recovery_key: str
) -> None:
    add_contacts(chief, 7, "Service {i}")
    old_key = chief.data_key
    db_before = folder.db_path.read_bytes()
    AccountService(chief).remove_user("clerk")
    assert chief.data_key != old_key
    assert folder.db_path.read_bytes() != db_before  # re-encrypted
    assert not unlocks(folder, *CLERK)
    assert "clerk" not in folder.usernames()
    # The old key (which the removed clerk could have copied) no longer opens the file.
    with pytest.raises(DatabaseDamaged):
        connect_raw(folder.db_path, old_key)
    # Every remaining slot holds only the new key.
    assert _wrap_counts(folder) == [1, 1]
    chief.lock("test")
    office = folder.unlock(*CHIEF)
    assert contact_count(office) == 7
    assert office.data_key != old_key
    actions = _audit_actions(office)
    office.lock("test")
    assert actions.count(Action.USER_REMOVED) == 1 and actions.count(Action.DATA_KEY_ROTATED) == 1
    office = folder.unlock_with_recovery(recovery_key, "chief", "after-recovery-pw")
    assert contact_count(office) == 7
    office.lock("test")


# --- production KDF (P5) ---------------------------------------------------------------------------


def test_production_path_uses_policy_kdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHSC_KDF", raising=False)
    assert KdfParams.production().meets_policy()
    assert not KdfParams.fast_for_tests().meets_policy()
    folder = OfficeFolder(tmp_path / "prod")
    office, _ = folder.create("commune", COMMUNE_CODE, "chief", "a-long-password")
    office.lock("test")
    slots = _slot_doc(folder.data_dir / SLOT_FILE)["body"]["slots"]
    assert {s["kind"] for s in slots} == {"user", "recovery"}
    for slot in slots:
        kdf = slot["kdf"]
        assert kdf["name"] == "argon2id"
        assert kdf["memory_kib"] >= 64 * 1024
        assert kdf["iterations"] >= 3
        assert 1 <= kdf["lanes"] <= 4
        assert len(base64.b64decode(kdf["salt"])) >= 16


# --- damaged slot files (F4) -----------------------------------------------------------------------


def _offset_of(raw: bytes, marker: str, skip: int) -> int:
    return raw.index(marker.encode()) + len(marker) + skip


FLIP_SPOTS = [
    ("first byte", None, 0),
    ("salt", '"salt": "', 5),
    ("public key", '"public_key": "', 10),
    ("sealed key", '"sealed_private": "', 20),
    ("wrap ct", '"ct": "', 7),
    ("wrap ephemeral", '"ephemeral": "', 3),
    ("username", '"username": "', 1),
    ("generation", '"generation": ', 0),
    ("iterations", '"iterations": ', 0),
    ("mac", '"mac": "', 30),
    ("checksum", '"checksum": "', 10),
    ("json colon", '"office_id"', 0),
    ("last byte", None, -1),
]


@pytest.mark.parametrize("damaged", [SLOT_FILE, SLOT_FILE_COPY])
@pytest.mark.parametrize(("name", "marker", "skip"), FLIP_SPOTS, ids=[s[0] for s in FLIP_SPOTS])
def test_one_flipped_bit_in_one_copy_is_survived(
    quick: QuickOffice,
    damaged: str,
    name: str,
    marker: str | None,
    skip: int,
) -> None:
    folder, recovery_key = quick.folder, quick.recovery_key
    path = folder.data_dir / damaged
    raw = bytearray(path.read_bytes())
    pos = (skip % len(raw)) if marker is None else _offset_of(bytes(raw), marker, skip)
    raw[pos] ^= 0x01
    path.write_bytes(bytes(raw))
    assert unlocks(folder, *CHIEF)
    assert unlocks(folder, *CLERK)
    folder.unlock_with_recovery(recovery_key, "clerk", "clerk-after-recovery").lock("test")
    # The next save rewrites both copies whole again.
    assert folder.vault.primary.read_bytes() == folder.vault.copy.read_bytes()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("how", ["flipped", "deleted", "emptied"])
def test_both_copies_damaged_touches_nothing(quick: QuickOffice, how: str) -> None:
    folder = quick.folder
    quick.chief.lock("test")
    for path in (folder.vault.primary, folder.vault.copy):
        if how == "deleted":
            path.unlink()
        elif how == "emptied":
            path.write_bytes(b"")
        else:
            raw = bytearray(path.read_bytes())
            raw[len(raw) // 2] ^= 0x10
            path.write_bytes(bytes(raw))
    before = _snapshot(folder.data_dir)
    for attempt in (lambda: folder.unlock(*CHIEF), lambda: folder.unlock("ghost", "x-password")):
        with pytest.raises(KeySlotsDamaged) as exc_info:
            attempt()
        assert "has not been touched" in str(exc_info.value)
    # Setting up anew over the old database is refused: an empty office never replaces it.
    with pytest.raises(OfficeExists):
        folder.create("commune", COMMUNE_CODE, "chief", "another-password")
    assert _snapshot(folder.data_dir) == before
    assert sorted(p.name for p in folder.data_dir.iterdir()) == sorted(before)


def _tamper_rename_user(body: dict[str, Any]) -> None:
    next(s for s in body["slots"] if s["username"] == "clerk")["username"] = "chief2"


def _tamper_weaken_kdf(body: dict[str, Any]) -> None:
    for s in body["slots"]:
        s["kdf"]["iterations"] = 1
        s["kdf"]["memory_kib"] = 8


def _tamper_swap_sealed(body: dict[str, Any]) -> None:
    a, b = body["slots"][0], body["slots"][2]
    a["sealed_private"], b["sealed_private"] = b["sealed_private"], a["sealed_private"]


def _tamper_swap_wraps(body: dict[str, Any]) -> None:
    a, b = body["slots"][0], body["slots"][2]
    a["wraps"], b["wraps"] = b["wraps"], a["wraps"]


def _tamper_drop_other_slots(body: dict[str, Any]) -> None:
    body["slots"] = [s for s in body["slots"] if s["username"] in ("clerk", "")]


def _tamper_add_attacker_slot(body: dict[str, Any]) -> None:
    # The attacker does not know the data key, so wraps a key of their own choosing.
    slot = vault_mod._make_slot(
        "user",
        "mallory",
        "mallory-password",
        KdfParams.fast_for_tests(),
        [secrets.token_bytes(32)],
        body["office_id"],
    )
    body["slots"].append(slot.to_json())


def _tamper_office_not_a_dict(body: dict[str, Any]) -> None:
    body["office"] = ["commune"]


def _tamper_no_slots(body: dict[str, Any]) -> None:
    body["slots"] = []


def _tamper_zero_iterations(body: dict[str, Any]) -> None:
    for s in body["slots"]:
        s["kdf"]["iterations"] = 0


def _tamper_huge_memory(body: dict[str, Any]) -> None:
    for s in body["slots"]:
        s["kdf"]["memory_kib"] = 2**40


def _tamper_short_sealed(body: dict[str, Any]) -> None:
    for s in body["slots"]:
        s["sealed_private"] = base64.b64encode(b"abcd").decode()


def _tamper_empty_salt(body: dict[str, Any]) -> None:
    for s in body["slots"]:
        s["kdf"]["salt"] = ""


def _tamper_wrap_not_a_dict(body: dict[str, Any]) -> None:
    for s in body["slots"]:
        s["wraps"] = ["x"]


def _tamper_slot_not_a_dict(body: dict[str, Any]) -> None:
    body["slots"] = ["x"]


TAMPERS = [
    _tamper_rename_user,
    _tamper_weaken_kdf,
    _tamper_swap_sealed,
    _tamper_swap_wraps,
    _tamper_drop_other_slots,
    _tamper_add_attacker_slot,
    _tamper_office_not_a_dict,
    _tamper_no_slots,
    _tamper_zero_iterations,
    _tamper_huge_memory,
    _tamper_short_sealed,
    _tamper_empty_salt,
    _tamper_wrap_not_a_dict,
    _tamper_slot_not_a_dict,
]


@pytest.mark.parametrize("tamper", TAMPERS, ids=[t.__name__[8:] for t in TAMPERS])
def test_tampered_slot_file_with_recomputed_checksum_is_refused(quick: QuickOffice, tamper: Any) -> None:
    folder, recovery_key = quick.folder, quick.recovery_key
    quick.chief.lock("test")
    db_before = folder.db_path.read_bytes()
    doc = _slot_doc(folder.vault.primary)
    tamper(doc["body"])
    for path in (folder.vault.primary, folder.vault.copy):
        _write_with_checksum(path, doc)
    attempts = [
        lambda: folder.unlock(*CLERK),
        lambda: folder.unlock(*CHIEF),
        lambda: folder.unlock("chief2", CLERK[1]),
        lambda: folder.unlock("mallory", "mallory-password"),
        lambda: folder.unlock_with_recovery(recovery_key, "chief", "new-password-1"),
    ]
    for attempt in attempts:
        with pytest.raises((KeySlotsDamaged, WrongCredentials)):
            attempt()
    assert folder.db_path.read_bytes() == db_before


# --- interrupted key rotation (F3, F17) ------------------------------------------------------------


def test_rotation_interrupted_before_rekey_is_finished_at_next_unlock(
    folder: OfficeFolder, chief: UnlockedOffice, recovery_key: str
) -> None:
    add_contacts(chief, 3, "Service {i}")
    old_key = chief.data_key
    new_key = secrets.token_bytes(32)
    chief.lock("test")
    folder.vault.begin_rotation(old_key, new_key)  # ... and the power goes off here
    assert _wrap_counts(folder) == [2, 2, 2]
    office = folder.unlock(*CLERK)
    assert office.data_key == new_key
    assert contact_count(office) == 3
    office.lock("test")
    assert _wrap_counts(folder) == [1, 1, 1]
    with pytest.raises(DatabaseDamaged):
        connect_raw(folder.db_path, old_key)
    connect_raw(folder.db_path, new_key).close()
    assert unlocks(folder, *CHIEF)
    folder.unlock_with_recovery(recovery_key, "chief", "after-recovery-pw").lock("test")


def test_rotation_interrupted_after_rekey_drops_the_old_key_at_next_unlock(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    old_key = chief.data_key
    new_key = secrets.token_bytes(32)
    chief.lock("test")
    folder.vault.begin_rotation(old_key, new_key)
    _rekey(folder, old_key, new_key)  # ... and the power goes off before finish_rotation
    office = folder.unlock(*CHIEF)
    assert office.data_key == new_key
    office.lock("test")
    # The old key must not linger in the slot file (it still opens old copies of the database).
    assert _wrap_counts(folder) == [1, 1, 1]
    assert unlocks(folder, *CLERK)


# --- refused unlocks leave nothing behind ------------------------------------------------------------


def test_refused_recovery_keeps_pending_failures_and_leaves_nothing_open(
    folder: OfficeFolder, chief: UnlockedOffice, recovery_key: str
) -> None:
    chief.lock("test")
    with pytest.raises(WrongCredentials):
        folder.unlock("clerk", "wrong-password")
    errors = []
    # The recovery key is right but the user name is not / the new password is too short.
    with pytest.raises(ValidationFailed) as unknown:
        folder.unlock_with_recovery(recovery_key, "nobody", "a-new-password")
    errors.append(unknown)  # kept, as the GUI keeps an error to show it
    with pytest.raises(ValidationFailed) as short:
        folder.unlock_with_recovery(recovery_key, "chief", "short")
    errors.append(short)
    office = folder.unlock(*CHIEF)
    actions = _audit_actions(office)
    # The clerk's failed attempt was not swallowed by the refused recoveries ...
    assert actions[-2:] == [Action.LOGIN_FAILED, Action.UNLOCK]
    assert Action.RECOVERY_UNLOCK not in actions
    # ... and nothing was left open: re-keying needs the database to itself.
    AccountService(office).remove_user("clerk")
    office.lock("test")
    assert unlocks(folder, *CHIEF)
