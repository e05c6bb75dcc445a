"""The mouse wheel scrolls forms, never answers: one application-wide event filter.

Scrolling a long form over a closed drop-down used to change its answer (risk Low → High) with no
sign. The guard, installed once on the ``QApplication``, makes every combo box, spin box and date
field ignore the wheel unless it has the keyboard focus; the ignored wheel event then travels on to
the scroll area behind it, so the form scrolls as the clerk meant. The same filter gives those
widgets ``StrongFocus`` when they are first polished, so a wheel turn does not focus them either.

The same filter makes every table and list one Tab stop (arrows move inside it): Qt's default
walked Tab cell by cell through every table, so a keyboard user could hardly leave one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARD_NAME = "wheelGuard"
GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Wheel events reach a combo box or spin box only while it has the focus."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(GUARD_NAME)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Polish and isinstance(watched, QAbstractItemView):
            watched.setTabKeyNavigation(False)
        elif kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            field = _guarded(watched)
            if field is not None and not _focused(field):
                assert isinstance(watched, QWidget)
                _pass_on(watched, field, event)
                return True
        return False


def _guarded(watched: QObject) -> QWidget | None:
    """The combo or spin box ``watched`` belongs to (a spin box's text field is its child)."""
    widget = watched if isinstance(watched, QWidget) else None
    while widget is not None:
        if isinstance(widget, GUARDED):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def _focused(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def _pass_on(watched: QWidget, field: QWidget, event: QWheelEvent) -> None:
    """Offer the wheel to what lies behind ``field``, parent by parent, until one takes it (in the
    end the scroll area). Qt does not pass a consumed or a sent wheel event on by itself."""
    position = QPointF(watched.mapTo(field, event.position().toPoint()))
    widget: QWidget | None = field
    while widget is not None and not widget.isWindow():
        position = QPointF(widget.mapToParent(position.toPoint()))
        widget = widget.parentWidget()
        if widget is None:
            return
        moved = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        QApplication.sendEvent(widget, moved)
        if moved.isAccepted():
            return


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (later calls return the installed one)."""
    existing = app.findChild(WheelGuard, GUARD_NAME)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
