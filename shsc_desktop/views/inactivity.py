"""What locks the application: auto-lock on inactivity (KeePassXC's ``InactivityTimer``: an
application-wide event filter restarts a single-shot timer on every key press, click, wheel turn or
mouse move) and the two safety keys, caught in every window (:class:`SafetyKeys`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

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
    """Emits ``inactive`` after ``interval_ms`` without user input anywhere in the application.

    Signals:
        inactive(): the interval passed with no activity; the timer is stopped until ``activate()``.
    """

    inactive = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._timed_out)
        self._installed = False

    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval_ms(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)
        if self._timer.isActive():
            self._timer.start()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def activate(self) -> None:
        app = QApplication.instance()
        if not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def deactivate(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and self._timer.isActive():
            self._timer.start()
        return False  # never consume the event

    def _timed_out(self) -> None:
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
