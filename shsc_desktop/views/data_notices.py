"""What the user is told about the office folder at start (one office per PC, see
``services.data_location``): the one-time move, an own older office left where it was, and another
Windows account's office that should be moved before a new one is set up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..services.data_location import Notice
from .messages import show_message


def notice_text(notice: Notice) -> str:
    if notice.kind == "moved":
        text = QCoreApplication.translate(
            "DataNotices",
            "The office has been moved to %1, the folder every Windows account of this PC uses. "
            "The old folder was kept as %2.",
        )
        return text.replace("%1", str(notice.path)).replace("%2", str(notice.kept))
    if notice.kind == "own_office_kept":
        text = QCoreApplication.translate(
            "DataNotices",
            "This PC's office is in %1. An older office of your Windows account was found in %2; it was "
            "not moved and is not used. Tell the chief before deleting it.",
        )
        return text.replace("%1", str(notice.path)).replace("%2", str(notice.other))
    text = QCoreApplication.translate(
        "DataNotices",
        "The Windows account %1 already has an office on this PC, in its own folder %2. Sign in to "
        "Windows as %1 and start SHSC Desktop once: the office then moves to %3 for every account. "
        "Do not set up a second office: the records would be split in two.",
    )
    return text.replace("%1", notice.account).replace("%2", str(notice.other)).replace("%3", str(notice.path))


def show_notices(parent: QWidget | None, notices: Sequence[Notice]) -> list[QMessageBox]:
    """One message box per notice, above ``parent`` (the setup wizard or the sign-in window)."""
    boxes = []
    for notice in notices:
        icon = QMessageBox.Icon.Information if notice.kind == "moved" else QMessageBox.Icon.Warning
        boxes.append(show_message(parent, notice_text(notice), icon))
    return boxes
