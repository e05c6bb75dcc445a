"""The command line (DESIGN.md §7). The GUI and these commands share the same services.

Every command accepts ``--data-dir`` and, where it unlocks the office, ``--user NAME`` with the
password on standard input (``--password-stdin``), before or after the subcommand name. Exit status
is 0 on success and non-zero with a one-line reason on failure.

This package's entry point: :func:`main` parses the command line (``parser``), runs the command it
names (its ``*_commands`` module) or opens the window (``window``), and turns every failure into an
exit status and one line on standard error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ..errors import NotAvailableYet, ShscError
from ..problems import define
from .console import utf8_output
from .exchange_commands import cmd_enroll, cmd_export, cmd_import, cmd_keys, cmd_return, cmd_verify
from .office_commands import (
    cmd_audit,
    cmd_backup,
    cmd_demo_data,
    cmd_init,
    cmd_recover,
    cmd_restore,
    cmd_verify_office,
)
from .parser import build_parser
from .report_commands import cmd_approve, cmd_summary
from .self_test import cmd_self_test
from .window import run_gui

COMMAND_NOT_YET = define("command_not_yet", "'%1' is not available yet in this version.")


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
