"""Every top-level window and dialog, opened as a user opens it, on an emulated office screen.

Not collected on its own (the name does not start with ``test_``): ``test_screen_geometry.py`` runs
this file in a fresh process per screen, with the offscreen platform configured to that screen
(``screen_fit.platform_for``). Each case opens its windows, then checks them in Khmer and in English
with ``screen_fit`` and fails listing everything that does not fit.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
# ruff: noqa: F811
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QToolTip, QWidget, QWizard

from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.demo import DEMO_CREDENTIALS, create_demo_office
from shsc_desktop.services.office import OfficeFolder
from shsc_desktop.views import i18n
from shsc_desktop.views.crash import CrashDialog
from shsc_desktop.views.incident_table import (
    COL_FOLLOW_UP,
    COL_INCIDENT,
    COL_REPORTED,
    COL_SURVIVOR,
    COL_TYPE,
)
from shsc_desktop.views.messages import confirm
from shsc_desktop.views.register_tables import (
    ContactTableModel,
    FollowUpTableModel,
    MeetingTableModel,
    ReferralTableModel,
)
from shsc_desktop.views.shell import AppShell

from .conftest import unlock_as, wait_for_operations
from .exchange_world import (  # noqa: F401  (fixtures)
    PERIOD,
    chosen,
    exchange_template,
    export_from,
    import_panel,
    shells,
    sign_in,
    world_dir,
)
from .screen_fit import SCREENS, available, emulated_screen, every_tab_problems, settle

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def on_the_emulated_screen() -> None:
    name = emulated_screen()
    assert name in SCREENS, "run through test_screen_geometry.py"
    width, height, _ratio = SCREENS[name]
    assert (available().width(), available().height()) == (width, height)


def in_both_languages(check: Callable[[], list[str]]) -> list[str]:
    problems: list[str] = []
    for lang in ("km", "en"):
        i18n.set_language(lang)
        settle()
        problems += [f"[{lang}] {p}" for p in check()]
    i18n.set_language("en")
    return problems


def report(problems: list[str]) -> None:
    assert not problems, "does not fit:\n" + "\n".join(problems)


# -- the commune office -------------------------------------------------------------------------


@pytest.fixture
def demo_shell(tmp_path: Path) -> Iterator[AppShell]:
    """The demo office (synthetic records in every register), signed in as the chief."""
    create_demo_office(tmp_path / "demo", months=3).lock("fixture")
    folder = OfficeFolder(tmp_path / "demo", kdf=KdfParams.fast_for_tests())
    shell = AppShell(tmp_path / "demo", folder=folder, demo_credentials=DEMO_CREDENTIALS)
    yield shell
    shell.shutdown()


def open_demo(qtbot, shell: AppShell):
    shell.start()
    unlock_as(qtbot, shell, "chief", DEMO_CREDENTIALS["chief"])
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    return shell.main_window


def test_setup_wizard_every_page(qtbot, shell):
    shell.start()
    wizard = shell.wizard
    problems = in_both_languages(lambda: every_tab_problems(wizard, "wizard: level"))
    for level in ("commune", "district"):
        wizard.restart()
        wizard.level_page.radio[level].setChecked(True)
        wizard.next()
        place = wizard.place_page
        place.select(place.province, "12")
        place.select(place.district, "1201")
        if level == "commune":
            place.select(place.commune, "120101")
        problems += in_both_languages(
            lambda level=level: every_tab_problems(wizard, f"wizard: {level} place")
        )
    wizard.next()
    page = wizard.account_page
    page.error.setText(page.problem() or "The two passwords are not the same.")
    page.error.show()
    problems += in_both_languages(lambda: every_tab_problems(wizard, "wizard: account"))
    wizard.office, wizard.recovery_key = shell.folder.create(
        "commune", "120101", "chief", "screen-password-1", "Chief (synthetic)"
    )
    wizard.next()
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    problems += in_both_languages(lambda: every_tab_problems(wizard, "wizard: recovery key"))
    wizard.office.lock("test")
    wizard.office = None
    report(problems)


def test_sign_in_window_and_its_dialogs(qtbot, demo_shell):
    demo_shell.start()
    window = demo_shell.unlock_window
    window.error.setText("The user name or password is not correct.")
    window.error.show()
    problems = in_both_languages(lambda: every_tab_problems(window, "sign-in"))
    recovery = window.open_recovery()
    problems += in_both_languages(lambda: every_tab_problems(recovery, "recovery dialog"))
    recovery.close()
    backup = window.restore_from_file(Path("office-2026-01-31.shscbak"))
    problems += in_both_languages(lambda: every_tab_problems(backup, "backup sign-in dialog"))
    backup.close()
    report(problems)


def test_commune_main_window_every_section(qtbot, demo_shell):
    window = open_demo(qtbot, demo_shell)
    problems = every_section_problems(qtbot, window, "commune main window")
    window.showMaximized()
    settle()
    problems += in_both_languages(lambda: every_tab_problems(window, "commune main window maximised"))
    report(problems)


def every_section_problems(qtbot, window, what: str) -> list[str]:
    problems: list[str] = []
    for section in window.sections:
        window.show_section(section)
        wait_for_operations(qtbot)
        problems += in_both_languages(lambda s=section: every_tab_problems(window, f"{what}: {s}"))
    return problems


def open_and_check(what: str, opener: Callable[[], QWidget | None]) -> list[str]:
    dialog = opener()
    assert dialog is not None, f"{what} did not open"
    settle()
    problems = in_both_languages(lambda: every_tab_problems(dialog, what))
    dialog.close()
    settle()
    return problems


def read_then_opened(qtbot, page) -> Callable[[], QWidget | None]:  # type: ignore[no-untyped-def]
    """``page.open_selected`` reads the record in the background: its form once it is open."""

    def opener() -> QWidget | None:
        page.open_selected()
        wait_for_operations(qtbot)
        form: QWidget | None = page.form
        return form

    return opener


def new_and_saved_form_problems(qtbot, window, section: str, record: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The section's form for a new record and the form of its first saved record, each opened and
    checked."""
    window.show_section(section)
    page = getattr(window, f"{section}_page")
    wait_for_operations(qtbot)
    problems = open_and_check(f"new {record} form", page.open_new)
    page.table.selectRow(0)
    return problems + open_and_check(f"{record} form of a saved record", read_then_opened(qtbot, page))


