"""The CCWC focal point in the GUI (issue 11, roles): the chief adds one and changes a clerk into
one and back in Administration; the incident form shows the case worker, lets the chief reassign
her, and opens the identifying section to a focal point on her own cases only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.caseworkers import case_workers
from shsc_desktop.services.incidents import IdentifyingDetails, IncidentDraft, IncidentService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.views import i18n
from shsc_desktop.views.incident_form import IncidentForm

from .conftest import choose, message_boxes, open_as_chief, wait_for_operations

LEFT = Qt.MouseButton.LeftButton


def cell(table, row: int, column: int) -> str:
    """What a table view shows in a cell (its model's display text)."""
    return table.model().index(row, column).data()


FOCAL = ("focal", "focal-password")
OTHER = ("focal2", "focal2-password")


def test_chief_adds_a_focal_point_and_turns_a_clerk_into_one_and_back(qtbot, shell, office_ready):
    window = open_as_chief(qtbot, shell)
    window.show_section("administration")
    page = window.admin_page
    dialog = page.open_add_user()
    assert [dialog.role.itemData(i) for i in range(dialog.role.count())] == ["chief", "focal_point", "clerk"]
    assert dialog.role.currentData() == "clerk"  # the least role is offered first
    choose(dialog.role, "focal_point")
    assert dialog.role.currentText() == "CCWC focal point"
    qtbot.keyClicks(dialog.username, "channary")
    qtbot.keyClicks(dialog.password, "channary-password")
    qtbot.keyClicks(dialog.repeat_password, "channary-password")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    wait_for_operations(qtbot)
    page.select_user("channary")
    row = page.users_table.currentIndex().row()
    assert cell(page.users_table, row, 2) == "CCWC focal point"
    assert cell(page.users_table, row, 3) == "her cases"  # the key, for her own cases
    assert AccountService(shell.office).identity_access()["channary"] is True
    assert page.role_button.isEnabled() and page.role_button.text() == "Make clerk"

    page.select_user("chief")
    assert not page.role_button.isEnabled()
    page.select_user("clerk")
    assert page.role_button.text() == "Make CCWC focal point"
    qtbot.mouseClick(page.role_button, LEFT)
    wait_for_operations(qtbot)  # written, then the list reloaded, in the background
    assert any(b.text().startswith("clerk is now a CCWC focal point") for b in message_boxes())
    page.select_user("clerk")
    assert cell(page.users_table, page.users_table.currentIndex().row(), 2) == "CCWC focal point"
    assert AccountService(shell.office).identity_access()["clerk"] is True
    qtbot.mouseClick(page.role_button, LEFT)
    wait_for_operations(qtbot)
    page.select_user("clerk")
    assert cell(page.users_table, page.users_table.currentIndex().row(), 2) == "Commune clerk"
    assert cell(page.users_table, page.users_table.currentIndex().row(), 3) == "–"
    assert AccountService(shell.office).identity_access()["clerk"] is False

    i18n.set_language("km")
    page.select_user("channary")
    row = page.users_table.currentIndex().row()
    qtbot.waitUntil(lambda: cell(page.users_table, row, 2) == "បុគ្គលបង្គោល គ.ក.ន.ក")
    assert page.role_button.text() not in ("", "Make clerk")  # translated


def _incident(office: UnlockedOffice, worker: str | None) -> str:
    return (
        IncidentService(office)
        .create(
            IncidentDraft(
                date_reported=date.today(),
                classification=(False, False, True),
                case_worker_id=worker,
                identifying=IdentifyingDetails(survivor_name="Synthetic Sokunthea"),
            )
        )
        .id
    )


def test_the_incident_form_shows_the_case_worker_and_only_the_chief_moves_her(
    qtbot, folder: OfficeFolder, chief: UnlockedOffice
):
    accounts = AccountService(chief)
    accounts.add_user(FOCAL[0], "focal_point", FOCAL[1], "Focal Channary")
    accounts.add_user(OTHER[0], "focal_point", OTHER[1])
    ids = {w.username: w.user_id for w in case_workers(chief)}
    others = _incident(chief, ids[OTHER[0]])

    # The chief reassigns the case in the form.
    form = IncidentForm(chief, IncidentService(chief).get(others))
    qtbot.addWidget(form)
    form.show()
    wait_for_operations(qtbot)  # the focal points are read in the background
    assert form.case_worker.isEnabled() and form.case_worker.currentData() == ids[OTHER[0]]
    assert [form.case_worker.itemText(i) for i in range(form.case_worker.count())] == [
        "nobody yet",
        "Focal Channary (focal)",
        "focal2",
    ]
    choose(form.case_worker, ids[FOCAL[0]])
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert not form.isVisible()
    assert IncidentService(chief).get(others).case_worker_id == ids[FOCAL[0]]
    still_others = _incident(chief, ids[OTHER[0]])
    chief.lock("test")

    office = folder.unlock(*FOCAL)
    try:
        service = IncidentService(office)
        # A new case she records is hers; she may name another focal point instead.
        new = IncidentForm(office)
        qtbot.addWidget(new)
        assert new.case_worker.isEnabled() and new.case_worker.currentData() == office.actor.user_id
        assert new.identifying_section.isVisibleTo(new)
        # Her case (reassigned to her): she opens its identity; she cannot move it.
        own = IncidentForm(office, service.get(others))
        qtbot.addWidget(own)
        wait_for_operations(qtbot)
        assert not own.case_worker.isEnabled() and own.case_worker.currentText() == "Focal Channary (focal)"
        assert own.identifying_section.isVisibleTo(own)
        # Another worker's case: no identifying section at all, the worker shown but fixed.
        theirs = IncidentForm(office, service.get(still_others))
        qtbot.addWidget(theirs)
        theirs.show()
        wait_for_operations(qtbot)
        assert not theirs.identifying_section.isVisibleTo(theirs)
        assert not theirs.case_worker.isEnabled() and theirs.case_worker.currentText() == "focal2"
        # Her follow-up on it saves and leaves the worker as it was.
        choose(theirs.risk_level, "high")
        qtbot.mouseClick(theirs.save_button, LEFT)
        wait_for_operations(qtbot)
        assert not theirs.isVisible(), theirs.error.text()
        after = service.get(still_others)
        assert after.risk_level == "high" and after.case_worker_id == ids[OTHER[0]]
    finally:
        office.lock("test")
