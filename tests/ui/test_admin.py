"""Administration: users, roles, passwords, backup, audit verification, settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shsc_desktop.errors import PermissionDenied
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.admin import AdminService
from shsc_desktop.views import i18n

from ..conftest import CHIEF
from .conftest import (
    answer_confirmation,
    message_boxes,
    open_as_chief,
    open_as_clerk,
    unlock_as,
    wait_for_operations,
)

LEFT = Qt.MouseButton.LeftButton


def cell(table, row: int, column: int) -> str:
    """What a table view shows in a cell (its model's display text)."""
    return table.model().index(row, column).data()


def test_chief_adds_a_user_who_can_then_sign_in(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    window.show_section("administration")
    page = window.admin_page
    assert page.users_model.rowCount() == 2
    qtbot.mouseClick(page.add_user_button, LEFT)
    dialog = page.findChild(type(page.open_add_user()), "addUserDialog")
    dialog.close()
    dialog = page.open_add_user()
    assert [dialog.role.itemData(i) for i in range(dialog.role.count())] == ["chief", "focal_point", "clerk"]
    qtbot.keyClicks(dialog.username, "dara")
    qtbot.keyClicks(dialog.full_name, "Dara Example")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.repeat_password, "short")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.error.text() == "The password must have at least 8 characters."
    dialog.password.clear()
    dialog.repeat_password.clear()
    qtbot.keyClicks(dialog.password, "dara-password")
    qtbot.keyClicks(dialog.repeat_password, "dara-password")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    wait_for_operations(qtbot)
    assert page.users_model.rowCount() == 3
    page.select_user("dara")
    assert cell(page.users_table, page.users_table.currentIndex().row(), 2) == "Commune clerk"

    shell.lock()
    unlock_as(qtbot, shell, "dara", "dara-password")
    # A new user must choose their own password first.
    qtbot.waitUntil(lambda: shell.password_dialog is not None)
    assert shell.main_window is None
    forced = shell.password_dialog
    qtbot.keyClicks(forced.old_password, "dara-password")
    qtbot.keyClicks(forced.new_password, "dara-own-password")
    qtbot.keyClicks(forced.repeat_password, "dara-own-password")
    qtbot.mouseClick(forced.ok_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    assert shell.office.actor.username == "dara"


def test_clerk_sees_no_admin_controls_and_the_service_refuses_anyway(qtbot, shell, office_ready):
    window = open_as_clerk(qtbot, shell)
    window.show_section("administration")
    page = window.admin_page
    assert not page.users_box.isVisible()
    assert not page.add_user_button.isVisible()
    assert not page.restore_button.isVisible()
    assert not page.auto_lock_row.isVisible()
    assert page.change_password_button.isVisible()
    assert page.backup_button.isEnabled()  # clerks may take backups
    with pytest.raises(PermissionDenied):
        AccountService(shell.office).add_user("someone", "clerk", "some-password")
    with pytest.raises(PermissionDenied):
        AdminService(shell.office).set_auto_lock_minutes(30)


def test_audit_verification_shows_ok(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    window.show_section("administration")
    page = window.admin_page
    page.tabs.setCurrentWidget(page.audit_tab)
    qtbot.mouseClick(page.verify_audit_button, LEFT)
    wait_for_operations(qtbot)
    assert page.audit_result.text().startswith("The audit log is intact:")
    actions = [cell(page.audit_table, row, 3) for row in range(page.audit_model.rowCount())]
    assert actions[0] == "Audit log verified"


def test_remove_user_asks_and_says_the_key_will_be_rotated(qtbot, shell, office_ready, folder):
    window = open_as_chief(qtbot, shell)
    page = window.admin_page
    page.select_user("clerk")
    qtbot.mouseClick(page.remove_user_button, LEFT)
    text = answer_confirmation(qtbot, confirm=True)
    assert "data key will be rotated" in text
    wait_for_operations(qtbot, timeout=30000)
    qtbot.waitUntil(lambda: page.users_model.rowCount() == 1)
    assert folder.usernames() == ["chief"]
    assert message_boxes()[0].text() == "clerk has been removed and the data key was rotated."


def test_reset_password_and_change_own_password(qtbot, shell, office_ready, folder):
    window = open_as_chief(qtbot, shell)
    page = window.admin_page
    page.select_user("clerk")
    dialog = page.open_reset_password()
    qtbot.keyClicks(dialog.password, "temporary-pass")
    qtbot.keyClicks(dialog.repeat_password, "temporary-pass")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    wait_for_operations(qtbot)
    folder.unlock("clerk", "temporary-pass").lock("test")

    own = page.open_change_password()
    qtbot.keyClicks(own.old_password, "wrong-password")
    qtbot.keyClicks(own.new_password, "chief-new-password")
    qtbot.keyClicks(own.repeat_password, "chief-new-password")
    qtbot.mouseClick(own.ok_button, LEFT)
    wait_for_operations(qtbot)
    assert own.error.text() == "The user name or password is not correct."
    own.old_password.clear()
    qtbot.keyClicks(own.old_password, CHIEF[1])
    qtbot.mouseClick(own.ok_button, LEFT)
    wait_for_operations(qtbot)
    folder.unlock("chief", "chief-new-password").lock("test")


def test_backup_writes_a_verified_file(qtbot, shell, office_ready, tmp_path):
    window = open_as_chief(qtbot, shell)
    window.show_section("administration")
    page = window.admin_page
    page.tabs.setCurrentWidget(page.backup_tab)
    target = tmp_path / "usb" / "office.shscbak"
    target.parent.mkdir()
    page.start_backup(target)
    assert page.cancel_backup_button.isVisible()
    wait_for_operations(qtbot)
    assert target.exists()
    assert "saved and checked" in page.backup_status.text()
    assert not page.cancel_backup_button.isVisible()


def test_auto_lock_minutes_are_saved_and_applied(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    page = window.admin_page
    page.auto_lock.setValue(12)
    qtbot.mouseClick(page.save_auto_lock_button, LEFT)
    wait_for_operations(qtbot)  # saved in the background
    assert AdminService(shell.office).get_auto_lock_minutes() == 12
    assert shell.idle.interval_ms() == 12 * 60_000


def test_chief_allows_and_withdraws_identifying_details_for_a_clerk(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    window.show_section("administration")
    page = window.admin_page
    page.select_user("chief")
    assert not page.identity_access_button.isEnabled()  # the chief always holds the identity key
    page.select_user("clerk")
    assert page.identity_access_button.text() == "Allow identifying details"
    qtbot.mouseClick(page.identity_access_button, LEFT)
    wait_for_operations(qtbot)  # written, then the list of users read again, in the background
    assert any(b.text() == "clerk may now see survivors' identifying details." for b in message_boxes())
    page.select_user("clerk")
    assert cell(page.users_table, page.users_table.currentIndex().row(), 3) == "may see"
    assert AccountService(shell.office).identity_access()["clerk"] is True
    assert page.identity_access_button.text() == "Withdraw identifying details"
    qtbot.mouseClick(page.identity_access_button, LEFT)
    wait_for_operations(qtbot)
    assert AccountService(shell.office).identity_access()["clerk"] is False


def test_chief_sets_what_identifying_details_the_office_keeps(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    page = window.admin_page
    assert not page.perpetrator_names.isChecked()
    page.perpetrator_names.setChecked(True)
    wait_for_operations(qtbot)  # saved in the background
    assert AdminService(shell.office).collects_perpetrator_names()
    page.retention.setValue(5)
    qtbot.mouseClick(page.save_retention_button, LEFT)
    wait_for_operations(qtbot)
    assert AdminService(shell.office).get_identity_retention_years() == 5


def test_years_and_minutes_are_counted_in_the_singular_and_plural(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    page = window.admin_page
    page.retention.setValue(1)
    assert page.retention.text() == "1 year"
    qtbot.mouseClick(page.save_retention_button, LEFT)
    wait_for_operations(qtbot)  # saved in the background, then said
    assert any("will be erased 1 year after their case is closed" in b.text() for b in message_boxes())
    page.retention.setValue(0)
    assert page.retention.text() == "always"
    page.retention.lineEdit().selectAll()
    qtbot.keyClicks(page.retention.lineEdit(), "7")
    qtbot.keyClick(page.retention.lineEdit(), Qt.Key.Key_Return)
    assert page.retention.value() == 7 and page.retention.text() == "7 years"
    page.auto_lock.setValue(1)
    assert page.auto_lock.text() == "1 minute"
    page.auto_lock.setValue(12)
    assert page.auto_lock.text() == "12 minutes"
    i18n.set_language("km")
    QApplication.processEvents()
    assert page.auto_lock.text() == "12 នាទី" and page.retention.text() == "7 ឆ្នាំ"


def test_every_audited_action_has_a_label_in_words() -> None:
    from shsc_desktop.security.actions import all_actions
    from shsc_desktop.views.admin_tables import action_label

    unlabelled = [a for a in all_actions() if action_label(a) == a]
    assert unlabelled == []


def test_the_users_and_audit_models_pass_the_model_tester(qtmodeltester) -> None:
    from datetime import UTC, datetime

    from shsc_desktop.services.accounts import UserView
    from shsc_desktop.services.admin import AuditLine
    from shsc_desktop.views.admin_tables import AuditModel, UsersModel

    at = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    users = UsersModel()
    users.set_rows(
        [
            UserView("1", "chief", "Chief", "chief", True, at, sees_identities=True),
            UserView("2", "focal", "", "focal_point", True, at, sees_identities=True),
            UserView("3", "clerk", "Clerk", "clerk", True, at),
        ]
    )
    qtmodeltester.check(users)
    assert [users.index(r, UsersModel.COL_IDENTITY).data() for r in range(3)] == ["may see", "her cases", "–"]
    assert users.row_of("clerk") == 2
    audit = AuditModel()
    audit.set_rows([AuditLine(7, at, "chief", "lock", "", "")])
    qtmodeltester.check(audit)
    assert audit.index(0, AuditModel.COL_ACTION).data() == "Locked"
