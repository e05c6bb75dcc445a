"""The command line (DESIGN.md §7). The GUI and these commands share the same services.

Every command accepts ``--data-dir`` and, where it unlocks the office, ``--user NAME`` with the
password on standard input (``--password-stdin``), before or after the subcommand name. Exit status
is 0 on success and non-zero with a one-line reason on failure.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import NotAvailableYet, ShscError, ValidationFailed
from .problems import define

if TYPE_CHECKING:
    from .services.office import UnlockedOffice

# Messages by code (``problems.define``), printed in English; the catalogue has their Khmer.
PASSWORD_ON_STDIN = define("password_on_stdin", "Give the password on standard input with --password-stdin.")
STDIN_TOO_LONG = define("stdin_too_long", "The %1 on standard input is longer than %2 bytes.")
STDIN_NOT_UTF8 = define("stdin_not_utf8", "The %1 on standard input is not UTF-8 text.")
USER_NEEDED = define("user_needed", "Name the user with --user.")
RECOVERY_KEY_ON_STDIN = define(
    "recovery_key_on_stdin", "Give the recovery key on the first line of standard input."
)
KEY_PASSWORD_ON_STDIN = define(
    "key_password_on_stdin", "Give the password for the exported key on the second line of standard input."
)
COMMAND_NOT_YET = define("command_not_yet", "'%1' is not available yet in this version.")

GLOBAL_OPTIONS: list[tuple[tuple[str, ...], dict[str, object]]] = [
    (("--data-dir",), {"type": Path, "help": "the office's data folder (default: this PC's office folder)"}),
    (("--user",), {"help": "user name to unlock with"}),
    (
        ("--password-stdin",),
        {"action": "store_true", "help": "the password: first line of standard input, line end removed"},
    ),
]


def _add_globals(parser: argparse.ArgumentParser, suppress: bool) -> None:
    for flags, kwargs in GLOBAL_OPTIONS:
        options = dict(kwargs)
        if suppress:
            options["default"] = argparse.SUPPRESS
        parser.add_argument(*flags, **options)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shsc-desktop",
        description="SHSC Desktop: records and reports of commune responses to violence "
        "against women. Without a command, opens the application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the application on a throw-away demo office"
    )
    _add_globals(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _add_globals(p, suppress=True)
        return p

    p = command("init", "set up a new office (prints the recovery key once)")
    p.add_argument("--level", required=True, choices=["commune", "district", "ministry"])
    p.add_argument("--code", default="", help="6-digit commune or 4-digit district code")
    p.add_argument("--full-name", default="")

    p = command("demo-data", "add synthetic records (creates a demo office if none exists)")
    p.add_argument("--months", type=int, default=12)
    p.add_argument("--seed", type=int, default=7)

    p = command("approve", "approve (lock) a month")
    p.add_argument("--month", required=True, metavar="YYYY-MM")

    p = command("summary", "write the monthly summary PDF")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--lang", choices=["km", "en"], default="km")
    p.add_argument(
        "--shared",
        action="store_true",
        help="the copy for sharing outside the commune: counts below 5 hidden",
    )
    p.add_argument("-o", "--output", required=True, type=Path)

    p = command("export", "write the month's signed bundle for the office above")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("-o", "--output", required=True, type=Path)

    p = command("import", "verify and import bundles")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("files", nargs="+", type=Path)

    p = command("verify", "verify a bundle without importing it")
    p.add_argument("file", type=Path)

    p = command("enroll", "certificate enrolment between offices")
    enroll = p.add_subparsers(dest="enroll_command", metavar="STEP", required=True)
    for step, help_text in (
        ("request", "write a certificate request"),
        ("sign", "answer a request with a certificate package"),
        ("accept", "install a certificate package"),
    ):
        ep = enroll.add_parser(step, help=help_text)
        _add_globals(ep, suppress=True)
        if step in ("sign", "accept"):
            ep.add_argument("file", type=Path)
        if step in ("request", "sign"):
            ep.add_argument("-o", "--output", required=True, type=Path)

    p = command("return", "return a commune's month for correction, by a signed notice file")
    ret = p.add_subparsers(dest="return_command", metavar="STEP", required=True)
    rp = ret.add_parser("send", help="(district) write the notice returning a commune's month")
    _add_globals(rp, suppress=True)
    rp.add_argument("--office", required=True, metavar="CODE", help="the commune's code")
    rp.add_argument("--month", required=True, metavar="YYYY-MM")
    rp.add_argument("--reason", required=True, help="what the commune should correct")
    rp.add_argument("-o", "--output", required=True, type=Path, help="folder for the notice file")
    rp = ret.add_parser("accept", help="(commune) import the district's notice")
    _add_globals(rp, suppress=True)
    rp.add_argument("file", type=Path)
    rp = ret.add_parser("list", help="the months returned (district) or the notices received (commune)")
    _add_globals(rp, suppress=True)

    p = command("keys", "this office's keys")
    keys = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    kp = keys.add_parser(
        "export",
        help="export the decryption key and trust chain (the key's password: second line of stdin)",
    )
    _add_globals(kp, suppress=True)
    kp.add_argument("-o", "--output", required=True, type=Path)

    p = command("backup", "write an encrypted, verified backup")
    p.add_argument("-o", "--output", required=True, type=Path)

    p = command("restore", "restore a backup (unlocks it with --user and the password)")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--allow-older", action="store_true", help="restore even if the backup is older than the data here"
    )
    p.add_argument(
        "--current-user",
        metavar="NAME",
        help="a user (the chief) of the office set up here; her password: second line of stdin",
    )
    p.add_argument(
        "--current-recovery-key",
        action="store_true",
        help="authorise with the recovery key of the office set up here (second line of stdin)",
    )
    p.add_argument(
        "--replace-office",
        action="store_true",
        help="replace the office set up here (another office, or one whose key files cannot be read) "
        "with the backup's; the files here are kept in replaced-<time>/",
    )

    p = command("audit", "the audit log")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    ap = audit_sub.add_parser("verify", help="verify the hash chain")
    _add_globals(ap, suppress=True)
    ap = audit_sub.add_parser(
        "accept-loss",
        help="(chief) go on after lost or damaged audit entries; the decision is itself audited",
    )
    _add_globals(ap, suppress=True)

    p = command(
        "verify-office",
        "compare the office keys here with the fingerprint printed on the recovery sheet (no password)",
    )
    p.add_argument(
        "--fingerprint",
        metavar="XXXX-XXXX-XXXX-XXXX-XXXX",
        help="the office key fingerprint from the recovery sheet; without it, the one here is printed",
    )

    p = command(
        "recover",
        "EMERGENCY: write an UNENCRYPTED copy of every record (the recovery key on stdin; audited)",
    )
    p.add_argument("--to", required=True, type=Path, metavar="FILE", help="the new, unencrypted SQLite file")

    command("self-test", "check that this build can open a database, render a PDF, build a bundle")
    return parser


# --- helpers -----------------------------------------------------------------------------------


def _location(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The office folder (``--data-dir``, or this PC's, after the one-time move on Windows)."""
    from .services.data_location import resolve

    return resolve(given=Path(args.data_dir) if args.data_dir else None)


