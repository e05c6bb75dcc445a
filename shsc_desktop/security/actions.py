"""The audited actions: stable codes stored in the audit log (the GUI translates them).

Kept apart from ``audit.py`` so that code which only names an action (the unlock window, the
start-up path) does not load SQLAlchemy.
"""

from __future__ import annotations


class Action:
    """The audited actions (stable codes; the GUI translates them)."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOCK = "lock"
    UNLOCK = "unlock"
    RECOVERY_UNLOCK = "recovery_unlock"
    OFFICE_CREATED = "office_created"
    USER_ADDED = "user_added"
    USER_REMOVED = "user_removed"
    USER_ROLE_CHANGED = "user_role_changed"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET = "password_reset"
    RECOVERY_KEY_REPLACED = "recovery_key_replaced"
    DATA_KEY_ROTATED = "data_key_rotated"
    RECORD_CREATED = "record_created"
    RECORD_UPDATED = "record_updated"
    RECORD_DELETED = "record_deleted"
    IDENTIFYING_VIEWED = "identifying_viewed"
    CONSENT_OVERRIDDEN = "consent_overridden"
    MONTH_APPROVED = "month_approved"
    MONTH_REOPENED = "month_reopened"
    SETTING_CHANGED = "setting_changed"
    BACKUP = "backup"
    BACKUP_FAILED = "backup_failed"
    RESTORE = "restore"
    MIGRATED = "migrated"
    EXPORT = "export"
    IMPORT = "import"
    PRINT = "print"
    AUDIT_VERIFIED = "audit_verified"
    AUDIT_LOSS_ACCEPTED = "audit_loss_accepted"
    PLAIN_COPY_WRITTEN = "plain_copy_written"
    IMPORT_REJECTED = "import_rejected"
    ENROL_REQUEST = "enrol_request"
    ENROL_SIGNED = "enrol_signed"
    ENROL_ACCEPTED = "enrol_accepted"
    PKI_ROOT_CREATED = "pki_root_created"
    CERTIFICATE_REVOKED = "certificate_revoked"
    KEYS_EXPORTED = "keys_exported"
    UNLOCK_REFUSED = "unlock_refused"  # right password, but role or grants not as the office signed
    ROLE_MISMATCH = "role_mismatch"  # found by the chief's unlock: role column ≠ signed role
    GRANT_INVALID = "grant_invalid"  # found by the chief's unlock: a user's grant does not verify
    USER_GRANTS_CHANGED = "user_grants_changed"
    OFFICE_KEYS_CREATED = "office_keys_created"  # an older office got its identity and signing keys
    EXCHANGE_KEYS_PROTECTED = "exchange_keys_protected"  # moved from the data key to the office secret
    IDENTITIES_SEALED = "identities_sealed"  # older records' identifying details sealed
    PLAIN_BACKUPS_DELETED = "plain_backups_deleted"  # the upgrade's backups of plain identities, once sealed
    IDENTITY_ERASED = "identity_erased"  # a record's identifying details erased (consent, retention)
    CRL_REFRESHED = "crl_refreshed"
    DRAFT_KEPT = "draft_kept"
    DRAFT_RESTORED = "draft_restored"
    DRAFT_DISCARDED = "draft_discarded"
    DRAFT_EXPIRED = "draft_expired"
    BUNDLE_RETURNED = "bundle_returned"  # a district returned a commune's month for correction
    RETURN_NOTICE_IMPORTED = "return_notice_imported"  # a commune recorded its district's notice


def all_actions() -> list[str]:
    """Every action code, for checks that each one has a translated label."""
    return [v for k, v in vars(Action).items() if k.isupper() and isinstance(v, str)]
