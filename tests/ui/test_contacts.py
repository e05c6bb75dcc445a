"""The referral-network directory: entries, search by service, import and export."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from shsc_desktop.exports import directory_io
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.views.register_tables import ContactTableModel

from .conftest import choose, message_boxes, open_as_clerk, wait_for_operations

LEFT = Qt.MouseButton.LeftButton
HEADER = "name_en,name_km,organisation_type,services,contact_person,phone,coverage,active\n"


def _page(qtbot, window):
    window.show_section("contacts")
    wait_for_operations(qtbot)
    return window.contacts_page


def test_clerk_adds_an_entry_and_finds_it_by_service(qtbot, shell, office_ready):
    window = open_as_clerk(qtbot, shell)
    page = _page(qtbot, window)
    form = page.open_new()
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.problems.labels["name_en"].text() == "Enter the organisation's name in Khmer or in English."
    assert form.problems.labels["services"].text() == "This field is required."
    qtbot.keyClicks(form.name_en, "Tonle Basak Health Centre")
    form.name_km.setText("មណ្ឌលសុខភាពទន្លេបាសាក់")  # QTest cannot type non-Latin keys
    form.organisation_type.setCurrentIndex(form.organisation_type.findData("health_centre"))
    choose(form.coverage, "khan")
    qtbot.mouseClick(form.service_boxes["health"], LEFT)
    qtbot.keyClicks(form.phone, "023 000 000")
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, ContactTableModel.COL_NAME).data() == "Tonle Basak Health Centre"
    page.service_filter.setCurrentIndex(page.service_filter.findData("legal"))
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 0
    page.service_filter.setCurrentIndex(page.service_filter.findData("health"))
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 1


def test_a_bad_import_reports_its_lines_and_changes_nothing(qtbot, shell, office_ready, tmp_path):
    window = open_as_clerk(qtbot, shell)
    page = _page(qtbot, window)
    bad = tmp_path / "directory.csv"
    bad.write_text(
        HEADER
        + "Good Clinic,,health_centre,health,Dr Sok,012 345 678,khan,yes\n"
        + "Bad Type,,spaceship,health,Someone,012 345 678,khan,yes\n"
        + "No Services,,health_centre,,Someone,012 345 678,khan,maybe\n",
        encoding="utf-8",
    )
    page.import_file(bad)
    wait_for_operations(qtbot)
    report = page.report
    assert report is not None and report.isVisible()
    lines = [report.lines.item(i).text() for i in range(report.lines.count())]
    assert any(line.startswith("Line 3:") for line in lines)
    assert any(line.startswith("Line 4:") for line in lines)
    assert not any(line.startswith("Line 2:") for line in lines)
    assert ContactService(shell.office).search() == []
    assert page.model.rowCount() == 0
    report.close()

    good = tmp_path / "good.csv"
    line = "Good Clinic,,health_centre,health;psychosocial,Dr Sok,012 345 678,khan,yes\n"
    good.write_text(HEADER + line, "utf-8")
    page.import_file(good)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "New entries: 1" in message_boxes()[0].text()


def test_export_writes_csv_and_xlsx_that_import_again(qtbot, shell, new_office, tmp_path):
    office, _ = new_office
    ContactService(office).create(
        ContactDraft(
            "police_post", frozenset({"police"}), name_en="Post 1", contact_person="Officer", phone="117"
        )
    )
    office.lock("fixture done")
    window = open_as_clerk(qtbot, shell)
    page = _page(qtbot, window)
    for name in ("dir.csv", "dir.xlsx"):
        page.export_file(tmp_path / name)
        wait_for_operations(qtbot)
        rows = directory_io.read(tmp_path / name)
        assert [r.cells["name_en"] for r in rows] == ["Post 1"]


def test_contact_model_passes_the_model_tester(qtmodeltester, chief):
    service = ContactService(chief)
    service.create(ContactDraft("shelter", frozenset({"shelter"}), name_en="Safe House", phone="012 345 678"))
    model = ContactTableModel()
    model.set_rows(service.search())
    qtmodeltester.check(model)


def test_an_entry_opens_as_it_is_now_read_off_the_gui_thread(qtbot, shell, new_office, gui_reads):
    office, _ = new_office
    ContactService(office).create(
        ContactDraft("police_post", frozenset({"police"}), name_en="Post 1", phone="117")
    )
    office.lock("fixture done")
    window = open_as_clerk(qtbot, shell)
    page = _page(qtbot, window)
    (listed,) = page.model.rows()
    # Changed after the list was read (another window, a sync): the form shows the entry as it is now.
    page.service.update(listed.id, replace(listed.as_draft(), phone="118"), listed.version)
    page.table.selectRow(0)
    with gui_reads.watching():
        page.open_selected()
        wait_for_operations(qtbot)
    assert page.form is not None and page.form.isVisible()
    assert page.form.record_id == listed.id
    assert page.form.phone.text() == "118"
