"""The district's (or ministry's) monthly tables as an XLSX workbook, for analysts above.

Layout only, like the PDF: the tables come in already protected (every cell that leaves the office
is a number ≥ 5, a zero, ``<5``, ``x``, ``·`` for a table left out, or ``–`` for a month nobody
reported). One sheet per statistics table, each with its title row; one for the per-office
breakdown by type of violence; and a long "data" sheet (office code, office name, period, table,
row, column, value, status: one line per cell, no totals) that pivots in Excel or LibreOffice.
Figures are numbers, never text; a hidden or unreported cell has no value and says why in its
status. Labels in Khmer or English from the code lists, digits in text Khmer in a Khmer workbook;
the document properties carry the title in that language, the creator and the time it was made.
Written atomically.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..atomic import atomic_produce
from ..models.codes import khmer_digits
from ..services.statistics import CountTable, MonthlyStatistics, label, period_label
from ..values.office import OfficeInfo

# Table key → (English, Khmer) title.
TITLES: dict[str, tuple[str, str]] = {
    "headline": ("The month at a glance", "សេចក្ដីសង្ខេបប្រចាំខែ"),
    "incidents_by_type_child_adult": (
        "Incidents by type, children and adults",
        "ករណីតាមប្រភេទ កុមារ និងមនុស្សពេញវ័យ",
    ),
    "incidents_by_type_age_group": ("Incidents by type and age group", "ករណីតាមប្រភេទ និងក្រុមអាយុ"),
    "children_by_consent_route": ("Children: how consent was given", "កុមារ៖ របៀបផ្ដល់ការយល់ព្រម"),
    "incidents_by_place": ("Incidents by place", "ករណីតាមទីកន្លែង"),
    "incidents_by_time_of_day": ("Incidents by time of day", "ករណីតាមពេលវេលាក្នុងថ្ងៃ"),
    "incidents_by_case_context": ("Incidents by case context", "ករណីតាមបរិបទករណី"),
    "incidents_by_reporter": (
        "Incidents by who reported them (referred from)",
        "ករណីតាមអ្នករាយការណ៍ (បញ្ជូនមកពី)",
    ),
    "previously_reported": ("Incidents reported elsewhere before", "ករណីដែលបានរាយការណ៍នៅកន្លែងផ្សេងពីមុន"),
    "perpetrator_relationship": ("Perpetrator: relationship to the survivor", "ជនល្មើស៖ ទំនាក់ទំនងជាមួយជនរងគ្រោះ"),
    "perpetrator_age_group": ("Perpetrator: age group", "ជនល្មើស៖ ក្រុមអាយុ"),
    "perpetrator_sex": ("Perpetrators: sex", "ជនល្មើស៖ ភេទ"),
    "perpetrator_count": ("Perpetrators: number per incident", "ជនល្មើស៖ ចំនួនក្នុងករណីនីមួយៗ"),
    "survivor_sex": ("Survivors by sex", "ជនរងគ្រោះតាមភេទ"),
    "survivor_age_group": ("Survivors by age group", "ជនរងគ្រោះតាមក្រុមអាយុ"),
    "survivor_marital_status": ("Survivors by marital status", "ជនរងគ្រោះតាមស្ថានភាពអាពាហ៍ពិពាហ៍"),
    "survivor_disability": ("Survivors by disability", "ជនរងគ្រោះតាមពិការភាព"),
    "time_to_report": ("Time from incident to report", "រយៈពេលពីពេលកើតហេតុដល់ពេលរាយការណ៍"),
    "rape_time_to_report": (
        "Rape cases: time from incident to report",
        "ករណីរំលោភសេពសន្ថវៈ៖ រយៈពេលពីពេលកើតហេតុដល់ពេលរាយការណ៍",
    ),
    "rape_health_referral": ("Rape cases: health referral", "ករណីរំលោភសេពសន្ថវៈ៖ ការបញ្ជូនទៅសេវាសុខភាព"),
    "referrals_by_service_status": ("Referrals by service and status", "ការបញ្ជូនតាមសេវា និងស្ថានភាព"),
    "referrals_by_service_outcome": ("Referral outcomes", "លទ្ធផលនៃការបញ្ជូន"),
    "commune_actions": ("Commune actions", "សកម្មភាពរបស់ឃុំ/សង្កាត់"),
    "open_cases_by_days_open": ("Open cases by days open", "ករណីបើកតាមចំនួនថ្ងៃ"),
    "meetings_by_type": ("Meetings by type", "កិច្ចប្រជុំតាមប្រភេទ"),
    "attendance_by_group_sex": ("Participants", "អ្នកចូលរួម"),
    "action_items_by_status": ("Action points", "ចំណុចសកម្មភាព"),
    "data_quality": ("Data quality", "គុណភាពទិន្នន័យ"),
    "trend": ("Twelve-month trend", "និន្នាការ ១២ ខែ"),
    "reporting": ("Reports received", "របាយការណ៍ដែលបានទទួល"),
}
TEXT: dict[str, tuple[str, str]] = {
    "sheet_tables": ("Tables", "តារាង"),
    "sheet_breakdown": ("By office", "តាមការិយាល័យ"),
    "title": ("Monthly tables", "តារាងប្រចាំខែ"),
    "month": ("Month", "ខែ"),
    "office": ("Office", "ការិយាល័យ"),
    "code": ("Code", "លេខកូដ"),
    "status": ("Report", "របាយការណ៍"),
    "reported": ("Received", "បានទទួល"),
    "nil_report": ("Nil report (nothing to report)", "របាយការណ៍គ្មានករណី"),
    "missing": ("Not reported", "មិនបានរាយការណ៍"),
    "not_enrolled": ("Not enrolled", "មិនទាន់ចុះឈ្មោះ"),
    "total": ("Total", "សរុប"),
    "number": ("Number", "ចំនួន"),
    "breakdown": ("Incidents by office and type of violence", "ករណីតាមការិយាល័យ និងប្រភេទអំពើហិង្សា"),
    "sheet_data": ("data", "data"),
    "data_office_code": ("Office code", "លេខកូដការិយាល័យ"),
    "data_office_name": ("Office name", "ឈ្មោះការិយាល័យ"),
    "data_period": ("Period", "រយៈពេល"),
    "data_table": ("Table", "តារាង"),
    "data_row": ("Row", "ជួរដេក"),
    "data_column": ("Column", "ជួរឈរ"),
    "data_value": ("Value", "តម្លៃ"),
    "data_status": ("Status", "ស្ថានភាព"),
    "shown": ("shown", "បង្ហាញ"),
    "hidden_small": ("hidden: from 1 to {k1}", "លាក់៖ ពី ១ ដល់ {k1}"),
    "hidden_x": ("hidden: would give a small number away", "លាក់៖ នឹងបង្ហាញចំនួនតូច"),
    "not_reported": ("not reported", "មិនបានរាយការណ៍"),
    "breakdown_column": ("Incidents", "ករណី"),
    "note": (
        "Shared copy: numbers from 1 to {k1} are shown as <{k}; x hides a number so that totals cannot "
        "reveal a small one; · marks the tables left out because they would reveal numbers below {k}. "
        "No names.",
        "ច្បាប់ចម្លងសម្រាប់ចែករំលែក៖ ចំនួនពី ១ ដល់ {k1} បង្ហាញជា <{k} ; x លាក់ចំនួនមួយ ដើម្បីកុំឱ្យចំនួនសរុបបង្ហាញចំនួនតូច ; "
        "· សម្គាល់តារាងដែលមិនបង្ហាញ ព្រោះវានឹងបង្ហាញចំនួនតិចជាង {k}។ គ្មានឈ្មោះ។",
    ),
}


def _t(key: str, lang: str, table: dict[str, tuple[str, str]] = TEXT) -> str:
    en, km = table.get(key, (key, key))
    return km if lang == "km" else en


def _text(text: str, lang: str) -> str:
    """Digits of a text cell in the workbook's language (one numeral system per workbook)."""
    return khmer_digits(text) if lang == "km" else text


SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _NOT_IN_SHEET_NAMES.sub(" ", title).strip()[:SHEET_NAME_LIMIT] or "table"
    name, n = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" {n}"
        name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _status(value: Any, lang: str, threshold: int) -> tuple[int | None, str]:
    """A cell of the data sheet: its value (a number, or none) and why."""
    if isinstance(value, int):
        return value, _t("shown", lang)
    if value == "x":
        return None, _t("hidden_x", lang)
    if isinstance(value, str) and value.startswith("<"):
        return None, _text(_t("hidden_small", lang).format(k1=threshold - 1), lang)
    return None, _t("not_reported", lang)


def _rows(table: CountTable, lang: str, names: dict[str, str] | None = None) -> list[list[Any]]:
    """Header, body rows, and a totals row when the table has totals."""
    heads = [label(table.col_list, c, lang) for c in table.cols]
    if table.cols == ("count",):
        heads = [_t("number", lang)]
    out: list[list[Any]] = [["", *heads, *([_t("total", lang)] if table.row_totals else [])]]
    for i, code in enumerate(table.rows):
        name = names.get(code, code) if names is not None else label(table.row_list, code, lang)
        row: list[Any] = [name, *table.cells[i]]
        if table.row_totals:
            row.append(table.row_totals[i])
        out.append(row)
    if table.col_totals:
        total_row: list[Any] = [_t("total", lang), *table.col_totals]
        if table.row_totals:
            total_row.append(table.total)
        out.append(total_row)
    return out


KHMER_FONT = "Khmer UI"
"""Windows' own Khmer font (since Windows 8): a Khmer workbook names it on every cell, so Excel does not
fall back from Calibri (which has no Khmer) to whatever it finds. LibreOffice substitutes its own
Khmer font where it is missing."""


def _name_a_khmer_font(workbook: Any) -> None:
    from openpyxl.styles import Font

    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    font = cell.font
                    cell.font = Font(
                        name=KHMER_FONT, size=font.sz, bold=font.b, italic=font.i, color=font.color
                    )


