"""Child survivors and the legal context (issue 11): a child's consent route is recorded whole or
not at all, the old guardian flag migrates without invented answers, and the monthly statistics
count children by route — checked against a plain SQL recount."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from shsc_desktop.errors import ValidationFailed
from shsc_desktop.models import migrate
from shsc_desktop.models.engine import make_engine
from shsc_desktop.models.tables import Incident
from shsc_desktop.services.incidents import IncidentDraft, IncidentService, PerpetratorDraft
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.statistics import StatisticsService

TODAY = date.today()
VILLAGE = "12010101"


def child(**changes: object) -> IncidentDraft:
    base = IncidentDraft(
        date_reported=TODAY,
        date_of_incident=TODAY - timedelta(days=1),
        classification=(False, True),  # sexual assault
        survivor_age=14,
        village_code=VILLAGE,
        perpetrators=(PerpetratorDraft("male", "41_60", "other_family"),),
        commune_actions=frozenset({"counselling"}),
        consent_services="yes",
        consent_reporting=True,
        child_consent_route="guardian",
        child_protection_referral="referred",
        legal_duty_reported="yes",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def problems(service: IncidentService, draft: IncidentDraft) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        service.create(draft)
    return caught.value.problems


ROUTES = {
    "guardian": {},
    "trusted_adult": {"child_consent_reason": "guardian_is_offender"},
    "best_interests": {
        "child_consent_reason": "guardian_unavailable",
        "child_consent_decided_by": "focal_point",
    },
}


@pytest.mark.parametrize("route", list(ROUTES))
def test_each_whole_route_is_saved_and_read_back(chief: UnlockedOffice, route: str) -> None:
    service = IncidentService(chief)
    view = service.create(child(child_consent_route=route, **ROUTES[route]))
    stored = service.get(view.id)
    assert stored.child_consent_route == route
    assert stored.child_consent_reason == ROUTES[route].get("child_consent_reason", "")
    assert stored.child_consent_decided_by == ROUTES[route].get("child_consent_decided_by", "")
    assert stored.child_protection_referral == "referred" and stored.consent_reporting


def test_a_half_answered_route_is_refused(chief: UnlockedOffice) -> None:
    service = IncidentService(chief)
    assert problems(service, child(child_consent_route="trusted_adult")) == {
        "child_consent_reason": "Say why her guardian does not give the consent for this route."
    }
    assert set(problems(service, child(child_consent_route="best_interests"))) == {
        "child_consent_reason",
        "child_consent_decided_by",
    }
    half = child(child_consent_route="best_interests", child_consent_reason="child_at_risk")
    assert problems(service, half) == {
        "child_consent_decided_by": "Say who took the best-interests decision."
    }
    assert set(problems(service, child(child_consent_reason="guardian_is_offender"))) == {
        "child_consent_reason"
    }
    assert set(problems(service, child(child_consent_route="", child_consent_reason="other"))) == {
        "child_consent_route"
    }
    decided = child(
        child_consent_route="trusted_adult",
        child_consent_reason="other",
        child_consent_decided_by="commune_chief",
    )
    assert set(problems(service, decided)) == {"child_consent_decided_by"}
    # Reporting consent for a child needs a route; without reporting consent none is needed.
    assert set(problems(service, child(child_consent_route=""))) == {"child_consent_route"}
    service.create(child(child_consent_route="", consent_reporting=False))
    assert service.count() == 1


def test_a_child_must_be_offered_child_protection_and_the_duty_to_report_answered(
    chief: UnlockedOffice,
) -> None:
    service = IncidentService(chief)
    assert set(problems(service, child(child_protection_referral="", legal_duty_reported=""))) == {
        "child_protection_referral",
        "legal_duty_reported",
    }
    # "Unknown" is an answer: nobody has to invent one.
    service.create(child(child_protection_referral="not_referred", legal_duty_reported="unknown"))
    # An adult is asked none of the child questions, and none is kept for her.
    adult = service.create(child(survivor_age=30, child_protection_referral="", legal_duty_reported=""))
    assert (adult.child_consent_route, adult.child_protection_referral) == ("", "")


def test_the_legal_context_starts_unanswered_and_is_recorded_whole(chief: UnlockedOffice) -> None:
    service = IncidentService(chief)
    plain = service.create(child(survivor_age=30, child_protection_referral="", legal_duty_reported=""))
    assert (plain.dv_law_applies, plain.protection_order, plain.sent_to_prosecutor) == ("", "", "")
    assert plain.admin_decision_date is None and plain.admin_decision_measures == frozenset()
    assert set(problems(service, child(legal_duty_reported="no"))) == {"legal_duty_reason"}
    assert set(problems(service, child(admin_decision_measures=frozenset({"warning_letter"})))) == {
        "admin_decision_date"
    }
    assert set(problems(service, child(admin_decision_date=TODAY))) == {"admin_decision_measures"}
    assert set(problems(service, child(dv_law_applies="maybe"))) == {"dv_law_applies"}
    full = service.create(
        child(
            legal_duty_reported="no",
            legal_duty_reason="safety_risk",
            dv_law_applies="yes",
            admin_decision_date=TODAY,
            admin_decision_measures=frozenset({"warning_letter", "removal_from_home"}),
            protection_order="requested",
            sent_to_prosecutor="unknown",
        )
    )
    stored = service.get(full.id)
    assert stored.legal_duty_reason == "safety_risk"
    assert stored.admin_decision_measures == {"warning_letter", "removal_from_home"}
    assert (stored.dv_law_applies, stored.protection_order, stored.sent_to_prosecutor) == (
        "yes",
        "requested",
        "unknown",
    )


def test_the_guardian_flag_migrates_to_a_route_without_invented_answers(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "old.db", secrets.token_bytes(32))
    try:
        cfg = migrate._config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0011")
        columns = (
            "id, incident_code, survivor_code, date_reported, period, reported_by, first_point_of_contact, "
            "survivor_sex, survivor_age, marital_status, disability, village_code, location_type, "
            "time_of_day, gbv_type, classification_answers, previously_reported, goods_money_exchanged, "
            "commune_actions, risk_level, status, consent_services, consent_reporting, guardian_consent, "
            "deleted, deleted_reason, created_at, created_by, updated_at, updated_by, version, "
            "survivor_name, survivor_phone, survivor_address, narrative"
        )
        rows = [("a", 15, 1, 1), ("b", 16, 0, 0), ("c", 40, 1, 0)]  # (id, age, consent, guardian)
        with engine.begin() as conn:
            for n, (rid, age, consent, guardian) in enumerate(rows):
                conn.execute(
                    text(
                        f"INSERT INTO incident ({columns}) VALUES (:id, :code, 'S-1', '2026-05-02', "
                        "'2026-05', 'survivor', 1, 'female', :age, 'single', 'none', '', 'own_home', "
                        "'unknown', 'rape', 'Y', 'no', 'no', '', 'low', 'open', 'yes', :consent, :guardian, "
                        "0, '', '2026-05-02 00:00:00', 'clerk', '2026-05-02 00:00:00', 'clerk', 1, "
                        "'', '', '', '')"
                    ),
                    {"id": rid, "code": f"KH-{n}", "age": age, "consent": consent, "guardian": guardian},
                )
        migrate.upgrade(engine)
        with engine.connect() as conn:
            found = dict(conn.execute(text("SELECT id, child_consent_route FROM incident")).all())
            names = {r[1] for r in conn.execute(text("PRAGMA table_info(incident)"))}
            untouched = conn.execute(
                text(
                    "SELECT count(*) FROM incident WHERE child_consent_reason = '' AND "
                    "child_protection_referral = '' AND legal_duty_reported = '' AND dv_law_applies = '' "
                    "AND protection_order = '' AND sent_to_prosecutor = '' AND admin_decision_date IS NULL "
                    "AND admin_decision_measures = ''"
                )
            ).scalar()
    finally:
        engine.dispose()
    assert found == {"a": "guardian", "b": "", "c": ""}
    assert "guardian_consent" not in names
    assert untouched == 3


def test_children_are_counted_by_route_as_a_plain_sql_recount_says(chief: UnlockedOffice) -> None:
    service = IncidentService(chief)
    for route, n in (("guardian", 1), ("trusted_adult", 2), ("best_interests", 1)):
        for _ in range(n):
            service.create(child(child_consent_route=route, **ROUTES[route]))
    service.create(child(child_consent_route="", consent_reporting=False))  # not counted
    service.create(child(survivor_age=25, child_protection_referral="", legal_duty_reported=""))  # an adult
    period = f"{TODAY:%Y-%m}"
    stats = StatisticsService(chief).monthly(period)
    table = stats.table("children_by_consent_route")
    with chief.reading() as s:
        recount = dict(
            s.execute(
                text(
                    "SELECT child_consent_route, count(*) FROM incident WHERE deleted = 0 "
                    "AND consent_reporting = 1 AND gbv_type != 'non_gbv' AND period = :p "
                    "AND survivor_age < 18 AND child_consent_route != '' GROUP BY child_consent_route"
                ),
                {"p": period},
            ).all()
        )
        children = s.scalar(
            select(Incident.id)
            .where(Incident.survivor_age < 18, Incident.consent_reporting.is_(True))
            .limit(1)
        )
    assert children is not None
    assert {r: table.value(r) for r in table.rows} == {
        "guardian": recount.get("guardian", 0),
        "trusted_adult": recount.get("trusted_adult", 0),
        "best_interests": recount.get("best_interests", 0),
    }
    assert recount == {"guardian": 1, "trusted_adult": 2, "best_interests": 1}
    # Every route counts as consent: the children are all in the new incidents and the child column.
    split = stats.table("incidents_by_type_child_adult")
    assert table.total == split.col_totals[split.cols.index("child")] == 4
    assert stats.table("headline").value("new_incidents", "this_month") == 5
