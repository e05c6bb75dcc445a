"""Every file dialog of the app: where it opens, and the folder it remembers.

On Windows the Start-menu shortcut's working folder used to be ``C:\\Program Files\\SHSC Desktop``;
a dialog that opened there made the first backup or PDF fail with "Access is denied". So no dialog
depends on the working folder: each one opens in the folder last used **for the same purpose**
(backups, PDFs, bundles…) if it still exists — a USB stick that is gone falls back — and otherwise
in the user's Documents folder. The folders are remembered per Windows account (they are that
account's drives and folders), in ``dialogs.ini`` of the user's own configuration folder, never in
the shared office folder.

Purposes (one remembered folder each): :data:`PURPOSES`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

PURPOSES = ("backup", "restore", "pdf", "directory", "bundle", "upward", "notice", "enrolment", "tables")
"""``bundle``: bundles read in (imports); ``upward``: bundles written for the office above (its USB
stick is not the one the communes bring); ``notice``: return-for-correction notices."""
SETTINGS_FILE = "dialogs.ini"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path(QDir.homePath())
    return folder if folder.is_dir() else Path(QDir.homePath())


def _settings() -> QSettings:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return QSettings(str(Path(folder) / SETTINGS_FILE), QSettings.Format.IniFormat)


def start_folder(purpose: str) -> Path:
    """The folder a dialog for ``purpose`` opens in: the last one used for it, else Documents."""
    remembered = str(_settings().value(f"last/{purpose}", "") or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return documents_folder()


def remember(purpose: str, folder: Path) -> None:
    settings = _settings()
    settings.setValue(f"last/{purpose}", str(folder))
    settings.sync()


def file_dialog(
    parent: QWidget,
    title: str,
    purpose: str,
    on_chosen: Callable[[list[Path]], object],
    *,
    save: bool = False,
    folder: bool = False,
    many: bool = False,
    name_filters: list[str] | None = None,
    default_name: str = "",
    default_suffix: str = "",
    object_name: str = "fileDialog",
) -> QFileDialog:
    """Open a file dialog without blocking; ``on_chosen(paths)`` runs when the user picks."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown dialog purpose {purpose!r}")
    start = start_folder(purpose)
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(object_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setDirectory(str(start))
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if folder:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif many:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    elif not save:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if name_filters:
        dialog.setNameFilters(name_filters)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    if default_name:
        dialog.selectFile(str(start / default_name))

    def chosen(names: list[str]) -> None:
        paths = [Path(n) for n in names]
        if paths:
            remember(purpose, paths[0] if folder else paths[0].parent)
        on_chosen(paths)

    dialog.filesSelected.connect(chosen)
    dialog.open()
    return dialog


def save_dialog(
    parent: QWidget,
    title: str,
    purpose: str,
    on_chosen: Callable[[Path], object],
    name_filters: list[str],
    default_name: str,
    object_name: str = "fileDialog",
) -> QFileDialog:
    """A :func:`file_dialog` that saves one file: ``on_chosen(path)``; a name typed without an
    ending gets that of ``default_name`` (the suggested name)."""
    return file_dialog(
        parent,
        title,
        purpose,
        lambda paths: on_chosen(paths[0]),
        save=True,
        name_filters=name_filters,
        default_suffix=Path(default_name).suffix.lstrip("."),
        default_name=default_name,
        object_name=object_name,
    )
