"""One look on every PC: the Fusion style and a light palette that the app sets itself.

Office PCs run Windows 10/11 with the native style, some in dark mode. The app colours a few labels
itself (the recovery key on cream, notes and banners on light backgrounds, red errors, green and
amber states); under a dark system palette their text was white on cream — the recovery key, shown
only once, was unreadable. So the app does not follow the system's colours: :func:`apply_look` sets
Fusion (the same widgets on Windows and Linux, the style the tests and screenshots use), asks Qt for
the light colour scheme, and installs :func:`light_palette`. Labels that set a background also set
their text colour (:func:`note_style`), so they stay readable whatever palette is in force.
``tests/ui/test_look.py`` renders the recovery-key page and the forms under a dark palette and
measures the contrast of the text the app colours.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

INK = "#1f2933"  # the text colour of the PDFs (exports.pdf_text.INK)


def note_style(background: str, padding: int = 6) -> str:
    """A style sheet for a label on a light background, with its own dark text."""
    return f"background: {background}; color: {INK}; padding: {padding}px;"


def light_palette() -> QPalette:
    """Fusion's light colours, fixed (not derived from the system's colour scheme)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#efefef",
        QPalette.ColorRole.WindowText: "#000000",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f7f7f7",
        QPalette.ColorRole.ToolTipBase: "#ffffdc",
        QPalette.ColorRole.ToolTipText: "#000000",
        QPalette.ColorRole.PlaceholderText: "#6b6b6b",
        QPalette.ColorRole.Text: "#000000",
        QPalette.ColorRole.Button: "#efefef",
        QPalette.ColorRole.ButtonText: "#000000",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#cacaca",
        QPalette.ColorRole.Mid: "#b8b8b8",
        QPalette.ColorRole.Dark: "#9f9f9f",
        QPalette.ColorRole.Shadow: "#767676",
        QPalette.ColorRole.Highlight: "#30578c",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#0b57d0",
        QPalette.ColorRole.LinkVisited: "#7b2d8b",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8c8c8c"))
    return palette


def apply_look(app: QApplication) -> None:
    """Fusion and the light palette, whatever the system's style and colour scheme."""
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: no dark title bars or dark native dialogs
        hints.setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(light_palette())
