"""Real offices for the Exchange tests: the ministry, district 1201 and communes 120101 and 120109, each
its own encrypted data folder, enrolled by request/sign/accept files through the services (RSA 2048,
cheap KDF). Built once per session and *copied* for each test, so every test starts from the same
state and can change it freely.

Commune 120101 has incidents in the previous month (some cells of 1–4, to check suppression) and
has approved that month; 120109 has approved the same month with nothing in it (a nil report). No
bundle has been exported yet.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from shsc_desktop.values.changes import NOTHING

os.environ.setdefault("SHSC_RSA_BITS", "2048")

from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.enrolment import EnrolmentService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService, ImportSummary
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.views.shell import AppShell

PASSWORD = "office-password-1"
USERS = {"ministry": "officer", "district": "khan", "commune": "chief"}
FOLDERS = {
    "MOWA": "ministry",
    "1201": "district-1201",
    "120101": "commune-120101",
    "120109": "commune-120109",
}


def previous_period(months: int = 1, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    index = today.year * 12 + today.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


PERIOD = previous_period()

# gbv_type → count in 120101's month: a mix of large and small cells.
INCIDENTS = {"physical_assault": 7, "psych_emotional": 3, "sexual_assault": 1}


def folder_of(root: Path, code: str) -> OfficeFolder:
    return OfficeFolder(root / FOLDERS[code], kdf=KdfParams.fast_for_tests())


def open_office(root: Path, code: str) -> UnlockedOffice:
    folder = folder_of(root, code)
    return folder.unlock(USERS[folder.info().level], PASSWORD)


def export_from(root: Path, code: str, folder: Path, period: str = PERIOD) -> Path:
    """``code``'s bundle for ``period``, exported to ``folder`` (the USB stick); the office locked again."""
    office = open_office(root, code)
    try:
        return ExportService(office).export_month(period, folder).path
    finally:
        office.lock("test")


def import_into(root: Path, code: str, bundles: list[Path]) -> ImportSummary:
    """``bundles`` imported at office ``code``; the office locked again."""
    office = open_office(root, code)
    try:
        return ImportService(office).import_files(bundles)
    finally:
        office.lock("test")


def add_incidents(office: UnlockedOffice, period: str, counts: dict[str, int]) -> None:
    from sqlalchemy import func, select

    from shsc_desktop.models.tables import Incident

    day = dt.date(int(period[:4]), int(period[5:]), 10)
    with office.transaction(NOTHING) as s:
        n = int(s.scalar(select(func.count(Incident.id))) or 0)
        for gbv_type, count in counts.items():
            for _ in range(count):
                s.add(
                    Incident(
                        incident_code=f"{office.info.code}-{period}-{n:03d}",
                        survivor_code=f"S{n:04d}",
                        date_reported=day,
                        period=period,
                        gbv_type=gbv_type,
                        consent_reporting=True,
                        created_by="chief",
                        updated_by="chief",
                    )
                )
                n += 1


def approve(office: UnlockedOffice, period: str) -> None:
    from shsc_desktop.services.months import MonthService

    MonthService(office).approve(period)


def build_world(root: Path) -> None:
    files = root / "enrolment"
    files.mkdir(parents=True)
    offices: dict[str, UnlockedOffice] = {}
    for code, level in (
        ("MOWA", "ministry"),
        ("1201", "district"),
        ("120101", "commune"),
        ("120109", "commune"),
    ):
        folder = folder_of(root, code)
        offices[code], _ = folder.create(level, "" if code == "MOWA" else code, USERS[level], PASSWORD)
    EnrolmentService(offices["MOWA"]).create_root()
    for lower, upper in (("1201", "MOWA"), ("120101", "1201"), ("120109", "1201")):
        req = EnrolmentService(offices[lower]).request(files / f"{lower}.shscreq")
        EnrolmentService(offices[upper]).sign(req.path, files / f"{lower}.shscpkg")
        EnrolmentService(offices[lower]).accept(files / f"{lower}.shscpkg")
    add_incidents(offices["120101"], PERIOD, INCIDENTS)
    approve(offices["120101"], PERIOD)
    approve(offices["120109"], PERIOD)
    for office in offices.values():
        office.lock("world built")
    for name in FOLDERS.values():
        (root / name / "lockout.json").unlink(missing_ok=True)


@pytest.fixture(scope="session")
def exchange_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exchange-world")
    build_world(root)
    return root


@pytest.fixture
def world_dir(exchange_template: Path, tmp_path: Path) -> Path:
    """A private copy of the four offices for this test."""
    root = tmp_path / "world"
    shutil.copytree(exchange_template, root)
    return root


@pytest.fixture
def imported(world_dir: Path, tmp_path: Path) -> Path:
    """120101's month exported and imported at the district; 120109 has sent nothing."""
    bundle = export_from(world_dir, "120101", tmp_path / "usb")
    assert import_into(world_dir, "1201", [bundle]).imported == 1
    return world_dir


@dataclass
class Opened:
    shell: AppShell
    window: object


@pytest.fixture
def shells() -> Iterator[list[AppShell]]:
    opened: list[AppShell] = []
    yield opened
    for shell in opened:
        shell.shutdown()


def sign_in(qtbot, shells: list[AppShell], root: Path, code: str):  # type: ignore[no-untyped-def]
    """Open the office's window as its administrator, through the sign-in window."""
    from .conftest import unlock_as

    folder = folder_of(root, code)
    shell = AppShell(root / FOLDERS[code], folder=folder)
    shells.append(shell)
    shell.start()
    unlock_as(qtbot, shell, USERS[folder.info().level], PASSWORD)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    return shell.main_window


def import_panel(window):  # type: ignore[no-untyped-def]
    """The district's or ministry's Exchange section, opened on its import tab."""
    window.show_section("exchange")
    page = window.exchange_page
    page.tabs.setCurrentWidget(page.import_panel)
    return page.import_panel


class ChosenPaths:
    """Pre-answers the Exchange section's file dialogs: each call takes the next planned answer."""

    def __init__(self) -> None:
        self.answers: list[list[Path]] = []
        self.titles: list[str] = []

    def plan(self, *paths: Path) -> None:
        self.answers.append(list(paths))

    def __call__(self, parent, title, on_chosen, **_kw):  # type: ignore[no-untyped-def]
        self.titles.append(title)
        assert self.answers, f"unexpected file dialog: {title}"
        on_chosen(self.answers.pop(0))
        return None


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> ChosenPaths:
    from shsc_desktop.views import exchange_common

    answers = ChosenPaths()
    monkeypatch.setattr(exchange_common, "choose_path", answers)  # every panel looks it up there
    return answers
