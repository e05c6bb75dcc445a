"""The Qt check of ``shsc-desktop self-test`` (the other checks are in ``services/selftest.py``).

It imports QtGui lazily (never QtWidgets), so the self-test runs without a display.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from .. import resources

GUI_MODULES = ("PySide6.QtWidgets", "PySide6.QtPrintSupport")
NATIVE_QPA = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}


def check_qt() -> str:
    """QtGui starts off-screen, loads the bundled fonts and translations; the platform plugins are there."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QCoreApplication.instance()
    if app is None:
        # No display needed: the check is about files and libraries, not about a screen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["shsc-desktop-selftest"])
    if not isinstance(app, QGuiApplication):
        raise AssertionError("a non-GUI QCoreApplication is already running")

    families: list[str] = []
    for path in resources.font_files().values():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise AssertionError(f"Qt could not load the font {path.name}")
        families.extend(QFontDatabase.applicationFontFamilies(font_id))

    loaded: list[str] = []
    folder = resources.translations_folder()
    for qm in sorted(folder.glob("*.qm")):
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise AssertionError(f"Qt could not load the translation {qm.name}")
        loaded.append(qm.stem)
    if resources.frozen_root() is not None and not loaded:
        raise AssertionError(f"no compiled translations in {folder}")

    # The widget modules the views need must be in the build; looked up, not imported, because
    # services never import widgets (the GUI itself imports them a moment later anyway).
    missing = [m for m in GUI_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise AssertionError(f"missing from this build: {', '.join(missing)}")

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    platforms = sorted(
        p.name.removeprefix("libq").removeprefix("q").split(".")[0] for p in plugins.glob("*q*.*")
    )
    native = NATIVE_QPA.get(sys.platform)
    if native and native not in platforms:
        raise AssertionError(f"the {native} platform plugin is missing (found: {', '.join(platforms)})")

    return (
        f"PySide6 {pyside_version} on {QGuiApplication.platformName()}, "
        f"fonts {', '.join(sorted(set(families)))}, "
        f"translations {', '.join(loaded) or 'none compiled'}, platform plugins {', '.join(platforms)}"
    )
