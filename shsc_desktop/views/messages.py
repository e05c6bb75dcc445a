"""Expected errors as clear, translated messages, and non-blocking message boxes.

Services raise :class:`~shsc_desktop.errors.ShscError` subclasses with a stable ``code``; this module
maps each code to a translated sentence (the English text of the exception is for the command line
and logs). Boxes are shown with ``open()`` and a callback, never ``exec()``, so that tests can answer
them (qutebrowser's pattern) and the event loop keeps running (auto-lock still works).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import ShscError, TooManyAttempts, ValidationFailed


def app_title() -> str:
    return QCoreApplication.translate("Messages", "SHSC Desktop")


def wait_text(seconds: float) -> str:
    whole = max(1, int(seconds + 0.999))
    return QCoreApplication.translate("Messages", "Too many failed attempts. Wait %1 seconds.").replace(
        "%1", str(whole)
    )


def _problem_text(english: str) -> str:
    """Known field problems from the services, translated; unknown ones are shown as they are."""
    known = {
        "Choose a user name of 1 to 64 characters.": QCoreApplication.translate(
            "Messages", "Choose a user name of 1 to 64 characters."
        ),
        "This user name is already taken.": QCoreApplication.translate(
            "Messages", "This user name is already taken."
        ),
        "This role does not exist at this office level.": QCoreApplication.translate(
            "Messages", "This role does not exist at this office level."
        ),
        "You cannot remove yourself.": QCoreApplication.translate("Messages", "You cannot remove yourself."),
        "No such active user in this office.": QCoreApplication.translate(
            "Messages", "No such active user in this office."
        ),
        "The last user cannot be removed.": QCoreApplication.translate(
            "Messages", "The last user cannot be removed."
        ),
    }
    if english.startswith("The password must have at least"):
        return QCoreApplication.translate(
            "Messages", "The password must have at least %1 characters."
        ).replace("%1", "".join(ch for ch in english if ch.isdigit()) or "8")
    if english.startswith("Choose between"):
        return QCoreApplication.translate("Messages", "Choose a number of minutes between 1 and 60.")
    return known.get(english, english)


def error_text(error: ShscError) -> str:
    """The translated sentence for an expected error."""
    if isinstance(error, TooManyAttempts):
        return wait_text(error.retry_after)
    if isinstance(error, ValidationFailed):
        return "\n".join(_problem_text(text) for text in error.problems.values())
    texts = {
        "wrong_credentials": QCoreApplication.translate(
            "Messages", "The user name or password is not correct."
        ),
        "keyslots_damaged": QCoreApplication.translate(
            "Messages",
            "The key file of this office is damaged or missing. Your records are still in the database, "
            "but they can only be opened by restoring a backup.",
        ),
        "database_damaged": QCoreApplication.translate(
            "Messages", "The database of this office is damaged or missing. Restore it from a backup."
        ),
        "office_not_found": QCoreApplication.translate(
            "Messages", "No office has been set up on this computer."
        ),
        "office_exists": QCoreApplication.translate("Messages", "An office has already been set up here."),
        "permission_denied": QCoreApplication.translate(
            "Messages", "Your role does not allow this. Ask the chief of the office."
        ),
        "not_found": QCoreApplication.translate("Messages", "The record or user no longer exists."),
        "month_locked": QCoreApplication.translate(
            "Messages", "This month has been approved and can no longer be changed."
        ),
        "storage_failed": QCoreApplication.translate(
            "Messages",
            "The file could not be written. Check that the disk or USB stick has space and is not "
            "write-protected, then try again. Nothing was changed.",
        ),
        "backup_invalid": QCoreApplication.translate(
            "Messages", "This backup file is damaged or is not an SHSC Desktop backup. Nothing was changed."
        ),
        "restore_downgrade": QCoreApplication.translate(
            "Messages",
            "This backup is older than the data on this computer. Restoring it would lose newer records.",
        ),
        "audit_chain_broken": QCoreApplication.translate("Messages", "The audit log has been altered."),
        "not_available_yet": QCoreApplication.translate("Messages", "This arrives in a later version."),
        "cancelled": QCoreApplication.translate("Messages", "Cancelled. Nothing was changed."),
        "consent_required": QCoreApplication.translate(
            "Messages",
            "The survivor has not agreed to this referral. Record her consent, or ask the chief to "
            "override it with a reason.",
        ),
        "edit_conflict": QCoreApplication.translate(
            "Messages",
            "Someone else saved this record after you opened it. Close it and open it again to see "
            "their changes.",
        ),
        "import_problems": QCoreApplication.translate(
            "Messages", "Nothing was imported: the file has rows with problems."
        ),
        "enrolment_rejected": QCoreApplication.translate(
            "Messages", "The certificate file did not pass its checks. Nothing was installed."
        ),
        "bundle_rejected": QCoreApplication.translate(
            "Messages", "The bundle did not pass its checks. Nothing was imported."
        ),
    }
    return texts.get(
        error.code,
        QCoreApplication.translate("Messages", "The operation failed: %1").replace("%1", str(error)),
    )


def show_message(
    parent: QWidget | None,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    on_closed: Callable[[], None] | None = None,
) -> QMessageBox:
    """A window-modal box with a translated OK button, opened without blocking."""
    box = QMessageBox(icon, app_title(), text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("messageBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ok = box.addButton(QCoreApplication.translate("Messages", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    if on_closed is not None:
        box.finished.connect(lambda _result: on_closed())
    box.open()
    return box


def show_error(parent: QWidget | None, error: ShscError) -> QMessageBox:
    return show_message(parent, error_text(error), QMessageBox.Icon.Warning)


def confirm(
    parent: QWidget | None,
    text: str,
    confirm_text: str,
    on_confirmed: Callable[[], None],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Ask before doing something; ``on_confirmed`` runs only if the confirm button is clicked.

    The confirm button has the object name ``confirmButton`` and Cancel ``cancelButton`` (for tests).
    """
    box = QMessageBox(icon, app_title(), text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes = box.addButton(confirm_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirmButton")
    no = box.addButton(QCoreApplication.translate("Messages", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    no.setObjectName("cancelButton")
    box.setDefaultButton(no)
    box.setEscapeButton(no)

    def clicked(button: object) -> None:
        if button is yes:
            # After the box has closed: the action may lock the app and destroy the parent.
            QTimer.singleShot(0, on_confirmed)

    box.buttonClicked.connect(clicked)
    box.open()
    return box
