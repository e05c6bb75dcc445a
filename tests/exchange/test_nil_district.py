"""Issue 9, "missing is never zero": a district whose communes all sent nil reports has reported.

Its bundle to the ministry is a nil report like a commune's, carrying only its "reports received"
table (how many communes reported, all of them nil reports), so the ministry counts the district as
a nil report (not missing, not a month of zero figures) and still sees its communes' completeness.
Real offices (the Exchange world: ministry, district 1201, communes 120101 and 120109; the gazetteer
lists five communes in khan 1201); hostile variants signed with the district's own keys.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from shsc_desktop.errors import ValidationFailed
from shsc_desktop.models.tables import ExportRecord
from shsc_desktop.services import table_check
from shsc_desktop.services.completeness import MISSING, NIL_REPORT, CompletenessService
from shsc_desktop.services.district import DistrictService, month_rates
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService

from ..ui.exchange_world import PERIOD, open_office
from .commune_signer import CommuneSigner, genuine_tables, stored


def _nil_district_bundle(root: Path, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """Both enrolled communes send nil reports (120109 its own approved empty month; 120101 a nil
    report signed with its own keys), the district imports them, approves and exports its month:
    the bundle and the payload it sent."""
    nil_commune = open_office(root, "120109")
    try:
        sent = ExportService(nil_commune).export_month(PERIOD, tmp_path / "usb")
        assert sent.nil_report
    finally:
        nil_commune.lock("test")
    other = open_office(root, "120101")
    try:
        other_nil = CommuneSigner.of(other).bundle(tmp_path / "usb", None, period=PERIOD)
    finally:
        other.lock("test")
    district = open_office(root, "1201")
    try:
        assert ImportService(district).import_files([sent.path, other_nil]).imported == 2
        DistrictService(district).approve_month(PERIOD)
        up = ExportService(district).export_month(PERIOD, tmp_path / "up")
        assert up.nil_report
        with district.reading() as s:
            payload = json.loads(s.scalars(select(ExportRecord.payload)).one())
    finally:
        district.lock("test")
    return up.path, payload


def test_a_district_of_nil_reports_is_a_nil_report_at_the_ministry(world_dir: Path, tmp_path: Path) -> None:
    up, payload = _nil_district_bundle(world_dir, tmp_path)
    # a nil report whose only table says who reported: 2 of the 5 communes, both nil reports
    assert payload["nil_report"] is True and set(payload["tables"]) == {"reporting"}
    counts = {r: c["count"] for r, c in payload["tables"]["reporting"]["cells"].items()}
    assert counts["expected"] == 5 and counts["reported"] == counts["nil_report"] == 2
    assert counts["missing"] == 3
    ministry = open_office(world_dir, "MOWA")
    try:
        tally = CompletenessService(ministry)
        summary = ImportService(ministry).import_files([up])
        (result,) = summary.results
        assert result.outcome == "imported" and result.nil_report, result
        cell = tally.completeness([PERIOD]).cell("1201", PERIOD)
        assert cell.status == NIL_REPORT and cell.reported
        (rate,) = month_rates(tally.completeness([PERIOD]))
        assert (rate.reported, rate.nil_reports) == (1, 1)
        month = DistrictService(ministry).month(PERIOD)
        assert month.totals.reporting == month.totals.nil_reports == ("1201",)
        assert month.totals.missing == ()
        (row,) = [r for r in month.breakdown if r.code == "1201"]
        assert row.status == "nil_report"
        # the month is reported, with nothing in it: zeros, not "–" (not reported)
        head = month.statistics.table("headline")
        assert head.value("new_incidents", "this_month") == 0
        assert head.value("new_incidents", "year_to_date") == 0
        assert month.statistics.nil_report
        # and the ministry still sees the district's communes: 2 of 5 reported, both nil reports
        reporting = month.statistics.table("reporting")
        assert (reporting.value("expected"), reporting.value("reported")) == (5, 2)
        assert (reporting.value("nil_report"), reporting.value("missing")) == (2, 3)
    finally:
        ministry.lock("test")


def test_a_district_none_of_whose_communes_reported_has_nothing_to_send(
    world_dir: Path, tmp_path: Path
) -> None:
    """Missing is never zero: a district that imported no report for the month cannot export it as
    a month of figures (a bundle the ministry would refuse, "no headline table") nor as a nil report;
    it is refused with a coded message, nothing is recorded, and the ministry shows it missing. Once
    one commune's bundle is in, the same approved month goes up."""
    district = open_office(world_dir, "1201")
    try:
        DistrictService(district).approve_month(PERIOD)
        exporter = ExportService(district)
        with pytest.raises(ValidationFailed) as err:
            exporter.export_month(PERIOD, tmp_path / "up")
        problem = err.value.problems["period"]
        assert getattr(problem, "code", None) == "nothing_reported", problem
        assert getattr(problem, "params", None) == (PERIOD,)
        assert "Missing is not zero" in problem and PERIOD in problem
        assert not (tmp_path / "up").exists() or not any((tmp_path / "up").iterdir())
        with district.reading() as s:
            assert s.scalar(select(func.count()).select_from(ExportRecord)) == 0
    finally:
        district.lock("test")
    ministry = open_office(world_dir, "MOWA")
    try:
        cell = CompletenessService(ministry).completeness([PERIOD]).cell("1201", PERIOD)
        assert cell.status == MISSING and not cell.reported
    finally:
        ministry.lock("test")
    commune = open_office(world_dir, "120109")
    try:
        sent = ExportService(commune).export_month(PERIOD, tmp_path / "usb")
    finally:
        commune.lock("test")
    district = open_office(world_dir, "1201")
    try:
        assert ImportService(district).import_files([sent.path]).imported == 1
        up = ExportService(district).export_month(PERIOD, tmp_path / "up")
    finally:
        district.lock("test")
    ministry = open_office(world_dir, "MOWA")
    try:
        (result,) = ImportService(ministry).import_files([up.path]).results
        assert result.outcome == "imported", result
        assert CompletenessService(ministry).completeness([PERIOD]).cell("1201", PERIOD).reported
    finally:
        ministry.lock("test")


