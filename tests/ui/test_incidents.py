"""The incident log, as the commune clerk and the chief use it."""

from __future__ import annotations

from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import Qt

from shsc_desktop.errors import PermissionDenied
from shsc_desktop.models import gazetteer
from shsc_desktop.security.audit import Action
from shsc_desktop.services.admin import AdminService
from shsc_desktop.services.incidents import (
    IdentifyingDetails,
    IncidentDraft,
    IncidentFilters,
    IncidentService,
    PerpetratorDraft,
)
from shsc_desktop.services.months import MonthService
from shsc_desktop.views.form_helpers import reason_dialogs
from shsc_desktop.views.incident_form import IncidentForm
from shsc_desktop.views.incident_table import (
    COL_FOLLOW_UP,
    COL_INCIDENT,
    COL_REPORTED,
    COL_SURVIVOR,
    COL_TYPE,
    COL_VILLAGE,
    PAGE_SIZE,
    IncidentTableModel,
)

from ..conftest import COMMUNE_CODE
from .conftest import (
    answer_incident_questions,
    message_boxes,
    open_as_chief,
    open_as_clerk,
    wait_for_operations,
)

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()
VILLAGE = gazetteer.villages(COMMUNE_CODE)[0].code


def _draft(**changes) -> IncidentDraft:
    values = dict(
        date_reported=TODAY,
        classification=(False, False, True),
        survivor_age=29,
        village_code=VILLAGE,
        perpetrators=(PerpetratorDraft("male", "26_40", "current_partner"),),
        consent_services="yes",
        consent_reporting=True,
    )
    values.update(changes)
    return IncidentDraft(**values)


