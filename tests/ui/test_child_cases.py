"""A child case entered as a commune clerk does it (issue 11): keyboard only through each consent
route, a half-answered route refused with the focus on it, the mediation caution and the "?"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IncidentService
from shsc_desktop.views.incident_form import IncidentForm

from .conftest import answer_incident_questions, choose, wait_for_operations
from .test_safe_forms import _arrow_to, _tab_to, _type

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()

ROUTE_ANSWERS = {
    "guardian": {},
    "trusted_adult": {"child_consent_reason": "guardian_is_offender"},
    "best_interests": {"child_consent_reason": "child_at_risk", "child_consent_decided_by": "commune_chief"},
}


def _form(qtbot, office) -> IncidentForm:
    form = IncidentForm(office)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    wait_for_operations(qtbot)  # the directory's child-protection providers, read in the background
    return form


@pytest.mark.parametrize("route", list(ROUTE_ANSWERS))
def test_a_child_case_is_entered_with_the_keyboard_through_each_route(qtbot, chief, route):
    ContactService(chief).create(
        ContactDraft(
            "dosvy", frozenset({"child_protection"}), name_en="Social affairs office", phone="023 000 111"
        )
    )
    form = _form(qtbot, chief)
    assert not form.child_section.isVisibleTo(form)  # age unknown: no child questions
    form.date_reported.year.setFocus()
    qtbot.waitUntil(form.date_reported.year.hasFocus)
    for field in ("reported_by", "first_contact", "location_type", "time_of_day", "previously_reported"):
        _tab_to(qtbot, getattr(form, field))
        _arrow_to(
            qtbot,
            getattr(form, field),
            {"reported_by": "family", "first_contact": "yes"}.get(field, "unknown"),
        )
    _tab_to(qtbot, form.survivor_sex)
    _arrow_to(qtbot, form.survivor_sex, "female")
    _tab_to(qtbot, form.survivor_age)
    _type(qtbot, ["13"])
    for field, code in (("marital_status", "single"), ("disability", "none")):
        _tab_to(qtbot, getattr(form, field))
        _arrow_to(qtbot, getattr(form, field), code)
    helper = form.classification
    _tab_to(qtbot, helper.yes_buttons[0])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    _tab_to(qtbot, helper.yes_buttons[1])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert helper.gbv_type() == "sexual_assault"
    assert form.child_section.isVisibleTo(form)
    assert "Social affairs office (023 000 111)" in form.child_protection_contacts.text()
    for field, code in (("goods_exchanged", "no"), ("risk_level", "high"), ("consent_services", "yes")):
        _tab_to(qtbot, getattr(form, field))
        _arrow_to(qtbot, getattr(form, field), code)
    _tab_to(qtbot, form.consent_reporting)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    _tab_to(qtbot, form.child_consent_route)
    _arrow_to(qtbot, form.child_consent_route, route)
    for field, code in ROUTE_ANSWERS[route].items():
        _tab_to(qtbot, getattr(form, field))
        _arrow_to(qtbot, getattr(form, field), code)
    _tab_to(qtbot, form.child_protection_referral)
    _arrow_to(qtbot, form.child_protection_referral, "referred")
    _tab_to(qtbot, form.legal_duty_reported)
    _arrow_to(qtbot, form.legal_duty_reported, "yes")
    # Tab goes on round the form, past Save and Cancel, back to the last field: Enter saves.
    _tab_to(qtbot, form.cancel_button)
    _tab_to(qtbot, form.legal_duty_reported)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert not form.isVisible(), (
        form.error.text(),
        [(k, lab.text()) for k, lab in form.problems.labels.items() if lab.text()],
    )
    (row,), _ = IncidentService(chief).query()
    stored = IncidentService(chief).get(row.id)
    assert (stored.survivor_age, stored.child_consent_route, stored.consent_reporting) == (13, route, True)
    assert stored.child_consent_reason == ROUTE_ANSWERS[route].get("child_consent_reason", "")
    assert stored.child_consent_decided_by == ROUTE_ANSWERS[route].get("child_consent_decided_by", "")
    assert (stored.child_protection_referral, stored.legal_duty_reported) == ("referred", "yes")
    assert stored.dv_law_applies == "" and stored.protection_order == ""  # never answered for her


def test_a_half_answered_route_is_refused_with_the_focus_on_it_and_nothing_lost(qtbot, chief):
    form = _form(qtbot, chief)
    form.classification.answer(1, yes=True)
    answer_incident_questions(form)
    form.survivor_age.setValue(15)
    form.consent_reporting.setChecked(True)
    choose(form.child_consent_route, "best_interests")
    choose(form.child_consent_decided_by, "focal_point")
    choose(form.child_protection_referral, "to_refer")
    choose(form.legal_duty_reported, "unknown")
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.isVisible() and IncidentService(chief).count() == 0
    assert form.problems.labels["child_consent_reason"].text() == (
        "Say why her guardian does not give the consent for this route."
    )
    assert QApplication.focusWidget() is form.child_consent_reason
    # Nothing typed is lost.
    assert form.child_consent_route.currentData() == "best_interests"
    assert form.child_consent_decided_by.currentData() == "focal_point"
    assert form.survivor_age.value() == 15
    # A route that does not ask a question keeps it out of the Tab chain, and out of the record.
    choose(form.child_consent_route, "guardian")
    assert not form.child_consent_decided_by.isEnabled() and not form.child_consent_reason.isEnabled()
    choose(form.child_consent_route, "best_interests")
    assert form.child_consent_decided_by.currentData() == "focal_point"  # still there
    choose(form.child_consent_reason, "guardian_unavailable")
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert not form.isVisible()
    (row,), _ = IncidentService(chief).query()
    stored = IncidentService(chief).get(row.id)
    assert (stored.child_consent_route, stored.child_consent_reason, stored.child_consent_decided_by) == (
        "best_interests",
        "guardian_unavailable",
        "focal_point",
    )


def test_mediation_in_partner_violence_is_cautioned_but_can_be_saved(qtbot, chief):
    form = _form(qtbot, chief)
    form.classification.answer(1, yes=False)
    form.classification.answer(2, yes=False)
    form.classification.answer(3, yes=True)
    qtbot.mouseClick(form.add_perpetrator_button, LEFT)
    answer_incident_questions(form)  # relationship "unknown": not partner violence
    form.survivor_age.setValue(30)
    form.action_boxes["mediation"].setChecked(True)
    assert not form.mediation_caution.isVisible()  # mediation, but not partner violence
    choose(form.perpetrators.combo(0, 2), "current_partner")
    assert form.mediation_caution.isVisible()
    assert form.mediation_caution.text().startswith("Caution: mediation is discouraged")
    form.action_boxes["mediation"].setChecked(False)
    assert not form.mediation_caution.isVisible()  # partner violence, no mediation
    form.action_boxes["mediation"].setChecked(True)
    assert form.mediation_caution.isVisible()
    qtbot.mouseClick(form.save_button, LEFT)  # her answer stays hers
    wait_for_operations(qtbot)
    assert not form.isVisible()
    (row,), _ = IncidentService(chief).query()
    assert "mediation" in IncidentService(chief).get(row.id).commune_actions


def test_every_new_field_has_a_one_line_definition_behind_its_question_mark(qtbot, chief):
    form = _form(qtbot, chief)
    form.survivor_age.setValue(12)
    keys = set(form.field_texts())
    assert keys == set(form.help.buttons) == set(form.help_texts())
    for key in sorted(keys):
        button = form.help.buttons[key]
        text = form.help_texts()[key]
        assert button.whatsThis() == text == form.help.fields[key].toolTip()
        button.click()
        note = form.help.note_of[key]
        assert note.isVisible() and note.text() == text, key
    form.help.buttons["dv_law_applies"].click()
    form.help.buttons["dv_law_applies"].click()
    assert not form.help.note_of["dv_law_applies"].isVisible()  # a second click hides it
