"""One look on every PC: under a dark system palette (Windows dark mode) the app still shows dark text
on light backgrounds — above all the recovery key, shown only once. Contrast is measured on the
rendered pixels (WCAG ratio, at least 4.5 : 1 for normal text)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget, QWizard

from shsc_desktop.views.app import prepare_application
from shsc_desktop.views.wizard import RECOVERY_PAGE

from .conftest import open_as_chief, wait_for_operations
from .test_wizard import _fill_account, click_indicator

LEFT_CLICK_WAIT = 15000


def dark_palette() -> QPalette:
    """What Windows 10/11 dark mode hands to Qt's native style."""
    palette = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: "#202020",
        QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#2b2b2b",
        QPalette.ColorRole.Text: "#ffffff",
        QPalette.ColorRole.Button: "#303030",
        QPalette.ColorRole.ButtonText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2b2b",
        QPalette.ColorRole.ToolTipText: "#ffffff",
    }.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark_system(qapp: QApplication, tmp_path) -> Iterator[QApplication]:
    """The system is in dark mode; then the app starts as it does on a PC (``prepare_application``)."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    prepare_application(tmp_path / "prefs")
    from shsc_desktop.views import i18n

    i18n.set_language("en")
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


def luminance(rgb: int) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def text_contrast(widget: QWidget) -> float:
    """Contrast between a rendered widget's background (its commonest colour) and its darkest or
    lightest text pixel, whichever differs most from the background."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = bytes(image.constBits())
    pixels = [int.from_bytes(raw[i : i + 3], "little") for i in range(0, len(raw), 4)]
    background = luminance(Counter(pixels).most_common(1)[0][0])
    text = max((luminance(p) for p in set(pixels)), key=lambda lum: abs(lum - background))
    light, dark = max(background, text), min(background, text)
    return (light + 0.05) / (dark + 0.05)


def readable_labels(root: QWidget) -> list[QLabel]:
    """Visible labels with text; disabled ones are exempt (WCAG 1.4.3: inactive components)."""
    return [
        w
        for w in root.findChildren(QLabel)
        if w.isVisible() and w.isEnabled() and w.text().strip() and w.width() > 8
    ]


def test_the_recovery_key_is_dark_on_cream_in_dark_mode(qtbot, dark_system, shell, folder):
    app = dark_system
    assert app.style().name().lower() == "fusion"
    shell.start()
    wizard = shell.wizard
    click_indicator(qtbot, wizard.level_page.radio["ministry"])
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    _fill_account(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY_PAGE, timeout=LEFT_CLICK_WAIT)
    page = wizard.recovery_page
    assert text_contrast(page.key_label) >= 4.5
    for label in readable_labels(page):
        assert text_contrast(label) >= 4.5, label.text()


def test_forms_and_reports_keep_their_contrast_in_dark_mode(qtbot, dark_system, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    window.show_section("reports")
    wait_for_operations(qtbot)
    reports = window.reports_page
    reports.notice.setText("Shared copy: counts below 5 are shown as <5.")
    reports.notice.show()
    assert text_contrast(reports.notice) >= 4.5
    window.show_section("incidents")
    form = window.incidents_page.open_new()
    qtbot.waitUntil(form.isVisible)
    labels = readable_labels(form)
    assert len(labels) > 10
    for label in labels:
        assert text_contrast(label) >= 4.5, label.text()
    form.reject()
