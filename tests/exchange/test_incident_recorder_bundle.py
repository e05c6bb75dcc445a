"""The Incident Recorder's tables in the exchange (issue 11 points 4 and 5): carried in bundles,
checked strictly on import, summed at the district and the ministry, shown in their PDF and XLSX;
and a bundle without them (a month approved before they existed) still imports, without the district
summing them over part of its communes.

Real offices of the Exchange world (district 1201, communes 120101 and 120109, the ministry) and
bundles signed with the communes' own keys.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from shsc_desktop.exports import bundle_build
from shsc_desktop.models.tables import ExportRecord
from shsc_desktop.services import table_check
from shsc_desktop.services.district import DistrictService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.statistics import CountTable

from ..ui.exchange_world import PERIOD, open_office
from .commune_signer import CommuneSigner, genuine_tables

NEW_TABLES = (
    "incidents_by_place",
    "incidents_by_time_of_day",
    "incidents_by_case_context",
    "incidents_by_reporter",
    "previously_reported",
    "perpetrator_sex",
    "perpetrator_count",
    "rape_time_to_report",
    "children_by_consent_route",  # the children's consent routes came with the same version
)


@pytest.fixture
def offices(world_dir: Path) -> Iterator[dict[str, UnlockedOffice]]:
    opened = {code: open_office(world_dir, code) for code in ("120101", "120109", "1201")}
    yield opened
    for office in opened.values():
        office.lock("test")


def older(tables: dict[str, Any]) -> dict[str, Any]:
    """The tables a month approved before the Incident Recorder tables existed carries."""
    return {k: v for k, v in copy.deepcopy(tables).items() if k not in NEW_TABLES}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_the_district_sums_shows_and_sends_up_the_new_tables(
    offices: dict[str, UnlockedOffice], world_dir: Path, tmp_path: Path
) -> None:
    commune, district = offices["120101"], offices["1201"]
    genuine = genuine_tables(commune, PERIOD)
    assert set(NEW_TABLES) <= set(genuine)
    bundle = ExportService(commune).export_month(PERIOD, tmp_path / "usb").path
    assert ImportService(district).import_files([bundle]).imported == 1
    service = DistrictService(district)
    month = service.month(PERIOD)
    for key in NEW_TABLES:
        assert month.statistics.table(key).cells == CountTable.from_dict(genuine[key]).cells, key
    # The district's own (exact) summary and its shared XLSX show them, in both languages.
    exact = service.summary_pdf(PERIOD, "en", tmp_path / "out" / "exact.pdf", shared=False)
    text = pdf_text(exact)
    for heading in ("Place of the incident", "Number of perpetrators", "time from incident to report"):
        assert heading in text, heading
    for lang, title in (("en", "Incidents by place"), ("km", "ករណីតាមទីកន្លែង")):
        xlsx = load_workbook(service.tables_xlsx(PERIOD, lang, tmp_path / "out" / f"d-{lang}.xlsx"))
        assert any(ws["A1"].value == title for ws in xlsx.worksheets), lang
    # Up to the ministry: carried exactly, accepted, summed.
    MonthService(district).approve(PERIOD)
    up = ExportService(district).export_month(PERIOD, tmp_path / "up").path
    with district.reading() as s:
        payload = json.loads(s.scalars(select(ExportRecord.payload)).one())
    assert set(NEW_TABLES) <= set(payload["tables"])
    ministry = open_office(world_dir, "MOWA")
    try:
        assert ImportService(ministry).import_files([up]).imported == 1
        national = DistrictService(ministry).month(PERIOD).statistics
        for key in NEW_TABLES:
            assert national.table(key).cells == CountTable.from_dict(genuine[key]).cells, key
    finally:
        ministry.lock("test")


def version_1(signer: CommuneSigner, folder: Path, tables: dict[str, Any], monkeypatch: Any) -> Path:
    """A bundle of data format version 1, as the app wrote before the new tables."""
    with monkeypatch.context() as m:
        m.setattr(bundle_build, "SCHEMA_VERSION", 1)  # what full_payload writes
        return signer.bundle(folder, tables, period=PERIOD)


def test_an_older_bundle_without_them_imports_and_is_not_part_summed(
    offices: dict[str, UnlockedOffice], world_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commune 120101 sends the new tables; 120109 sends a month approved before they existed (its
    figures without them, data format version 1). The district takes both, leaves the new tables
    out of its totals (a sum over one commune would not be the district's month), and the ministry
    accepts its bundle."""
    commune, other, district = offices["120101"], offices["120109"], offices["1201"]
    genuine = genuine_tables(commune, PERIOD)
    new = ExportService(commune).export_month(PERIOD, tmp_path / "usb").path
    old = version_1(CommuneSigner.of(other), tmp_path / "usb", older(genuine), monkeypatch)
    assert ImportService(district).verify_file(old).sender == "120109"  # version 1 opens
    result = ImportService(district).import_files([new, old])
    assert result.imported == 2, result.results
    service = DistrictService(district)
    stats = service.month(PERIOD).statistics
    headline = stats.table("headline").value("new_incidents", "this_month")
    assert headline == 2 * genuine["headline"]["cells"]["new_incidents"]["this_month"]
    keys = {t.key for t in stats.tables}
    assert not keys & set(NEW_TABLES)  # left out, not shown as zeros nor as one commune's part
    assert stats.table("survivor_sex").total == headline  # the older tables are summed as before
    text = pdf_text(service.summary_pdf(PERIOD, "en", tmp_path / "out" / "d.pdf", shared=False))
    assert "Survivors" in text and "Place of the incident" not in text
    MonthService(district).approve(PERIOD)
    up = ExportService(district).export_month(PERIOD, tmp_path / "up").path
    ministry = open_office(world_dir, "MOWA")
    try:
        assert ImportService(ministry).import_files([up]).imported == 1
        national = DistrictService(ministry).month(PERIOD).statistics
        assert national.table("headline").value("new_incidents", "this_month") == headline
        assert not {t.key for t in national.tables} & set(NEW_TABLES)
    finally:
        ministry.lock("test")


