"""A Qt warning fails the test that caused it (``qt_log_level_fail`` in ``pyproject.toml``), except
the few the offscreen test platform always prints (``qt_log_ignore``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

INNER = """
from PySide6.QtCore import qWarning


def test_warns(qapp):
    qWarning("QObject::connect: No such signal QWidget::clickd()")


def test_offscreen_noise_is_ignored(qapp):
    qWarning("This plugin does not support raise()")
"""


def test_a_qt_warning_fails_its_test(tmp_path: Path) -> None:
    inner = tmp_path / "test_inner.py"
    inner.write_text(INNER, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(inner), "-c", str(ROOT / "pyproject.toml"),
         "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "-q"],
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert "1 failed, 1 passed" in result.stdout, result.stdout + result.stderr
    assert "test_warns" in result.stdout and "No such signal" in result.stdout
