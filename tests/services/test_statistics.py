"""The monthly statistics, checked against March 2025 of ``tests/exports/records.py`` by hand.

The month: four counted incidents (two rapes — a girl of 15 and a woman of 19 —, a physical assault
by a husband and an emotional abuse by an ex-partner), one incident without consent to reporting and
one deleted incident (both must vanish from every table), five counted referrals, two meetings.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shsc_desktop.errors import ValidationFailed
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.statistics import (
    HIDDEN,
    TABLE_KEYS,
    CountTable,
    MonthlyStatistics,
    StatisticsService,
    suppress,
)
from shsc_desktop.values.period import shift as shift_period
from tests.exports.records import approve_and_edit_later, fixture_month, fixture_office_for_module


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedOffice]:
    """One office with the fixture month for the whole module (the tests only read it)."""
    yield from fixture_office_for_module(tmp_path_factory, "statistics")


@pytest.fixture(scope="module")
def march(office: UnlockedOffice) -> MonthlyStatistics:
    return StatisticsService(office).monthly("2025-03")


def column(stats: MonthlyStatistics, key: str) -> dict[str, int]:
    """The non-zero cells of a one-column table."""
    table = stats.table(key)
    return {r: v for r, v in zip(table.rows, (row[0] for row in table.cells), strict=True) if v}


def nonzero(table: CountTable) -> dict[tuple[str, str], int | str]:
    return {(r, c): v for r, row in table.as_mapping().items() for c, v in row.items() if v}


def test_headline_this_month_last_year_and_year_to_date(march: MonthlyStatistics) -> None:
    h = march.table("headline").as_mapping()
    assert h["new_incidents"] == {"this_month": 4, "same_month_last_year": 1, "year_to_date": 6}
    assert h["ipv_incidents"] == {"this_month": 2, "same_month_last_year": 1, "year_to_date": 3}
    assert h["referrals_made"] == {"this_month": 5, "same_month_last_year": 1, "year_to_date": 6}
    assert h["referrals_received"] == {"this_month": 1, "same_month_last_year": 1, "year_to_date": 2}
    assert h["administrative_decisions"] == {"this_month": 1, "same_month_last_year": 0, "year_to_date": 2}
    assert h["meetings_held"] == {"this_month": 2, "same_month_last_year": 0, "year_to_date": 3}
    assert h["open_follow_ups"] == {"this_month": 3, "same_month_last_year": 0, "year_to_date": 3}
    assert not march.nil_report
    assert march.month_status == "open"


def test_incidents_by_type_and_age(march: MonthlyStatistics) -> None:
    split = march.table("incidents_by_type_child_adult")
    assert nonzero(split) == {
        ("rape", "child"): 1,
        ("rape", "adult"): 1,
        ("physical_assault", "adult"): 1,
        ("psych_emotional", "unknown"): 1,
    }
    assert split.row_total("rape") == 2
    assert split.col_totals == (1, 2, 1)
    assert split.total == 4
    # The six GBV types only: non-GBV incidents are counted apart (headline row of their own).
    assert split.rows == (
        "rape", "sexual_assault", "physical_assault", "forced_marriage", "denial_resources",
        "psych_emotional",
    )  # fmt: skip
    bands = march.table("incidents_by_type_age_group")
    assert nonzero(bands) == {
        ("rape", "12_17"): 1,
        ("rape", "18_25"): 1,
        ("physical_assault", "26_40"): 1,
        ("psych_emotional", "unknown"): 1,
    }


def test_perpetrators_primary_only_and_missing_counted_unknown(march: MonthlyStatistics) -> None:
    # Incident 2 has a husband (first) and a relative: only the husband counts.
    assert column(march, "perpetrator_relationship") == {
        "neighbour_friend": 1,
        "current_partner": 1,
        "former_partner": 1,
        "unknown": 1,
    }
    assert column(march, "perpetrator_age_group") == {"26_40": 2, "41_60": 1, "unknown": 1}
    relationship = march.table("perpetrator_relationship")
    assert relationship.total == 4
    (ipv,) = relationship.subtotals
    assert ipv.name == "ipv" and ipv.rows == ("current_partner", "former_partner", "boyfriend")
    assert ipv.values == (2,)  # the same number as the headline's IPV incidents


def test_survivor_profile(march: MonthlyStatistics) -> None:
    assert column(march, "survivor_sex") == {"female": 4}  # the man's incident had no consent
    assert column(march, "survivor_age_group") == {"12_17": 1, "18_25": 1, "26_40": 1, "unknown": 1}
    assert column(march, "survivor_marital_status") == {
        "single": 1,
        "married_cohabiting": 2,
        "divorced_separated": 1,
    }
    assert column(march, "survivor_disability") == {"none": 2, "physical": 1, "unknown": 1}


def test_time_to_report_and_rape_health_referral(march: MonthlyStatistics) -> None:
    assert column(march, "time_to_report") == {
        "0_3_days": 1,
        "4_5_days": 1,
        "over_1_month": 1,
        "unknown": 1,
    }
    # Rape 1: health referral 2 days after the incident; rape 2: 10 days after.
    assert column(march, "rape_health_referral") == {"within_72h": 1, "after_72h": 1}


def test_referrals_by_service_status_and_outcome(march: MonthlyStatistics) -> None:
    status = march.table("referrals_by_service_status")
    assert nonzero(status) == {
        ("health", "referred"): 2,
        ("psychosocial", "unavailable"): 1,
        ("legal", "referred"): 1,
        ("police", "declined"): 1,
    }
    assert status.total == 5
    assert status.col_total("unavailable") == 1
    outcome = march.table("referrals_by_service_outcome")
    assert outcome.value("health", "received") == 1
    assert outcome.col_total("pending") == 4


def test_commune_actions_count_each_action(march: MonthlyStatistics) -> None:
    actions = march.table("commune_actions")
    assert not actions.additive and actions.total is None
    assert column(march, "commune_actions") == {
        "counselling": 2,
        "safety_plan": 1,
        "warning": 1,
        "administrative_decision": 1,
        "police_report": 1,
    }


def test_open_cases_and_follow_ups_carry_codes_only(march: MonthlyStatistics) -> None:
    assert column(march, "open_cases_by_days_open") == {"up_to_30": 3, "31_60": 1, "61_90": 1, "over_90": 1}
    assert [(f.incident_code, f.follow_up_date, f.days_open, f.overdue) for f in march.follow_ups] == [
        ("KH-120101-202502-007", date(2025, 2, 28), 49, True),
        ("KH-120101-202503-001", date(2025, 3, 10), 28, False),
        ("KH-120101-202503-002", date(2025, 3, 20), 21, False),
    ]
    assert set(march.follow_ups[0].to_dict()) == {
        "incident_code", "gbv_type", "status", "follow_up_date", "days_open", "overdue",
    }  # fmt: skip


def test_meetings_attendance_and_action_items(march: MonthlyStatistics) -> None:
    assert column(march, "meetings_by_type") == {"community_consultation": 1, "ccwc": 1}
    attendance = march.table("attendance_by_group_sex")
    assert attendance.as_mapping()["ccwc"] == {"female": 7, "male": 3}
    assert attendance.col_totals == (27, 15)
    assert attendance.total == 42
    actions = march.table("action_items_by_status").as_mapping()
    assert actions["open"] == {"count": 2, "overdue": 2}
    assert actions["in_progress"] == {"count": 1, "overdue": 0}
    assert actions["done"] == {"count": 1, "overdue": 0}


def test_data_quality_counts_consent_exclusions(march: MonthlyStatistics) -> None:
    assert column(march, "data_quality") == {
        "without_reporting_consent": 1,
        "referrals_without_reporting_consent": 1,
        "missing_key_fields": 2,
        "missing_date_of_incident": 1,
        "missing_survivor_age": 1,
        "missing_perpetrator": 1,
    }
    assert march.without_consent == 1


def test_edited_after_approval(chief: UnlockedOffice) -> None:
    fixture_month(chief)
    approve_and_edit_later(chief)
    stats = StatisticsService(chief).monthly("2025-03")
    assert stats.month_status == "approved"
    assert stats.table("data_quality").value("edited_after_approval") == 1


def test_trend_covers_twelve_months(march: MonthlyStatistics) -> None:
    trend = march.table("trend")
    assert trend.rows == tuple(shift_period("2024-04", i) for i in range(12))
    assert nonzero(trend) == {
        ("2024-11", "incidents"): 1,
        ("2025-01", "incidents"): 1,
        ("2025-02", "incidents"): 1,
        ("2025-02", "referrals"): 1,
        ("2025-03", "incidents"): 4,
        ("2025-03", "referrals"): 5,
    }


def test_no_table_counts_the_unconsented_or_deleted_incident(march: MonthlyStatistics) -> None:
    # Each additive incident table of the month adds up to the 4 counted incidents, not 5 or 6.
    for key in (
        "incidents_by_type_child_adult", "perpetrator_relationship", "survivor_sex", "survivor_age_group",
        "survivor_marital_status", "survivor_disability", "time_to_report",
    ):  # fmt: skip
        assert march.table(key).total == 4, key
    assert march.table("incidents_by_type_child_adult").value("denial_resources", "adult") == 0


def test_a_month_without_incidents_is_a_nil_report(office: UnlockedOffice) -> None:
    stats = StatisticsService(office).monthly("2023-06")
    assert stats.nil_report
    assert [t.key for t in stats.tables] == list(TABLE_KEYS)
    for table in stats.tables:
        assert all(v == 0 for row in table.cells for v in row), table.key
    assert stats.follow_ups == ()


def test_an_empty_office_gives_a_nil_report(clerk: UnlockedOffice) -> None:
    stats = StatisticsService(clerk).monthly("2025-03")
    assert stats.nil_report and stats.table("headline").value("new_incidents", "this_month") == 0


def test_bad_period_is_a_validation_error(office: UnlockedOffice) -> None:
    with pytest.raises(ValidationFailed):
        StatisticsService(office).monthly("2025-13")


def test_to_dict_is_json_and_round_trips(march: MonthlyStatistics) -> None:
    data = json.loads(json.dumps(march.to_dict()))
    assert data["period"] == "2025-03" and data["nil_report"] is False
    assert set(data["tables"]) == set(TABLE_KEYS)
    assert data["tables"]["survivor_sex"]["cells"]["female"] == {"count": 4}
    assert CountTable.from_dict(data["tables"]["incidents_by_type_age_group"]) == march.table(
        "incidents_by_type_age_group"
    )
    assert "follow_ups" not in march.to_dict(include_case_codes=False)


# --- suppression --------------------------------------------------------------------------------


def test_suppress_one_column_hides_the_small_cell_and_the_next_smallest() -> None:
    table = CountTable.column("sex", "sex", {"female": 7, "male": 1, "unknown": 0})
    shared = suppress(table)
    assert shared.as_mapping() == {
        "female": {"count": HIDDEN},
        "male": {"count": "<5"},
        "unknown": {"count": 0},
    }
    assert shared.total == 8 and shared.threshold == 5


def test_suppress_small_totals_too() -> None:
    table = CountTable.build("t", "x", "y", {("a", "p"): 2, ("b", "q"): 1}, rows=["a", "b"], cols=["p", "q"])
    shared = suppress(table)
    assert shared.row_totals == ("<5", "<5") and shared.col_totals == ("<5", "<5") and shared.total == "<5"


def test_suppress_two_way_table() -> None:
    counts = {("a", "p"): 2, ("a", "q"): 9, ("a", "r"): 6, ("b", "p"): 8, ("b", "q"): 7, ("b", "r"): 10}
    table = CountTable.build("t", "x", "y", counts, rows=["a", "b"], cols=["p", "q", "r"])
    shared = suppress(table)
    cells = shared.as_mapping()
    assert cells["a"]["p"] == "<5"
    # Row a would give it away (17 - 9 - 6): its next-smallest cell goes (6) …
    assert cells["a"]["r"] == HIDDEN
    # … and columns p and r would then give both away, so row b loses two cells as well.
    assert cells["b"]["p"] == HIDDEN and cells["b"]["r"] == HIDDEN
    assert cells["a"]["q"] == 9 and cells["b"]["q"] == 7
    assert shared.row_totals == (17, 25) and shared.total == 42
    assert_no_total_reveals_a_cell(shared)


def test_suppress_protects_the_ipv_subtotal_shown_in_the_headline() -> None:
    counts = {"current_partner": 5, "former_partner": 2, "boyfriend": 0, "stranger": 9}
    table = CountTable.column(
        "rel", "relationship", counts, subtotals={"ipv": ["current_partner", "former_partner", "boyfriend"]}
    )
    shared = suppress(table)
    cells = shared.as_mapping()
    # 7 IPV incidents are published (here and in the headline): hiding only the 2 would reveal it.
    assert cells["former_partner"]["count"] == "<5"
    assert cells["current_partner"]["count"] == HIDDEN
    assert cells["stranger"]["count"] == 9
    assert shared.subtotals[0].values == (7,) and shared.total == 16


def test_non_additive_tables_get_primary_suppression_only() -> None:
    table = CountTable.column("acts", "commune_action", {"counselling": 9, "warning": 2}, additive=False)
    assert suppress(table).as_mapping()["counselling"] == {"count": 9}
    assert suppress(table).as_mapping()["warning"] == {"count": "<5"}


def test_suppressed_statistics_drop_case_codes(march: MonthlyStatistics) -> None:
    shared = march.suppressed()
    assert shared.follow_ups == () and shared.threshold == 5
    assert shared.table("headline").value("new_incidents", "this_month") == "<5"
    # Attendance has counts below 5 (3 women, 2 men of the CCWC …): the whole table is left out.
    assert shared.table("attendance_by_group_sex").total == "·"
    # Year to date minus this month (January and February: 2) would reveal the withheld trend.
    assert shared.table("headline").value("new_incidents", "year_to_date") == "x"
    assert "<5" in json.dumps(shared.to_dict())
    with pytest.raises(ValueError):
        suppress(shared.table("headline"))


def assert_no_total_reveals_a_cell(table: CountTable) -> None:
    """Every published equation (parts = total) has zero or at least two hidden entries."""

    def hidden(v: int | str) -> bool:
        return isinstance(v, str)

    lines = [[row[j] for row in table.cells] + [table.col_totals[j]] for j in range(len(table.cols))]
    if table.row_totals:
        lines += [[*row, t] for row, t in zip(table.cells, table.row_totals, strict=True)]
        lines.append([*table.row_totals, table.total])
        lines.append([*table.col_totals, table.total])
    for line in lines:
        assert sum(hidden(v) for v in line) != 1, line


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda r: st.integers(1, 4).flatmap(
            lambda c: st.lists(st.lists(st.integers(0, 30), min_size=c, max_size=c), min_size=r, max_size=r)
        )
    )
)
def test_suppression_property(grid: list[list[int]]) -> None:
    rows = [f"r{i}" for i in range(len(grid))]
    cols = [f"c{j}" for j in range(len(grid[0]))]
    counts = {
        (rows[i], cols[j]): grid[i][j] for i, j in itertools.product(range(len(rows)), range(len(cols)))
    }
    table = CountTable.build("t", "x", "y", counts, rows=rows, cols=cols)
    shared = suppress(table)
    for i, j in itertools.product(range(len(rows)), range(len(cols))):
        exact, shown = grid[i][j], shared.cells[i][j]
        if 0 < exact < 5:
            assert shown == "<5"
        else:
            assert shown in (exact, HIDDEN)
    assert_no_total_reveals_a_cell(shared)
