"""The keyboard in every record form (incident, referral, meeting, contact): Enter saves from any
field wherever Tab has been, and Tab visits the fields in the order the form shows them."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QScrollArea, QWidget

from shsc_desktop.models import gazetteer
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IncidentDraft, IncidentService
from shsc_desktop.services.meetings import ActionItemDraft, Attendance, MeetingDraft, MeetingService
from shsc_desktop.views.contacts import ContactForm
from shsc_desktop.views.incident_form import IncidentForm
from shsc_desktop.views.meetings import MeetingForm
from shsc_desktop.views.record_form import RecordForm
from shsc_desktop.views.referral_form import ReferralForm

from ..conftest import COMMUNE_CODE
from .conftest import wait_for_operations

FORMS = ["incident", "referral", "meeting", "contact"]


def _build(kind: str, office) -> RecordForm:
    if kind == "incident":
        return IncidentForm(office)
    if kind == "meeting":
        return MeetingForm(office)
    if kind == "meeting with action points":  # rows of cell widgets made after the buttons
        service = MeetingService(office)
        meeting = service.create(
            MeetingDraft(
                "ccwc",
                date.today(),
                attendance=(Attendance("ccwc", 3, 2),),
                action_items=(ActionItemDraft("Visit the family", "Clerk", date.today()),),
            )
        )
        return MeetingForm(office, service.get(meeting.id))
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


def _place(form: RecordForm, widget) -> QRect:
    """``widget``'s rectangle in the form as laid out, whatever the scroll area shows now."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return QRect(widget.mapTo(form, QPoint(0, 0)), widget.size())
    inside = widget.mapTo(parent.widget(), QPoint(0, 0))
    return QRect(parent.mapTo(form, QPoint(0, 0)) + inside, widget.size())


def _reads_before(a: QRect, b: QRect) -> bool:
    """``a`` comes before ``b`` reading the form: on a line above it, on its line to its left, or in a
    column to its left."""
    same_line = a.top() < b.bottom() and b.top() < a.bottom()
    if same_line:
        return a.left() < b.left()
    return a.top() < b.top() or b.left() > a.right()  # below it, or the top of the next column


def _settled(form: RecordForm) -> None:
    """Let the layouts place every widget (shown sections, the scroll area's content)."""
    for _ in range(5):
        QApplication.processEvents()
    form.layout().activate()
    QApplication.processEvents()


def _tab_stops(qtbot, form: RecordForm) -> list:
    """The widgets Tab visits from the form's first field (the one read first) to Cancel."""
    _settled(form)
    stops = [
        w
        for w in form.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.isVisible()
        and w.isEnabled()
        and not isinstance(w, QScrollArea)
    ]
    first = min(stops, key=lambda w: (_place(form, w).top(), _place(form, w).left()))
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)
    seen = [first]
    while _focus() is not form.cancel_button and len(seen) < 300:
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        seen.append(_focus())
    # Every field once (of a group of radio buttons, Tab visits one: arrows move inside it).
    assert [w for w in seen if not isinstance(w, QRadioButton)] == list(
        dict.fromkeys(w for w in seen if not isinstance(w, QRadioButton))
    )
    missed = [w.objectName() or w for w in stops if w not in seen and not isinstance(w, QRadioButton)]
    assert not missed, missed
    return seen


@pytest.mark.parametrize("kind", [*FORMS, "meeting with action points"])
def test_tab_goes_through_the_form_in_the_order_it_reads(qtbot, chief, kind):
    form = _shown(qtbot, _build(kind, chief))
    if kind == "incident":
        form.survivor_age.setValue(13)  # a child: her questions are shown
        form.classification.answer(1, yes=True)
        assert form.child_section.isVisible() and form.columns.folded()  # one column at 1024 px
    if kind == "meeting with action points":
        qtbot.mouseClick(form.add_action_button, Qt.MouseButton.LeftButton)  # a row made after showing
        assert form.action_table.rowCount() == 2
    seen = _tab_stops(qtbot, form)
    assert seen[-2:] == [form.save_button, form.cancel_button]
    out_of_order = [
        (a.objectName() or a, b.objectName() or b)
        for a, b in pairwise(seen)
        if not _reads_before(_place(form, a), _place(form, b))
    ]
    assert not out_of_order
    if kind == "incident":
        # A child's consent route, the child-protection prompt, then the legal context (the duty to
        # report) right after the consent questions.
        at = seen.index(form.consent_reporting)
        expected = [
            form.consent_reporting,
            form.child_consent_route,
            form.help.buttons["child_consent_route"],
            form.help.buttons["child_consent_reason"],
            form.help.buttons["child_consent_decided_by"],
            form.child_protection_referral,
            form.help.buttons["child_protection_referral"],
            form.legal_duty_reported,
        ]
        assert seen[at : at + len(expected)] == expected
