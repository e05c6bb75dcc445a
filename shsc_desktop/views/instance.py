"""One copy of the app per office folder.

On a slow PC a double-click that seems to do nothing becomes a second double-click, and two copies
then work on one database; with the office in the machine-wide folder (``services.data_location``)
a second Windows account can also start a copy while the first account's copy is still open
(fast user switching). The GUI therefore takes a ``QLockFile`` in the office folder before showing
any window, and writes beside it who holds it (Windows account, computer, since when). A second copy
says who has the office open and stops. A lock left by a copy that crashed is stale (its process is
gone) and is taken over. The command line does not take this lock: its commands are short and
SQLite's own locking keeps them consistent.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import socket
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

LOCK_FILE = "shsc-desktop.lock"
HOLDER_FILE = "shsc-desktop.lock.json"


def _account() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


class InstanceLock:
    def __init__(self, data_dir: Path, account: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.account = _account() if account is None else account
        self.lock = QLockFile(str(self.data_dir / LOCK_FILE))
        self.lock.setStaleLockTime(0)  # only a dead process makes the lock stale, never its age

    def acquire(self) -> bool:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            return False
        holder = {
            "account": self.account,
            "computer": socket.gethostname(),
            "since": datetime.now().astimezone().isoformat(timespec="minutes"),
        }
        with contextlib.suppress(OSError):
            (self.data_dir / HOLDER_FILE).write_text(json.dumps(holder), encoding="utf-8")
        return True

    def release(self) -> None:
        if self.lock.isLocked():
            with contextlib.suppress(OSError):
                (self.data_dir / HOLDER_FILE).unlink()
            self.lock.unlock()

    def holder(self) -> dict[str, str]:
        try:
            data = json.loads((self.data_dir / HOLDER_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def refusal_text(self) -> str:
        """Translated: who has the office open, and what to do."""
        holder = self.holder()
        account, since = holder.get("account", ""), holder.get("since", "")[:16].replace("T", " ")
        if account and account != self.account:
            return (
                QCoreApplication.translate(
                    "Instance",
                    "SHSC Desktop is already open on this PC in the Windows account %1 (since %2). "
                    "Close it there first: switch to that account, or ask that person to sign out.",
                )
                .replace("%1", account)
                .replace("%2", since or "?")
            )
        return QCoreApplication.translate(
            "Instance",
            "SHSC Desktop is already open (since %1). Use the window that is open; look for it in the "
            "taskbar.",
        ).replace("%1", since or "?")
