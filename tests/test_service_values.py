"""No database row crosses from the services to the views (issue 12: "no database row types in service
return values").

A view that holds an ORM row can lazy-load from a closed session, or change a row that the next
flush writes without a permission check or an audit entry. The import contracts keep SQLAlchemy out
of the views, but a service could still hand a row over by value. This test reads the annotations of
everything the views reach: every public method of a ``*Service`` class, every function and class a
view imports from ``services``, and, through the dataclasses they return, every field — and refuses
any that names a mapped table class (``models.tables``).
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import shsc_desktop.models.tables  # noqa: F401  (maps the table classes into Base.registry)
import shsc_desktop.services as services_package
from shsc_desktop.models.base import Base

PACKAGE = Path(__file__).resolve().parents[1] / "shsc_desktop"
ROW_NAMES = frozenset(mapper.class_.__name__ for mapper in Base.registry.mappers)
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _service_modules() -> list[Any]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(services_package.__path__, services_package.__name__ + ".")
    ]


def _names_views_import() -> set[tuple[str, str]]:
    """(module, name) for every ``from ..services.X import name`` in the views."""
    found = set()
    for path in (PACKAGE / "views").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            is_from = isinstance(node, ast.ImportFrom) and node.module is not None
            if is_from and node.level == 2 and node.module.startswith("services"):  # ..services.x
                for alias in node.names:
                    found.add((f"shsc_desktop.{node.module}", alias.name))
    return found


def _rows_named(annotation: object) -> set[str]:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", repr(annotation))
    return set(IDENTIFIER.findall(str(text))) & ROW_NAMES


class _Audit:
    def __init__(self, module_of: Callable[[type], Any] | None = None) -> None:
        self.offences: list[str] = []
        self.seen: set[int] = set()
        # Where a class's annotations are resolved: the module that defines it.
        self.module_of = module_of or (lambda cls: importlib.import_module(cls.__module__))

    def value_type(self, owner: str, annotation: object, module: Any) -> None:
        """A returned type: no row named, and the fields of a dataclass it names checked too."""
        for name in _rows_named(annotation):
            self.offences.append(f"{owner} -> {name}")
        for identifier in IDENTIFIER.findall(str(annotation)):
            candidate = getattr(module, identifier, None)
            if inspect.isclass(candidate) and dataclasses.is_dataclass(candidate):
                self.dataclass(candidate)

    def dataclass(self, cls: type) -> None:
        if id(cls) in self.seen:
            return
        self.seen.add(id(cls))
        module = self.module_of(cls)
        for field in dataclasses.fields(cls):
            self.value_type(f"{cls.__module__}.{cls.__qualname__}.{field.name}", field.type, module)

    def function(self, owner: str, fn: Any, module: Any) -> None:
        annotation = getattr(fn, "__annotations__", {}).get("return")
        if annotation is not None:
            self.value_type(owner, annotation, module)

    def cls(self, cls: type) -> None:
        if id(cls) in self.seen:
            return
        if dataclasses.is_dataclass(cls):
            self.dataclass(cls)
        self.seen.add(id(cls))
        module = self.module_of(cls)
        for name, member in inspect.getmembers(cls):
            if name.startswith("_") or not (inspect.isfunction(member) or isinstance(member, property)):
                continue
            target = member.fget if isinstance(member, property) else member
            self.function(f"{cls.__module__}.{cls.__qualname__}.{name}", target, module)


def test_the_services_hand_the_views_values_not_rows() -> None:
    assert {"Incident", "Referral", "Meeting", "Contact", "User", "AuditEntry"} <= ROW_NAMES
    audit = _Audit()
    for module in _service_modules():
        for _name, member in inspect.getmembers(module, inspect.isclass):
            if member.__module__ == module.__name__ and member.__name__.endswith("Service"):
                audit.cls(member)
    for module_name, name in sorted(_names_views_import()):
        module = importlib.import_module(module_name)
        member = getattr(module, name)
        if inspect.isclass(member) and not issubclass(member, BaseException):
            audit.cls(member)
        elif inspect.isfunction(member):
            audit.function(f"{module_name}.{name}", member, module)
    assert len(audit.seen) > 50, "the check found almost nothing to read"
    assert audit.offences == []


def test_the_check_sees_a_row_handed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    # The attacker's shape: a service method, and a value's field, that return a mapped row.
    module = ModuleType("leaky")
    monkeypatch.setitem(sys.modules, "leaky", module)
    exec(
        "from __future__ import annotations\n"
        "import dataclasses\n"
        "@dataclasses.dataclass\n"
        "class LeakyView:\n"
        "    row: Incident | None\n"
        "class LeakyService:\n"
        "    def one(self) -> list[Referral]: ...\n"
        "    def view(self) -> LeakyView: ...\n"
        "    def fine(self) -> IncidentView: ...\n",
        module.__dict__,
    )
    audit = _Audit()
    audit.cls(module.LeakyService)
    assert sorted(audit.offences) == ["leaky.LeakyService.one -> Referral", "leaky.LeakyView.row -> Incident"]
