"""Return for correction (issue 11, point 7): district 1201 sends commune 120101's month back with a
reason, as a notice file signed like its bundles; the commune imports it (refused if forged, altered
or for another office), sees it until it exports a newer revision, and the district's completeness
shows the month returned until that newer bundle arrives.

Real offices (each its own encrypted folder), enrolled by request/sign/accept files with real
certificates (RSA 2048), built once per module; the tests run in file order on the same offices.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shsc_desktop.cli import main
from shsc_desktop.errors import NoticeRejected, ValidationFailed
from shsc_desktop.exports.notice import build_notice, make_notice_payload
from shsc_desktop.models.tables import AuditEntry, ReturnNotice
from shsc_desktop.security import keystore, pki
from shsc_desktop.security.keystore import DbKeyStore
from shsc_desktop.security.pki import Purpose
from shsc_desktop.services.completeness import CompletenessService
from shsc_desktop.services.enrolment import EnrolmentService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.returns import ReturnService

from .offices import PASSWORD, enrol, make_office, ministry_and_district

os.environ.setdefault("SHSC_RSA_BITS", "2048")

REASON = "Physical assault counted twice: please check incidents 3 and 4."


def previous_period() -> str:
    today = dt.date.today()
    index = today.year * 12 + today.month - 2
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


PERIOD = previous_period()


@dataclass
class Offices:
    root: Path
    district: UnlockedOffice
    other_district: UnlockedOffice  # 1202: enrolled by the same ministry, not 120101's district
    communes: dict[str, UnlockedOffice]
    bundles: dict[str, Path]


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Offices]:
    upper = ministry_and_district(tmp_path_factory.mktemp("returns"))
    root, district = upper.root, upper.district
    other = make_office(root, "district", "1202", "khan")
    enrol(other, upper.ministry, upper.files)
    communes = {}
    bundles = {}
    for code in ("120101", "120109"):
        communes[code] = make_office(root, "commune", code, "chief")
        enrol(communes[code], district, upper.files)
        MonthService(communes[code]).approve(PERIOD)
        bundles[code] = ExportService(communes[code]).export_month(PERIOD, root / "usb").path
    assert ImportService(district).import_files(list(bundles.values())).imported == 2
    yield Offices(root, district, other, communes, bundles)
    upper.lock()
    for office in (other, *communes.values()):
        office.lock("test end")


def _notices(office: UnlockedOffice) -> int:
    with office.reading() as s:
        return int(s.scalar(select(func.count()).select_from(ReturnNotice)) or 0)


def _audited(office: UnlockedOffice, action: str) -> list[dict[str, object]]:
    with office.reading() as s:
        return [
            json.loads(d) for d in s.scalars(select(AuditEntry.details).where(AuditEntry.action == action))
        ]


# ---------------------------------------------------------------------------------------------------


def test_the_round_trip(offices: Offices, tmp_path: Path) -> None:
    district, commune = offices.district, offices.communes["120101"]
    returns = ReturnService(district)
    with pytest.raises(ValidationFailed):
        returns.return_report("120101", PERIOD, "  ", tmp_path)  # a reason is required
    sent = returns.return_report("120101", PERIOD, REASON, tmp_path)
    assert sent.path.name == f"SHSC-RETURN-120101-{PERIOD}-r1.shscret" and sent.revision == 1
    assert _audited(district, "bundle_returned")[0]["reason"] == REASON
    # Anyone can check it by hand against the ministry root (docs/bundle-format.md).
    root_pem = tmp_path / "ministry-root.pem"
    with commune.reading() as s:
        root = keystore.pinned_root(s)
    assert root is not None
    root_pem.write_bytes(pki.cert_pem(root))
    checked = subprocess.run(
        ["openssl", "cms", "-verify", "-inform", "DER", "-in", str(sent.path), "-CAfile", str(root_pem)],
        capture_output=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["reason"] == REASON

    completeness = CompletenessService(district).completeness([PERIOD])
    assert completeness.cell("120101", PERIOD).returned == REASON
    assert completeness.cell("120101", PERIOD).status == "nil_report"  # still received, and counted
    assert completeness.cell("120109", PERIOD).returned is None

    # The commune's chief imports it: signed by her own district, for her commune.
    notice = ReturnService(commune).import_notice(sent.path)
    assert (notice.period, notice.revision, notice.district_code, notice.reason) == (
        PERIOD,
        1,
        "1201",
        REASON,
    )
    assert notice.outstanding and not notice.already_imported
    assert [n.reason for n in ReturnService(commune).notices(outstanding_only=True)] == [REASON]
    again = ReturnService(commune).import_notice(sent.path)
    assert again.already_imported and _notices(commune) == 1
    assert len(_audited(commune, "return_notice_imported")) == 1

    # She corrects the month: reopened, approved again, exported as revision 2.
    months = MonthService(commune)
    months.reopen(PERIOD, "returned by the district for correction")
    months.approve(PERIOD)
    corrected = ExportService(commune).export_month(PERIOD, tmp_path / "usb")
    assert corrected.revision == 2
    assert ReturnService(commune).notices(outstanding_only=True) == []
    assert not ReturnService(commune).notices()[0].outstanding

    # Until the newer bundle arrives, the district still sees the month returned.
    assert CompletenessService(district).completeness([PERIOD]).cell("120101", PERIOD).returned == REASON
    assert ImportService(district).import_files([corrected.path]).updated == 1
    assert CompletenessService(district).completeness([PERIOD]).cell("120101", PERIOD).returned is None


def _signed_by(office: UnlockedOffice, payload: dict[str, object], *, as_commune: bool = False) -> bytes:
    """A notice signed with ``office``'s own keys, as someone holding that office's data key could."""
    with office.reading() as s:
        store = DbKeyStore(s)
        cert = store.cert("signing")
        assert cert is not None
        key = store.key(Purpose.SIGNING, office.data_key, office.keys)
        if as_commune:
            return build_notice(payload, key, cert, store.chain()[:-1], [])
        ca = EnrolmentService(office)._authority(s)
        return build_notice(payload, key, cert, (ca.cert,), [ca.crl, *ca.crls])


def _payload(district_code: str, commune_code: str = "120101") -> dict[str, object]:
    return make_notice_payload(
        district_code=district_code,
        commune_code=commune_code,
        period=PERIOD,
        revision=1,
        bundle_id="6f1c2a3e-0000-4000-8000-000000000001",
        content_sha256="ab" * 32,
        reason="Forged: send us all your data again.",
        created_at=dt.datetime.now(dt.UTC),
    )


def test_a_forged_notice_is_refused(offices: Offices, tmp_path: Path) -> None:
    commune = offices.communes["120101"]
    before = _notices(commune)
    # Another district of the same ministry: a valid chain, but not the district that enrolled her.
    forged = tmp_path / "forged.shscret"
    forged.write_bytes(_signed_by(offices.other_district, _payload("1202")))
    with pytest.raises(NoticeRejected) as caught:
        ReturnService(commune).import_notice(forged)
    assert caught.value.reason == "not_our_district"
    # A neighbouring commune of the same district, signing with its own certificate.
    neighbour = tmp_path / "neighbour.shscret"
    neighbour.write_bytes(_signed_by(offices.communes["120109"], _payload("1201"), as_commune=True))
    with pytest.raises(NoticeRejected) as caught:
        ReturnService(commune).import_notice(neighbour)
    assert caught.value.reason == "not_a_district"
    # The real district's notice with its reason changed on the way.
    genuine = _signed_by(offices.district, _payload("1201"))
    altered = tmp_path / "altered.shscret"
    altered.write_bytes(genuine.replace(b"send us all", b"send us ALL"))
    with pytest.raises(NoticeRejected) as caught:
        ReturnService(commune).import_notice(altered)
    assert caught.value.reason == "bad_signature"
    # Not a notice at all: one of her own bundles.
    with pytest.raises(NoticeRejected) as caught:
        ReturnService(commune).import_notice(offices.bundles["120101"])
    assert caught.value.reason == "not_a_notice"
    assert _notices(commune) == before


def test_a_notice_for_another_commune_is_refused(offices: Offices, tmp_path: Path) -> None:
    sent = ReturnService(offices.district).return_report(
        "120109", PERIOD, "Nil report? Check again.", tmp_path
    )
    commune = offices.communes["120101"]
    before = _notices(commune)
    with pytest.raises(NoticeRejected) as caught:
        ReturnService(commune).import_notice(sent.path)
    assert caught.value.reason == "wrong_recipient" and _notices(commune) == before
    assert ReturnService(offices.communes["120109"]).import_notice(sent.path).outstanding


def test_the_command_line(
    offices: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    def run(office: str, user: str, *argv: str) -> int:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PASSWORD.encode() + b"\n")))
        data_dir = offices.root / office
        return main(["--data-dir", str(data_dir), "--user", user, "--password-stdin", *argv])

    for office in (offices.district, offices.communes["120109"]):
        office.lock("the command line opens its own session")
    assert (
        run(
            "district-1201",
            "khan",
            "return",
            "send",
            "--office",
            "120109",
            "--month",
            PERIOD,
            "--reason",
            "Please recount",
            "-o",
            str(tmp_path),
        )
        == 0
    )
    path = tmp_path / f"SHSC-RETURN-120109-{PERIOD}-r1.shscret"
    assert str(path) in capsys.readouterr().out
    assert run("district-1201", "khan", "return", "list") == 0
    assert f"{PERIOD} 120109 r1" in capsys.readouterr().out
    assert run("commune-120109", "chief", "return", "accept", str(path)) == 0
    assert f"{PERIOD} returned by district 1201: Please recount" in capsys.readouterr().out
    assert run("commune-120101", "chief", "return", "accept", str(path)) != 0
    assert "not for this office" in capsys.readouterr().err
