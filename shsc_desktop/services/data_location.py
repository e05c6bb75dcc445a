"""Where the office lives on this PC: one office per PC, whichever Windows account is signed in.

Commune PCs are shared: the chief and the clerks often have their own Windows accounts. If the office
lived in each account's own folder (``%LOCALAPPDATA%``), a clerk with her own login would see an
empty setup wizard and could create a second office — records split in two, and deleting a Windows
profile would delete the office. So on Windows the office lives in the **machine-wide** data folder
``%PROGRAMDATA%\\SHSC Desktop``, which the installer creates with modify rights for the local group
Users (every account of the PC can open the office; the records stay encrypted with the office's
passwords). Only when the program was installed *for one user* (Inno Setup's per-user mode, no admin
rights; the installer then writes ``install-scope.txt`` = ``user`` next to the program) does the
office stay in that user's ``%LOCALAPPDATA%\\SHSC Desktop``.

Earlier versions kept the office in ``%LOCALAPPDATA%\\SHSC Desktop``. The first start of this version
by that account **moves** it into the machine-wide folder (copied, key slots last, then the old
folder renamed to ``SHSC Desktop.moved`` so it is never used again; nothing is deleted). When the
machine-wide folder already has an office, the account's own one is left where it is and the user is
told; when the machine-wide folder is empty but another Windows account of the PC still has an office
in its own folder, the user is told *before* the setup wizard could create a second one — where the
other profile folders can be read at all: Windows lets only an elevated (administrator) process look
into another account's ``C:\\Users\\NAME``, so for an ordinary account :func:`other_offices` finds
nothing.

Linux keeps the XDG location (``$XDG_DATA_HOME/shsc-desktop``), macOS ``~/Library/Application
Support``. ``--data-dir`` (and ``SHSC_DATA_DIR``) always win. Everything here reads a
:class:`Platform`, so tests fake Windows on Linux with real folders.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import StorageFailed

APP_FOLDER = "SHSC Desktop"
LINUX_FOLDER = "shsc-desktop"
DATA_DIR_ENV = "SHSC_DATA_DIR"
SCOPE_FILE = "install-scope.txt"
"""Written by the installer next to the program: ``user`` for a per-user install, else ``machine``."""
MOVED_SUFFIX = ".moved"
OFFICE_MARK = "keyslots.json"
"""A folder holds an office when its key-slot file exists (``security.vault``)."""
NOT_PROFILES = {"public", "default", "default user", "all users", "defaultapppool"}


@dataclass(frozen=True)
class Platform:
    """What decides the location: the operating system, its environment and the program's folder."""

    system: str  # "windows", "darwin" or "linux"
    env: Mapping[str, str]
    program_dir: Path | None = None
    """Folder of the frozen program (where the installer's scope file is); None when run from source."""

    @classmethod
    def current(cls) -> Platform:
        system = "windows" if os.name == "nt" else ("darwin" if sys.platform == "darwin" else "linux")
        program = Path(sys.executable).parent if getattr(sys, "frozen", False) else None
        return cls(system, dict(os.environ), program)

    def home(self) -> Path:
        return Path(self.env.get("USERPROFILE") or self.env.get("HOME") or Path.home())

    def local_app_data(self) -> Path:
        return Path(self.env.get("LOCALAPPDATA") or self.home() / "AppData" / "Local")

    def program_data(self) -> Path:
        return Path(self.env.get("PROGRAMDATA") or self.env.get("ALLUSERSPROFILE") or r"C:\ProgramData")

    def per_user_install(self) -> bool:
        if self.program_dir is None:
            return False
        try:
            return (self.program_dir / SCOPE_FILE).read_text(encoding="utf-8").strip().lower() == "user"
        except OSError:
            return False


@dataclass(frozen=True)
class Notice:
    """Something the user must be told about the data folder (shown once, translated by the views).

    ``kind``: ``moved`` (the account's office was moved into ``path``), ``own_office_kept`` (the PC
    already has an office in ``path``; the account's older one stays in ``other``), or
    ``other_account`` (no office here yet, but Windows account ``account`` has one in ``other``).
    """

    kind: str
    path: Path
    other: Path
    account: str = ""

    @property
    def kept(self) -> Path:
        """For ``moved``: the name the old folder was kept under (``… .moved``)."""
        return kept_folder(self.other)

    def describe(self) -> str:
        """In English, for the command line (the GUI translates from ``kind``)."""
        if self.kind == "moved":
            return f"the office was moved to {self.path}; the old folder was kept as {self.kept}"
        if self.kind == "own_office_kept":
            return (
                f"this PC's office is in {self.path}; an older office of this Windows account in "
                f"{self.other} was not moved and is not used"
            )
        return (
            f"the Windows account {self.account} has an office in {self.other}: start SHSC Desktop once "
            f"as {self.account} to move it to {self.path} before setting up a new one"
        )


