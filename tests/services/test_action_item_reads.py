"""The action points are read from indexes, never from the meetings' and action items' rows (issue 12).

The month's ``action_items_by_status`` is a stock at the month's last day over every meeting held by
then (docs/indicators.md), so it cannot be read from the month alone; it is read from two covering
indexes instead (migration 0012): the meetings held by a day, and each meeting's items with their
status and due date. Neither the meeting rows (with their sealed minutes) nor the item rows (with
their free text) are read. The open items' list reads only the open items, by their status.

The SQL checked is the SQL the services really run, captured on the office's engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import event

from shsc_desktop.services.meetings import ActionItemDraft, Attendance, MeetingDraft, MeetingService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.statistics import compute

TODAY = date.today()


@contextmanager
def statements(office: UnlockedOffice) -> Iterator[list[tuple[str, Any]]]:
    """Every SQL statement run on the office's engine meanwhile, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, sql: str, params: Any, _context: Any, _many: bool) -> None:
        seen.append((sql, params))

    event.listen(office.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(office.engine, "before_cursor_execute", record)


def plan(office: UnlockedOffice, sql: str, params: Any) -> list[str]:
    with office.reading() as s:
        raw = s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
        return [str(row[3]) for row in raw]


def touching_action_items(seen: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [(sql, p) for sql, p in seen if "FROM action_item" in sql and sql.lstrip().startswith("SELECT")]


def _meetings(office: UnlockedOffice) -> None:
    service = MeetingService(office)
    for days_ago in (40, 3):
        day = TODAY - timedelta(days=days_ago)
        service.create(
            MeetingDraft(
                meeting_type="community_consultation",
                meeting_date=day,
                attendance=(Attendance("womens_group", 4, 0),),
                topics=frozenset({"ipv"}),
                action_items=(
                    ActionItemDraft("Meet the police post", "Chief", day + timedelta(days=7)),
                    ActionItemDraft("Print the pathway", "Clerk", None, "done"),
                ),
            )
        )


def test_the_month_action_points_are_read_from_covering_indexes_only(chief: UnlockedOffice) -> None:
    _meetings(chief)
    period = f"{TODAY:%Y-%m}"
    with statements(chief) as seen, chief.reading() as s:
        figures = compute(s, period).table("action_items_by_status").as_mapping()
    assert figures["done"]["count"] == 2 and figures["open"]["count"] == 2  # the figure itself
    [(sql, params)] = touching_action_items(seen)
    steps = plan(chief, sql, params)
    assert len(steps) == 2 and all("COVERING INDEX" in step for step in steps), steps


def test_the_open_items_list_reads_only_the_open_items(chief: UnlockedOffice) -> None:
    _meetings(chief)
    with statements(chief) as seen:
        items = MeetingService(chief).open_action_items(TODAY)
    assert [i.action for i in items] == ["Meet the police post"] * 2
    [(sql, params)] = touching_action_items(seen)
    steps = plan(chief, sql, params)
    assert any("action_item USING INDEX ix_action_item_status (status=?)" in step for step in steps), steps
    assert not any(step.startswith("SCAN") for step in steps), steps
