"""The calendar's month menu keeps the foot of ធ្នូ (December) inside the menu."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCalendarWidget, QToolButton

from shsc_desktop.views import i18n
from shsc_desktop.views.screen import give_menus_room


def lowest_ink_row(image) -> int:
    """The lowest row (from the top) with text-dark pixels, away from the frame's side borders."""
    for y in range(image.height() - 1, -1, -1):
        for x in range(3, image.width() - 3):
            if QColor(image.pixel(x, y)).lightness() < 90:
                return y
    return -1


def test_the_month_menu_shows_the_whole_last_month_in_khmer(qtbot) -> None:
    give_menus_room(QApplication.instance())
    i18n.set_language("km")
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.show()
    menu = calendar.findChild(QToolButton, "qt_calendar_monthbutton").menu()
    assert menu.actions()[-1].text() == "ធ្នូ"
    menu.popup(calendar.mapToGlobal(calendar.rect().topLeft()))
    qtbot.waitUntil(menu.isVisible)
    image = menu.grab().toImage()
    assert lowest_ink_row(image) < image.height() - 4  # the subscript's foot is drawn, not cut
    menu.close()
