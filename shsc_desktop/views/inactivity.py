"""What locks the application: auto-lock on inactivity (KeePassXC's ``InactivityTimer``: an
application-wide event filter notes the time of every key press, click, wheel turn or mouse move; a
poll locks once the office's interval has passed since the last one) and the two safety keys,
caught in every window (:class:`SafetyKeys`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

POLL_MS = 1000  # how late past the interval the lock may come, at most

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class InactivityTimer(QObject):
    """Emits ``inactive`` once ``interval_ms`` have passed without user input anywhere in the app.

    Activity only notes the time (``clock``, seconds; monotonic by default); a poll timer compares
    it with the interval. Tests pass their own clock and call :meth:`check`, so that "idle" is a
    fact of the test, not of how busy the machine running it is.

    Signals:
        inactive(): the interval passed with no activity; the timer is stopped until ``activate()``.
    """

    inactive = Signal()

    def __init__(
        self,
        interval_ms: int,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._interval_ms = interval_ms
        self._last_activity = clock()
        self._poll = QTimer(self)
        self._poll.setInterval(min(poll_ms, interval_ms))
        self._poll.timeout.connect(self.check)
        self._installed = False

    def interval_ms(self) -> int:
        return self._interval_ms

    def set_interval_ms(self, interval_ms: int) -> None:
        self._interval_ms = interval_ms
        self._poll.setInterval(min(self._poll.interval(), interval_ms))

    def is_active(self) -> bool:
        return self._poll.isActive()

    def remaining_ms(self) -> int:
        idle_ms = round((self._clock() - self._last_activity) * 1000)  # whole ms: no float noise
        return max(0, self._interval_ms - idle_ms)

    def activate(self) -> None:
        app = QApplication.instance()
        if not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True
        self._last_activity = self._clock()
        self._poll.start()

    def deactivate(self) -> None:
        self._poll.stop()
        app = QApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and self._poll.isActive():
            self._last_activity = self._clock()
        return False  # never consume the event

    def check(self) -> None:
        """Emit ``inactive`` if the interval has passed since the last activity (the poll calls it)."""
        if self._poll.isActive() and self.remaining_ms() == 0:
            self.deactivate()
            self.inactive.emit()


# The one definition of the two safety keys: the main window's menu actions show them, and
# SafetyKeys catches them in every window.
LOCK_SHORTCUT = "Ctrl+L"
QUICK_HIDE_SHORTCUT = "Ctrl+Shift+H"
LOCK_KEYS = QKeySequence(LOCK_SHORTCUT)
QUICK_HIDE_KEYS = QKeySequence(QUICK_HIDE_SHORTCUT)


class SafetyKeys(QObject):
    """Ctrl+L and Ctrl+Shift+H from every window of the application.

    The main window's actions are window shortcuts: Qt does not fire them while a record form, a
    dialog or a message box is in front, which is exactly when a survivor's details are on screen.
    This application-wide filter catches the keys wherever the focus is.

    Signals:
        lock_pressed(), hide_pressed()
    """

    lock_pressed = Signal()
    hide_pressed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        if pressed == QUICK_HIDE_KEYS:
            self.hide_pressed.emit()
            return True
        if pressed == LOCK_KEYS:
            self.lock_pressed.emit()
            return True
        return False
