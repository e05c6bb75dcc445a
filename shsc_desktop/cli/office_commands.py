"""The commands that look after the office itself: setting it up (``init``, ``demo-data``),
checking its keys (``verify-office``) and audit log (``audit``), its backups (``backup``,
``restore``) and the emergency plain copy (``recover``).
"""

from __future__ import annotations

import argparse
import sys

from ..errors import ValidationFailed
from ..problems import define
from . import console

RECOVERY_KEY_ON_STDIN = define(
    "recovery_key_on_stdin", "Give the recovery key on the first line of standard input."
)


def cmd_init(args: argparse.Namespace) -> int:
    from ..services.office import OfficeFolder

    user = console.require_user(args)
    password = console.read_password(args)
    data_dir = console.data_dir(args)
    office, recovery = OfficeFolder(data_dir).create(args.level, args.code, user, password, args.full_name)
    # The recovery key first: it exists nowhere else. Whatever fails after this line (a console
    # that cannot show the folder's name, the ministry's root certificate), the key has been shown.
    _show_recovery_key(recovery)
    root_fp = ""
    try:
        info = office.info
        if office.keys is not None:
            # Goes on the recovery sheet: the one record of the office's keys outside this PC.
            print(f"Office key fingerprint (write it on the recovery sheet): {office.keys.fingerprint()}")
        if info.level == "ministry":
            from ..services.enrolment import EnrolmentService

            root_fp = EnrolmentService(office).create_root()["root"]
    finally:
        office.lock("init done")
    print(f"Office created: {info.name_en} ({info.level} {info.code}) in {data_dir}")
    if root_fp:
        print(f"Ministry root certificate fingerprint: {root_fp}")
    return 0


def _show_recovery_key(recovery: str) -> None:
    """Print the key on standard output; if that cannot be written, on standard error."""
    lines = f"Recovery key (store it sealed; it is shown only once):\n{recovery}\n"
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.write(lines)
            stream.flush()
            return
        except (OSError, ValueError, AttributeError):  # closed, broken pipe, or no console at all
            continue


def cmd_verify_office(args: argparse.Namespace) -> int:
    from ..services.office import OfficeFolder

    folder = OfficeFolder(console.data_dir(args))
    if not args.fingerprint:
        print(f"Office key fingerprint here: {folder.office_key_fingerprint()}")
        print("Compare it with the recovery sheet (verify-office --fingerprint ...).")
        return 0
    found = folder.verify_office_fingerprint(args.fingerprint)
    print(f"The office keys match the printed fingerprint ({found}).")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from ..services.demo import DEMO_CREDENTIALS, create_demo_office, fill_demo_data
    from ..services.office import OfficeFolder

    data_dir = console.data_dir(args)
    if OfficeFolder(data_dir).exists():
        office = console.unlock(args)
        counts = fill_demo_data(office, args.months, args.seed)
    else:
        office = create_demo_office(data_dir, args.months, args.seed)
        counts = {}
        print("Demo office created in", data_dir)
        for name, password in DEMO_CREDENTIALS.items():
            print(f"  user {name!r} password {password!r}")
    office.lock("demo-data done")
    if counts:
        print("Added:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services.backup import BackupService

    with console.unlocked(args, "backup done") as office:
        info = BackupService(office).backup(args.output)
    print(f"Backup written and verified: {info.path} (audit entries: {info.audit_seq})")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services.office import OfficeFolder
    from ..services.restore import Authorisation, restore_backup

    user = console.require_user(args)
    password = console.read_password(args)
    authorisation = None
    if args.current_user or args.current_recovery_key:
        secret = console.stdin_line("password")
        authorisation = (
            Authorisation(recovery_key=secret)
            if args.current_recovery_key
            else Authorisation(username=args.current_user, password=secret)
        )
    office = restore_backup(
        OfficeFolder(console.data_dir(args)),
        args.file,
        user,
        password,
        allow_older=args.allow_older,
        authorisation=authorisation,
        replace_office=args.replace_office,
    )
    office.lock("restore done")
    data_dir = console.data_dir(args)
    print(f"Restored {args.file} into {data_dir}")
    kept = sorted(data_dir.glob("replaced-*"), key=lambda p: p.stat().st_mtime)
    if args.replace_office and kept:
        print(f"The office that was on this computer was replaced; its files are kept in {kept[-1]}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from ..services.admin import AdminService
    from ..services.office import OfficeFolder

    if args.audit_command == "accept-loss":
        user = console.require_user(args)
        password = console.read_password(args)
        office = OfficeFolder(console.data_dir(args)).unlock(user, password, accept_audit_loss=True)
        office.lock("accept-loss")
        print("The audit log is usable again; accepting its loss was recorded in it.")
        return 0
    with console.unlocked(args, "audit verify done") as office:
        report = AdminService(office).verify_audit()
    if report.ok:
        print(f"Audit chain OK: {report.entries} entries, head {report.head_seq} {report.head_hash}")
        return 0
    print(f"Audit chain BROKEN at entry {report.first_bad_seq}: {report.problem}")
    return 4


def cmd_recover(args: argparse.Namespace) -> int:
    from ..services.office import OfficeFolder
    from ..services.recovery import write_plain_copy

    recovery_key = console.stdin_line("recovery key")
    if not recovery_key.strip():
        raise ValidationFailed({"recovery key": RECOVERY_KEY_ON_STDIN})
    copy = write_plain_copy(OfficeFolder(console.data_dir(args)), recovery_key, args.to)
    print("!" * 78)
    print(f"WARNING: {copy.path} holds EVERY record of this office UNENCRYPTED (survivors' names,")
    print("phones and narratives stay sealed in it; everything else - codes, dates, places, referrals,")
    print("meetings, contacts, users - can be read by anyone who can read the file). Keep it only on")
    print("an encrypted or offline medium, and delete it as soon as the emergency is over. This copy")
    print("is recorded in the office's audit log.")
    print("!" * 78)
    print(f"Plain copy written: {copy.path} ({copy.tables} tables)")
    return 0
