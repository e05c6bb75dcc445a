"""Shared fixtures: a fresh encrypted office per test, with cheap key derivation.

Every test gets its own data folder with a real SQLCipher file and real key slots; only the Argon2id
cost is lowered (``tests/security/test_vault.py`` checks the production parameters separately).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SHSC_KDF"] = "fast"

from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.accounts import AccountService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice

COMMUNE_CODE = "120101"  # Tonle Basak, Chamkar Mon, Phnom Penh
CHIEF = ("chief", "chief-password")
CLERK = ("clerk", "clerk-password")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On Windows, skip what needs POSIX (``posix_only``) or poppler when it is not installed.

    Nothing is skipped on Linux, where CI runs: there these tests must pass.
    """
    if os.name != "nt":
        return
    no_poppler = shutil.which("pdftotext") is None
    for item in items:
        if item.get_closest_marker("posix_only"):
            item.add_marker(pytest.mark.skip(reason="needs POSIX; installer/BUILD.md has the Windows check"))
        elif no_poppler and _reads_pdfs_with_poppler(item):
            item.add_marker(pytest.mark.skip(reason="no poppler (pdftotext): installer/BUILD.md"))


def _reads_pdfs_with_poppler(item: pytest.Item) -> bool:
    path = getattr(item, "path", None)
    try:
        source = Path(path).read_text(encoding="utf-8") if path else ""
    except OSError:
        return False
    return "pdftotext" in source or "pdftoppm" in source


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "office"


@pytest.fixture
def folder(data_dir: Path) -> OfficeFolder:
    return OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())


@pytest.fixture
def new_office(folder: OfficeFolder) -> Iterator[tuple[UnlockedOffice, str]]:
    """A commune office just set up: (unlocked as the chief, recovery key). A clerk exists too."""
    office, recovery = folder.create("commune", COMMUNE_CODE, CHIEF[0], CHIEF[1], "Chief Sokha")
    AccountService(office).add_user(CLERK[0], "clerk", CLERK[1], "Clerk Dara")
    yield office, recovery
    office.lock("test end")


@pytest.fixture
def chief(new_office: tuple[UnlockedOffice, str]) -> UnlockedOffice:
    return new_office[0]


@pytest.fixture
def recovery_key(new_office: tuple[UnlockedOffice, str]) -> str:
    return new_office[1]


@pytest.fixture
def clerk(folder: OfficeFolder, chief: UnlockedOffice) -> Iterator[UnlockedOffice]:
    office = folder.unlock(*CLERK)
    yield office
    office.lock("test end")
