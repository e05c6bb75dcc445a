"""Screenshots of the Reports section and renders of the slip and directory PDFs (docs/screenshots/).

    QT_QPA_PLATFORM=offscreen python tools/screenshots_reports.py

Builds a throw-away demo office with six months of synthetic records and saves reports-km.png,
reports-en.png, and page 1 of a Khmer and an English referral slip and of the Khmer directory
(``pdftoppm -png -r 70``: slip-km.png, slip-en.png, directory-km.png).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots_common import OUT, ROOT, close, open_window, save, scratch, settle

from shsc_desktop.services.contacts import ContactService
from shsc_desktop.services.demo import create_demo_office
from shsc_desktop.services.referrals import ReferralFilters, ReferralService
from shsc_desktop.services.slips import SlipRequest, SlipService
from shsc_desktop.views import i18n


def render_page_one(pdf: Path, name: str) -> None:
    """``pdftoppm -png -r 70`` of page 1 into docs/screenshots/<name>.png."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf), f"{tmp}/p"], check=True
        )
        (page,) = Path(tmp).glob("p*.png")
        shutil.copy(page, OUT / f"{name}.png")
    print((OUT / f"{name}.png").relative_to(ROOT))


def main() -> int:
    with scratch() as base:
        office = create_demo_office(base / "demo", months=6)
        try:
            for lang in ("km", "en"):
                i18n.set_language(lang)
                window = open_window(office, "reports")
                settle()
                save(window, f"reports-{lang}.png")
                close(window)
            rows, _total = ReferralService(office).query(ReferralFilters(status="referred"), limit=1)
            slips = SlipService(office)
            for lang in ("km", "en"):
                pdf = base / f"slip-{lang}.pdf"
                slips.referral_slip(SlipRequest(rows[0].id, "provider", lang), pdf)
                render_page_one(pdf, f"slip-{lang}")
            directory = base / "directory-km.pdf"
            ContactService(office).directory_pdf(directory, "km")
            render_page_one(directory, "directory-km")
        finally:
            office.lock("screenshots")
        i18n.set_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