def test_commune_record_forms_and_dialogs(qtbot, demo_shell):
    window = open_demo(qtbot, demo_shell)
    problems: list[str] = []

    problems += new_and_saved_form_problems(qtbot, window, "incidents", "incident")

    window.show_section("referrals")
    referrals = window.referrals_page
    wait_for_operations(qtbot)
    referrals.lists.setCurrentWidget(referrals.all_box)
    wait_for_operations(qtbot)
    referrals.all_table.selectRow(0)
    referrals.show_incident(referrals.all_model.row_at(0).incident_id)
    wait_for_operations(qtbot)
    assert referrals.incident is not None
    problems += open_and_check("new referral form", referrals.open_new)
    referrals.referral_table.selectRow(0)
    problems += open_and_check("referral update dialog", referrals.open_update)

    def slip_read() -> QWidget | None:  # what the slip may show is read in the background
        dialog = referrals.open_slip()
        wait_for_operations(qtbot)
        return dialog

    problems += open_and_check("referral slip dialog", slip_read)

    problems += new_and_saved_form_problems(qtbot, window, "meetings", "meeting")

    window.show_section("contacts")
    contacts = window.contacts_page
    wait_for_operations(qtbot)
    problems += open_and_check("new contact form", contacts.open_new)

    window.show_section("administration")
    admin = window.admin_page
    wait_for_operations(qtbot)
    problems += open_and_check("add user dialog", admin.open_add_user)
    admin.users_table.selectRow(0)
    problems += open_and_check("reset password dialog", admin.open_reset_password)
    problems += open_and_check("change password dialog", admin.open_change_password)
    report(problems)


