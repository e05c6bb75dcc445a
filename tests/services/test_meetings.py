"""Consultation meetings: attendance by group and sex, topics, decisions and action items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from shsc_desktop.errors import EditConflict, PermissionDenied, ValidationFailed
from shsc_desktop.services.meetings import ActionItemDraft, Attendance, MeetingDraft, MeetingService
from shsc_desktop.services.office import UnlockedOffice

TODAY = date.today()


def minutes(**changes: object) -> MeetingDraft:
    base = MeetingDraft(
        meeting_type="community_consultation",
        meeting_date=TODAY,
        venue_village_code="12010102",
        facilitator="CCWC focal point",
        attendance=(
            Attendance("womens_group", 12, 0),
            Attendance("village_chief", 1, 3),
            Attendance("police", 0, 2),
        ),
        topics=frozenset({"ipv", "alcohol"}),
        concerns_raised="Drinking at the karaoke place late at night.",
        decisions="Ask the police post to patrol on weekends.",
        action_items=(
            ActionItemDraft("Meet the police post", "Commune chief", TODAY + timedelta(days=7)),
            ActionItemDraft("Print the referral pathway", "Clerk"),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_clerk_records_minutes_and_follows_the_action_items(
    clerk: UnlockedOffice, chief: UnlockedOffice
) -> None:
    service = MeetingService(clerk)
    meeting = service.create(minutes())
    assert (meeting.female, meeting.male, meeting.total) == (13, 5, 18)
    assert [a.group for a in meeting.attendance] == ["police", "village_chief", "womens_group"]

    open_items = service.open_action_items()
    assert [i.action for i in open_items] == ["Meet the police post", "Print the referral pathway"]
    done = service.set_action_status(open_items[0].id, "done")
    assert done.status == "done"
    assert [i.action for i in service.open_action_items()] == ["Print the referral pathway"]

    current = service.get(meeting.id)
    edited = replace(
        current.as_draft(),
        attendance=(*current.attendance, Attendance("youth", 4, 4)),
        action_items=(*current.as_draft().action_items, ActionItemDraft("Invite the youth club", "Clerk")),
    )
    updated = service.update(meeting.id, edited, current.version)
    assert updated.total == 26
    assert {a.id for a in current.action_items} <= {a.id for a in updated.action_items}  # ids kept
    with pytest.raises(EditConflict):
        service.update(meeting.id, edited, current.version)

    assert [m.participants for m in service.list_meetings()] == [26]
    with pytest.raises(PermissionDenied):
        service.delete(meeting.id, "wrong meeting")
    MeetingService(chief).delete(meeting.id, "entered in the wrong commune")
    assert service.list_meetings() == [] and service.open_action_items() == []


def test_meeting_validation(clerk: UnlockedOffice) -> None:
    bad = minutes(
        meeting_type="party",
        meeting_date=TODAY + timedelta(days=2),
        venue_village_code="11111111",
        attendance=(Attendance("police", -1, 0), Attendance("police", 1, 1)),
        topics=frozenset({"gossip"}),
        action_items=(ActionItemDraft("  ", status="later"),),
    )
    with pytest.raises(ValidationFailed) as caught:
        MeetingService(clerk).create(bad)
    assert set(caught.value.problems) == {
        "meeting_type",
        "meeting_date",
        "venue_village_code",
        "attendance.0.female",
        "attendance.1.group",
        "topics",
        "action_items.0.action",
        "action_items.0.status",
    }
