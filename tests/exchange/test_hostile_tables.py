"""Issue 9 point 7: a validly signed bundle with malformed tables is refused before anything is stored.

Real offices (the Exchange world: district 1201, commune 120101 enrolled), bundles signed with the
commune's own keys. Hypothesis draws hostile edits of the commune's genuine tables (negative and
huge counts, strings, missing rows, unknown cells and tables, totals that do not add up): every one is
rejected with its specific reason and leaves no trace but the audit entry. Random *well-formed*
tables are accepted, and then the district's month view, summary PDF, XLSX and bundle to the
ministry all work on them, and the ministry's totals are the exact sums.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select

from shsc_desktop.services import table_check
from shsc_desktop.services.district import DistrictService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.reporting.catalogue import HEADLINE_TOTALS, RECEIVED_OUTCOME, bundle_table_schema
from shsc_desktop.services.statistics import CountTable
from shsc_desktop.services.table_check import MAX_COUNT

from ..ui.exchange_world import PERIOD, open_office
from .commune_signer import CommuneSigner, genuine_tables, stored

TABLE_REASONS = {
    table_check.UNKNOWN,
    table_check.MALFORMED,
    table_check.BAD_COUNT,
    table_check.INCONSISTENT,
    table_check.HEADLINE_MISMATCH,
}


@pytest.fixture
def offices(world_dir: Path) -> Iterator[tuple[UnlockedOffice, UnlockedOffice]]:
    commune = open_office(world_dir, "120101")
    district = open_office(world_dir, "1201")
    yield commune, district
    commune.lock("test")
    district.lock("test")


# --- hostile edits -----------------------------------------------------------------------------

BAD_VALUES = st.one_of(
    st.integers(max_value=-1),
    st.integers(min_value=MAX_COUNT + 1, max_value=10**18),
    st.just(10**15),
    st.sampled_from(["7", "<5", "x", "", "0+"]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.lists(st.integers(0, 3), max_size=2),
)


@st.composite
def hostile(draw: st.DrawFn, genuine: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """A copy of the genuine tables with one hostile edit, and the reasons it may be refused for."""
    tables = copy.deepcopy(genuine)
    key = draw(st.sampled_from(sorted(tables)))
    t = tables[key]
    row = draw(st.sampled_from(t["rows"]))
    col = draw(st.sampled_from(t["cols"]))
    kind = draw(
        st.sampled_from(
            [
                "bad_cell",
                "bad_total",
                "missing_rows",
                "missing_cells",
                "missing_row_of_cells",
                "unknown_row",
                "unknown_col",
                "unknown_table",
                "huge_table",
                "off_by_one_total",
                "suppressed",
                "wrong_list",
                "not_a_table",
                "ipv_above_all",
            ]
        )
    )
    if kind == "bad_cell":
        value = draw(BAD_VALUES)
        t["cells"][row][col] = value
        # a float equal to an integer (3.0) is still not an integer in JSON
        return tables, {table_check.BAD_COUNT}
    if kind == "bad_total" and "total" in t:
        t["total"] = draw(BAD_VALUES)
        return tables, {table_check.BAD_COUNT}
    if kind == "missing_rows":
        del t["rows"]
        return tables, {table_check.MALFORMED}
    if kind == "missing_cells":
        del t["cells"]
        return tables, {table_check.MALFORMED}
    if kind == "missing_row_of_cells":
        del t["cells"][row]
        return tables, {table_check.MALFORMED}
    if kind == "unknown_row":
        name = draw(st.text(min_size=1, max_size=12).filter(lambda s: s not in t["rows"]))
        if key == "trend":
            name = "z" + name
        t["rows"].append(name)
        t["cells"][name] = {c: 0 for c in t["cols"]}
        return tables, {table_check.UNKNOWN}
    if kind == "unknown_col":
        t["cols"].append("zz_unknown")
        for r in t["rows"]:
            t["cells"][r]["zz_unknown"] = 0
        return tables, {table_check.UNKNOWN}
    if kind == "unknown_table":
        name = draw(st.text(min_size=1, max_size=20).filter(lambda s: s not in bundle_table_schema()))
        tables[name] = copy.deepcopy(t) | {"key": name}
        return tables, {table_check.UNKNOWN}
    if kind == "huge_table":
        tables["evil"] = {str(i): i for i in range(100_000)}
        return tables, {table_check.UNKNOWN}
    if kind == "off_by_one_total" and "total" in t:
        t["total"] += 1
        return tables, {table_check.INCONSISTENT}
    if kind == "suppressed":
        t["threshold"] = 5
        return tables, {table_check.MALFORMED}
    if kind == "wrong_list":
        t["row_list"] = "sex" if t["row_list"] != "sex" else "age_group"
        return tables, {table_check.MALFORMED}
    if kind == "not_a_table":
        tables[key] = draw(st.one_of(st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=3)))
        return tables, {table_check.MALFORMED}
    # ipv_above_all (and the fallbacks of edits that do not apply to this table)
    head = tables["headline"]
    head["cells"]["ipv_incidents"]["this_month"] = int(head["cells"]["new_incidents"]["this_month"]) + 1
    return tables, {table_check.INCONSISTENT}


def test_hostile_signed_tables_are_refused_and_nothing_is_written(
    offices: tuple[UnlockedOffice, UnlockedOffice], tmp_path: Path
) -> None:
    commune, district = offices
    signer = CommuneSigner.of(commune)
    genuine = genuine_tables(commune, PERIOD)
    service = ImportService(district)
    before = stored(district)
    folder = tmp_path / "usb"

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(edit=hostile(genuine))
    def one(edit: tuple[dict[str, Any], set[str]]) -> None:
        tables, reasons = edit
        path = signer.bundle(folder, tables, period=PERIOD)
        check = service.verify_file  # even the check without importing names the problem
        with pytest.raises(Exception) as err:
            check(path)
        assert getattr(err.value, "reason", None) in reasons, err.value
        summary = service.import_files([path])
        (result,) = summary.results
        assert result.outcome == "rejected" and result.reason in reasons, result
        assert result.reason in TABLE_REASONS and result.message
        assert stored(district) == before
        path.unlink()

    one()
    # and the genuine tables of the same commune go in
    summary = service.import_files([signer.bundle(folder, genuine, period=PERIOD)])
    assert summary.imported == 1, summary.results


# --- well-formed but arbitrary tables ------------------------------------------------------------


@st.composite
def well_formed(draw: st.DrawFn, genuine: dict[str, Any]) -> dict[str, Any]:
    """The genuine tables with every count redrawn (totals recomputed; large, but summing below
    ``MAX_COUNT``), still agreeing with their headline: each table that breaks down a headline
    figure is topped up (in its first cell) to the largest of them, which the headline then says."""
    grids: dict[str, dict[tuple[str, str], int]] = {}
    for key, d in genuine.items():
        grids[key] = {
            (r, c): draw(st.one_of(st.integers(0, 6), st.integers(0, MAX_COUNT // 100)))
            for r in d["rows"]
            for c in d["cols"]
        }
    head = grids["headline"]
    by_figure: dict[str, list[tuple[str, str]]] = {}
    for key, col, figure in HEADLINE_TOTALS:
        by_figure.setdefault(figure, []).append((key, col))
    for figure, parts in by_figure.items():
        grand = [key for key, col in parts if col == "total" and key in grids]
        if grand:
            target = max(sum(grids[key].values()) for key in grand)
            for key in grand:
                d = genuine[key]
                col = next(c for c in d["cols"] if c != RECEIVED_OUTCOME)  # leave "received" as drawn
                grids[key][d["rows"][0], col] += target - sum(grids[key].values())
            head[figure, "this_month"] = target
        for key, col in parts:
            if col != "total" and key in grids:
                head[figure, "this_month"] = sum(v for (_r, c), v in grids[key].items() if c == col)
    for c in genuine["headline"]["cols"]:
        head["ipv_incidents", c] = min(head["ipv_incidents", c], head["new_incidents", c])
    out = {}
    for key, d in genuine.items():
        subtotals = {name: g["rows"] for name, g in d.get("subtotals", {}).items()}
        table = CountTable.build(
            key,
            d["row_list"],
            d["col_list"],
            grids[key],
            rows=d["rows"],
            cols=d["cols"],
            additive=d["additive"],
            subtotals=subtotals,
        )
        out[key] = table.to_dict()
    return out


def test_accepted_tables_never_break_the_district_or_the_ministry(world_dir: Path, tmp_path: Path) -> None:
    commune = open_office(world_dir, "120101")
    signer = CommuneSigner.of(commune)
    genuine = genuine_tables(commune, PERIOD)
    commune.lock("test")
    months = iter(range(1, 10_000))

    @settings(
        max_examples=3,
        deadline=None,
        database=None,
        phases=(Phase.generate,),  # each example builds three offices' files: no slow shrinking
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(tables=well_formed(genuine))
    def one(tables: dict[str, Any]) -> None:
        n = next(months)
        root = tmp_path / f"w{n}"
        shutil.copytree(world_dir, root)
        district = open_office(root, "1201")
        try:
            path = signer.bundle(root / "usb", tables, period=PERIOD)
            assert ImportService(district).import_files([path]).imported == 1
            service = DistrictService(district)
            month = service.month(PERIOD)
            new = month.statistics.table("headline").value("new_incidents", "this_month")
            assert new == tables["headline"]["cells"]["new_incidents"]["this_month"]
            pdf = service.summary_pdf(PERIOD, "en", root / "out" / "district.pdf")
            assert pdf.read_bytes().startswith(b"%PDF")
            xlsx = service.tables_xlsx(PERIOD, "km", root / "out" / "district.xlsx")
            assert load_workbook(xlsx).worksheets
            MonthService(district).approve(PERIOD)
            up = ExportService(district).export_month(PERIOD, root / "up")
        finally:
            district.lock("test")
        ministry = open_office(root, "MOWA")
        try:
            assert ImportService(ministry).import_files([up.path]).imported == 1
            national = DistrictService(ministry).month(PERIOD)
            # exact sums up the chain: what the commune counted, cell for cell
            for key in ("incidents_by_type_child_adult", "referrals_by_service_status"):
                got = national.statistics.table(key)
                want = CountTable.from_dict(tables[key])
                assert got.cells == want.cells and got.total == want.total, key
        finally:
            ministry.lock("test")

    one()


def test_a_district_bundle_to_the_ministry_carries_exact_counts(
    offices: tuple[UnlockedOffice, UnlockedOffice], tmp_path: Path
) -> None:
    """Issue 9 point 6: nothing is suppressed inside the chain; no "0+" at the ministry."""
    commune, district = offices
    bundle = ExportService(commune).export_month(PERIOD, tmp_path / "usb").path
    assert ImportService(district).import_files([bundle]).imported == 1
    MonthService(district).approve(PERIOD)
    ExportService(district).export_month(PERIOD, tmp_path / "up")
    with district.reading() as s:
        from shsc_desktop.models.tables import ExportRecord

        payload = json.loads(s.scalars(select(ExportRecord.payload)).one())
    cells = [v for t in payload["tables"].values() for row in t["cells"].values() for v in row.values()]
    assert cells and all(isinstance(v, int) for v in cells)
    by_type = payload["tables"]["incidents_by_type_child_adult"]
    assert by_type["total"] == 11 and by_type["row_totals"]["sexual_assault"] == 1


def _redefined_ipv(genuine: dict[str, Any], how: str) -> dict[str, Any]:
    """The genuine tables with the IPV subtotal of the perpetrator relationship redefined, every sum
    still right: what a signed commune could send to move the district's IPV figure."""
    tables = copy.deepcopy(genuine)
    t = tables["perpetrator_relationship"]
    if how == "omitted":
        del t["subtotals"]
    elif how == "empty":
        t["subtotals"] = {}
    else:
        members = {"unknown_only": ["unknown"], "one_partner_less": t["subtotals"]["ipv"]["rows"][1:]}.get(
            how, [*t["subtotals"]["ipv"]["rows"], "unknown"]
        )
        values = {c: sum(int(t["cells"][r][c]) for r in members) for c in t["cols"]}
        t["subtotals"]["ipv"] = {"rows": members, "values": values}
    return tables


