"""The queries of one month's statistics: SQL in, count tables out (no Qt, no layout).

:class:`MonthQueries` reads one month of the office's registers and returns the tables of
``catalogue.TABLE_KEYS``; ``services/statistics.py`` wraps them in a
:class:`~shsc_desktop.services.statistics.MonthlyStatistics`. Which records each figure counts is
defined once in ``catalogue`` (``gbv_incident_in``, ``counted_referral``, ...): these methods only
read and count them, and their comments say why each query has its shape (the month's cost must
follow the month, not the whole history; ``tests/services/test_statistics_cost.py``). The open
cases and follow-ups, and what every query shares, are in ``open_cases``.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import Any

from sqlalchemy import Integer, and_, cast, func, or_, select

from ...models.codes import (
    ACTION_ITEM_COLUMN,
    ACTION_STATUS,
    AGE_GROUP,
    ATTENDANCE_SEX,
    ATTENDEE_GROUP,
    CASE_CONTEXT,
    CHILD_ADULT,
    CHILD_CONSENT_ROUTE,
    COMMUNE_ACTION,
    DATA_QUALITY,
    DISABILITY,
    ELAPSED_REPORTING,
    FIRST_CONTACT,
    GBV_TYPE,
    HEADLINE,
    LOCATION_TYPE,
    MARITAL_STATUS,
    MEETING_TYPE,
    PERIOD_COLUMN,
    PERIOD_LIST,
    PERPETRATOR_COUNT,
    PERPETRATOR_SEX,
    RAPE_HEALTH,
    REFERRAL_OUTCOME,
    REFERRAL_STATUS,
    RELATIONSHIP,
    REPORTED_BY,
    SERVICE_TYPE,
    SEX,
    TIME_OF_DAY,
    TREND_MEASURE,
    YES_NO_UNKNOWN,
    age_group,
    elapsed_reporting,
)
from ...models.tables import (
    ActionItem,
    Incident,
    Meeting,
    MeetingAttendance,
    Month,
    MonthSnapshot,
    Perpetrator,
    Referral,
)
from ...values import period as period_values
from . import catalogue as cat
from .catalogue import SERVICE_PROVIDED_STATUSES, TABLE_KEYS
from .open_cases import OpenCaseQueries
from .tables import CountTable, FollowUp

TREND_MONTHS = 12
MONTHLY_FLOWS = (
    "new_incidents",
    "non_gbv_incidents",
    "referrals_made",
    "referrals_received",
    "meetings_held",
)
"""The headline flows :meth:`MonthQueries.flows_by_month` counts per month."""


class MonthQueries(OpenCaseQueries):
    """The queries of one month; each table method returns one table (or a few read together)."""

    def tables(self) -> tuple[tuple[CountTable, ...], tuple[FollowUp, ...]]:
        """Every table of the month in ``TABLE_KEYS`` order, and the follow-ups due at its end."""
        month_row = self.month_row
        tables: list[CountTable] = [self.headline()]
        tables += self.incidents_by_type()
        tables.append(self.children_by_consent_route())
        tables += self.incident_circumstances()
        tables += self.perpetrators()
        tables += self.all_perpetrators()
        tables += self.survivor_profile()
        tables.append(self.time_to_report())
        tables.append(self.rape_time_to_report())
        tables.append(self.rape_health_referral())
        tables += self.referrals()
        tables.append(self.commune_actions())
        follow_ups, open_cases = self.open_cases()
        tables.append(open_cases)
        tables += self.meetings()
        tables.append(self.data_quality(month_row))
        tables.append(self.trend())
        by_key = {t.key: t for t in tables}
        return tuple(by_key[k] for k in TABLE_KEYS), follow_ups

    # -- 1. headline -------------------------------------------------------------------------------

    def headline(self) -> CountTable:
        p = self.period
        last_year = period_values.shift(p, -12)
        year_start = f"{p[:4]}-01"
        ranges = {
            "this_month": (p, p),
            "same_month_last_year": (last_year, last_year),
            "year_to_date": (year_start, p),
        }
        # The flows are counted per month once (the trend's months, this year's IPV and actions)
        # and summed here over each column's months, instead of one query per figure and column.
        monthly = self.flows_by_month
        partner = self.partner_and_actions(last_year, year_start, p)
        counts: dict[tuple[str, str], int] = {}
        for col, (first, last) in ranges.items():
            months = [m for m in self.trend_periods(last_year) if first <= m <= last]
            for row in MONTHLY_FLOWS:
                counts[row, col] = sum(monthly[m][row] for m in months)
            for row in ("ipv_incidents", "administrative_decisions"):
                counts[row, col] = sum(partner.get(m, Counter())[row] for m in months)
        open_now = len(self.month_follow_ups)
        _, ly_end = period_values.bounds(last_year)
        counts["open_follow_ups", "this_month"] = open_now
        counts["open_follow_ups", "same_month_last_year"] = self.follow_ups_count(ly_end)
        counts["open_follow_ups", "year_to_date"] = open_now  # a stock: as at the end of this month
        return CountTable.build("headline", HEADLINE.name, PERIOD_COLUMN.name, counts, additive=False)

    def trend_periods(self, first: str) -> list[str]:
        """The months from ``first`` to this month."""
        months = []
        while first <= self.period:
            months.append(first)
            first = period_values.shift(first, 1)
        return months

    @cached_property
    def flows_by_month(self) -> dict[str, Counter[str]]:
        """New and non-GBV incidents, referrals made and received and meetings held (the
        definitions of ``catalogue.new_incidents``, ``non_gbv_incidents``, ``referrals_made``,
        ``referrals_received`` and ``meetings_held``) in each month from the same month last year
        to this month: the trend's months and the headline's. Each query is grouped by the month
        alone, which its index is ordered by, so SQLite needs no sort."""
        first = period_values.shift(self.period, -12)
        out: dict[str, Counter[str]] = {m: Counter() for m in self.trend_periods(first)}
        gbv = func.sum(cast(Incident.gbv_type != cat.NON_GBV, Integer))
        non_gbv = func.sum(cast(cat.gbv_type_is(cat.NON_GBV), Integer))
        incidents = select(Incident.period, gbv, non_gbv).where(
            cat.reportable_incident(), cat.in_months(Incident.period, first, self.period)
        )
        for period, n_gbv, n_non_gbv in self.rows(incidents.group_by(Incident.period)):
            out[period]["new_incidents"] += int(n_gbv or 0)
            out[period]["non_gbv_incidents"] += int(n_non_gbv or 0)
        meetings = select(Meeting.period, func.count()).where(cat.held_meeting(first, self.period))
        for period, n in self.rows(meetings.group_by(Meeting.period)):
            out[period]["meetings_held"] += n
        received = func.sum(cast(Referral.outcome == cat.RECEIVED_OUTCOME, Integer))
        referrals = select(Referral.period, func.count(), received).where(
            cat.counted_referral_alone(first, self.period)
        )
        referrals = referrals.group_by(Referral.period)
        for period, n, n_received in self.rows(referrals):
            out[period]["referrals_made"] += n
            out[period]["referrals_received"] += int(n_received or 0)
        return out

    def partner_and_actions(self, month: str, first: str, last: str) -> dict[str, Counter[str]]:
        """IPV incidents (``catalogue.ipv_incidents``) and administrative decisions in ``month``
        and in each month from ``first`` to ``last`` (same month last year, the year to date), in
        one pass over those months' GBV incidents. Grouped by the month alone, which the index is
        ordered by: any other GROUP BY makes SQLite sort in a temporary B-tree, which cost more
        than the pass itself."""
        ipv = func.sum(cast(cat.any_partner_perpetrator(), Integer))
        decided = func.sum(cast(cat.has_commune_action(cat.ADMINISTRATIVE_DECISION), Integer))
        months = or_(Incident.period == month, Incident.period >= first)
        q = select(Incident.period, ipv, decided).where(cat.gbv_incident_in(month, last), months)
        out: dict[str, Counter[str]] = {}
        for period, n_ipv, n_decided in self.rows(q.group_by(Incident.period)):
            out[period] = Counter(ipv_incidents=int(n_ipv or 0), administrative_decisions=int(n_decided or 0))
        return out

    @cached_property
    def month_incidents(self) -> list[Any]:
        """The month's GBV incidents, one row each with every column the per-incident tables
        count (read once from ``ix_incident_month_figures`` and counted in Python, instead of
        one GROUP BY query per table). Columns 7–14 (id, place, time of day, reporter, first
        contact, reported before, goods or money exchanged, a child's consent route) are outside
        that index: SQLite reads each of the month's rows for them, a cost that follows the month,
        not the history."""
        days_to_report = cast(
            func.julianday(Incident.date_reported) - func.julianday(Incident.date_of_incident), Integer
        )
        has_perpetrator = select(Perpetrator.id).where(Perpetrator.incident_id == Incident.id).exists()
        q = select(
            Incident.gbv_type,
            Incident.survivor_age,
            Incident.survivor_sex,
            Incident.marital_status,
            Incident.disability,
            days_to_report,
            Incident.commune_actions,
            Incident.id,
            Incident.location_type,
            Incident.time_of_day,
            Incident.reported_by,
            Incident.first_point_of_contact,
            Incident.previously_reported,
            Incident.goods_money_exchanged,
            Incident.child_consent_route,
            Incident.date_of_incident.is_(None),
            has_perpetrator,
        ).where(cat.gbv_incident_in(self.period, self.period))
        return list(self.rows(q))

    # -- 2. incidents by type and age --------------------------------------------------------------

    def incidents_by_type(self) -> list[CountTable]:
        split: Counter[tuple[str, str]] = Counter()
        bands: Counter[tuple[str, str]] = Counter()
        for gbv_type, age, *_ in self.month_incidents:
            band = age_group(age)
            bands[gbv_type, band] += 1
            split[gbv_type, "unknown" if age is None else "child" if age <= 17 else "adult"] += 1
        return [
            CountTable.build(
                "incidents_by_type_child_adult", GBV_TYPE.name, CHILD_ADULT.name, split, rows=cat.GBV_TYPES
            ),
            CountTable.build(
                "incidents_by_type_age_group", GBV_TYPE.name, AGE_GROUP.name, bands, rows=cat.GBV_TYPES
            ),
        ]

    def children_by_consent_route(self) -> CountTable:
        """The month's counted incidents of survivors under 18 by the route of their consent. A
        child's reporting consent is accepted only with a whole route (``IncidentService``), so
        every counted child has one: the table adds up to the child column of the type table.
        Counted from the month's rows already read (a query of its own read them all again)."""
        routes = Counter(row[14] for row in self.month_incidents if row[1] is not None and row[1] < 18)
        counts: Counter[str] = Counter({route: n for route, n in sorted(routes.items()) if route})
        return CountTable.column("children_by_consent_route", CHILD_CONSENT_ROUTE.name, counts)

    # -- 2b. the incident: place, time, context, who reported it, reported before ------------------

    @cached_property
    def month_perpetrators(self) -> dict[str, list[tuple[int, str, str, str, str]]]:
        """(position, id, sex, relationship, age group) of every recorded perpetrator of the
        month's incidents, by incident id: one pass over the month's perpetrators, found through
        ``ix_perpetrator_rank`` (the tables of all perpetrators and of the primary one read it)."""
        month_ids = select(Incident.id).where(cat.gbv_incident_in(self.period, self.period))
        q = select(
            Perpetrator.incident_id,
            Perpetrator.position,
            Perpetrator.id,
            Perpetrator.sex,
            Perpetrator.relationship_code,
            Perpetrator.age_group,
        ).where(Perpetrator.incident_id.in_(month_ids))
        out: dict[str, list[tuple[int, str, str, str, str]]] = {}
        for incident_id, *perpetrator in self.rows(q):
            out.setdefault(incident_id, []).append(tuple(perpetrator))
        return out

    def incident_circumstances(self) -> list[CountTable]:
        place: Counter[str] = Counter()
        time_of_day: Counter[str] = Counter()
        context: Counter[str] = Counter()
        reporter: Counter[tuple[str, str]] = Counter()
        before: Counter[str] = Counter()
        perpetrators = self.month_perpetrators
        for row in self.month_incidents:
            gbv_type, age, *_ = row
            incident_id, location, tod, reported_by, first_contact, previously, goods = row[7:14]
            place[location] += 1
            time_of_day[tod] += 1
            relationships = [p[3] for p in perpetrators.get(incident_id, ())]
            found = cat.case_context(gbv_type, age, relationships, goods)
            context.update(found)
            reporter[reported_by, "first_contact" if first_contact else "contacted_before"] += 1
            before[previously] += 1
        return [
            CountTable.column("incidents_by_place", LOCATION_TYPE.name, place),
            CountTable.column("incidents_by_time_of_day", TIME_OF_DAY.name, time_of_day),
            # Several contexts per incident: the column does not add up to the number of incidents.
            CountTable.column("incidents_by_case_context", CASE_CONTEXT.name, context, additive=False),
            CountTable.build("incidents_by_reporter", REPORTED_BY.name, FIRST_CONTACT.name, reporter),
            CountTable.column("previously_reported", YES_NO_UNKNOWN.name, before),
        ]

    def all_perpetrators(self) -> list[CountTable]:
        """Each incident once, by the sex and the number of all its recorded perpetrators."""
        sex: Counter[str] = Counter()
        number: Counter[str] = Counter()
        perpetrators = self.month_perpetrators
        for row in self.month_incidents:
            recorded = perpetrators.get(row[7], [])
            sex[cat.perpetrator_sex(p[2] for p in recorded)] += 1
            number[cat.perpetrator_count(len(recorded))] += 1
        return [
            CountTable.column("perpetrator_sex", PERPETRATOR_SEX.name, sex),
            CountTable.column("perpetrator_count", PERPETRATOR_COUNT.name, number),
        ]

    # -- 3. perpetrators ---------------------------------------------------------------------------

    def perpetrators(self) -> list[CountTable]:
        """The primary perpetrator of each of the month's incidents: its first by position, then
        id (the perpetrators were read once for all the month's tables; a query of its own, with
        a correlated NOT EXISTS for "no other comes before", cost more than choosing here)."""
        incidents = len(self.month_incidents)
        by_relationship: Counter[str] = Counter()
        by_age: Counter[str] = Counter()
        for recorded in self.month_perpetrators.values():
            _, _, _, relationship_code, age = min(recorded, key=lambda p: (p[0], p[1]))
            by_relationship[relationship_code] += 1
            by_age[age] += 1
        tables = []
        for key, counts, code_list in (
            ("perpetrator_relationship", by_relationship, RELATIONSHIP),
            ("perpetrator_age_group", by_age, AGE_GROUP),
        ):
            # Incidents without a recorded perpetrator count as "unknown", so the table adds up.
            counts["unknown"] += incidents - sum(counts.values())
            subtotals = dict(cat.TABLE_SPECS[key].subtotals)  # the IPV rows of the relationship
            tables.append(CountTable.column(key, code_list.name, counts, subtotals=subtotals))
        return tables

    # -- 4. survivor profile -----------------------------------------------------------------------

    def survivor_profile(self) -> list[CountTable]:
        sex: Counter[str] = Counter()
        marital: Counter[str] = Counter()
        disability: Counter[str] = Counter()
        ages: Counter[str] = Counter()
        for _, age, survivor_sex, marital_status, disabled, *_ in self.month_incidents:
            sex[survivor_sex] += 1
            marital[marital_status] += 1
            disability[disabled] += 1
            ages[age_group(age)] += 1
        return [
            CountTable.column("survivor_sex", SEX.name, sex),
            CountTable.column("survivor_marital_status", MARITAL_STATUS.name, marital),
            CountTable.column("survivor_disability", DISABILITY.name, disability),
            CountTable.column("survivor_age_group", AGE_GROUP.name, ages),
        ]

    # -- 5. time to report and rape ----------------------------------------------------------------

    def time_to_report(self) -> CountTable:
        counts: Counter[str] = Counter()
        for row in self.month_incidents:
            counts[elapsed_reporting(row[5])] += 1
        return CountTable.column("time_to_report", ELAPSED_REPORTING.name, counts)

    def rape_time_to_report(self) -> CountTable:
        """The month's rape incidents by the days from the incident to the *report* (not to a
        referral: that is :meth:`rape_health_referral`)."""
        counts: Counter[str] = Counter()
        for row in self.month_incidents:
            if row[0] == "rape":
                counts[elapsed_reporting(row[5])] += 1
        return CountTable.column("rape_time_to_report", ELAPSED_REPORTING.name, counts)

    def rape_health_referral(self) -> CountTable:
        rape_of_month = and_(cat.gbv_incident_in(self.period, self.period), cat.gbv_type_is("rape"))
        first_health = (
            select(Referral.incident_id, func.min(Referral.date_referred).label("first_date"))
            .where(
                Referral.deleted.is_(False),
                Referral.service_type == "health",
                Referral.status.in_(SERVICE_PROVIDED_STATUSES),
                # Only the month's rape incidents' referrals, not those of the whole history.
                Referral.incident_id.in_(select(Incident.id).where(rape_of_month).correlate(None)),
            )
            .group_by(Referral.incident_id)
            .subquery("first_health")
        )
        days = cast(
            func.julianday(first_health.c.first_date) - func.julianday(Incident.date_of_incident), Integer
        )
        q = (
            select(first_health.c.first_date.is_not(None), days, func.count())
            .select_from(Incident)
            .outerjoin(first_health, first_health.c.incident_id == Incident.id)
            .where(rape_of_month)
            .group_by(first_health.c.first_date.is_not(None), days)
        )
        counts: Counter[str] = Counter()
        for referred, d, n in self.rows(q):
            if not referred:
                counts["no_health_referral"] += n
            elif d is None:
                counts["timing_unknown"] += n
            else:
                counts["within_72h" if d <= 3 else "after_72h"] += n
        return CountTable.column("rape_health_referral", RAPE_HEALTH.name, counts)

    # -- 6. referrals ------------------------------------------------------------------------------

    def referrals(self) -> list[CountTable]:
        # The month's referrals one row each, counted here: a GROUP BY over these columns makes
        # SQLite sort in a temporary B-tree, which cost ten times reading the rows.
        columns: list[Any] = [Referral.service_type, Referral.status, Referral.outcome]
        q = cat.with_incident(select(*columns).select_from(Referral)).where(
            cat.counted_referral(self.period, self.period)
        )
        by_status: Counter[tuple[str, str]] = Counter()
        by_outcome: Counter[tuple[str, str]] = Counter()
        for service, status, outcome in self.rows(q):
            by_status[service, status] += 1
            by_outcome[service, outcome] += 1
        return [
            CountTable.build(
                "referrals_by_service_status", SERVICE_TYPE.name, REFERRAL_STATUS.name, by_status
            ),
            CountTable.build(
                "referrals_by_service_outcome", SERVICE_TYPE.name, REFERRAL_OUTCOME.name, by_outcome
            ),
        ]

    # -- 7. commune actions ------------------------------------------------------------------------

    def commune_actions(self) -> CountTable:
        counts: Counter[str] = Counter()
        for row in self.month_incidents:
            counts.update(row[6])
        # Several actions per incident: the column does not add up to the number of incidents.
        return CountTable.column("commune_actions", COMMUNE_ACTION.name, counts, additive=False)

    # -- 9. meetings -------------------------------------------------------------------------------

    def meetings(self) -> list[CountTable]:
        # Rows counted here rather than GROUP BY queries: each GROUP BY sorted its few rows in a
        # temporary B-tree, which cost more than reading them.
        in_month = and_(Meeting.deleted.is_(False), Meeting.period == self.period)
        by_type = Counter(self.db.scalars(select(Meeting.meeting_type).where(in_month)))
        attendance: Counter[tuple[str, str]] = Counter()
        q = (
            select(MeetingAttendance.group, MeetingAttendance.female, MeetingAttendance.male)
            .join(Meeting, MeetingAttendance.meeting_id == Meeting.id)
            .where(in_month)
        )
        for group, female, male in self.rows(q):
            attendance[group, "female"] += int(female or 0)
            attendance[group, "male"] += int(male or 0)
        overdue = cat.past_due(self.end)
        items = (
            select(ActionItem.status, overdue)
            .join(Meeting, ActionItem.meeting_id == Meeting.id)
            .where(cat.action_item(self.end))
        )
        actions: Counter[tuple[str, str]] = Counter()
        for status, late in self.rows(items):
            actions[status, "count"] += 1
            actions[status, "overdue"] += bool(late)
        return [
            CountTable.column("meetings_by_type", MEETING_TYPE.name, by_type),
            CountTable.build("attendance_by_group_sex", ATTENDEE_GROUP.name, ATTENDANCE_SEX.name, attendance),
            CountTable.build(
                "action_items_by_status", ACTION_STATUS.name, ACTION_ITEM_COLUMN.name, actions, additive=False
            ),
        ]

    # -- 10. data quality --------------------------------------------------------------------------

    def data_quality(self, month_row: Month | None) -> CountTable:
        p = self.period
        not_consented = and_(cat.live_incident(), Incident.consent_reporting.is_(False), Incident.period == p)
        without_consent = self.count(select(func.count(Incident.id)).where(not_consented))
        referrals_without = self.count(
            cat.with_incident(select(func.count(Referral.id)).select_from(Referral)).where(
                Referral.deleted.is_(False),
                Referral.period == p,
                cat.live_incident(),
                Incident.consent_reporting.is_(False),
            )
        )
        missing: Counter[str] = Counter()
        for _, age, *_, no_date, has_perpetrator in self.month_incidents:
            no_age = age is None
            missing["missing_key_fields"] += bool(no_date or no_age or not has_perpetrator)
            missing["missing_date_of_incident"] += bool(no_date)
            missing["missing_survivor_age"] += no_age
            missing["missing_perpetrator"] += not has_perpetrator
        counts = {
            "without_reporting_consent": without_consent,
            "referrals_without_reporting_consent": referrals_without,
            "missing_key_fields": missing["missing_key_fields"],
            "missing_date_of_incident": missing["missing_date_of_incident"],
            "missing_survivor_age": missing["missing_survivor_age"],
            "missing_perpetrator": missing["missing_perpetrator"],
            "edited_after_approval": self.edited_after_approval(month_row),
        }
        return CountTable.column("data_quality", DATA_QUALITY.name, counts, additive=False)

    def edited_after_approval(self, month_row: Month | None) -> int:
        """Records of the month created, changed or deleted since its newest approved snapshot
        (case work continues after approval, so this is the real count of later changes)."""
        approved = self.db.scalar(
            select(MonthSnapshot.approved_at)
            .where(MonthSnapshot.period == self.period)
            .order_by(MonthSnapshot.revision.desc())
            .limit(1)
        )
        if approved is None:
            return 0
        # Every timestamp is stored as UTC ISO text of one fixed width, so it compares in SQL.
        # Referrals count when they are of the month or made later for one of its incidents.
        month_incidents = select(Incident.id).where(Incident.period == self.period)
        total = 0
        for model, mine in (
            (Incident, Incident.period == self.period),
            (Referral, or_(Referral.period == self.period, Referral.incident_id.in_(month_incidents))),
            (Meeting, Meeting.period == self.period),
        ):
            total += self.count(select(func.count(model.id)).where(mine, model.updated_at > approved))
        return total

    # -- 11. trend ---------------------------------------------------------------------------------

    def trend(self) -> CountTable:
        first = period_values.shift(self.period, -(TREND_MONTHS - 1))
        periods = [period_values.shift(first, i) for i in range(TREND_MONTHS)]
        counts: dict[tuple[str, str], int] = {}
        for period in periods:
            flows = self.flows_by_month[period]
            # Only the months that had any (as the GROUP BY queries gave them before).
            if flows["new_incidents"]:
                counts[period, "incidents"] = flows["new_incidents"]
            if flows["referrals_made"]:
                counts[period, "referrals"] = flows["referrals_made"]
        return CountTable.build(
            "trend", PERIOD_LIST, TREND_MEASURE.name, counts, rows=periods, additive=False
        )
