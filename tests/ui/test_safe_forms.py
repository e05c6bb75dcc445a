"""Safe forms (issue 8): no made-up answers, the wheel, typed dates, nothing lost, lock everywhere,
keyboard entry and plausibility — each driven through the real widgets, as a clerk would."""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from shsc_desktop.models import gazetteer
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.drafts import DraftService
from shsc_desktop.services.incidents import IncidentDraft, IncidentService
from shsc_desktop.services.meetings import MeetingService
from shsc_desktop.services.validation import is_phone
from shsc_desktop.views.contacts import ContactForm
from shsc_desktop.views.form_helpers import ask_reason
from shsc_desktop.views.incident_form import IncidentForm
from shsc_desktop.views.meetings import MeetingForm
from shsc_desktop.views.messages import confirm
from shsc_desktop.views.referral_form import ReferralForm

from ..conftest import CHIEF, CLERK, COMMUNE_CODE
from .conftest import (
    INCIDENT_ANSWERS,
    answer_incident_questions,
    choose,
    message_boxes,
    open_as_chief,
    open_as_clerk,
    unlock_as,
    wait_for_operations,
)

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


def _unanswered(form, names: list[str]) -> dict[str, object]:
    """The named combos of ``form`` that show an answer nobody gave."""
    answered = {}
    for name in names:
        combo = form.findChild(QComboBox, name)
        assert combo is not None, name
        if combo.currentData() != "":
            answered[name] = combo.currentData()
    return answered


def _sexual_assault(form: IncidentForm) -> None:
    helper = form.classification
    helper.answer(1, yes=False)
    helper.answer(2, yes=True)


def _sexual_assault_form(qtbot, chief) -> IncidentForm:
    """A new incident form, shown, classified as sexual assault."""
    form = IncidentForm(chief)
    qtbot.addWidget(form)
    form.show()
    _sexual_assault(form)
    return form


def _refused_as_required(qtbot, form: IncidentForm, field: str) -> None:
    """Save is refused, the form stays open and ``field`` is marked as required."""
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.isVisible()
    assert form.problems.labels[field].text() == "This field is required."


def _saved_row(qtbot, form: IncidentForm, chief):  # type: ignore[no-untyped-def]
    """Save closes the form; the one incident in the register."""
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert not form.isVisible()
    (row,), _total = IncidentService(chief).query()
    return row


def test_a_new_incident_answers_no_question_for_the_clerk(qtbot, chief):
    form = IncidentForm(chief)
    qtbot.addWidget(form)
    form.show()
    questions = [
        "reportedBy",
        "firstPointOfContact",
        "village",
        "locationType",
        "timeOfDay",
        "previouslyReported",
        "goodsExchanged",
        "survivorSex",
        "maritalStatus",
        "disability",
        "riskLevel",
        "consentServices",
    ]
    assert _unanswered(form, questions) == {}
    # A perpetrator row added by the clerk answers nothing either.
    qtbot.mouseClick(form.add_perpetrator_button, LEFT)
    table = form.perpetrators
    assert [table.combo(0, c).currentData() for c in range(3)] == ["", "", ""]
    # True facts only: the report is dated today, a new record is open.
    assert form.date_reported.value() == TODAY
    assert form.status.currentData() == "open"


def test_an_unanswered_money_question_is_refused_and_never_flags_exploitation(qtbot, chief):
    form = _sexual_assault_form(qtbot, chief)
    answer_incident_questions(form)
    choose(form.goods_exchanged, "")  # the clerk never touched the money question
    assert "exploitation" not in form.context_label.text()
    _refused_as_required(qtbot, form, "goods_money_exchanged")
    assert IncidentService(chief).count() == 0

    # "Unknown" is an explicit answer: saved, and no exploitation flag from it.
    choose(form.goods_exchanged, "unknown")
    row = _saved_row(qtbot, form, chief)
    assert row.gbv_type == "sexual_assault"
    assert "possible_sexual_exploitation" not in row.case_context


def test_first_point_of_contact_is_her_answer_yes_or_no_never_a_default(qtbot, chief):
    form = _sexual_assault_form(qtbot, chief)
    answer_incident_questions(form, first_contact="")
    _refused_as_required(qtbot, form, "first_point_of_contact")
    assert IncidentService(chief).count() == 0

    choose(form.first_contact, "no")  # she had gone to the police first
    row = _saved_row(qtbot, form, chief)
    assert IncidentService(chief).get(row.id).first_point_of_contact is False
    reopened = IncidentForm(chief, IncidentService(chief).get(row.id))
    qtbot.addWidget(reopened)
    assert reopened.first_contact.currentData() == "no"


