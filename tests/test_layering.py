"""The dependency rule of DESIGN.md §2: views → services → exports → security → models → values.

The rule itself is the import-linter contracts in ``pyproject.toml`` (``lint-imports``, run by
``make lint``); these tests run them with the suite, show that they catch the imports the old
source-scanning test let through (``from PySide6 import QtWidgets``, relative imports reaching up a
floor, cycles), and keep the one check a graph of imports cannot make: views open no session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "shsc_desktop"
# next to this Python (the venv's Scripts\ or bin/); which() adds .exe on Windows
LINT_IMPORTS = shutil.which("lint-imports", path=str(Path(sys.executable).parent))


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package found in ``root`` (a copy, or the real tree)."""
    assert LINT_IMPORTS is not None, f"lint-imports is not installed next to {sys.executable}"
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [LINT_IMPORTS, "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(PACKAGE, tmp_path / "shsc_desktop", ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    return tmp_path


def _add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text("utf-8") + f"\n{line}\n", "utf-8")


def test_the_contracts_catch_what_the_old_test_let_through(tmp_path: Path) -> None:
    copy = _copy_of_the_package(tmp_path)
    pkg = copy / "shsc_desktop"
    _add_line(pkg / "services" / "home.py", "from PySide6 import QtWidgets  # noqa")  # Qt in a service
    _add_line(pkg / "exports" / "pdf_common.py", "from ..services import contacts  # noqa")  # up a floor
    _add_line(pkg / "views" / "district.py", "from . import exchange  # noqa")  # a cycle among views
    _add_line(pkg / "views" / "home.py", "from sqlalchemy import select  # noqa")  # SQL in a view

    result = _lint_imports(copy)

    assert result.returncode != 0
    out = " ".join(result.stdout.split())
    assert "shsc_desktop.services.home -> PySide6" in out
    assert "shsc_desktop.exports.pdf_common -> shsc_desktop.services.contacts" in out
    assert "No cycles are allowed in shsc_desktop.views" in out
    assert "shsc_desktop.views.home -> sqlalchemy" in out
    assert "4 broken" in out


def test_views_open_no_session() -> None:
    # A view reaching an open office's engine needs no import: refuse the calls by name.
    offenders = []
    for path in sorted((PACKAGE / "views").rglob("*.py")):
        text = path.read_text("utf-8")
        for needle in (".transaction(", ".reading()", "session.execute", ".engine."):
            if needle in text:
                offenders.append(f"{path.relative_to(PACKAGE)} uses {needle}")
    assert offenders == []
