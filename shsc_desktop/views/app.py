"""Start the GUI: fonts, translations, crash handler, then the setup wizard or the sign-in window."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from ..errors import ShscError
from ..resources import font_files
from . import i18n
from .crash import install_excepthook
from .instance import InstanceLock
from .look import apply_look
from .messages import show_error, show_message
from .screen import give_menus_room
from .wheel_guard import install_wheel_guard

if TYPE_CHECKING:
    from ..services.data_location import DataLocation, Notice

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
    apply_look(app)
    register_fonts(app)
    install_wheel_guard(app)
    give_menus_room(app)
    i18n.compile_translations()
    i18n.set_language(i18n.saved_language(data_dir))
    return app


def run_until_quit(app: QApplication) -> int:
    """``app.exec()``, leaving no second quit behind.

    When the last window closes, Qt posts a Quit event; a box whose ``finished`` also quits ends
    the loop first, and that Quit is then handled after ``exec()`` returned, marking the thread's
    next event loops to end at once. Nothing would run after it in the installed app (the process
    exits), but an in-process caller (the tests, the self-test) would find every later event loop
    dead and background work never reporting back. The stale event is dropped here.
    """
    try:
        return app.exec()
    finally:
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)


def run_gui_located(locate: Callable[[], DataLocation], planned: Path) -> int:
    """Run the desktop application on the office folder that ``locate`` finds.

    Finding it may first move an older office into this PC's folder (``services.data_location``),
    and that can fail. The failure is shown in a window: the windowed Windows build has no console
    (``sys.stderr`` is None), so an error printed there would leave the user with nothing at all.
    ``planned`` is the folder the office was to be found in; only its saved language is read. No log
    is started there: a ``logs`` folder in the still-empty PC folder would block the next move.
    """
    try:
        location = locate()
    except ShscError as error:
        app = prepare_application(Path(planned))
        box = show_error(None, error)  # held here: a parentless box without a reference is deleted
        box.finished.connect(lambda _result: app.quit())
        run_until_quit(app)
        return error.exit_status
    return run_gui(location.path, notices=location.notices)


def run_gui(
    data_dir: Path, demo_credentials: dict[str, str] | None = None, notices: Sequence[Notice] = ()
) -> int:
    """Run the desktop application on ``data_dir`` until the last window closes.

    ``notices`` (about the office folder, see ``services.data_location``) are shown above the first
    window.
    """
    from ..logs import start_logging, stop_logging

    app = prepare_application(Path(data_dir))
    install_excepthook(start_logging(Path(data_dir)))
    try:
        instance = InstanceLock(Path(data_dir))
        if not instance.acquire():
            # held here: a parentless box without a reference is deleted at once, leaving no window
            box = show_message(None, instance.refusal_text(), QMessageBox.Icon.Warning, app.quit)
            run_until_quit(app)
            del box
            return 1
        try:
            return _run_shell(app, Path(data_dir), demo_credentials, notices)
        finally:
            instance.release()
    finally:
        stop_logging()  # the log files are closed: a --demo office folder can be removed (Windows)


def _run_shell(
    app: QApplication, data_dir: Path, demo_credentials: dict[str, str] | None, notices: Sequence[Notice]
) -> int:
    from .data_notices import show_notices
    from .shell import AppShell

    shell = AppShell(Path(data_dir), demo_credentials=demo_credentials)
    shell.start()
    show_notices(shell.wizard or shell.unlock_window, notices)
    from .bench_hook import install_if_requested

    install_if_requested(app)
    try:
        return run_until_quit(app)
    finally:
        shell.shutdown()
