"""What "fits the office screen" means, checked on real, shown widgets.

A window fits when
- its smallest possible size (its minimum size, which a layout raises to what its contents need) is
  no larger than the screen's available area, so the window manager can always show all of it;
- its frame, as opened, lies inside the available area;
- every visible button (push buttons, check boxes, radio buttons, tool buttons) lies inside the
  window and is not cut off by a parent — unless it sits in a scroll area, where it only has to lie
  inside the scrolled content (the user scrolls to it) and the scroll area itself has to be visible.

Used by ``screen_cases.py``, which the geometry test runs on emulated office screens.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialogButtonBox,
    QScrollArea,
    QTabWidget,
    QWidget,
    QWizard,
)

from shsc_desktop.views.i18n import current_language

# name → (width, height, device pixel ratio): the available area in logical pixels.
# 1024×768 at 100%; 1024×768 at 125% is 819×614 logical, less a 54 px taskbar → 819×560; and the
# common 1366×768 laptop.
SCREENS = {
    "1366x768": (1366, 768, 1.0),
    "1024x768": (1024, 768, 1.0),
    "819x560": (819, 560, 1.25),
}
SCREEN_VARIABLE = "SHSC_TEST_SCREEN"
SHOTS_VARIABLE = "SHSC_TEST_SHOTS"  # a folder: save what was checked as PNG files
ALWAYS_SHOWN = {"confirmImportButton", "discardImportButton"}
WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)


def platform_for(name: str, folder: Path) -> str:
    """The ``QT_QPA_PLATFORM`` value that makes the offscreen platform emulate ``name``."""
    width, height, ratio = SCREENS[name]
    config = folder / f"screen-{name}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": f"office-{name}",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": ratio,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    return f"offscreen:configfile={config}"


def emulated_screen() -> str:
    return os.environ.get(SCREEN_VARIABLE, "")


def available() -> QRect:
    screen = QApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def _label(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text!r}" if text else name


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _scroll_area_of(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area whose viewport holds ``widget`` (below ``window``)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return grand
        parent = grand
    return None


def _clipped(widget: QWidget, top: QWidget) -> bool:
    """Whether ``top`` or any widget between them cuts off part of ``widget``."""
    rect = _rect_in(widget, top)
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if not _rect_in(parent, top).contains(rect):
            return True
        parent = parent.parentWidget()
    return not top.rect().contains(rect)


def _always_shown(button: QAbstractButton, window: QWidget) -> bool:
    """Buttons that must be on screen without scrolling: a dialog's or wizard's own buttons and the
    import's Confirm/Cancel bar."""
    if button.objectName() in ALWAYS_SHOWN:
        return True
    if isinstance(window, QWizard) and button in {window.button(b) for b in WIZARD_BUTTONS}:
        return True
    parent = button.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QDialogButtonBox):
            return True
        parent = parent.parentWidget()
    return False


def button_problems(window: QWidget) -> list[str]:
    problems: list[str] = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        if _always_shown(button, window):
            if _clipped(button, window):
                problems.append(f"button {_label(button)} is not shown without scrolling")
            continue
        area = _scroll_area_of(button, window)
        if area is None:
            if _clipped(button, window):
                problems.append(f"button {_label(button)} is cut off at {_rect_in(button, window)}")
            continue
        content = area.widget() if hasattr(area, "widget") else None
        if isinstance(content, QWidget) and not content.rect().contains(_rect_in(button, content)):
            problems.append(f"button {_label(button)} lies outside its scrolled content")
        if _clipped(area, window):
            problems.append(f"scroll area {_label(area)} holding {_label(button)} is cut off")
    return problems


def sideways_problems(window: QWidget) -> list[str]:
    """Pages and forms reflow to the width they get: none scrolls sideways (lists may)."""
    return [
        f"{_label(area)} scrolls sideways ({area.widget().minimumSizeHint().width()} px wide content)"
        for area in window.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible() and area.window() is window
    ]


def window_problems(window: QWidget, what: str) -> list[str]:
    """Everything that does not fit, each as one line naming ``what`` was shown."""
    screen = available()
    problems: list[str] = []
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint())
    if minimum.width() > screen.width() or minimum.height() > screen.height():
        problems.append(f"minimum size {minimum.width()}×{minimum.height()}")
    frame = window.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"frame {frame.x()},{frame.y()} {frame.width()}×{frame.height()}")
    problems += button_problems(window)
    problems += sideways_problems(window)
    shots = os.environ.get(SHOTS_VARIABLE)
    if shots:  # for a person looking at the result
        name = "".join(c if c.isalnum() else "-" for c in what)[:80]
        window.grab().save(str(Path(shots) / f"{name}-{current_language()}.png"))
    return [f"{what} on {screen.width()}×{screen.height()}: {p}" for p in problems]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def every_tab_problems(window: QWidget, what: str) -> list[str]:
    """``window_problems`` for each page of each tab widget in the window (nested ones too)."""
    settle()
    problems = window_problems(window, what)
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            problems += window_problems(window, f"{what}, tab {tabs.tabText(index)!r}")
        tabs.setCurrentIndex(current)
    return sorted(set(problems), key=problems.index)
