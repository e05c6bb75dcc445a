"""The dependency rule of DESIGN.md §2, checked on the source: views → services → models.

Nothing outside ``views/`` imports Qt widgets (or any Qt module, except the explicitly lazy, GUI-free
Qt checks of the self-test); nothing in ``views/`` imports SQLAlchemy or opens a session.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "shsc_desktop"
NON_VIEW_PACKAGES = ["models", "security", "services", "exports"]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            prefix = "." * node.level
            names.append(prefix + node.module)
    return names


def _files(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


@pytest.mark.parametrize("sub", NON_VIEW_PACKAGES)
def test_core_packages_import_no_widgets(sub: str) -> None:
    offenders = []
    for path in _files(sub):
        for name in _imports(path):
            if (
                "QtWidgets" in name
                or name.endswith("views")
                or ".views." in name
                or name.startswith("..views")
            ):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_views_build_no_sql() -> None:
    offenders = []
    for path in _files("views"):
        for name in _imports(path):
            if name.startswith(("sqlalchemy", "sqlcipher3", "sqlite3")) or "models.engine" in name:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
        text = path.read_text("utf-8")
        # SQLAlchemy imports are refused above, so opening a session is the remaining way in.
        for needle in (".transaction()", ".reading()", "session.execute", ".engine."):
            if needle in text:
                offenders.append(f"{path.relative_to(PACKAGE)} uses {needle}")
    assert offenders == []


def test_the_rule_itself_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\n", "utf-8")
    assert any("QtWidgets" in n for n in _imports(bad))
