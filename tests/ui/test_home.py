"""The home page: this month's numbers, and the chief approving and reopening the month."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from shsc_desktop.models import gazetteer
from shsc_desktop.services.incidents import IncidentDraft, IncidentService
from shsc_desktop.services.months import MonthService, add_months
from shsc_desktop.views.form_helpers import reason_dialogs

from ..conftest import COMMUNE_CODE
from .conftest import answer_confirmation, open_as_chief, open_as_clerk, wait_for_operations

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()
PERIOD = f"{TODAY:%Y-%m}"
LAST_MONTH = add_months(PERIOD, -1)  # the month to approve: the last one that has ended


def test_home_counts_this_month_and_the_chief_approves_and_reopens(qtbot, shell, new_office):
    office, _ = new_office
    IncidentService(office).create(
        IncidentDraft(
            date_reported=TODAY,
            classification=(True,),
            village_code=gazetteer.villages(COMMUNE_CODE)[0].code,
            consent_reporting=True,  # Home counts what the summary counts (issue 9 point 4)
        )
    )
    office.lock("fixture done")
    window = open_as_chief(qtbot, shell)
    page = window.home_page
    assert page.value["incidents"].text() == "1"
    assert page.approve_button.isVisible() and not page.reopen_button.isVisible()
    qtbot.mouseClick(page.approve_button, LEFT)
    answer_confirmation(qtbot, confirm=True)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.reopen_button.isVisible())
    assert "Its figures are kept as approved" in page.month_status.text()
    assert LAST_MONTH in page.month_box.title()
    assert MonthService(shell.office).status(LAST_MONTH).approved
    qtbot.mouseClick(page.reopen_button, LEFT)
    dialog = reason_dialogs()[0]
    qtbot.keyClicks(dialog.reason, "A late report belongs to this month")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.approve_button.isVisible())
    assert not MonthService(shell.office).status(LAST_MONTH).approved


def test_the_clerk_sees_the_numbers_but_cannot_approve(qtbot, shell, office_ready):
    window = open_as_clerk(qtbot, shell)
    page = window.home_page
    assert page.value["incidents"].text() == "0"
    assert not page.approve_button.isVisible() and not page.reopen_button.isVisible()
