"""What the user is told about the office folder at start (one office per PC, see
``services.data_location``): the one-time move, an own older office left where it was, and another
Windows account's office that should be moved before a new one is set up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..services.data_location import Notice
from .messages import show_message

# What each kind of notice says: %1, %2 (and %3) are filled in by ``notice_text``.
_TEXTS = {
    "moved": QT_TRANSLATE_NOOP(
        "DataNotices",
        "The office has been moved to %1, the folder every Windows account of this PC uses. "
        "The old folder was kept as %2.",
    ),
    "own_office_kept": QT_TRANSLATE_NOOP(
        "DataNotices",
        "This PC's office is in %1. An older office of your Windows account was found in %2; it was "
        "not moved and is not used. Tell the chief before deleting it.",
    ),
    "other_account": QT_TRANSLATE_NOOP(
        "DataNotices",
        "The Windows account %1 already has an office on this PC, in its own folder %2. Sign in to "
        "Windows as %1 and start SHSC Desktop once: the office then moves to %3 for every account. "
        "Do not set up a second office: the records would be split in two.",
    ),
}


def notice_text(notice: Notice) -> str:
    text = QCoreApplication.translate("DataNotices", str(_TEXTS.get(notice.kind, _TEXTS["other_account"])))
    if notice.kind == "moved":
        values = [str(notice.path), str(notice.kept)]
    elif notice.kind == "own_office_kept":
        values = [str(notice.path), str(notice.other)]
    else:
        values = [notice.account, str(notice.other), str(notice.path)]
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", value)
    return text


def show_notices(parent: QWidget | None, notices: Sequence[Notice]) -> list[QMessageBox]:
    """One message box per notice, above ``parent`` (the setup wizard or the sign-in window)."""
    boxes = []
    for notice in notices:
        icon = QMessageBox.Icon.Information if notice.kind == "moved" else QMessageBox.Icon.Warning
        boxes.append(show_message(parent, notice_text(notice), icon))
    return boxes
