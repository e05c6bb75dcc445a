"""Screenshots of the four registers in Khmer and English, rendered offscreen into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python tools/screenshots_registers.py

Builds a throw-away demo office with six months of synthetic records and saves, for km and en:
incidents, incident-form, referrals, meetings and contacts (``<name>-<lang>.png``).
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

from shsc_desktop.services.demo import create_demo_office  # noqa: E402
from shsc_desktop.services.referrals import ReferralService  # noqa: E402
from shsc_desktop.views import i18n, operations  # noqa: E402
from shsc_desktop.views.app import prepare_application  # noqa: E402
from shsc_desktop.views.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1024, 768)  # the smallest office screen the app is made for


def settle() -> None:
    for _ in range(3):
        operations.wait_for_all()
        for _ in range(5):
            QCoreApplication.processEvents()


def save(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path.relative_to(ROOT))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="shsc-shots-") as tmp:
        base = Path(tmp)
        prepare_application(base / "prefs")
        office = create_demo_office(base / "demo", months=6)
        try:
            follow_up = next(iter(ReferralService(office).due_follow_ups(date_today(), 30)), None)
            for lang in ("km", "en"):
                i18n.set_language(lang)
                window = MainWindow(office)
                window.resize(*SIZE)
                window.show()
                window.show_section("incidents")
                save(window, f"incidents-{lang}.png")
                page = window.incidents_page
                page.table.selectRow(0)
                form = page.open_selected()
                if form is not None:
                    form.resize(*SIZE)
                    save(form, f"incident-form-{lang}.png")
                    form.close()
                # A new case of a girl of 13: the consent route, child protection and the legal
                # context, with the mediation caution (partner violence, mediation ticked).
                child = page.open_new()
                child.resize(*SIZE)
                child.survivor_age.setValue(13)
                child.action_boxes["mediation"].setChecked(True)
                settle()
                child.scroll_area.ensureWidgetVisible(child.legal_box)
                child.scroll_area.ensureWidgetVisible(child.consent_box)
                save(child, f"incident-form-child-{lang}.png")
                child.reject()
                child.close()
                window.show_section("referrals")
                referrals = window.referrals_page
                referrals.include_week.setChecked(True)
                if follow_up is not None:
                    referrals.show_incident(follow_up.incident_id)
                save(window, f"referrals-{lang}.png")
                window.show_section("meetings")
                save(window, f"meetings-{lang}.png")
                window.show_section("contacts")
                save(window, f"contacts-{lang}.png")
                window.show_section("home")
                save(window, f"home-{lang}.png")
                window.close()
                window.deleteLater()
                settle()
        finally:
            office.lock("screenshots")
        i18n.set_language("en")
    return 0


def date_today():
    from datetime import date

    return date.today()


if __name__ == "__main__":
    sys.exit(main())
