"""Expected failures, as typed exceptions.

Everything the user can cause or the environment can do to us (wrong password, damaged file, full
disk, missing permission, bad input) raises a subclass of :class:`ShscError`. The GUI turns each
into a translated message (``views/messages.py``) and the command line prints ``str(error)`` and
exits non-zero. Anything else is a bug and reaches the crash dialog.

Each class carries a stable ``code`` so that the GUI can pick its translation without parsing
English text.
"""

from __future__ import annotations


class ShscError(Exception):
    """Base of every expected failure."""

    code = "error"
    exit_status = 1


class WrongCredentials(ShscError):
    """Unknown user, empty password or wrong password: deliberately one generic message."""

    code = "wrong_credentials"

    def __init__(self, retry_after: float = 0.0) -> None:
        super().__init__("The user name or password is not correct.")
        self.retry_after = retry_after


class TooManyAttempts(ShscError):
    """The back-off after repeated failures has not run out yet."""

    code = "too_many_attempts"

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"Too many failed attempts. Try again in {int(retry_after + 0.999)} seconds.")
        self.retry_after = retry_after


class KeySlotsDamaged(ShscError):
    """Neither copy of the key-slot file can be read. The database itself is left untouched."""

    code = "keyslots_damaged"


class OfficeKeysMismatch(ShscError):
    """The office keys recorded on this PC are not the ones whose fingerprint was printed on the
    recovery sheet (or the district's enrolment record): someone replaced them."""

    code = "office_keys_mismatch"


class RoleNotConfirmed(ShscError):
    """The password was right, but this user's role or grants are not the ones the office signed
    (they were changed outside the app). The unlock is refused and the event is audited; the chief
    sees it and can set the account right."""

    code = "role_not_confirmed"


class IdentityLocked(ShscError):
    """Identifying details are sealed and this session does not hold the identity key."""

    code = "identity_locked"


class DatabaseDamaged(ShscError):
    """The encrypted database fails its integrity checks or cannot be read with the right key."""

    code = "database_damaged"


class SnapshotDamaged(DatabaseDamaged):
    """An approved month's stored figures no longer match the SHA-256 recorded at approval: the
    database was altered or damaged. Shown as a damaged database (restore a backup), not a bug."""

    def __init__(self, period: str) -> None:
        super().__init__(
            f"The approved figures of {period} stored in the database do not match the hash recorded "
            "when they were approved: the database was altered or damaged. Restore it from a backup."
        )
        self.period = period


class OfficeNotFound(ShscError):
    """The data folder holds no office yet (first run)."""

    code = "office_not_found"


class OfficeExists(ShscError):
    code = "office_exists"


class PermissionDenied(ShscError):
    """The signed-in role may not do this. Raised by services, whatever the GUI shows."""

    code = "permission_denied"


class ValidationFailed(ShscError):
    """Bad input in a form or on the command line; ``problems`` maps a field to its message."""

    code = "validation_failed"

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


class NotFound(ShscError):
    code = "not_found"


class MonthLocked(ShscError):
    """The record belongs to an approved month."""

    code = "month_locked"


class StorageFailed(ShscError):
    """A file could not be written (disk full, read-only or removed medium).

    Nothing partial is left behind and earlier files are untouched.
    """

    code = "storage_failed"


class FileInUse(StorageFailed):
    """The target file stayed locked by another program (a PDF reader, Excel, antivirus) for the
    whole retry time (``atomic.replace_with_retry``); the earlier file is untouched."""

    code = "file_in_use"


class BackupInvalid(ShscError):
    code = "backup_invalid"


class AuditChainBroken(ShscError):
    code = "audit_chain_broken"
    # Whether the one who just unlocked may accept the loss (her signed role allows it); set by
    # the unlock that refused, so the sign-in window offers "continue" only to the chief.
    may_accept = False


