"""The audit anchor outside the database (issue 10 points 3 and 4).

Each attack of the adversarial run is reproduced on a real office: the log wiped with its head, the
tail cut with the head rewritten to match, only the head deleted, and the WAL deleted or cut after a
crash (confirmed writes lost). Each is now refused at unlock with a clear, typed reason instead of
"Audit chain OK" or a traceback; the chief can accept the loss, which is itself audited.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import delete, func, select

from shsc_desktop.errors import AuditChainBroken, AuditLogBehind, PermissionDenied
from shsc_desktop.models.tables import AuditEntry, Contact, Setting
from shsc_desktop.security import audit
from shsc_desktop.security.anchor import ANCHOR_FILE
from shsc_desktop.security.audit import Action
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.values.changes import NOTHING
from tests.conftest import CHIEF, CLERK
from tests.office_copies import QuickOffice


def _add_contacts(office: UnlockedOffice, n: int) -> None:
    for i in range(n):
        with office.transaction(NOTHING) as s:
            c = Contact(name_en=f"Contact {i}", organisation_type="ngo", created_by="t", updated_by="t")
            s.add(c)
            s.flush()
            audit.record(s, office.actor.username, Action.RECORD_CREATED, "contact", c.id)


def _head(office: UnlockedOffice) -> tuple[int, str]:
    with office.reading() as s:
        return audit.head(s)


def _anchor(folder: OfficeFolder) -> dict[str, object]:
    return dict(json.loads((folder.data_dir / ANCHOR_FILE).read_text("utf-8")))


def test_every_commit_moves_the_anchor_and_it_is_sealed(quick: QuickOffice) -> None:
    _add_contacts(quick.chief, 3)
    seq, digest = _head(quick.chief)
    stored = _anchor(quick.folder)
    assert (stored["seq"], stored["hash"]) == (seq, digest)
    assert len(str(stored["mac"])) == 64


@pytest.mark.posix_only  # file modes; on Windows the folder's ACL protects the anchor
def test_the_anchor_is_owner_only(quick: QuickOffice) -> None:
    _add_contacts(quick.chief, 1)
    assert oct((quick.folder.data_dir / ANCHOR_FILE).stat().st_mode & 0o777) == "0o600"


def test_wiping_every_entry_and_the_head_is_detected(quick: QuickOffice) -> None:
    _add_contacts(quick.chief, 2)
    with quick.chief.transaction(NOTHING) as s:
        s.execute(delete(AuditEntry))
        s.execute(delete(Setting).where(Setting.key == audit.HEAD_KEY))
        wiped_at = int(_anchor(quick.folder)["seq"])
    # Locking writes a fresh "entry 1" into the emptied log; the anchor still knows better.
    quick.chief.lock("test")
    with pytest.raises(AuditLogBehind) as caught:
        quick.folder.unlock(*CHIEF)
    assert caught.value.head_seq == 1 and caught.value.anchor_seq == wiped_at


def test_cutting_the_tail_and_rewriting_the_head_is_detected(quick: QuickOffice) -> None:
    _add_contacts(quick.chief, 5)
    last_seq, _ = _head(quick.chief)
    keep = last_seq - 4
    with quick.chief.transaction(NOTHING) as s:
        s.execute(delete(AuditEntry).where(AuditEntry.seq > keep))
        kept_hash = s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == keep))
        head = s.get(Setting, audit.HEAD_KEY)
        assert head is not None
        head.value = f"{keep}:{kept_hash}"
        # The cut log verifies on its own: this is exactly what used to pass as "OK".
        assert audit.verify(s).ok
    quick.chief.lock("test")
    with pytest.raises(AuditLogBehind) as caught:
        quick.folder.unlock(*CHIEF)
    # The lock entry written after the cut took number keep + 1; the anchor stayed at the old end.
    assert (caught.value.head_seq, caught.value.anchor_seq) == (keep + 1, last_seq)
    assert "lost recent changes" in str(caught.value)


def test_deleting_only_the_head_is_a_clear_message_not_a_crash(quick: QuickOffice) -> None:
    with quick.chief.transaction(NOTHING) as s:
        s.execute(delete(Setting).where(Setting.key == audit.HEAD_KEY))
    # Writing one more entry after that used to number it 1 again (IntegrityError).
    with pytest.raises(AuditChainBroken):
        quick.chief.audit(Action.SETTING_CHANGED)
    quick.chief.lock("test")
    for _ in range(2):  # and every later unlock says the same, none crashes
        with pytest.raises(AuditChainBroken, match="last entry is missing"):
            quick.folder.unlock(*CHIEF)


def test_deleting_the_anchor_of_an_anchored_log_is_detected(quick: QuickOffice) -> None:
    quick.chief.lock("test")
    (quick.folder.data_dir / ANCHOR_FILE).unlink()
    with pytest.raises(AuditChainBroken, match="deleted"):
        quick.folder.unlock(*CHIEF)


def test_an_anchor_planted_by_someone_without_the_key_is_refused(quick: QuickOffice) -> None:
    quick.chief.lock("test")
    path = quick.folder.data_dir / ANCHOR_FILE
    doc = json.loads(path.read_text("utf-8"))
    doc["seq"] += 50
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(AuditChainBroken, match="altered"):
        quick.folder.unlock(*CHIEF)


def test_the_chief_can_accept_the_loss_and_it_is_audited(quick: QuickOffice) -> None:
    _add_contacts(quick.chief, 3)
    last_seq, _ = _head(quick.chief)
    with quick.chief.transaction(NOTHING) as s:
        s.execute(delete(AuditEntry).where(AuditEntry.seq > last_seq - 2))
        prev = s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == last_seq - 2))
        head = s.get(Setting, audit.HEAD_KEY)
        assert head is not None
        head.value = f"{last_seq - 2}:{prev}"
    quick.chief.lock("test")
    with pytest.raises(PermissionDenied):
        quick.folder.unlock(*CLERK, accept_audit_loss=True)
    office = quick.folder.unlock(*CHIEF, accept_audit_loss=True)
    try:
        with office.reading() as s:
            accepted = s.scalars(
                select(AuditEntry).where(AuditEntry.action == Action.AUDIT_LOSS_ACCEPTED)
            ).all()
            assert audit.verify(s).ok
        assert len(accepted) == 1 and json.loads(accepted[0].details)["lost"] >= 1
        assert accepted[0].actor == CHIEF[0]
    finally:
        office.lock("test")
    quick.folder.unlock(*CLERK).lock("test")  # and everyone works normally again


def test_an_office_set_up_before_anchors_is_anchored_at_its_next_unlock(quick: QuickOffice) -> None:
    with quick.chief.transaction(NOTHING) as s:
        s.execute(delete(Setting).where(Setting.key == "audit_anchor"))
    quick.chief.lock("test")
    (quick.folder.data_dir / ANCHOR_FILE).unlink()
    office = quick.folder.unlock(*CHIEF)
    office.lock("test")
    assert _anchor(quick.folder)["seq"] == _seq_in_db(quick.folder)


def _seq_in_db(folder: OfficeFolder) -> int:
    office = folder.unlock(*CLERK)
    try:
        with office.reading() as s:
            # The clerk's unlock itself added one entry after the anchor that was read.
            return int(s.scalar(select(func.max(AuditEntry.seq))) or 0) - 1
    finally:
        office.lock("test")


# --- point 4: the WAL lost after a crash ----------------------------------------------------------

CRASHING_CHILD = textwrap.dedent(
    """
    import os, sys
    from shsc_desktop.models.tables import Contact
    from shsc_desktop.security import audit
    from shsc_desktop.security.kdf import KdfParams
    from shsc_desktop.services.office import OfficeFolder
    from shsc_desktop.values.changes import NOTHING

    office = OfficeFolder(sys.argv[1], kdf=KdfParams.fast_for_tests()).unlock("chief", "chief-password")
    for i in range(int(sys.argv[2])):
        with office.transaction(NOTHING) as s:
            c = Contact(name_en=f"Confirmed {i}", organisation_type="ngo", created_by="k", updated_by="k")
            s.add(c)
            s.flush()
            audit.record(s, "chief", "record_created", "contact", c.id)
        print(c.id, flush=True)  # acknowledged
    os._exit(0)  # a crash: no lock, no checkpoint, the WAL stays as it is
    """
)


def _crash_after_saves(folder: OfficeFolder, n: int) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_CHILD, str(folder.data_dir), str(n)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SHSC_KDF": "fast"},
        check=True,
    )
    return done.stdout.split()


@pytest.mark.parametrize("damage", ["deleted", "cut"])
def test_wal_lost_after_a_crash_is_detected(quick: QuickOffice, damage: str) -> None:
    quick.chief.lock("handing over to the child")
    confirmed = _crash_after_saves(quick.folder, 5)
    assert len(confirmed) == 5
    wal = quick.folder.data_dir / "office.db-wal"
    assert wal.stat().st_size > 0, "the crash should leave committed pages in the WAL"
    if damage == "deleted":
        wal.unlink()
        (quick.folder.data_dir / "office.db-shm").unlink(missing_ok=True)
    else:
        with open(wal, "r+b") as fh:
            fh.truncate(wal.stat().st_size // 2)
    with pytest.raises(AuditLogBehind) as caught:
        quick.folder.unlock(*CHIEF)
    assert caught.value.lost >= 1
    assert "Restore the newest backup" in str(caught.value)


def test_savepoints_anchor_only_what_the_transaction_commits(quick: QuickOffice) -> None:
    """An import applies each bundle in a savepoint of a larger transaction: a savepoint released
    writes no anchor yet (nothing is committed), and one rolled back takes its audit entry's head
    with it, so the anchor written at the commit is the head the database really has."""
    office = quick.chief
    _add_contacts(office, 1)
    committed_before = _anchor(quick.folder)
    with office.transaction(NOTHING) as s:
        with s.begin_nested():
            audit.record(s, office.actor.username, Action.RECORD_CREATED, "contact", "kept")
        assert _anchor(quick.folder) == committed_before  # released, not committed
        with pytest.raises(RuntimeError), s.begin_nested():
            audit.record(s, office.actor.username, Action.RECORD_CREATED, "contact", "undone")
            raise RuntimeError("this bundle is refused")
    seq, digest = _head(office)
    stored = _anchor(quick.folder)
    assert (stored["seq"], stored["hash"]) == (seq, digest)
    assert seq == int(str(committed_before["seq"])) + 1
    office.lock("test")
    OfficeFolder(quick.folder.data_dir).unlock(*CHIEF).lock("test")  # the chain and the anchor agree
