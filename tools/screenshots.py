"""Screenshots of the shell in Khmer and English, rendered offscreen into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py

Builds a throw-away demo office (synthetic data only) in a temporary folder and saves:
wizard-{km,en}.png (the office page), wizard-key-{km,en}.png (the recovery key), unlock-{km,en}.png
and main-{km,en}.png (the Administration section).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SHSC_KDF"] = "fast"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from shsc_desktop.security.vault import KdfParams  # noqa: E402
from shsc_desktop.services.demo import DEMO_CREDENTIALS, create_demo_office  # noqa: E402
from shsc_desktop.services.office import OfficeFolder  # noqa: E402
from shsc_desktop.views import i18n, operations  # noqa: E402
from shsc_desktop.views.app import prepare_application  # noqa: E402
from shsc_desktop.views.main_window import MainWindow  # noqa: E402
from shsc_desktop.views.unlock import UnlockWindow  # noqa: E402
from shsc_desktop.views.wizard import SetupWizard  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1024, 768)  # the smallest office screen the app is made for


def settle() -> None:
    for _ in range(3):
        operations.wait_for_all()  # pages read on the runner (Administration: users, audit log)
        for _ in range(5):
            QCoreApplication.processEvents()


def save(widget: QWidget, name: str) -> Path:
    widget.resize(*SIZE)
    widget.show()
    settle()
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path.relative_to(ROOT))
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="shsc-shots-") as tmp:
        base = Path(tmp)
        prepare_application(base / "prefs")
        demo_dir = base / "demo"
        create_demo_office(demo_dir, months=3).lock("screenshots")
        demo = OfficeFolder(demo_dir, kdf=KdfParams.fast_for_tests())
        for lang in ("km", "en"):
            i18n.set_language(lang)
            settle()

            wizard_folder = OfficeFolder(base / f"wizard-{lang}", kdf=KdfParams.fast_for_tests())
            wizard = SetupWizard(wizard_folder)
            wizard.resize(*SIZE)
            wizard.show()
            wizard.next()
            place = wizard.place_page
            place.select(place.province, "12")
            place.select(place.district, "1201")
            place.select(place.commune, "120101")
            save(wizard, f"wizard-{lang}.png")
            wizard.next()
            wizard.account_page.username.setText("chief")
            wizard.office, wizard.recovery_key = wizard_folder.create(
                "commune", "120101", "chief", "screenshot-password", "Chief (synthetic)"
            )
            wizard.next()
            save(wizard, f"wizard-key-{lang}.png")
            wizard.office.lock("screenshots")
            wizard.office = None
            wizard.close()
            wizard.deleteLater()

            unlock = UnlockWindow(demo, DEMO_CREDENTIALS)
            save(unlock, f"unlock-{lang}.png")
            unlock.close()
            unlock.deleteLater()

            office = demo.unlock("chief", DEMO_CREDENTIALS["chief"])
            window = MainWindow(office)
            window.show_section("administration")
            save(window, f"main-{lang}.png")
            window.close()
            window.deleteLater()
            office.lock("screenshots")
        i18n.set_language("en")
        settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
