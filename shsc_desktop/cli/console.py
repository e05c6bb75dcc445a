"""What a command reads from its console and the command line before it works: the office folder
(``--data-dir`` or this PC's), the user (``--user``) and secrets from standard input (bounded, UTF-8),
and the office unlocked with them; also UTF-8 output and, on Windows, wildcard file arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ValidationFailed
from ..problems import define

if TYPE_CHECKING:
    from ..services.office import UnlockedOffice

# Messages by code (``problems.define``), printed in English; the catalogue has their Khmer.
PASSWORD_ON_STDIN = define("password_on_stdin", "Give the password on standard input with --password-stdin.")
STDIN_TOO_LONG = define("stdin_too_long", "The %1 on standard input is longer than %2 bytes.")
STDIN_NOT_UTF8 = define("stdin_not_utf8", "The %1 on standard input is not UTF-8 text.")
USER_NEEDED = define("user_needed", "Name the user with --user.")


def location(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The office folder (``--data-dir``, or this PC's, after the one-time move on Windows)."""
    from ..services.data_location import resolve

    return resolve(given=Path(args.data_dir) if args.data_dir else None)


def data_dir(args: argparse.Namespace) -> Path:
    found = location(args)
    for notice in found.notices:  # English on the command line, like every other message
        print(f"shsc-desktop: note: {notice.describe()}", file=sys.stderr)
    return Path(found.path)


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


def read_password(args: argparse.Namespace) -> str:
    """The first line of standard input, without its trailing CR/LF — nothing else is removed
    (spaces and quotes are part of the password; see the guides for cmd and PowerShell)."""
    if not args.password_stdin:
        raise ValidationFailed({"password": PASSWORD_ON_STDIN})
    return stdin_line("password")


MAX_SECRET_LINE = 4096


def stdin_line(what: str) -> str:
    """One line of standard input as UTF-8 text, bounded (``/dev/zero`` has no end of line)."""
    raw = sys.stdin.buffer.readline(MAX_SECRET_LINE + 1)
    if len(raw) > MAX_SECRET_LINE:
        raise ValidationFailed({what: STDIN_TOO_LONG(what, MAX_SECRET_LINE)})
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationFailed({what: STDIN_NOT_UTF8(what)}) from None
    return text.rstrip("\r\n")


def require_user(args: argparse.Namespace) -> str:
    if not args.user:
        raise ValidationFailed({"user": USER_NEEDED})
    return str(args.user)


def unlock(args: argparse.Namespace) -> UnlockedOffice:
    from ..services.office import OfficeFolder

    user = require_user(args)
    password = read_password(args)
    return OfficeFolder(data_dir(args)).unlock(user, password)


@contextlib.contextmanager
def unlocked(args: argparse.Namespace, done: str) -> Iterator[UnlockedOffice]:
    """The office unlocked as the command's user for the block, locked again after it (``done`` is
    the lock's audit reason), whatever happens in the block."""
    office = unlock(args)
    try:
        yield office
    finally:
        office.lock(done)