def test_a_half_filled_incident_saved_with_enter_lists_every_unanswered_question(qtbot, chief):
    form = _sexual_assault_form(qtbot, chief)
    qtbot.mouseClick(form.add_perpetrator_button, LEFT)
    qtbot.keyClick(form, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert form.isVisible()
    required = "This field is required."
    for field in (
        "reported_by",
        "first_point_of_contact",
        "location_type",
        "time_of_day",
        "previously_reported",
        "goods_money_exchanged",
        "survivor_sex",
        "marital_status",
        "disability",
        "risk_level",
        "consent_services",
        "perpetrators",
    ):
        assert required in form.problems.labels[field].text(), field
    assert IncidentService(chief).count() == 0


def test_referral_meeting_and_contact_forms_start_unanswered(qtbot, chief):
    for name in ("First centre", "Second centre"):
        ContactService(chief).create(
            ContactDraft("health_centre", frozenset({"health"}), name_en=name, phone="012 345 678")
        )
    incident = IncidentService(chief).create(
        IncidentDraft(
            date_reported=TODAY,
            classification=(False, False, True),
            village_code=gazetteer.villages(COMMUNE_CODE)[0].code,
            consent_services="yes",
        )
    )
    referral = ReferralForm(chief, incident)
    qtbot.addWidget(referral)
    assert _unanswered(referral, ["serviceType", "urgency", "mode"]) == {}
    assert not referral.no_provider.isVisibleTo(referral)  # no complaint before a service is chosen
    choose(referral.service_type, "health")
    wait_for_operations(qtbot)  # its providers are read in the background
    # Two providers offer the service: the clerk chooses, the form does not.
    assert referral.provider.count() == 3 and referral.provider.currentData() == ""

    meeting = MeetingForm(chief)
    qtbot.addWidget(meeting)
    assert _unanswered(meeting, ["meetingType", "venueVillage"]) == {}

    contact = ContactForm(chief)
    qtbot.addWidget(contact)
    assert _unanswered(contact, ["organisationType", "coverage"]) == {}


def _wheel_down(widget) -> None:
    """One notch of the wheel over ``widget``, delivered like the window system's."""
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_form_and_changes_no_answer(qtbot, chief):
    form = IncidentForm(chief)
    qtbot.addWidget(form)
    form.resize(640, 420)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    choose(form.risk_level, "low")
    form.survivor_age.setValue(30)
    form.follow_up_date.set_value(TODAY)
    form.save_button.setFocus()
    bar = form.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    _wheel_down(form.follow_up_date.year)  # typed dates have nothing for the wheel to turn
    for field in (form.risk_level, form.survivor_age):
        assert field.focusPolicy() != Qt.FocusPolicy.WheelFocus  # a wheel turn does not focus it
        before = bar.value()
        _wheel_down(field)
        assert bar.value() > before  # the form scrolled instead
        bar.setValue(0)
    assert form.risk_level.currentData() == "low"
    assert form.survivor_age.value() == 30
    assert form.follow_up_date.value() == TODAY

    # Once the clerk has put the focus in the field, the wheel is hers to use there.
    form.risk_level.setFocus()
    qtbot.waitUntil(form.risk_level.hasFocus)
    _wheel_down(form.risk_level)
    assert form.risk_level.currentData() == "medium"


def _type(qtbot, keys: list) -> None:
    """Keys into whatever has the focus, as the clerk's keyboard would send them."""
    for key in keys:
        for one in key if isinstance(key, str) else [key]:
            target = QApplication.focusWidget()
            assert target is not None
            qtbot.keyClick(target, one)


def _date_form(qtbot, chief) -> IncidentForm:
    form = IncidentForm(chief)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    return form


def test_dates_are_typed_year_tab_month_tab_day_without_jumps(qtbot, chief):
    form = _date_form(qtbot, chief)
    field = form.date_of_incident
    field.year.setFocus()
    qtbot.waitUntil(field.year.hasFocus)
    _type(qtbot, ["2026", Qt.Key.Key_Tab, "11", Qt.Key.Key_Tab, "20"])
    assert field.value() == date(2026, 11, 20)
    # Typed in one go with separators, as written on paper.
    field.set_value(None)
    field.year.setFocus()
    qtbot.waitUntil(field.year.hasFocus)
    _type(qtbot, ["2027-01-15"])
    assert field.value() == date(2027, 1, 15)
    # Or as eight digits: a digit that no longer fits starts the next box.
    field.set_value(None)
    field.year.setFocus()
    qtbot.waitUntil(field.year.hasFocus)
    _type(qtbot, ["20250305"])
    assert field.value() == date(2025, 3, 5)
    # Each box shows its part of the pattern while empty.
    field.set_value(None)
    assert [b.placeholderText() for b in field.boxes] == ["YYYY", "MM", "DD"]


def test_tab_leaves_an_empty_date_and_its_calendar_opens_at_today(qtbot, chief):
    form = _date_form(qtbot, chief)
    field = form.date_of_incident
    assert field.value() is None
    field.year.setFocus()
    qtbot.waitUntil(field.year.hasFocus)
    qtbot.keyClick(field.year, Qt.Key.Key_Tab)
    assert not field.isAncestorOf(QApplication.focusWidget())  # one Tab and the clerk has moved on
    assert field.value() is None

    qtbot.mouseClick(field.calendar_button, LEFT)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    calendar = popup.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    qtbot.keyClick(calendar.focusProxy() or calendar, Qt.Key.Key_Return)
    assert field.value() == TODAY


def test_the_calendar_opens_inside_the_screen_even_at_its_bottom_right_corner(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from shsc_desktop.views.date_field import DateField

    holder = QWidget()
    qtbot.addWidget(holder)
    field = DateField("cornerDate")
    QHBoxLayout(holder).addWidget(field)
    holder.show()
    qtbot.waitExposed(holder)
    area = holder.screen().availableGeometry()
    for corner in ("bottom-right", "top-left"):
        if corner == "bottom-right":
            holder.move(
                area.right() - holder.frameGeometry().width(), area.bottom() - holder.frameGeometry().height()
            )
        else:
            holder.move(area.topLeft())
        QApplication.processEvents()
        field.open_calendar()
        popup = field.popup
        assert popup is not None and popup.isVisible()
        placed = popup.frameGeometry()
        assert area.contains(placed), (corner, placed, area)
        anchor = field.mapToGlobal(field.rect().topLeft())
        assert not placed.intersects(QRect(anchor, field.size())), corner  # it never hides the field
        popup.close()


def test_an_impossible_or_half_typed_date_is_refused_not_saved_as_empty(qtbot, chief):
    form = _date_form(qtbot, chief)
    _sexual_assault(form)
    answer_incident_questions(form)
    form.date_of_incident.year.setFocus()
    qtbot.waitUntil(form.date_of_incident.year.hasFocus)
    _type(qtbot, ["2026-02-30"])
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.isVisible()
    assert form.error.text() == "Enter a real date: year (4 digits), month and day."
    assert form.date_of_incident.isAncestorOf(QApplication.focusWidget())
    assert IncidentService(chief).count() == 0
    form.date_of_incident.set_value(None)
    form.date_of_incident.year.setText("2026")  # the month and day never typed
    qtbot.mouseClick(form.save_button, LEFT)
    assert IncidentService(chief).count() == 0


def _on_screen(shell) -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not shell.unlock_window]


def _press(qtbot, key, modifiers) -> None:
    target = QApplication.focusWidget() or QApplication.activeModalWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


def _new_incident(qtbot, window) -> IncidentForm:  # type: ignore[no-untyped-def]
    """A new incident form opened from the main window's Incidents page, shown."""
    window.show_section("incidents")
    wait_for_operations(qtbot)
    form = window.page_by_section["incidents"].open_new()
    qtbot.waitExposed(form)
    return form


def test_lock_and_quick_hide_work_over_a_form_a_dialog_and_a_message_box(qtbot, shell, office_ready):
    form = _new_incident(qtbot, open_as_clerk(qtbot, shell))
    reason = ask_reason(form, "Why", "Why?", "OK", lambda _r: None)
    qtbot.waitExposed(reason)
    box = confirm(reason, "Sure?", "Yes", lambda: None)
    qtbot.waitExposed(box)
    assert len(_on_screen(shell)) >= 4  # main window, form, dialog, message box
    ctrl = Qt.KeyboardModifier.ControlModifier
    _press(qtbot, Qt.Key.Key_L, ctrl)
    assert shell.office is None
    assert _on_screen(shell) == []
    assert shell.unlock_window.isVisible()

    # The quick-hide key, with a form and a message box in front.
    unlock_as(qtbot, shell, CLERK[0], "clerk-new-password")
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    form = _new_incident(qtbot, shell.main_window)
    box = confirm(form, "Sure?", "Yes", lambda: None)
    qtbot.waitExposed(box)
    _press(qtbot, Qt.Key.Key_H, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert shell.office is None
    assert _on_screen(shell) == []


def test_a_failed_save_keeps_save_default_and_brings_the_first_problem_into_view(qtbot, chief):
    form = _date_form(qtbot, chief)
    form.resize(640, 420)
    _sexual_assault(form)
    answer_incident_questions(form)
    qtbot.mouseClick(form.add_perpetrator_button, LEFT)  # a button clicked last must not take Enter
    answer_incident_questions(form)
    choose(form.consent_services, "")  # the one question left, at the bottom of the form
    assert form.scroll_area.verticalScrollBar().value() == 0
    qtbot.keyClick(form, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert form.isVisible() and IncidentService(chief).count() == 0
    assert form.perpetrators.rowCount() == 1  # Enter saved; it did not add a second perpetrator
    assert form.problems.labels["consent_services"].text() == "This field is required."
    assert form.save_button.isDefault() and not form.cancel_button.isDefault()
    assert QApplication.focusWidget() is form.consent_services
    assert form.scroll_area.verticalScrollBar().value() > 0  # scrolled to the problem
    # Answered, Enter saves (it never discards).
    choose(form.consent_services, "not_asked")
    qtbot.keyClick(form.consent_services, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert not form.isVisible()
    assert IncidentService(chief).count() == 1


def test_cancel_or_esc_on_a_changed_form_asks_first(qtbot, chief):
    form = _date_form(qtbot, chief)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # unchanged: closes at once
    assert not form.isVisible()

    form = _date_form(qtbot, chief)
    choose(form.risk_level, "high")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    (box,) = message_boxes("discardBox")
    assert box.text() == "Discard the changes made in this form?"
    qtbot.mouseClick(box.findChild(QPushButton, "cancelButton"), LEFT)
    assert form.isVisible() and form.risk_level.currentData() == "high"
    qtbot.mouseClick(form.cancel_button, LEFT)
    (box,) = message_boxes("discardBox")
    qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), LEFT)
    qtbot.waitUntil(lambda: not form.isVisible())


def test_a_form_open_at_auto_lock_comes_back_to_its_user_only(qtbot, shell, office_ready):
    form = _new_incident(qtbot, open_as_clerk(qtbot, shell))
    wait_for_operations(qtbot)  # its choices load in the background; idle waits for running work
    _sexual_assault(form)
    choose(form.risk_level, "high")
    form.survivor_age.setValue(37)
    shell.idle.inactive.emit()  # the idle timer fires with the form open
    assert shell.office is None and _on_screen(shell) == []

    # The chief signs in next: she is offered nothing.
    unlock_as(qtbot, shell, *CHIEF)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    assert message_boxes("draftBox") == []
    shell.lock("manual")

    # The clerk is offered her form back, as she left it.
    unlock_as(qtbot, shell, CLERK[0], "clerk-new-password")
    qtbot.waitUntil(lambda: len(message_boxes("draftBox")) == 1)
    (box,) = message_boxes("draftBox")
    assert "a form you had not saved was kept for you" in box.text()
    qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), LEFT)
    page = shell.main_window.page_by_section["incidents"]
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible())
    restored = page.form
    assert restored.classification.answers()[:2] == (False, True)
    assert restored.risk_level.currentData() == "high"
    assert restored.survivor_age.value() == 37
    assert DraftService(shell.office).pending() == []  # reopened once, then gone


