"""Meeting minutes and their action items."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from shsc_desktop.services.meetings import ActionItemDraft, Attendance, MeetingDraft, MeetingService
from shsc_desktop.views.register_tables import ActionItemTableModel, MeetingTableModel

from .conftest import open_as_clerk, wait_for_operations

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


def test_clerk_records_minutes_and_moves_an_action_item_on(qtbot, shell, office_ready):
    window = open_as_clerk(qtbot, shell)
    window.show_section("meetings")
    page = window.meetings_page
    form = page.open_new()
    form.meeting_type.setCurrentIndex(form.meeting_type.findData("community_consultation"))
    form.venue.setCurrentIndex(1)
    qtbot.keyClicks(form.facilitator, "CCWC focal point")
    form.attendance.female["womens_group"].setValue(14)
    form.attendance.male["mens_group"].setValue(9)
    assert form.attendance.total_title.text() == "Total: 23 (14 women, 9 men)"
    qtbot.mouseClick(form.topic_boxes["ipv"], LEFT)
    qtbot.keyClicks(form.concerns, "Street lighting near the market")
    qtbot.mouseClick(form.add_action_button, LEFT)
    form.action_table.item(0, 0).setText("Ask the khan for two street lamps")
    form.action_table.item(0, 1).setText("Commune chief")
    form.action_table.cellWidget(0, 2).set_value(TODAY + timedelta(days=14))
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, MeetingTableModel.COL_PARTICIPANTS).data() == "23"
    assert page.actions_model.rowCount() == 1
    assert (
        page.actions_model.index(0, ActionItemTableModel.COL_ACTION).data()
        == "Ask the khan for two street lamps"
    )
    page.actions_table.selectRow(0)
    page.action_status.setCurrentIndex(page.action_status.findData("done"))
    qtbot.mouseClick(page.set_status_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.actions_model.rowCount() == 0)


def test_an_action_due_before_the_meeting_is_marked(qtbot, shell, office_ready):
    window = open_as_clerk(qtbot, shell)
    page = window.meetings_page
    form = page.open_new()
    qtbot.mouseClick(form.add_action_button, LEFT)
    form.action_table.cellWidget(0, 2).set_value(TODAY - timedelta(days=3))
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.isVisible()
    assert "This field is required." in form.problems.labels["action_items"].text()
    assert "This date cannot be before the meeting date." in form.problems.labels["action_items"].text()


def test_meeting_models_pass_the_model_tester(qtmodeltester, chief):
    service = MeetingService(chief)
    service.create(
        MeetingDraft(
            "ccwc",
            TODAY,
            attendance=(Attendance("ccwc", 3, 2),),
            action_items=(ActionItemDraft("Visit the family", "Clerk", TODAY),),
        )
    )
    meetings = MeetingTableModel()
    meetings.set_rows(service.list_meetings())
    qtmodeltester.check(meetings)
    actions = ActionItemTableModel()
    actions.set_rows(service.open_action_items(TODAY))
    qtmodeltester.check(actions)


def test_a_clerk_sees_a_case_conference_without_its_minutes_and_saving_keeps_them(
    qtbot, shell, new_office, folder
):
    chief, _ = new_office
    MeetingService(chief).create(
        MeetingDraft(
            meeting_type="case_conference",
            meeting_date=TODAY,
            attendance=(Attendance("police", 1, 2),),
            concerns_raised="ZZCASE Sophea is afraid to go home",
            decisions="ZZCASE the shelter takes her in",
            action_items=(ActionItemDraft("Call the shelter", "CCWC focal point"),),
        )
    )
    chief.lock("fixture done")
    window = open_as_clerk(qtbot, shell)
    window.show_section("meetings")
    page = window.meetings_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.open_selected()  # the record is read in the background
    wait_for_operations(qtbot)
    form = page.form
    assert form is not None
    assert form.minutes_withheld.isVisibleTo(form)
    assert "identity access" in form.minutes_withheld.text()
    assert not form.concerns.isVisibleTo(form) and not form.decisions.isVisibleTo(form)
    assert form.concerns.toPlainText() == "" and form.action_table.item(0, 0).text() == "Call the shelter"
    form.attendance.female["youth"].setValue(3)
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.model.index(0, MeetingTableModel.COL_PARTICIPANTS).data() == "6")
    chief = folder.unlock("chief", "chief-password")
    try:
        meeting = MeetingService(chief).get(MeetingService(chief).list_meetings()[0].id)
        assert meeting.concerns_raised == "ZZCASE Sophea is afraid to go home" and meeting.total == 6
    finally:
        chief.lock("test")
