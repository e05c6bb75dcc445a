"""The home screen's numbers: this month at a glance, counted in SQL (no rows are loaded)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..models.tables import ActionItem, Incident, Meeting, Month, Referral
from ..security.permissions import Perm, require
from . import months
from .incidents import ipv_condition, not_deleted
from .meetings import OPEN_ACTION_STATUSES
from .office import UnlockedOffice
from .referrals import OPEN_OUTCOME


@dataclass(frozen=True)
class HomeSummary:
    period: str
    incidents: int
    ipv_incidents: int
    referrals: int
    meetings: int
    follow_ups_due: int  # referral and incident follow-ups due today
    follow_ups_overdue: int  # … and past their date
    open_action_items: int
    overdue_action_items: int
    month_status: str  # codes.MONTH_STATUS
    month_approved_by: str | None


def _count(s: Session, query: Select[int]) -> int:
    return int(s.scalar(query) or 0)


class HomeService:
    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office
        self.actor = office.actor

    def summary(self, today: date) -> HomeSummary:
        require(self.actor, Perm.RECORDS_READ)
        period = months.period_of(today)
        count = select(func.count())
        with self.office.reading() as s:
            live_incident = (not_deleted(),)
            incidents = _count(
                s, count.select_from(Incident).where(Incident.period == period, *live_incident)
            )
            ipv = _count(
                s,
                count.select_from(Incident).where(Incident.period == period, *live_incident, ipv_condition()),
            )
            referrals = _count(
                s,
                count.select_from(Referral)
                .join(Incident, Incident.id == Referral.incident_id)
                .where(Referral.period == period, Referral.deleted.is_(False), *live_incident),
            )
            meetings = _count(
                s, count.select_from(Meeting).where(Meeting.period == period, Meeting.deleted.is_(False))
            )
            due = overdue = 0
            for day_filter, is_overdue in (
                (Referral.follow_up_date == today, False),
                (Referral.follow_up_date < today, True),
            ):
                n = _count(
                    s,
                    count.select_from(Referral)
                    .join(Incident, Incident.id == Referral.incident_id)
                    .where(
                        Referral.deleted.is_(False),
                        *live_incident,
                        Referral.outcome == OPEN_OUTCOME,
                        day_filter,
                    ),
                )
                if is_overdue:
                    overdue += n
                else:
                    due += n
            for inc_filter, is_overdue in (
                (Incident.follow_up_date == today, False),
                (Incident.follow_up_date < today, True),
            ):
                n = _count(
                    s,
                    count.select_from(Incident).where(
                        *live_incident, Incident.status != "closed", inc_filter
                    ),
                )
                if is_overdue:
                    overdue += n
                else:
                    due += n
            open_items = (
                select(func.count())
                .select_from(ActionItem)
                .join(Meeting)
                .where(Meeting.deleted.is_(False), ActionItem.status.in_(OPEN_ACTION_STATUSES))
            )
            open_actions = _count(s, open_items)
            overdue_actions = _count(s, open_items.where(ActionItem.due_date < today))
            month_row = s.get(Month, period)
            month = month_row is not None and month_row.status == months.APPROVED
        return HomeSummary(
            period=period,
            incidents=incidents,
            ipv_incidents=ipv,
            referrals=referrals,
            meetings=meetings,
            follow_ups_due=due,
            follow_ups_overdue=overdue,
            open_action_items=open_actions,
            overdue_action_items=overdue_actions,
            month_status=months.APPROVED if month else months.OPEN,
            month_approved_by=month_row.approved_by if month_row and month else None,
        )
