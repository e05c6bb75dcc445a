"""The interface language: Khmer by default, English second, switchable while the app runs.

The choice is kept per data folder in ``ui.ini`` (no secrets in it) so it is known before anyone
signs in. Switching replaces the installed ``QTranslator``; Qt then sends ``LanguageChange`` to every
widget and each of our widgets rebuilds its texts in ``retranslate()``.

A status line (what an action just did: "Saved: …", "Sent 3 pages to the printer.", an error) is
set when the action ends, not in ``retranslate()``; :func:`show_status` keeps how its text was made
and makes it again after a switch, so no status line stays in the language it was written in.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSettings, QTranslator
from PySide6.QtWidgets import QLabel

from ..resources import PACKAGE_ROOT, frozen_root, translations_folder

LANGUAGES = ("km", "en")
DEFAULT_LANGUAGE = "km"
SETTINGS_FILE = "ui.ini"
SOURCE_FOLDER = PACKAGE_ROOT.parent / "i18n"  # the .ts sources, in a checkout only

_translator: QTranslator | None = None
_qt_translator: QTranslator | None = None  # Khmer for Qt's own dialogs and menus
QT_STRINGS = "shsc_qt_{lang}.qm"  # from i18n/shsc_qt_km.ts (Qt ships no Khmer)
_current = "en"  # what the source strings are written in


def language_name(lang: str) -> str:
    """Each language is named in itself, so anyone can find their own."""
    return {"km": "ខ្មែរ", "en": "English"}[lang]


def current_language() -> str:
    return _current


def preferences(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / SETTINGS_FILE), QSettings.Format.IniFormat)


def saved_language(data_dir: Path) -> str:
    value = str(preferences(data_dir).value("language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(data_dir: Path, lang: str) -> None:
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    settings = preferences(data_dir)
    settings.setValue("language", lang)
    settings.sync()


def set_language(lang: str) -> None:
    """Install the translator for ``lang`` (``LanguageChange`` reaches every widget)."""
    global _translator, _qt_translator, _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator(app)
    if not translator.load(str(translations_folder() / f"shsc_{lang}.qm")) and lang != "en":
        raise FileNotFoundError(f"The {lang} translation is missing from {translations_folder()}.")
    qt_translator: QTranslator | None = QTranslator(app)
    assert qt_translator is not None
    if not qt_translator.load(str(translations_folder() / QT_STRINGS.format(lang=lang))):
        qt_translator = None  # English: Qt's own strings are the source
    for old in (_translator, _qt_translator):
        if old is not None:
            app.removeTranslator(old)
            old.deleteLater()
    _translator, _qt_translator = translator, qt_translator
    if qt_translator is not None:
        app.installTranslator(qt_translator)
    app.installTranslator(translator)  # installed last, so looked up first
    _current = lang
    QLocale.setDefault(QLocale(QLocale.Language.Khmer if lang == "km" else QLocale.Language.English))


class _StatusText(QObject):
    """Makes a label's status text again on ``LanguageChange``, while the label still shows it."""

    def __init__(self, label: QLabel, make: Callable[[], str]) -> None:
        super().__init__(label)
        self.make = make
        self.shown = make()
        label.setText(self.shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The page's own retranslate() runs first; a text it set there is left alone.
        if not (event.type() == QEvent.Type.LanguageChange and isinstance(watched, QLabel)):
            return False
        if watched.text() == self.shown:
            self.shown = self.make()
            watched.setText(self.shown)
        return False


def show_status(label: QLabel, make: Callable[[], str]) -> None:
    """Show ``make()`` in ``label`` now and again after every language switch, until another text
    is shown there (``make`` calls ``tr`` each time, so it answers in the current language)."""
    for old in label.findChildren(_StatusText):
        label.removeEventFilter(old)
        old.setParent(None)
        old.deleteLater()
    label.installEventFilter(_StatusText(label, make))


def lrelease_program() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    candidate = Path(sys.executable).parent / (
        "pyside6-lrelease" + (".exe" if sys.platform == "win32" else "")
    )
    return str(candidate) if candidate.exists() else None


def compile_translations(force: bool = False) -> list[Path]:
    """Compile ``i18n/*.ts`` into the package's ``.qm`` files when missing or stale (checkouts only;
    frozen builds and wheels ship the compiled files). Returns the files written."""
    if frozen_root() is not None or not SOURCE_FOLDER.is_dir():
        return []
    program = lrelease_program()
    target = translations_folder()
    written: list[Path] = []
    for ts in sorted(SOURCE_FOLDER.glob("shsc_*.ts")):
        qm = target / (ts.stem + ".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if program is None:
            raise FileNotFoundError("pyside6-lrelease is needed to compile the translations.")
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run([program, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written