def _edited(genuine: dict[str, Any], key: str, how: str) -> dict[str, Any]:
    tables = copy.deepcopy(genuine)
    t = tables[key]
    if how == "unknown_row":
        t["rows"].append("rooftop")
        t["cells"]["rooftop"] = dict.fromkeys(t["cols"], 0)
    elif how == "totals_on_a_multi_select":
        t["col_totals"] = {"count": 0}
        t["total"] = 0
    elif how == "off_headline":
        table = CountTable.from_dict(t)
        counts = {(r, c): int(table.value(r, c)) for r in table.rows for c in table.cols}
        counts[table.rows[0], table.cols[0]] += 1
        rebuilt = CountTable.build(
            key, table.row_list, table.col_list, counts, rows=table.rows, cols=table.cols
        )
        tables[key] = rebuilt.to_dict()
    return tables


def test_a_version_1_bundle_may_not_carry_them(
    offices: dict[str, UnlockedOffice], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commune, district = offices["120101"], offices["1201"]
    genuine = genuine_tables(commune, PERIOD)
    path = version_1(CommuneSigner.of(commune), tmp_path / "usb", genuine, monkeypatch)
    (result,) = ImportService(district).import_files([path]).results
    assert result.outcome == "rejected" and result.reason == table_check.UNKNOWN, result
    assert "version 1" in result.message


@pytest.mark.parametrize(
    ("key", "how", "reason"),
    [
        ("incidents_by_place", "unknown_row", table_check.UNKNOWN),
        ("incidents_by_case_context", "totals_on_a_multi_select", table_check.MALFORMED),
        ("incidents_by_place", "off_headline", table_check.HEADLINE_MISMATCH),
        ("incidents_by_reporter", "off_headline", table_check.HEADLINE_MISMATCH),
        ("perpetrator_count", "off_headline", table_check.HEADLINE_MISMATCH),
        ("previously_reported", "off_headline", table_check.HEADLINE_MISMATCH),
    ],
)
def test_the_new_tables_are_checked_strictly(
    offices: dict[str, UnlockedOffice], tmp_path: Path, key: str, how: str, reason: str
) -> None:
    commune, district = offices["120101"], offices["1201"]
    genuine = genuine_tables(commune, PERIOD)
    path = CommuneSigner.of(commune).bundle(tmp_path / "usb", _edited(genuine, key, how), period=PERIOD)
    (result,) = ImportService(district).import_files([path]).results
    assert result.outcome == "rejected" and result.reason == reason, result
    assert key in result.message
