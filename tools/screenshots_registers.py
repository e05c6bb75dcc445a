"""Screenshots of the four registers in Khmer and English, rendered offscreen into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python tools/screenshots_registers.py

Builds a throw-away demo office with six months of synthetic records and saves, for km and en:
incidents, incident-form, referrals, meetings and contacts (``<name>-<lang>.png``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots_common import SIZE, close, open_window, save, scratch, settle

from shsc_desktop.services.demo import create_demo_office
from shsc_desktop.services.referrals import ReferralService
from shsc_desktop.views import i18n


def main() -> int:
    with scratch() as base:
        office = create_demo_office(base / "demo", months=6)
        try:
            follow_up = next(iter(ReferralService(office).due_follow_ups(date_today(), 30)), None)
            for lang in ("km", "en"):
                i18n.set_language(lang)
                window = open_window(office, "incidents")
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
                close(window)
        finally:
            office.lock("screenshots")
        i18n.set_language("en")
    return 0


def date_today():
    from datetime import date

    return date.today()


if __name__ == "__main__":
    sys.exit(main())
