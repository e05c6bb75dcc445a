"""The printable directory: grouped by service, both names, phones, hours, coverage, verified date."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

from sqlalchemy import select

from shsc_desktop.models.tables import AuditEntry
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.office import UnlockedOffice

from .records import health_centre


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def fill(office: UnlockedOffice) -> None:
    contacts = ContactService(office)
    contacts.create(
        health_centre(frozenset({"health", "psychosocial"}), coverage="khan", last_verified=date(2025, 2, 14))
    )
    contacts.create(
        ContactDraft(
            "legal_aid_ngo",
            frozenset({"legal"}),
            name_en="Legal Aid Partners",
            phone="012 777 888",
            phone2="097 111 222",
            coverage="city",
        )
    )
    contacts.create(
        ContactDraft("police_post", frozenset({"police"}), name_en="Closed Police Post", active=False)
    )


def test_the_directory_lists_active_entries_by_service(chief: UnlockedOffice, tmp_path: Path) -> None:
    fill(chief)
    target = tmp_path / "directory.pdf"
    assert ContactService(chief).directory_pdf(target, "en") == 2
    text = text_of(target)
    for expected in (
        "Referral network directory", "Tonle Basak (code 120101)", "Health / medical",
        "Psychosocial / counselling", "Legal aid", "Tonle Basak Health Centre", "Dr Vanna",
        "023 555 0101", "012 777 888", "097 111 222", "Mon–Fri 7:30–17:00", "Khan (district)",
        "City-wide", "Verified: 14 February 2025", "not verified", "Page 1 of",
        "No active organisation offers this service yet.",
    ):  # fmt: skip
        assert expected in text, expected
    assert "Closed Police Post" not in text
    assert text.count("Tonle Basak Health Centre") == 2  # under health and under psychosocial
    assert text.index("Health / medical") < text.index("Legal aid")
    fonts = subprocess.run(["pdffonts", str(target)], check=True, capture_output=True, text=True).stdout
    assert "NotoSansKhmer" in fonts  # the Khmer name, shaped, even in the English directory
    with chief.reading() as s:
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "print"))
    assert entry.target_type == "directory" and json.loads(entry.details)["entries"] == 2


def test_the_khmer_directory_embeds_the_khmer_font(clerk: UnlockedOffice, tmp_path: Path) -> None:
    fill(clerk)
    target = tmp_path / "directory-km.pdf"
    ContactService(clerk).directory_pdf(target, "km")
    fonts = subprocess.run(["pdffonts", str(target)], check=True, capture_output=True, text=True).stdout
    khmer = [line for line in fonts.splitlines() if "NotoSansKhmer" in line]
    assert khmer and all(line.split()[-5] == "yes" for line in khmer)
    assert "023 555 0101" in text_of(target)
