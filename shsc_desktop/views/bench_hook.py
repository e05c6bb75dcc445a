"""Benchmark hook: with ``SHSC_BENCH_EXIT_WHEN_SHOWN=1`` the app quits once its first window is shown.

``tools/bench.py`` measures "cold start to the unlock window" by launching the app as a fresh process
and timing how long it takes until this hook prints :data:`MARKER`. The marker is printed on the
first event-loop turn after the first top-level window is shown, exactly as in the bare PySide6
window the benchmark compares against, so both numbers mean the same thing.

Without the environment variable :func:`install_if_requested` does nothing and costs nothing.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_VAR = "SHSC_BENCH_EXIT_WHEN_SHOWN"
MARKER = "SHSC_BENCH_SHOWN"

_installed: list[QObject] = []  # keeps the watcher alive; also makes a second install a no-op


class _FirstWindowShown(QObject):
    """Watches the application's events for the first top-level window being shown."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._fired
            and event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            self.fire()
        return False

    def fire(self) -> None:
        self._fired = True
        self._app.removeEventFilter(self)
        # The next turn of the event loop: the window has been laid out and painted once.
        QTimer.singleShot(0, self._done)

    def _done(self) -> None:
        print(MARKER, flush=True)
        self._app.quit()


def install_if_requested(app: QCoreApplication) -> None:
    """If ``SHSC_BENCH_EXIT_WHEN_SHOWN=1``: print :data:`MARKER` and quit once a window is shown.

    Safe to call before or after the first window is shown, and more than once.
    """
    if os.environ.get(ENV_VAR) != "1" or _installed:
        return
    watcher = _FirstWindowShown(app)
    _installed.append(watcher)
    if isinstance(app, QApplication) and any(w.isWindow() and w.isVisible() for w in app.topLevelWidgets()):
        watcher.fire()
    else:
        app.installEventFilter(watcher)
