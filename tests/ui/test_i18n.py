"""Translations: the .ts files are up to date with the code, complete in Khmer, and keep their
placeholders; Qt's own button texts are replaced by ours."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from shsc_desktop.views import i18n
from shsc_desktop.views.wizard import SetupWizard

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = {lang: ROOT / "i18n" / f"shsc_{lang}.ts" for lang in ("km", "en")}
PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def _tools():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(lang: str) -> list[ET.Element]:
    return list(ET.parse(TS_FILES[lang]).getroot().iter("message"))


def test_ts_files_are_up_to_date_with_the_code():
    assert _tools().is_up_to_date(), "run: python tools/i18n.py update"


@pytest.mark.parametrize("lang", ["km", "en"])
def test_every_translation_keeps_its_placeholders(lang):
    for message in _messages(lang):
        source = message.findtext("source") or ""
        forms = [f.text or "" for f in message.iter("numerusform")]  # %n plurals: every form
        for translation in forms or [message.findtext("translation") or ""]:
            if translation:
                assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source


def test_no_khmer_translation_is_unfinished():
    unfinished = [
        message.findtext("source")
        for message in _messages("km")
        if message.find("translation").get("type") == "unfinished" or not message.findtext("translation")
    ]
    assert unfinished == []


def test_no_html_in_translatable_strings():
    for message in _messages("km"):
        assert not re.search(r"<[a-zA-Z/]", message.findtext("source") or "")


def test_wizard_buttons_are_in_khmer(qtbot, folder):
    i18n.set_language("km")
    wizard = SetupWizard(folder)
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "បន្ទាប់"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "បោះបង់"
    assert wizard.level_page.title() == "សូមស្វាគមន៍មកកាន់ SHSC Desktop"
    i18n.set_language("en")
    QCoreApplication.processEvents()  # LanguageChange is posted, not sent
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Next"
