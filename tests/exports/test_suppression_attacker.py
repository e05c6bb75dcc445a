"""Suppression that holds (issue 9 point 5): an exact attacker against every shared document.

For the commune's shared copy, for district-sized sums protected the same way, and for the printed
and spreadsheet copies that ``DistrictService`` makes at a real district and at a real ministry
(bundles of demo months, signed with enrolled communes' own keys, imported, approved and sent up),
over demo months and months that Hypothesis makes up (a commune's, or two to five communes' up the
chain), :func:`tests.sdc_attacker.attack` builds every linear relation the published tables imply and
solves each hidden cell's minimum and maximum with an integer-programming solver. No hidden count
from 1 to 4 may be narrowed below the range its mark allows, and no ``x`` may be pinned to one value.
(The former table-by-table suppression lost 58–64 cells a month of a commune's copy here, and 71–77
of a district's.)
"""

# The exchange world's fixture is imported, so a parameter shadows the import:
# ruff: noqa: F811
from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from shsc_desktop.models import codes
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services import synthetic
from shsc_desktop.services.district import DistrictService
from shsc_desktop.services.enrolment import EnrolmentService
from shsc_desktop.services.exchange_export import ExportService
from shsc_desktop.services.exchange_import import ImportService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.services.statistics import CountTable, MonthlyStatistics, StatisticsService
from shsc_desktop.values.changes import NOTHING
from tests.exchange.commune_signer import CommuneSigner, genuine_tables
from tests.exports.records import add_incident, add_meeting, add_referral
from tests.sdc_attacker import attack
from tests.ui.exchange_world import PASSWORD, exchange_template, open_office  # noqa: F401

TODAY = date(2026, 6, 12)
DEMO_MONTHS = ("2026-02", "2026-04", "2026-05")


def make_office(root, name: str, seed: int) -> UnlockedOffice:  # type: ignore[no-untyped-def]
    folder = OfficeFolder(root / name, kdf=KdfParams.fast_for_tests())
    office, _ = folder.create("commune", "120101", "chief", "chief-password", "Chief Sokha")
    synthetic.generate(office, months=14, seed=seed, today=TODAY)
    return office


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[UnlockedOffice]]:
    root = tmp_path_factory.mktemp("sdc")
    offices = [make_office(root, f"c{i}", seed) for i, seed in enumerate((7, 1201, 99))]
    yield offices
    for office in offices:
        office.lock("test end")


def assert_holds(stats: MonthlyStatistics) -> None:
    shared = stats.suppressed()
    exact = {t.key: t.to_dict() for t in stats.tables}
    published = {t.key: t.to_dict() for t in shared.tables}
    assert not shared.follow_ups
    breaches = attack(published, exact, stats.period)
    assert not breaches, breaches[:10]


@pytest.mark.parametrize("period", DEMO_MONTHS)
def test_the_commune_shared_copy_of_demo_months_holds(communes: list[UnlockedOffice], period: str) -> None:
    assert_holds(StatisticsService(communes[0]).monthly(period))


def district(tables: list[MonthlyStatistics]) -> MonthlyStatistics:
    """The district's month: the communes' exact tables added cell by cell (as the district totals do),
    with the reporting table beside them."""
    first = tables[0]
    summed = []
    for t in first.tables:
        parts = [s.table(t.key) for s in tables]
        cells = {
            (r, c): sum(int(p.value(r, c)) for p in parts)  # type: ignore[call-overload]
            for r in t.rows
            for c in t.cols
        }
        summed.append(
            CountTable.build(
                t.key, t.row_list, t.col_list, cells, rows=t.rows, cols=t.cols, additive=t.additive,
                subtotals={g.name: g.rows for g in t.subtotals},
            )
        )  # fmt: skip
    reporting = CountTable.column(
        "reporting", codes.REPORTING.name,
        {"expected": 5, "reported": len(tables), "on_time": len(tables), "missing": 5 - len(tables)},
        additive=False,
    )  # fmt: skip
    return replace(first, tables=(*summed, reporting), follow_ups=())


