"""The Referrals page as a list of all referrals, and printing a slip from it."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

from PySide6.QtCore import Qt

from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IdentifyingDetails, IncidentDraft, IncidentService
from shsc_desktop.services.referrals import ReferralDraft, ReferralService

from .conftest import open_as_chief, open_as_clerk, wait_for_operations

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()
CANARY = "CANARY Sokunthea"


def _referrals(office, count: int = 3) -> list[str]:
    provider = ContactService(office).create(
        ContactDraft(
            "health_centre", frozenset({"health", "legal"}), name_en="Health Centre", phone="023 880 880"
        )
    )
    codes = []
    for i in range(count):
        incident = IncidentService(office).create(
            IncidentDraft(
                date_reported=TODAY,
                classification=(False, False, True),
                consent_services="yes",
                identifying=IdentifyingDetails(survivor_name=f"{CANARY} {i}", narrative="NARRATIVE"),
            )
        )
        service = "legal" if i == 0 else "health"
        ReferralService(office).create(
            incident.id, ReferralDraft(service, provider.id, TODAY, follow_up_date=TODAY + timedelta(days=9))
        )
        codes.append(incident.incident_code)
    return codes


def _page(qtbot, window):
    window.show_section("referrals")
    page = window.referrals_page
    wait_for_operations(qtbot)
    return page


def test_all_referrals_are_listed_and_filtered(qtbot, shell, new_office):
    office, _ = new_office
    codes = _referrals(office)
    office.lock("fixture done")
    page = _page(qtbot, open_as_chief(qtbot, shell))
    page.lists.setCurrentWidget(page.all_box)
    assert page.all_model.rowCount() == 3 and page.all_count.text() == "3 referrals"
    page.filter_service.setCurrentIndex(page.filter_service.findData("legal"))
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.all_model.rowCount() == 1)
    assert page.all_model.row_at(0).incident_code == codes[0]
    page.filter_due.setChecked(True)  # nothing is due yet
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.all_model.rowCount() == 0)
    page.filter_due.setChecked(False)
    wait_for_operations(qtbot)
    page.all_table.selectRow(0)
    page._all_chosen(None)
    wait_for_operations(qtbot)  # the incident is read in the background
    assert page.incident is not None and page.incident.incident_code == codes[0]


def test_the_chief_prints_a_slip_with_the_name_only_when_ticked(qtbot, shell, new_office, tmp_path):
    office, _ = new_office
    codes = _referrals(office, 1)
    office.lock("fixture done")
    page = _page(qtbot, open_as_chief(qtbot, shell))
    qtbot.keyClicks(page.incident_code, codes[0])
    qtbot.mouseClick(page.show_button, LEFT)
    wait_for_operations(qtbot)  # the incident's referrals are read in the background
    assert not page.slip_button.isEnabled()
    page.referral_table.selectRow(0)
    assert page.slip_button.isEnabled()
    qtbot.mouseClick(page.slip_button, LEFT)
    dialog = page.slip_dialog
    wait_for_operations(qtbot)  # what may be printed is read in the background
    assert dialog.details_box.isVisibleTo(dialog)
    assert not any(box.isChecked() for box in dialog.fields.values())
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save(tmp_path / "plain.pdf")
    wait_for_operations(qtbot)
    dialog.fields["survivor_name"].setChecked(True)
    dialog.save(tmp_path / "named.pdf")
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: "Saved:" in dialog.message.text())

    def text(name: str) -> str:
        return subprocess.run(
            ["pdftotext", str(tmp_path / name), "-"], check=True, capture_output=True, text=True
        ).stdout

    assert CANARY not in text("plain.pdf") and codes[0] in text("plain.pdf")
    assert f"{CANARY} 0" in text("named.pdf") and "NARRATIVE" not in text("named.pdf")


def test_the_clerk_is_not_offered_identifying_details_read_in_background(qtbot, shell, new_office, gui_reads):
    office, _ = new_office
    codes = _referrals(office, 1)
    office.lock("fixture done")
    page = _page(qtbot, open_as_clerk(qtbot, shell))
    page.show_incident(IncidentService(shell.office).get_by_code(codes[0]).id)
    wait_for_operations(qtbot)
    page.referral_table.selectRow(0)
    with gui_reads.watching():  # what may be printed is read on the background runner
        dialog = page.open_slip()
        assert not dialog.save_button.isEnabled()  # nothing may be printed before the answer
        wait_for_operations(qtbot)
    assert not dialog.details_box.isVisibleTo(dialog)
    assert dialog.save_button.isEnabled()


def test_the_directory_is_printed_from_the_contacts_page(qtbot, shell, new_office, tmp_path):
    office, _ = new_office
    _referrals(office, 1)
    office.lock("fixture done")
    window = open_as_chief(qtbot, shell)
    window.show_section("contacts")
    page = window.contacts_page
    dialog = page.choose_directory_file()
    dialog.reject()
    target = tmp_path / "directory.pdf"
    page.write_directory(target, "en")
    wait_for_operations(qtbot)
    text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True, text=True).stdout
    assert "Referral network directory" in text and "Health Centre" in text
