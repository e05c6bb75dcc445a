"""The referral-network directory: search by service, CSV/XLSX exchange, all-or-nothing import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shsc_desktop.errors import ImportProblems, ValidationFailed
from shsc_desktop.exports import directory_io
from shsc_desktop.models.tables import AuditEntry, Contact
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.office import UnlockedOffice

HEADER = "name_km,name_en,organisation_type,services,contact_person,phone,coverage,active,last_verified\n"


def count_contacts(office: UnlockedOffice) -> int:
    with office.reading() as s:
        return int(s.scalar(select(func.count()).select_from(Contact)) or 0)


def test_clerk_keeps_the_directory_and_searches_it_by_service(clerk: UnlockedOffice) -> None:
    service = ContactService(clerk)
    hc = service.create(
        ContactDraft("health_centre", frozenset({"health"}), name_en="Tonle Basak HC", phone="023 000 000")
    )
    service.create(ContactDraft("legal_aid_ngo", frozenset({"legal", "psychosocial"}), name_km="ជំនួយច្បាប់"))

    assert [c.id for c in service.search(service="health")] == [hc.id]
    assert [c.name("km") for c in service.search(service="legal")] == ["ជំនួយច្បាប់"]
    assert [c.name("en") for c in service.search(text="basak")] == ["Tonle Basak HC"]
    assert service.search(service="shelter") == []

    moved = service.update(
        hc.id, ContactDraft("health_centre", frozenset({"health"}), name_en="HC", active=False), 1
    )
    assert moved.version == 2 and service.for_service("health") == []
    with pytest.raises(ValidationFailed) as caught:
        service.create(ContactDraft("spa", frozenset({"massage"}), email="not-an-address"))
    assert set(caught.value.problems) == {"name_en", "organisation_type", "services", "email"}


def test_a_bad_import_reports_line_numbers_and_changes_nothing(clerk: UnlockedOffice, tmp_path: Path) -> None:
    service = ContactService(clerk)
    service.create(ContactDraft("police_post", frozenset({"police"}), name_en="Police Post"))
    path = tmp_path / "directory.csv"
    path.write_text(
        HEADER
        + "មណ្ឌលសុខភាព,Health Centre,health_centre,health;psychosocial,Dr Sok,012000000,khan,yes,2025-01-31\n"
        + "\n"
        + ",Shelter,shelter,shelter;cooking,Ms Ry,011000000,city,yes,\n"
        + ",,court_prosecutor,legal,,,khan,maybe,31/01/2025\n",
        encoding="utf-8",
    )
    before = count_contacts(clerk)
    with pytest.raises(ImportProblems) as caught:
        service.import_rows(directory_io.read_csv(path))
    lines = sorted({line for line, _ in caught.value.problems})
    assert lines == [4, 5]
    assert any("services" in message for line, message in caught.value.problems if line == 4)
    assert count_contacts(clerk) == before


def test_directory_round_trip_through_csv_and_xlsx(clerk: UnlockedOffice, tmp_path: Path) -> None:
    service = ContactService(clerk)
    service.create(
        ContactDraft(
            "health_centre",
            frozenset({"health", "psychosocial"}),
            name_en="Health Centre",
            name_km="មណ្ឌលសុខភាព",
            phone="012 000 000",
            contact_person="=1+1",  # a formula-like cell must come back as text
            last_verified=date(2025, 1, 31),
        )
    )
    rows = service.export_rows()
    directory_io.write_csv(tmp_path / "d.csv", rows)
    directory_io.write_xlsx(tmp_path / "d.xlsx", rows)

    for read in (directory_io.read_csv(tmp_path / "d.csv"), directory_io.read_xlsx(tmp_path / "d.xlsx")):
        assert [r.line for r in read] == [2]
        assert read[0].cells["phone"] == "012 000 000" and read[0].cells["contact_person"] == "=1+1"
        assert read[0].cells["services"] == "health;psychosocial"
        assert read[0].cells["last_verified"] == "2025-01-31"
        result = service.import_rows(read)  # same ids: nothing new, nothing changed
        assert (result.created, result.updated) == (0, 0)
    assert (tmp_path / "d.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    # A district file adds an entry and corrects another; the import is audited once.
    path = tmp_path / "district.csv"
    path.write_text(
        HEADER
        + "មណ្ឌលសុខភាព,Health Centre,health_centre,health,Dr Sok,012999999,khan,yes,2025-02-01\n"
        + ",Safe Shelter,shelter,shelter,Ms Ry,011000000,city,yes,\n",
        encoding="utf-8",
    )
    result = service.import_rows(directory_io.read_csv(path))
    assert (result.created, result.updated) == (1, 1)
    assert [c.phone for c in service.search(service="health")] == ["012999999"]
    with clerk.reading() as s:
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")) == 3
        )


def test_a_file_without_the_required_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name,phone\nA,1\n", encoding="utf-8")
    with pytest.raises(ImportProblems) as caught:
        directory_io.read_csv(path)
    assert caught.value.problems[0][0] == 1
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ImportProblems):
        directory_io.read_xlsx(tmp_path / "broken.xlsx")
