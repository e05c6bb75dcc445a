"""Messages by code: every problem a service can give and every error code has its Khmer and English
text, and the views pick it by code, never by matching the English sentence."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import shsc_desktop
from shsc_desktop import errors
from shsc_desktop.errors import ValidationFailed
from shsc_desktop.problems import CATALOGUE, Problem
from shsc_desktop.services import validation as v
from shsc_desktop.services.admin import AdminService
from shsc_desktop.views import i18n
from shsc_desktop.views.messages import error_text
from shsc_desktop.views.problem_texts import PROBLEM_TEXTS, problem_text

from .test_errors import _all_error_classes, _example

KHMER = re.compile("[\u1780-\u17ff]")


def _import_everything_below_the_views() -> None:
    for info in pkgutil.walk_packages(shsc_desktop.__path__, "shsc_desktop."):
        if ".views" in info.name or ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


def _filled(code: str) -> Problem:
    template = CATALOGUE[code]
    count = len(set(re.findall(r"%(\d)", template)))
    return Problem(code, template, *range(7, 7 + count))


def test_every_code_has_a_translation_entry_with_the_same_english() -> None:
    _import_everything_below_the_views()
    assert len(CATALOGUE) > 30
    missing = sorted(code for code in CATALOGUE if code not in PROBLEM_TEXTS)
    assert missing == [], "add these codes to views/problem_texts.py"
    drifted = sorted(code for code, english in CATALOGUE.items() if PROBLEM_TEXTS[code] != english)
    assert drifted == []


@pytest.mark.parametrize("lang", ["km", "en"])
def test_every_problem_code_reads_in_khmer_and_english(qapp, lang: str) -> None:
    _import_everything_below_the_views()
    i18n.set_language(lang)
    try:
        for code in CATALOGUE:
            problem = _filled(code)
            text = problem_text(problem)
            assert "%" not in text and all(p in text for p in problem.params), code
            if lang == "km":
                assert KHMER.search(text), f"{code} has no Khmer text"
            else:
                assert text == str(problem), code
    finally:
        i18n.set_language("en")


def test_every_error_code_reads_in_khmer(qapp) -> None:
    i18n.set_language("km")
    try:
        for cls in _all_error_classes():
            if cls is errors.ShscError or cls.code == "validation_failed":  # its problems: above
                continue
            text = error_text(_example(cls))
            assert KHMER.search(text), f"{cls.__name__} ({cls.code}) has no Khmer text"
    finally:
        i18n.set_language("en")


def test_two_ranges_that_read_alike_in_english_keep_their_own_numbers(qapp, chief) -> None:
    # The old views matched "Choose between" and showed every range as "between 1 and 60 minutes".
    with pytest.raises(ValidationFailed) as caught:
        AdminService(chief).set_auto_lock_minutes(0)
    minutes = caught.value.problems["auto_lock_minutes"]
    assert isinstance(minutes, Problem) and minutes.code == "minutes_range"
    months = v.MONTHS_RANGE(1, 24)
    i18n.set_language("km")
    try:
        assert problem_text(months) == "សូមជ្រើសចន្លោះពី 1 ដល់ 24 ខែ។"
        assert problem_text(minutes).endswith("នាទី។") and "24" not in problem_text(minutes)
    finally:
        i18n.set_language("en")
    assert problem_text(months) == "Choose between 1 and 24 months."
    assert str(months) == "Choose between 1 and 24 months."  # the command line prints the English


# The older modules moved to messages by code (issue 12): none of their raises may pass a sentence.
CODED_MODULES = (
    "shsc_desktop/exports/directory_io.py",
    "shsc_desktop/services/enrolment.py",
    "shsc_desktop/services/recovery.py",
    "shsc_desktop/cli/__init__.py",
    "shsc_desktop/cli/console.py",
    "shsc_desktop/cli/exchange_commands.py",
    "shsc_desktop/cli/office_commands.py",
    "shsc_desktop/cli/parser.py",
    "shsc_desktop/cli/report_commands.py",
    "shsc_desktop/cli/self_test.py",
    "shsc_desktop/cli/window.py",
    "shsc_desktop/services/lifecycle.py",
    "shsc_desktop/services/incidents.py",
    "shsc_desktop/services/referrals.py",
    "shsc_desktop/services/meetings.py",
    "shsc_desktop/services/contacts.py",
)


WORDS = re.compile(r"[A-Za-z]+ [A-Za-z]+")  # two words: a sentence, not a code or a separator


def _sentences_in_raises(source: str) -> list[tuple[int, str]]:
    """(line, text) of every English sentence a ``raise X(...)`` passes: an f-string, or a string
    with a space in it (codes, field names and reasons like "wrong_request" have none). Dict keys
    name fields (the command line's "recovery key" among them) and are not messages."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
            continue
        keys = {id(k) for d in ast.walk(node.exc) if isinstance(d, ast.Dict) for k in d.keys if k is not None}
        inside_fstrings = {
            id(c)
            for f in ast.walk(node.exc)
            if isinstance(f, ast.JoinedStr)
            for c in ast.walk(f)
            if c is not f
        }
        for part in ast.walk(node.exc):
            if id(part) in keys or id(part) in inside_fstrings:
                continue
            if isinstance(part, ast.JoinedStr):
                found.append((part.lineno, ast.unparse(part)))
            elif isinstance(part, ast.Constant) and isinstance(part.value, str) and WORDS.search(part.value):
                found.append((part.lineno, part.value))
    return found


def test_the_scan_finds_a_sentence_in_a_raise() -> None:
    sample = (
        "raise ValidationFailed({'to': f'{target} already exists'})\n"
        "raise ShscError('The file is empty.')\n"
        "raise ImportProblems([(1, 'Missing column(s): ' + names)])\n"
        "raise ValidationFailed({'recovery key': RECOVERY_KEY_ON_STDIN})\n"
        "raise EnrolmentRejected('wrong_request', NO_PENDING_REQUEST)\n"
    )
    assert [line for line, _text in _sentences_in_raises(sample)] == [1, 2, 3]


@pytest.mark.parametrize("path", CODED_MODULES)
def test_no_raise_in_the_older_modules_passes_an_english_sentence(path: str) -> None:
    source = (Path(shsc_desktop.__file__).parent.parent / path).read_text(encoding="utf-8")
    assert _sentences_in_raises(source) == [], f"{path}: use a message defined by code (problems.define)"


def test_an_error_carrying_a_coded_message_is_shown_by_its_code(qapp) -> None:
    from shsc_desktop.services.recovery import NO_OFFICE_IN

    error = errors.OfficeNotFound(NO_OFFICE_IN("/media/usb/office"))
    assert error_text(error) == "No office has been set up in /media/usb/office."
    i18n.set_language("km")
    try:
        shown = error_text(error)
    finally:
        i18n.set_language("en")
    assert KHMER.search(shown) and "/media/usb/office" in shown