def _reopen_draft(qtbot, shell):
    unlock_as(qtbot, shell, *CHIEF)
    qtbot.waitUntil(lambda: len(message_boxes("draftBox")) == 1)
    (box,) = message_boxes("draftBox")
    qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), LEFT)
    page = shell.main_window.page_by_section["incidents"]
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible())
    wait_for_operations(qtbot)
    return page.form


def test_identifying_details_typed_before_a_lock_come_back_and_are_saved(qtbot, shell, office_ready):
    # A new incident: the name typed in the opened section survives the lock.
    form = _new_incident(qtbot, open_as_chief(qtbot, shell))
    wait_for_operations(qtbot)  # its choices load in the background; idle waits for running work
    _sexual_assault(form)
    answer_incident_questions(form)
    form.identifying_toggle.setChecked(True)
    form.survivor_name.setText("Synthetic Draftname")
    shell.idle.inactive.emit()
    restored = _reopen_draft(qtbot, shell)
    assert restored.identifying_box.isVisible()
    assert restored.survivor_name.text() == "Synthetic Draftname"
    qtbot.mouseClick(restored.save_button, LEFT)
    wait_for_operations(qtbot)
    service = IncidentService(shell.office)
    (row,), _ = service.query()
    assert service.get_identifying(row.id).survivor_name == "Synthetic Draftname"

    # A stored incident: the stored details load, then what she had typed is put back over them.
    page = shell.main_window.page_by_section["incidents"]
    page.table.selectRow(0)
    page.open_selected()  # the record is read in the background
    wait_for_operations(qtbot)
    form = page.form
    form.identifying_toggle.setChecked(True)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: form.survivor_name.text() == "Synthetic Draftname")
    form.survivor_name.setText("Synthetic Renamed")
    form.survivor_phone.setText("012 345 678")
    shell.lock("manual")
    restored = _reopen_draft(qtbot, shell)
    assert restored.identifying_box.isVisible()
    assert (restored.survivor_name.text(), restored.survivor_phone.text()) == (
        "Synthetic Renamed",
        "012 345 678",
    )
    qtbot.mouseClick(restored.save_button, LEFT)
    wait_for_operations(qtbot)
    details = IncidentService(shell.office).get_identifying(row.id)
    assert (details.survivor_name, details.survivor_phone) == ("Synthetic Renamed", "012 345 678")