@dataclass(frozen=True)
class DataLocation:
    path: Path
    scope: str  # "machine", "user" or "given"
    notices: tuple[Notice, ...] = field(default=())


def holds_office(folder: Path) -> bool:
    try:
        return (folder / OFFICE_MARK).is_file()
    except OSError:  # another account's folder we may not look into
        return False


def default_data_dir(platform: Platform | None = None) -> Path:
    """The office folder of this PC, without moving anything (see :func:`resolve`)."""
    p = platform or Platform.current()
    if p.env.get(DATA_DIR_ENV):
        return Path(p.env[DATA_DIR_ENV])
    if p.system == "windows":
        base = p.local_app_data() if p.per_user_install() else p.program_data()
        return base / APP_FOLDER
    if p.system == "darwin":
        return p.home() / "Library" / "Application Support" / APP_FOLDER
    return Path(p.env.get("XDG_DATA_HOME") or p.home() / ".local" / "share") / LINUX_FOLDER


def resolve(platform: Platform | None = None, given: Path | None = None) -> DataLocation:
    """The office folder to use, after the one-time move on Windows; with what to tell the user."""
    p = platform or Platform.current()
    if given is not None:
        return DataLocation(Path(given), "given")
    target = default_data_dir(p)
    if p.system != "windows" or p.per_user_install():
        return DataLocation(target, "user")
    if p.env.get(DATA_DIR_ENV):
        return DataLocation(target, "given")
    own = p.local_app_data() / APP_FOLDER
    notices: list[Notice] = []
    if holds_office(own) and own != target:
        if holds_office(target):
            notices.append(Notice("own_office_kept", target, own))
        else:
            move_office(own, target)
            notices.append(Notice("moved", target, own))
    if not holds_office(target):
        for account, folder in other_offices(p):
            notices.append(Notice("other_account", target, folder, account))
    return DataLocation(target, "machine", tuple(notices))


def other_offices(p: Platform) -> list[tuple[str, Path]]:
    """Offices still in another Windows account's own folder (``C:\\Users\\NAME\\AppData\\Local``).

    Only those this process may read: another account's profile folder is normally closed to all but
    that account and elevated administrators, and an unreadable one counts as holding no office.
    """
    own_profile = p.home()
    try:
        relative = p.local_app_data().relative_to(own_profile)
    except ValueError:
        relative = Path("AppData") / "Local"
    found: list[tuple[str, Path]] = []
    try:
        profiles = sorted(own_profile.parent.iterdir())
    except OSError:
        return found
    for profile in profiles:
        if profile == own_profile or profile.name.lower() in NOT_PROFILES:
            continue
        folder = profile / relative / APP_FOLDER
        if holds_office(folder):
            found.append((profile.name, folder))
    return found


def kept_folder(source: Path) -> Path:
    """Where :func:`move_office` keeps the old folder: renamed, never deleted."""
    return source.with_name(source.name + MOVED_SUFFIX)


def move_office(source: Path, target: Path) -> None:
    """Move the office from ``source`` into ``target`` (which may exist: the installer creates it).

    Everything is first copied into a staging folder inside ``target``; then ``source`` is renamed to
    ``… .moved`` (this fails while another program holds one of its files, and nothing has changed
    yet); then the copies are renamed into place, key slots last, so ``target`` holds an office only
    once it holds all of it. The old folder is kept, never deleted.
    """
    staging = target / f".moving-{os.getpid()}"
    moved = kept_folder(source)
    placed: list[Path] = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source, staging)
        source.rename(moved)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise StorageFailed(
            f"The office could not be moved from {source} to {target}: {exc.strerror or exc}. "
            "Close SHSC Desktop in every Windows account and start it again."
        ) from exc
    entries = sorted(staging.iterdir(), key=lambda e: (e.name.startswith("keyslots"), e.name))
    try:
        for entry in entries:
            os.replace(entry, target / entry.name)
            placed.append(target / entry.name)
        staging.rmdir()
    except OSError as exc:  # undo: the old folder stays the office
        for path in placed:
            with contextlib.suppress(OSError):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            moved.rename(source)
        raise StorageFailed(
            f"The office could not be moved from {source} to {target}: {exc.strerror or exc}"
        ) from exc