def _data_dir(args: argparse.Namespace) -> Path:
    location = _location(args)
    for notice in location.notices:  # English on the command line, like every other message
        print(f"shsc-desktop: note: {notice.describe()}", file=sys.stderr)
    return Path(location.path)


def utf8_output() -> None:
    """Standard output and error in UTF-8, unknown characters replaced, never an exception.

    On Windows, output redirected to a file or a pipe is encoded with the ANSI code page (cp1252):
    a Khmer office name or folder then raised UnicodeEncodeError — once in the middle of ``init``.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def expand_wildcards(paths: Sequence[Path], windows: bool = os.name == "nt") -> list[Path]:
    """``*`` and ``?`` in file arguments, as a POSIX shell would expand them (cmd.exe does not).

    Only on Windows, and only for a name that is not itself an existing file; a pattern that
    matches nothing stays as given (and is then reported as missing).
    """
    if not windows:
        return list(paths)
    expanded: list[Path] = []
    for path in paths:
        if any(c in path.name for c in "*?[") and not path.exists():
            matches = sorted(path.parent.glob(path.name))
            expanded.extend(matches or [path])
        else:
            expanded.append(path)
    return expanded


def _read_password(args: argparse.Namespace) -> str:
    """The first line of standard input, without its trailing CR/LF — nothing else is removed
    (spaces and quotes are part of the password; see the guides for cmd and PowerShell)."""
    if not args.password_stdin:
        raise ValidationFailed({"password": PASSWORD_ON_STDIN})
    return _stdin_line("password")


MAX_SECRET_LINE = 4096


def _stdin_line(what: str) -> str:
    """One line of standard input as UTF-8 text, bounded (``/dev/zero`` has no end of line)."""
    raw = sys.stdin.buffer.readline(MAX_SECRET_LINE + 1)
    if len(raw) > MAX_SECRET_LINE:
        raise ValidationFailed({what: STDIN_TOO_LONG(what, MAX_SECRET_LINE)})
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationFailed({what: STDIN_NOT_UTF8(what)}) from None
    return text.rstrip("\r\n")


def _require_user(args: argparse.Namespace) -> str:
    if not args.user:
        raise ValidationFailed({"user": USER_NEEDED})
    return str(args.user)


def _unlock(args: argparse.Namespace) -> UnlockedOffice:
    from .services.office import OfficeFolder

    user = _require_user(args)
    password = _read_password(args)
    return OfficeFolder(_data_dir(args)).unlock(user, password)


@contextlib.contextmanager
def _unlocked(args: argparse.Namespace, done: str) -> Iterator[UnlockedOffice]:
    """The office unlocked as the command's user for the block, locked again after it (``done`` is
    the lock's audit reason), whatever happens in the block."""
    office = _unlock(args)
    try:
        yield office
    finally:
        office.lock(done)