def test_an_age_of_150_is_refused_never_read_as_15(qtbot, chief):
    form = _date_form(qtbot, chief)
    _sexual_assault(form)
    answer_incident_questions(form)
    form.survivor_age.setFocus()
    qtbot.waitUntil(form.survivor_age.hasFocus)
    form.survivor_age.lineEdit().selectAll()
    _type(qtbot, ["150"])
    assert form.survivor_age.value() == 150
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.problems.labels["survivor_age"].text() == "Enter an age between 0 and 120."
    assert IncidentService(chief).count() == 0


def test_a_meeting_needs_an_attendee_and_a_huge_count_is_confirmed(qtbot, chief):
    form = MeetingForm(chief)
    qtbot.addWidget(form)
    form.show()
    choose(form.meeting_type, "community_consultation")
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.problems.labels["attendance"].text() == "Record at least one person who attended."
    assert len(MeetingService(chief).list_meetings()) == 0

    form.attendance.female["womens_group"].setValue(9999)
    qtbot.mouseClick(form.save_button, LEFT)
    (box,) = message_boxes("plausibilityBox")
    assert box.text().startswith("9999 people of the group")
    qtbot.mouseClick(box.findChild(QPushButton, "cancelButton"), LEFT)
    wait_for_operations(qtbot)
    assert form.isVisible() and len(MeetingService(chief).list_meetings()) == 0
    qtbot.mouseClick(form.save_button, LEFT)
    (box,) = message_boxes("plausibilityBox")
    qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), LEFT)
    qtbot.waitUntil(lambda: not form.isVisible())
    wait_for_operations(qtbot)
    assert len(MeetingService(chief).list_meetings()) == 1


