"""Signing in: right and wrong passwords, the back-off, the recovery key and damaged files."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.backup import BackupService
from shsc_desktop.values.changes import NOTHING
from shsc_desktop.views import operations

from ..conftest import CHIEF, CLERK
from .conftest import answer_confirmation, message_boxes, open_as_chief, unlock_as, wait_for_operations


def test_the_right_password_opens_the_main_window(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    assert shell.office is not None and not shell.office.locked
    assert shell.office.actor.username == "chief"
    assert "chief" in window.user_status.text()
    assert "Commune chief" in window.user_status.text()
    assert "Tonle Basak" in window.office_status.text()
    assert not shell.unlock_window.isVisible()


def test_a_wrong_password_shows_one_generic_message_and_the_back_off(qtbot, shell, office_ready):
    shell.start()
    window = shell.unlock_window
    assert window.user.count() == 2  # chief and clerk
    for _attempt in range(3):
        qtbot.waitUntil(window.unlock_button.isEnabled, timeout=5000)
        unlock_as(qtbot, shell, "chief", "not-the-password")
        assert shell.main_window is None
        assert window.error.isVisible()
        assert window.error.text() == "The user name or password is not correct."
    # From the third failure on, the service imposes a wait: shown, and the button is disabled.
    assert window.wait_label.isVisible()
    assert "Wait" in window.wait_label.text()
    assert not window.unlock_button.isEnabled()
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=5000)
    assert not window.wait_label.isVisible()
    unlock_as(qtbot, shell, *CHIEF)
    qtbot.waitUntil(lambda: shell.main_window is not None)


def test_the_recovery_key_unlocks_and_sets_a_new_password(qtbot, shell, office_ready, folder):
    _office, recovery = office_ready
    shell.start()
    dialog = shell.unlock_window.open_recovery()
    qtbot.keyClicks(dialog.recovery_key, recovery)
    dialog.user.setCurrentText("chief")
    qtbot.keyClicks(dialog.new_password, "a-brand-new-password")
    qtbot.keyClicks(dialog.repeat_password, "a-brand-new-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    shell.lock()
    folder.unlock("chief", "a-brand-new-password").lock("test")


def test_a_wrong_recovery_key_is_refused(qtbot, shell, office_ready):
    shell.start()
    dialog = shell.unlock_window.open_recovery()
    qtbot.keyClicks(dialog.recovery_key, "AAAA-BBBB-CCCC-DDDD")
    qtbot.keyClicks(dialog.new_password, "a-brand-new-password")
    qtbot.keyClicks(dialog.repeat_password, "a-brand-new-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    assert dialog.error.isVisible()
    assert shell.main_window is None


def test_damaged_key_slots_offer_a_restore_from_backup(qtbot, shell, new_office, folder, tmp_path):
    chief, _recovery = new_office
    backup = tmp_path / "saved.shscbak"
    BackupService(chief).backup(backup)
    chief.lock("test")
    for name in ("keyslots.json", "keyslots.copy.json"):
        (folder.data_dir / name).write_text("{ damaged", "utf-8")
    shell.start()
    window = shell.unlock_window
    assert window.damaged_panel.isVisible()
    assert "key file" in window.damaged_label.text()
    assert window.restore_button.isVisible()
    dialog = window.restore_from_file(backup)
    qtbot.keyClicks(dialog.username, CHIEF[0])
    qtbot.keyClicks(dialog.password, CHIEF[1])
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    # Nothing shows which office is here: only knowingly replacing it restores the backup.
    assert "cannot be read" in answer_confirmation(qtbot, confirm=True)
    wait_for_operations(qtbot)
    # Locking after the backup added an audit entry, so the backup is older than the database.
    assert "older" in answer_confirmation(qtbot, confirm=True)
    wait_for_operations(qtbot)
    assert not window.error.isVisible(), window.error.text()
    qtbot.waitUntil(lambda: shell.main_window is not None)
    assert [u.username for u in AccountService(shell.office).list_users()] == ["chief", "clerk"]


def _strings_held_by(obj: object, depth: int = 0, seen: set[int] | None = None):
    """Every str/bytes reachable from ``obj``'s Python attributes (and their containers)."""
    seen = set() if seen is None else seen
    if id(obj) in seen or depth > 5:
        return
    seen.add(id(obj))
    if isinstance(obj, str | bytes | bytearray):
        yield obj if isinstance(obj, str) else bytes(obj).decode("utf-8", "replace")
        return
    if isinstance(obj, dict):
        items = [*obj.keys(), *obj.values()]
    elif isinstance(obj, list | tuple | set | frozenset):
        items = list(obj)
    elif hasattr(obj, "__dict__"):
        items = list(vars(obj).values())
    else:
        return
    for item in items:
        yield from _strings_held_by(item, depth + 1, seen)


