"""Building one plain value from the fields of the same names of another.

A register's view holds its draft's fields and more, a list row some of a view's, and both come
from a stored row (a mapped object or a result ``Row``) whose columns bear the same names. Spelt
out, ``name=source.name`` forty times over hides the few fields that differ; built here, those
few are the only ones a caller names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def same_named(cls: type[T], source: object, *, keep_default: Iterable[str] = (), **given: Any) -> T:
    """A ``cls`` (a dataclass) whose fields are ``given``, or left at their default when named in
    ``keep_default``, or else read from ``source``'s attribute of the same name (an
    ``AttributeError`` when it has none: a field is never silently left out)."""
    skip = {*given, *keep_default}
    values = {f.name: getattr(source, f.name) for f in fields(cls) if f.init and f.name not in skip}
    return cls(**values, **given)
