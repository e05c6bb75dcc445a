"""No wrapped label of a record form is cut off, in Khmer or English, at 1024×768.

Khmer lines are taller than Latin ones: a two-line Khmer label beside a fixed-height field (the
date) was drawn with its second line cut in half ("administrative decision, date"). Every visible
word-wrapped label must get at least the height its text needs at its width.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from shsc_desktop.views import i18n
from shsc_desktop.views.contacts import ContactForm
from shsc_desktop.views.incident_form import IncidentForm
from shsc_desktop.views.meetings import MeetingForm

from .conftest import wait_for_operations


def _clipped(form) -> list[tuple[str, str, int, int]]:
    out = []
    for label in form.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                out.append((label.objectName(), label.text()[:40], label.height(), need))
    return out


@pytest.mark.parametrize("lang", ["km", "en"])
def test_no_wrapped_label_of_a_record_form_is_cut_off(qtbot, chief, lang):
    i18n.set_language(lang)
    try:
        checked = 0
        for make in (IncidentForm, MeetingForm, ContactForm):
            form = make(chief)
            qtbot.addWidget(form)
            form.resize(1024, 768)
            form.show()
            qtbot.waitExposed(form)
            wait_for_operations(qtbot)
            if isinstance(form, IncidentForm):
                form.survivor_age.setValue(13)  # the child questions and the legal context
                form.action_boxes["mediation"].setChecked(True)
                qtbot.wait(20)
            checked += sum(1 for lab in form.findChildren(QLabel) if lab.isVisible() and lab.wordWrap())
            assert _clipped(form) == [], make.__name__
        assert checked > 20  # the check looked at the forms' wrapped labels
    finally:
        i18n.set_language("en")
