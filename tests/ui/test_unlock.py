"""Signing in: right and wrong passwords, the back-off, the recovery key and damaged files."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.backup import BackupService

from ..conftest import CHIEF
from .conftest import answer_confirmation, open_as_chief, unlock_as, wait_for_operations


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


def test_a_cut_audit_log_is_explained_and_the_chief_can_continue(qtbot, shell, new_office, folder):
    from sqlalchemy import delete, select

    from shsc_desktop.models.tables import AuditEntry, Setting
    from shsc_desktop.security import audit

    chief, _recovery = new_office
    with chief.transaction() as s:
        last, _ = audit.head(s)
        s.execute(delete(AuditEntry).where(AuditEntry.seq == last))
        prev = s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == last - 1))
        head = s.get(Setting, audit.HEAD_KEY)
        head.value = f"{last - 1}:{prev}"
    chief.lock("test")
    shell.start()
    unlock_as(qtbot, shell, "clerk", "clerk-password")
    window = shell.unlock_window
    assert shell.main_window is None
    assert window.damaged_panel.isVisible()
    assert "Restore the newest backup" in window.damaged_label.text()
    assert window.restore_button.isVisible() and window.accept_loss_button.isVisible()
    # The clerk cannot accept it: only the chief may.
    qtbot.mouseClick(window.accept_loss_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, confirm=True)
    qtbot.waitUntil(window.error.isVisible)
    wait_for_operations(qtbot)
    assert shell.main_window is None
    assert "role does not allow" in window.error.text()
    unlock_as(qtbot, shell, *CHIEF)
    assert window.accept_loss_button.isVisible()
    qtbot.mouseClick(window.accept_loss_button, Qt.MouseButton.LeftButton)
    assert "recorded in the audit log" in answer_confirmation(qtbot, confirm=True)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    with shell.office.reading() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert "audit_loss_accepted" in actions


def test_restoring_another_office_needs_the_chief_here_and_names_both(qtbot, shell, office_ready, tmp_path):
    from shsc_desktop.security.vault import KdfParams
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
