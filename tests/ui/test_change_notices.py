"""Change notices and the GUI thread (issue #12, point 2).

A write says what it changed (``values.changes.Changes``); the office's one notifier
(``views.session``) tells every page, and each page refreshes itself: no page is wired to another.
Pages read the database on the background runner only; ``gui_reads`` (tests/ui/gui_reads.py) fails a
block in which a query ran on the GUI thread.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from shsc_desktop.models import gazetteer
from shsc_desktop.services.incidents import IncidentFilters, IncidentService
from shsc_desktop.values.changes import NOTHING, Changes
from shsc_desktop.views import session as sessions
from shsc_desktop.views.admin import AdminPage
from shsc_desktop.views.contacts import ContactsPage
from shsc_desktop.views.home import RegisterHomePage
from shsc_desktop.views.incident_form import IncidentForm
from shsc_desktop.views.incidents import IncidentsPage
from shsc_desktop.views.meetings import MeetingsPage
from shsc_desktop.views.referrals import ReferralsPage
from shsc_desktop.views.reports import ReportsPage

from ..conftest import COMMUNE_CODE
from ..exports.records import add_incident, add_meeting, add_referral
from .conftest import answer_incident_questions, message_boxes, open_as_chief, wait_for_operations
from .exchange_world import PERIOD, exchange_template, open_office, world_dir  # noqa: F401  (fixtures)

TODAY = date.today()
VILLAGE = gazetteer.villages(COMMUNE_CODE)[0].code
EVERYTHING = Changes(
    registers=frozenset(("incidents", "referrals", "meetings", "contacts")),
    months=frozenset((TODAY.strftime("%Y-%m"),)),
    accounts=True,
    exchange=True,
)


def _seed(office) -> str:
    with office.transaction(NOTHING) as s:
        incident = add_incident(s, 1, TODAY, "physical_assault", follow_up=TODAY)
        add_referral(s, incident, TODAY, "health")
        return incident.id


def _fill_new_incident(form: IncidentForm) -> None:
    helper = form.classification
    helper.answer(1, yes=False)
    helper.answer(2, yes=True)
    form.survivor_age.setValue(29)
    form.village.setCurrentIndex(form.village.findData(VILLAGE))
    answer_incident_questions(form)
    form.consent_reporting.setChecked(True)


def test_the_guard_fails_a_block_that_reads_on_the_gui_thread(qtbot, chief, gui_reads):
    service = IncidentService(chief)
    caught = pytest.raises(AssertionError, match="database queries on the GUI thread")
    with caught, gui_reads.watching():
        service.query(IncidentFilters(), "-date_reported", 0, 10)  # deliberately on this thread
    assert "services/incidents.py" in str(caught.excinfo.value)  # names where the query ran
    # The same read on the runner passes.
    with gui_reads.watching():
        done: list[object] = []
        from shsc_desktop.views.operations import run_in_background

        run_in_background(
            None, lambda _t: service.query(IncidentFilters(), "-date_reported", 0, 10), done.append
        )
        wait_for_operations(qtbot)
    assert done and done[0][1] == 0


def test_pages_load_and_refresh_without_reading_on_the_gui_thread(qtbot, chief, gui_reads):
    incident_id = _seed(chief)
    stored = IncidentService(chief).get(incident_id)  # what the list's "Open" hands the form
    with gui_reads.watching():
        pages = [
            RegisterHomePage(chief),
            IncidentsPage(chief),
            ReferralsPage(chief),
            MeetingsPage(chief),
            ContactsPage(chief),
            ReportsPage(chief),
            AdminPage(chief),
        ]
        for page in pages:
            qtbot.addWidget(page)
        forms = [IncidentForm(chief), IncidentForm(chief, stored)]
        for form in forms:
            qtbot.addWidget(form)
        wait_for_operations(qtbot)
        pages[-2].activate()  # Reports computes its month when first shown
        sessions.session_of(chief).hub.notify(EVERYTHING)
        wait_for_operations(qtbot)
    home, incidents = pages[0], pages[1]
    assert home.value["incidents"].text() == "1"
    assert incidents.model.rowCount() == 1
    assert forms[1].village is not None


def test_saving_an_incident_refreshes_home_and_the_list_through_the_notice(qtbot, chief):
    # Pages built on their own, wired to nothing: only the office's notifier connects them.
    home = RegisterHomePage(chief)
    incidents = IncidentsPage(chief)
    qtbot.addWidget(home)
    qtbot.addWidget(incidents)
    wait_for_operations(qtbot)
    assert home.value["incidents"].text() == "0"
    assert incidents.model.rowCount() == 0

    heard: list[Changes] = []
    sessions.session_of(chief).hub.changed.connect(heard.append)
    form = IncidentForm(chief)  # opened from neither page
    qtbot.addWidget(form)
    _fill_new_incident(form)
    form.save()
    wait_for_operations(qtbot)

    assert heard == [Changes.of_registers("incidents")]
    assert home.value["incidents"].text() == "1"
    assert incidents.model.rowCount() == 1
    assert incidents.count_label.text() == "1 incident"


def test_the_main_window_wires_no_page_to_another(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    wait_for_operations(qtbot)
    home, page = window.home_page, window.incidents_page
    assert not hasattr(page, "changed") and not hasattr(home, "month_changed")
    window.show_section("incidents")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    _fill_new_incident(form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    assert home.value["incidents"].text() == "1"
    assert page.model.rowCount() == 1
    assert page.selected_id() is not None  # the saved incident is chosen once the list is back


def test_the_session_is_opened_at_unlock_and_dropped_at_lock(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    office = shell.office
    session = sessions.session_of(office)
    assert window.session is session
    assert window.incidents_page.service is session.services.incidents  # built once, shared
    assert window.referrals_page.incidents is session.services.incidents
    assert sessions.is_open(office)
    shell.lock("manual")
    assert office.locked
    assert not sessions.is_open(office)


def test_opening_records_and_choosing_reads_off_the_gui_thread(qtbot, shell, office_ready, gui_reads):
    from shsc_desktop.services.drafts import DraftService
    from shsc_desktop.views import drafts
    from shsc_desktop.views.referral_form import ReferralForm

    window = open_as_chief(qtbot, shell)
    office = shell.office
    incident_id = _seed(office)
    with office.transaction(NOTHING) as s:
        add_meeting(s, TODAY, "ccwc")
    stored = IncidentService(office).get(incident_id)
    DraftService(office).keep("incident", incident_id, {"rows": {}, "cells": {}, "values": {}})
    sessions.session_of(office).hub.notify(EVERYTHING)
    wait_for_operations(qtbot)
    incidents, meetings, referrals = window.incidents_page, window.meetings_page, window.referrals_page
    with gui_reads.watching():
        incidents.table.selectRow(0)
        incidents.open_selected()
        wait_for_operations(qtbot)
        first_form = incidents.form
        first_form.reject()
        meetings.table.selectRow(0)
        meetings.open_selected()
        wait_for_operations(qtbot)
        meetings.form.reject()
        referrals.show_incident(incident_id)
        wait_for_operations(qtbot)
        assert referrals.referral_model.rowCount() == 1
        referrals.incident = None
        referrals.incident_code.setText(stored.incident_code)
        referrals.show_typed_incident()
        wait_for_operations(qtbot)
        assert referrals.incident is not None and referrals.incident.id == incident_id
        referral = ReferralForm(office, stored)
        qtbot.addWidget(referral)
        referral.service_type.setCurrentIndex(referral.service_type.findData("health"))
        wait_for_operations(qtbot)
        assert referral.provider.count() == 0 and referral.no_provider.isVisibleTo(referral)
        drafts.offer_drafts(window, office)  # as after an unlock: the drafts are looked up
        qtbot.waitUntil(lambda: len(message_boxes("draftBox")) == 1)
        (box,) = message_boxes("draftBox")
        qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: incidents.form is not first_form)  # the draft's record, reopened
        wait_for_operations(qtbot)
    assert first_form.record_id == incident_id
    assert incidents.form.record_id == incident_id and incidents.form.isVisible()
    assert DraftService(office).pending() == []


def test_a_saved_setting_is_told_to_every_page_that_shows_it(qtbot, chief, gui_reads):
    from shsc_desktop.services.admin import AdminService

    here, there = AdminPage(chief), AdminPage(chief)  # e.g. a second window on the same office
    for page in (here, there):
        qtbot.addWidget(page)
    wait_for_operations(qtbot)
    heard: list[Changes] = []
    sessions.session_of(chief).hub.changed.connect(heard.append)
    with gui_reads.watching():
        here.perpetrator_names.setChecked(True)
        wait_for_operations(qtbot)
        here.retention.setValue(4)
        qtbot.mouseClick(here.save_retention_button, Qt.MouseButton.LeftButton)
        wait_for_operations(qtbot)
        here.auto_lock.setValue(9)
        qtbot.mouseClick(here.save_auto_lock_button, Qt.MouseButton.LeftButton)
        wait_for_operations(qtbot)
    for box in message_boxes():
        box.close()
    assert heard == [
        Changes.of_settings("collect_perpetrator_names"),
        Changes.of_settings("identity_retention_years"),
        Changes.of_settings("auto_lock_minutes"),
    ]
    assert there.perpetrator_names.isChecked()  # read again from the notice
    assert there.retention.value() == 4 and there.auto_lock.value() == 9
    assert AdminService(chief).get_identity_retention_years() == 4


# -- the exchange pages and the desk, at each level -------------------------------------------------


@contextmanager
def _exchange_pages_under_guard(qtbot, root, code, gui_reads):  # type: ignore[no-untyped-def]
    """Office ``code``'s Exchange page (and its desk, above a commune): built, notified, retranslated
    and moved to another month while no read may run on the GUI thread. The office is locked after."""
    from shsc_desktop.views.desk import DeskHomePage
    from shsc_desktop.views.exchange import ExchangePage

    office = open_office(root, code)
    try:
        with gui_reads.watching():
            page = ExchangePage(office)
            qtbot.addWidget(page)
            desk = None
            if office.info.level != "commune":
                desk = DeskHomePage(office)
                qtbot.addWidget(desk)
                desk.activate()
            wait_for_operations(qtbot)
            sessions.session_of(office).hub.notify(EVERYTHING | Changes.of_settings("district.deadline_days"))
            wait_for_operations(qtbot)
            page.retranslate("Exchange")  # a language switch shows what was read, reads nothing
            if page.totals is not None:
                page.totals.month.setCurrentIndex(1)  # another month: read on the runner
                page.completeness.months.setValue(12)
                wait_for_operations(qtbot)
        yield page, desk
    finally:
        office.lock("test")


def test_the_commune_exchange_page_reads_off_the_gui_thread(qtbot, world_dir, gui_reads):  # noqa: F811
    with _exchange_pages_under_guard(qtbot, world_dir, "120101", gui_reads) as (page, _):
        upward = page.upward
        assert upward.status is not None and upward.status.enrolled
        assert upward.month.findData(PERIOD) >= 0  # the approved month, read in the background


def test_the_district_exchange_page_and_desk_read_off_the_gui_thread(qtbot, world_dir, gui_reads):  # noqa: F811
    with _exchange_pages_under_guard(qtbot, world_dir, "1201", gui_reads) as (page, desk):
        assert page.enrol_panel.table.model().rowCount() == 2  # the two communes
        comp = page.completeness.data  # read in the background, then shown
        assert comp is not None and comp.cell("120101", PERIOD).received_at is None  # none sent yet
        communes = {c.code for c in comp.cells}
        assert {"120101", "120109"} <= communes
        assert page.completeness.table.model().rowCount() == len(communes) + 1  # and the reporting rate
        assert page.completeness.deadline.value() >= 0
        assert page.upward.status is not None and page.upward.status.enrolled
        assert desk.desk is not None


def test_the_ministry_exchange_page_and_desk_read_off_the_gui_thread(qtbot, world_dir, gui_reads):  # noqa: F811
    with _exchange_pages_under_guard(qtbot, world_dir, "MOWA", gui_reads) as (page, desk):
        assert page.enrol_panel.table.model().rowCount() == 1  # district 1201
        fingerprint = page.enrol_panel.own_fingerprints["root"]  # read in the background
        assert fingerprint and fingerprint in page.enrol_panel.own.text()
        assert page.upward is None
        assert desk.desk is not None


# -- the write names what it changed; the runner tells it ----------------------------------------


def _contact(name: str):  # type: ignore[no-untyped-def]
    from shsc_desktop.services.contacts import ContactDraft

    return ContactDraft("health_centre", frozenset({"health"}), name_en=name)


def _listening(qtbot, office):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    hub = sessions.session_of(office).hub
    events: list[object] = []
    hub.changed.connect(events.append)
    return parent, hub, events


def test_a_write_tells_every_page_what_its_services_named_once(qtbot, chief):
    from shsc_desktop.services.admin import AdminService
    from shsc_desktop.services.contacts import ContactService
    from shsc_desktop.views.operations import run_write

    parent, hub, events = _listening(qtbot, chief)
    contacts, admin = ContactService(chief), AdminService(chief)

    def work(_task):  # type: ignore[no-untyped-def]
        made = contacts.create(_contact("Tonle Basak HC"))
        admin.set_identity_retention_years(4)
        return made.id

    run_write(parent, hub, work, lambda made: events.append(("saved", made)))
    wait_for_operations(qtbot)
    (made,) = [c.id for c in contacts.search()]
    # One notice for the operation, with what both transactions named, before its callback.
    assert events == [
        Changes.of_registers("contacts") | Changes.of_settings("identity_retention_years"),
        ("saved", made),
    ]


def test_a_failed_write_tells_nothing_and_reports_its_error(qtbot, chief):
    from shsc_desktop.errors import NotFound
    from shsc_desktop.services.contacts import ContactService
    from shsc_desktop.views.operations import run_write

    parent, hub, events = _listening(qtbot, chief)
    contacts = ContactService(chief)
    run_write(parent, hub, lambda _t: contacts.delete("0" * 32, "a mistake"), events.append, events.append)
    wait_for_operations(qtbot)
    assert len(events) == 1 and isinstance(events[0], NotFound)  # the failure, and no notice


def test_what_committed_before_a_failure_is_still_told(qtbot, chief):
    from shsc_desktop.errors import NotFound
    from shsc_desktop.services.contacts import ContactService
    from shsc_desktop.views.operations import run_write

    parent, hub, events = _listening(qtbot, chief)
    contacts = ContactService(chief)

    def work(_task):  # type: ignore[no-untyped-def]
        contacts.create(_contact("Kept HC"))  # committed
        contacts.delete("0" * 32, "a mistake")  # refused, rolled back

    run_write(parent, hub, work, events.append, events.append)
    wait_for_operations(qtbot)
    assert events[0] == Changes.of_registers("contacts")
    assert len(events) == 2 and isinstance(events[1], NotFound)
    assert len(contacts.search()) == 1


def test_the_notice_goes_out_when_the_writing_window_is_gone(qtbot, chief):
    import threading

    import shiboken6
    from PySide6.QtWidgets import QWidget

    from shsc_desktop.services.contacts import ContactService
    from shsc_desktop.views.operations import run_write

    _parent, hub, events = _listening(qtbot, chief)
    contacts = ContactService(chief)
    form = QWidget()  # e.g. a record form closed while its save runs
    gate = threading.Event()

    def work(_task):  # type: ignore[no-untyped-def]
        assert gate.wait(10)
        return contacts.create(_contact("Saved HC"))

    run_write(form, hub, work, lambda _view: events.append("form told"))
    shiboken6.delete(form)
    gate.set()
    wait_for_operations(qtbot)
    assert events == [Changes.of_registers("contacts")]  # the pages hear it; the form is not called


def test_a_user_added_in_the_dialog_is_told_to_every_admin_page(qtbot, chief):
    from shsc_desktop.views.dialogs import AddUserDialog

    here, there = AdminPage(chief), AdminPage(chief)  # there: not wired to the dialog
    for page in (here, there):
        qtbot.addWidget(page)
    wait_for_operations(qtbot)
    users_before = there.users_model.rowCount()
    heard: list[Changes] = []
    sessions.session_of(chief).hub.changed.connect(heard.append)
    dialog = AddUserDialog(chief, here)
    qtbot.keyClicks(dialog.username, "dara")
    qtbot.keyClicks(dialog.password, "dara-password")
    qtbot.keyClicks(dialog.repeat_password, "dara-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    assert heard == [Changes(accounts=True)]  # named by the accounts service, not by the dialog
    assert there.users_model.rowCount() == users_before + 1
