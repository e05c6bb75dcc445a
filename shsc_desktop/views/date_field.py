"""The one date field of every form: year, month and day typed in three small boxes.

``QDateEdit`` made dates very hard to enter: an empty date's calendar opened at January 1900,
typing "2027-01-15" into an empty date gave "–20270115", Tab could not leave an empty date, and
after a 4-digit year the cursor jumped so "2026 Tab 11 Tab 20" gave 2026-01-11. Here:

- three boxes, each showing its pattern while empty (YYYY – MM – DD, translated); Tab and Shift+Tab
  go from box to box, and Tab on a wholly empty date leaves it;
- the cursor never jumps: a box moves on to the next only when the clerk types a separator
  ("-", "/", "." or space) or a digit that no longer fits;
- the calendar (the button, F4 or Alt+Down) opens at the date, or at today when the date is empty;
- a half-typed or impossible date is marked and reported, never saved as "no date".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .screen import place_popup

SEPARATORS = frozenset("-/. ")
INVALID_STYLE = "QLineEdit { border: 1px solid #b00020; }"
YEARS = (1900, 2100)


class _Box(QLineEdit):
    def __init__(self, name: str, digits: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.digits = digits
        self.setMaxLength(digits)
        self.setValidator(QIntValidator(0, 10**digits - 1, self))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        width = self.fontMetrics().horizontalAdvance("0" * (digits + 2)) + 12
        self.setFixedWidth(max(width, 44 if digits == 4 else 34))

    def full(self) -> bool:
        return len(self.text()) >= self.digits


class DateField(QWidget):
    """An optional date; ``value()`` gives a ``date`` or ``None`` (empty, or not a real date).

    Signals:
        changed(): the text of one of the boxes changed.
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.year = _Box(f"{name}Year", 4)
        self.month = _Box(f"{name}Month", 2)
        self.day = _Box(f"{name}Day", 2)
        self.boxes = (self.year, self.month, self.day)
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName(f"{name}Calendar")
        self.calendar_button.setText("▾")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F4 / Alt+Down from the keyboard
        self.calendar_button.clicked.connect(self.open_calendar)
        self.popup: _CalendarPopup | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for i, box in enumerate(self.boxes):
            if i:
                layout.addWidget(QLabel("-"))
            layout.addWidget(box)
            box.installEventFilter(self)
            box.textChanged.connect(self._edited)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)
        self.setFocusProxy(self.year)
        self.retranslate()
        self._edited()

    # -- value ------------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(box.text() for box in self.boxes)

    def is_valid(self) -> bool:
        """Empty, or a real date between 1900 and 2100."""
        return self.is_empty() or self._date() is not None

    def value(self) -> date | None:
        return self._date()

    def set_value(self, value: date | None) -> None:
        texts = (
            ("", "", "") if value is None else (f"{value.year:04d}", f"{value.month:02d}", f"{value.day:02d}")
        )
        for box, text in zip(self.boxes, texts, strict=True):
            box.setText(text)

    def text(self) -> str:
        return "-".join(box.text() for box in self.boxes) if not self.is_empty() else ""

    def _date(self) -> date | None:
        try:
            year, month, day = (int(box.text()) for box in self.boxes)
        except ValueError:
            return None
        if not YEARS[0] <= year <= YEARS[1]:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            return None

    def _edited(self) -> None:
        empty = self.is_empty()
        # An empty date is one Tab stop: month and day join the chain once a year is typed.
        for box in (self.month, self.day):
            box.setFocusPolicy(Qt.FocusPolicy.ClickFocus if empty else Qt.FocusPolicy.StrongFocus)
        complete = all(box.full() for box in self.boxes)
        bad = not empty and complete and self._date() is None
        for box in self.boxes:
            box.setStyleSheet(INVALID_STYLE if bad else "")
        self.changed.emit()

    # -- keys -------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self.boxes:
            assert isinstance(watched, _Box) and isinstance(event, QKeyEvent)
            return self._key(watched, event)
        return False

    def _key(self, box: _Box, event: QKeyEvent) -> bool:
        key = event.key()
        text = event.text()
        index = self.boxes.index(box)
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return True
        if text and text in SEPARATORS:
            if box.text() and index < 2:
                self._enter(self.boxes[index + 1])
            return True  # never typed into a box
        at_end = box.cursorPosition() == len(box.text()) and not box.hasSelectedText()
        if text.isdigit() and box.full() and at_end and index < 2:
            following = self.boxes[index + 1]  # the digit no longer fits: it starts the next box
            self._enter(following)
            following.insert(text)
            return True
        if key == Qt.Key.Key_Backspace and not box.text() and index > 0:
            self._enter(self.boxes[index - 1])
            return True
        return False

    def _enter(self, box: _Box) -> None:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        box.selectAll()

    # -- calendar ---------------------------------------------------------------------------------

    def open_calendar(self) -> None:
        """The calendar at the date shown, or at today when the date is empty or incomplete."""
        self.popup = _CalendarPopup(self)
        shown = self.value() or date.today()
        self.popup.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.popup.calendar.setCurrentPage(shown.year, shown.month)
        self.popup.picked.connect(self._picked)
        place_popup(self.popup, self)  # under the field, on the screen
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, value: date) -> None:
        self.set_value(value)
        self.year.setFocus(Qt.FocusReason.PopupFocusReason)

    def retranslate(self) -> None:
        self.year.setPlaceholderText(self.tr("YYYY"))
        self.month.setPlaceholderText(self.tr("MM"))
        self.day.setPlaceholderText(self.tr("DD"))
        self.calendar_button.setToolTip(self.tr("Calendar (F4)"))
        self.setToolTip(self.tr("Year, month, day"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _CalendarPopup(QWidget):
    picked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("calendarPopup")
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("calendar")
        self.calendar.setGridVisible(True)
        self.calendar.activated.connect(self._chosen)
        self.calendar.clicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)

    def _chosen(self, value: QDate) -> None:
        self.picked.emit(date(value.year(), value.month(), value.day()))
        self.close()


def invalid_dates(root: QWidget) -> list[DateField]:
    """The date fields under ``root`` holding a half-typed or impossible date (visible ones)."""
    return [
        field for field in root.findChildren(DateField) if field.isVisibleTo(root) and not field.is_valid()
    ]


def focus_first_invalid(root: QWidget) -> bool:
    """Put the focus in the first bad date under ``root``; ``True`` if there was one."""
    found = invalid_dates(root)
    if not found:
        return False
    found[0].year.setFocus(Qt.FocusReason.OtherFocusReason)
    return True
