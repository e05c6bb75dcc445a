"""Back-off after failed unlock attempts, and the record of them until the next unlock.

While the database is locked nothing can be written to it, so failed attempts are kept in a small
side file (no secrets: a user name as typed, a count and times). After the next successful unlock the
pending failures are moved into the audit log and the side file is cleared. The data is never wiped
automatically, however many attempts fail: that would lose survivors' records.

The delay doubles from the third failure on (1 s, 2 s, 4 s … capped at 5 minutes), per user name as
typed, so an unknown name is throttled exactly like a real one.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_bytes
from ..errors import StorageFailed, TooManyAttempts

LOCKOUT_FILE = "lockout.json"
FREE_ATTEMPTS = 2
MAX_DELAY = 300.0


def delay_after(failures: int) -> float:
    if failures <= FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_DELAY, 2 ** (failures - FREE_ATTEMPTS - 1)))


class Lockout:
    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(folder) / LOCKOUT_FILE
        self.clock = clock

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save(self, data: dict[str, Any]) -> None:
        # If the side file cannot be written the back-off is lost, but unlocking must not fail.
        with contextlib.suppress(StorageFailed):
            atomic_write_bytes(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def check(self, username: str) -> None:
        """Raise ``TooManyAttempts`` while ``username`` must still wait."""
        entry = self._load().get("users", {}).get(username)
        if not entry:
            return
        wait = entry["last"] + delay_after(int(entry["failures"])) - self.clock()
        if wait > 0:
            raise TooManyAttempts(wait)

    def failed(self, username: str) -> float:
        """Count a failure; returns the seconds to wait before the next attempt."""
        data = self._load()
        users = data.setdefault("users", {})
        entry = users.setdefault(username, {"failures": 0, "last": 0.0})
        entry["failures"] = int(entry["failures"]) + 1
        entry["last"] = self.clock()
        data.setdefault("pending", []).append({"username": username, "at": self.clock()})
        self._save(data)
        return delay_after(int(entry["failures"]))

    def succeeded(self, username: str) -> list[dict[str, Any]]:
        """Reset ``username``'s count; return and clear the failures still to be audited."""
        data = self._load()
        pending = list(data.get("pending", []))
        data.get("users", {}).pop(username, None)
        data["pending"] = []
        self._save(data)
        return pending
