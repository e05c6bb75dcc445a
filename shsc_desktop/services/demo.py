"""The throw-away demo office used by ``--demo``, ``demo-data``, screenshots and benchmarks.

Everything here is synthetic. The demo office uses cheap key derivation because its passwords are
printed on screen anyway; it lives in a temporary folder unless a folder is given.
"""

from __future__ import annotations

from pathlib import Path

from ..security.kdf import KdfParams
from .accounts import AccountService
from .office import OfficeFolder, UnlockedOffice

DEMO_COMMUNE = "120101"  # Tonle Basak, Khan Chamkar Mon, Phnom Penh
DEMO_CREDENTIALS = {"chief": "chief-demo-1", "clerk": "clerk-demo-1"}


def create_demo_office(data_dir: Path, months: int = 12, seed: int = 7) -> UnlockedOffice:
    """A commune office with a chief and a clerk and ``months`` months of synthetic records.

    Returns the office unlocked as the chief.
    """
    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())
    office, _recovery = folder.create(
        "commune", DEMO_COMMUNE, "chief", DEMO_CREDENTIALS["chief"], "Chief Demo (synthetic)"
    )
    AccountService(office).add_user("clerk", "clerk", DEMO_CREDENTIALS["clerk"], "Clerk Demo (synthetic)")
    fill_demo_data(office, months, seed)
    return office


def fill_demo_data(office: UnlockedOffice, months: int, seed: int = 7) -> dict[str, int]:
    """Add synthetic records for the last ``months`` months; returns counts by register."""
    try:
        from . import synthetic
    except ImportError:  # the registers arrive with their own issue
        return {}
    return synthetic.generate(office, months=months, seed=seed)
