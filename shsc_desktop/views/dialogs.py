"""Small account dialogs: change one's own password, add a user, reset a password, and the sign-in
of a backup before restoring it.

Each dialog checks its fields at once (clear messages next to the fields), then runs the slow key
derivation in the background and closes itself only when the service has succeeded. Dialogs are
opened with ``open()`` by their callers, never ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError
from ..models.codes import ROLE
from ..security.permissions import ROLES_BY_LEVEL
from ..security.vault import MIN_PASSWORD_LENGTH
from .builders import busy_bar, error_label, field_form, line_field, ok_cancel_buttons, password_field
from .form_helpers import set_field_label
from .i18n import current_language
from .messages import error_text
from .operations import run_in_background
from .retranslating import Retranslating

if TYPE_CHECKING:
    from ..services.accounts import AccountService
    from ..services.office import UnlockedOffice
    from ..services.restore import Authorisation


def _accounts(office: UnlockedOffice) -> AccountService:
    """``AccountService`` imported on use: the sign-in window loads this module before SQLAlchemy."""
    from ..services.accounts import AccountService

    return AccountService(office)


def password_problem(password: str, repeat: str) -> str:
    """The translated problem with a new password, or "" if it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return QCoreApplication.translate(
            "Dialogs", "The password must have at least %1 characters."
        ).replace("%1", str(MIN_PASSWORD_LENGTH))
    if password != repeat:
        return QCoreApplication.translate("Dialogs", "The two passwords are not the same.")
    return ""


