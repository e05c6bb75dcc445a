"""The district's and the ministry's desks (issue 14), with real offices and real imported bundles:
the approval of the district's month says who has not reported and asks for an explicit choice; the
pickers are labelled and never jump; Home is a desk at both levels; the wording fits the level and
follows a language switch.
"""

# Fixtures come from exchange_world (shared with test_exchange.py), so parameters shadow imports:
# ruff: noqa: F811
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPushButton

from shsc_desktop.security.keystore import DbKeyStore
from shsc_desktop.services.desk import DeskService
from shsc_desktop.services.exchange_status import ExchangeStatusService
from shsc_desktop.services.returns import ReturnService
from shsc_desktop.services.statistics import period_label
from shsc_desktop.values.period import PHNOM_PENH
from shsc_desktop.views import i18n

from .conftest import answer_confirmation, message_boxes, wait_for_operations
from .exchange_world import (  # noqa: F401  (fixtures)
    PERIOD,
    chosen,
    exchange_template,
    imported,
    open_office,
    previous_period,
    shells,
    sign_in,
    world_dir,
)

LEFT = Qt.MouseButton.LeftButton
TONLE_BASAK = "Tonle Basak (120101)"
TUOL_TUMPUNG_2 = "Tuol Tumpung Ti Pir (120109)"  # enrolled, sends nothing
TUOL_TUMPUNG_1 = "Tuol Tumpung Ti Muoy (120110)"  # in the gazetteer, not enrolled


def district_window(qtbot, shells, root: Path):
    window = sign_in(qtbot, shells, root, "1201")
    window.show_section("exchange")
    page = window.exchange_page
    page.tabs.setCurrentWidget(page.upward)
    return window, page.upward


def district_approved(root: Path, period: str) -> bool:
    office = open_office(root, "1201")
    try:
        return ExchangeStatusService(office).month_approved(period)
    finally:
        office.lock("test")


def box_buttons() -> dict[str, str]:
    box = message_boxes("confirmBox")[0]
    return {b.objectName(): b.text() for b in box.findChildren(QPushButton)}


# ---------------------------------------------------------------------------------------------------


def test_approval_names_the_communes_not_reported_and_waiting_changes_nothing(qtbot, shells, imported):
    _window, upward = district_window(qtbot, shells, imported)
    assert upward.approve_month_label.text() == "Month to approve:"
    assert upward.export_month_label.text() == "Month to send:"
    assert upward.approve_month_label.buddy() is upward.approve_month
    upward.approve_month.setCurrentIndex(upward.approve_month.findData(PERIOD))
    qtbot.mouseClick(upward.approve_button, LEFT)
    qtbot.waitUntil(lambda: len(message_boxes("confirmBox")) == 1)
    assert box_buttons() == {"confirmButton": "Approve as incomplete", "cancelButton": "Wait"}
    text = answer_confirmation(qtbot, confirm=False)  # "Wait"
    assert "Reports received: 1 of 5 communes." in text
    assert f"Not reported: {TUOL_TUMPUNG_2}" in text
    assert TUOL_TUMPUNG_1 in text.split("Not enrolled (cannot report yet):")[1]
    assert TONLE_BASAK not in text  # it reported
    assert "The month is incomplete" in text
    wait_for_operations(qtbot)
    assert not district_approved(imported, PERIOD)


def test_approving_does_not_jump_to_another_month(qtbot, shells, imported):
    _window, upward = district_window(qtbot, shells, imported)
    upward.approve_month.setCurrentIndex(upward.approve_month.findData(PERIOD))
    qtbot.mouseClick(upward.approve_button, LEFT)
    answer_confirmation(qtbot, confirm=True)
    qtbot.waitUntil(lambda: upward.month.count() == 1)
    wait_for_operations(qtbot)
    assert district_approved(imported, PERIOD)
    # the approve box is left empty (no silent jump to the next unapproved month) ...
    assert upward.approve_month.currentIndex() == -1
    assert not upward.approve_button.isEnabled()
    # ... and the approved month is the one offered for sending, in words
    assert upward.month.currentData() == PERIOD
    assert "is approved: it can now be sent to the ministry" in upward.export_result.text()