def closed(widget) -> bool:
    """The dialog is gone (closed dialogs delete themselves)."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def _open_first(qtbot, window):
    """The incidents page and the form of its first record (read in the background)."""
    page = _incidents_page(qtbot, window)
    page.table.selectRow(0)
    page.open_selected()
    wait_for_operations(qtbot)
    return page, page.form


def _incidents_page(qtbot, window):
    window.show_section("incidents")
    page = window.page_by_section["incidents"]
    wait_for_operations(qtbot)
    return page


def test_clerk_types_an_incident_classifies_it_and_finds_it_in_the_list(qtbot, shell, office_ready):
    window = open_as_clerk(qtbot, shell)
    page = _incidents_page(qtbot, window)
    assert page.model.rowCount() == 0
    qtbot.mouseClick(page.new_button, LEFT)
    form = page.form
    assert isinstance(form, IncidentForm)
    helper = form.classification

    # Only the first question can be answered at first.
    assert helper.yes_buttons[0].isEnabled()
    assert not helper.yes_buttons[1].isEnabled()
    assert helper.result.text() == "GBV type: answer the questions in order."
    qtbot.mouseClick(helper.no_buttons[0], LEFT)
    qtbot.mouseClick(helper.no_buttons[1], LEFT)
    assert helper.yes_buttons[2].isEnabled() and not helper.yes_buttons[3].isEnabled()
    qtbot.mouseClick(helper.yes_buttons[2], LEFT)
    assert helper.result.text() == "GBV type: Physical assault"
    assert not helper.yes_buttons[3].isEnabled()

    # The definition is one click away.
    qtbot.mouseClick(helper.help_buttons[2], LEFT)
    assert helper.definition.isVisible()
    assert helper.definition.text().startswith("Physical assault: physical violence that is not sexual")

    # Changing an earlier answer to yes clears the later ones.
    qtbot.mouseClick(helper.yes_buttons[1], LEFT)
    assert helper.result.text() == "GBV type: Sexual assault"
    assert helper.answers() == (False, True, None, None, None, None)
    qtbot.mouseClick(helper.no_buttons[1], LEFT)
    qtbot.mouseClick(helper.yes_buttons[2], LEFT)

    form.survivor_age.setValue(31)
    form.village.setCurrentIndex(form.village.findData(VILLAGE))
    qtbot.mouseClick(form.add_perpetrator_button, LEFT)
    relationship = form.perpetrators.combo(0, 2)
    relationship.setCurrentIndex(relationship.findData("current_partner"))
    assert form.context_label.text() == "Case context (derived): Intimate partner violence"
    form.action_boxes["counselling"].setChecked(True)
    form.action_boxes["safety_plan"].setChecked(True)
    answer_incident_questions(form)
    qtbot.mouseClick(form.consent_reporting, LEFT)
    # A clerk never sees the identifying section.
    assert not form.identifying_section.isVisible()
    assert not form.identifying_toggle.isVisible()
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert closed(form)

    assert page.model.rowCount() == 1
    assert page.count_label.text() == "1 incident"  # %n: singular and plural
    code = page.model.index(0, COL_INCIDENT).data()
    assert code.startswith(f"KH-{COMMUNE_CODE}-{TODAY:%Y%m}-")
    assert page.model.index(0, COL_TYPE).data() == "Physical assault"
    assert page.selected_id() is not None
    stored = IncidentService(shell.office).get(page.selected_id())
    assert stored.gbv_type == "physical_assault"
    assert stored.is_ipv
    assert stored.commune_actions == {"counselling", "safety_plan"}

    # Search by survivor code finds it; a random code finds nothing.
    qtbot.keyClicks(page.search, stored.survivor_code)
    qtbot.waitUntil(lambda: not page.search_timer.isActive())
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 1
    page.search.clear()
    qtbot.keyClicks(page.search, "S-000000")
    qtbot.waitUntil(lambda: not page.search_timer.isActive())
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 0


def test_problems_are_shown_next_to_the_fields_and_nothing_typed_is_lost(qtbot, shell, office_ready):
    window = open_as_clerk(qtbot, shell)
    page = _incidents_page(qtbot, window)
    form = page.open_new()
    form.date_of_incident.set_value(TODAY + timedelta(days=3))
    form.survivor_age.setValue(15)
    form.consent_reporting.setChecked(True)
    form.status.setCurrentIndex(form.status.findData("follow_up"))
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.isVisible()
    assert form.error.text().startswith("Please correct the marked fields.")
    assert form.problems.labels["classification"].text() == (
        "Answer the questions in order until one is yes, or all six are no."
    )
    assert form.problems.labels["date_of_incident"].text() == (
        "The incident date cannot be after the report date."
    )
    assert form.problems.labels["child_consent_route"].text() == (
        "Under 18: choose how her consent is given (guardian, trusted adult, best interests)."
    )
    assert form.problems.labels["follow_up_date"].text() == "Set a follow-up date for a record in follow-up."
    assert form.survivor_age.value() == 15  # nothing typed is lost
    for _ in range(6):
        qtbot.mouseClick(form.classification.no_buttons[_], LEFT)
    assert form.classification.result.text() == "GBV type: Non-GBV"
    form.date_of_incident.set_value(TODAY)
    answer_incident_questions(form)
    answer_incident_questions(
        form, child_consent_route="guardian", child_protection_referral="referred", legal_duty_reported="yes"
    )
    form.follow_up_date.set_value(TODAY + timedelta(days=7))
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert closed(form)
    assert page.model.rowCount() == 1


def test_clerk_never_sees_identifying_details_and_search_does_not_match_names(qtbot, shell, new_office):
    office, _ = new_office
    IncidentService(office).create(
        _draft(identifying=IdentifyingDetails(survivor_name="Srey Mom", survivor_phone="012 345 678"))
    )
    office.lock("fixture done")
    window = open_as_clerk(qtbot, shell)
    page = _incidents_page(qtbot, window)
    assert page.model.rowCount() == 1
    assert not page.delete_button.isVisible()
    page.table.selectRow(0)
    page.open_selected()  # the record is read in the background
    wait_for_operations(qtbot)
    form = page.form
    assert not form.identifying_section.isVisibleTo(form)
    assert "Srey" not in form.survivor_name.text()
    with_pytest_raises_permission(lambda: IncidentService(shell.office).get_identifying(page.selected_id()))
    qtbot.keyClicks(page.search, "Srey")
    qtbot.waitUntil(lambda: not page.search_timer.isActive())
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 0
    # Saving the form as the clerk leaves the identifying details as they were.
    form.risk_level.setCurrentIndex(form.risk_level.findData("high"))
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert closed(form)


def with_pytest_raises_permission(call) -> None:
    try:
        call()
    except PermissionDenied:
        return
    raise AssertionError("the service did not refuse")


def test_chief_opens_identifying_details_only_on_request_and_each_view_is_audited(qtbot, shell, new_office):
    office, _ = new_office
    IncidentService(office).create(_draft(identifying=IdentifyingDetails(survivor_name="Srey Mom")))
    office.lock("fixture done")
    window = open_as_chief(qtbot, shell)
    page, form = _open_first(qtbot, window)
    audit = AdminService(shell.office)

    def views() -> int:
        return sum(1 for line in audit.recent_audit(100) if line.action == Action.IDENTIFYING_VIEWED)

    assert form.identifying_toggle.isVisible()
    assert not form.identifying_box.isVisible()
    assert form.survivor_name.text() == ""  # not loaded until asked for
    assert views() == 0
    qtbot.mouseClick(form.identifying_toggle, LEFT)
    wait_for_operations(qtbot)
    assert form.identifying_box.isVisible()
    assert form.survivor_name.text() == "Srey Mom"
    assert views() == 1
    form.survivor_phone.setText("097 000 111")
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert closed(form)
    details = IncidentService(shell.office).get_identifying(page.selected_id())
    assert (details.survivor_name, details.survivor_phone) == ("Srey Mom", "097 000 111")


def test_a_locked_month_refuses_edits_with_a_clear_message(qtbot, shell, new_office):
    office, _ = new_office
    last_month = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
    IncidentService(office).create(_draft(date_reported=last_month))
    MonthService(office).approve(f"{last_month:%Y-%m}")
    office.lock("fixture done")
    window = open_as_chief(qtbot, shell)
    page, form = _open_first(qtbot, window)
    wait_for_operations(qtbot)  # the month's approval is read in the background
    assert form.banner.isVisible()
    assert "has been approved" in form.banner.text()
    # Case work goes on after approval (status, follow-up, risk); corrections are refused by the service.
    assert "follow the case up" in form.banner.text()
    assert form.save_button.isEnabled()
    form.close()

    # A new record dated in the approved month is refused by the service, with a clear message.
    form = page.open_new()
    form.date_reported.set_value(last_month)
    for i in range(3):
        qtbot.mouseClick(form.classification.no_buttons[i], LEFT)
    qtbot.mouseClick(form.classification.yes_buttons[3], LEFT)
    answer_incident_questions(form)
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.isVisible()
    assert form.error.text() == "This month has been approved and can no longer be changed."
    assert message_boxes()[0].text() == "This month has been approved and can no longer be changed."
    assert form.classification.gbv_type() == "forced_marriage"  # kept for when the chief reopens
    assert IncidentService(shell.office).count() == 1


def test_chief_deletes_with_a_reason(qtbot, shell, new_office):
    office, _ = new_office
    IncidentService(office).create(_draft())
    office.lock("fixture done")
    window = open_as_chief(qtbot, shell)
    page = _incidents_page(qtbot, window)
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, LEFT)
    dialog = reason_dialogs()[0]
    qtbot.keyClicks(dialog.reason, "dup")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.error.text() == "Give a reason (at least 5 characters)."
    qtbot.keyClicks(dialog.reason, "licate of an earlier record")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 0
    assert IncidentService(shell.office).count() == 0


def test_filters_and_header_sorting_run_in_sql(qtbot, shell, new_office):
    office, _ = new_office
    service = IncidentService(office)
    service.create(_draft(classification=(True,)))
    service.create(_draft(classification=(False, False, False, True), status="closed"))
    service.create(_draft(classification=(False, False, True), status="follow_up", follow_up_date=TODAY))
    office.lock("fixture done")
    window = open_as_chief(qtbot, shell)
    page = _incidents_page(qtbot, window)
    assert page.model.rowCount() == 3
    page.gbv_type.setCurrentIndex(page.gbv_type.findData("rape"))
    wait_for_operations(qtbot)
    assert [page.model.index(r, COL_TYPE).data() for r in range(page.model.rowCount())] == ["Rape"]
    page.gbv_type.setCurrentIndex(0)
    page.follow_up_due.setChecked(True)
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 1
    page.follow_up_due.setChecked(False)
    wait_for_operations(qtbot)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), LEFT, pos=_section_center(header, COL_TYPE))
    wait_for_operations(qtbot)
    assert page.model.sort_key in {"gbv_type", "-gbv_type"}
    shown = [page.model.index(r, COL_TYPE).data() for r in range(3)]
    assert shown in (
        ["Forced marriage", "Physical assault", "Rape"],
        ["Rape", "Physical assault", "Forced marriage"],
    )


def _section_center(header, section):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_the_list_fetches_page_by_page(qtbot, qtmodeltester, chief):
    service = IncidentService(chief)
    for _ in range(PAGE_SIZE + 15):
        service.create(_draft())
    calls: list[int] = []

    def fetch(filters: IncidentFilters, sort: str, offset: int, limit: int):
        calls.append(offset)
        return service.query(filters, sort, offset, limit)

    model = IncidentTableModel(fetch)
    model.reload()
    assert model.rowCount() == PAGE_SIZE and model.total() == PAGE_SIZE + 15
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 15 and not model.canFetchMore()
    assert calls == [0, PAGE_SIZE]
    qtmodeltester.check(model)


def _log_at_1024(qtbot, chief):
    """The incident log with long types, villages and case contexts, its table as wide as on a
    maximised 1024×768 window (817 px beside the section list)."""
    from shsc_desktop.views.incidents import IncidentsPage

    service = IncidentService(chief)
    longest = max(gazetteer.villages(COMMUNE_CODE), key=lambda v: len(v.name("en"))).code
    service.create(_draft(classification=(False,) * 5 + (True,), village_code=longest))
    service.create(_draft(status="follow_up", follow_up_date=TODAY, village_code=longest))
    page = IncidentsPage(chief)
    qtbot.addWidget(page)
    page.resize(840, 600)
    page.show()
    qtbot.waitExposed(page)
    wait_for_operations(qtbot)
    page.resize(page.width() + 817 - page.table.viewport().width(), 600)
    qtbot.waitUntil(lambda: page.table.viewport().width() == 817)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    return page


def _settle(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)


def test_the_incident_log_fits_1024_pixels_with_codes_and_dates_whole(qtbot, chief):
    from shsc_desktop.views import i18n
    from shsc_desktop.views.list_columns import text_width

    page = _log_at_1024(qtbot, chief)
    table, header = page.table, page.table.horizontalHeader()
    try:
        for lang in ("en", "km"):
            i18n.set_language(lang)
            _settle(qtbot)
            assert header.length() <= table.viewport().width(), (lang, header.length())
            assert not table.horizontalScrollBar().isVisible(), lang
            for column in (COL_INCIDENT, COL_SURVIVOR, COL_REPORTED, COL_FOLLOW_UP):
                for row in range(page.model.rowCount()):
                    text = page.model.index(row, column).data() or ""
                    assert text_width(table, text) < header.sectionSize(column), (lang, column, text)
    finally:
        i18n.set_language("en")


def test_a_column_width_the_user_dragged_survives_a_reload(qtbot, chief):
    from PySide6.QtCore import QPoint

    page = _log_at_1024(qtbot, chief)
    header = page.table.horizontalHeader()
    before = header.sectionSize(COL_VILLAGE)
    edge = header.sectionViewportPosition(COL_VILLAGE) + before - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), LEFT, pos=QPoint(edge, y))
    for step in range(1, 5):
        qtbot.mouseMove(header.viewport(), QPoint(edge + 10 * step, y))
    qtbot.mouseRelease(header.viewport(), LEFT, pos=QPoint(edge + 40, y))
    dragged = header.sectionSize(COL_VILLAGE)
    assert dragged >= before + 30  # the drag itself worked

    page.reload()
    wait_for_operations(qtbot)
    _settle(qtbot)
    page.resize(page.width() - 20, 600)  # and a narrower window re-fits the others only
    _settle(qtbot)
    assert header.sectionSize(COL_VILLAGE) == dragged
