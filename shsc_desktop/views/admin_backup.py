"""The Backup tab of the Administration page (an :mod:`~shsc_desktop.views.admin_part`): an
encrypted backup on the runner (with progress and cancel), and the way to a restore (the shell
locks the office first).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from ..errors import ShscError
from ..security.permissions import Perm
from .admin_part import AdminPart
from .builders import progress_and_cancel, push_button, row_of, wrapped_label
from .file_dialogs import file_dialog, save_dialog
from .i18n import show_status
from .messages import error_text
from .operations import BackgroundOperation, run_in_background


class BackupPart(AdminPart):
    """Backup now… and Restore from a backup… of the Administration page."""

    def _build_backup_tab(self) -> QWidget:
        self.backup_operation: BackgroundOperation | None = None
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
        can_restore = self.office.actor.can(Perm.RESTORE)
        self.restore_intro.setVisible(can_restore)
        self.restore_button.setVisible(can_restore)
        self.backup_button.setEnabled(self.office.actor.can(Perm.BACKUP))
        self.backup_button.clicked.connect(self.choose_backup_target)
        self.cancel_backup_button.clicked.connect(self.cancel_backup)
        self.restore_button.clicked.connect(self.choose_restore_file)
        return self.backup_tab

    def _retranslate_backup_tab(self) -> None:
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

    def choose_backup_target(self) -> QFileDialog:
        name = f"shsc-backup-{self.office.info.code or 'office'}-{date.today().isoformat()}.shscbak"
        return save_dialog(
            self,
            self.tr("Save the backup as"),
            "backup",
            self.start_backup,
            [self.tr("SHSC Desktop backups (*.shscbak)")],
            name,
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