@pytest.mark.parametrize("how", ["unknown_only", "one_partner_less", "one_row_more", "omitted", "empty"])
def test_a_signed_commune_cannot_redefine_the_ipv_subtotal(
    offices: tuple[UnlockedOffice, UnlockedOffice], tmp_path: Path, how: str
) -> None:
    """The subtotal must be the catalogue's (the partner rows), not merely the sum of the rows it
    names: otherwise the first bundle of the month would define the district's IPV subtotal."""
    commune, district = offices
    signer = CommuneSigner.of(commune)
    genuine = genuine_tables(commune, PERIOD)
    assert set(genuine["perpetrator_relationship"]["subtotals"]["ipv"]["rows"]) == {
        "current_partner",
        "former_partner",
        "boyfriend",
    }
    service = ImportService(district)
    before = stored(district)
    path = signer.bundle(tmp_path / "usb", _redefined_ipv(genuine, how), period=PERIOD)
    with pytest.raises(Exception) as err:
        service.verify_file(path)
    assert getattr(err.value, "reason", None) == table_check.MALFORMED, err.value
    (result,) = service.import_files([path]).results
    assert result.outcome == "rejected" and result.reason == table_check.MALFORMED, result
    assert "subtotal" in result.message
    assert stored(district) == before


def test_district_sums_take_their_subtotals_from_the_catalogue() -> None:
    """Whatever the first bundle named, the summed relationship table carries the IPV subtotal over
    the partner rows (and other tables none)."""
    from shsc_desktop.services.completeness import sum_tables

    counts = {"current_partner": 2, "boyfriend": 1, "unknown": 4, "parent": 3}
    plain = CountTable.column("perpetrator_relationship", "relationship", counts).to_dict()
    assert "subtotals" not in plain
    summed = sum_tables("perpetrator_relationship", [plain, plain])
    (ipv,) = summed.subtotals
    assert ipv.name == "ipv" and set(ipv.rows) == {"current_partner", "former_partner", "boyfriend"}
    assert ipv.values == (6,)
    assert summed.total == 20
    sex = CountTable.column("survivor_sex", "sex", {"female": 3}).to_dict()
    sex["subtotals"] = {"ipv": {"rows": ["female"], "values": {"count": 3}}}
    assert sum_tables("survivor_sex", [sex]).subtotals == ()