def test_a_month_without_any_report_needs_an_explicit_choice(qtbot, shells, imported):
    _window, upward = district_window(qtbot, shells, imported)
    empty = previous_period(2)
    upward.approve_month.setCurrentIndex(upward.approve_month.findData(empty))
    qtbot.mouseClick(upward.approve_button, LEFT)
    text = answer_confirmation(qtbot, confirm=False)
    assert "Reports received: 0 of" in text
    assert "No commune has reported" in text and "approve it as incomplete, or wait" in text.lower()
    wait_for_operations(qtbot)
    assert not district_approved(imported, empty)


def cell(view, row: int, column: int) -> str:
    return view.model().index(row, column).data()


def test_district_home_is_a_desk(qtbot, qtmodeltester, shells, imported):
    window = sign_in(qtbot, shells, imported, "1201")
    home = window.home_page
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: home.desk is not None)
    assert home.month_box.title() == f"Reports for {period_label(PERIOD, 'en')}"
    assert home.value["received"].text() == "1 / 5"
    assert home.value["missing"].text() == "1" and home.names["missing"].text() == TUOL_TUMPUNG_2
    assert TUOL_TUMPUNG_1 in home.names["not_enrolled"].text()
    assert home.value["not_enrolled"].text() == "3"
    assert "Next deadline:" in home.deadline.text()
    assert cell(home.imports, 0, 0) == TONLE_BASAK
    assert cell(home.imports, 0, 1) == period_label(PERIOD, "en")
    assert "certificate is valid until" in home.todo.text()
    assert "Every approved month has been sent" in home.todo.text()
    assert home.office_line.text() == "Chamkar Mon, District / khan office (code 1201)"
    qtmodeltester.check(home.imports.model())


def test_district_home_shows_returned_months_and_the_revocation_lists_end(qtbot, shells, imported, tmp_path):
    district = open_office(imported, "1201")
    try:
        ReturnService(district).return_report("120101", PERIOD, "Check the ages.", tmp_path)
        with district.reading() as s:
            crl = DbKeyStore(s).own_crl()
        assert crl is not None and crl.next_update_utc is not None
        ends = crl.next_update_utc
        # a few days before the list runs out the desk warns; long before, it only says the date
        assert DeskService(district, clock=lambda: ends - dt.timedelta(days=5)).desk().crl_expiring
        early = DeskService(district, clock=lambda: ends - dt.timedelta(days=30)).desk()
        assert early.crl_until == ends and not early.crl_expiring
    finally:
        district.lock("test")
    window = sign_in(qtbot, shells, imported, "1201")
    home = window.home_page
    qtbot.waitUntil(lambda: home.desk is not None)
    assert home.value["returned"].text() == "1"
    assert home.names["returned"].text() == TONLE_BASAK
    assert home.caption["returned"].text() == "returned for correction (no corrected report yet)"
    assert home.value["received"].text() == "1 / 5"  # a returned month still counts as received
    day = ends.astimezone(PHNOM_PENH).strftime("%Y-%m-%d")
    assert f"The revocation list this office signs is valid until {day}." in home.todo.text()


def test_ministry_home_names_the_ministry_once_and_counts_districts(qtbot, shells, imported):
    window = sign_in(qtbot, shells, imported, "MOWA")
    home = window.home_page
    qtbot.waitUntil(lambda: home.desk is not None)
    name = window.office.info.name_en
    assert home.office_line.text() == name
    assert "(code" not in home.office_line.text()
    assert home.value["received"].text() == "0 / 1"
    assert "Chamkar Mon (1201)" in home.names["missing"].text()
    assert "districts" in home.caption["received"].text()
    assert cell(home.imports, 0, 0) == "Nothing imported yet."
    assert "The revocation list this office signs is valid until" in home.todo.text()  # the root's
    # the ministry's totals speak of a national summary, not a district one
    window.show_section("exchange")
    totals = window.exchange_page.totals
    assert "district" not in totals.print_button.text().lower()


