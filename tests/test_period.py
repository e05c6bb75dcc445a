"""The one month parser (values/period.py) that the services, the bundle checks and the import
schema share."""

from __future__ import annotations

from datetime import date

import pytest

from shsc_desktop.errors import ValidationFailed
from shsc_desktop.services import months
from shsc_desktop.services.table_check import _schema
from shsc_desktop.values.period import Period, bounds, is_period, parse, shift


@pytest.mark.parametrize(
    "text", ["2025-11\n", "២០២៥-11", "2025-1", "2025-13", " 2025-11", "2025-11 ", 202511]
)
def test_only_an_exact_ascii_month_is_a_month(text: object) -> None:
    assert not is_period(text)
    with pytest.raises(ValidationFailed):
        parse(text)


def test_every_service_reads_months_through_the_same_parser() -> None:
    assert parse("2025-12") == Period(2025, 12)
    assert months.add_months("2025-12", 1) == shift("2025-12", 1) == "2026-01"
    assert months.last_day("2024-02").day == 29
    # the statistics (services/statistics.py, reporting/queries.py) read a month's dates here
    assert bounds("2025-03") == (date(2025, 3, 1), date(2025, 3, 31))
    for bad in ("2025-11\n", "២០២៥-11"):
        with pytest.raises(ValidationFailed):
            months.check_period(bad)
        with pytest.raises(ValidationFailed):
            bounds(bad)


def test_the_import_schema_takes_trend_months_only_when_exact() -> None:
    trend = next(t for t in _schema().values() if t.rows is None)
    assert trend.allows(trend.row_list, "2025-11")
    assert not trend.allows(trend.row_list, "2025-11\n")
    assert not trend.allows(trend.row_list, "២០២៥-11")
