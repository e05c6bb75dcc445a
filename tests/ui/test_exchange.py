"""The Exchange section end to end with real offices (separate encrypted data folders, a test PKI in
RSA 2048): a commune exports its approved month; the district imports it through the dry run and the
confirmation, sees it again as "already imported", and refuses a tampered file with its reason;
enrolment of a new commune by request, answer and installation with fingerprints compared.

File dialogs are pre-answered (``chosen``); confirmation boxes are answered like a user would.
"""

# Fixtures come from exchange_world (shared with test_district.py), so parameters shadow imports:
# ruff: noqa: F811
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from shsc_desktop.models.tables import BundleReceived, EnrolledOffice, ImportedStatistics
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.enrolment import EnrolmentService, bound_office_keys
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.office import OfficeFolder
from shsc_desktop.values.changes import NOTHING
from shsc_desktop.views import i18n
from shsc_desktop.views.messages import bundle_reason_text

from .conftest import answer_confirmation, message_boxes, wait_for_operations
from .exchange_world import (  # noqa: F401  (fixtures)
    FOLDERS,
    PASSWORD,
    PERIOD,
    chosen,
    exchange_template,
    open_office,
    shells,
    sign_in,
    world_dir,
)

LEFT = Qt.MouseButton.LeftButton


def export_with_services(root: Path, code: str, out: Path) -> Path:
    office = open_office(root, code)
    try:
        return ExportService(office).export_month(PERIOD, out).path
    finally:
        office.lock("test export")


def district_counts(root: Path) -> tuple[int, int]:
    office = open_office(root, "1201")
    try:
        with office.reading() as s:
            received = s.scalar(select(func.count()).select_from(BundleReceived))
            stats = s.scalar(select(func.count()).select_from(ImportedStatistics))
        return int(received or 0), int(stats or 0)
    finally:
        office.lock("test count")


def close_messages(qtbot) -> list[str]:
    texts = []
    for box in message_boxes():
        texts.append(box.text())
        box.accept()
    return texts


# ---------------------------------------------------------------------------------------------------


def test_commune_exports_an_approved_month_and_again_the_same_revision(
    qtbot, shells, world_dir, chosen, tmp_path
):
    window = sign_in(qtbot, shells, world_dir, "120101")
    window.show_section("exchange")
    panel = window.exchange_page.upward
    assert panel.isVisible()
    status = panel.certificate_status.text()
    # the certificates by name, in the interface language (issue 14 point 6), not "SHSC district CA 1201"
    assert "Certificate Commune / sangkat office 120101, issued by the certificate authority of " in status
    assert "District / khan office 1201" in status
    assert "valid until" in status and "Not revoked." in status
    assert "root" in panel.fingerprints.text().lower() or "Ministry root" in panel.fingerprints.text()
    # only approved months are offered
    assert [panel.month.itemData(i) for i in range(panel.month.count())] == [PERIOD]

    usb = tmp_path / "usb"
    usb.mkdir()
    chosen.plan(usb)
    qtbot.mouseClick(panel.export_button, LEFT)
    wait_for_operations(qtbot)
    name = f"SHSC-120101-{PERIOD}-r1.shsc"
    assert (usb / name).exists()
    assert str(usb / name) in panel.export_result.text()
    # the line follows a language switch (there and back)
    english = panel.export_result.text()
    i18n.set_language("km")
    QApplication.processEvents()  # Qt posts LanguageChange to the windows
    assert str(usb / name) in panel.export_result.text() and "Written" not in panel.export_result.text()
    i18n.set_language("en")
    QApplication.processEvents()
    assert panel.export_result.text() == english
    history = panel.history.model()
    assert history.rowCount() == 1
    assert history.index(0, 3).data() == name
    assert history.index(0, 1).data() == "1"  # revision

    # export the same revision again, to another stick: same content, the history says so
    again = tmp_path / "usb2"
    again.mkdir()
    panel.history.selectRow(0)
    assert panel.reexport_button.isEnabled()
    chosen.plan(again)
    qtbot.mouseClick(panel.reexport_button, LEFT)
    wait_for_operations(qtbot)
    assert "Written again, same content" in panel.export_result.text()
    assert (again / name).exists()
    assert history.rowCount() == 2
    # the bundle chosen to write again is still the one selected after the list was read again
    [selected] = panel.history.selectionModel().selectedRows()
    assert not history.index(selected.row(), 4).data().endswith("(again)")


