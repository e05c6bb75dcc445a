"""Fresh real offices in a folder of their own, enrolled by request/sign/accept files: for the tests
that build a small chain once per module (RSA 2048 via ``SHSC_RSA_BITS``, cheap KDF) instead of
copying the Exchange world of ``tests/ui/exchange_world.py``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.enrolment import EnrolmentService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice

os.environ.setdefault("SHSC_RSA_BITS", "2048")

PASSWORD = "office-password-1"

Fingerprints = tuple[dict[str, str], dict[str, str]]  # (as the upper office signed, as the lower accepted)


def make_office(root: Path, level: str, code: str, user: str) -> UnlockedOffice:
    folder = OfficeFolder(root / f"{level}-{code or 'mowa'}", kdf=KdfParams.fast_for_tests())
    office, _ = folder.create(level, code, user, PASSWORD)
    return office


def enrol(lower: UnlockedOffice, upper: UnlockedOffice, files: Path) -> Fingerprints:
    code = lower.info.code
    req = EnrolmentService(lower).request(files / f"{code}.request")
    signed = EnrolmentService(upper).sign(req.path, files / f"{code}.package")
    assert signed.request_fingerprint == req.fingerprint  # what both read out over the phone
    accepted = EnrolmentService(lower).accept(signed.path)
    return signed.fingerprints, accepted.fingerprints


@dataclass
class Upper:
    """A ministry with its root and district 1201 enrolled under it; ``files`` holds the enrolment files."""

    root: Path
    files: Path
    ministry: UnlockedOffice
    district: UnlockedOffice
    district_fingerprints: Fingerprints

    def lock(self) -> None:
        for office in (self.ministry, self.district):
            office.lock("test end")


def ministry_and_district(root: Path) -> Upper:
    files = root / "files"
    files.mkdir()
    ministry = make_office(root, "ministry", "", "officer")
    EnrolmentService(ministry).create_root()
    district = make_office(root, "district", "1201", "khan")
    return Upper(root, files, ministry, district, enrol(district, ministry, files))