def test_a_phone_number_must_be_cambodian(qtbot, chief):
    for good in ("012 345 678", "+855 12 345 678", "0973456789", "+855-97-345-6789", "1280"):
        assert is_phone(good), good
    for bad in ("abc-not-a-phone", "12345678", "012 34", "+1 555 123 4567", "0123456789012"):
        assert not is_phone(bad), bad
    form = ContactForm(chief)
    qtbot.addWidget(form)
    form.show()
    form.name_en.setText("Health Centre")
    choose(form.organisation_type, "health_centre")
    choose(form.coverage, "khan")
    form.service_boxes["health"].setChecked(True)
    form.phone.setText("abc-not-a-phone")
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.problems.labels["phone"].text() == (
        "Enter a Cambodian phone number: 0 or +855, then 8 or 9 digits."
    )
    assert QApplication.focusWidget() is form.phone
    form.phone.setText("023 880 880")
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert not form.isVisible()


def _focus():
    return QApplication.focusWidget()


def _tab_to(qtbot, widget, limit: int = 250) -> None:
    """Press Tab until ``widget`` (or its focus proxy) has the focus, as a keyboard-only clerk."""
    for _ in range(limit):
        if _focus() is widget or (widget.focusProxy() is not None and _focus() is widget.focusProxy()):
            return
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {widget.objectName() or widget}")