def test_district_imports_with_dry_run_then_already_imported(qtbot, shells, world_dir, chosen, tmp_path):
    bundle = export_with_services(world_dir, "120101", tmp_path / "usb")
    window = sign_in(qtbot, shells, world_dir, "1201")
    window.show_section("exchange")
    page = window.exchange_page
    panel = page.import_panel
    page.tabs.setCurrentWidget(panel)

    chosen.plan(bundle)
    qtbot.mouseClick(panel.choose_button, LEFT)
    wait_for_operations(qtbot)
    assert panel.summary is not None and panel.summary.dry_run
    assert "Dry run" in panel.title.text()
    # the dry run says what *will* happen, and names the office (issue 14 point 3)
    assert panel.table.model().index(0, panel.COL_RESULT).data() == "Will be imported"
    assert panel.table.model().index(0, panel.COL_OFFICE).data() == "Tonle Basak (120101)"
    assert panel.table.model().headerData(panel.COL_SEQUENCE, Qt.Orientation.Horizontal) == "Sequence"
    assert "1 will be imported" in panel.counts.text()
    assert panel.counts.text().startswith("1 file: ")  # %n plural forms, not "1 file(s)"
    assert panel.confirm_button.isVisible() and panel.confirm_button.isEnabled()
    assert district_counts(world_dir) == (0, 0)  # the dry run changed nothing

    qtbot.mouseClick(panel.confirm_button, LEFT)
    wait_for_operations(qtbot)
    assert panel.title.text() == "Import done"
    assert panel.table.model().index(0, panel.COL_RESULT).data() == "Imported"
    assert "1 imported" in panel.counts.text()
    # what a cancelled import left out stays said after a language switch re-shows the summary
    panel.not_imported = 2
    panel.show_summary(panel.summary)
    assert panel.counts.text().endswith("Stopped: 2 files were not imported.")
    i18n.set_language("km")
    qtbot.waitUntil(lambda: "បានបញ្ឈប់" in panel.counts.text())
    assert "Stopped" not in panel.counts.text()
    i18n.set_language("en")
    qtbot.waitUntil(lambda: panel.counts.text().endswith("Stopped: 2 files were not imported."))
    panel.not_imported = 0
    panel.show_summary(panel.summary)
    assert not panel.confirm_button.isVisible()
    assert district_counts(world_dir) == (1, 1)
    # the other tabs know at once
    assert page.totals.data is not None

    chosen.plan(bundle)
    qtbot.mouseClick(panel.choose_button, LEFT)
    wait_for_operations(qtbot)
    assert panel.table.model().index(0, panel.COL_RESULT).data() == "Already imported"
    assert not panel.confirm_button.isEnabled()  # nothing to do
    assert district_counts(world_dir) == (1, 1)


def test_tampered_bundle_is_rejected_with_its_reason_and_changes_nothing(
    qtbot, shells, world_dir, chosen, tmp_path
):
    good = export_with_services(world_dir, "120109", tmp_path / "usb")
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "usb" / "SHSC-120109-tampered.shsc"
    tampered.write_bytes(bytes(data))
    window = sign_in(qtbot, shells, world_dir, "1201")
    window.show_section("exchange")
    panel = window.exchange_page.import_panel

    chosen.plan(tampered)
    qtbot.mouseClick(panel.choose_button, LEFT)
    wait_for_operations(qtbot)
    result = panel.summary.results[0]
    assert result.rejected and result.reason in ("cannot_decrypt", "bad_signature", "not_a_bundle")
    assert panel.table.model().index(0, panel.COL_RESULT).data() == "Rejected"
    assert panel.table.model().index(0, panel.COL_DETAIL).data() == bundle_reason_text(result.reason)
    # the whole reason is readable in the pane below the table, not squeezed into a column
    assert panel.details.isVisible()
    assert bundle_reason_text(result.reason) in panel.details.text()
    assert "1 rejected" in panel.counts.text()
    assert not panel.confirm_button.isEnabled()
    assert district_counts(world_dir) == (0, 0)
    assert tampered.read_bytes() == bytes(data)  # left untouched