def _cut_the_audit_tail(office) -> None:
    from sqlalchemy import delete, select

    from shsc_desktop.models.tables import AuditEntry, Setting
    from shsc_desktop.security import audit

    with office.transaction(NOTHING) as s:
        last, _ = audit.head(s)
        s.execute(delete(AuditEntry).where(AuditEntry.seq == last))
        prev = s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == last - 1))
        head = s.get(Setting, audit.HEAD_KEY)
        head.value = f"{last - 1}:{prev}"
    office.lock("test")


def test_a_cut_audit_log_is_explained_and_only_the_chief_is_offered_to_continue(
    qtbot, shell, new_office, folder
):
    from sqlalchemy import select

    from shsc_desktop.models.tables import AuditEntry

    chief, _recovery = new_office
    _cut_the_audit_tail(chief)
    shell.start()
    unlock_as(qtbot, shell, *CLERK)
    window = shell.unlock_window
    assert shell.main_window is None
    assert window.damaged_panel.isVisible()
    assert "Restore the newest backup" in window.damaged_label.text()
    # The clerk is not offered the chief's decision: no button, a line telling her to call the chief.
    assert window.restore_button.isVisible()
    assert not window.accept_loss_button.isVisible()
    assert window.accept_loss_hint.isVisible()
    assert (
        "Only the chief" in window.accept_loss_hint.text()
        and "Call the chief" in window.accept_loss_hint.text()
    )
    window.confirm_accept_loss()  # even called directly, nothing happens for her
    assert not message_boxes("confirmBox") and operations.running_count() == 0

    unlock_as(qtbot, shell, *CHIEF)
    assert window.accept_loss_button.isVisible()
    assert "type your password again" in window.accept_loss_hint.text()
    # Nothing in the window keeps the password she typed while the panel is shown.
    assert window.password.text() == ""
    held = list(_strings_held_by(window))
    assert held and not [text for text in held if CHIEF[1] in text]
    # She confirms with her password, typed again.
    qtbot.mouseClick(window.accept_loss_button, Qt.MouseButton.LeftButton)
    assert "password again" in window.error.text() and not message_boxes("confirmBox")
    qtbot.keyClicks(window.password, CHIEF[1])
    qtbot.mouseClick(window.accept_loss_button, Qt.MouseButton.LeftButton)
    assert "recorded in the audit log" in answer_confirmation(qtbot, confirm=True)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    with shell.office.reading() as s:
        accepted = list(s.scalars(select(AuditEntry.actor).where(AuditEntry.action == "audit_loss_accepted")))
    assert accepted == ["chief"]


def test_a_clerk_who_forged_her_role_column_is_not_offered_to_continue(qtbot, shell, new_office, folder):
    """The button follows the role the office signed into her key slot, not the column."""
    from sqlalchemy import update

    from shsc_desktop.models.tables import User

    chief, _recovery = new_office
    with chief.transaction(NOTHING) as s:
        s.execute(update(User).where(User.username == "clerk").values(role="chief"))
    _cut_the_audit_tail(chief)
    shell.start()
    unlock_as(qtbot, shell, *CLERK)
    window = shell.unlock_window
    assert window.damaged_panel.isVisible() and not window.accept_loss_button.isVisible()


def test_restoring_another_office_needs_the_chief_here_and_names_both(qtbot, shell, office_ready, tmp_path):
    from shsc_desktop.security.kdf import KdfParams
    from shsc_desktop.services.office import OfficeFolder

    other = OfficeFolder(tmp_path / "elsewhere", kdf=KdfParams.fast_for_tests())
    office, _key = other.create("commune", "120101", "chief", "attacker-password")
    backup = BackupService(office).backup(tmp_path / "look-alike.shscbak").path
    office.lock("test")
    here_id = shell.folder.vault.load().office_id
    shell.start()
    window = shell.unlock_window
    dialog = window.restore_from_file(backup)
    assert dialog.current_user.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.username, "chief")
    qtbot.keyClicks(dialog.password, "attacker-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # the chief here has not allowed it yet
    dialog.current_user.setCurrentText("chief")
    qtbot.keyClicks(dialog.current_secret, CHIEF[1])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    question = answer_confirmation(qtbot, confirm=True)
    assert here_id[:8] in question and other.vault.load().office_id[:8] in question
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    assert shell.folder.vault.load().office_id != here_id