def show_problem(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class AccountDialog(Retranslating, QDialog):
    """The frame of a dialog that checks a password form at once and then runs slow key work in the
    background: an intro, the fields in a form, a hint, the problem, a busy bar and OK/Cancel.

    Subclasses make their fields, pass them here, set their texts in ``retranslate()`` and call
    :meth:`run` from ``submit()``; the dialog closes only when the work has succeeded.
    """

    # The open office whose pages hear what the work changed; None for the recovery dialog, which
    # works on a locked folder.
    office: UnlockedOffice | None = None

    def __init__(
        self,
        name: str,
        fields: Sequence[QWidget],
        parent: QWidget | None = None,
        intro: bool = True,
        hint: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = error_label()
        self.busy = busy_bar()
        self.buttons, self.ok_button, self.cancel_button = ok_cancel_buttons()
        self.form = field_form(fields)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(self.intro)
        layout.addLayout(self.form)
        if hint:
            layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

    def submit(self) -> None:
        raise NotImplementedError

    def refuse(self, problem: str) -> bool:
        """Show ``problem`` (or hide the last one when it is ""); true when there is one."""
        show_problem(self.error, problem)
        return bool(problem)

    def run(self, work: Callable[[], object], on_success: Callable[[Any], None]) -> None:
        """``work`` in the background, the busy bar shown and OK disabled meanwhile; what it changed
        (a user) is told to the office's pages once its session is open."""
        from .session import hub_of

        hub = None if self.office is None else hub_of(self.office)
        self.busy.show()
        self.ok_button.setEnabled(False)

        def succeeded(result: Any) -> None:
            self.busy.hide()
            on_success(result)
            self.accept()

        run_in_background(self, lambda _task: work(), on_success=succeeded, on_failure=self._failed, hub=hub)

    def failure_text(self, error: ShscError) -> str:
        return error_text(error)

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        self.ok_button.setEnabled(True)
        assert isinstance(error, ShscError)
        show_problem(self.error, self.failure_text(error))


class ChangePasswordDialog(AccountDialog):
    """Change the signed-in user's own password.

    Signals:
        password_changed(): the new password is in place.
    """

    password_changed = Signal()
    office: UnlockedOffice

    def __init__(self, office: UnlockedOffice, forced: bool = False, parent: QWidget | None = None) -> None:
        self.office = office
        self.forced = forced
        self.old_password = password_field("oldPassword")
        self.new_password = password_field("newPassword")
        self.repeat_password = password_field("repeatPassword")
        fields = (self.old_password, self.new_password, self.repeat_password)
        super().__init__("changePasswordDialog", fields, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change my password"))
        self.intro.setText(
            self.tr("Before you continue, choose a new password that only you know.")
            if self.forced
            else self.tr("Choose a new password that only you know.")
        )
        set_field_label(self.form, self.old_password, self.tr("Current password:"))
        set_field_label(self.form, self.new_password, self.tr("New password:"))
        set_field_label(self.form, self.repeat_password, self.tr("New password again:"))
        self.ok_button.setText(self.tr("Change password"))
        self.cancel_button.setText(self.tr("Sign out") if self.forced else self.tr("Cancel"))

    def submit(self) -> None:
        problem = password_problem(self.new_password.text(), self.repeat_password.text())
        if not problem and self.new_password.text() == self.old_password.text():
            problem = self.tr("The new password must be different from the current one.")
        if self.refuse(problem):
            return
        old, new = self.old_password.text(), self.new_password.text()
        self.run(
            lambda: _accounts(self.office).change_own_password(old, new),
            lambda _r: self.password_changed.emit(),
        )


class AddUserDialog(AccountDialog):
    """Add a person to this office (chief only; the service checks it too).

    Signals:
        user_added(str): the new user's name.
    """

    user_added = Signal(str)
    office: UnlockedOffice

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        self.office = office
        self.username = line_field("username")
        self.full_name = line_field("fullName")
        self.role = QComboBox()
        self.role.setObjectName("role")
        self.roles = [r.value for r in ROLES_BY_LEVEL[office.info.level]]
        self.password = password_field("password")
        self.repeat_password = password_field("repeatPassword")
        fields = (self.username, self.full_name, self.role, self.password, self.repeat_password)
        super().__init__("addUserDialog", fields, parent, intro=False, hint=True)
        self.retranslate()
        if "clerk" in self.roles:
            self.role.setCurrentIndex(self.roles.index("clerk"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a user"))
        set_field_label(self.form, self.username, self.tr("User name:"))
        set_field_label(self.form, self.full_name, self.tr("Full name:"))
        set_field_label(self.form, self.role, self.tr("Role:"))
        set_field_label(self.form, self.password, self.tr("Password:"))
        set_field_label(self.form, self.repeat_password, self.tr("Password again:"))
        self.hint.setText(self.tr("The new user must choose their own password when they first sign in."))
        self.ok_button.setText(self.tr("Add user"))
        self.cancel_button.setText(self.tr("Cancel"))
        current = self.role.currentIndex()
        self.role.clear()
        for code in self.roles:
            self.role.addItem(ROLE.label(code, current_language()), code)
        self.role.setCurrentIndex(max(0, current))

    def submit(self) -> None:
        username = self.username.text().strip()
        problem = "" if username else self.tr("Enter a user name.")
        problem = problem or password_problem(self.password.text(), self.repeat_password.text())
        if self.refuse(problem):
            return
        role = str(self.role.currentData())
        password, full_name = self.password.text(), self.full_name.text().strip()
        self.run(
            lambda: _accounts(self.office).add_user(username, role, password, full_name),
            lambda _user: self.user_added.emit(username),
        )


class ResetPasswordDialog(AccountDialog):
    """The chief sets a temporary password for someone who forgot theirs.

    Signals:
        password_reset(str): the user's name.
    """

    password_reset = Signal(str)
    office: UnlockedOffice

    def __init__(self, office: UnlockedOffice, username: str, parent: QWidget | None = None) -> None:
        self.office = office
        self.target = username
        self.password = password_field("password")
        self.repeat_password = password_field("repeatPassword")
        super().__init__("resetPasswordDialog", (self.password, self.repeat_password), parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset password"))
        self.intro.setText(
            self.tr("Set a temporary password for %1. They must change it when they next sign in.").replace(
                "%1", self.target
            )
        )
        set_field_label(self.form, self.password, self.tr("Temporary password:"))
        set_field_label(self.form, self.repeat_password, self.tr("Password again:"))
        self.ok_button.setText(self.tr("Reset password"))
        self.cancel_button.setText(self.tr("Cancel"))

    def submit(self) -> None:
        if self.refuse(password_problem(self.password.text(), self.repeat_password.text())):
            return
        password = self.password.text()
        self.run(
            lambda: _accounts(self.office).reset_password(self.target, password),
            lambda _r: self.password_reset.emit(self.target),
        )


class BackupSignInDialog(Retranslating, QDialog):
    """Before a restore: the user name and password as they were when the backup was taken.

    Signals:
        credentials_entered(str, str): user name and password.
    """

    credentials_entered = Signal(str, str)

    def __init__(
        self, backup_file: Path, parent: QWidget | None = None, current_users: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupSignInDialog")
        self.backup_file = Path(backup_file)
        self.current_users = list(current_users or [])
        self.authorisation: Authorisation | None = None  # set on submit when an office is here
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.username = line_field("username")
        self.password = password_field("password")
        self.current_intro = QLabel()
        self.current_intro.setWordWrap(True)
        self.current_user = QComboBox()
        self.current_user.setObjectName("currentUser")
        self.current_secret = password_field("currentSecret")
        self.error = error_label()
        self.buttons, self.ok_button, self.cancel_button = ok_cancel_buttons()
        self.form = field_form((self.username, self.password))
        self.current_form = field_form((self.current_user, self.current_secret))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        if self.current_users:
            # An office is set up here: replacing it needs its chief (or its recovery key) too.
            layout.addWidget(self.current_intro)
            layout.addLayout(self.current_form)
        else:
            self.current_intro.hide()
            self.current_user.hide()
            self.current_secret.hide()
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.intro.setText(
            self.tr(
                "Restore %1. Sign in with a user name and password that were valid when the backup was made. "
                "The current files are kept in a folder next to the data, not deleted."
            ).replace("%1", self.backup_file.name)
        )
        set_field_label(self.form, self.username, self.tr("User name:"))
        set_field_label(self.form, self.password, self.tr("Password:"))
        self.current_intro.setText(
            self.tr(
                "An office is set up on this computer. Its chief must allow replacing its data: "
                "her user name and password, or the office's recovery key."
            )
        )
        chosen = max(0, self.current_user.currentIndex())
        self.current_user.clear()
        self.current_user.addItems(self.current_users)
        self.current_user.addItem(self.tr("The recovery key"))
        self.current_user.setCurrentIndex(chosen)
        if self.current_users:
            set_field_label(self.current_form, self.current_user, self.tr("Chief here:"))
            set_field_label(
                self.current_form, self.current_secret, self.tr("Her password, or the recovery key:")
            )
        self.ok_button.setText(self.tr("Restore"))
        self.cancel_button.setText(self.tr("Cancel"))

    def submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            show_problem(self.error, self.tr("Enter the user name and the password."))
            return
        if self.current_users:
            secret = self.current_secret.text()
            if not secret:
                show_problem(
                    self.error, self.tr("Enter the password of the chief here, or the recovery key.")
                )
                return
            from ..services.restore import Authorisation

            index = self.current_user.currentIndex()
            self.authorisation = (
                Authorisation(username=self.current_users[index], password=secret)
                if index < len(self.current_users)
                else Authorisation(recovery_key=secret)
            )
        self.credentials_entered.emit(self.username.text().strip(), self.password.text())
        self.accept()


def apply_window_modality(dialog: QDialog) -> QDialog:
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