@pytest.mark.parametrize("period", DEMO_MONTHS)
def test_the_district_printed_copy_holds(communes: list[UnlockedOffice], period: str) -> None:
    """District-sized sums through the commune's method (not DistrictService's copy of today)."""
    month = district([StatisticsService(c).monthly(period) for c in communes])
    assert month.table("headline").value("new_incidents", "this_month") >= 15  # a district-sized month
    assert_holds(month)
    # Reporting counts offices, not people: printed exactly.
    assert month.suppressed().table("reporting").value("reported") == 3


# --- the district's and the ministry's own copies (DistrictService) ---------------------------------

CHAIN_MONTHS = ("2026-04", "2026-05")
"""Two demo months up the chain: the later one has an earlier month in its trend and year to date."""

Document = dict[str, dict[str, Any]]


def _documents(service: DistrictService, period: str) -> tuple[Document, Document]:
    """What the office's PDF and XLSX print of ``period`` (the month's tables and the per-office
    breakdown, one document), and the exact figures behind it."""
    shared = service.shared_statistics(period)
    month, breakdown = service.shared_breakdown(period)
    assert shared.threshold is not None and not shared.follow_ups
    published = {t.key: t.to_dict() for t in (*shared.tables, breakdown)}
    present = [r for r in month.breakdown if r.status in ("reported", "nil_report")]
    counts = {(r.code, t): int(r.by_type.get(t, 0)) for r in present for t in month.types}
    exact_breakdown = CountTable.build(
        "breakdown", "office", "gbv_type", counts, rows=[r.code for r in present], cols=list(month.types)
    )
    exact = {t.key: t.to_dict() for t in (*month.statistics.tables, exact_breakdown)}
    return published, exact


@pytest.fixture(scope="module")
def chain_copies(
    communes: list[UnlockedOffice], exchange_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], tuple[Document, Document]]:
    """Demo months of two synthetic communes, signed by the enrolled communes 120101 and 120109 of
    district 1201, imported there; the district approves them and sends them to the ministry. Each
    office's shared documents of each month, with the exact figures behind them."""
    root = tmp_path_factory.mktemp("chain") / "world"
    shutil.copytree(exchange_template, root)
    usb = root / "usb"
    files = []
    for code, demo in (("120101", communes[0]), ("120109", communes[1])):
        office = open_office(root, code)
        try:
            signer = CommuneSigner.of(office)
        finally:
            office.lock("test")
        for sequence, period in enumerate(CHAIN_MONTHS, start=1):
            tables = genuine_tables(demo, period)
            files.append(signer.bundle(usb, tables, period=period, sequence=sequence))
    out: dict[tuple[str, str], tuple[Document, Document]] = {}
    district = open_office(root, "1201")
    try:
        assert ImportService(district).import_files(files).imported == len(files)
        service = DistrictService(district)
        up = []
        for period in CHAIN_MONTHS:
            out["district", period] = _documents(service, period)
            service.approve_month(period)
            up.append(ExportService(district).export_month(period, root / "up").path)
    finally:
        district.lock("test")
    ministry = open_office(root, "MOWA")
    try:
        assert ImportService(ministry).import_files(up).imported == len(up)
        service = DistrictService(ministry)
        for period in CHAIN_MONTHS:
            out["ministry", period] = _documents(service, period)
    finally:
        ministry.lock("test")
    return out


@pytest.mark.parametrize("level", ["district", "ministry"])
@pytest.mark.parametrize("period", CHAIN_MONTHS)
def test_the_district_and_ministry_copies_hold(
    chain_copies: dict[tuple[str, str], tuple[Document, Document]], level: str, period: str
) -> None:
    published, exact = chain_copies[level, period]
    new = exact["headline"]["cells"]["new_incidents"]["this_month"]
    assert new >= 10  # two communes' month
    assert published["headline"]["cells"]["new_incidents"]["this_month"] == new  # not everything hidden
    assert_copy_holds(published, exact, period)


