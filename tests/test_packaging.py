"""A wheel built from the sources carries the compiled translations, so that ``pip install .`` and the
frozen build start in Khmer without ``make qm`` having been run (the .qm files are not in git).

The wheel is built from a clean copy of the sources (no compiled .qm in it) by pip, through the
project's own build step (``setup.py``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[1]
PIP_WHEEL = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]


def clean_copy(target: Path) -> Path:
    target.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "i18n", target / "i18n")
    shutil.copytree(
        ROOT / "shsc_desktop",
        target / "shsc_desktop",
        ignore=shutil.ignore_patterns("__pycache__", "*.qm"),
    )
    return target


def a_finished_translation(ts: Path) -> tuple[str, str, str]:
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.text and translation.get("type") is None
            if finished and message.get("numerus") != "yes":
                assert translation is not None and translation.text
                return context.findtext("name") or "", message.findtext("source") or "", translation.text
    raise AssertionError(f"no finished translation in {ts}")


@pytest.mark.slow
def test_a_wheel_holds_both_compiled_translations(tmp_path: Path) -> None:
    source = clean_copy(tmp_path / "src")
    assert not list(source.rglob("*.qm"))
    run = subprocess.run(
        [*PIP_WHEEL, "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (wheel,) = (tmp_path / "dist").glob("shsc_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for lang in ("km", "en"):
            assert f"shsc_desktop/i18n/shsc_{lang}.qm" in names
        archive.extract("shsc_desktop/i18n/shsc_km.qm", tmp_path / "unpacked")
    context, text, khmer = a_finished_translation(ROOT / "i18n" / "shsc_km.ts")
    translator = QTranslator()
    assert translator.load(str(tmp_path / "unpacked" / "shsc_desktop" / "i18n" / "shsc_km.qm"))
    assert translator.translate(context, text) == khmer
