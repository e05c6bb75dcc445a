"""Expected errors as clear, translated messages, and non-blocking message boxes.

Services raise :class:`~shsc_desktop.errors.ShscError` subclasses with a stable ``code``; this module
maps each code to a translated sentence (the English text of the exception is for the command line
and logs). Boxes are shown with ``open()`` and a callback, never ``exec()``, so that tests can answer
them (qutebrowser's pattern) and the event loop keeps running (auto-lock still works).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import (
    AuditLogBehind,
    BundleRejected,
    EnrolmentRejected,
    NoticeRejected,
    ShscError,
    TooManyAttempts,
    ValidationFailed,
)
from ..problems import Problem
from .problem_texts import problem_text

log = logging.getLogger(__name__)


def app_title() -> str:
    return QCoreApplication.translate("Messages", "SHSC Desktop")


def wait_text(seconds: float) -> str:
    whole = max(1, int(seconds + 0.999))
    return QCoreApplication.translate("Messages", "Too many failed attempts. Wait %1 seconds.").replace(
        "%1", str(whole)
    )


# One clear sentence per reason a bundle is refused (``BundleRejected.reason``).
BUNDLE_REASONS = {
    "": QT_TRANSLATE_NOOP("Messages", "The bundle did not pass its checks."),
    "too_large": QT_TRANSLATE_NOOP("Messages", "The file is larger than 5 MB: it is not a bundle."),
    "unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The file cannot be read. Copy it again from the USB stick or e-mail."
    ),
    "not_a_bundle": QT_TRANSLATE_NOOP(
        "Messages", "This file is not an SHSC bundle, or it is damaged or cut short."
    ),
    "cannot_decrypt": QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle cannot be opened with this office's key: it was made for another office, or it "
        "is damaged.",
    ),
    "bad_signature": QT_TRANSLATE_NOOP(
        "Messages", "The signature does not match the content: the file was changed or damaged."
    ),
    "unknown_signer": QT_TRANSLATE_NOOP(
        "Messages", "The sender's certificate does not come from our ministry: an unknown sender."
    ),
    "untrusted_chain": QT_TRANSLATE_NOOP(
        "Messages", "The sender's certificate may not sign bundles for this office (wrong district)."
    ),
    "cert_expired": QT_TRANSLATE_NOOP(
        "Messages",
        "A certificate of this bundle is not valid today. Check this computer's date; otherwise the "
        "sender must renew its certificate.",
    ),
    "crl_missing": QT_TRANSLATE_NOOP(
        "Messages", "The revocation list needed to check the sender is missing. Ask for a new bundle."
    ),
    "crl_expired": QT_TRANSLATE_NOOP(
        "Messages", "The revocation list has expired. Ask the office above (or the sender) for a new one."
    ),
    "revoked": QT_TRANSLATE_NOOP(
        "Messages", "The sender's certificate has been revoked: this office may not send."
    ),
    "malformed_payload": QT_TRANSLATE_NOOP(
        "Messages", "The content of the bundle is not in the expected form."
    ),
    "wrong_recipient": QT_TRANSLATE_NOOP(
        "Messages", "This bundle is addressed to another office (it may have been forwarded)."
    ),
    "sender_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The office named in the bundle is not the one that signed it."
    ),
    "schema_unknown": QT_TRANSLATE_NOOP(
        "Messages", "The bundle was made by a newer version of SHSC Desktop. Update this computer."
    ),
    "not_below": QT_TRANSLATE_NOOP("Messages", "The sender does not report to this office."),
    "office_keys_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "This commune's office keys changed since it was enrolled — ask the commune chief to verify "
        "the office and re-enrol. Nothing was imported.",
    ),
    "district_office_keys_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "This district's office keys changed since it was enrolled — ask the district to verify its "
        "office and re-enrol. Nothing was imported.",
    ),
    "office_keys_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "The office keys in this bundle do not vouch for its content: it was forged or damaged. "
        "Nothing was imported.",
    ),
    "office_keys_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The sender enrolled with its office keys, but this bundle does not carry them: it was not "
        "made by SHSC Desktop at that office. Nothing was imported.",
    ),
    "conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "A different bundle with the same number or revision was already imported. This may be an "
        "attack: tell the chief.",
    ),
    "future_period": QT_TRANSLATE_NOOP("Messages", "The bundle reports a month that has not happened yet."),
    "older_revision": QT_TRANSLATE_NOOP(
        "Messages", "A newer revision of this month from this office was already imported."
    ),
    "replayed": QT_TRANSLATE_NOOP(
        "Messages", "This is an old bundle: a newer one from this office was already imported."
    ),
    "sequence_jump": QT_TRANSLATE_NOOP(
        "Messages", "The bundle number jumps far ahead of the last one imported; the chief must confirm."
    ),
    "tables_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle holds a table or a row that SHSC Desktop does not know. Ask the sender to export "
        "the month again with an up-to-date version.",
    ),
    "tables_malformed": QT_TRANSLATE_NOOP(
        "Messages", "A table in the bundle is incomplete or not in the expected form."
    ),
    "tables_bad_count": QT_TRANSLATE_NOOP(
        "Messages",
        "A number in the bundle is not a possible count (negative, too large or not a number). Tell "
        "the chief: the sender's computer may be faulty or misused.",
    ),
    "tables_inconsistent": QT_TRANSLATE_NOOP(
        "Messages",
        "The totals in the bundle do not match its own figures. Tell the chief: the sender's "
        "computer may be faulty or misused.",
    ),
    "tables_headline_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "A table in the bundle does not add up to the headline figure it breaks down. Tell the "
        "chief: the sender's computer may be faulty or misused.",
    ),
}

# One clear sentence per reason a certificate request or package is refused (``EnrolmentRejected``).
ENROLMENT_REASONS = {
    "": QT_TRANSLATE_NOOP("Messages", "The certificate file did not pass its checks."),
    "malformed": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a certificate request or package, or it is damaged."
    ),
    "version": QT_TRANSLATE_NOOP(
        "Messages", "The file was made by a newer version of SHSC Desktop. Update this computer."
    ),
    "wrong_level": QT_TRANSLATE_NOOP(
        "Messages", "This request is not from an office directly below this one."
    ),
    "wrong_request": QT_TRANSLATE_NOOP(
        "Messages",
        "This package does not answer this office's certificate request. Ask for the package made for "
        "the request you sent.",
    ),
    "wrong_root": QT_TRANSLATE_NOOP(
        "Messages", "This package comes from another ministry root: do not install it."
    ),
    "bad_chain": QT_TRANSLATE_NOOP("Messages", "A certificate in the package is not signed by its issuer."),
    "expired": QT_TRANSLATE_NOOP(
        "Messages", "A certificate in the package is not valid today. Check this computer's date."
    ),
}


# One clear sentence per reason a district's return notice is refused (``NoticeRejected.reason``).
NOTICE_REASONS = {
    "": QT_TRANSLATE_NOOP("Messages", "The return notice did not pass its checks."),
    "not_a_notice": QT_TRANSLATE_NOOP("Messages", "This file is not a return notice from a district."),
    "bad_signature": QT_TRANSLATE_NOOP(
        "Messages", "The notice's signature is not valid: it was changed on the way or is damaged."
    ),
    "not_our_district": QT_TRANSLATE_NOOP(
        "Messages", "The notice is not signed by the district that enrolled this commune."
    ),
    "not_a_district": QT_TRANSLATE_NOOP("Messages", "The notice is not signed by a district."),
    "wrong_recipient": QT_TRANSLATE_NOOP(
        "Messages", "The notice was written for another commune, not for this office."
    ),
}


def notice_reason_text(reason: str) -> str:
    """The translated sentence for a return notice's rejection reason."""
    source = NOTICE_REASONS.get(reason, NOTICE_REASONS[""])
    return QCoreApplication.translate("Messages", str(source))