def _counts(table: dict[str, Any], **counts: int) -> dict[str, Any]:
    out = copy.deepcopy(table)
    for row, value in counts.items():
        out["cells"][row]["count"] = value
    return out


def _without(table: dict[str, Any], row: str) -> dict[str, Any]:
    out = copy.deepcopy(table)
    out["rows"].remove(row)
    del out["cells"][row]
    return out


Edit = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]
"""(the genuine reporting table, a commune's genuine tables) → the hostile tables."""

MALFORMED_PAYLOAD = "malformed_payload"
HOSTILE: list[tuple[str, Edit, bool, str]] = [
    # (what, tables, the nil_report flag signed, the reason it is refused for)
    ("one report had figures", lambda r, c: {"reporting": _counts(r, nil_report=1)}, True,
     table_check.INCONSISTENT),
    ("no commune reported", lambda r, c: {"reporting": _counts(r, reported=0, nil_report=0, on_time=0,
     missing=5)}, True, table_check.INCONSISTENT),
    ("no nil count", lambda r, c: {"reporting": _without(r, "nil_report")}, True, table_check.INCONSISTENT),
    ("more nil reports than expected", lambda r, c: {"reporting": _counts(r, reported=6, nil_report=6)},
     True, table_check.INCONSISTENT),
    ("figures smuggled beside it", lambda r, c: {"reporting": r, "headline": c["headline"]}, True,
     MALFORMED_PAYLOAD),
    ("a table smuggled beside it", lambda r, c: {"reporting": r, "survivor_sex": c["survivor_sex"]}, True,
     MALFORMED_PAYLOAD),
    ("not flagged nil", lambda r, c: {"reporting": r}, False, table_check.MALFORMED),
    ("an unknown row", lambda r, c: {"reporting": r | {"rows": [*r["rows"], "zz"],
     "cells": r["cells"] | {"zz": {"count": 0}}}}, True, table_check.UNKNOWN),
    ("an unknown cell", lambda r, c: {"reporting": r | {"cells": r["cells"] | {"reported": {"count": 2,
     "headline": 9}}}}, True, table_check.MALFORMED),
    ("a huge count", lambda r, c: {"reporting": _counts(r, expected=10**15)}, True, table_check.BAD_COUNT),
    ("a negative count", lambda r, c: {"reporting": _counts(r, missing=-3)}, True, table_check.BAD_COUNT),
    ("not a table", lambda r, c: {"reporting": 5}, True, table_check.MALFORMED),
    ("suppressed", lambda r, c: {"reporting": r | {"threshold": 5}}, True, table_check.MALFORMED),
]  # fmt: skip


def test_a_signed_district_cannot_use_the_nil_report_to_smuggle_anything(
    world_dir: Path, tmp_path: Path
) -> None:
    """Every hostile variant of the genuine nil district bundle, validly signed with the district's
    own keys, is refused with its reason before anything is stored; the genuine one then goes in."""
    up, payload = _nil_district_bundle(world_dir, tmp_path)
    genuine = payload["tables"]["reporting"]
    commune = open_office(world_dir, "120101")
    try:
        figures = genuine_tables(commune, PERIOD)
        # a commune cannot send a nil report with a reporting table (only a district can)
        commune_signer = CommuneSigner.of(commune)
        from_commune = commune_signer.bundle(
            tmp_path / "c", {"reporting": genuine}, period=PERIOD, nil_report=True, unchecked=True
        )
    finally:
        commune.lock("test")
    district = open_office(world_dir, "1201")
    try:
        signer = CommuneSigner.of_district(district)
        (result,) = ImportService(district).import_files([from_commune]).results
        assert result.rejected and result.reason == MALFORMED_PAYLOAD, result
    finally:
        district.lock("test")
    ministry = open_office(world_dir, "MOWA")
    try:
        importer = ImportService(ministry)
        before = stored(ministry)
        for n, (what, edit, nil, reason) in enumerate(HOSTILE, start=2):
            tables = edit(genuine, figures)
            path = signer.bundle(
                tmp_path / "hostile", tables, period=PERIOD, sequence=n, nil_report=nil, unchecked=True
            )
            with pytest.raises(Exception) as err:
                importer.verify_file(path)
            assert getattr(err.value, "reason", None) == reason, (what, err.value)
            (result,) = importer.import_files([path]).results
            assert result.rejected and result.reason == reason and result.message, (what, result)
            assert stored(ministry) == before, what
        assert importer.import_files([up]).imported == 1
        assert CompletenessService(ministry).completeness([PERIOD]).cell("1201", PERIOD).status == NIL_REPORT
    finally:
        ministry.lock("test")
