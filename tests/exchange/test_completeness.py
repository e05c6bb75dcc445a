"""Issue 9 points 9, 10, 14 and 16: who reported, judged the way a district officer would.

Real offices (the Exchange world: district 1201 with communes 120101 and 120109 enrolled today; the
gazetteer lists five sangkats in khan 1201). Bundles are signed with the communes' own keys, with
chosen signed creation times.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from shsc_desktop.models.tables import ExportRecord
from shsc_desktop.services.completeness import (
    MISSING,
    NOT_ENROLLED,
    NOT_EXPECTED,
    ON_TIME,
    CompletenessService,
)
from shsc_desktop.services.district import DistrictService, month_rates
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.values.period import PHNOM_PENH

from ..ui.exchange_world import PERIOD, export_from, import_into, open_office, previous_period
from .commune_signer import CommuneSigner, genuine_tables

EARLIER = previous_period(2)
BEFORE_ENROLMENT = previous_period(3)
GAZETTEER_1201 = {"120101", "120109", "120110", "120111", "120112"}


def _deadline_day(period: str, days: int) -> dt.date:
    year, month = int(period[:4]), int(period[5:7])
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1) + dt.timedelta(days=days)


def _pp(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=PHNOM_PENH)


def test_timeliness_follows_the_signed_sending_time_in_phnom_penh(
    qtbot, world_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    signers = {}
    tables = {}
    for code in ("120101", "120109"):
        office = open_office(world_dir, code)
        try:
            signers[code] = CommuneSigner.of(office)
            tables[code] = genuine_tables(office, PERIOD)
        finally:
            office.lock("test")
    deadline = _deadline_day(PERIOD, 1)
    just_in_time = _pp(deadline, 23, 30)  # 16:30 UTC on the deadline day
    next_morning = _pp(deadline + dt.timedelta(days=1), 6, 30)  # 23:30 UTC, still the deadline day in UTC
    mid_month = _pp(_deadline_day(EARLIER, -14), 10, 0)  # before that month even ended
    usb = tmp_path / "usb"
    files = [
        signers["120101"].bundle(usb, tables["120101"], period=PERIOD, sequence=2, created_at=just_in_time),
        signers["120109"].bundle(usb, None, period=PERIOD, sequence=1, created_at=next_morning),
        signers["120101"].bundle(usb, tables["120101"], period=EARLIER, sequence=1, created_at=mid_month),
    ]
    # imported days later (in UTC the import date says nothing about when the communes sent)
    now = max(dt.datetime.now(dt.UTC), next_morning.astimezone(dt.UTC)) + dt.timedelta(days=3)
    district = open_office(world_dir, "1201")
    try:
        assert ImportService(district, clock=lambda: now).import_files(files).ok
        comp = CompletenessService(district, clock=lambda: now).completeness(
            [EARLIER, PERIOD], deadline_days=1
        )
        on_time = comp.cell("120101", PERIOD)
        assert on_time.status == ON_TIME and not on_time.dates_disagree
        assert on_time.sent_at == just_in_time and on_time.received_at == now
        late = comp.cell("120109", PERIOD)
        assert late.late and late.status == "nil_report" and not late.dates_disagree
        odd = comp.cell("120101", EARLIER)
        assert odd.dates_disagree  # signed as sent before the month it reports had ended

        # the panel shows both dates and the warning (Phnom Penh time)
        from shsc_desktop.views.district import CompletenessPanel

        DistrictService(district).set_deadline_days(1)
        panel = CompletenessPanel(district)
        qtbot.addWidget(panel)
        from shsc_desktop.views import operations

        qtbot.waitUntil(lambda: operations.running_count() == 0, timeout=15_000)  # read in the background
        model = panel.table.model()
        header = [model.headerData(j, Qt.Orientation.Horizontal) for j in range(model.columnCount())]
        from shsc_desktop.services.statistics import period_label

        row = next(i for i in range(model.rowCount()) if model.index(i, 0).data().startswith("120101"))
        cell = model.index(row, header.index(period_label(PERIOD, "en", short=True)))
        assert cell.data() == "On time"
        assert just_in_time.strftime("%Y-%m-%d %H:%M") in cell.data(Qt.ItemDataRole.ToolTipRole)
        assert now.astimezone(PHNOM_PENH).strftime("%Y-%m-%d %H:%M") in cell.data(Qt.ItemDataRole.ToolTipRole)
        odd_cell = model.index(row, header.index(period_label(EARLIER, "en", short=True)))
        assert odd_cell.data().endswith("⚠")
        assert "Check the clocks" in panel.gaps.text() and "120101" in panel.gaps.text()
    finally:
        district.lock("test")


def test_expected_reports_are_the_gazetteer_and_start_at_enrolment(world_dir: Path, tmp_path: Path) -> None:
    import_into(world_dir, "1201", [export_from(world_dir, "120101", tmp_path / "usb")])
    district = open_office(world_dir, "1201")
    try:
        service = DistrictService(district)
        comp = CompletenessService(district).completeness([BEFORE_ENROLMENT, PERIOD])
        assert {c.code for c in comp.cells} == GAZETTEER_1201
        # enrolled today: the first report due is last month's; earlier months are not "missing"
        assert comp.cell("120109", PERIOD).status == MISSING
        assert comp.cell("120109", BEFORE_ENROLMENT).status == NOT_EXPECTED
        assert comp.cell("120101", BEFORE_ENROLMENT).status == NOT_EXPECTED
        assert comp.cell("120110", PERIOD).status == NOT_ENROLLED
        rates = {r.period: r for r in month_rates(comp)}
        assert (rates[PERIOD].reported, rates[PERIOD].expected) == (1, 5)  # not 1 of 1 = 100 %
        assert (rates[BEFORE_ENROLMENT].reported, rates[BEFORE_ENROLMENT].expected) == (0, 3)

        month = service.month(PERIOD)
        assert month.statistics.table("reporting").value("expected") == 5
        assert set(month.totals.not_enrolled) == GAZETTEER_1201 - {"120101", "120109"}
        status = {r.code: r.status for r in month.breakdown}
        assert status == {
            "120101": "reported",
            "120109": "missing",
            "120110": "not_enrolled",
            "120111": "not_enrolled",
            "120112": "not_enrolled",
        }

        # the XLSX "By office" sheet: codes, a status column, no row of zeros for a missing office
        xlsx = service.tables_xlsx(PERIOD, "en", tmp_path / "out.xlsx")
        sheet = load_workbook(xlsx)["By office"]
        rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0]]
        header = next(r for r in rows if r[0] == "Code")
        assert header[:3] == ("Code", "Office", "Report")
        by_code = {r[0]: r for r in rows if r[0] in GAZETTEER_1201}
        assert set(by_code) == GAZETTEER_1201
        assert by_code["120109"][2] == "Not reported"
        assert all(v is None for v in by_code["120109"][3:])
        assert by_code["120110"][2] == "Not enrolled"
        # a reporting office's row carries its figures, here withheld (its 1 sexual assault and 3
        # psychological ones are small numbers): "·", never blank like an office that did not report;
        # its total, as the only reporting office's, is the district's (printed in the headline too)
        assert by_code["120101"][2] == "Received" and by_code["120101"][3:-1] == ("·",) * len(header[3:-1])
        assert header[-1] == "Total" and by_code["120101"][-1] == 11
    finally:
        district.lock("test")


def test_a_month_nobody_reported_still_prints(world_dir: Path, tmp_path: Path) -> None:
    district = open_office(world_dir, "1201")
    try:
        service = DistrictService(district)
        xlsx = service.tables_xlsx(EARLIER, "km", tmp_path / "none.xlsx")
        assert load_workbook(xlsx).worksheets
        assert service.summary_pdf(EARLIER, "en", tmp_path / "none.pdf").read_bytes().startswith(b"%PDF")
    finally:
        district.lock("test")


def test_the_printed_copy_and_the_bundle_to_the_ministry_use_the_districts_deadline(
    world_dir: Path, tmp_path: Path
) -> None:
    """A district whose deadline is 1 day: a report sent on the 2nd day after the month is late both
    in its printed "reports received" table and in its bundle to the ministry (not on time by the
    default 5 days in one of them)."""
    office = open_office(world_dir, "120101")
    try:
        signer, tables = CommuneSigner.of(office), genuine_tables(office, PERIOD)
    finally:
        office.lock("test")
    sent = _pp(_deadline_day(PERIOD, 2), 10, 0)
    now = max(dt.datetime.now(dt.UTC), sent.astimezone(dt.UTC)) + dt.timedelta(days=1)
    district = open_office(world_dir, "1201")
    try:
        bundle = signer.bundle(tmp_path / "usb", tables, period=PERIOD, created_at=sent)
        assert ImportService(district, clock=lambda: now).import_files([bundle]).ok
        service = DistrictService(district, clock=lambda: now)
        service.set_deadline_days(1)
        printed = service.shared_statistics(PERIOD).table("reporting")
        assert printed.value("reported") == 1 and printed.value("on_time") == 0
        service.approve_month(PERIOD)
        ExportService(district, clock=lambda: now).export_month(PERIOD, tmp_path / "up")
        with district.reading() as s:
            payload = json.loads(s.scalars(select(ExportRecord.payload)).one())
        sent_up = payload["tables"]["reporting"]
        assert sent_up["cells"] == printed.to_dict()["cells"]
        assert sent_up["cells"]["on_time"]["count"] == 0
        # the default deadline would have called it on time: the setting is what decided
        assert (
            CompletenessService(district, clock=lambda: now)
            .completeness([PERIOD])
            .cell("120101", PERIOD)
            .status
            == ON_TIME
        )
    finally:
        district.lock("test")


def test_months_and_deadlines_are_judged_in_phnom_penh_time() -> None:
    """The exchange's month arithmetic (now values/period's): year ends, December, UTC+7."""
    from shsc_desktop.services.completeness import _deadline, _month_end, dates_disagree, local_period

    assert local_period(dt.datetime(2025, 12, 31, 16, 59, tzinfo=dt.UTC)) == "2025-12"
    assert local_period(dt.datetime(2025, 12, 31, 17, 0, tzinfo=dt.UTC)) == "2026-01"
    assert _month_end("2025-12") == dt.datetime(2025, 12, 31, 17, 0, tzinfo=dt.UTC)
    assert _month_end("2024-02") == dt.datetime(2024, 2, 29, 17, 0, tzinfo=dt.UTC)
    assert _deadline("2025-12", 5) == dt.date(2026, 1, 5)
    assert _deadline("2024-02", 0) == dt.date(2024, 2, 29)
    received = dt.datetime(2026, 1, 3, tzinfo=dt.UTC)
    assert dates_disagree("2025-12", dt.datetime(2025, 12, 31, 16, 59, tzinfo=dt.UTC), received)
    assert not dates_disagree("2025-12", dt.datetime(2025, 12, 31, 17, 0, tzinfo=dt.UTC), received)
