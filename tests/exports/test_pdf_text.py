"""Khmer in every PDF the app writes can be copied and searched: shaped glyph runs carry their text
(``/ActualText``), so poppler's pdftotext and PDFium (what a reader or a browser uses) give back the
words as typed — before, ករណីថ្មីដែលបានរាយការណ៍ came out as "ករណីថីែដលនយរណ៍" and ចំការមន as "ចំ រមន".

The district and ministry summaries are the same builder as the commune's monthly summary.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdfium2
import pytest

from shsc_desktop.exports.summary_pdf import build_monthly_summary
from shsc_desktop.services.contacts import ContactService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.slips import SlipRequest, SlipService
from shsc_desktop.services.statistics import StatisticsService
from tests.exports.records import fixture_office
from tests.exports.test_directory_pdf import fill
from tests.exports.test_referral_slip import make_referral

COMMUNE_KM = "ទន្លេបាសាក់"  # Tonle Basak, commune 120101
DISTRICT_KM = "ចំការមន"  # Chamkar Mon
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")  # glyphs without a character: what shaping used to leave


def texts(pdf: Path) -> dict[str, str]:
    """The text as poppler and as PDFium extract it."""
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pdfium = "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return {"pdftotext": poppler, "pdfium": pdfium}


def assert_words(pdf: Path, *words: str) -> None:
    for reader, text in texts(pdf).items():
        for word in words:
            assert word in text, f"{reader} lost {word!r} in {pdf.name}"
        assert not PRIVATE_USE.search(text), f"{reader}: glyphs without text in {pdf.name}"


@pytest.fixture(scope="module")
def records_office(tmp_path_factory: pytest.TempPathFactory):
    office = fixture_office(tmp_path_factory.mktemp("pdf-text") / "office")
    yield office
    office.lock("test end")


def test_the_khmer_monthly_summary_reads_back_as_typed(
    records_office: UnlockedOffice, tmp_path: Path
) -> None:
    target = tmp_path / "summary-km.pdf"
    build_monthly_summary(
        StatisticsService(records_office).monthly("2025-03"), records_office.info, "km", target
    )
    assert_words(
        target,
        COMMUNE_KM,
        DISTRICT_KM,
        "របាយការណ៍សង្ខេបប្រចាំខែ",  # the title
        "ករណីថ្មីដែលបានរាយការណ៍",  # a table label
        "ការបញ្ជូនដែលបានធ្វើ",  # below-the-line vowels and subscripts
    )


def test_the_khmer_referral_slip_reads_back_as_typed(chief: UnlockedOffice, tmp_path: Path) -> None:
    _incident, referral = make_referral(chief)
    target = tmp_path / "slip-km.pdf"
    SlipService(chief).referral_slip(SlipRequest(referral.id, "provider", "km"), target)
    assert_words(target, COMMUNE_KM, "មណ្ឌលសុខភាពទន្លេបាសាក់")


def test_the_khmer_directory_reads_back_as_typed(chief: UnlockedOffice, tmp_path: Path) -> None:
    fill(chief)
    target = tmp_path / "directory-km.pdf"
    ContactService(chief).directory_pdf(target, "km")
    assert_words(target, COMMUNE_KM, "មណ្ឌលសុខភាពទន្លេបាសាក់")


def test_the_english_summary_still_reads_back(records_office: UnlockedOffice, tmp_path: Path) -> None:
    target = tmp_path / "summary-en.pdf"
    build_monthly_summary(
        StatisticsService(records_office).monthly("2025-03"), records_office.info, "en", target
    )
    assert_words(target, "Tonle Basak", "New incidents reported", "Monthly summary")