def _off_headline(genuine: dict[str, Any], key: str, col: str) -> dict[str, Any]:
    """The genuine tables with one more count in ``key`` (in column ``col``): the table adds up on
    its own, but its total is no longer the headline figure it breaks down."""
    tables = copy.deepcopy(genuine)
    t = CountTable.from_dict(tables[key])
    row = t.rows[0]
    col = t.cols[0] if col == "total" else col
    counts = {(r, c): int(t.value(r, c)) for r in t.rows for c in t.cols}
    counts[row, col] += 1
    subtotals = {g.name: g.rows for g in t.subtotals}
    rebuilt = CountTable.build(
        key,
        t.row_list,
        t.col_list,
        counts,
        rows=t.rows,
        cols=t.cols,
        additive=t.additive,
        subtotals=subtotals,
    )
    tables[key] = rebuilt.to_dict()
    return tables


@pytest.mark.parametrize(
    ("key", "col", "figure"),
    [
        ("survivor_sex", "total", "new_incidents"),
        ("time_to_report", "total", "new_incidents"),
        ("incidents_by_type_age_group", "total", "new_incidents"),
        ("referrals_by_service_status", "total", "referrals_made"),
        ("meetings_by_type", "total", "meetings_held"),
    ],
)
def test_a_table_that_disagrees_with_its_headline_is_refused(
    qtbot,  # type: ignore[no-untyped-def]
    offices: tuple[UnlockedOffice, UnlockedOffice],
    tmp_path: Path,
    key: str,
    col: str,
    figure: str,
) -> None:
    """A validly signed bundle whose table adds up but breaks down a headline figure it does not
    equal (42 survivors by sex for 11 new incidents) is refused with its own reason, in both
    languages, and nothing is stored."""
    commune, district = offices
    signer = CommuneSigner.of(commune)
    genuine = genuine_tables(commune, PERIOD)
    service = ImportService(district)
    before = stored(district)
    path = signer.bundle(tmp_path / "usb", _off_headline(genuine, key, col), period=PERIOD)
    with pytest.raises(Exception) as err:
        service.verify_file(path)
    assert getattr(err.value, "reason", None) == table_check.HEADLINE_MISMATCH, err.value
    (result,) = service.import_files([path]).results
    assert result.outcome == "rejected" and result.reason == table_check.HEADLINE_MISMATCH, result
    assert key in result.message and figure in result.message
    assert stored(district) == before

    from shsc_desktop.views import i18n
    from shsc_desktop.views.messages import bundle_reason_text

    i18n.compile_translations()
    try:
        english = bundle_reason_text(result.reason)
        assert "headline figure" in english
        i18n.set_language("km")
        khmer = bundle_reason_text(result.reason)
        assert khmer != english and "តួលេខសង្ខេប" in khmer
    finally:
        i18n.set_language("en")
    # the genuine tables of the same month are accepted
    assert service.import_files([signer.bundle(tmp_path / "ok", genuine, period=PERIOD)]).imported == 1
