"""What the screenshot tools share: the offscreen platform and fast key derivation (set before Qt and
the app are imported), the folder the pictures go to, a scratch folder with the app prepared, and
how a main window is opened on a section, let settle, saved and closed."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SHSC_KDF"] = "fast"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from shsc_desktop.services.office import UnlockedOffice  # noqa: E402
from shsc_desktop.views import operations  # noqa: E402
from shsc_desktop.views.app import prepare_application  # noqa: E402
from shsc_desktop.views.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1024, 768)  # the smallest office screen the app is made for


def settle() -> None:
    for _ in range(3):
        operations.wait_for_all()  # pages read on the runner
        for _ in range(5):
            QCoreApplication.processEvents()


def save(widget: QWidget, name: str) -> Path:
    settle()
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path.relative_to(ROOT))
    return path


@contextmanager
def scratch() -> Iterator[Path]:
    """A throw-away folder for the offices, with the application prepared (its preferences there)."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="shsc-shots-") as tmp:
        base = Path(tmp)
        prepare_application(base / "prefs")
        yield base


def open_window(office: UnlockedOffice, section: str, size: tuple[int, int] = SIZE) -> MainWindow:
    """The office's main window at ``size``, shown on ``section``."""
    window = MainWindow(office)
    window.resize(*size)
    window.show()
    window.show_section(section)
    return window


def close(window: QWidget) -> None:
    window.close()
    window.deleteLater()
    settle()
