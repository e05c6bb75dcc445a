"""The referral-network directory as a CSV or XLSX file, so a district can hand one directory to
all its communes (and a commune can send corrections back).

Format (one organisation per row; the first row holds the column names, in English, fixed):

=================  ==========================================================================
column             content
=================  ==========================================================================
id                 the record id of the office that wrote the file (32 hex characters) or
                   empty; importing a row with a known id updates that record
name_km            organisation name in Khmer
name_en            organisation name in English (one of the two names is required)
organisation_type  a code of ``codes.ORGANISATION_TYPE`` (e.g. ``health_centre``)
services           codes of ``codes.SERVICE_TYPE`` separated by ``;`` (e.g. ``health;psychosocial``)
contact_person     name of the contact person (a public role)
position           her or his position
phone, phone2      telephone numbers, as text (leading zeros and ``+855`` are kept)
email              e-mail address
address            postal address
hours              opening hours, free text
coverage           a code of ``codes.COVERAGE`` (``commune``, ``khan``, ``city``, ``national``)
last_verified      the date the entry was last checked, ``YYYY-MM-DD``, or empty
active             ``yes`` or ``no``
=================  ==========================================================================

Columns may come in any order; unknown columns are ignored; ``id``, ``name_km``, ``phone2``,
``email``, ``address``, ``hours``, ``position``, ``last_verified`` may be missing. CSV files are
UTF-8 (a byte-order mark is written so spreadsheet programs read Khmer correctly, and accepted on
reading). Text that a spreadsheet would run as a formula (starting with ``=``, ``@``, tab or carriage
return) is written with a leading apostrophe, which reading removes again. Line numbers reported by
an import are the spreadsheet's row numbers: the header is line 1.

This module only reads and writes the file; what a value means and whether it is valid is decided
by :meth:`shsc_desktop.services.contacts.ContactService.import_rows`. Files are written atomically.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..atomic import atomic_produce, atomic_write_bytes
from ..errors import ImportProblems
from ..inputs import regular_file_size
from ..problems import define

COLUMNS: tuple[str, ...] = (
    "id",
    "name_km",
    "name_en",
    "organisation_type",
    "services",
    "contact_person",
    "position",
    "phone",
    "phone2",
    "email",
    "address",
    "hours",
    "coverage",
    "last_verified",
    "active",
)
REQUIRED_COLUMNS: tuple[str, ...] = (
    "name_en",
    "organisation_type",
    "services",
    "contact_person",
    "phone",
    "coverage",
    "active",
)
SERVICE_SEPARATOR = ";"
MAX_ROWS = 5000
MAX_FILE_BYTES = 10 * 1024 * 1024
SHEET_TITLE = "directory"
_FORMULA_START = ("=", "@", "\t", "\r")
LOST_KHMER = define(
    "lost_khmer",
    "Only question marks: the Khmer letters were lost when the file was saved. In Excel use "
    "Save As, 'CSV UTF-8 (Comma delimited)' (or save as XLSX), then import again.",
)
"""Excel's default "CSV (Comma delimited)" writes the ANSI code page, which has no Khmer: every
Khmer letter becomes "?". Such a cell is refused rather than imported as a name of question marks."""
FILE_UNREADABLE = define("file_unreadable", "The file cannot be read: %1")
FILE_TOO_LARGE = define("directory_too_large", "The file is too large for a directory (more than 10 MB).")
MISSING_COLUMNS = define("missing_columns", "Missing column(s): %1")
TOO_MANY_ROWS = define("too_many_rows", "A directory file may hold at most %1 rows.")
NOT_UTF8 = define("not_utf8", "The file is not UTF-8 text. Save it as 'CSV UTF-8'.")
FILE_EMPTY = define("file_empty", "The file is empty.")
CSV_MALFORMED = define("csv_malformed", "The CSV text is malformed: %1")
NOT_XLSX = define("not_xlsx", "The file is not a readable XLSX workbook.")
NO_SHEET = define("no_sheet", "The workbook has no sheet.")


def lost_khmer(text: str) -> bool:
    """A cell that is nothing but question marks (and spaces)."""
    stripped = text.replace(" ", "")
    return bool(stripped) and set(stripped) == {"?"}


@dataclass(frozen=True)
class SheetRow:
    """One data row: its line number in the file (header = 1) and its cells by column name."""

    line: int
    cells: Mapping[str, str]


def _guard(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unguard(text: str) -> str:
    if text.startswith("'") and text[1:].startswith(_FORMULA_START):
        return text[1:]
    return text


def _check_size(path: Path) -> None:
    try:
        size = regular_file_size(Path(path))
    except OSError as exc:
        raise ImportProblems([(0, FILE_UNREADABLE(exc.strerror or exc))]) from exc
    if size > MAX_FILE_BYTES:
        raise ImportProblems([(0, FILE_TOO_LARGE)])


def _rows_from_table(header: list[str], body: Iterable[tuple[int, list[str]]]) -> list[SheetRow]:
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise ImportProblems([(1, MISSING_COLUMNS(", ".join(missing)))])
    rows: list[SheetRow] = []
    lost: list[tuple[int, str]] = []
    for line, values in body:
        if not any(v.strip() for v in values):
            continue  # blank lines are not rows
        if len(rows) >= MAX_ROWS:
            raise ImportProblems([(line, TOO_MANY_ROWS(MAX_ROWS))])
        cells = {
            name: _unguard(values[i].strip()) if i < len(values) else ""
            for i, name in enumerate(names)
            if name in COLUMNS
        }
        lost.extend((line, LOST_KHMER.in_field(name)) for name, text in cells.items() if lost_khmer(text))
        rows.append(SheetRow(line, cells))
    if lost:
        raise ImportProblems(lost)
    return rows


def read_csv(path: Path) -> list[SheetRow]:
    """The data rows of a directory CSV file (``ImportProblems`` if it is not one)."""
    _check_size(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblems([(0, NOT_UTF8)]) from exc
    except OSError as exc:
        raise ImportProblems([(0, FILE_UNREADABLE(exc.strerror or exc))]) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise ImportProblems([(1, FILE_EMPTY)])
        body: list[tuple[int, list[str]]] = []
        start = reader.line_num + 1
        for values in reader:
            body.append((start, values))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportProblems([(reader.line_num, CSV_MALFORMED(exc))]) from exc
    return _rows_from_table(header, body)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path) -> list[SheetRow]:
    """The data rows of the first sheet of a directory XLSX file."""
    from openpyxl import load_workbook

    _check_size(path)
    try:
        workbook = load_workbook(Path(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException …
        raise ImportProblems([(0, NOT_XLSX)]) from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ImportProblems([(1, NO_SHEET)])
        table = sheet.iter_rows(values_only=True)
        first = next(table, None)
        if first is None:
            raise ImportProblems([(1, FILE_EMPTY)])
        header = [_cell_text(c) for c in first]
        body = [(line, [_cell_text(c) for c in values]) for line, values in enumerate(table, start=2)]
    finally:
        workbook.close()
    return _rows_from_table(header, body)


def read(path: Path) -> list[SheetRow]:
    """By extension: ``.xlsx`` or ``.csv``."""
    if Path(path).suffix.lower() == ".xlsx":
        return read_xlsx(path)
    return read_csv(path)


def write_csv(path: Path, rows: Iterable[Mapping[str, str]]) -> None:
    """Write the directory as UTF-8 CSV (with BOM), atomically."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_guard(row.get(c, "")) for c in COLUMNS])
    atomic_write_bytes(Path(path), buffer.getvalue().encode("utf-8-sig"))


def write_xlsx(path: Path, rows: Iterable[Mapping[str, str]]) -> None:
    """Write the directory as an XLSX workbook with one sheet, every cell as text, atomically."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_guard(row.get(c, "")) for c in COLUMNS])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.data_type = "s"  # never a formula, a number or a date: phones keep their zeros
    sheet.freeze_panes = "A2"

    def produce(tmp: Path) -> None:
        workbook.save(tmp)

    atomic_produce(Path(path), produce)
