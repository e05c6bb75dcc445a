"""What the administration page's two tables show: the office's users and the recent audit log
(thin ``RowsModel``s over the services' plain rows), and the audit log's action labels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..models.codes import ROLE
from ..security.permissions import Role
from ..services.accounts import UserView
from ..services.admin import AuditLine
from .i18n import current_language
from .register_tables import RowsModel


def action_label(action: str) -> str:
    """The audit log's stable action codes, in the interface language."""
    labels = {
        "login": QCoreApplication.translate("AuditActions", "Signed in"),
        "login_failed": QCoreApplication.translate("AuditActions", "Failed sign-in"),
        "lock": QCoreApplication.translate("AuditActions", "Locked"),
        "unlock": QCoreApplication.translate("AuditActions", "Unlocked"),
        "recovery_unlock": QCoreApplication.translate("AuditActions", "Unlocked with the recovery key"),
        "office_created": QCoreApplication.translate("AuditActions", "Office set up"),
        "user_added": QCoreApplication.translate("AuditActions", "User added"),
        "user_removed": QCoreApplication.translate("AuditActions", "User removed"),
        "user_role_changed": QCoreApplication.translate("AuditActions", "Role changed"),
        "password_changed": QCoreApplication.translate("AuditActions", "Password changed"),
        "password_reset": QCoreApplication.translate("AuditActions", "Password reset"),
        "recovery_key_replaced": QCoreApplication.translate("AuditActions", "Recovery key replaced"),
        "data_key_rotated": QCoreApplication.translate("AuditActions", "Data key rotated"),
        "record_created": QCoreApplication.translate("AuditActions", "Record created"),
        "record_updated": QCoreApplication.translate("AuditActions", "Record changed"),
        "record_deleted": QCoreApplication.translate("AuditActions", "Record deleted"),
        "identifying_viewed": QCoreApplication.translate("AuditActions", "Identifying details viewed"),
        "consent_overridden": QCoreApplication.translate("AuditActions", "Consent overridden"),
        "month_approved": QCoreApplication.translate("AuditActions", "Month approved"),
        "month_reopened": QCoreApplication.translate("AuditActions", "Month reopened"),
        "setting_changed": QCoreApplication.translate("AuditActions", "Setting changed"),
        "backup": QCoreApplication.translate("AuditActions", "Backup made"),
        "backup_failed": QCoreApplication.translate("AuditActions", "Backup failed"),
        "restore": QCoreApplication.translate("AuditActions", "Backup restored"),
        "migrated": QCoreApplication.translate("AuditActions", "Database upgraded"),
        "export": QCoreApplication.translate("AuditActions", "Bundle exported"),
        "import": QCoreApplication.translate("AuditActions", "Bundle imported"),
        "print": QCoreApplication.translate("AuditActions", "Printed"),
        "audit_verified": QCoreApplication.translate("AuditActions", "Audit log verified"),
        "plain_copy_written": QCoreApplication.translate(
            "AuditActions", "Unencrypted emergency copy written with the recovery key"
        ),
        "audit_loss_accepted": QCoreApplication.translate(
            "AuditActions", "Loss of recent audit entries accepted by the chief"
        ),
        "import_rejected": QCoreApplication.translate("AuditActions", "Bundle rejected"),
        "enrol_request": QCoreApplication.translate("AuditActions", "Certificate request written"),
        "enrol_signed": QCoreApplication.translate("AuditActions", "Certificate request answered"),
        "enrol_accepted": QCoreApplication.translate("AuditActions", "Certificate package installed"),
        "pki_root_created": QCoreApplication.translate("AuditActions", "Ministry root certificate created"),
        "certificate_revoked": QCoreApplication.translate("AuditActions", "Certificate revoked"),
        "keys_exported": QCoreApplication.translate("AuditActions", "Decryption key exported"),
        "crl_refreshed": QCoreApplication.translate("AuditActions", "Revocation list renewed"),
        "unlock_refused": QCoreApplication.translate(
            "AuditActions", "Sign-in refused: role changed outside the app"
        ),
        "role_mismatch": QCoreApplication.translate("AuditActions", "Role found changed outside the app"),
        "grant_invalid": QCoreApplication.translate("AuditActions", "Account rights found not signed"),
        "user_grants_changed": QCoreApplication.translate("AuditActions", "Access to identities changed"),
        "office_keys_created": QCoreApplication.translate("AuditActions", "Office keys created"),
        "exchange_keys_protected": QCoreApplication.translate(
            "AuditActions", "Exchange keys moved under the office keys"
        ),
        "identities_sealed": QCoreApplication.translate("AuditActions", "Identifying details sealed"),
        "plain_backups_deleted": QCoreApplication.translate(
            "AuditActions", "Upgrade backups with unsealed identifying details deleted"
        ),
        "identity_erased": QCoreApplication.translate("AuditActions", "Identifying details erased"),
        "draft_kept": QCoreApplication.translate("AuditActions", "Unsaved form kept as a draft"),
        "draft_restored": QCoreApplication.translate("AuditActions", "Draft reopened"),
        "draft_discarded": QCoreApplication.translate("AuditActions", "Draft discarded"),
        "draft_expired": QCoreApplication.translate("AuditActions", "Draft expired"),
        "bundle_returned": QCoreApplication.translate(
            "AuditActions", "Month returned to a commune for correction"
        ),
        "return_notice_imported": QCoreApplication.translate(
            "AuditActions", "Return notice from the district imported"
        ),
    }
    return labels.get(action, action)


