"""The build compiles the translations into the package, so that ``pip install .``, a wheel and the
frozen build all start in Khmer (the ``.qm`` files are build output, not kept in git).

Everything else about the package is in ``pyproject.toml``; this file only adds that build step.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def lrelease() -> str:
    """Qt's translation compiler, from PySide6-Essentials (a build requirement)."""
    import PySide6

    program = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not program.exists():
        raise SystemExit(f"build: Qt's lrelease is missing ({program}); the translations cannot be compiled")
    return str(program)


class BuildWithTranslations(build_py):
    """``build_py`` plus ``i18n/shsc_*.ts`` → ``shsc_desktop/i18n/shsc_*.qm`` in the build."""

    def run(self) -> None:
        super().run()
        sources = sorted((ROOT / "i18n").glob("shsc_*.ts"))
        if not sources:
            raise SystemExit("build: no i18n/shsc_*.ts: the package would start without its translations")
        target = Path(self.build_lib) / "shsc_desktop" / "i18n"
        target.mkdir(parents=True, exist_ok=True)
        for ts in sources:
            subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(target / f"{ts.stem}.qm")], check=True)


setup(cmdclass={"build_py": BuildWithTranslations})