def test_totals_name_the_missing_and_forget_another_months_file(
    qtbot, shells, imported, chosen, tmp_path, monkeypatch
):
    window = sign_in(qtbot, shells, imported, "1201")
    window.show_section("exchange")
    totals = window.exchange_page.totals
    wait_for_operations(qtbot)
    # the month's sums and statistics are read off the GUI thread
    threads = []
    read_month = totals.service.month

    def month(period):
        threads.append(threading.current_thread())
        return read_month(period)

    monkeypatch.setattr(totals.service, "month", month)
    totals.show_month(PERIOD)
    wait_for_operations(qtbot)
    assert f"Missing: {TUOL_TUMPUNG_2}" in totals.reporting.text()
    assert threads and threading.main_thread() not in threads
    pdf = tmp_path / "out" / "district.pdf"
    chosen.plan(pdf)
    qtbot.mouseClick(totals.pdf_button, LEFT)
    wait_for_operations(qtbot)
    assert str(pdf) in totals.file_result.text()
    totals.show_month(previous_period(2))
    wait_for_operations(qtbot)
    assert totals.file_result.text() == ""


def test_exchange_texts_follow_a_language_switch(qtbot, shells, imported, chosen, tmp_path):
    _window, upward = district_window(qtbot, shells, imported)
    upward.approve_month.setCurrentIndex(upward.approve_month.findData(PERIOD))
    qtbot.mouseClick(upward.approve_button, LEFT)
    answer_confirmation(qtbot, confirm=True)
    qtbot.waitUntil(lambda: upward.month.count() == 1)
    chosen.plan(tmp_path / "usb-up")
    qtbot.mouseClick(upward.export_button, LEFT)
    wait_for_operations(qtbot)
    assert upward.history.model().index(0, 0).data() == period_label(PERIOD, "en")
    assert "sequence 1" in upward.export_result.text()
    assert (
        "Certificate District / khan office 1201, issued by the certificate authority of"
        in upward.certificate_status.text()
    )
    try:
        i18n.set_language("km")
        QCoreApplication.processEvents()
        assert upward.history.model().index(0, 0).data() == period_label(PERIOD, "km")
        assert upward.history.model().headerData(2, Qt.Orientation.Horizontal) == "លេខរៀង"
        status = upward.certificate_status.text()
        assert "SHSC district" not in status and "1201" in status
    finally:
        i18n.set_language("en")
        QCoreApplication.processEvents()
    assert upward.history.model().index(0, 0).data() == period_label(PERIOD, "en")


