"""A faster variant of the ``chief`` fixture for heavily parametrised tests.

Setting up an office runs every migration (about 0.3 s); the tamper and bit-flip matrices need a
fresh office per case. The office is set up once per session and its data folder is *copied* for
each test: still real SQLCipher files and real key slots, unlocked through the normal path.
(All copies share one data key; each test only ever sees its own copy.)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from shsc_desktop.errors import WrongCredentials
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from tests.conftest import CHIEF, CLERK, COMMUNE_CODE


@dataclass
class QuickOffice:
    folder: OfficeFolder
    chief: UnlockedOffice
    recovery_key: str


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    data_dir = tmp_path_factory.mktemp("template") / "office"
    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())
    office, recovery = folder.create("commune", COMMUNE_CODE, CHIEF[0], CHIEF[1], "Chief Sokha")
    AccountService(office).add_user(CLERK[0], "clerk", CLERK[1], "Clerk Dara")
    office.lock("template")
    (data_dir / "lockout.json").unlink(missing_ok=True)
    return data_dir, recovery


@pytest.fixture
def quick(office_template: tuple[Path, str], tmp_path: Path) -> Iterator[QuickOffice]:
    template, recovery = office_template
    data_dir = tmp_path / "office"
    shutil.copytree(template, data_dir)
    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())
    chief = folder.unlock(*CHIEF)
    yield QuickOffice(folder, chief, recovery)
    chief.lock("test end")


def unlocks(folder: OfficeFolder, username: str, password: str) -> bool:
    """Whether ``username`` gets in with ``password`` (the office is locked again at once)."""
    try:
        office = folder.unlock(username, password)
    except WrongCredentials:
        return False
    office.lock("test")
    return True