def assert_copy_holds(published: Document, exact: Document, period: str) -> None:
    breaches = attack(published, exact, period)
    assert not breaches, (len(breaches), breaches[:10])
    # Reporting counts offices, not people: printed exactly.
    assert (
        published["reporting"]["cells"]["reported"]["count"]
        == exact["reporting"]["cells"]["reported"]["count"]
    )


# --- months that Hypothesis makes up -----------------------------------------------------------

GBV_TYPES = codes.GBV_TYPE.codes()
incident_strategy = st.fixed_dictionaries(
    {
        "gbv_type": st.sampled_from(GBV_TYPES),
        "age": st.one_of(st.none(), st.integers(0, 80)),
        "consent": st.sampled_from([True] * 5 + [False]),
        # A child's route (a child with reporting consent has one; one counted from before may not).
        "route": st.sampled_from([*codes.CHILD_CONSENT_ROUTE.codes(), "guardian", ""]),
        "deleted": st.sampled_from([False] * 9 + [True]),
        "perpetrators": st.lists(
            st.tuples(
                st.sampled_from(codes.RELATIONSHIP.codes()),
                st.sampled_from(codes.AGE_GROUP.codes()),
                st.sampled_from(codes.SEX.codes()),
            ),
            max_size=4,
        ),
        "circumstances": st.fixed_dictionaries(
            {
                "location_type": st.sampled_from(codes.LOCATION_TYPE.codes()),
                "time_of_day": st.sampled_from(codes.TIME_OF_DAY.codes()),
                "reported_by": st.sampled_from(codes.REPORTED_BY.codes()),
                "first_point_of_contact": st.booleans(),
                "previously_reported": st.sampled_from(codes.YES_NO_UNKNOWN.codes()),
                "goods_money_exchanged": st.sampled_from(codes.YES_NO_UNKNOWN.codes()),
            }
        ),
        "actions": st.sets(st.sampled_from(codes.COMMUNE_ACTION.codes()), max_size=2),
        "status": st.sampled_from(["open", "follow_up", "closed"]),
        "day": st.integers(1, 28),
        "occurred_before": st.one_of(st.none(), st.integers(0, 60)),
        "follow_up_in": st.one_of(st.none(), st.integers(0, 40)),
        "referrals": st.lists(
            st.tuples(
                st.sampled_from(codes.SERVICE_TYPE.codes()),
                st.sampled_from(codes.REFERRAL_STATUS.codes()),
                st.sampled_from(codes.REFERRAL_OUTCOME.codes()),
                st.integers(0, 5),
            ),
            max_size=2,
        ),
    }
)
meeting_strategy = st.fixed_dictionaries(
    {
        "type": st.sampled_from(codes.MEETING_TYPE.codes()),
        "day": st.integers(1, 28),
        "attendance": st.dictionaries(
            st.sampled_from(codes.ATTENDEE_GROUP.codes()),
            st.tuples(st.integers(0, 12), st.integers(0, 12)),
            max_size=3,
        ),
        "actions": st.lists(
            st.tuples(st.sampled_from(codes.ACTION_STATUS.codes()), st.one_of(st.none(), st.integers(0, 45))),
            max_size=3,
        ),
    }
)
MONTHS = count(0)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedOffice]:
    folder = OfficeFolder(tmp_path_factory.mktemp("sdc-hyp") / "office", kdf=KdfParams.fast_for_tests())
    office, _ = folder.create("commune", "120101", "chief", "chief-password", "Chief Sokha")
    yield office
    office.lock("test end")