def test_administration_identity_access_and_identity_settings(qtbot, demo_shell):
    """The accounts tab with the identity-access button offering either of its texts (to allow a
    clerk to see identifying details, and to withdraw that) and the settings tab with the identity
    settings at their widest value."""
    window = open_demo(qtbot, demo_shell)
    window.show_section("administration")
    admin = window.admin_page
    wait_for_operations(qtbot)
    admin.tabs.setCurrentWidget(admin.accounts_tab)
    problems: list[str] = []
    for may_see in (False, True):
        admin.accounts.set_identity_access("clerk", may_see)
        admin.refresh()
        wait_for_operations(qtbot)  # the users are read in the background
        admin.select_user("clerk")
        assert admin._selected_access()[1] is may_see
        assert admin.identity_access_button.isVisible() and admin.identity_access_button.isEnabled()
        what = f"administration: clerk {'may' if may_see else 'may not'} see identities"
        problems += in_both_languages(lambda what=what: every_tab_problems(window, what))
    admin.retention.setValue(admin.retention.maximum())
    admin.tabs.setCurrentWidget(admin.settings_tab)
    assert admin.perpetrator_names.isVisible() and admin.retention.isVisible()
    fields = [admin.retention, admin.perpetrator_names]
    fields += [admin.settings_form.labelForField(f) for f in (admin.retention_row, admin.perpetrator_names)]

    def settings_problems() -> list[str]:
        found = every_tab_problems(window, "administration: identity settings")
        for field in fields:
            inside = window.rect().contains(QRect(field.mapTo(window, QPoint(0, 0)), field.size()))
            if field.width() < field.minimumSizeHint().width() or not inside:
                text = getattr(field, "text", lambda: "")() or field.objectName()
                found.append(f"administration: identity settings: {text!r} is cut off")
        return found

    problems += in_both_languages(settings_problems)
    report(problems)


# Each register list's columns of codes and dates, which must never be cut.
CODE_COLUMNS = {
    "incidentTable": (COL_INCIDENT, COL_SURVIVOR, COL_REPORTED, COL_FOLLOW_UP),
    "referralTable": (ReferralTableModel.COL_DATE, ReferralTableModel.COL_INCIDENT),
    "allReferralsTable": (ReferralTableModel.COL_DATE, ReferralTableModel.COL_INCIDENT),
    "followUpTable": (
        FollowUpTableModel.COL_DUE,
        FollowUpTableModel.COL_INCIDENT,
        FollowUpTableModel.COL_SURVIVOR,
    ),
    "meetingTable": (MeetingTableModel.COL_DATE,),
    "contactTable": (ContactTableModel.COL_PHONE,),
}


def cut_codes(table: QTableView) -> list[str]:
    """Codes and dates that the visible rows do not show whole."""
    metrics = QFontMetrics(table.font())
    cut = []
    for column in CODE_COLUMNS.get(table.objectName(), ()):
        for row in range(min(table.model().rowCount(), 30)):
            text = str(table.model().index(row, column).data() or "")
            if metrics.horizontalAdvance(text) > table.columnWidth(column) - 8:
                cut.append(text)
    return cut


def shown_rows(table: QTableView) -> int:
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