def write_district_tables(
    target: Path,
    stats: MonthlyStatistics,
    breakdown: CountTable,
    offices: list[tuple[str, str, str]],
    office: OfficeInfo,
    lang: str,
    *,
    threshold: int = 5,
) -> None:
    """Write ``stats`` (suppressed) and the per-office ``breakdown`` (suppressed) to ``target``.

    ``offices`` lists every office expected (code, name, status: reported | nil_report | missing |
    not_enrolled); the "By office" sheet has one row each, with its code and status, and empty
    cells — never zeros — for an office that did not report."""
    if stats.threshold is None or breakdown.threshold is None:
        raise ValueError("only suppressed tables may leave the office")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    workbook = Workbook()
    taken: set[str] = set()
    office_label = f"{office.name(lang)} ({office.code})" if office.code else office.name(lang)
    month_line = _text(f"{_t('month', lang)}: {period_label(stats.period, lang)} – {office_label}", lang)
    # The marker is quoted as the cells show it ("<5"): the only Latin digit of a Khmer note.
    small = f"<{threshold}"
    note = _text(_t("note", lang).format(k=threshold, k1=threshold - 1), lang).replace(
        _text(small, lang), small
    )
    heading = f"{_t('title', lang)} – {office_label}"
    workbook.remove(workbook.active)
    data_rows: list[list[Any]] = []
    for table in stats.tables:
        title = _t(table.key, lang, TITLES)
        sheet = workbook.create_sheet(_sheet_name(title, taken))
        sheet.append([title])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([month_line])
        sheet.append([note])
        sheet.append([])
        for i, row in enumerate(_rows(table, lang)):
            sheet.append(row)
            if i == 0:
                for cell in sheet[sheet.max_row]:
                    cell.font = bold
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions["A"].width = 48
        for column in range(2, 2 + len(table.cols) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 14
        sheet.freeze_panes = "B6"
        row_labels = [label(table.row_list, code, lang) for code in table.rows]
        col_labels = [label(table.col_list, c, lang) for c in table.cols]
        if table.cols == ("count",):
            col_labels = [_t("number", lang)]
        for i, row_label in enumerate(row_labels):
            for j, col_label in enumerate(col_labels):
                value, status = _status(table.cells[i][j], lang, threshold)
                data_rows.append(
                    [office.code, office.name(lang), stats.period, title, row_label, col_label, value, status]
                )

    other = workbook.create_sheet(_t("sheet_breakdown", lang))
    other.append([_t("breakdown", lang)])
    other["A1"].font = Font(bold=True, size=13)
    other.append([month_line])
    other.append([])
    body = _rows(breakdown, lang)
    by_code = dict(zip(breakdown.rows, body[1:], strict=False))
    header = [_t("code", lang), _t("office", lang), _t("status", lang), *body[0][1:]]
    other.append(header)
    for cell in other[other.max_row]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True)
    for code, name, status in offices:
        values = by_code.get(code)
        figures = values[1:] if values is not None and status in ("reported", "nil_report") else []
        other.append([code, name, _t(status, lang), *figures])
    if breakdown.col_totals:
        other.append(["", _t("total", lang), "", *body[-1][1:]])
        for cell in other[other.max_row]:
            cell.font = bold
    other.column_dimensions["A"].width = 10
    other.column_dimensions["B"].width = 30
    other.column_dimensions["C"].width = 18
    other.freeze_panes = "D5"
    breakdown_title = _t("breakdown", lang)
    names = {code: name for code, name, _status_code in offices}
    for i, code in enumerate(breakdown.rows):
        for j, type_code in enumerate(breakdown.cols):
            value, status = _status(breakdown.cells[i][j], lang, threshold)
            data_rows.append(
                [
                    code,
                    names.get(code, code),
                    stats.period,
                    breakdown_title,
                    names.get(code, code),
                    label(breakdown.col_list, type_code, lang),
                    value,
                    status,
                ]
            )

    data = workbook.create_sheet(_t("sheet_data", lang))
    keys = ("office_code", "office_name", "period", "table", "row", "column", "value", "status")
    data.append([_t(f"data_{k}", lang) for k in keys])
    for cell in data[1]:
        cell.font = bold
    for row in data_rows:
        data.append(row)
    data.freeze_panes = "A2"
    data.auto_filter.ref = data.dimensions
    for letter, width in zip("ABCDEFGH", (10, 28, 9, 40, 34, 28, 8, 30), strict=True):
        data.column_dimensions[letter].width = width

    if lang == "km":
        _name_a_khmer_font(workbook)
    workbook.properties.title = f"{heading} – {_text(period_label(stats.period, lang), lang)}"
    workbook.properties.creator = "SHSC Desktop"
    workbook.properties.language = "km-KH" if lang == "km" else "en"
    workbook.properties.created = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    workbook.properties.modified = workbook.properties.created

    def produce(tmp: Path) -> None:
        workbook.save(tmp)

    atomic_produce(Path(target), produce, mode=0o644)