def bundle_reason_text(reason: str) -> str:
    """The translated sentence for a bundle's rejection reason."""
    source = BUNDLE_REASONS.get(reason, BUNDLE_REASONS[""])
    return QCoreApplication.translate("Messages", str(source))


def enrolment_reason_text(reason: str) -> str:
    """The translated sentence for a certificate file's rejection reason."""
    source = ENROLMENT_REASONS.get(reason, ENROLMENT_REASONS[""])
    return QCoreApplication.translate("Messages", str(source))


# A refused file: the reason, then what was (not) done with it.
_REJECTIONS: tuple[tuple[type[ShscError], Callable[[str], str], object], ...] = (
    (BundleRejected, bundle_reason_text, QT_TRANSLATE_NOOP("Messages", "Nothing was imported.")),
    (NoticeRejected, notice_reason_text, QT_TRANSLATE_NOOP("Messages", "Nothing was recorded.")),
    (EnrolmentRejected, enrolment_reason_text, QT_TRANSLATE_NOOP("Messages", "Nothing was installed.")),
)


def error_text(error: ShscError) -> str:
    """The translated sentence for an expected error."""
    if isinstance(error, TooManyAttempts):
        return wait_text(error.retry_after)
    for kind, reason_text, outcome in _REJECTIONS:
        if isinstance(error, kind):
            reason = reason_text(getattr(error, "reason", ""))
            return reason + " " + QCoreApplication.translate("Messages", str(outcome))
    if isinstance(error, AuditLogBehind):
        return QCoreApplication.translate(
            "Messages",
            "The database has lost recent changes (for example after a crash that damaged its "
            "files). Missing audit entries: %1. Restore the newest backup, or, as the chief, "
            "continue without them.",
        ).replace("%1", str(error.lost))
    if isinstance(error, ValidationFailed):
        return "\n".join(problem_text(text) for text in error.problems.values())
    if error.args and isinstance(error.args[0], Problem):
        return problem_text(error.args[0])  # a message by code (``problems.define``)
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
        "office_keys_mismatch": QCoreApplication.translate(
            "Messages",
            "The office's keys on this computer are not the ones printed on the recovery sheet: "
            "someone replaced them. Do not enter survivors' details; call the district.",
        ),
        "role_not_confirmed": QCoreApplication.translate(
            "Messages",
            "Your password is correct, but your role in this office has been changed outside the app, "
            "so you cannot sign in. This has been recorded. Ask the chief to sign in and set your "
            "account right.",
        ),
        "identity_locked": QCoreApplication.translate(
            "Messages",
            "The identifying details are sealed. Only the chief and the people she has allowed can "
            "open them.",
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
        "file_in_use": QCoreApplication.translate(
            "Messages",
            "The file is open in another program (for example a PDF reader or Excel). Close the file "
            "in other programs, then try again. Nothing was changed.",
        ),
        "backup_invalid": QCoreApplication.translate(
            "Messages", "This backup file is damaged or is not an SHSC Desktop backup. Nothing was changed."
        ),
        "restore_downgrade": QCoreApplication.translate(
            "Messages",
            "This backup is older than the data on this computer. Restoring it would lose newer records.",
        ),
        "restore_needs_authorisation": QCoreApplication.translate(
            "Messages",
            "An office is set up on this computer. Restoring over it needs the password of its chief "
            "or its recovery key. Nothing was changed.",
        ),
        "restore_unverifiable": QCoreApplication.translate(
            "Messages",
            "The key files of the office on this computer cannot be read. A backup can only replace "
            "whatever is here, knowingly. Nothing was changed.",
        ),
        "restore_other_office": QCoreApplication.translate(
            "Messages", "This backup belongs to another office. Nothing was changed."
        ),
        "audit_chain_broken": QCoreApplication.translate(
            "Messages",
            "The audit log has been altered or damaged. Restore the newest backup, or, as the chief, "
            "continue with what is left.",
        ),
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
        "disk_full": QCoreApplication.translate(
            "Messages", "The disk is full — nothing was saved. Free some space, then press Save again."
        ),
        "disk_failed": QCoreApplication.translate(
            "Messages",
            "The disk could not be written — nothing was saved. It may be full, removed or failing: "
            "check it, then try again.",
        ),
        "database_busy": QCoreApplication.translate(
            "Messages",
            "The records are in use by another SHSC Desktop window or program — nothing was saved. "
            "Close it, then try again.",
        ),
        "database_read_only": QCoreApplication.translate(
            "Messages",
            "The records cannot be written: the file, its folder or the disk is read-only — nothing "
            "was saved. Ask whoever set up this computer to allow writing there.",
        ),
        "database_unavailable": QCoreApplication.translate(
            "Messages", "The records could not be read or written — nothing was saved. Try again."
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
    log.info("shown error: %s", error.code)
    return show_message(parent, error_text(error), QMessageBox.Icon.Warning)


def confirm(
    parent: QWidget | None,
    text: str,
    confirm_text: str,
    on_confirmed: Callable[[], object],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    cancel_text: str = "",
) -> QMessageBox:
    """Ask before doing something; ``on_confirmed`` runs only if the confirm button is clicked.

    The confirm button has the object name ``confirmButton`` and Cancel (or ``cancel_text``, the
    other choice in words, e.g. "Wait") ``cancelButton`` (for tests).
    """
    box = QMessageBox(icon, app_title(), text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes = box.addButton(confirm_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirmButton")
    no = box.addButton(
        cancel_text or QCoreApplication.translate("Messages", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
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
