"""The Administration page and its Accounts tab: the signed-in user's own password, and the office's
users (add, reset, remove, identity access, clerk ↔ focal point).

The page's other tabs are each a part of it in their own module, mixed into :class:`AdminPage`:
backup and restore (``admin_backup``), the audit log (``admin_audit``), settings
(``admin_settings``). Controls a role may not use are not shown; the services refuse them anyway.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError
from ..models.codes import ROLE
from ..security.permissions import ROLES_BY_LEVEL, Perm, Role, is_admin
from ..services.accounts import UserView
from ..services.admin import (
    AuditLine,
)
from ..services.office import UnlockedOffice
from ..values.changes import Changes
from .admin_audit import AuditPart
from .admin_backup import BackupPart
from .admin_settings import SettingsPart
from .admin_tables import UsersModel
from .builders import open_dialog, push_button, row_of, wrapped_label
from .dialogs import AddUserDialog, ChangePasswordDialog, ResetPasswordDialog
from .form_helpers import heading_label
from .i18n import current_language
from .messages import confirm, show_error, show_message
from .office_keys import OfficeKeysLine, OfficeKeysWarning, show_office_keys, unread_status
from .office_page import OfficePage
from .operations import BackgroundOperation, run_in_background, run_write


class AdminPage(BackupPart, AuditPart, SettingsPart, OfficePage):
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

        self.tabs.addTab(self.accounts_tab, "")
        self.tabs.addTab(self._build_backup_tab(), "")
        self.tabs.addTab(self._build_audit_tab(), "")
        self.tabs.addTab(self._build_settings_tab(), "")
        self.heading = heading_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs)

        self.add_user_button.clicked.connect(self.open_add_user)
        self.reset_password_button.clicked.connect(self.open_reset_password)
        self.remove_user_button.clicked.connect(self.ask_remove_user)
        self.identity_access_button.clicked.connect(self.toggle_identity_access)
        self.role_button.clicked.connect(self.toggle_focal_point)
        self.change_password_button.clicked.connect(self.open_change_password)
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
        self._retranslate_backup_tab()
        self._retranslate_audit_tab()
        self._retranslate_settings_tab()

    def count_text(self, what: str, n: int) -> str:
        """The texts of the page's tabs that count something, in the page's own translation context:
        ``tr`` looks in the class of the page first and, once it has filled in the count, no further
        (not in the tab's module)."""
        texts = {
            "minutes": lambda: self.tr("%n minutes", "", n),
            "years": lambda: self.tr("%n years", "", n),
            "locks after": lambda: self.tr("The office now locks after %n minutes without use.", "", n),
            "erased after": lambda: self.tr(
                "Survivors' identifying details will be erased %n years after their case is closed, "
                "checked at each sign-in.",
                "",
                n,
            ),
            "entries checked": lambda: self.tr("The audit log is intact: %n entries checked.", "", n),
        }
        return texts[what]()

    # -- data ------------------------------------------------------------------------------------

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

        return run_write(self, self.session.hub, lambda _task: write(), saved)

    # -- accounts --------------------------------------------------------------------------------

    def open_add_user(self) -> AddUserDialog:
        dialog = open_dialog(AddUserDialog(self.office, self))
        dialog.user_added.connect(lambda _name: self.refresh())
        return dialog

    def open_reset_password(self) -> ResetPasswordDialog | None:
        username = self.selected_username()
        if username is None:
            return None
        dialog = open_dialog(ResetPasswordDialog(self.office, username, self))
        dialog.password_reset.connect(
            lambda name: show_message(self, self.tr("The password of %1 has been reset.").replace("%1", name))
        )
        return dialog

    def open_change_password(self) -> ChangePasswordDialog:
        dialog = open_dialog(ChangePasswordDialog(self.office, forced=False, parent=self))
        dialog.password_changed.connect(
            lambda: show_message(self, self.tr("Your password has been changed."))
        )
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
        run_write(
            self,
            self.session.hub,
            lambda _task: self.accounts.remove_user(username, rotate_key=True),
            lambda _r: self._user_removed(username),
            self._failed,
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
