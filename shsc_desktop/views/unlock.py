"""The sign-in window: choose a user, type the password, unlock. Also the recovery-key path and,
when the files are damaged, restoring from a backup.

Unlocking derives a key with Argon2id (about a second on an office PC), so it runs in the
background. Every failed attempt shows the same message, whatever was wrong, and the back-off the
service imposes is shown as a countdown with the Unlock button disabled.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..errors import (
    AuditChainBroken,
    AuditLogBehind,
    DatabaseDamaged,
    KeySlotsDamaged,
    ShscError,
    TooManyAttempts,
    WrongCredentials,
)
from ..services.office import OfficeFolder, UnlockedOffice
from .builders import (
    busy_bar,
    error_label,
    field_form,
    line_field,
    open_dialog,
    password_field,
    push_button,
    row_of,
    wrapped_label,
)
from .dialogs import AccountDialog, BackupSignInDialog, password_problem
from .file_dialogs import file_dialog
from .form_helpers import set_field_label
from .i18n import LANGUAGES, current_language, language_name
from .messages import confirm, error_text, wait_text
from .operations import run_in_background
from .retranslating import Retranslating
from .screen import fit_to_screen

if TYPE_CHECKING:
    from ..services.restore import Authorisation


def office_label(info: dict[str, str]) -> str:
    """An office as the chief can tell it apart: name, code and the start of its id (a look-alike
    office has the same name and code)."""
    name = info.get("name_km" if current_language() == "km" else "name_en", "")
    return f"{name} ({info.get('code', '')}, {info.get('office_id', '')[:8]})"


def language_combo() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("languageCombo")
    for lang in LANGUAGES:
        combo.addItem(language_name(lang), lang)
    combo.setCurrentIndex(LANGUAGES.index(current_language()))
    return combo


class RecoveryDialog(AccountDialog):
    """Unlock with the printed recovery key and give a user a new password.

    Signals:
        unlocked(object): the ``UnlockedOffice``, signed in as the chosen user.
    """

    unlocked = Signal(object)

    def __init__(self, folder: OfficeFolder, usernames: list[str], parent: QWidget | None = None) -> None:
        self.folder = folder
        self.recovery_key = line_field("recoveryKey")
        self.user = QComboBox()
        self.user.setObjectName("user")
        self.user.addItems(usernames)
        self.new_password = password_field("newPassword")
        self.repeat_password = password_field("repeatPassword")
        fields = (self.recovery_key, self.user, self.new_password, self.repeat_password)
        super().__init__("recoveryDialog", fields, parent)
        self.resize(560, self.sizeHint().height())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Use the recovery key"))
        self.intro.setText(
            self.tr(
                "Type the recovery key printed when the office was set up, choose the user and give them "
                "a new password."
            )
        )
        set_field_label(self.form, self.recovery_key, self.tr("Recovery key:"))
        set_field_label(self.form, self.user, self.tr("User:"))
        set_field_label(self.form, self.new_password, self.tr("New password:"))
        set_field_label(self.form, self.repeat_password, self.tr("New password again:"))
        self.ok_button.setText(self.tr("Unlock"))
        self.cancel_button.setText(self.tr("Cancel"))

    def submit(self) -> None:
        problem = "" if self.recovery_key.text().strip() else self.tr("Type the recovery key.")
        problem = problem or password_problem(self.new_password.text(), self.repeat_password.text())
        if self.refuse(problem):
            return
        key, user, password = self.recovery_key.text(), self.user.currentText(), self.new_password.text()
        self.run(lambda: self.folder.unlock_with_recovery(key, user, password), self.unlocked.emit)

    def failure_text(self, error: ShscError) -> str:
        if not isinstance(error, WrongCredentials):
            return error_text(error)
        text = self.tr("The recovery key is not correct.")
        if error.retry_after > 0:
            text += "\n" + wait_text(error.retry_after)
        return text


class UnlockWindow(Retranslating, QWidget):
    """The sign-in window shown at start and after every lock.

    Signals:
        unlocked(object): an ``UnlockedOffice`` (by password, recovery key or restore).
        language_requested(str): the user picked another interface language ("km" or "en").
    """

    unlocked = Signal(object)
    language_requested = Signal(str)

    def __init__(
        self,
        folder: OfficeFolder,
        demo_credentials: dict[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockWindow")
        self.folder = folder
        self.demo_credentials = dict(demo_credentials or {})
        self.clock = clock
        self._retry_at = 0.0
        self._busy = False
        self.damaged: ShscError | None = None

        self.heading = QLabel()
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.6)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.office_label = wrapped_label("officeLabel")
        self.office_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user = QComboBox()
        self.user.setObjectName("user")
        self.password = password_field("password")
        self.unlock_button = push_button("unlockButton")
        self.unlock_button.setDefault(True)
        self.error = error_label()
        self.wait_label = wrapped_label("waitLabel", hidden=True)
        self.busy = busy_bar()
        self.forgot_button = push_button("forgotButton")
        self.forgot_button.setFlat(True)
        self.demo_label = wrapped_label("demoLabel", selectable=True, hidden=not self.demo_credentials)
        self.damaged_label = wrapped_label("damagedLabel")
        self.restore_button = push_button("restoreButton")
        self.accept_loss_button = push_button("acceptLossButton", hidden=True)
        self.accept_loss_hint = wrapped_label("acceptLossHint", hidden=True)
        # Only user names are kept between attempts, never a password: the chief who accepts a
        # lost audit tail types hers again (the choice is hers to confirm, and nothing secret
        # lingers in this window while the panel is shown).
        self._attempt: str | None = None  # the user of the unlock running now
        self._refused: str | None = None  # the user whose unlock was refused for the audit log
        self._may_accept = False  # whether her signed role may accept the loss (the chief)
        self.language = language_combo()
        self.language_label = QLabel()

        self.form = field_form((self.user, self.password))
        self.damaged_panel = QFrame()
        self.damaged_panel.setFrameShape(QFrame.Shape.StyledPanel)
        damaged_layout = QVBoxLayout(self.damaged_panel)
        damaged_layout.addWidget(self.damaged_label)
        damaged_layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        damaged_layout.addWidget(self.accept_loss_hint)
        damaged_layout.addWidget(self.accept_loss_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.damaged_panel.hide()

        panel = QFrame()
        panel.setObjectName("unlockPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMinimumWidth(520)
        panel.setMaximumWidth(640)
        inner = QVBoxLayout(panel)
        inner.setSpacing(12)
        inner.addWidget(self.heading)
        inner.addWidget(self.office_label)
        inner.addLayout(self.form)
        inner.addWidget(self.unlock_button)
        inner.addWidget(self.busy)
        inner.addWidget(self.error)
        inner.addWidget(self.wait_label)
        inner.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.demo_label)
        inner.addWidget(self.damaged_panel)
        language_row = row_of(self.language_label, self.language, stretch=False)
        language_row.insertStretch(0, 1)
        inner.addLayout(language_row)

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(panel)
        column.addStretch(2)
        outer.addLayout(column)
        outer.addStretch(1)

        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(250)
        self.wait_timer.timeout.connect(self._update_wait)
        self.unlock_button.clicked.connect(self.unlock)
        self.password.returnPressed.connect(self.unlock)
        self.forgot_button.clicked.connect(self.open_recovery)
        self.restore_button.clicked.connect(self.choose_backup_file)
        self.accept_loss_button.clicked.connect(self.confirm_accept_loss)
        self.language.currentIndexChanged.connect(
            lambda index: self.language_requested.emit(LANGUAGES[index])
        )
        self.user.currentTextChanged.connect(self._fill_demo_password)
        self.reload()
        self.retranslate()
        fit_to_screen(self, 1100, 720)

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SHSC Desktop – sign in"))
        self.heading.setText(self.tr("SHSC Desktop"))
        set_field_label(self.form, self.user, self.tr("User:"))
        set_field_label(self.form, self.password, self.tr("Password:"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.forgot_button.setText(self.tr("Forgot password? Use the recovery key"))
        self.restore_button.setText(self.tr("Restore from a backup…"))
        self.accept_loss_button.setText(self.tr("Continue without the lost entries (chief)"))
        self.language_label.setText(self.tr("Language:"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(LANGUAGES.index(current_language()))
        self.language.blockSignals(False)
        self._show_office()
        if self.demo_credentials:
            accounts = ", ".join(f"{name} / {password}" for name, password in self.demo_credentials.items())
            self.demo_label.setText(
                self.tr("Demo office with synthetic records. Accounts (user / password): %1").replace(
                    "%1", accounts
                )
            )
        if self.damaged is not None:
            self.damaged_label.setText(error_text(self.damaged))
        self._update_accept_hint()
        if self.wait_label.isVisible():
            self._update_wait()

    def _update_accept_hint(self) -> None:
        self.accept_loss_hint.setText(
            self.tr(
                "To continue without the lost entries, type your password again, then press the button below."
            )
            if self._may_accept
            else self.tr(
                "Only the chief can decide to continue without the lost entries. Call the chief to "
                "sign in here, or restore the newest backup."
            )
        )

    def _show_office(self) -> None:
        try:
            info = self.folder.info()
        except ShscError:
            self.office_label.setText("")
            return
        self.office_label.setText(info.name(current_language()))

    # -- state -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the user list again (after a lock, a restore or a repair)."""
        self.password.clear()
        self.user.clear()
        try:
            self.user.addItems(self.folder.usernames())
        except (KeySlotsDamaged, DatabaseDamaged) as exc:
            self.show_damaged(exc)
            return
        self.damaged = None
        self._refused = None
        self._may_accept = False
        self.damaged_panel.hide()
        self._fill_demo_password(self.user.currentText())
        self._update_enabled()
        self.password.setFocus()

    def show_damaged(self, error: ShscError) -> None:
        """The files cannot be opened: say so clearly and offer a restore."""
        self.damaged = error
        self.damaged_label.setText(error_text(error))
        refused = self._refused is not None
        # The "continue" choice is the chief's alone (the service checks her signed role again):
        # a clerk is not shown a button she may not use, but told whom to call.
        self.accept_loss_button.setVisible(refused and self._may_accept)
        self.accept_loss_hint.setVisible(refused)
        self._update_accept_hint()
        self.damaged_panel.show()
        self.error.hide()

    def _fill_demo_password(self, username: str) -> None:
        if username in self.demo_credentials:
            self.password.setText(self.demo_credentials[username])

    def _update_enabled(self) -> None:
        waiting = self.clock() < self._retry_at
        self.unlock_button.setEnabled(not self._busy and not waiting and self.user.count() > 0)

    def _start_wait(self, seconds: float) -> None:
        self._retry_at = self.clock() + seconds
        self.wait_label.show()
        self._update_wait()
        self.wait_timer.start()

    def _update_wait(self) -> None:
        remaining = self._retry_at - self.clock()
        if remaining <= 0:
            self.wait_timer.stop()
            self.wait_label.hide()
        else:
            self.wait_label.setText(wait_text(remaining))
        self._update_enabled()

    def seconds_to_wait(self) -> float:
        return max(0.0, self._retry_at - self.clock())

    # -- unlocking -------------------------------------------------------------------------------

    def unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        self._start_unlock(self.user.currentText(), self.password.text(), accept_audit_loss=False)

    def _start_unlock(self, username: str, password: str, accept_audit_loss: bool) -> None:
        self._attempt = username
        self._busy = True
        self.busy.show()
        self.error.hide()
        self._update_enabled()
        run_in_background(
            self,
            lambda _task: self.folder.unlock(username, password, accept_audit_loss=accept_audit_loss),
            on_success=self._unlocked,
            on_failure=self._failed,
        )

    def confirm_accept_loss(self) -> None:
        """The chief goes on with the log as it is; the loss is recorded in the log itself."""
        if self._refused is None or not self._may_accept:
            return
        if not self.password.text():
            self.error.setText(self.tr("Type your password again to confirm that you continue."))
            self.error.show()
            self.password.setFocus()
            return
        username = self._refused
        confirm(
            self,
            self.tr(
                "Continue with the records that are left? The lost changes cannot be recovered "
                "without a backup. This decision is recorded in the audit log under your name."
            ),
            self.tr("Continue without them"),
            lambda: self._accept_loss_as(username),
        )

    def _accept_loss_as(self, username: str) -> None:
        # The password is read from the field only now and the field cleared at once.
        password = self.password.text()
        self.password.clear()
        self._start_unlock(username, password, accept_audit_loss=True)

    def _unlocked(self, office: UnlockedOffice) -> None:
        self._busy = False
        self._attempt = self._refused = None
        self._may_accept = False
        self.damaged_panel.hide()
        self.busy.hide()
        self.password.clear()
        self._update_enabled()
        self.unlocked.emit(office)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.busy.hide()
        self.password.clear()
        self.password.setFocus()
        assert isinstance(error, ShscError)
        attempt, self._attempt = self._attempt, None
        if isinstance(error, AuditLogBehind | AuditChainBroken) and attempt is not None:
            # Only who it was and whether her signed role may accept the loss are kept.
            self._refused = attempt
            self._may_accept = error.may_accept
            self.show_damaged(error)
        elif isinstance(error, KeySlotsDamaged | DatabaseDamaged):
            self.show_damaged(error)
        elif isinstance(error, WrongCredentials | TooManyAttempts):
            # One message for every kind of wrong input: it must not tell which part was wrong.
            self.error.setText(error_text(WrongCredentials()))
            self.error.show()
            if error.retry_after > 0:
                self._start_wait(error.retry_after)
        else:
            self.error.setText(error_text(error))
            self.error.show()
        self._update_enabled()

    # -- recovery and restore --------------------------------------------------------------------

    def open_recovery(self) -> RecoveryDialog:
        users = [self.user.itemText(i) for i in range(self.user.count())]
        dialog = open_dialog(RecoveryDialog(self.folder, users, self))
        dialog.unlocked.connect(self.unlocked.emit)
        return dialog

    def choose_backup_file(self) -> QFileDialog:
        return file_dialog(
            self,
            self.tr("Choose the backup file"),
            "restore",
            lambda paths: self.restore_from_file(paths[0]),
            name_filters=[self.tr("SHSC Desktop backups (*.shscbak)"), self.tr("All files (*)")],
        )

    def restore_from_file(self, backup_file: Path) -> BackupSignInDialog:
        """Ask for the backup's user name and password, then restore it in the background."""
        current_users = [self.user.itemText(i) for i in range(self.user.count())]
        dialog = open_dialog(BackupSignInDialog(backup_file, self, current_users=current_users))
        dialog.credentials_entered.connect(
            lambda user, password: self.restore(
                backup_file, user, password, allow_older=False, authorisation=dialog.authorisation
            )
        )
        return dialog

    def restore(
        self,
        backup_file: Path,
        username: str,
        password: str,
        allow_older: bool,
        authorisation: Authorisation | None = None,
        replace_office: bool = False,
    ) -> None:
        from ..services.restore import restore_backup

        def again(older: bool, replace: bool) -> None:
            self.restore(backup_file, username, password, older, authorisation, replace)

        self._busy = True
        self.busy.show()
        self.error.hide()
        self._update_enabled()
        self.restore_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            self._busy = False
            self.busy.hide()
            self.restore_button.setEnabled(True)
            self._update_enabled()
            assert isinstance(error, ShscError)
            if error.code == "restore_downgrade":
                confirm(
                    self,
                    error_text(error) + "\n\n" + self.tr("Restore this older backup anyway?"),
                    self.tr("Restore anyway"),
                    lambda: again(True, replace_office),
                )
                return
            if error.code == "restore_unverifiable":
                confirm(
                    self,
                    self.tr(
                        "The key files of the office on this computer cannot be read, so nobody can "
                        "check that this backup is of the same office. Replace whatever is on this "
                        "computer with the backup? Its files are kept in a folder next to the data."
                    ),
                    self.tr("Replace this office"),
                    lambda: again(allow_older, True),
                    QMessageBox.Icon.Warning,
                )
                return
            if error.code == "restore_other_office":
                confirm(
                    self,
                    self.tr(
                        "This backup belongs to another office: %1. The office on this computer is %2. "
                        "Replace the office on this computer with the other one? Its files are kept "
                        "in a folder next to the data."
                    )
                    .replace("%1", office_label(getattr(error, "backup", {})))
                    .replace("%2", office_label(getattr(error, "current", {}))),
                    self.tr("Replace this office"),
                    lambda: again(allow_older, True),
                    QMessageBox.Icon.Warning,
                )
                return
            self.error.setText(error_text(error))
            self.error.show()

        def restored(office: UnlockedOffice) -> None:
            self._busy = False
            self.busy.hide()
            self.restore_button.setEnabled(True)
            self.reload()
            self.unlocked.emit(office)

        run_in_background(
            self,
            lambda _task: restore_backup(
                self.folder,
                backup_file,
                username,
                password,
                allow_older=allow_older,
                authorisation=authorisation,
                replace_office=replace_office,
            ),
            on_success=restored,
            on_failure=failed,
        )
