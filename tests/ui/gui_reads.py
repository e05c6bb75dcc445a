"""A test-time guard: no database query on the Qt main thread while a page loads or refreshes.

``GuiThreadReads`` listens to SQLAlchemy's ``before_cursor_execute`` on every engine; inside
``watching()`` a statement run on the main thread is recorded with the stack that ran it, and the
block fails at its end listing them. Reads belong on the background runner
(``views.operations.run_in_background``); the few places allowed to read on the GUI thread are listed
in ``ALLOWED`` below, each with its reason.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

# (file, function) of a frame that may run a query on the GUI thread, and why.
ALLOWED: dict[tuple[str, str], str] = {
    # Locking writes its audit entry (and must succeed even with the runner busy or gone).
    ("shsc_desktop/services/office.py", "lock"): "lock: the audit entry of the lock",
    # Locking seals the unsaved forms as drafts after the windows are hidden and before the office
    # key is dropped; it must finish before the lock goes on and not wait behind a busy runner.
    ("shsc_desktop/views/drafts.py", "keep_drafts"): "lock: the unsaved forms sealed as drafts",
}


class GuiThreadReads:
    def __init__(self) -> None:
        self.active = False
        self.found: list[tuple[str, str]] = []

    def _before(self, conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if not self.active or threading.current_thread() is not threading.main_thread():
            return
        stack = traceback.extract_stack()[:-1]
        for frame in stack:
            filename = frame.filename.replace("\\", "/")
            for (path, function), _reason in ALLOWED.items():
                if filename.endswith(path) and frame.name == function:
                    return
        ours = [f for f in stack if "/shsc_desktop/" in f.filename.replace("\\", "/")]
        where = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in ours[-8:])
        self.found.append((statement.split("\n")[0][:120], where))

    def install(self) -> None:
        event.listen(Engine, "before_cursor_execute", self._before)

    def remove(self) -> None:
        event.remove(Engine, "before_cursor_execute", self._before)

    @contextlib.contextmanager
    def watching(self) -> Iterator[GuiThreadReads]:
        """Record GUI-thread queries in the block; fail at its end if there were any."""
        self.found.clear()
        self.active = True
        try:
            yield self
        finally:
            self.active = False
        if self.found:
            report = "\n".join(f"{sql}\n{where}" for sql, where in self.found)
            raise AssertionError(f"{len(self.found)} database queries on the GUI thread:\n{report}")
