"""Back-off after failed unlock attempts, and the record of them until the next unlock.

While the database is locked nothing can be written to it, so failed attempts are kept in the key-slot
file, beside the slots (no secrets: a user name as typed, a count and times). A separate
``lockout.json`` used to hold them: deleting it reset the back-off. The slot file cannot be deleted
without losing every password (its second copy carries the same state). After the next successful
unlock the pending failures are moved into the audit log and the state is cleared. The data is never wiped
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

from ..errors import KeySlotsDamaged, StorageFailed, TooManyAttempts
from .vault import Vault

LOCKOUT_FILE = "lockout.json"
SIDE_NAME = "lockout"
RECOVERY_LOCKOUT_NAME = "#recovery"  # back-off counter of the recovery key
FREE_ATTEMPTS = 2
MAX_DELAY = 300.0


def delay_after(failures: int) -> float:
    if failures <= FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_DELAY, 2 ** (failures - FREE_ATTEMPTS - 1)))


def _merge(data: dict[str, Any], earlier: dict[str, Any]) -> None:
    """Add ``earlier`` back-off state to ``data``: a user's newer entry wins, unaudited failures add up."""
    for username, entry in dict(earlier.get("users", {})).items():
        data.setdefault("users", {}).setdefault(username, entry)
    data.setdefault("pending", []).extend(list(earlier.get("pending", [])))


class Lockout:
    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(folder) / LOCKOUT_FILE  # the old side file, read once and removed
        self.vault = Vault(Path(folder))
        self.clock = clock

    def _load(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        with contextlib.suppress(KeySlotsDamaged):  # unlocking reports that itself
            stored = self.vault.side_state(SIDE_NAME)
            data = stored if isinstance(stored, dict) else {}
        try:
            legacy = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return data
        if isinstance(legacy, dict):  # failures from before the move: kept, not forgotten
            _merge(data, legacy)
        return data

    def _save(self, data: dict[str, Any]) -> None:
        # If the state cannot be written the back-off is lost, but unlocking must not fail.
        with contextlib.suppress(StorageFailed, KeySlotsDamaged):
            self.vault.set_side_state(SIDE_NAME, data)
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)

    def state(self) -> dict[str, Any]:
        """The whole back-off state (to carry it over when the slot file is replaced by a restore)."""
        return self._load()

    def carry_over(self, earlier: dict[str, Any]) -> None:
        """Add ``earlier`` state to the current one: waits and unaudited failures survive a restore."""
        data = self._load()
        _merge(data, earlier)
        self._save(data)

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