# The two tables' column titles: the users' four, then the audit log's four.
_TITLES: tuple[str, ...] = tuple(
    map(
        str,
        (
            QT_TRANSLATE_NOOP("AdminPage", "User name"),
            QT_TRANSLATE_NOOP("AdminPage", "Full name"),
            QT_TRANSLATE_NOOP("AdminPage", "Role"),
            QT_TRANSLATE_NOOP("AdminPage", "Identifying details"),
            QT_TRANSLATE_NOOP("AdminPage", "No."),
            QT_TRANSLATE_NOOP("AdminPage", "Time"),
            QT_TRANSLATE_NOOP("AdminPage", "User"),
            QT_TRANSLATE_NOOP("AdminPage", "Action"),
        ),
    )
)


class _AdminRows(RowsModel):
    """Column titles in the administration page's words (``TITLES``, marked for translation)."""

    TITLES: tuple[str, ...] = ()

    def titles(self) -> list[str]:
        return [QCoreApplication.translate("AdminPage", title) for title in self.TITLES]


class UsersModel(_AdminRows):
    """The office's users (``UserView`` rows): name, full name, role, and whether she may see
    identifying details."""

    TITLES = _TITLES[:4]
    COLUMN_COUNT = len(TITLES)
    COL_NAME, COL_FULL_NAME, COL_ROLE, COL_IDENTITY = range(4)

    def display(self, row: Any, column: int) -> str:
        user: UserView = row
        role = ROLE.label(user.role, current_language())
        return (user.username, user.full_name, role, _access(user))[column]

    def row_of(self, username: str) -> int:
        """The row of ``username``; ``LookupError`` when she is not listed."""
        for row, user in enumerate(self.rows()):
            if user.username == username:
                return row
        raise LookupError(username)


def _access(user: UserView) -> str:
    """Whether she may see identifying details: a focal point holds the key but opens only the
    cases she handles (the service's rule)."""
    if not user.sees_identities:
        return "–"
    if user.role == Role.FOCAL_POINT.value:
        return QCoreApplication.translate("AdminPage", "her cases")
    return QCoreApplication.translate("AdminPage", "may see")


class AuditModel(_AdminRows):
    """The recent audit log (``AuditLine`` rows): number, local time, user, action."""

    TITLES = _TITLES[4:]
    COLUMN_COUNT = len(TITLES)
    COL_SEQ, COL_TIME, COL_USER, COL_ACTION = range(4)

    def display(self, row: Any, column: int) -> str:
        line: AuditLine = row
        at = line.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return (str(line.seq), at, line.actor, action_label(line.action))[column]
