"""Consultation meeting minutes: who came (head counts by group and sex), what was discussed and
decided, and the action items that follow, with their owner, due date and status.

Minutes should hold no case details (domain.md §5.4), but a case conference's minutes may name
survivors all the same, so they are treated as identifying: their free text (concerns raised,
decisions) is sealed to the office's identity key like an incident's identifying details, every
opening is audited, and a user without identity access sees the meeting (date, attendance, topics,
action items) with the minutes withheld (:attr:`MeetingView.minutes_withheld`). Once sealed, a
meeting's minutes stay sealed even if its type is changed.

A meeting belongs to the month of its date; approved months refuse changes, including changes to
its action items' status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..errors import NotFound
from ..models import codes
from ..models.base import new_id
from ..models.tables import ActionItem, Meeting, MeetingAttendance
from ..security.audit import Action
from ..security.permissions import Perm, require
from ..values.changes import NOTHING
from ..values.copying import same_named
from . import identities, lifecycle, months
from . import validation as v
from .register_service import RegisterService

TARGET = "meeting"
REGISTER = lifecycle.Register(
    Meeting,
    TARGET,
    v.MEETING_GONE,
    options=lambda: (selectinload(Meeting.attendance), selectinload(Meeting.action_items)),
)
OPEN_ACTION_STATUSES = ("open", "in_progress")
MAX_COUNT = 10000


@dataclass(frozen=True)
class Attendance:
    group: str  # codes.ATTENDEE_GROUP
    female: int = 0
    male: int = 0


PLAUSIBLE_GROUP_SIZE = 300
"""More people than this in one group of one meeting is asked about before saving (typing slips)."""


def implausible_counts(attendance: tuple[Attendance, ...]) -> list[tuple[str, int]]:
    """(group, count) of the counts above :data:`PLAUSIBLE_GROUP_SIZE`, for a confirmation."""
    return [
        (a.group, count) for a in attendance for count in (a.female, a.male) if count > PLAUSIBLE_GROUP_SIZE
    ]


@dataclass(frozen=True)
class ActionItemDraft:
    action: str
    owner: str = ""
    due_date: date | None = None
    status: str = "open"
    id: str | None = None  # set to keep an existing item's identity on update


@dataclass(frozen=True)
class MeetingDraft:
    meeting_type: str
    meeting_date: date | None
    venue_village_code: str = ""
    facilitator: str = ""
    attendance: tuple[Attendance, ...] = ()
    topics: frozenset[str] = frozenset()
    concerns_raised: str = ""
    decisions: str = ""
    action_items: tuple[ActionItemDraft, ...] = ()
    keep_minutes: bool = False
    """The draft carries no minutes (its author could not read the sealed ones): keep them as they are."""


@dataclass(frozen=True)
class ActionItemView:
    id: str
    meeting_id: str
    meeting_date: date
    meeting_type: str
    action: str
    owner: str
    due_date: date | None
    status: str
    overdue: bool


@dataclass(frozen=True)
class MeetingView:
    id: str
    version: int
    meeting_type: str
    meeting_date: date
    period: str
    venue_village_code: str
    facilitator: str
    attendance: tuple[Attendance, ...]
    topics: frozenset[str]
    concerns_raised: str
    decisions: str
    action_items: tuple[ActionItemView, ...]
    updated_at: datetime
    updated_by: str
    minutes_sealed: bool = False  # identifying minutes (a case conference's), sealed
    minutes_withheld: bool = False  # sealed, and this user may not read them: the text fields are empty

    @property
    def female(self) -> int:
        return sum(a.female for a in self.attendance)

    @property
    def male(self) -> int:
        return sum(a.male for a in self.attendance)

    @property
    def total(self) -> int:
        return self.female + self.male

    def as_draft(self) -> MeetingDraft:
        return same_named(
            MeetingDraft,
            self,
            action_items=tuple(
                ActionItemDraft(a.action, a.owner, a.due_date, a.status, a.id) for a in self.action_items
            ),
            keep_minutes=self.minutes_withheld,
        )


@dataclass(frozen=True)
class MeetingRow:
    id: str
    meeting_type: str
    meeting_date: date
    venue_village_code: str
    participants: int
    open_actions: int


class MeetingService(RegisterService):
    register = REGISTER

    # -- writing ----------------------------------------------------------------------------------

    def create(self, draft: MeetingDraft) -> MeetingView:
        require(self.actor, Perm.RECORDS_WRITE)
        self.validate(draft)
        assert draft.meeting_date is not None
        period = months.period_of(draft.meeting_date)
        with self.office.transaction(REGISTER.changes) as s:
            months.ensure_open(s, period)
            row = lifecycle.new(Meeting, self.actor, id=new_id())
            _apply(row, draft)
            self._store_minutes(row, draft)
            s.add(row)
            s.flush()
            self.audit(
                s,
                Action.RECORD_CREATED,
                row.id,
                {"period": period, "type": row.meeting_type, "actions": len(row.action_items)},
            )
            return self._view(row, _draft_minutes(draft))

    def update(self, meeting_id: str, draft: MeetingDraft, expected_version: int) -> MeetingView:
        require(self.actor, Perm.RECORDS_WRITE)
        self.validate(draft)
        assert draft.meeting_date is not None
        with self.office.transaction(REGISTER.changes) as s:
            row = _load(s, meeting_id)
            v.check_version(row.version, expected_version)
            if row.minutes_sealed is not None and not draft.keep_minutes:
                require(self.actor, Perm.VIEW_IDENTIFYING)  # she replaces minutes only a holder may read
            months.ensure_open(s, row.period, months.period_of(draft.meeting_date))
            kept = (row.concerns_raised, row.decisions)
            _apply(row, draft)
            self._store_minutes(row, draft, kept)
            self.updated(s, row, lambda: {"version": row.version})
            return self._view(row, None if draft.keep_minutes else _draft_minutes(draft))

    def delete(self, meeting_id: str, reason: str) -> None:
        """Soft delete by the chief, with a reason. Sealed minutes are erased, not only hidden."""

        def erase_minutes(_s: Session, row: Meeting) -> dict[str, Any]:
            erased = row.minutes_sealed is not None
            row.minutes_sealed = None
            return {"minutes_erased": erased}

        lifecycle.delete_with_reason(self.office, REGISTER, meeting_id, reason, erase_minutes)

    def set_action_status(self, item_id: str, status: str) -> ActionItemView:
        """Move one action item on (open → in progress → done, or dropped)."""
        require(self.actor, Perm.RECORDS_WRITE)
        p = v.Problems()
        p.code("status", status, codes.ACTION_STATUS)
        p.raise_if_any()
        with self.office.transaction(REGISTER.changes) as s:
            item = s.get(ActionItem, item_id)
            if item is None or item.meeting.deleted:
                raise NotFound(v.ACTION_ITEM_GONE)
            meeting = item.meeting  # action items are case work: not locked by approval
            before = item.status
            item.status = status
            self.updated(s, meeting, lambda: {"action_item": item.id, "status": [before, status]})
            return _item_view(item, meeting, self.today())

    # -- reading ----------------------------------------------------------------------------------

    def get(self, meeting_id: str) -> MeetingView:
        """One meeting. Sealed minutes are opened for a user with identity access (audited, as
        every view of identifying details is) and withheld from everyone else."""
        require(self.actor, Perm.RECORDS_READ)
        with self.office.reading() as s:
            row = _load(s, meeting_id)
            if row.minutes_sealed is None or not self.can_read_minutes():
                return self._view(row)
        with self.office.transaction(NOTHING) as s:
            row = _load(s, meeting_id)
            self.audit(s, Action.IDENTIFYING_VIEWED, row.id, {"field": "minutes", "type": row.meeting_type})
            return self._view(row, self._open_minutes(row))

    def can_read_minutes(self) -> bool:
        """Whether this user may read sealed minutes (identity access: the key in her slot)."""
        return self.actor.can(Perm.VIEW_IDENTIFYING)

    def _open_minutes(self, row: Meeting) -> tuple[str, str]:
        assert row.minutes_sealed is not None
        payload = identities.open_value(self.office, row.minutes_sealed, identities.meeting_context(row.id))
        return str(payload.get("concerns_raised", "")), str(payload.get("decisions", ""))

    def _store_minutes(self, row: Meeting, draft: MeetingDraft, kept: tuple[str, str] = ("", "")) -> None:
        """Seal a case conference's minutes (and minutes sealed before: they stay sealed); other
        minutes stay plain. ``kept``: the plain text before the update, for ``keep_minutes``."""
        if draft.keep_minutes and row.minutes_sealed is not None:
            row.concerns_raised = row.decisions = ""
            return
        concerns, decisions = kept if draft.keep_minutes else (draft.concerns_raised, draft.decisions)
        identifying = row.meeting_type == identities.CASE_CONFERENCE or row.minutes_sealed is not None
        if not identifying or self.office.keys is None:  # an office not yet given its keys: plain
            row.concerns_raised, row.decisions = concerns, decisions
            row.minutes_sealed = None
            return
        row.minutes_sealed = identities.seal_value(
            self.office,
            {"concerns_raised": concerns, "decisions": decisions},
            identities.meeting_context(row.id),
        )
        row.concerns_raised = row.decisions = ""

    def list_meetings(self, period: str | None = None) -> list[MeetingRow]:
        """Meetings (of one month if given), newest first."""
        require(self.actor, Perm.RECORDS_READ)
        query = (
            select(Meeting)
            .where(Meeting.deleted.is_(False))
            .options(selectinload(Meeting.attendance), selectinload(Meeting.action_items))
            .order_by(Meeting.meeting_date.desc(), Meeting.created_at.desc())
        )
        if period:
            query = query.where(Meeting.period == months.check_period(period))
        with self.office.reading() as s:
            return [
                same_named(
                    MeetingRow,
                    m,
                    participants=sum(a.female + a.male for a in m.attendance),
                    open_actions=sum(1 for a in m.action_items if a.status in OPEN_ACTION_STATUSES),
                )
                for m in s.scalars(query)
            ]

    def open_action_items(self, as_of: date | None = None) -> list[ActionItemView]:
        """Open and in-progress action items of every meeting, by due date (undated last)."""
        require(self.actor, Perm.RECORDS_READ)
        today = as_of or self.today()
        with self.office.reading() as s:
            rows = s.execute(
                select(ActionItem, Meeting)
                .join(Meeting, Meeting.id == ActionItem.meeting_id)
                .where(Meeting.deleted.is_(False), ActionItem.status.in_(OPEN_ACTION_STATUSES))
                .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, Meeting.meeting_date)
            ).all()
            return [_item_view(item, meeting, today) for item, meeting in rows]

    # -- rules ------------------------------------------------------------------------------------

    def validate(self, draft: MeetingDraft) -> None:
        p = v.Problems()
        p.code("meeting_type", draft.meeting_type, codes.MEETING_TYPE)
        if draft.meeting_date is None:
            p.add("meeting_date", v.REQUIRED)
        p.not_future("meeting_date", draft.meeting_date, self.today())
        p.village("venue_village_code", draft.venue_village_code, self.commune_code)
        p.text("facilitator", draft.facilitator, 200)
        p.codes("topics", draft.topics, codes.MEETING_TOPIC)
        p.text("concerns_raised", draft.concerns_raised, 20000)
        p.text("decisions", draft.decisions, 20000)
        if sum(a.female + a.male for a in draft.attendance) <= 0:
            p.add("attendance", v.NO_ATTENDEES)  # a meeting nobody attended was not held
        groups: set[str] = set()
        for i, a in enumerate(draft.attendance):
            p.code(f"attendance.{i}.group", a.group, codes.ATTENDEE_GROUP)
            if a.group in groups:
                p.add(f"attendance.{i}.group", v.DUPLICATE_GROUP)
            groups.add(a.group)
            for sex, count in (("female", a.female), ("male", a.male)):
                if not 0 <= count <= MAX_COUNT:
                    p.add(f"attendance.{i}.{sex}", v.COUNT_RANGE)
        for i, item in enumerate(draft.action_items):
            p.text(f"action_items.{i}.action", item.action, 2000, required=True)
            p.text(f"action_items.{i}.owner", item.owner, 200)
            p.code(f"action_items.{i}.status", item.status, codes.ACTION_STATUS)
            if item.due_date and draft.meeting_date and item.due_date < draft.meeting_date:
                p.add(f"action_items.{i}.due_date", v.BEFORE_MEETING)
        p.raise_if_any()

    def _view(self, row: Meeting, minutes: tuple[str, str] | None = None) -> MeetingView:
        """``minutes``: the opened (or just written) text of sealed minutes; None withholds them."""
        today = self.today()
        sealed = row.minutes_sealed is not None
        if not sealed:
            minutes = (row.concerns_raised, row.decisions)
        elif minutes is not None and not self.can_read_minutes():
            minutes = None
        concerns, decisions = minutes or ("", "")
        order = {c: i for i, c in enumerate(codes.ATTENDEE_GROUP.codes())}
        return same_named(
            MeetingView,
            row,
            attendance=tuple(
                Attendance(a.group, a.female, a.male)
                for a in sorted(row.attendance, key=lambda a: order.get(a.group, 99))
            ),
            topics=frozenset(row.topics),
            concerns_raised=concerns,
            decisions=decisions,
            action_items=tuple(_item_view(i, row, today) for i in row.action_items),
            updated_at=v.aware(row.updated_at),
            minutes_sealed=sealed,
            minutes_withheld=minutes is None,
        )


def _load(s: Session, meeting_id: str) -> Meeting:
    return lifecycle.load(s, REGISTER, meeting_id)


def _apply(row: Meeting, draft: MeetingDraft) -> None:
    assert draft.meeting_date is not None
    row.meeting_type = draft.meeting_type
    row.meeting_date = draft.meeting_date
    row.period = months.period_of(draft.meeting_date)
    row.venue_village_code = draft.venue_village_code
    row.facilitator = draft.facilitator.strip()
    row.topics = frozenset(draft.topics)
    # Attendance: one row per group; reuse rows so the (meeting, group) constraint never trips.
    existing = {a.group: a for a in (row.attendance or [])}
    wanted = [a for a in draft.attendance if a.female or a.male]
    kept: list[MeetingAttendance] = []
    for a in wanted:
        att = existing.get(a.group) or MeetingAttendance(group=a.group)
        att.female, att.male = a.female, a.male
        kept.append(att)
    row.attendance = kept
    # Action items keep their identity when the draft carries their id.
    by_id = {i.id: i for i in (row.action_items or [])}
    items: list[ActionItem] = []
    for d in draft.action_items:
        item = by_id.get(d.id) if d.id else None
        if item is None:
            item = ActionItem()
        item.action = d.action.strip()
        item.owner = d.owner.strip()
        item.due_date = d.due_date
        item.status = d.status
        items.append(item)
    row.action_items = items


def _draft_minutes(draft: MeetingDraft) -> tuple[str, str]:
    return draft.concerns_raised, draft.decisions


def _item_view(item: ActionItem, meeting: Meeting, today: date) -> ActionItemView:
    return same_named(
        ActionItemView,
        item,
        meeting_id=meeting.id,
        meeting_date=meeting.meeting_date,
        meeting_type=meeting.meeting_type,
        overdue=item.due_date is not None and item.due_date < today and item.status in OPEN_ACTION_STATUSES,
    )