def _arrow_to(qtbot, combo, code: str) -> None:
    """Choose ``code`` in the focused combo box with the arrow keys."""
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
        for _ in range(combo.count()):
            if combo.currentData() == code:
                return
            qtbot.keyClick(combo, key)
    assert combo.currentData() == code


def _tab_cycle(qtbot, form) -> list:
    """Every widget Tab stops at, once round the form."""
    seen: list = []
    start = _focus()
    for _ in range(300):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        if _focus() is start:
            return seen
        seen.append(_focus())
    raise AssertionError("Tab does not come round")


def test_a_whole_incident_is_entered_with_the_keyboard_alone(qtbot, shell, office_ready):
    window = open_as_clerk(qtbot, shell)
    window.show_section("incidents")
    wait_for_operations(qtbot)
    page = window.page_by_section["incidents"]
    assert not page.table.tabKeyNavigation()  # the list is one Tab stop, arrows inside
    page.table.setFocus()
    qtbot.keyClick(_focus() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    assert isinstance(form, IncidentForm) and form.isVisible()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.date_reported.year.setFocus()
    qtbot.waitUntil(form.date_reported.year.hasFocus)

    helper = form.classification
    stops = _tab_cycle(qtbot, form)
    assert helper.help_buttons[0] in stops
    assert not any(b in stops for b in helper.help_buttons[1:])  # disabled "?" are not Tab stops

    _tab_to(qtbot, form.date_of_incident.year)
    _type(qtbot, [f"{TODAY:%Y}", Qt.Key.Key_Tab, f"{TODAY:%m}", Qt.Key.Key_Tab, f"{TODAY:%d}"])
    for field, code in INCIDENT_ANSWERS.items():
        _tab_to(qtbot, getattr(form, field))
        _arrow_to(qtbot, getattr(form, field), code)
    _tab_to(qtbot, form.survivor_age)
    _type(qtbot, ["29"])
    # Yes/No is one Tab stop: the arrow moves to "No", Space answers.
    for question in range(2):
        _tab_to(qtbot, helper.yes_buttons[question])
        qtbot.keyClick(_focus(), Qt.Key.Key_Right)
        assert _focus() is helper.no_buttons[question]
        qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    _tab_to(qtbot, helper.yes_buttons[2])
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    assert helper.gbv_type() == "physical_assault"

    # The perpetrator row: one Tab stop for the table, then each of its answers.
    _tab_to(qtbot, form.add_perpetrator_button)
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    table = form.perpetrators
    assert table.rowCount() == 1
    stops = _tab_cycle(qtbot, form)
    assert stops.count(table) <= 1 and not table.tabKeyNavigation()  # Tab does not walk the cells
    assert all(table.combo(0, c) in stops for c in range(3))  # but reaches every answer of the row
    for column, code in ((0, "male"), (1, "26_40"), (2, "current_partner")):
        _tab_to(qtbot, table.combo(0, column))
        _arrow_to(qtbot, table.combo(0, column), code)
    assert "Intimate partner violence" in form.context_label.text()
    _tab_to(qtbot, form.consent_reporting)
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: not shiboken6.isValid(form) or not form.isVisible())

    # Enter on the selected row opens it again.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_for_operations(qtbot)  # the incident is read in the background, then its form opens
    opened = page.form
    assert opened is not None and opened.isVisible() and opened.incident is not None
    stored = IncidentService(shell.office).get(opened.incident.id)
    assert (stored.gbv_type, stored.survivor_age, stored.is_ipv) == ("physical_assault", 29, True)
    assert stored.date_of_incident == TODAY
