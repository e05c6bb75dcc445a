"""The crash dialog: a bug (any exception that is not an expected ``ShscError``) shows a report the
user can copy and send; expected errors that reach the top show their translated message instead.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from .. import __name__ as package_name
from .. import __version__
from ..errors import ShscError
from ..logs import bug_summary
from .retranslating import Retranslating

_open_dialogs: list[QDialog] = []
_log_folder: Path | None = None  # set by install_excepthook once the local log is running
log = logging.getLogger(__name__)


def crash_report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """Plain text for a bug report: versions and the traceback (no record data is included)."""
    # The package's own version: a frozen build has no installed distribution metadata, so
    # importlib.metadata used to report "unknown" exactly where the report matters (the offices).
    lines = [
        f"{package_name} {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"PySide6 {pyside_version}",
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(Retranslating, QDialog):
    """Shows a crash report with a Copy button. No signals."""

    def __init__(self, report: str, parent: QWidget | None = None, log_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.report = report
        self.log_folder = log_folder
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.log_label = QLabel()
        self.log_label.setObjectName("logFolderLabel")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setVisible(log_folder is not None)
        self.text = QPlainTextEdit(report)
        self.text.setObjectName("crashReport")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyButton")
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.log_label)
        layout.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy_report)
        self.close_button.clicked.connect(self.accept)
        self.resize(720, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SHSC Desktop – unexpected error"))
        self.intro.setText(
            self.tr(
                "Something went wrong inside the program. Your saved records are safe. Please copy "
                "this report and send it to the person who supports SHSC Desktop, with a note of what "
                "you were doing."
            )
        )
        if self.log_folder is not None:
            self.log_label.setText(
                self.tr("The program's log (no record data) is in this folder: %1").replace(
                    "%1", str(self.log_folder)
                )
            )
        self.copy_button.setText(self.tr("Copy report"))
        self.close_button.setText(self.tr("Close"))

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


def show_crash(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> QDialog:
    if isinstance(error, ShscError):
        from .messages import show_error

        return show_error(None, error)
    dialog = CrashDialog(crash_report(kind, error, tb), log_folder=_log_folder)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.append(dialog)
    dialog.destroyed.connect(lambda: _open_dialogs.remove(dialog) if dialog in _open_dialogs else None)
    dialog.show()
    return dialog


def install_excepthook(log_folder: Path | None = None) -> None:
    """Route uncaught exceptions (also those raised in Qt slots) to the crash dialog and the log
    (``logs.py``: the exception's type and frames, never its message); the dialog names
    ``log_folder``."""
    global _log_folder
    _log_folder = log_folder
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, ShscError):
            log.warning("expected error reached the top: %s", error.code)
        else:
            log.error("unexpected error: %s", bug_summary(kind, error, tb))
            previous(kind, error, tb)  # keep the traceback on stderr too
        if issubclass(kind, KeyboardInterrupt):
            return
        show_crash(kind, error, tb)

    sys.excepthook = hook
