"""Messages by code: every problem a service can give and every error code has its Khmer and English
text, and the views pick it by code, never by matching the English sentence."""

from __future__ import annotations

import importlib
import pkgutil
import re

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
