"""Messages by code: what a service says about a field (or a refused request), for people to read.

A :class:`Problem` is the English sentence (it *is* a ``str``: the command line, the logs and old
comparisons keep working) plus a stable ``code`` and its ``params``. The views never translate the
English text: they look the code up in ``views/problem_texts.py`` and fill in the parameters, so
"Choose between 1 and 24 months." can never be shown as another sentence that starts alike.

Define each message once, where it is raised, with :func:`define`::

    REQUIRED = define("required", "This field is required.")
    MONTHS_RANGE = define("months_range", "Choose between %1 and %2 months.")

    problems.add("name", REQUIRED)
    raise ValidationFailed({"months": MONTHS_RANGE(1, 24)})

Every defined code must have its Khmer and English text (``tests/test_problem_codes.py``).
"""

from __future__ import annotations

from typing import Any

CATALOGUE: dict[str, str] = {}
"""Every defined code and its English template (``%1``, ``%2`` … for the parameters)."""


class Problem(str):
    """An English message with a stable ``code`` and ``params`` (already filled into the text).

    ``field`` names the column of an import file the problem is about (``in_field``); it is put
    before the text, as is, in English and in Khmer alike: it is the file's own column name.
    """

    code: str
    template: str
    params: tuple[str, ...]
    field: str

    def __new__(cls, code: str, template: str, *params: object, field: str = "") -> Problem:
        shown = tuple(str(p) for p in params)
        text = template
        for i, value in reversed(list(enumerate(shown, start=1))):  # %10 before %1
            text = text.replace(f"%{i}", value)
        problem = super().__new__(cls, f"{field}: {text}" if field else text)
        problem.code = code
        problem.template = template
        problem.params = shown
        problem.field = field
        return problem

    def __call__(self, *params: object) -> Problem:
        """The same message with its parameters filled in."""
        return Problem(self.code, self.template, *params, field=self.field)

    def in_field(self, field: str) -> Problem:
        """The same message about the column ``field`` of an import file ("name_km: …")."""
        return Problem(self.code, self.template, *self.params, field=field)

    def __reduce__(self) -> tuple[Any, tuple[object, ...]]:
        return _rebuild, (self.code, self.template, self.params, self.field)


def _rebuild(code: str, template: str, params: tuple[str, ...], field: str) -> Problem:
    return Problem(code, template, *params, field=field)


def define(code: str, template: str) -> Problem:
    """Register ``code`` with its English ``template``; returns the message without parameters."""
    known = CATALOGUE.setdefault(code, template)
    if known != template:
        raise ValueError(f"problem code {code!r} is defined twice with different texts")
    return Problem(code, template)
