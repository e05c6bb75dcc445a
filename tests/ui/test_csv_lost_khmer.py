"""Excel's default "CSV (Comma delimited)" has no Khmer: every Khmer letter is saved as "?". A file
like that is refused, with the hint to save it as "CSV UTF-8", instead of filling the directory with
names of question marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from shsc_desktop.errors import ImportProblems
from shsc_desktop.exports import directory_io
from shsc_desktop.models.tables import Contact
from shsc_desktop.services.contacts import ContactService
from shsc_desktop.views import i18n
from shsc_desktop.views.contacts import ImportReport

HEADER = "name_km,name_en,organisation_type,services,contact_person,phone,coverage,active\n"
ROWS = (
    "មណ្ឌលសុខភាពទន្លេបាសាក់,Health Centre,health_centre,health,សុខ ចន្ថា,012000000,khan,yes\n"
    ",Legal Aid,legal_aid_ngo,legal,Ms Ry,011000000,city,yes\n"
)


def excel_ansi_csv(path: Path) -> Path:
    """What Excel writes with "CSV (Comma delimited)" on a Windows PC: cp1252, Khmer as "?"."""
    path.write_bytes((HEADER + ROWS).encode("cp1252", errors="replace"))
    return path


def test_a_csv_saved_without_khmer_is_refused_with_the_csv_utf8_hint(clerk, tmp_path: Path) -> None:
    path = excel_ansi_csv(tmp_path / "directory.csv")
    assert "????" in path.read_text("cp1252")
    with pytest.raises(ImportProblems) as caught:
        ContactService(clerk).import_rows(directory_io.read(path))
    problems = caught.value.problems
    assert {(line, message.split(": ")[0]) for line, message in problems} == {
        (2, "name_km"),
        (2, "contact_person"),
    }
    assert all("CSV UTF-8" in message for _, message in problems)
    with clerk.reading() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 0
    # the same file saved as "CSV UTF-8" imports
    path.write_text(HEADER + ROWS, encoding="utf-8-sig")
    assert ContactService(clerk).import_rows(directory_io.read(path)).created == 2


def test_the_import_report_gives_the_hint_in_khmer(qtbot, tmp_path: Path) -> None:
    with pytest.raises(ImportProblems) as caught:
        directory_io.read(excel_ansi_csv(tmp_path / "directory.csv"))
    i18n.set_language("km")
    report = ImportReport(caught.value.problems)
    qtbot.addWidget(report)
    first = report.lines.item(0).text()
    assert "name_km" in first and "CSV UTF-8" in first and "Only question marks" not in first
