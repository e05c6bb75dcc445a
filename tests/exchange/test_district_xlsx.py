"""Issue 14: the district's XLSX for analysts, opened with openpyxl as Excel or LibreOffice would.

Real offices: commune 120101 sends its month (cells of 1–4, so some are hidden), 120109 a nil
report; the district imports both and writes its tables. One sheet per table with its title row,
a long "data" sheet that pivots, numbers that are numbers, and the data sheet adding up to the
totals the table sheets publish.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook

from shsc_desktop.exports.district_xlsx import TITLES
from shsc_desktop.services.district import DistrictService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService

from ..ui.exchange_world import PERIOD, open_office

DATA_HEADER = ("Office code", "Office name", "Period", "Table", "Row", "Column", "Value", "Status")


def district_workbooks(world: Path, out: Path) -> dict[str, Path]:
    bundles = []
    for code in ("120101", "120109"):
        office = open_office(world, code)
        try:
            bundles.append(ExportService(office).export_month(PERIOD, out / "usb").path)
        finally:
            office.lock("test")
    district = open_office(world, "1201")
    try:
        assert ImportService(district).import_files(bundles).imported == 2
        service = DistrictService(district)
        return {lang: service.tables_xlsx(PERIOD, lang, out / f"tables-{lang}.xlsx") for lang in ("en", "km")}
    finally:
        district.lock("test")


def test_one_sheet_per_table_and_a_data_sheet_that_adds_up_to_the_published_totals(
    world_dir: Path, tmp_path: Path
) -> None:
    path = district_workbooks(world_dir, tmp_path)["en"]
    workbook = load_workbook(path)
    titles = {en for en, _ in TITLES.values()}
    sheets = {ws["A1"].value: ws for ws in workbook.worksheets if ws["A1"].value in titles}
    assert len(sheets) >= 15  # every statistics table on its own sheet, its title in the first row
    assert all(len(ws.title) <= 31 for ws in workbook.worksheets)

    # numbers are numbers: a figure is an int, a hidden one a marker, never a number stored as text
    for ws in sheets.values():
        for row in ws.iter_rows(min_row=5, values_only=True):
            for value in row[1:]:
                assert value is None or isinstance(value, int) or not re.fullmatch(r"\d+", value), (
                    ws.title,
                    row,
                )

    data = workbook["data"]
    rows = list(data.iter_rows(values_only=True))
    assert rows[0] == DATA_HEADER
    sums: dict[str, int] = defaultdict(int)
    hidden: set[str] = set()
    for office_code, office_name, period, table, row, column, value, status in rows[1:]:
        assert period == PERIOD and office_code and office_name and row and column
        assert value is None or isinstance(value, int)
        assert (value is None) == (status != "shown"), (table, row, column, value, status)
        if value is None:
            hidden.add(table)
        else:
            sums[table] += value
    assert hidden, "the month has cells of 1 to 4: some are hidden"

    checked = 0
    for title, ws in sheets.items():
        total_rows = [r for r in ws.iter_rows(values_only=True) if r[0] == "Total"]
        if not total_rows or title in hidden:
            continue
        grand = [v for v in total_rows[-1][1:] if v is not None][-1]
        if isinstance(grand, int):
            assert sums[title] == grand, title
            checked += 1
    assert checked >= 3
    # the per-office breakdown too: its cells, office by office, add up to its total row
    by_office = workbook["By office"]
    total_row = [r for r in by_office.iter_rows(values_only=True) if r[1] == "Total"][-1]
    breakdown = "Incidents by office and type of violence"
    if breakdown not in hidden and isinstance(total_row[-1], int):
        assert sums[breakdown] == total_row[-1]
    assert {r[0] for r in rows[1:] if r[3] == breakdown} == {"120101", "120109"}

    # document properties: the title, the creator, when it was made
    props = workbook.properties
    assert props.creator == "SHSC Desktop"
    assert props.title.startswith("Monthly tables – Chamkar Mon (1201)")
    created = props.created.replace(tzinfo=dt.UTC)
    assert abs(dt.datetime.now(dt.UTC) - created) < dt.timedelta(hours=1)


def test_a_khmer_workbook_keeps_to_khmer_digits_in_its_texts(world_dir: Path, tmp_path: Path) -> None:
    workbook = load_workbook(district_workbooks(world_dir, tmp_path)["km"])
    first = workbook.worksheets[0]
    note = first["A3"].value
    # one numeral system (not "១ ដល់ 4"); the marker quoted as the cells show it
    assert "<5" in note and not re.search(r"[0-9]", note.replace("<5", "")), note
    assert not re.search(r"[0-9]", first["A2"].value), first["A2"].value
    assert re.search(r"[\u1780-\u17ff]", workbook.properties.title)
    assert "data" in workbook.sheetnames
    # a font with Khmer letters is named on every filled cell (Calibri, the default, has none)
    fonts = {
        c.font.name for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if c.value
    }
    assert fonts == {"Khmer UI"}, fonts
    assert first["A1"].font.bold  # the title keeps its weight
