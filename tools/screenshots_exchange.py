"""Screenshots of the Exchange section in Khmer and English, rendered offscreen into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python tools/screenshots_exchange.py

Builds a throw-away demo chain, every office its own encrypted data folder: the ministry, district
1201 (Chamkar Mon) and two communes with six months of synthetic records, enrolled by request,
answer and installation (test-size RSA keys). Commune 120101 approves and sends its last three
months, 120109 only the last one; the district imports them. Saves, for km and en:
exchange-commune, import-summary (a dry run over a new, an already imported and a damaged file),
completeness and district-totals (``<name>-<lang>.png``), and the Home desks of the district and of
the ministry (which has imported the district's previous month) at 1366×768
(``desk-district-<lang>.png``, ``desk-ministry-<lang>.png``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

os.environ.setdefault("SHSC_RSA_BITS", "2048")  # demo keys only: production uses 3072

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots_common import close, open_window, save, scratch, settle

from shsc_desktop.errors import ValidationFailed
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services import synthetic
from shsc_desktop.services.district import DistrictService, recent_periods
from shsc_desktop.services.enrolment import EnrolmentService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.views import i18n

DESK_SIZE = (1366, 768)
PASSWORD = "demo-password-1"


def create(base: Path, level: str, code: str, user: str) -> UnlockedOffice:
    folder = OfficeFolder(base / f"{level}-{code or 'mowa'}", kdf=KdfParams.fast_for_tests())
    office, _ = folder.create(level, code, user, PASSWORD, f"{user.title()} (synthetic)")
    return office


def enrol(lower: UnlockedOffice, upper: UnlockedOffice, files: Path) -> None:
    code = lower.info.code
    request = EnrolmentService(lower).request(files / f"{code}.shscreq")
    EnrolmentService(upper).sign(request.path, files / f"{code}.shscpkg")
    EnrolmentService(lower).accept(files / f"{code}.shscpkg")


def approve(office: UnlockedOffice, period: str) -> None:
    with contextlib.suppress(ValidationFailed):  # already approved by the synthetic history
        MonthService(office).approve(period)


def build(base: Path) -> tuple[dict[str, UnlockedOffice], list[Path], Path]:
    files = base / "files"
    usb = base / "usb"
    files.mkdir()
    ministry = create(base, "ministry", "", "officer")
    EnrolmentService(ministry).create_root()
    district = create(base, "district", "1201", "khan")
    enrol(district, ministry, files)
    communes = {code: create(base, "commune", code, "chief") for code in ("120101", "120109")}
    for seed, office in enumerate(communes.values(), start=3):
        enrol(office, district, files)
        synthetic.generate(office, months=6, seed=seed)
    months = recent_periods(DistrictService(district).clock(), 3)  # oldest first
    sent = []
    for period in months:
        approve(communes["120101"], period)
        sent.append(ExportService(communes["120101"]).export_month(period, usb).path)
    for period in months[-2:]:  # September was sent (late), October is still on the stick
        approve(communes["120109"], period)
    sent.append(ExportService(communes["120109"]).export_month(months[-2], usb).path)
    late = ExportService(communes["120109"]).export_month(months[-1], usb).path
    DistrictService(district).set_deadline_days(30)
    ImportService(district).import_files(sent)
    # for the dry-run picture: one file already imported, one new, one damaged on the way
    damaged = usb / "SHSC-120109-copy-damaged.shsc"
    data = bytearray(late.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    offices = {"MOWA": ministry, "1201": district, **communes}
    return offices, [sent[2], late, damaged], usb


def main() -> int:
    with scratch() as base:
        offices, batch, usb = build(base)
        commune, district, ministry = offices["120101"], offices["1201"], offices["MOWA"]
        period = recent_periods(DistrictService(district).clock(), 1)[0]
        older = recent_periods(DistrictService(district).clock(), 2)[0]
        DistrictService(district).approve_month(older)
        upward = ExportService(district).export_month(older, usb / "to-ministry").path
        ImportService(ministry).import_files([upward])
        try:
            for lang in ("km", "en"):
                i18n.set_language(lang)
                window = open_window(commune, "exchange")
                upward = window.exchange_page.upward
                upward.refresh()
                upward.start_export(period, usb / "again")  # the same revision again
                settle()
                save(window, f"exchange-commune-{lang}.png")
                close(window)

                window = open_window(district, "exchange")
                page = window.exchange_page
                page.tabs.setCurrentWidget(page.import_panel)
                page.import_panel.dry_run(batch)
                save(window, f"import-summary-{lang}.png")
                page.import_panel.discard()
                page.tabs.setCurrentWidget(page.completeness)
                page.completeness.refresh()
                save(window, f"completeness-{lang}.png")
                page.tabs.setCurrentWidget(page.totals)
                page.totals.show_month(period)
                save(window, f"district-totals-{lang}.png")
                close(window)

                for office, name in ((district, "district"), (ministry, "ministry")):
                    window = open_window(office, "home", DESK_SIZE)
                    save(window, f"desk-{name}-{lang}.png")
                    close(window)
        finally:
            for office in offices.values():
                office.lock("screenshots")
        i18n.set_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