def test_return_notices_and_imports_remember_their_own_folders(
    qtbot, shells, imported, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    documents = home / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    window = sign_in(qtbot, shells, imported, "1201")
    window.show_section("exchange")
    page = window.exchange_page
    completeness, imports = page.completeness, page.import_panel
    stick = tmp_path / "commune-stick"
    stick.mkdir()
    dialog = completeness.choose_return_folder("120101", PERIOD, "Check the ages.")
    assert Path(dialog.directory().absolutePath()) == documents
    dialog.selectFile(str(stick))
    dialog.accept()
    qtbot.waitUntil(lambda: any(stick.iterdir()), timeout=30000)
    wait_for_operations(qtbot)

    def opened_in(dialog) -> Path:
        folder = Path(dialog.directory().absolutePath())
        dialog.reject()
        return folder

    # the next notice goes to the same stick; the bundles brought in are not looked for there
    assert opened_in(completeness.choose_return_folder("120101", PERIOD, "Again.")) == stick
    assert opened_in(imports.choose_files()) == documents


def at_1024(qtbot, shells, root: Path):
    window = sign_in(qtbot, shells, root, "1201")
    window.showNormal()
    window.resize(1024, 768)
    window.show_section("exchange")
    wait_for_operations(qtbot)
    return window, window.exchange_page


def settle_in(lang: str) -> None:
    i18n.set_language(lang)
    for _ in range(3):
        QCoreApplication.processEvents()


def test_completeness_shows_every_month_whole_at_1024(qtbot, shells, imported):
    window, page = at_1024(qtbot, shells, imported)
    page.tabs.setCurrentWidget(page.completeness)
    table = page.completeness.table

    model = table.model()

    def newest_in_view() -> bool:
        newest = model.columnCount() - 1
        left = table.columnViewportPosition(newest)
        return left >= 0 and left + table.columnWidth(newest) <= table.viewport().width()

    try:
        for lang in ("km", "en"):
            settle_in(lang)
            assert window.width() == 1024
            assert model.columnCount() == 7  # the office and six months
            assert table.horizontalScrollBar().maximum() == 0, lang  # nothing to scroll to
            assert newest_in_view(), lang
            # a white month before the office's first one says so briefly (the legend explains)
            assert any(model.index(r, 1).data() == "–" for r in range(model.rowCount() - 1))
        # twelve months: the newest one is still the one in view
        page.completeness.months.setValue(12)
        settle_in("km")
        assert model.columnCount() == 13 and newest_in_view()
    finally:
        i18n.set_language("en")


def label_read_whole(table, row: int) -> bool:
    """The row label shows whole: on one line, or (when the table neither elides nor uses an eliding
    delegate) wrapped — at spaces, or between letters for Khmer — within its cell's width and height."""
    index = table.model().index(row, 0)
    text = index.data()
    rect = table.visualRect(index)
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font.resolve(table.font()) if font is not None else table.font())
    room = rect.width() - 12
    if metrics.horizontalAdvance(text) <= room:
        return True
    delegate = table.itemDelegateForIndex(index)
    if table.textElideMode() != Qt.TextElideMode.ElideNone or hasattr(delegate, "mode"):
        return False  # it elides what does not fit on one line
    words_fit = all(metrics.horizontalAdvance(w) <= room for w in text.split())
    wrap = Qt.TextFlag.TextWordWrap if words_fit else Qt.TextFlag.TextWrapAnywhere
    needed = metrics.boundingRect(QRect(0, 0, room, 100000), int(wrap), text)
    return needed.width() <= room and needed.height() <= rect.height()


def shown_totals(qtbot, shells, root: Path, width: int = 1024):
    """The district's Totals tab showing PERIOD in a window ``width`` pixels wide."""
    window, page = at_1024(qtbot, shells, root)
    window.resize(width, 768)
    totals = page.totals
    page.tabs.setCurrentWidget(totals)
    totals.show_month(PERIOD)
    wait_for_operations(qtbot)
    return totals


def each_language(qtbot) -> Iterator[str]:
    """Khmer, then English, each settled (its refresh read, its layout done); English at the end."""
    try:
        for lang in ("km", "en"):
            settle_in(lang)
            wait_for_operations(qtbot)
            for _ in range(3):
                QCoreApplication.processEvents()
            yield lang
    finally:
        i18n.set_language("en")


def test_totals_row_labels_read_whole_at_1024(qtbot, shells, imported):
    totals = shown_totals(qtbot, shells, imported)
    table = totals.headline
    for lang in each_language(qtbot):
        rows = table.model().rowCount()
        assert rows > 3
        cut = [table.model().index(r, 0).data() for r in range(rows) if not label_read_whole(table, r)]
        assert not cut, f"[{lang}] cut: {cut}"
        # the chart's bars are labelled whole too (a line of their own above each bar)
        assert totals.chart.bars and not totals.chart.cut_labels(), f"[{lang}] {totals.chart.cut_labels()}"


def test_the_by_office_table_needs_no_sideways_scroll_at_1366(qtbot, shells, imported):
    """Issue 14: on a 1366×768 screen the breakdown by office shows every column at once."""
    totals = shown_totals(qtbot, shells, imported, width=1366)
    for lang in each_language(qtbot):
        bd = totals.breakdown
        assert bd.model().rowCount() > 1 and bd.isVisible()
        assert not bd.horizontalScrollBar().isVisible(), f"[{lang}] the by-office table scrolls sideways"
