"""Screenshots of the Reports section and renders of the slip and directory PDFs (docs/screenshots/).

    QT_QPA_PLATFORM=offscreen python tools/screenshots_reports.py

Builds a throw-away demo office with six months of synthetic records and saves reports-km.png,
reports-en.png, and page 1 of a Khmer and an English referral slip and of the Khmer directory
(``pdftoppm -png -r 70``: slip-km.png, slip-en.png, directory-km.png).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SHSC_KDF"] = "fast"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shsc_desktop.services.contacts import ContactService  # noqa: E402
from shsc_desktop.services.demo import create_demo_office  # noqa: E402
from shsc_desktop.services.referrals import ReferralFilters, ReferralService  # noqa: E402
from shsc_desktop.services.slips import SlipRequest, SlipService  # noqa: E402
from shsc_desktop.views import i18n  # noqa: E402
from shsc_desktop.views.app import prepare_application  # noqa: E402
from shsc_desktop.views.main_window import MainWindow  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from screenshots_registers import OUT, SIZE, save, settle  # noqa: E402


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
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="shsc-shots-") as tmp:
        base = Path(tmp)
        prepare_application(base / "prefs")
        office = create_demo_office(base / "demo", months=6)
        try:
            for lang in ("km", "en"):
                i18n.set_language(lang)
                window = MainWindow(office)
                window.resize(*SIZE)
                window.show()
                window.show_section("reports")
                settle()
                save(window, f"reports-{lang}.png")
                window.close()
                window.deleteLater()
                settle()
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
