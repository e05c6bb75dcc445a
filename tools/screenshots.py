"""Screenshots of the shell in Khmer and English, rendered offscreen into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py

Builds a throw-away demo office (synthetic data only) in a temporary folder and saves:
wizard-{km,en}.png (the office page), wizard-key-{km,en}.png (the recovery key), unlock-{km,en}.png
and main-{km,en}.png (the Administration section).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screenshots_common as common
from PySide6.QtWidgets import QWidget

from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.demo import DEMO_CREDENTIALS, create_demo_office
from shsc_desktop.services.office import OfficeFolder
from shsc_desktop.views import i18n
from shsc_desktop.views.main_window import MainWindow
from shsc_desktop.views.unlock import UnlockWindow
from shsc_desktop.views.wizard import SetupWizard

SIZE = common.SIZE
settle = common.settle


def save(widget: QWidget, name: str) -> Path:
    """Sized to the office screen and shown first (the windows here are saved as they open)."""
    widget.resize(*SIZE)
    widget.show()
    return common.save(widget, name)


def main() -> int:
    with common.scratch() as base:
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