# --- commands ----------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from .services.office import OfficeFolder

    user = _require_user(args)
    password = _read_password(args)
    data_dir = _data_dir(args)
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
            from .services.enrolment import EnrolmentService

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
    from .services.office import OfficeFolder

    folder = OfficeFolder(_data_dir(args))
    if not args.fingerprint:
        print(f"Office key fingerprint here: {folder.office_key_fingerprint()}")
        print("Compare it with the recovery sheet (verify-office --fingerprint ...).")
        return 0
    found = folder.verify_office_fingerprint(args.fingerprint)
    print(f"The office keys match the printed fingerprint ({found}).")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from .services.demo import DEMO_CREDENTIALS, create_demo_office, fill_demo_data
    from .services.office import OfficeFolder

    data_dir = _data_dir(args)
    if OfficeFolder(data_dir).exists():
        office = _unlock(args)
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
    from .services.backup import BackupService

    with _unlocked(args, "backup done") as office:
        info = BackupService(office).backup(args.output)
    print(f"Backup written and verified: {info.path} (audit entries: {info.audit_seq})")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .services.restore import Authorisation, restore_backup
    from .services.office import OfficeFolder

    user = _require_user(args)
    password = _read_password(args)
    authorisation = None
    if args.current_user or args.current_recovery_key:
        secret = _stdin_line("password")
        authorisation = (
            Authorisation(recovery_key=secret)
            if args.current_recovery_key
            else Authorisation(username=args.current_user, password=secret)
        )
    office = restore_backup(
        OfficeFolder(_data_dir(args)),
        args.file,
        user,
        password,
        allow_older=args.allow_older,
        authorisation=authorisation,
        replace_office=args.replace_office,
    )
    office.lock("restore done")
    data_dir = _data_dir(args)
    print(f"Restored {args.file} into {data_dir}")
    kept = sorted(data_dir.glob("replaced-*"), key=lambda p: p.stat().st_mtime)
    if args.replace_office and kept:
        print(f"The office that was on this computer was replaced; its files are kept in {kept[-1]}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from .services.admin import AdminService
    from .services.office import OfficeFolder

    if args.audit_command == "accept-loss":
        user = _require_user(args)
        password = _read_password(args)
        OfficeFolder(_data_dir(args)).unlock(user, password, accept_audit_loss=True).lock("accept-loss")
        print("The audit log is usable again; accepting its loss was recorded in it.")
        return 0
    with _unlocked(args, "audit verify done") as office:
        report = AdminService(office).verify_audit()
    if report.ok:
        print(f"Audit chain OK: {report.entries} entries, head {report.head_seq} {report.head_hash}")
        return 0
    print(f"Audit chain BROKEN at entry {report.first_bad_seq}: {report.problem}")
    return 4


def cmd_approve(args: argparse.Namespace) -> int:
    from .services.months import MonthService

    with _unlocked(args, "approve done") as office:
        MonthService(office).approve(args.month)
    print(f"Month {args.month} approved; its records are now locked.")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from .services.reports import ReportService

    with _unlocked(args, "summary done") as office:
        if office.info.level == "commune":
            path = ReportService(office).monthly_summary_pdf(
                args.month, args.lang, args.output, suppressed=args.shared
            )
        else:  # the district's or ministry's sums of what arrived, not its own (empty) register
            from .services.district import DistrictService

            path = DistrictService(office).summary_pdf(args.month, args.lang, args.output, shared=args.shared)
    print(f"Monthly summary written: {path}")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from .services.office import OfficeFolder
    from .services.recovery import write_plain_copy

    recovery_key = _stdin_line("recovery key")
    if not recovery_key.strip():
        raise ValidationFailed({"recovery key": RECOVERY_KEY_ON_STDIN})
    copy = write_plain_copy(OfficeFolder(_data_dir(args)), recovery_key, args.to)
    print("!" * 78)
    print(f"WARNING: {copy.path} holds EVERY record of this office UNENCRYPTED (survivors' names,")
    print("phones and narratives stay sealed in it; everything else - codes, dates, places, referrals,")
    print("meetings, contacts, users - can be read by anyone who can read the file). Keep it only on")
    print("an encrypted or offline medium, and delete it as soon as the emergency is over. This copy")
    print("is recorded in the office's audit log.")
    print("!" * 78)
    print(f"Plain copy written: {copy.path} ({copy.tables} tables)")
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from .services.selftest import run_self_test
    from .views.printing import check_print
    from .views.selftest_qt import check_qt

    results = run_self_test([("qt", check_qt), ("print", check_print)])  # print needs QtGui: after qt
    for name, ok, detail in results:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    failed = [r for r in results if not r[1]]
    print(f"self-test: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .services.exchange_export import ExportService

    with _unlocked(args, "export done") as office:
        result = ExportService(office).export_month(args.month, args.output)
    print(result.path)
    return 0


def _import_table(summary) -> str:  # type: ignore[no-untyped-def]
    header = ("file", "result", "office", "month", "rev", "seq", "detail")
    rows = [header]
    for r in summary.results:
        detail = r.message if r.rejected else ("nil report" if r.nil_report else "")
        if r.gap:
            detail = (detail + "; " if detail else "") + f"{r.gap} bundle(s) missing before this one"
        outcome = f"rejected ({r.reason})" if r.rejected else r.outcome.replace("_", " ")
        rows.append(
            (r.path.name, outcome, r.sender, r.period, str(r.revision or ""), str(r.sequence or ""), detail)
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1] for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 6)
    lines.append(
        f"{len(summary.results)} file(s): {summary.imported} imported, {summary.updated} updated, "
        f"{summary.already_imported} already imported, {summary.rejected} rejected"
        + (" (dry run: nothing was changed)" if summary.dry_run else "")
    )
    return "\n".join(line.rstrip() for line in lines)


def cmd_import(args: argparse.Namespace) -> int:
    from .services.exchange_import import ImportService

    with _unlocked(args, "import done") as office:
        summary = ImportService(office).import_files(expand_wildcards(args.files), dry_run=args.dry_run)
    print(_import_table(summary))
    if not summary.ok:
        print(f"shsc-desktop: {summary.rejected} file(s) rejected", file=sys.stderr)
        return 5
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .services.exchange_import import ImportService

    with _unlocked(args, "verify done") as office:
        r = ImportService(office).verify_file(args.file)
    nil = " (nil report)" if r.nil_report else ""
    print(
        f"OK: {r.path.name} from {r.sender_level} {r.sender} to {r.recipient}, month {r.period}, "
        f"revision {r.revision}, number {r.sequence}{nil}; signer {r.signer_fingerprint}"
    )
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    from .services.enrolment import EnrolmentService

    with _unlocked(args, "enroll done") as office:
        service = EnrolmentService(office)
        if args.enroll_command == "request":
            req = service.request(args.output)
            print(f"Certificate request written: {req.path}")
            print(f"Request fingerprint (read it out to the office above): {req.fingerprint}")
        elif args.enroll_command == "sign":
            signed = service.sign(args.file, args.output)
            print(f"Certificate package for {signed.level} {signed.code} {signed.name_en}: {signed.path}")
            print(f"Request fingerprint (compare with the office below): {signed.request_fingerprint}")
            for purpose, fp in signed.fingerprints.items():
                print(f"  {purpose:<10} {fp}")
            if signed.office_keys is not None:
                print(f"Office keys bound (compare with the office's recovery sheet): {signed.office_keys}")
            if signed.previous_office_keys is not None:
                print(
                    "Warning: this office was enrolled before with other office keys "
                    f"({signed.previous_office_keys}): ask its chief to check the recovery sheet."
                )
        else:
            accepted = service.accept(args.file)
            print(f"Certificates installed for {accepted.level} {accepted.code}. Fingerprints to compare:")
            for purpose, fp in accepted.fingerprints.items():
                print(f"  {purpose:<10} {fp}")
            if accepted.office_keys is not None:
                print(f"Office keys bound (compare with the office's recovery sheet): {accepted.office_keys}")
    return 0


def cmd_return(args: argparse.Namespace) -> int:
    from .services.returns import ReturnService

    with _unlocked(args, "return done") as office:
        service = ReturnService(office)
        if args.return_command == "send":
            sent = service.return_report(args.office, args.month, args.reason, args.output)
            print(f"{sent.period} of {sent.office_code} (revision {sent.revision}) returned: {sent.path}")
        elif args.return_command == "accept":
            notice = service.import_notice(args.file)
            already = " (already imported)" if notice.already_imported else ""
            print(f"{notice.period} returned by district {notice.district_code}: {notice.reason}{already}")
        elif office.info.level == "commune":
            for n in service.notices():
                state = "to correct" if n.outstanding else "corrected"
                print(f"{n.period} r{n.revision}  district {n.district_code}  {state}  {n.reason}")
        else:
            for r in service.returned().values():
                print(f"{r.period} {r.office_code} r{r.revision}  {r.returned_at:%Y-%m-%d}  {r.reason}")
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    from .services.enrolment import EnrolmentService

    with _unlocked(args, "keys export done") as office:
        key_password = _stdin_line("password")
        if not key_password:
            raise ValidationFailed({"password": KEY_PASSWORD_ON_STDIN})
        result = EnrolmentService(office).export_keys(args.output, key_password)
    for path in result.files:
        print(path)
    return 0


def cmd_not_yet(args: argparse.Namespace) -> int:
    raise NotAvailableYet(COMMAND_NOT_YET(args.command))


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "demo-data": cmd_demo_data,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "audit": cmd_audit,
    "self-test": cmd_self_test,
    "approve": cmd_approve,
    "summary": cmd_summary,
    "export": cmd_export,
    "import": cmd_import,
    "verify": cmd_verify,
    "enroll": cmd_enroll,
    "keys": cmd_keys,
    "return": cmd_return,
    "recover": cmd_recover,
    "verify-office": cmd_verify_office,
}


