"""The monthly summary PDF: what a chief would read, checked with poppler (pdftotext, pdffonts,
pdftoppm) on the fixture month of ``records.py``."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from shsc_desktop.errors import Cancelled
from shsc_desktop.exports import pdf_shaping, pdf_text
from shsc_desktop.exports.summary_pdf import build_monthly_summary
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.statistics import StatisticsService
from tests.exports.records import CANARY, CANARY_PHONE, fixture_office_for_module

GENERATED = datetime(2025, 4, 3, 10, 15)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedOffice]:
    yield from fixture_office_for_module(tmp_path_factory, "summary")


@pytest.fixture(scope="module")
def pdfs(office: UnlockedOffice, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    stats = StatisticsService(office).monthly("2025-03")
    out = {}
    for name, lang, shared in (("en", "en", False), ("km", "km", False), ("shared", "en", True)):
        out[name] = folder / f"summary-{name}.pdf"
        build_monthly_summary(stats, office.info, lang, out[name], suppressed=shared, generated_at=GENERATED)
    return out


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_english_summary_shows_headings_and_numbers(pdfs: dict[str, Path]) -> None:
    text = text_of(pdfs["en"])
    for heading in (
        "Monthly summary", "Tonle Basak", "code 120101", "Chamkar Mon", "Month: March 2025",
        "1. The month at a glance", "2. Incidents by type of violence and age of survivor",
        "3. The incidents: place, time, context and how they reached the commune",
        "Place of the incident", "Survivor herself", "Reported elsewhere before", "Time of day",
        "4. Alleged perpetrators", "All recorded perpetrators of each incident", "Number of perpetrators",
        "Rape cases: time from incident to report", "7. Referrals by service and status",
        "9. Follow-up and open cases", "12. Twelve-month trend", "Reviewed and approved by the commune chief",
        "Generated: 3 April 2025 10:15",
        "CONFIDENTIAL",
    ):  # fmt: skip
        assert heading in text, heading
    assert re.search(r"New incidents reported\s+4\s+1\s+6", text)
    assert re.search(r"of which intimate partner violence\s+2\s+1\s+3", text)
    assert re.search(r"Referrals made\s+5\s+1\s+6", text)
    assert re.search(r"Rape\s+1\s+1\s+0\s+2", text)  # children, adults, age unknown, total
    assert "1 incident(s) without the survivor's consent to reporting are not counted" in text
    assert "KH-120101-202502-007" in text  # follow-up list: codes only
    pages = int(re.findall(r"Page 1 of (\d+)", text)[0])
    assert f"Page {pages} of {pages}" in text


def test_khmer_summary_embeds_the_khmer_font_and_shapes(pdfs: dict[str, Path]) -> None:
    fonts = subprocess.run(["pdffonts", str(pdfs["km"])], check=True, capture_output=True, text=True).stdout
    khmer = [line for line in fonts.splitlines() if "NotoSansKhmer" in line]
    assert khmer and all(line.split()[-5] == "yes" for line in khmer)  # the "emb" column
    styles = pdf_text.make_styles("km")
    assert all(
        getattr(styles, f).shaping == 1 for f in styles.__dataclass_fields__ if f not in ("lang", "font")
    )
    # Shaped Khmer uses glyphs that have no code point of their own (subscript consonants), which
    # ReportLab maps into the private use area; each shaped run carries its text as /ActualText, so
    # the text layer reads as typed (tests/exports/test_pdf_text.py checks every PDF).
    text = text_of(pdfs["km"])
    assert "២០២៥" in text and "ទំព័រ ១ " in text  # Khmer digits; "page 1 of"
    assert "ករណីថ្មីដែលបានរាយការណ៍" in text
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)


def test_reportlab_text_rise_fix_is_installed() -> None:
    pdf_shaping.register_fonts()
    from reportlab.pdfgen.canvas import Canvas

    text = Canvas("unused.pdf").beginText(0, 100)
    text.setRise(-5)
    text.setRise(0)
    text.setRise(-3)  # merged with the previous "0 Ts": the new rise must be remembered
    assert text._rise == -3 and text._y == 103


def test_first_page_renders(pdfs: dict[str, Path], tmp_path: Path) -> None:
    for name in ("en", "km"):
        prefix = tmp_path / name
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdfs[name]), str(prefix)], check=True
        )
        (png,) = tmp_path.glob(f"{name}-*.png")
        with Image.open(png) as image:
            grey = image.convert("L")
            dark = sum(grey.histogram()[:128])
        assert dark > 2000, name  # text and tables, not an empty page


def test_no_identifying_detail_in_any_pdf(pdfs: dict[str, Path]) -> None:
    for name, pdf in pdfs.items():
        raw = pdf.read_bytes()
        text = text_of(pdf)
        for secret in (CANARY, "Srey-Pov", CANARY_PHONE, "999-4242", "1990-01-01"):
            assert secret.encode() not in raw, (name, secret)
            assert secret not in text, (name, secret)


def test_shared_copy_hides_small_numbers_and_case_codes(pdfs: dict[str, Path]) -> None:
    text = text_of(pdfs["shared"])
    assert "Copy for sharing outside the commune" in text
    # Year to date (6) minus this month (4) would reveal the withheld trend's January and February.
    assert re.search(r"New incidents reported\s+<5\s+<5\s+x", text)
    assert "·" in text  # the tables of a population with numbers below 5 are left out
    assert "KH-120101" not in text
    assert "Case codes are not included" in text


def test_nil_report(office: UnlockedOffice, tmp_path: Path) -> None:
    stats = StatisticsService(office).monthly("2023-06")
    target = tmp_path / "nil.pdf"
    build_monthly_summary(stats, office.info, "en", target, generated_at=GENERATED)
    text = text_of(target)
    assert "Nil report: no incidents were reported this month" in text
    assert re.search(r"New incidents reported\s+0\s+0\s+0", text)


def test_cancel_leaves_no_file_and_progress_is_reported(office: UnlockedOffice, tmp_path: Path) -> None:
    stats = StatisticsService(office).monthly("2025-03")
    target = tmp_path / "summary.pdf"
    steps: list[tuple[int, int]] = []
    build_monthly_summary(stats, office.info, "km", target, progress=lambda d, t: steps.append((d, t)))
    assert steps and steps[-1][0] == steps[-1][1]
    target.unlink()
    calls = iter(range(1000))
    with pytest.raises(Cancelled):
        build_monthly_summary(stats, office.info, "en", target, cancelled=lambda: next(calls) > 3)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(
        ["pdfinfo", "-isodates", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_document_properties_carry_the_real_date_and_a_title_in_its_language(
    pdfs: dict[str, Path], office: UnlockedOffice, tmp_path: Path
) -> None:
    """Issue 14: not CreationDate 2000-01-01, not an English title on a Khmer document, no "()"."""
    english, khmer = pdf_info(pdfs["en"]), pdf_info(pdfs["km"])
    assert english["CreationDate"].startswith("2025-04-03T10:15")
    assert english["Title"] == "Monthly summary March 2025 – Tonle Basak (120101)"
    assert khmer["Title"].startswith("របាយការណ៍សង្ខេបប្រចាំខែ") and "ទន្លេបាសាក់" in khmer["Title"]
    assert "March" not in khmer["Title"] and "(១២០១០១)" in khmer["Title"]
    # an office without a code (the ministry) gets no empty "()"
    from dataclasses import replace

    ministry = replace(office.info, level="ministry", code="", name_en="Ministry of Women's Affairs")
    stats = StatisticsService(office).monthly("2025-03")
    target = tmp_path / "national.pdf"
    build_monthly_summary(stats, ministry, "en", target, suppressed=True, generated_at=GENERATED)
    title = pdf_info(target)["Title"]
    assert title == "National monthly summary March 2025 – Ministry of Women's Affairs"


def test_a_month_approved_before_the_incident_recorder_tables_still_prints(
    office: UnlockedOffice, tmp_path: Path
) -> None:
    """An approval snapshot stored before the tables of the incident existed has none of them: its
    summary prints every other section, without section 3 or the perpetrators' sex and number."""
    from shsc_desktop.services.reporting.catalogue import IR_TABLES_SINCE, TABLE_SPECS
    from shsc_desktop.services.statistics import MonthlyStatistics

    stats = StatisticsService(office).monthly("2025-03")
    later = {k for k, spec in TABLE_SPECS.items() if spec.since >= IR_TABLES_SINCE}
    assert later and later <= {t.key for t in stats.tables}
    stored = stats.to_dict()
    stored["tables"] = {k: v for k, v in stored["tables"].items() if k not in later}
    old = MonthlyStatistics.from_dict(stored)
    for shared in (False, True):
        target = tmp_path / f"old-{shared}.pdf"
        build_monthly_summary(old, office.info, "en", target, suppressed=shared, generated_at=GENERATED)
        text = text_of(target)
        assert "4. Alleged perpetrators" in text and "Rape cases: health referral" in text
        assert "Place of the incident" not in text and "Number of perpetrators" not in text