def test_enrol_a_new_commune_with_fingerprints_compared(qtbot, shells, world_dir, chosen, tmp_path):
    # a new commune office, set up on its own computer, writes its request from the Exchange section
    folder = OfficeFolder(world_dir / "commune-120110", kdf=KdfParams.fast_for_tests())
    office, _ = folder.create("commune", "120110", "chief", PASSWORD)
    office.lock("set up")
    FOLDERS["120110"] = "commune-120110"
    try:
        commune = sign_in(qtbot, shells, world_dir, "120110")
        commune.show_section("exchange")
        upward = commune.exchange_page.upward
        assert "no certificate" in upward.certificate_status.text()
        assert not upward.export_button.isEnabled()
        request = tmp_path / "usb" / "120110.shscreq"
        chosen.plan(request)
        qtbot.mouseClick(upward.request_button, LEFT)
        wait_for_operations(qtbot)
        assert request.exists()
        fingerprint = upward.last_request_fingerprint
        assert len(fingerprint.split()) == 16
        assert any(fingerprint in text for text in close_messages(qtbot))

        # the district opens the request, sees who asks and the same fingerprint, and answers
        district = sign_in(qtbot, shells, world_dir, "1201")
        district.show_section("exchange")
        enrol = district.exchange_page.enrol_panel
        package = tmp_path / "usb" / "120110.shscpkg"
        chosen.plan(request)
        chosen.plan(package)
        qtbot.mouseClick(enrol.answer_button, LEFT)
        wait_for_operations(qtbot)
        text = answer_confirmation(qtbot)
        assert "120110" in text and "Tuol Tumpung Ti Muoy" in text and fingerprint in text
        qtbot.waitUntil(lambda: enrol.last_package is not None)  # after the box has closed
        wait_for_operations(qtbot)  # the notice's refresh of the list
        assert package.exists()
        assert "120110" in [
            enrol.table.model().index(i, 0).data() for i in range(enrol.table.model().rowCount())
        ]
        signing_fp = enrol.last_package.fingerprints["signing"]

        # the commune installs the package after comparing the fingerprints
        chosen.plan(package)
        qtbot.mouseClick(upward.install_button, LEFT)
        wait_for_operations(qtbot)
        text = answer_confirmation(qtbot)
        assert signing_fp in text
        qtbot.waitUntil(
            lambda: "Certificate Commune / sangkat office 120110" in upward.certificate_status.text()
        )
        close_messages(qtbot)
        assert "Certificate Commune / sangkat office 120110," in upward.certificate_status.text()
        assert "Not revoked." in upward.certificate_status.text()
    finally:
        del FOLDERS["120110"]


def test_district_revokes_a_commune_after_a_warning(qtbot, shells, world_dir):
    from shsc_desktop.views.form_helpers import reason_dialogs

    window = sign_in(qtbot, shells, world_dir, "1201")
    window.show_section("exchange")
    enrol = window.exchange_page.enrol_panel
    codes = [enrol.table.model().index(i, 0).data() for i in range(enrol.table.model().rowCount())]
    assert codes == ["120101", "120109"]
    enrol.table.selectRow(1)
    qtbot.mouseClick(enrol.revoke_button, LEFT)
    dialog = reason_dialogs()[0]
    assert "final" in dialog.prompt.text()
    qtbot.keyClicks(dialog.reason, "computer stolen")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    text = answer_confirmation(qtbot)
    assert "cannot be undone" in text
    qtbot.waitUntil(lambda: enrol.table.model().index(1, 3).data() == "Revoked: computer stolen")
    office = open_office(world_dir, "1201")
    try:
        assert [e.revoked for e in EnrolmentService(office).enrolled()] == [False, True]
    finally:
        office.lock("test")


def test_enrolled_offices_show_their_bound_office_keys(qtbot, shells, world_dir):
    """Issue 10: the district's list of enrolled communes shows the office-key fingerprint each one
    is bound to (selectable, to compare with the commune's recovery sheet); a row enrolled before
    office keys (trust on first use) shows that it is not yet bound."""
    office = open_office(world_dir, "1201")
    try:
        with office.transaction(NOTHING) as s:
            rows = {r.code: r for r in s.scalars(select(EnrolledOffice))}
            bound = bound_office_keys(rows["120101"])
            assert bound and bound_office_keys(rows["120109"])
            older = json.loads(rows["120109"].fingerprints)
            del older["office_keys"]  # as enrolled before office keys existed
            rows["120109"].fingerprints = json.dumps(older)
    finally:
        office.lock("test")
    window = sign_in(qtbot, shells, world_dir, "1201")
    window.show_section("exchange")
    enrol = window.exchange_page.enrol_panel
    header = enrol.table.model().headerData(4, Qt.Orientation.Horizontal)
    assert header == "Office keys"
    assert [enrol.table.model().index(i, 0).data() for i in range(2)] == ["120101", "120109"]
    assert enrol.table.model().index(0, 4).data() == bound
    assert enrol.table.model().index(1, 4).data() == "not yet bound"
    assert enrol.office_keys.isHidden()
    enrol.table.selectRow(0)
    line = enrol.office_keys
    assert not line.isHidden() and line.text() == f"Office keys of 120101: {bound}"
    assert line.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    enrol.table.selectRow(1)
    assert "Office keys of 120109: not yet bound" in line.text()
