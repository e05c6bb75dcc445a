"""The home screen's numbers: this month at a glance, counted in SQL (no rows are loaded).

The figures are the catalogue's (``services/reporting/catalogue.py``): the same definitions as the
monthly summary, so Home and the printed report agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..models.tables import Incident, Month, Referral
from ..security.permissions import Perm, require
from . import months, snapshots
from .incident_queries import not_deleted
from .office import UnlockedOffice
from .referrals import OPEN_OUTCOME
from .reporting import catalogue as cat
from .statistics import compute as compute_statistics


@dataclass(frozen=True)
class HomeSummary:
    period: str
    incidents: int
    ipv_incidents: int
    non_gbv_incidents: int  # reported apart from the GBV figures above
    referrals: int
    meetings: int
    follow_ups_due: int  # referral and incident follow-ups due today
    follow_ups_overdue: int  # … and past their date
    open_action_items: int
    overdue_action_items: int
    approval_period: str  # the month to approve: the last one that has ended
    month_status: str  # codes.MONTH_STATUS of approval_period
    month_approved_by: str | None
    revision: int | None = None  # its newest approved snapshot
    figures_changed: bool = False  # approved, and the live figures differ from the snapshot


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
            # The published figures come from the indicator catalogue (same definitions as the
            # summary); the follow-ups below are the clerks' work list (every live record).
            incidents = cat.new_incidents(s, period, period)
            ipv = cat.ipv_incidents(s, period, period)
            non_gbv = cat.non_gbv_incidents(s, period, period)
            referrals = cat.referrals_made(s, period, period)
            meetings = cat.meetings_held(s, period, period)
            live_incident = (not_deleted(),)
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
            open_actions = cat.open_action_items(s, today)
            overdue_actions = cat.past_due_action_items(s, today)
            approval_period = months.add_months(period, -1)
            month_row = s.get(Month, approval_period)
            month = month_row is not None and month_row.status == months.APPROVED
            snapshot = snapshots.latest(s, approval_period) if month else None
            changed = False
            if snapshot is not None and self.actor.can(Perm.APPROVE_MONTH):
                live = compute_statistics(s, approval_period)
                changed = bool(snapshots.differences(snapshot.statistics, live))
        return HomeSummary(
            period=period,
            incidents=incidents,
            ipv_incidents=ipv,
            non_gbv_incidents=non_gbv,
            referrals=referrals,
            meetings=meetings,
            follow_ups_due=due,
            follow_ups_overdue=overdue,
            open_action_items=open_actions,
            overdue_action_items=overdue_actions,
            approval_period=approval_period,
            month_status=months.APPROVED if month else months.OPEN,
            month_approved_by=month_row.approved_by if month_row and month else None,
            revision=snapshot.revision if snapshot else None,
            figures_changed=changed,
        )
