"""The command line's grammar: every command, its arguments and the options all of them share.

Builds the ``argparse`` parser of DESIGN.md §7 and nothing else: ``--data-dir``, ``--user`` and
``--password-stdin`` are accepted before or after the subcommand name; what each command does is
in the ``*_commands`` modules, and ``shsc_desktop.cli`` dispatches to them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__

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
