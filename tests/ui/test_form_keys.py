"""The keyboard in every record form (incident, referral, meeting, contact): Enter saves from any
field wherever Tab has been, and Tab visits the fields in the order the form shows them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shsc_desktop.models import gazetteer
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IncidentDraft, IncidentService
from shsc_desktop.views.contacts import ContactForm
from shsc_desktop.views.incident_form import IncidentForm
from shsc_desktop.views.meetings import MeetingForm
from shsc_desktop.views.record_form import RecordForm
from shsc_desktop.views.referrals import ReferralForm

from ..conftest import COMMUNE_CODE
from .conftest import wait_for_operations

FORMS = ["incident", "referral", "meeting", "contact"]


def _build(kind: str, office) -> RecordForm:
    if kind == "incident":
        return IncidentForm(office)
    if kind == "meeting":
        return MeetingForm(office)
    if kind == "contact":
        return ContactForm(office)
    ContactService(office).create(
        ContactDraft("health_centre", frozenset({"health"}), name_en="A centre", phone="012 345 678")
    )
    incident = IncidentService(office).create(
        IncidentDraft(
            date_reported=date.today(),
            classification=(False, False, True),
            village_code=gazetteer.villages(COMMUNE_CODE)[0].code,
            consent_services="yes",
        )
    )
    return ReferralForm(office, incident)


def _shown(qtbot, form: RecordForm) -> RecordForm:
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def _focus():
    return QApplication.focusWidget()


def _first_stop(qtbot, form: RecordForm):
    """Put the focus where Tab starts in the form: the first widget of its chain."""
    form.focusNextChild()
    qtbot.waitUntil(lambda: _focus() is not None and form.isAncestorOf(_focus()))
    return _focus()


@pytest.mark.parametrize("kind", FORMS)
def test_enter_saves_from_any_field_after_tab_went_past_save_and_cancel(qtbot, chief, kind):
    form = _shown(qtbot, _build(kind, chief))
    attempts: list[bool] = []
    form.save_button.clicked.connect(lambda: attempts.append(True))
    start = _first_stop(qtbot, form)
    passed = set()
    for _ in range(300):  # once round the whole form, past Save and Cancel, and back
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        passed.add(_focus())
        if _focus() is start:
            break
    assert {form.save_button, form.cancel_button} <= passed and _focus() is start
    assert form.save_button.isDefault()  # still shown as the button Enter presses
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert attempts == [True]
    assert form.isVisible() and form.error.isVisible()  # an empty form: the save was refused
    # From Cancel itself, Enter saves too (Space would cancel).
    form.cancel_button.setFocus()
    qtbot.waitUntil(form.cancel_button.hasFocus)
    qtbot.keyClick(form.cancel_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    wait_for_operations(qtbot)
    assert attempts == [True, True] and form.isVisible()
