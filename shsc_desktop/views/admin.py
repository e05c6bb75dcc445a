"""The Administration section: accounts, backup and restore, the audit log, and settings.

Controls a role may not use are not shown; the services refuse them anyway.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError
from ..models.codes import ROLE
from ..security.audit import ChainReport
from ..security.permissions import ROLES_BY_LEVEL, Perm, Role, is_admin
from ..services.accounts import UserView
from ..services.admin import (
    AUTO_LOCK_KEY,
    MAX_AUTO_LOCK_MINUTES,
    MAX_RETENTION_YEARS,
    MIN_AUTO_LOCK_MINUTES,
    AuditLine,
)
from ..services.identities import RETENTION_SETTING
from ..services.incidents import PERPETRATOR_NAMES_SETTING
from ..services.office import UnlockedOffice
from ..values.changes import Changes
from .admin_tables import AuditModel, UsersModel
from .builders import progress_and_cancel, push_button, row_of, row_widget, wrapped_label
from .dialogs import AddUserDialog, ChangePasswordDialog, ResetPasswordDialog
from .file_dialogs import file_dialog
from .form_helpers import CountSpinBox, heading_label, set_field_label
from .i18n import current_language, show_status
from .messages import confirm, error_text, show_error, show_message
from .office_keys import OfficeKeysLine, OfficeKeysWarning, show_office_keys, unread_status
from .office_page import OfficePage
from .operations import BackgroundOperation, run_in_background, run_write
from .unlock import language_combo


class AdminPage(OfficePage):
    """Administration of the open office.

    Signals:
        language_requested(str): "km" or "en".
        auto_lock_changed(int): the new number of idle minutes before the app locks.
        restore_requested(object): the ``Path`` of a backup to restore (the shell locks first).
    """

    language_requested = Signal(str)
    auto_lock_changed = Signal(int)
    restore_requested = Signal(object)

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__("adminPage", office, parent)
        self.accounts, self.admin = self.services.accounts, self.services.admin
        self.backup_operation: BackgroundOperation | None = None
        actor = office.actor
        self.can_manage_users = actor.can(Perm.MANAGE_USERS)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")

        # accounts
        self.accounts_tab = QWidget()
        self.users_model = UsersModel(self)
        self.users_table = QTableView()
        self.users_table.setModel(self.users_model)
        self.users_table.setObjectName("usersTable")
        self.users_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users_table.verticalHeader().hide()
        self.users_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_user_button = push_button("addUserButton")
        self.reset_password_button = push_button("resetPasswordButton")
        self.remove_user_button = push_button("removeUserButton")
        self.identity_access_button = push_button("identityAccessButton")
        # Clerk <-> CCWC focal point (a commune office): the focal point's grant wraps the identity key.
        self.role_button = push_button("changeRoleButton")
        self.role_button.setVisible(Role.FOCAL_POINT in ROLES_BY_LEVEL[office.info.level])
        self.change_password_button = push_button("changePasswordButton")
        self.signed_in_label = wrapped_label()
        user_buttons = row_of(self.add_user_button, self.reset_password_button, self.remove_user_button)
        keys_status = unread_status(office)
        self.office_keys_line = OfficeKeysLine(keys_status)
        self.office_keys_warning = OfficeKeysWarning(keys_status)
        show_office_keys(self, office, self.office_keys_line, self.office_keys_warning)
        accounts_layout = QVBoxLayout(self.accounts_tab)
        accounts_layout.addWidget(self.office_keys_warning)
        accounts_layout.addWidget(self.signed_in_label)
        accounts_layout.addWidget(self.office_keys_line)
        accounts_layout.addWidget(self.change_password_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.users_box = QGroupBox()
        users_layout = QVBoxLayout(self.users_box)
        users_layout.addWidget(self.users_table)
        users_layout.addLayout(user_buttons)
        users_layout.addLayout(row_of(self.identity_access_button, self.role_button))
        accounts_layout.addWidget(self.users_box, 1)
        self.users_box.setVisible(self.can_manage_users)
        if not self.can_manage_users:
            accounts_layout.addStretch(1)

        # backup
        self.backup_tab = QWidget()
        self.backup_intro = wrapped_label()
        self.backup_button = push_button("backupButton")
        self.backup_progress, self.cancel_backup_button = progress_and_cancel(
            "backupProgress", "cancelBackupButton"
        )
        self.backup_status = wrapped_label("backupStatus", selectable=True)
        self.restore_intro = wrapped_label()
        self.restore_button = push_button("restoreButton")
        backup_row = row_of(
            self.backup_button, self.backup_progress, self.cancel_backup_button, stretch=False
        )
        backup_row.setStretchFactor(self.backup_progress, 1)
        backup_layout = QVBoxLayout(self.backup_tab)
        backup_layout.addWidget(self.backup_intro)
        backup_layout.addLayout(backup_row)
        backup_layout.addWidget(self.backup_status)
        backup_layout.addSpacing(24)
        backup_layout.addWidget(self.restore_intro)
        backup_layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        backup_layout.addStretch(1)
        can_restore = office.actor.can(Perm.RESTORE)
        self.restore_intro.setVisible(can_restore)
        self.restore_button.setVisible(can_restore)
        self.backup_button.setEnabled(office.actor.can(Perm.BACKUP))

        # audit
        self.audit_tab = QWidget()
        self.audit_intro = wrapped_label()
        self.verify_audit_button = push_button("verifyAuditButton")
        self.audit_result = wrapped_label("auditResult")
        self.audit_model = AuditModel(self)
        self.audit_table = QTableView()
        self.audit_table.setModel(self.audit_model)
        self.audit_table.setObjectName("auditTable")
        self.audit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_table.verticalHeader().hide()
        self.audit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        audit_layout = QVBoxLayout(self.audit_tab)
        audit_layout.addWidget(self.audit_intro)
        audit_row = QHBoxLayout()
        audit_row.addWidget(self.verify_audit_button)
        audit_row.addWidget(self.audit_result, 1)
        audit_layout.addLayout(audit_row)
        audit_layout.addWidget(self.audit_table, 1)
        self._last_report: ChainReport | None = None

        # settings
        self.settings_tab = QWidget()
        self.auto_lock = CountSpinBox(lambda n: self.tr("%n minutes", "", n))
        self.auto_lock.setObjectName("autoLockMinutes")
        self.auto_lock.setRange(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
        self.save_auto_lock_button = push_button("saveAutoLockButton")
        self.language = language_combo()
        self.settings_form = QFormLayout(self.settings_tab)
        self.auto_lock_row = row_widget(self.auto_lock, self.save_auto_lock_button)
        self.settings_form.addRow(QLabel(), self.auto_lock_row)
        self.settings_form.addRow(QLabel(), self.language)
        # What identifying details the office keeps (issue 10: erasure).
        self.perpetrator_names = QCheckBox()
        self.perpetrator_names.setObjectName("collectPerpetratorNames")
        self.retention = CountSpinBox(lambda n: self.tr("%n years", "", n))
        self.retention.setObjectName("identityRetentionYears")
        self.retention.setRange(0, MAX_RETENTION_YEARS)
        self.save_retention_button = push_button("saveRetentionButton")
        self.retention_row = row_widget(self.retention, self.save_retention_button)
        self.settings_form.addRow(QLabel(), self.perpetrator_names)
        self.settings_form.addRow(QLabel(), self.retention_row)
        can_settings = office.actor.can(Perm.MANAGE_SETTINGS)
        for field in (self.auto_lock_row, self.perpetrator_names, self.retention_row):
            field.setVisible(can_settings)
            self.settings_form.labelForField(field).setVisible(can_settings)

        self.tabs.addTab(self.accounts_tab, "")
        self.tabs.addTab(self.backup_tab, "")
        self.tabs.addTab(self.audit_tab, "")
        self.tabs.addTab(self.settings_tab, "")
        self.heading = heading_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs)

        self.add_user_button.clicked.connect(self.open_add_user)
        self.reset_password_button.clicked.connect(self.open_reset_password)
        self.remove_user_button.clicked.connect(self.ask_remove_user)
        self.identity_access_button.clicked.connect(self.toggle_identity_access)
        self.role_button.clicked.connect(self.toggle_focal_point)
        self.perpetrator_names.toggled.connect(self.save_perpetrator_names)
        self.save_retention_button.clicked.connect(self.save_retention)
        self.change_password_button.clicked.connect(self.open_change_password)
        self.backup_button.clicked.connect(self.choose_backup_target)
        self.cancel_backup_button.clicked.connect(self.cancel_backup)
        self.restore_button.clicked.connect(self.choose_restore_file)
        self.verify_audit_button.clicked.connect(self.verify_audit)
        self.save_auto_lock_button.clicked.connect(self.save_auto_lock)
        self.language.currentIndexChanged.connect(self._language_picked)
        self.users_table.selectionModel().selectionChanged.connect(self._update_user_buttons)

        self.session.hub.changed.connect(self.on_changes)

        self.retranslate()
        self.load_settings()
        self.refresh()

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Administration"))
        self.tabs.setTabText(0, self.tr("Accounts"))
        self.tabs.setTabText(1, self.tr("Backup"))
        self.tabs.setTabText(2, self.tr("Audit log"))
        self.tabs.setTabText(3, self.tr("Settings"))
        actor = self.office.actor
        self.signed_in_label.setText(
            self.tr("Signed in as %1 (%2).")
            .replace("%1", actor.username)
            .replace("%2", ROLE.label(actor.role.value, current_language()))
        )
        self.change_password_button.setText(self.tr("Change my password…"))
        self.users_box.setTitle(self.tr("Users of this office"))
        self.users_model.retranslate()
        self.add_user_button.setText(self.tr("Add user…"))
        self.reset_password_button.setText(self.tr("Reset password…"))
        self.remove_user_button.setText(self.tr("Remove user…"))
        self._update_user_buttons()
        set_field_label(self.settings_form, self.perpetrator_names, self.tr("Perpetrators' names:"))
        self.perpetrator_names.setText(self.tr("Record them"))
        set_field_label(self.settings_form, self.retention_row, self.tr("Keep identities of closed cases:"))
        self.retention.setSpecialValueText(self.tr("always"))
        self.save_retention_button.setText(self.tr("Save"))
        self.backup_intro.setText(
            self.tr(
                "A backup is an encrypted copy of all records. Save it on a USB stick and keep it in a "
                "safe place. It opens only with a password of this office."
            )
        )
        self.backup_button.setText(self.tr("Back up now…"))
        self.cancel_backup_button.setText(self.tr("Cancel"))
        self.restore_intro.setText(
            self.tr(
                "Restoring replaces the records on this computer with those in the backup. The office is "
                "locked first; the current files are kept in a folder, not deleted."
            )
        )
        self.restore_button.setText(self.tr("Restore from a backup…"))
        self.audit_intro.setText(
            self.tr(
                "Every change is recorded in the audit log. Each entry is linked to the one before, so any "
                "later alteration can be found."
            )
        )
        self.verify_audit_button.setText(self.tr("Verify the audit log"))
        self.audit_model.retranslate()
        if self._last_report is not None:
            self._show_report(self._last_report)
        self.save_auto_lock_button.setText(self.tr("Save"))
        set_field_label(self.settings_form, self.auto_lock_row, self.tr("Lock after inactivity:"))
        set_field_label(self.settings_form, self.language, self.tr("Language:"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language.blockSignals(False)

    # -- data ------------------------------------------------------------------------------------

    def load_settings(self) -> None:
        """The office's settings, read in the background (the page opens with the defaults shown)."""

        def read(_task: object) -> tuple[int, bool, int]:
            admin = self.admin
            return (
                admin.get_auto_lock_minutes(),
                admin.collects_perpetrator_names(),
                admin.get_identity_retention_years(),
            )

        def show(found: tuple[int, bool, int]) -> None:
            self.auto_lock.setValue(found[0])
            self.perpetrator_names.blockSignals(True)  # showing the setting is not changing it
            self.perpetrator_names.setChecked(found[1])
            self.perpetrator_names.blockSignals(False)
            self.retention.setValue(found[2])

        run_in_background(self, read, show)

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: users changed elsewhere (a password dialog) or settings."""
        if changes.accounts:
            self.refresh()
        if changes.settings:
            self.load_settings()
            self.refresh()  # the change's audit entry

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Users and the recent audit log, read in the background; ``then`` once they are shown."""
        manage = self.can_manage_users

        def read(_task: object) -> tuple[list[UserView] | None, list[AuditLine]]:
            return (self.accounts.list_users() if manage else None, self.admin.recent_audit(100))

        def show(found: tuple[list[UserView] | None, list[AuditLine]]) -> None:
            if found[0] is not None:
                self._show_users(found[0])
            self._show_audit(found[1])
            if then is not None:
                then()

        run_in_background(self, read, show)

    def _show_users(self, users: list[UserView]) -> None:
        selected = self.selected_username()
        self.users_model.set_rows(users)
        if selected is not None:
            with contextlib.suppress(LookupError):  # she was removed meanwhile
                self.select_user(selected)
        self._update_user_buttons()

    def _show_audit(self, lines: list[AuditLine]) -> None:
        self.audit_model.set_rows(lines)

    def _selected_user(self) -> UserView | None:
        rows = self.users_table.selectionModel().selectedRows()
        return self.users_model.row_at(rows[0].row()) if rows else None

    def selected_username(self) -> str | None:
        user = self._selected_user()
        return user.username if user is not None else None

    def select_user(self, username: str) -> None:
        self.users_table.selectRow(self.users_model.row_of(username))

    def _update_user_buttons(self) -> None:
        selected = self.selected_username()
        self.reset_password_button.setEnabled(selected is not None)
        self.remove_user_button.setEnabled(selected is not None and selected != self.office.actor.username)
        role, sees = self._selected_access()
        # The chief always sees identifying details: her role holds the identity key.
        self.identity_access_button.setEnabled(selected is not None and not is_admin(role))
        self.identity_access_button.setText(
            self.tr("Withdraw identifying details") if sees else self.tr("Allow identifying details")
        )
        self.role_button.setEnabled(
            role in (Role.CLERK.value, Role.FOCAL_POINT.value) and selected != self.office.actor.username
        )
        self.role_button.setText(
            self.tr("Make clerk") if role == Role.FOCAL_POINT.value else self.tr("Make CCWC focal point")
        )

    def _selected_access(self) -> tuple[str, bool]:
        user = self._selected_user()
        return (user.role, user.sees_identities) if user is not None else ("", False)

    def toggle_identity_access(self) -> BackgroundOperation | None:
        """Give the selected user the identity key, or take it out of her slot."""
        username = self.selected_username()
        if username is None:
            return None
        allow = not self._selected_access()[1]
        accounts = self.accounts
        if allow:
            text = self.tr("%1 may now see survivors' identifying details.")
        else:
            text = self.tr("%1 can no longer open survivors' identifying details.")
        return self._account_write(
            username, lambda: accounts.set_identity_access(username, allow), text.replace("%1", username)
        )

    def toggle_focal_point(self) -> BackgroundOperation | None:
        """Make the selected clerk a CCWC focal point (her slot gets the identity key), or back."""
        username = self.selected_username()
        role = self._selected_access()[0]
        if username is None or role not in (Role.CLERK.value, Role.FOCAL_POINT.value):
            return None
        new_role = Role.CLERK if role == Role.FOCAL_POINT.value else Role.FOCAL_POINT
        accounts = self.accounts
        if new_role is Role.FOCAL_POINT:
            text = self.tr(
                "%1 is now a CCWC focal point: she sees the identifying details of the cases she handles."
            )
        else:
            text = self.tr("%1 is now a clerk: she no longer opens identifying details.")
        return self._account_write(
            username, lambda: accounts.change_role(username, new_role.value), text.replace("%1", username)
        )

    def _account_write(self, username: str, write: Callable[[], object], done: str) -> BackgroundOperation:
        """A change to one user's role or grants, on the runner: the office's notice tells every page
        (this one reloads its list from it), then the user is selected again and told ``done``."""

        def saved(_result: object) -> None:
            self.refresh(lambda: self.select_user(username))
            show_message(self, done)

        return run_write(self, self.session.hub, lambda _task: write(), Changes(accounts=True), saved)

    # -- accounts --------------------------------------------------------------------------------

    def open_add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self.office, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.user_added.connect(lambda _name: self.refresh())
        dialog.open()
        return dialog

    def open_reset_password(self) -> ResetPasswordDialog | None:
        username = self.selected_username()
        if username is None:
            return None
        dialog = ResetPasswordDialog(self.office, username, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.password_reset.connect(
            lambda name: show_message(self, self.tr("The password of %1 has been reset.").replace("%1", name))
        )
        dialog.open()
        return dialog

    def open_change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.office, forced=False, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.password_changed.connect(
            lambda: show_message(self, self.tr("Your password has been changed."))
        )
        dialog.open()
        return dialog

    def ask_remove_user(self) -> None:
        username = self.selected_username()
        if username is None:
            return
        confirm(
            self,
            self.tr(
                "Remove %1 from this office? They will no longer be able to sign in. The data key will be "
                "rotated, so any copy of the old key stops working. Close other SHSC Desktop windows first."
            ).replace("%1", username),
            self.tr("Remove user"),
            lambda: self.remove_user(username),
        )

    def remove_user(self, username: str) -> None:
        self.remove_user_button.setEnabled(False)
        run_in_background(
            self,
            lambda _task: self.accounts.remove_user(username, rotate_key=True),
            on_success=lambda _r: self._user_removed(username),
            on_failure=self._failed,
        )

    def _user_removed(self, username: str) -> None:
        self.refresh()
        show_message(
            self, self.tr("%1 has been removed and the data key was rotated.").replace("%1", username)
        )

    def _failed(self, error: BaseException) -> None:
        assert isinstance(error, ShscError)
        self._update_user_buttons()
        show_error(self, error)

    # -- backup and restore ----------------------------------------------------------------------

    def choose_backup_target(self) -> QFileDialog:
        name = f"shsc-backup-{self.office.info.code or 'office'}-{date.today().isoformat()}.shscbak"
        return file_dialog(
            self,
            self.tr("Save the backup as"),
            "backup",
            lambda paths: self.start_backup(paths[0]),
            save=True,
            name_filters=[self.tr("SHSC Desktop backups (*.shscbak)")],
            default_suffix="shscbak",
            default_name=name,
        )

    def start_backup(self, target: Path) -> BackgroundOperation:
        service = self.session.services.backup
        self.backup_button.setEnabled(False)
        self.backup_progress.setRange(0, 0)
        self.backup_progress.show()
        self.cancel_backup_button.show()
        self.cancel_backup_button.setEnabled(True)
        show_status(self.backup_status, lambda: self.tr("Backing up…"))

        def progress(done: int, total: int) -> None:
            if total > 0:
                self.backup_progress.setRange(0, total)
                self.backup_progress.setValue(done)

        def finished() -> None:
            self.backup_operation = None
            self.backup_button.setEnabled(True)
            self.backup_progress.hide()
            self.cancel_backup_button.hide()

        def succeeded(info: object) -> None:
            finished()
            path = getattr(info, "path", target)
            show_status(
                self.backup_status,
                lambda: self.tr("The backup was saved and checked: %1").replace("%1", str(path)),
            )
            self.refresh()  # the audit log has a new entry

        def failed(error: BaseException) -> None:
            finished()
            assert isinstance(error, ShscError)
            show_status(self.backup_status, lambda: error_text(error))

        self.backup_operation = run_in_background(
            self,
            lambda task: service.backup(target, task.report, task.is_cancelled),
            on_success=succeeded,
            on_failure=failed,
            on_progress=progress,
        )
        return self.backup_operation

    def cancel_backup(self) -> None:
        if self.backup_operation is not None:
            self.backup_operation.cancel()
            self.cancel_backup_button.setEnabled(False)

    def choose_restore_file(self) -> QFileDialog:
        return file_dialog(
            self,
            self.tr("Choose the backup file"),
            "restore",
            lambda paths: self.restore_requested.emit(paths[0]),
            name_filters=[self.tr("SHSC Desktop backups (*.shscbak)"), self.tr("All files (*)")],
        )

    # -- audit -----------------------------------------------------------------------------------

    def verify_audit(self) -> BackgroundOperation:
        self.verify_audit_button.setEnabled(False)
        show_status(self.audit_result, lambda: self.tr("Checking…"))

        def verified(report: ChainReport) -> None:
            self.verify_audit_button.setEnabled(True)
            self._last_report = report
            self._show_report(report)
            self.refresh()  # the audit log has a new entry

        def failed(error: BaseException) -> None:
            self.verify_audit_button.setEnabled(True)
            assert isinstance(error, ShscError)
            show_status(self.audit_result, lambda: error_text(error))

        return run_in_background(
            self, lambda _task: self.admin.verify_audit(), on_success=verified, on_failure=failed
        )

    def _show_report(self, report: ChainReport) -> None:
        if report.ok:
            self.audit_result.setText(
                self.tr("The audit log is intact: %n entries checked.", "", report.entries)
            )
            self.audit_result.setStyleSheet("color: #1b5e20;")
        else:
            self.audit_result.setText(
                self.tr("The audit log has been altered. The first bad entry is number %1.").replace(
                    "%1", str(report.first_bad_seq)
                )
            )
            self.audit_result.setStyleSheet("color: #b00020;")

    # -- settings --------------------------------------------------------------------------------

    def _save_setting(
        self, key: str, write: Callable[[], None], saved: Callable[[], None] | None = None
    ) -> BackgroundOperation:
        """Write one office setting in the background; the change notice names ``key``, so every
        page that depends on it (this one included) reads it again. A refused value is shown, and the
        stored one put back."""

        def failed(error: BaseException) -> None:
            assert isinstance(error, ShscError)  # anything else went to the crash dialog
            show_error(self, error)
            self.load_settings()

        return run_write(
            self,
            self.session.hub,
            lambda _task: write(),
            Changes.of_settings(key),
            lambda _none: saved() if saved is not None else None,
            failed,
        )

    def save_auto_lock(self) -> BackgroundOperation:
        minutes = self.auto_lock.value()
        admin = self.admin

        def saved() -> None:
            self.auto_lock_changed.emit(minutes)  # the shell's idle timer
            show_message(self, self.tr("The office now locks after %n minutes without use.", "", minutes))

        return self._save_setting(AUTO_LOCK_KEY, lambda: admin.set_auto_lock_minutes(minutes), saved)

    def save_perpetrator_names(self, on: bool) -> BackgroundOperation:
        admin = self.admin
        return self._save_setting(PERPETRATOR_NAMES_SETTING, lambda: admin.set_collect_perpetrator_names(on))

    def save_retention(self) -> BackgroundOperation:
        years = self.retention.value()
        admin = self.admin
        return self._save_setting(
            RETENTION_SETTING,
            lambda: admin.set_identity_retention_years(years),
            lambda: self._retention_saved(years),
        )

    def _retention_saved(self, years: int) -> None:
        if years:
            text = self.tr(
                "Survivors' identifying details will be erased %n years after their case is closed, "
                "checked at each sign-in.",
                "",
                years,
            )
        else:
            text = self.tr("Survivors' identifying details are kept until a record is deleted.")
        show_message(self, text)

    def _language_picked(self, index: int) -> None:
        lang = self.language.itemData(index)
        if lang:
            self.language_requested.emit(str(lang))