def fill_month(
    office: UnlockedOffice,
    incidents: list[dict],  # type: ignore[type-arg]
    meetings: list[dict],  # type: ignore[type-arg]
    period: str | None = None,
) -> str:
    """Write the made-up month into a month of its own (one after the other, from January 2030),
    or into ``period``."""
    n = next(MONTHS)
    if period is None:
        period = f"{2030 + n // 12:04d}-{n % 12 + 1:02d}"
    year, month = int(period[:4]), int(period[5:])
    seq = n * 1000
    with office.transaction(NOTHING) as s:
        for i in incidents:
            seq += 1
            reported = date(year, month, i["day"])
            occurred = (
                None
                if i["occurred_before"] is None
                else date.fromordinal(reported.toordinal() - i["occurred_before"])
            )
            follow_up = (
                None
                if i["follow_up_in"] is None
                else date.fromordinal(reported.toordinal() + i["follow_up_in"])
            )
            row = add_incident(
                s, seq, reported, i["gbv_type"], age=i["age"], consent=i["consent"], deleted=i["deleted"],
                route=i.get("route", "") if i["consent"] and i["age"] is not None and i["age"] < 18 else "",
                perpetrators=list(i["perpetrators"]), actions=set(i["actions"]), status=i["status"],
                follow_up=follow_up, occurred=occurred, **i["circumstances"],
            )  # fmt: skip
            for service, status, outcome, later in i["referrals"]:
                day = date.fromordinal(reported.toordinal() + later)
                add_referral(s, row, day, service, status=status, outcome=outcome)
        for m in meetings:
            held = date(year, month, m["day"])
            actions = [
                (status, None if due is None else date.fromordinal(held.toordinal() + due))
                for status, due in m["actions"]
            ]
            add_meeting(s, held, m["type"], attendance=dict(m["attendance"]), actions=actions)
    return period


@settings(
    max_examples=10,
    deadline=None,
    # Each example writes a month of its own into one office, so a replay is not the same month:
    # no shrinking or replaying (a failure prints the example as generated).
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    incidents=st.lists(incident_strategy, max_size=30),
    meetings=st.lists(meeting_strategy, max_size=5),
)
def test_the_shared_copy_of_any_month_holds(scratch: UnlockedOffice, incidents, meetings) -> None:  # type: ignore[no-untyped-def]
    period = fill_month(scratch, incidents, meetings)
    stats = StatisticsService(scratch).monthly(period)
    assert_holds(stats)
    assert_holds(district([stats, StatisticsService(scratch).monthly(period)]))


def test_the_children_by_route_do_not_give_away_the_child_column(scratch: UnlockedOffice) -> None:
    """Five children (all with their guardian's consent) and one woman: the incidents tables have a
    1 and are withheld, the routes table has no small number of its own. Its total is a lower bound
    of the withheld child column, so printed it would leave new incidents (6) minus 5 = at most one
    adult: the woman's cells pinned to 0–1."""
    child = {
        "gbv_type": "physical_assault", "age": 12, "consent": True, "deleted": False, "perpetrators": [],
        "actions": set(), "status": "open", "day": 3, "occurred_before": None, "follow_up_in": None,
        "referrals": [], "route": "guardian", "circumstances": {},
    }  # fmt: skip
    period = fill_month(scratch, [child] * 5 + [{**child, "age": 30}], [])
    stats = StatisticsService(scratch).monthly(period)
    assert stats.table("children_by_consent_route").value("guardian") == 5
    assert stats.table("incidents_by_type_child_adult").value("physical_assault", "adult") == 1
    shared = stats.suppressed()
    assert shared.table("headline").value("new_incidents", "this_month") == 6  # printed
    assert shared.table("incidents_by_type_child_adult").value("physical_assault", "adult") == "·"
    assert_holds(stats)


# --- made-up months up the chain: a district of two to five communes, and the ministry above it ------

HYPO_COMMUNES = ("120101", "120109", "120110", "120111", "120112")
"""District 1201's five communes in the gazetteer: the exchange world's two, and three enrolled here."""
HYPO_MONTHS = count(0)


@dataclass
class Chain:
    """Real offices kept open for the whole module: the communes (each with its own signing keys),
    district 1201 and the ministry, and the next bundle number of each sender."""

    root: Path
    communes: dict[str, tuple[UnlockedOffice, CommuneSigner]]
    district: UnlockedOffice
    ministry: UnlockedOffice
    sequences: dict[str, int]