NO_DISPLAY = (
    "shsc-desktop: no display: the window needs a desktop session (DISPLAY or WAYLAND_DISPLAY is unset); "
    "the commands work without one (shsc-desktop --help)"
)


def display_missing(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """On Linux without X11 or Wayland (an SSH session, a server), Qt would abort with a cryptic
    "xcb platform plugin" message; the GUI says so in one line instead."""
    if not platform.startswith("linux"):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(args: argparse.Namespace) -> int:
    if display_missing():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from .views.app import run_gui as gui
    from .views.app import run_gui_located

    if args.demo:
        from .services.demo import DEMO_CREDENTIALS, create_demo_office

        demo_dir = Path(tempfile.mkdtemp(prefix="shsc-demo-"))
        try:
            office = create_demo_office(demo_dir / "office")
            office.lock("demo ready")
            return gui(demo_dir / "office", demo_credentials=dict(DEMO_CREDENTIALS))
        finally:
            shutil.rmtree(demo_dir, ignore_errors=True)  # throw-away: nothing of it stays behind
    # The one-time move of an older office can fail: the GUI shows that, stderr may not exist.
    from .services.data_location import default_data_dir

    planned = Path(args.data_dir) if args.data_dir else default_data_dir()
    return run_gui_located(lambda: _location(args), planned)


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_gui(args)
        handler = COMMANDS.get(args.command, cmd_not_yet)
        return handler(args)
    except ShscError as exc:
        print(f"shsc-desktop: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("shsc-desktop: interrupted", file=sys.stderr)
        return 130
