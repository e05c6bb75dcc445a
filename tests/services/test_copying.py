"""values.copying.same_named: a value built from the same-named fields of another."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from shsc_desktop.values.copying import same_named


@dataclass(frozen=True)
class Draft:
    name: str
    age: int | None = None
    worker: str | None = None


def test_fields_come_from_the_source_unless_given_or_kept_at_their_default() -> None:
    source = SimpleNamespace(name="a", age=3, worker="w")
    assert same_named(Draft, source) == Draft("a", 3, "w")
    assert same_named(Draft, source, age=4) == Draft("a", 4, "w")
    assert same_named(Draft, source, keep_default=("worker",)) == Draft("a", 3, None)


def test_a_field_the_source_lacks_is_an_error_not_a_silent_default() -> None:
    with pytest.raises(AttributeError):
        same_named(Draft, SimpleNamespace(name="a", age=3))
