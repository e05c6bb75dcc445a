"""The translated text of every :mod:`~shsc_desktop.problems` code: the views never translate a
service's English sentence, they look its code up here and fill in its parameters.

A code missing here shows its English text; ``tests/test_problem_codes.py`` fails first.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..problems import Problem

# QT_TRANSLATE_NOOP returns its text (typed ``object`` in the stubs): marks it for lupdate.
PROBLEM_TEXTS: dict[str, object] = {
    "bad_phone": QT_TRANSLATE_NOOP(
        "Problems", "Enter a Cambodian phone number: 0 or +855, then 8 or 9 digits."
    ),
    "no_attendees": QT_TRANSLATE_NOOP("Problems", "Record at least one person who attended."),
    "incident_gone": QT_TRANSLATE_NOOP("Problems", "This incident does not exist or has been deleted."),
    "referral_gone": QT_TRANSLATE_NOOP("Problems", "This referral does not exist or has been deleted."),
    "meeting_gone": QT_TRANSLATE_NOOP("Problems", "This meeting does not exist or has been deleted."),
    "contact_gone": QT_TRANSLATE_NOOP("Problems", "This directory entry does not exist."),
    "action_item_gone": QT_TRANSLATE_NOOP("Problems", "This action item does not exist."),
    "required": QT_TRANSLATE_NOOP("Problems", "This field is required."),
    "not_in_list": QT_TRANSLATE_NOOP("Problems", "Choose a value from the list."),
    "future_date": QT_TRANSLATE_NOOP("Problems", "This date is in the future."),
    "incident_after_report": QT_TRANSLATE_NOOP(
        "Problems", "The incident date cannot be after the report date."
    ),
    "before_report": QT_TRANSLATE_NOOP("Problems", "This date cannot be before the report date."),
    "before_referral": QT_TRANSLATE_NOOP("Problems", "This date cannot be before the referral date."),
    "before_meeting": QT_TRANSLATE_NOOP("Problems", "This date cannot be before the meeting date."),
    "age_range": QT_TRANSLATE_NOOP("Problems", "Enter an age between 0 and 120."),
    "not_a_focal_point": QT_TRANSLATE_NOOP("Problems", "Choose a CCWC focal point of this office."),
    "child_consent_route": QT_TRANSLATE_NOOP(
        "Problems",
        "Under 18: choose how her consent is given (guardian, trusted adult, best interests).",
    ),
    "child_route_reason": QT_TRANSLATE_NOOP(
        "Problems", "Say why her guardian does not give the consent for this route."
    ),
    "decided_by_needed": QT_TRANSLATE_NOOP("Problems", "Say who took the best-interests decision."),
    "decided_by_best_interests_only": QT_TRANSLATE_NOOP(
        "Problems", "Only a best-interests decision has someone who took it."
    ),
    "no_reason_for_guardian": QT_TRANSLATE_NOOP(
        "Problems", "Her guardian consents: no reason is needed, clear it."
    ),
    "child_protection_prompt": QT_TRANSLATE_NOOP(
        "Problems", "A child survivor must be offered a referral to child protection: answer."
    ),
    "not_reported_reason_needed": QT_TRANSLATE_NOOP(
        "Problems", "Say why it was not reported to the police or the prosecutor."
    ),
    "admin_decision_date_needed": QT_TRANSLATE_NOOP("Problems", "Give the date of the decision."),
    "admin_decision_measures_needed": QT_TRANSLATE_NOOP(
        "Problems", "Tick at least one measure of the decision."
    ),
    "decision_before_incident": QT_TRANSLATE_NOOP(
        "Problems", "The decision cannot be dated before the incident."
    ),
    "none_with_others": QT_TRANSLATE_NOOP("Problems", "'None' cannot be combined with other actions."),
    "village_not_in_commune": QT_TRANSLATE_NOOP("Problems", "Choose a village of this commune."),
    "follow_up_date_needed": QT_TRANSLATE_NOOP("Problems", "Set a follow-up date for a record in follow-up."),
    "too_long": QT_TRANSLATE_NOOP("Problems", "This text is too long."),
    "reason_required": QT_TRANSLATE_NOOP("Problems", "Give a reason (at least 5 characters)."),
    "count_range": QT_TRANSLATE_NOOP("Problems", "Enter a number between 0 and 10000."),
    "duplicate_group": QT_TRANSLATE_NOOP("Problems", "Each group can be counted only once."),
    "provider_inactive": QT_TRANSLATE_NOOP("Problems", "This provider is no longer active."),
    "provider_lacks_service": QT_TRANSLATE_NOOP("Problems", "This provider does not offer this service."),
    "unknown_record": QT_TRANSLATE_NOOP("Problems", "This record does not exist."),
    "bad_date": QT_TRANSLATE_NOOP("Problems", "Enter a date as YYYY-MM-DD."),
    "bad_period": QT_TRANSLATE_NOOP("Problems", "Enter a month as YYYY-MM."),
    "name_required": QT_TRANSLATE_NOOP("Problems", "Enter the organisation's name in Khmer or in English."),
    "bad_email": QT_TRANSLATE_NOOP("Problems", "Enter a valid e-mail address."),
    "outcome_date_needed": QT_TRANSLATE_NOOP("Problems", "Set the date of the outcome."),
    "answer_classification": QT_TRANSLATE_NOOP(
        "Problems", "Answer the questions in order until one is yes, or all six are no."
    ),
    "month_not_started": QT_TRANSLATE_NOOP("Problems", "A month can be approved only once it has begun."),
    "month_not_ended": QT_TRANSLATE_NOOP("Problems", "A month can be approved only after its last day."),
    "month_already_approved": QT_TRANSLATE_NOOP(
        "Problems", "This month is already approved and its figures have not changed since."
    ),
    "month_not_approved": QT_TRANSLATE_NOOP("Problems", "This month is not approved."),
    "contact_in_use": QT_TRANSLATE_NOOP("Problems", "This provider has referrals; mark it inactive instead."),
    "username_length": QT_TRANSLATE_NOOP("Problems", "Choose a user name of 1 to 64 characters."),
    "username_taken": QT_TRANSLATE_NOOP("Problems", "This user name is already taken."),
    "role_not_at_level": QT_TRANSLATE_NOOP("Problems", "This role does not exist at this office level."),
    "cannot_remove_self": QT_TRANSLATE_NOOP("Problems", "You cannot remove yourself."),
    "no_active_user": QT_TRANSLATE_NOOP("Problems", "No such active user in this office."),
    "minutes_range": QT_TRANSLATE_NOOP("Problems", "Choose between %1 and %2 minutes."),
    "months_range": QT_TRANSLATE_NOOP("Problems", "Choose between %1 and %2 months."),
    "days_range": QT_TRANSLATE_NOOP("Problems", "Choose between %1 and %2 days."),
    "years_range": QT_TRANSLATE_NOOP("Problems", "Choose between %1 and %2 years."),
    "export_needs_approval": QT_TRANSLATE_NOOP(
        "Problems", "Only an approved month can be exported: approve it first."
    ),
    "no_certificate_yet": QT_TRANSLATE_NOOP(
        "Problems", "This office has no certificate yet: enrol with the office above first."
    ),
    "nothing_reported": QT_TRANSLATE_NOOP(
        "Problems",
        "No commune of this district has reported for %1: there is nothing to send. Missing is not zero.",
    ),
    "password_too_short": QT_TRANSLATE_NOOP("Problems", "The password must have at least %1 characters."),
    "no_such_user": QT_TRANSLATE_NOOP("Problems", "No such user."),
    "last_user": QT_TRANSLATE_NOOP("Problems", "The last user cannot be removed."),
    # The older modules' messages (exports.directory_io, services.enrolment, services.recovery, cli).
    "password_on_stdin": QT_TRANSLATE_NOOP(
        "Problems", "Give the password on standard input with --password-stdin."
    ),
    "stdin_too_long": QT_TRANSLATE_NOOP("Problems", "The %1 on standard input is longer than %2 bytes."),
    "stdin_not_utf8": QT_TRANSLATE_NOOP("Problems", "The %1 on standard input is not UTF-8 text."),
    "user_needed": QT_TRANSLATE_NOOP("Problems", "Name the user with --user."),
    "recovery_key_on_stdin": QT_TRANSLATE_NOOP(
        "Problems", "Give the recovery key on the first line of standard input."
    ),
    "key_password_on_stdin": QT_TRANSLATE_NOOP(
        "Problems", "Give the password for the exported key on the second line of standard input."
    ),
    "command_not_yet": QT_TRANSLATE_NOOP("Problems", "'%1' is not available yet in this version."),
    "enrolment_file_too_large": QT_TRANSLATE_NOOP(
        "Problems", "This file is too large for a certificate request or package."
    ),
    "enrolment_file_unreadable": QT_TRANSLATE_NOOP("Problems", "Cannot read %1: %2"),
    "commune_certifies_none": QT_TRANSLATE_NOOP("Problems", "A commune certifies no other office."),
    "root_not_set_up": QT_TRANSLATE_NOOP("Problems", "This office has not set up its root yet."),
    "not_enrolled_yet": QT_TRANSLATE_NOOP(
        "Problems", "This office has not set up its certificates from the ministry yet."
    ),
    "only_ministry_root": QT_TRANSLATE_NOOP("Problems", "Only the ministry creates the root certificate."),
    "root_exists": QT_TRANSLATE_NOOP("Problems", "The ministry root already exists."),
    "ministry_requests_nothing": QT_TRANSLATE_NOOP(
        "Problems", "The ministry holds the root and requests nothing."
    ),
    "no_pending_request": QT_TRANSLATE_NOOP("Problems", "This office has no pending certificate request."),
    "revocation_reason": QT_TRANSLATE_NOOP("Problems", "Give a reason for the revocation."),
    "office_not_enrolled": QT_TRANSLATE_NOOP("Problems", "Office %1 is not enrolled here."),
    "key_password_short": QT_TRANSLATE_NOOP(
        "Problems", "Protect the exported key with at least 8 characters."
    ),
    "no_key_to_export": QT_TRANSLATE_NOOP(
        "Problems", "This office receives no bundles (or is not enrolled yet): no key to export."
    ),
    "no_office_in": QT_TRANSLATE_NOOP("Problems", "No office has been set up in %1."),
    "target_exists": QT_TRANSLATE_NOOP("Problems", "%1 already exists; choose a new file name."),
    "plain_copy_failed": QT_TRANSLATE_NOOP("Problems", "The plain copy could not be written: %1"),
    "recovery_key_opens_nothing": QT_TRANSLATE_NOOP(
        "Problems", "The database could not be opened with the recovery key."
    ),
    "file_unreadable": QT_TRANSLATE_NOOP("Problems", "The file cannot be read: %1"),
    "directory_too_large": QT_TRANSLATE_NOOP(
        "Problems", "The file is too large for a directory (more than 10 MB)."
    ),
    "missing_columns": QT_TRANSLATE_NOOP("Problems", "Missing column(s): %1"),
    "too_many_rows": QT_TRANSLATE_NOOP("Problems", "A directory file may hold at most %1 rows."),
    "not_utf8": QT_TRANSLATE_NOOP("Problems", "The file is not UTF-8 text. Save it as 'CSV UTF-8'."),
    "file_empty": QT_TRANSLATE_NOOP("Problems", "The file is empty."),
    "csv_malformed": QT_TRANSLATE_NOOP("Problems", "The CSV text is malformed: %1"),
    "not_xlsx": QT_TRANSLATE_NOOP("Problems", "The file is not a readable XLSX workbook."),
    "no_sheet": QT_TRANSLATE_NOOP("Problems", "The workbook has no sheet."),
    "no_incident_coded": QT_TRANSLATE_NOOP("Problems", "No incident %1."),
    "no_consent_to_refer": QT_TRANSLATE_NOOP(
        "Problems",
        "The survivor has not consented to being referred to services. "
        "Only the chief can override this, giving a reason.",
    ),
    "no_directory_rows": QT_TRANSLATE_NOOP("Problems", "The file holds no directory rows."),
    "same_id_twice": QT_TRANSLATE_NOOP("Problems", "the same id is on line %1."),
    "lost_khmer": QT_TRANSLATE_NOOP(
        "Problems",
        "Only question marks: the Khmer letters were lost when the file was saved. In Excel use "
        "Save As, 'CSV UTF-8 (Comma delimited)' (or save as XLSX), then import again.",
    ),
}


def problem_text(message: str) -> str:
    """The translated sentence for a service's problem; a plain string (not yet a :class:`Problem`)
    is shown as it is."""
    if not isinstance(message, Problem):
        return message
    source = PROBLEM_TEXTS.get(message.code)
    if source is None:
        return str(message)
    text = QCoreApplication.translate("Problems", str(source))
    for i, value in reversed(list(enumerate(message.params, start=1))):
        text = text.replace(f"%{i}", value)
    return f"{message.field}: {text}" if message.field else text
