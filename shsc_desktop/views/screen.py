"""Fitting windows onto the office screen: 1024×768 PCs, and laptops at 125% scaling (819×560 logical
pixels once the taskbar is taken off).

* :func:`fit_to_screen` – open a window at its preferred size, or smaller when the screen is smaller.
* :func:`place_popup` – a popup (the date field's calendar) under its field, kept on the screen.
* :func:`scrolling` – a frameless scroll area around a page, so that the page's minimum size never
  becomes the window's (the window can always be made as small as the screen).
* :class:`ScrollingTabs` – a tab widget whose pages scroll on their own, so that the tallest page does
  not set the height of all of them.
* :class:`FoldingColumns` – columns side by side while they fit, one under the other when narrower.
* :class:`FlowRow` – a row of controls (filters, buttons) that wraps onto more lines when narrow.
* :func:`give_menus_room` – menus keep Khmer's subscripts inside their last item (the calendar's month
  menu cut the foot of ធ្នូ).
* :class:`WrappingCheckBox` – a check box whose (long) text wraps instead of widening the window.

``tests/ui/test_screen_geometry.py`` opens every window on both screens and checks the result.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

# Room for the title bar and borders before a window is shown (its real frame is unknown until then).
FRAME_ALLOWANCE = QSize(16, 40)


def available_size(widget: QWidget) -> QSize:
    """The screen area ``widget`` can use (the screen it is on, else the primary screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height``, or to the screen's available area if that is smaller,
    and centre it on its screen (a dialog with a parent is centred by Qt over the parent)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    shown = window.isVisible()
    frame = window.frameGeometry().size() - window.geometry().size() if shown else FRAME_ALLOWANCE
    room = area.size() - frame
    window.resize(min(width, room.width()), min(height, room.height()))
    if window.parentWidget() is None:
        top_left = area.center() - window.rect().center()
        window.move(max(area.left(), top_left.x()), max(area.top(), top_left.y()))


def place_popup(popup: QWidget, anchor: QWidget) -> None:
    """Size ``popup`` and put it under ``anchor`` — above it when there is no room below — wholly
    inside the available area of the screen ``anchor`` is on (a field near the bottom or the right
    edge of a 1024×768 screen must not open its calendar partly off the screen)."""
    field = QRect(anchor.mapToGlobal(QPoint(0, 0)), anchor.size())
    screen = QGuiApplication.screenAt(field.center()) or anchor.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    popup.adjustSize()
    size = popup.size().boundedTo(area.size())
    x = max(area.left(), min(field.left(), area.right() + 1 - size.width()))
    y = field.bottom() + 1
    if y + size.height() > area.bottom() + 1:
        above = field.top() - size.height()
        y = above if above >= area.top() else area.bottom() + 1 - size.height()
    popup.setGeometry(x, max(area.top(), y), size.width(), size.height())


def scrolling(content: QWidget, name: str = "") -> QScrollArea:
    """``content`` in a frameless scroll area that fills it out: scroll bars appear only when the area
    is smaller than ``content``'s minimum size."""
    area = QScrollArea()
    if name:
        area.setObjectName(name)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


class ScrollingTabs(QTabWidget):
    """Tabs whose pages each sit in their own scroll area (a stacked widget is as tall as its tallest
    page otherwise). The page methods take and return the pages themselves, not their scroll areas."""

    def addTab(self, page: QWidget, label: str) -> int:  # type: ignore[override]
        return super().addTab(scrolling(page, f"{page.objectName() or 'page'}Scroll"), label)

    def page(self, index: int) -> QWidget | None:
        area = super().widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def widget(self, index: int) -> QWidget | None:
        return self.page(index)

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self.page(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:
        for index in range(self.count()):
            if self.page(index) is page:
                return index
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(page))


class FoldingColumns(QWidget):
    """Columns side by side when the width allows each its preferred width, else one under the other.

    Its minimum width is that of the widest column alone, so a scroll area around a form of columns
    never needs to scroll sideways.
    """

    def __init__(self, *columns: QLayout | QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        for column in columns:
            if isinstance(column, QLayout):
                self.box.addLayout(column, 1)
            else:
                self.box.addWidget(column, 1)

    def side_by_side_width(self) -> int:
        items = self._items()
        margins = self.box.contentsMargins()
        spacing = max(self.box.spacing(), 0) * (len(items) - 1)
        return sum(item.sizeHint().width() for item in items) + spacing + margins.left() + margins.right()

    def _items(self) -> list[QLayoutItem]:
        return [item for i in range(self.box.count()) if (item := self.box.itemAt(i)) is not None]

    def folded(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self) -> QSize:
        items = self._items()
        margins = self.box.contentsMargins()
        width = max((item.minimumSize().width() for item in items), default=0)
        return QSize(width + margins.left() + margins.right(), self.box.minimumSize().height())

    def resizeEvent(self, event: object) -> None:
        fold = self.width() < self.side_by_side_width()
        if fold != self.folded():
            self.box.setDirection(
                QBoxLayout.Direction.TopToBottom if fold else QBoxLayout.Direction.LeftToRight
            )
            self.updateGeometry()
        super().resizeEvent(event)  # type: ignore[arg-type]


class FlowRow(QLayout):
    """Widgets left to right, continuing on the next line when the width runs out (Qt's flow layout
    example). Use it for rows of filters or buttons that would otherwise set a page's minimum width
    to their sum; its minimum width is that of its widest item."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def add_widgets(self, *widgets: QWidget) -> FlowRow:
        for widget in widgets:
            self.addWidget(widget)
        return self

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        shown = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in shown) + self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, QSize]]]:
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint().boundedTo(QSize(width, 1 << 20)).expandedTo(item.minimumSize())
            if lines[-1] and used + size.width() > width:
                lines.append([])
                used = 0
            lines[-1].append((item, size))
            used += size.width() + self.spacing()
        return lines

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (when ``move``); returns the height needed."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for line in self._lines(area.width()):
            height = max((size.height() for _, size in line), default=0)
            if move:
                # What is left of the line goes to the items that want to grow (search fields).
                spare = (
                    area.width() - sum(size.width() for _, size in line) - self.spacing() * (len(line) - 1)
                )
                growing = [item for item, _ in line if item.expandingDirections() & Qt.Orientation.Horizontal]
                x = area.x()
                for item, size in line:
                    width = size.width() + (spare // len(growing) if item in growing and spare > 0 else 0)
                    item.setGeometry(QRect(x, y + (height - size.height()) // 2, width, size.height()))
                    x += width + self.spacing()
            y += height + self.spacing()
        return max(y - self.spacing() - area.y(), 0) + margins.top() + margins.bottom()


MENU_FOOT = 6  # px below a menu's last item: room for a subscript consonant and a vowel below it


class _MenuRoom(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QMenu):
            margins = watched.contentsMargins()
            if margins.bottom() < MENU_FOOT:
                watched.setContentsMargins(margins.left(), margins.top(), margins.right(), MENU_FOOT)
        return False


_menu_room: _MenuRoom | None = None


def give_menus_room(app: QObject) -> None:
    """Every menu of the application gets :data:`MENU_FOOT` below its last item (once per app)."""
    global _menu_room
    if _menu_room is None:
        _menu_room = _MenuRoom(app)
        app.installEventFilter(_menu_room)


class _ClickToToggle(QObject):
    def __init__(self, box: QCheckBox) -> None:
        super().__init__(box)
        self.box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.box.isEnabled()
        ):
            self.box.toggle()
            self.box.setFocus()
            return True
        return False


class WrappingCheckBox(QWidget):
    """A check box (``box``) with its text in a word-wrapped label beside it; clicking the text
    toggles the box, as with a plain check box."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.setObjectName(name)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.installEventFilter(_ClickToToggle(self.box))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.box.setAccessibleName(text)
