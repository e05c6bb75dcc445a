"""An independent recount of every published figure of a demo month (issue 9, "Done when").

The figures are counted a second way: plain SQL written here, over the raw rows, following
``docs/indicators.md`` — never the statistics service, the catalogue or its SQL helpers. Every cell,
total and subtotal of every table is compared, for the live statistics, the approved snapshot that
the summary prints, the bundle's tables and the Home screen.

The demo office holds 14 months of synthetic records plus the cases that split definitions before:
a deleted incident, incidents without consent to reporting, a non-GBV incident by a partner, IPV by a
second perpetrator, an action point due on the month's last day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from shsc_desktop.models import codes
from shsc_desktop.services import synthetic
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.home import HomeService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.reports import ReportService
from shsc_desktop.services.statistics import MonthlyStatistics, StatisticsService
from shsc_desktop.values.changes import NOTHING
from tests.exports.records import add_incident, add_meeting, add_referral
from tests.sdc_attacker import flatten

TODAY = date(2026, 6, 12)
MONTH = "2026-05"
PARTNERS = ("current_partner", "former_partner", "boyfriend")
SERVICE_PROVIDED = ("referred", "provided_by_commune", "already_receiving")
GBV_TYPES = [c for c in codes.GBV_TYPE.codes() if c != "non_gbv"]

Flat = dict[tuple[str, str, str], Any]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedOffice]:
    from shsc_desktop.security.kdf import KdfParams
    from shsc_desktop.services.office import OfficeFolder

    folder = OfficeFolder(tmp_path_factory.mktemp("recount") / "office", kdf=KdfParams.fast_for_tests())
    office, _ = folder.create("commune", "120101", "chief", "chief-password", "Chief Sokha")
    synthetic.generate(office, months=14, seed=20260612, today=TODAY)
    d = date
    with office.transaction(NOTHING) as s:
        add_incident(s, 901, d(2026, 5, 3), "rape", deleted=True, perpetrators=[("current_partner", "26_40")])
        add_incident(s, 902, d(2026, 5, 4), "physical_assault", consent=False)
        add_incident(s, 903, d(2026, 5, 5), "non_gbv", perpetrators=[("current_partner", "26_40")])
        second = add_incident(
            s, 904, d(2026, 5, 6), "psych_emotional", age=None, occurred=None,
            perpetrators=[("other_family", "41_60"), ("former_partner", "26_40")],
        )  # fmt: skip
        add_referral(s, second, d(2026, 5, 7), "health", status="declined")
        # Children counted by the route of their consent, whichever route.
        add_incident(s, 905, d(2026, 5, 8), "sexual_assault", age=14, route="trusted_adult")
        add_incident(s, 906, d(2026, 5, 8), "rape", age=16, route="best_interests")
        add_incident(s, 907, d(2026, 5, 9), "physical_assault", age=12, route="guardian", consent=False)
        add_meeting(s, d(2026, 5, 9), "ccwc", attendance={"ccwc": (2, 1)}, actions=[("open", d(2026, 5, 31))])
    yield office
    office.lock("test end")


# --- the recount: plain SQL over the raw rows --------------------------------------------------


def shift(period: str, months: int) -> str:
    y, m = int(period[:4]), int(period[5:])
    i = y * 12 + m - 1 + months
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def month_end(period: str) -> str:
    y, m = int(period[:4]), int(period[5:])
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1).isoformat()


COUNTED = "(SELECT * FROM incident WHERE deleted = 0 AND consent_reporting = 1 AND gbv_type != 'non_gbv')"
AGE_BAND = """CASE WHEN survivor_age IS NULL THEN 'unknown' WHEN survivor_age <= 11 THEN '0_11'
    WHEN survivor_age <= 17 THEN '12_17' WHEN survivor_age <= 25 THEN '18_25'
    WHEN survivor_age <= 40 THEN '26_40' WHEN survivor_age <= 60 THEN '41_60' ELSE '61_plus' END"""


class Recount:
    def __init__(self, s: Session, period: str) -> None:
        self.s, self.p, self.end = s, period, month_end(period)
        self.out: Flat = {}

    def one(self, sql: str, **params: Any) -> int:
        return int(self.s.execute(text(sql), params).scalar() or 0)

    def pairs(self, sql: str, **params: Any) -> dict[Any, int]:
        return {row[0]: int(row[1] or 0) for row in self.s.execute(text(sql), params)}

    def table(
        self, key: str, rows: list[str], cols: list[str], base: str, row: str, col: str | None, *,
        totals: bool = True, **params: Any,
    ) -> None:  # fmt: skip
        """Cells ``count(*)`` of ``base`` grouped by ``row`` (and ``col``); totals counted by SQL too."""
        col_expr = col or "'count'"
        found = {
            (r, c): int(n)
            for r, c, n in self.s.execute(
                text(f"SELECT {row}, {col_expr}, count(*) FROM {base} GROUP BY 1, 2"), params
            )
        }
        for r in rows:
            for c in cols:
                self.out[key, r, c] = found.pop((r, c), 0)
        assert not found, (key, found)  # a code outside the lists would be lost
        if not totals:
            return
        if len(cols) > 1:
            by_row = self.pairs(f"SELECT {row}, count(*) FROM {base} GROUP BY 1", **params)
            for r in rows:
                self.out[key, r, "total"] = by_row.get(r, 0)
        by_col = self.pairs(f"SELECT {col_expr}, count(*) FROM {base} GROUP BY 1", **params)
        for c in cols:
            self.out[key, "total", c] = by_col.get(c, 0)
        self.out[key, "total", "total"] = self.one(f"SELECT count(*) FROM {base}", **params)

    def run(self) -> Flat:
        p, end = self.p, self.end
        in_month = f"(SELECT * FROM {COUNTED} WHERE period = :p)"
        # Headline.
        ranges = {
            "this_month": (p, p, end),
            "same_month_last_year": (shift(p, -12), shift(p, -12), month_end(shift(p, -12))),
            "year_to_date": (p[:4] + "-01", p, end),
        }
        for col, (a, b, stock_end) in ranges.items():
            q = {"a": a, "b": b}
            self.out["headline", "new_incidents", col] = self.one(
                f"SELECT count(*) FROM {COUNTED} WHERE period BETWEEN :a AND :b", **q
            )
            self.out["headline", "ipv_incidents", col] = self.one(
                f"""SELECT count(*) FROM {COUNTED} c WHERE period BETWEEN :a AND :b AND EXISTS
                (SELECT 1 FROM perpetrator x
                 WHERE x.incident_id = c.id AND x."relationship" IN {PARTNERS})""",
                **q,
            )
            self.out["headline", "non_gbv_incidents", col] = self.one(
                """SELECT count(*) FROM incident WHERE deleted = 0 AND consent_reporting = 1
                AND gbv_type = 'non_gbv' AND period BETWEEN :a AND :b""",
                **q,
            )
            referrals = f"""FROM referral r JOIN {COUNTED} c ON c.id = r.incident_id
                WHERE r.deleted = 0 AND r.period BETWEEN :a AND :b"""
            self.out["headline", "referrals_made", col] = self.one(f"SELECT count(*) {referrals}", **q)
            self.out["headline", "referrals_received", col] = self.one(
                f"SELECT count(*) {referrals} AND r.outcome = 'received'", **q
            )
            self.out["headline", "administrative_decisions", col] = self.one(
                f"""SELECT count(*) FROM {COUNTED} WHERE period BETWEEN :a AND :b
                AND ',' || commune_actions || ',' LIKE '%,administrative_decision,%'""",
                **q,
            )
            self.out["headline", "meetings_held", col] = self.one(
                "SELECT count(*) FROM meeting WHERE deleted = 0 AND period BETWEEN :a AND :b", **q
            )
            self.out["headline", "open_follow_ups", col] = self.one(
                f"""SELECT count(*) FROM {COUNTED} WHERE date_reported <= :e AND status != 'closed'
                AND follow_up_date IS NOT NULL AND follow_up_date <= :e""",
                e=stock_end,
            )
        # Types by age.
        child = (
            "CASE WHEN survivor_age IS NULL THEN 'unknown' "
            "WHEN survivor_age <= 17 THEN 'child' ELSE 'adult' END"
        )
        self.table("incidents_by_type_child_adult", GBV_TYPES, ["child", "adult", "unknown"], in_month,
                   "gbv_type", child, p=p)  # fmt: skip
        self.table("incidents_by_type_age_group", GBV_TYPES, codes.AGE_GROUP.codes(), in_month, "gbv_type",
                   AGE_BAND, p=p)  # fmt: skip
        children = f"(SELECT * FROM {in_month} WHERE survivor_age < 18 AND child_consent_route != '')"
        self.table("children_by_consent_route", codes.CHILD_CONSENT_ROUTE.codes(), ["count"], children,
                   "child_consent_route", None, p=p)  # fmt: skip
        # The main (first recorded) perpetrator.
        main = f"""(SELECT COALESCE(x."relationship", 'unknown') AS rel,
            COALESCE(x.age_group, 'unknown') AS age
            FROM {in_month} c LEFT JOIN perpetrator x ON x.incident_id = c.id AND NOT EXISTS (
              SELECT 1 FROM perpetrator y WHERE y.incident_id = c.id
              AND (y.position < x.position OR (y.position = x.position AND y.id < x.id))))"""
        self.table("perpetrator_relationship", codes.RELATIONSHIP.codes(), ["count"], main, "rel", None, p=p)
        self.out["perpetrator_relationship", "subtotal:ipv", "count"] = self.one(
            f"SELECT count(*) FROM {main} WHERE rel IN {PARTNERS}", p=p
        )
        self.table("perpetrator_age_group", codes.AGE_GROUP.codes(), ["count"], main, "age", None, p=p)
        # Survivors.
        for key, column, code_list in (
            ("survivor_sex", "survivor_sex", codes.SEX),
            ("survivor_marital_status", "marital_status", codes.MARITAL_STATUS),
            ("survivor_disability", "disability", codes.DISABILITY),
        ):
            self.table(key, code_list.codes(), ["count"], in_month, column, None, p=p)
        self.table("survivor_age_group", codes.AGE_GROUP.codes(), ["count"], in_month, AGE_BAND, None, p=p)
        days = "CAST(julianday(date_reported) - julianday(date_of_incident) AS INTEGER)"
        elapsed = f"""CASE WHEN date_of_incident IS NULL OR {days} < 0 THEN 'unknown'
            WHEN {days} <= 3 THEN '0_3_days' WHEN {days} <= 5 THEN '4_5_days'
            WHEN {days} <= 14 THEN '6_14_days' WHEN {days} <= 31 THEN '2_weeks_1_month'
            ELSE 'over_1_month' END"""
        self.table("time_to_report", codes.ELAPSED_REPORTING.codes(), ["count"], in_month, elapsed, None, p=p)
        rape_month = f"(SELECT * FROM {in_month} WHERE gbv_type = 'rape')"
        self.table(
            "rape_time_to_report", codes.ELAPSED_REPORTING.codes(), ["count"], rape_month, elapsed, None, p=p
        )
        # The incident itself (Incident Recorder): place, time of day, who reported, reported before.
        for key, column, code_list in (
            ("incidents_by_place", "location_type", codes.LOCATION_TYPE),
            ("incidents_by_time_of_day", "time_of_day", codes.TIME_OF_DAY),
            ("previously_reported", "previously_reported", codes.YES_NO_UNKNOWN),
        ):
            self.table(key, code_list.codes(), ["count"], in_month, column, None, p=p)
        first_contact = "CASE first_point_of_contact WHEN 1 THEN 'first_contact' ELSE 'contacted_before' END"
        self.table("incidents_by_reporter", codes.REPORTED_BY.codes(), ["first_contact", "contacted_before"],
                   in_month, "reported_by", first_contact, p=p)  # fmt: skip
        # All the perpetrators of each incident: their number and their sexes.
        perps = f"""(SELECT (SELECT count(*) FROM perpetrator x WHERE x.incident_id = c.id) AS n,
            EXISTS (SELECT 1 FROM perpetrator x WHERE x.incident_id = c.id AND x.sex = 'male') AS m,
            EXISTS (SELECT 1 FROM perpetrator x WHERE x.incident_id = c.id AND x.sex = 'female') AS f
            FROM {in_month} c)"""
        number = """CASE WHEN n = 0 THEN 'unknown' WHEN n = 1 THEN 'one' WHEN n = 2 THEN 'two'
            WHEN n = 3 THEN 'three' ELSE 'more_than_three' END"""
        sexes = """CASE WHEN m AND f THEN 'male_and_female' WHEN m THEN 'male' WHEN f THEN 'female'
            ELSE 'unknown' END"""
        self.table("perpetrator_count", codes.PERPETRATOR_COUNT.codes(), ["count"], perps, number, None, p=p)
        self.table("perpetrator_sex", codes.PERPETRATOR_SEX.codes(), ["count"], perps, sexes, None, p=p)
        # Case context (several per incident, no totals).
        sexual = "gbv_type IN ('rape', 'sexual_assault')"
        for code, cond in (
            ("ipv", f"EXISTS (SELECT 1 FROM perpetrator x WHERE x.incident_id = c.id "
                    f"AND x.\"relationship\" IN {PARTNERS})"),
            ("child_sexual_abuse", f"survivor_age < 18 AND {sexual}"),
            ("early_marriage", "survivor_age < 18 AND gbv_type = 'forced_marriage'"),
            ("possible_sexual_exploitation", f"goods_money_exchanged = 'yes' AND {sexual}"),
        ):  # fmt: skip
            self.out["incidents_by_case_context", code, "count"] = self.one(
                f"SELECT count(*) FROM {in_month} c WHERE {cond}", p=p
            )
        rapes = f"""(SELECT c.date_of_incident AS occurred, (SELECT min(r.date_referred) FROM referral r
            WHERE r.incident_id = c.id AND r.deleted = 0 AND r.service_type = 'health'
            AND r.status IN {SERVICE_PROVIDED}) AS first FROM {in_month} c WHERE c.gbv_type = 'rape')"""
        wait = "CAST(julianday(first) - julianday(occurred) AS INTEGER)"
        health = f"""CASE WHEN first IS NULL THEN 'no_health_referral'
            WHEN occurred IS NULL THEN 'timing_unknown'
            WHEN {wait} <= 3 THEN 'within_72h' ELSE 'after_72h' END"""
        self.table("rape_health_referral", codes.RAPE_HEALTH.codes(), ["count"], rapes, health, None, p=p)
        # Referrals.
        refs = (
            f"(SELECT r.* FROM referral r JOIN {COUNTED} c ON c.id = r.incident_id "
            "WHERE r.deleted = 0 AND r.period = :p)"
        )
        self.table("referrals_by_service_status", codes.SERVICE_TYPE.codes(), codes.REFERRAL_STATUS.codes(),
                   refs, "service_type", "status", p=p)  # fmt: skip
        self.table("referrals_by_service_outcome", codes.SERVICE_TYPE.codes(), codes.REFERRAL_OUTCOME.codes(),
                   refs, "service_type", "outcome", p=p)  # fmt: skip
        for code in codes.COMMUNE_ACTION.codes():
            self.out["commune_actions", code, "count"] = self.one(
                f"SELECT count(*) FROM {in_month} WHERE ',' || commune_actions || ',' LIKE :like",
                p=p, like=f"%,{code},%",
            )  # fmt: skip
        # Open cases at the month's end.
        open_days = "CAST(julianday(:e) - julianday(date_reported) AS INTEGER)"
        band = f"""CASE WHEN {open_days} <= 30 THEN 'up_to_30' WHEN {open_days} <= 60 THEN '31_60'
            WHEN {open_days} <= 90 THEN '61_90' ELSE 'over_90' END"""
        open_cases = f"(SELECT * FROM {COUNTED} WHERE date_reported <= :e AND status != 'closed')"
        self.table(
            "open_cases_by_days_open", codes.DAYS_OPEN.codes(), ["count"], open_cases, band, None, e=end
        )
        # Meetings.
        meetings = "(SELECT * FROM meeting WHERE deleted = 0 AND period = :p)"
        self.table(
            "meetings_by_type", codes.MEETING_TYPE.codes(), ["count"], meetings, "meeting_type", None, p=p
        )
        attendance = {
            (g, sex): int(n or 0)
            for g, f, m in self.s.execute(
                text(f"""SELECT a."group", sum(a.female), sum(a.male) FROM meeting_attendance a
                JOIN {meetings} m ON m.id = a.meeting_id GROUP BY 1"""),
                {"p": p},
            )
            for sex, n in (("female", f), ("male", m))
        }
        for g in codes.ATTENDEE_GROUP.codes():
            for sex in ("female", "male"):
                self.out["attendance_by_group_sex", g, sex] = attendance.get((g, sex), 0)
            self.out["attendance_by_group_sex", g, "total"] = attendance.get(
                (g, "female"), 0
            ) + attendance.get((g, "male"), 0)
        for sex in ("female", "male"):
            self.out["attendance_by_group_sex", "total", sex] = sum(
                v for (_, x), v in attendance.items() if x == sex
            )
        self.out["attendance_by_group_sex", "total", "total"] = sum(attendance.values())
        items = {
            status: (int(n), int(late or 0))
            for status, n, late in self.s.execute(
                text("""SELECT i.status, count(*), sum(i.status IN ('open', 'in_progress')
                    AND i.due_date IS NOT NULL AND i.due_date < :e)
                    FROM action_item i JOIN meeting m ON m.id = i.meeting_id
                    WHERE m.deleted = 0 AND m.meeting_date <= :e GROUP BY 1"""),
                {"e": end},
            )
        }
        for status in codes.ACTION_STATUS.codes():
            n, late = items.get(status, (0, 0))
            self.out["action_items_by_status", status, "count"] = n
            self.out["action_items_by_status", status, "overdue"] = late
        # Data quality.
        no_consent = "(SELECT * FROM incident WHERE deleted = 0 AND consent_reporting = 0 AND period = :p)"
        dq = {
            "without_reporting_consent": self.one(f"SELECT count(*) FROM {no_consent}", p=p),
            "referrals_without_reporting_consent": self.one(
                f"SELECT count(*) FROM referral r JOIN {no_consent} c ON c.id = r.incident_id "
                "WHERE r.deleted = 0 AND r.period = :p",
                p=p,
            ),
        }
        no_perp = "NOT EXISTS (SELECT 1 FROM perpetrator x WHERE x.incident_id = c.id)"
        for code, cond in (
            ("missing_key_fields", f"(date_of_incident IS NULL OR survivor_age IS NULL OR {no_perp})"),
            ("missing_date_of_incident", "date_of_incident IS NULL"),
            ("missing_survivor_age", "survivor_age IS NULL"),
            ("missing_perpetrator", no_perp),
        ):
            dq[code] = self.one(f"SELECT count(*) FROM {in_month} c WHERE {cond}", p=p)
        approved_at = self.s.execute(
            text("SELECT approved_at FROM month_snapshot WHERE period = :p ORDER BY revision DESC LIMIT 1"),
            {"p": p},
        ).scalar()
        dq["edited_after_approval"] = 0 if approved_at is None else sum(
            self.one(sql, p=p, t=approved_at)
            for sql in (
                "SELECT count(*) FROM incident WHERE period = :p AND updated_at > :t",
                "SELECT count(*) FROM referral WHERE (period = :p OR incident_id IN "
                "(SELECT id FROM incident WHERE period = :p)) AND updated_at > :t",
                "SELECT count(*) FROM meeting WHERE period = :p AND updated_at > :t",
            )
        )  # fmt: skip
        for code, n in dq.items():
            self.out["data_quality", code, "count"] = n
        # Trend.
        first = shift(p, -11)
        incidents = self.pairs(
            f"SELECT period, count(*) FROM {COUNTED} WHERE period BETWEEN :a AND :b GROUP BY 1", a=first, b=p
        )
        referrals = self.pairs(
            f"""SELECT r.period, count(*) FROM referral r JOIN {COUNTED} c ON c.id = r.incident_id
            WHERE r.deleted = 0 AND r.period BETWEEN :a AND :b GROUP BY 1""",
            a=first,
            b=p,
        )
        for i in range(12):
            q = shift(first, i)
            self.out["trend", q, "incidents"] = incidents.get(q, 0)
            self.out["trend", q, "referrals"] = referrals.get(q, 0)
        return self.out


def recount(office: UnlockedOffice, period: str) -> Flat:
    with office.reading() as s:
        return Recount(s, period).run()


def published(stats: MonthlyStatistics) -> Flat:
    return flatten({t.key: t.to_dict() for t in stats.tables})


def assert_same(mine: Flat, theirs: Flat) -> None:
    missing = sorted(set(mine) - set(theirs))
    extra = sorted(set(theirs) - set(mine))
    wrong = {k: (mine[k], theirs[k]) for k in mine.keys() & theirs.keys() if mine[k] != theirs[k]}
    assert not missing and not extra and not wrong, (missing[:5], extra[:5], dict(list(wrong.items())[:10]))


def test_every_cell_of_the_live_statistics_matches_the_recount(office: UnlockedOffice) -> None:
    expected = recount(office, MONTH)
    assert expected["headline", "new_incidents", "this_month"] >= 5  # a real month, not an empty one
    assert expected["headline", "non_gbv_incidents", "this_month"] >= 1
    assert_same(expected, published(StatisticsService(office).monthly(MONTH)))


def test_the_approved_summary_and_the_bundle_match_the_recount(office: UnlockedOffice) -> None:
    MonthService(office, today=lambda: TODAY).approve(MONTH)
    expected = recount(office, MONTH)
    summary = ReportService(office).monthly_statistics(MONTH)
    assert summary.revision is not None
    assert_same(expected, published(summary))
    tables = ExportService(office)._commune_tables(MONTH)
    assert tables is not None
    assert_same(expected, flatten(tables))


def test_home_counts_match_the_recount(office: UnlockedOffice) -> None:
    current = f"{TODAY:%Y-%m}"
    expected = recount(office, current)
    home = HomeService(office).summary(TODAY)
    assert (home.incidents, home.ipv_incidents, home.non_gbv_incidents, home.referrals, home.meetings) == (
        expected["headline", "new_incidents", "this_month"],
        expected["headline", "ipv_incidents", "this_month"],
        expected["headline", "non_gbv_incidents", "this_month"],
        expected["headline", "referrals_made", "this_month"],
        expected["headline", "meetings_held", "this_month"],
    )
    with office.reading() as s:
        overdue = s.execute(
            text("""SELECT count(*) FROM action_item i JOIN meeting m ON m.id = i.meeting_id
            WHERE m.deleted = 0 AND m.meeting_date <= :t AND i.status IN ('open', 'in_progress')
            AND i.due_date IS NOT NULL AND i.due_date < :t"""),
            {"t": TODAY.isoformat()},
        ).scalar()
    assert home.overdue_action_items == overdue
