"""Start the GUI: fonts, translations, crash handler, then the setup wizard or the sign-in window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources import font_files
from . import i18n
from .crash import install_excepthook
from .screen import give_menus_room

APP_NAME = "SHSC Desktop"
ORGANISATION = "CARE Cambodia"
FONT_POINT_SIZE = 10.5


def register_fonts(app: QApplication) -> QFont:
    """Register the bundled Noto fonts and make them the application font.

    Noto Sans Khmer comes first: its taller line height keeps stacked consonants and vowel signs
    inside every widget; Noto Sans fills in Latin letters, digits and punctuation.
    """
    families: list[str] = []
    for key in ("khmer", "latin"):
        font_id = QFontDatabase.addApplicationFont(str(font_files()[key]))
        if font_id < 0:
            raise RuntimeError(f"The bundled font {font_files()[key]} could not be loaded.")
        families.extend(QFontDatabase.applicationFontFamilies(font_id)[:1])
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(FONT_POINT_SIZE)
    app.setFont(font)
    return font


def prepare_application(data_dir: Path, argv: list[str] | None = None) -> QApplication:
    """The ``QApplication`` with name, fonts and the saved language (idempotent, also for tests)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APP_NAME)
    register_fonts(app)
    give_menus_room(app)
    i18n.compile_translations()
    i18n.set_language(i18n.saved_language(data_dir))
    return app


def run_gui(data_dir: Path, demo_credentials: dict[str, str] | None = None) -> int:
    """Run the desktop application on ``data_dir`` until the last window closes."""
    from ..logs import start_logging
    from .shell import AppShell

    app = prepare_application(Path(data_dir))
    install_excepthook(start_logging(Path(data_dir)))
    shell = AppShell(Path(data_dir), demo_credentials=demo_credentials)
    shell.start()
    from .bench_hook import install_if_requested

    install_if_requested(app)
    try:
        return app.exec()
    finally:
        shell.shutdown()