def test_lists_show_whole_codes_and_the_follow_ups_get_room(qtbot, demo_shell):
    window = open_demo(qtbot, demo_shell)
    window.showMaximized()
    wide = available().width() >= 1366
    office_pc = available().width() >= 1024  # the incident log fits a maximised 1024×768 window
    problems: list[str] = []

    def check(what: str) -> None:
        settle()
        for table in window.findChildren(QTableView):
            if not table.isVisible() or table.model().rowCount() == 0:
                continue
            name = f"{what}: {table.objectName()}"
            cut = cut_codes(table)
            if cut:
                problems.append(f"{name} cuts {cut[:3]}")
            must_fit = wide or (office_pc and table.objectName() == "incidentTable")
            if must_fit and table.horizontalScrollBar().isVisible():
                problems.append(f"{name} scrolls sideways when maximised at {available().width()} px")

    for lang in ("km", "en"):
        i18n.set_language(lang)
        for section in ("incidents", "referrals", "meetings", "contacts"):
            window.show_section(section)
            wait_for_operations(qtbot)
            check(f"[{lang}] {section}")
        referrals = window.referrals_page
        window.show_section("referrals")
        referrals.lists.setCurrentWidget(referrals.all_box)
        wait_for_operations(qtbot)
        check(f"[{lang}] all referrals")
        referrals.lists.setCurrentWidget(referrals.follow_up_box)
        settle()
        due = referrals.follow_up_model.rowCount()
        assert due >= 8, "the demo office should have follow-ups due"
        wanted = 8 if available().height() >= 768 else 4
        shown = shown_rows(referrals.follow_up_table)
        if shown < wanted:
            problems.append(f"[{lang}] follow-ups: {shown} of {due} rows shown")
    report(problems)


def test_a_cut_label_shows_its_whole_text_as_a_tooltip(qtbot, demo_shell):
    window = open_demo(qtbot, demo_shell)
    window.show_section("incidents")
    wait_for_operations(qtbot)
    table = window.incidents_page.table
    table.setColumnWidth(COL_TYPE, 60)
    table.setColumnWidth(COL_INCIDENT, 60)
    for column in (COL_TYPE, COL_INCIDENT):
        index = table.model().index(0, column)
        full = str(index.data())
        rect = table.visualRect(index)
        event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center()))
        QApplication.sendEvent(table.viewport(), event)
        assert QToolTip.text() == full, column
        QToolTip.hideText()


def test_messages_and_the_crash_dialog(qtbot, demo_shell):
    window = open_demo(qtbot, demo_shell)

    def confirmation() -> QWidget:
        confirm(
            window,
            "Delete this record? " * 12,
            "Delete",
            lambda: None,
        )
        return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())

    problems = open_and_check("confirmation box", confirmation)
    problems += open_and_check("crash dialog", lambda: _crash(window))
    report(problems)


def _crash(parent: QWidget) -> QWidget:
    dialog = CrashDialog("Traceback (most recent call last):\n" + "  File ...\n" * 80, parent)
    dialog.show()
    return dialog


# -- the district and the ministry ---------------------------------------------------------------


def test_district_every_page_with_an_import_dry_run_shown(qtbot, shells, world_dir, chosen, tmp_path):
    bundle = export_from(world_dir, "120101", tmp_path / "usb")
    window = sign_in(qtbot, shells, world_dir, "1201")
    problems = every_section_problems(qtbot, window, "district main window")
    panel = import_panel(window)
    chosen.plan(bundle)
    qtbot.mouseClick(panel.choose_button, LEFT)
    wait_for_operations(qtbot)
    assert panel.confirm_button.isVisible()
    problems += in_both_languages(lambda: every_tab_problems(window, "district: import dry run"))
    qtbot.mouseClick(panel.confirm_button, LEFT)
    wait_for_operations(qtbot)
    problems += in_both_languages(lambda: every_tab_problems(window, "district: after the import"))
    window.showMaximized()
    settle()
    problems += in_both_languages(lambda: every_tab_problems(window, "district main window maximised"))
    report(problems)


def test_ministry_every_page(qtbot, shells, world_dir):
    window = sign_in(qtbot, shells, world_dir, "MOWA")
    problems = every_section_problems(qtbot, window, "ministry main window")
    report(problems)