@pytest.fixture(scope="module")
def chain(exchange_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    root = tmp_path_factory.mktemp("hypo-chain") / "world"
    shutil.copytree(exchange_template, root)
    district = open_office(root, "1201")
    offices = {code: open_office(root, code) for code in ("120101", "120109")}
    enrolment = root / "enrolment"
    for code in HYPO_COMMUNES:
        if code in offices:
            continue
        folder = OfficeFolder(root / f"commune-{code}", kdf=KdfParams.fast_for_tests())
        office, _ = folder.create("commune", code, "chief", PASSWORD)
        request = EnrolmentService(office).request(enrolment / f"{code}.shscreq").path
        EnrolmentService(district).sign(request, enrolment / f"{code}.shscpkg")
        EnrolmentService(office).accept(enrolment / f"{code}.shscpkg")
        offices[code] = office
    communes = {code: (office, CommuneSigner.of(office)) for code, office in offices.items()}
    ministry = open_office(root, "MOWA")
    yield Chain(root, communes, district, ministry, {})
    for office in (district, ministry, *offices.values()):
        office.lock("test end")


def commune_tables(office: UnlockedOffice, period: str) -> dict[str, Any] | None:
    """What the commune sends for ``period``: its exact tables, or nothing (a nil report) when nothing
    happened that month (as ``ExportService`` decides for an approved month)."""
    stats = StatisticsService(office).monthly(period)
    headline = stats.table("headline")
    if all(headline.value(r, "this_month") == 0 for r in headline.rows):
        return None
    return {t.key: t.to_dict() for t in stats.tables}


def send_up(
    chain: Chain, sender: str, signer: CommuneSigner, tables: dict[str, Any] | None, period: str
) -> Path:
    sequence = chain.sequences[sender] = chain.sequences.get(sender, 0) + 1
    return signer.bundle(chain.root / "usb", tables, period=period, sequence=sequence)


commune_month = st.tuples(st.lists(incident_strategy, max_size=12), st.lists(meeting_strategy, max_size=2))
month_of_communes = st.lists(commune_month, min_size=2, max_size=len(HYPO_COMMUNES))
ALL_NIL = [([], []), ([], [])]
"""Two communes with nothing in the month: the district's bundle is a nil report (issue 9)."""


@settings(
    max_examples=7,
    deadline=None,
    # Each example is a month of its own in the same offices (its trend and year to date hold the
    # earlier examples' months): no shrinking or replaying, as above.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(months=month_of_communes)
@example(months=ALL_NIL)
def test_the_district_and_ministry_copies_of_any_month_hold(chain: Chain, months) -> None:  # type: ignore[no-untyped-def]
    """Two to five communes' made-up months, signed with each commune's own keys and imported by the
    district; the district's copy, then (approved and sent up) the ministry's copy, face the attacker."""
    n = next(HYPO_MONTHS)
    period = f"{2024 + n // 12:04d}-{n % 12 + 1:02d}"  # months that have happened: no future bundles
    files, nil = [], True
    for code, (incidents, meetings) in zip(HYPO_COMMUNES, months, strict=False):
        office, signer = chain.communes[code]
        fill_month(office, incidents, meetings, period)
        tables = commune_tables(office, period)
        nil = nil and tables is None
        files.append(send_up(chain, code, signer, tables, period))
    assert ImportService(chain.district).import_files(files).imported == len(files)
    service = DistrictService(chain.district)
    published, exact = _documents(service, period)
    assert exact["reporting"]["cells"]["reported"]["count"] == len(files)
    assert_copy_holds(published, exact, period)
    service.approve_month(period)
    up = ExportService(chain.district).export_month(period, chain.root / "up")
    assert up.nil_report == nil and (months != ALL_NIL or nil)
    assert ImportService(chain.ministry).import_files([up.path]).imported == 1
    published, exact = _documents(DistrictService(chain.ministry), period)
    assert_copy_holds(published, exact, period)