class AuditLogBehind(ShscError):
    """The database's audit log ends before the anchor kept outside it: recent changes were lost
    (a deleted or cut WAL after a crash, or entries removed with their head)."""

    code = "audit_behind"
    may_accept = False  # as for AuditChainBroken

    def __init__(self, lost: int, head_seq: int = 0, anchor_seq: int = 0) -> None:
        super().__init__(
            f"The database has lost recent changes (the last {lost} audit entries: "
            f"{head_seq + 1} to {anchor_seq}). Restore the newest backup."
        )
        self.lost = lost
        self.head_seq = head_seq
        self.anchor_seq = anchor_seq


class NotAvailableYet(ShscError):
    code = "not_available_yet"
    exit_status = 3


class Cancelled(ShscError):
    """The user cancelled a long operation; nothing was changed."""

    code = "cancelled"


class EnrolmentRejected(ShscError):
    """A certificate request or package failed a check; ``reason`` says which (stable code)."""

    code = "enrolment_rejected"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class BundleRejected(ShscError):
    """An exchange bundle failed a check (``exports.bundle_open.open_bundle``); nothing was imported.

    ``reason`` is one stable code per check (too_large, not_a_bundle, cannot_decrypt, bad_signature,
    unknown_signer, untrusted_chain, cert_expired, revoked, crl_expired, crl_missing, wrong_recipient,
    sender_mismatch, schema_unknown, malformed_payload; at import also office_keys_changed,
    district_office_keys_changed, office_keys_invalid, office_keys_missing) for the GUI's translation
    and the import report.
    """

    code = "bundle_rejected"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class NoticeRejected(ShscError):
    """A district's return notice failed a check (``exports.notice``, ``services.returns``); nothing
    was recorded. ``reason``: not_a_notice, bad_signature, unknown_signer, untrusted_chain,
    cert_expired, revoked, crl_missing, crl_expired, not_a_district, sender_mismatch, malformed,
    not_our_district, wrong_recipient."""

    code = "notice_rejected"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class ConsentRequired(ShscError):
    """A referral needs the survivor's consent to services, or a chief's override with a reason."""

    code = "consent_required"


class EditConflict(ShscError):
    """Someone else saved this record since it was opened (optimistic lock on ``version``)."""

    code = "edit_conflict"


class ImportProblems(ShscError):
    """An import file has bad rows; nothing was imported. ``problems`` lists (line, message)."""

    code = "import_problems"

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        shown = "; ".join(f"line {line}: {message}" for line, message in problems[:20])
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__(f"Nothing was imported. {shown}{more}")
        self.problems = problems


class DatabaseUnavailable(ShscError):
    """SQLite could not finish a read or write for a reason outside the app; the transaction was
    rolled back, so nothing was saved. Raised by ``UnlockedOffice.transaction()``/``reading()``
    (``models.engine.database_errors``); each subclass is one SQLite result code."""

    code = "database_unavailable"


class DiskFull(DatabaseUnavailable):
    """SQLITE_FULL: the disk (or the database's size limit) is full."""

    code = "disk_full"

    def __init__(self) -> None:
        super().__init__("The disk is full: nothing was saved. Free some space, then try again.")


class DiskFailed(DatabaseUnavailable):
    """SQLITE_IOERR: the operating system refused a read or write (failing or removed disk, or a
    file-size limit)."""

    code = "disk_failed"

    def __init__(self) -> None:
        super().__init__("The disk could not be read or written: nothing was saved.")


class DatabaseBusy(DatabaseUnavailable):
    """SQLITE_BUSY / SQLITE_LOCKED: another program or window held the database past the timeout."""

    code = "database_busy"

    def __init__(self) -> None:
        super().__init__("The database is in use by another window or program: nothing was saved.")


class DatabaseReadOnly(DatabaseUnavailable):
    """SQLITE_READONLY: the database file, its folder or its disk cannot be written."""

    code = "database_read_only"

    def __init__(self) -> None:
        super().__init__("The database cannot be written (read-only file, folder or disk): nothing saved.")
