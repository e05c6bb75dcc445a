"""A kept draft goes back into the same fields, whatever a later version of the form changed.

Drafts used to be a list of values in widget order: one field added above the survivor's name (as
every release that extends the form does) would have put each value into its neighbour — a
survivor's name into the address, an answer into another question. Values are now keyed by field.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from shsc_desktop.services.drafts import DraftService
from shsc_desktop.views import drafts
from shsc_desktop.views.contacts import ContactForm
from shsc_desktop.views.incident_form import IncidentForm
from shsc_desktop.views.meetings import MeetingForm
from shsc_desktop.views.record_form import _value_of

from .conftest import answer_incident_questions, choose, message_boxes, open_as_chief


def _shown(qtbot, form):
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_every_input_of_every_form_has_its_own_key(qtbot, chief):
    for form in (IncidentForm(chief), MeetingForm(chief), ContactForm(chief)):
        _shown(qtbot, form)
        keys = [key for key, _ in form.input_keys()]
        assert len(keys) == len(form._inputs()) > 5
        assert len(set(keys)) == len(keys), [k for k in keys if keys.count(k) > 1]


def test_a_field_added_above_does_not_move_a_drafts_values(qtbot, chief):
    form = _shown(qtbot, IncidentForm(chief))
    answer_incident_questions(form)
    choose(form.risk_level, "high")
    form.survivor_age.setValue(37)
    form.identifying_toggle.setChecked(True)
    form.survivor_name.setText("Synthetic Keyname")
    form.survivor_phone.setText("012 345 678")
    state = form.state()
    # A draft kept by an older version that did not have the form's first field yet: positionally
    # every value after it would move one field up.
    first_key, _ = form.input_keys()[0]
    del state["fields"][first_key]

    later = _shown(qtbot, IncidentForm(chief))
    untouched = _value_of(later.input_keys()[0][1])
    assert later.restore_state(state) is True
    assert _value_of(later.input_keys()[0][1]) == untouched
    assert later.risk_level.currentData() == "high"
    assert later.survivor_age.value() == 37
    assert (later.survivor_name.text(), later.survivor_phone.text()) == ("Synthetic Keyname", "012 345 678")
    assert {key for key, _ in later.input_keys()} - set(state["fields"]) == {first_key}


def test_a_positional_draft_that_does_not_fit_is_left_out(qtbot, chief):
    form = _shown(qtbot, IncidentForm(chief))
    form.identifying_toggle.setChecked(True)
    form.survivor_name.setText("Synthetic Oldname")
    values = [_value_of(w) for w in form._inputs()]

    # One value short (a field was added since): nothing is put anywhere.
    later = _shown(qtbot, IncidentForm(chief))
    assert later.restore_state({"rows": {}, "cells": {}, "values": values[1:]}) is False
    assert [w for w in later.findChildren(QLineEdit) if w.text() == "Synthetic Oldname"] == []

    # A legacy draft that fits the layout exactly still comes back.
    again = _shown(qtbot, IncidentForm(chief))
    assert again.restore_state({"rows": {}, "cells": {}, "values": values}) is True
    assert again.survivor_name.text() == "Synthetic Oldname"


def test_a_draft_that_could_not_be_placed_is_said_so(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    service = DraftService(shell.office)
    service.keep("incident", None, {"rows": {}, "cells": {}, "values": ["Synthetic", True]})
    (draft,) = service.pending()
    drafts.reopen(window, shell.office, draft)  # read in the background, then the form opens
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    form = window.incidents_page.form
    assert form is not None
    (box,) = message_boxes()
    assert "could not be put back into the right fields" in box.text()
    assert form.isVisible() and service.pending() == []
