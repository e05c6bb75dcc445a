"""Synthetic records for the demo office, screenshots, manual testing and benchmarks.

Everything made here is clearly fictional: survivors are "Survivor 0001 (synthetic)", providers are
"… (synthetic)", phone numbers are all zeros. The mix is plausible for a Cambodian commune: 8–20
incidents a month, intimate partner violence the most common context, every GBV type present, most
survivors consenting to services and to reporting, referrals with mixed responses and outcomes, one
or two consultation meetings a month with action items.

:func:`generate` goes through the register services, so every rule, code list, month lock and
audit entry is exercised exactly as when a clerk types. :func:`bulk_incidents` is for benchmarks
only: it inserts directly in one transaction and writes one audit entry describing the load.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert

from ..errors import ConsentRequired
from ..models import codes, gazetteer
from ..models.base import new_id, utcnow
from ..models.tables import Incident, Perpetrator
from ..security import audit
from ..security.audit import Action
from ..security.permissions import Perm, require
from ..values.changes import Changes
from . import collector, identities
from . import months as month_rules
from .contacts import ContactDraft, ContactService, ContactView
from .incident_identity import IdentifyingDetails
from .incident_records import IncidentDraft, IncidentView, PerpetratorDraft, answers_text
from .incidents import IncidentService, _next_seq
from .meetings import ActionItemDraft, Attendance, MeetingDraft, MeetingService
from .office import UnlockedOffice
from .referrals import ReferralDraft, ReferralService, ReferralUpdate

SYNTHETIC = "(synthetic)"

# (code, weight): physical and psychological abuse dominate commune caseloads; rape is rarer.
GBV_WEIGHTS: list[tuple[str, int]] = [
    ("rape", 7),
    ("sexual_assault", 9),
    ("physical_assault", 34),
    ("forced_marriage", 5),
    ("denial_resources", 14),
    ("psych_emotional", 26),
    ("non_gbv", 5),
]
# Who the (first) alleged perpetrator is: intimate partners first (IPV most common).
RELATIONSHIP_WEIGHTS: list[tuple[str, int]] = [
    ("current_partner", 48),
    ("former_partner", 9),
    ("boyfriend", 5),
    ("parent", 5),
    ("other_family", 10),
    ("neighbour_friend", 9),
    ("employer", 3),
    ("teacher", 1),
    ("stranger", 6),
    ("unknown", 4),
]
ADULT_GROUPS = ["18_25", "26_40", "26_40", "41_60"]

# Twelve providers covering every service, in Phnom Penh terms; all clearly synthetic.
PROVIDERS: list[tuple[str, str, str, tuple[str, ...], str]] = [
    ("Health Centre A", "មណ្ឌលសុខភាព ក", "health_centre", ("health",), "khan"),
    ("Referral Hospital B", "មន្ទីរពេទ្យបង្អែក ខ", "referral_hospital", ("health", "psychosocial"), "city"),
    ("Police Post C", "ប៉ុស្តិ៍នគរបាល គ", "police_post", ("police",), "commune"),
    ("Khan Police D", "អធិការដ្ឋាននគរបាលខណ្ឌ ឃ", "khan_police", ("police", "mowa_jpa"), "khan"),
    ("Women's Affairs Office E", "ការិយាល័យកិច្ចការនារី ង", "mowa", ("mowa_jpa", "legal", "psychosocial"), "khan"),
    ("Social Affairs Office F", "ការិយាល័យសង្គមកិច្ច ច", "dosvy", ("child_protection", "livelihood"), "khan"),
    ("Legal Aid Group G", "ក្រុមជំនួយផ្លូវច្បាប់ ឆ", "legal_aid_ngo", ("legal",), "city"),
    ("Safe Shelter H", "ទីជម្រកសុវត្ថិភាព ជ", "shelter", ("shelter", "psychosocial"), "city"),
    ("Counselling Centre I", "មជ្ឈមណ្ឌលប្រឹក្សា ឈ", "counselling_ngo", ("psychosocial",), "city"),
    ("Livelihood Project J", "គម្រោងជីវភាព ញ", "other", ("livelihood",), "khan"),
    ("Court Liaison K", "ការិយាល័យទំនាក់ទំនងតុលាការ ដ", "court_prosecutor", ("legal", "other"), "city"),
    ("Child Helpline L", "ខ្សែទូរស័ព្ទជំនួយកុមារ ឋ", "other", ("child_protection", "psychosocial"), "national"),
]

SERVICE_BY_TYPE: dict[str, list[str]] = {
    "rape": ["health", "psychosocial", "police", "legal", "shelter"],
    "sexual_assault": ["health", "psychosocial", "police", "legal"],
    "physical_assault": ["health", "police", "psychosocial", "legal", "shelter", "mowa_jpa"],
    "forced_marriage": ["child_protection", "legal", "psychosocial", "mowa_jpa"],
    "denial_resources": ["livelihood", "legal", "psychosocial"],
    "psych_emotional": ["psychosocial", "mowa_jpa", "legal"],
    "non_gbv": ["other", "livelihood"],
}

ACTIONS = [
    "Visit the village chiefs to explain the referral pathway",
    "Print the directory of services for each village",
    "Ask the police post to join the next meeting",
    "Organise an awareness session on the domestic violence law",
    "Follow up with the health centre on referral slips",
    "Talk to the men's group about alcohol and violence",
]


def _weighted(rng: random.Random, items: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in items], weights=[w for _, w in items])[0]


def _answers(gbv_type: str) -> tuple[bool | None, ...]:
    """The six classification answers that lead to ``gbv_type`` (no further questions after a yes)."""
    order = [c for c, _en, _km in codes.CLASSIFICATION_QUESTIONS]
    if gbv_type == "non_gbv":
        return tuple(False for _ in order)
    index = order.index(gbv_type)
    return tuple([False] * index + [True])


def _month_range(period: str, today: date) -> tuple[date, date]:
    start = month_rules.first_day(period)
    end = month_rules.first_day(month_rules.add_months(period, 1)) - timedelta(days=1)
    return start, min(end, today)


def _day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _age(rng: random.Random, gbv_type: str) -> int | None:
    if rng.random() < 0.04:
        return None
    minor_chance = (
        0.45 if gbv_type == "forced_marriage" else 0.25 if gbv_type in ("rape", "sexual_assault") else 0.06
    )
    if rng.random() < minor_chance:
        return rng.randint(12, 17)
    return rng.randint(18, 62)


def _perpetrators(rng: random.Random) -> tuple[PerpetratorDraft, ...]:
    first = _weighted(rng, RELATIONSHIP_WEIGHTS)
    group = "unknown" if first == "unknown" else rng.choice(ADULT_GROUPS)
    sex = "female" if first in ("parent", "other_family") and rng.random() < 0.25 else "male"
    people = [PerpetratorDraft(sex=sex, age_group=group, relationship=first)]
    if rng.random() < 0.1:
        people.append(
            PerpetratorDraft("male", rng.choice(ADULT_GROUPS), rng.choice(["other_family", "stranger"]))
        )
    return tuple(people)


class _Generator:
    def __init__(self, office: UnlockedOffice, rng: random.Random, today: date) -> None:
        self.office = office
        self.rng = rng
        self.today = today
        clock: Callable[[], date] = lambda: today  # noqa: E731 - a fixed clock for every service
        self.incidents = IncidentService(office, clock)
        self.referrals = ReferralService(office, clock)
        self.meetings = MeetingService(office, clock)
        self.contacts = ContactService(office, clock)
        self.villages = [v.code for v in gazetteer.villages(self.incidents.commune_code)]
        self.counts = {
            "contacts": 0,
            "incidents": 0,
            "referrals": 0,
            "consent_overrides": 0,
            "meetings": 0,
            "action_items": 0,
        }
        self.survivor_no = 0

    def village(self) -> str:
        return self.rng.choice(self.villages) if self.villages else ""

    def providers(self) -> list[ContactView]:
        existing = [c for c in self.contacts.search() if SYNTHETIC in c.name_en]
        if existing:
            return existing
        made: list[ContactView] = []
        for i, (en, km, kind, services, coverage) in enumerate(PROVIDERS, start=1):
            made.append(
                self.contacts.create(
                    ContactDraft(
                        organisation_type=kind,
                        services=frozenset(services),
                        name_en=f"{en} {SYNTHETIC}",
                        name_km=f"{km} (គំរូ)",
                        contact_person=f"Contact person {i:02d} {SYNTHETIC}",
                        position="Focal point",
                        phone=f"000 000 {i:03d}",
                        address=f"Synthetic street {i}, Phnom Penh",
                        hours="Mon–Fri 8:00–17:00",
                        coverage=coverage,
                        last_verified=self.today - timedelta(days=self.rng.randint(5, 200)),
                    )
                )
            )
        self.counts["contacts"] += len(made)
        return made

    def incident(self, start: date, end: date, recent: bool) -> IncidentView:
        rng = self.rng
        gbv_type = _weighted(rng, GBV_WEIGHTS)
        age = _age(rng, gbv_type)
        reported = _day_between(rng, start, end)
        happened = reported - timedelta(days=min(90, int(rng.expovariate(1 / 6))))
        minor = age is not None and age < 18
        consent_reporting = rng.random() < 0.85
        consent_services = _weighted(rng, [("yes", 80), ("no", 13), ("not_asked", 7)])
        status = (
            _weighted(rng, [("open", 30), ("referred", 30), ("follow_up", 30), ("closed", 10)])
            if recent
            else _weighted(rng, [("closed", 75), ("follow_up", 10), ("referred", 15)])
        )
        follow_up = (
            reported + timedelta(days=rng.randint(5, 30)) if status in ("follow_up", "referred") else None
        )
        actions = {
            a
            for a, chance in (
                ("counselling", 0.7),
                ("safety_plan", 0.3),
                ("warning", 0.25),
                ("mediation", 0.15),
                ("escort", 0.2),
                ("police_report", 0.15),
                ("administrative_decision", 0.05),
            )
            if rng.random() < chance
        }
        self.survivor_no += 1
        number = f"{self.survivor_no:04d}"
        perpetrators = _perpetrators(rng)
        draft = IncidentDraft(
            date_reported=reported,
            classification=_answers(gbv_type),
            date_of_incident=happened,
            reported_by=_weighted(
                rng,
                [
                    ("survivor", 60),
                    ("family", 15),
                    ("neighbour", 8),
                    ("village_chief", 10),
                    ("police", 3),
                    ("health_centre", 4),
                ],
            ),
            first_point_of_contact=rng.random() < 0.8,
            survivor_sex="female" if rng.random() < 0.94 else "male",
            survivor_age=age,
            marital_status=(
                "single"
                if minor
                else _weighted(
                    rng,
                    [("married_cohabiting", 65), ("divorced_separated", 15), ("single", 12), ("widowed", 8)],
                )
            ),
            disability=_weighted(
                rng,
                [("none", 85), ("physical", 5), ("sensory", 3), ("mental_intellectual", 3), ("unknown", 4)],
            ),
            village_code=self.village(),
            location_type=_weighted(
                rng,
                [
                    ("own_home", 60),
                    ("perpetrator_home", 8),
                    ("other_home", 5),
                    ("street", 8),
                    ("workplace", 7),
                    ("market", 4),
                    ("entertainment", 3),
                    ("online_phone", 3),
                    ("school", 2),
                ],
            ),
            time_of_day=rng.choice(["morning", "afternoon", "evening_night", "evening_night", "unknown"]),
            previously_reported=_weighted(rng, [("no", 70), ("yes", 20), ("unknown", 10)]),
            goods_money_exchanged="no" if rng.random() < 0.9 else "unknown",
            perpetrators=perpetrators,
            commune_actions=frozenset(actions) if actions else frozenset({"none"}),
            risk_level=_weighted(rng, [("low", 45), ("medium", 38), ("high", 17)]),
            status=status,
            follow_up_date=follow_up,
            consent_services=consent_services,
            consent_reporting=consent_reporting,
            child_consent_route="guardian" if minor and consent_reporting else "",
            child_protection_referral="referred" if minor else "",
            legal_duty_reported="yes" if minor else "",
            identifying=IdentifyingDetails(
                survivor_name=f"Survivor {number} {SYNTHETIC}",
                survivor_phone=f"000 000 {number}",
                survivor_address=f"Synthetic address {number}",
                narrative="Synthetic record for demonstration and testing. Not a real case.",
                perpetrator_names=tuple(
                    f"Person {number}-{i + 1} {SYNTHETIC}" for i in range(len(perpetrators))
                ),
            ),
        )
        view = self.incidents.create(draft)
        self.counts["incidents"] += 1
        return view

    def refer(self, incident: IncidentView, providers: list[ContactView], recent: bool) -> None:
        rng = self.rng
        can_override = self.office.actor.can(Perm.CONSENT_OVERRIDE)
        override: str | None = None
        if incident.consent_services != "yes":
            if not (can_override and incident.risk_level == "high" and rng.random() < 0.5):
                return
            override = "Synthetic example: immediate danger, the chief decided to refer."
        elif rng.random() > 0.75:
            return
        services = SERVICE_BY_TYPE[incident.gbv_type]
        for service in rng.sample(services, k=min(len(services), 1 if rng.random() < 0.7 else 2)):
            offering = [p for p in providers if service in p.services and p.active]
            if not offering:
                continue
            referred = min(self.today, incident.date_reported + timedelta(days=rng.randint(0, 3)))
            draft = ReferralDraft(
                service_type=service,
                contact_id=rng.choice(offering).id,
                date_referred=referred,
                urgency="immediate"
                if incident.risk_level == "high"
                else rng.choice(["within_72h", "routine"]),
                mode=rng.choice(["escorted", "slip", "slip", "phone", "alone"]),
                follow_up_date=referred + timedelta(days=rng.randint(3, 14)),
            )
            try:
                referral = self.referrals.create(incident.id, draft, override_reason=override)
            except ConsentRequired:  # pragma: no cover - guarded above
                continue
            self.counts["referrals"] += 1
            self.counts["consent_overrides"] += override is not None
            if recent and rng.random() < 0.6:
                continue  # still waiting for the outcome
            status = _weighted(
                rng,
                [
                    ("referred", 78),
                    ("declined", 8),
                    ("unavailable", 5),
                    ("provided_by_commune", 5),
                    ("already_receiving", 4),
                ],
            )
            outcome = (
                _weighted(rng, [("received", 70), ("not_received", 20), ("unknown", 10)])
                if status in ("referred", "provided_by_commune", "already_receiving")
                else "not_received"
            )
            outcome_date = min(self.today, referred + timedelta(days=rng.randint(1, 20)))
            self.referrals.update(
                referral.id,
                ReferralUpdate(
                    status=status,
                    outcome=outcome,
                    outcome_date=None if outcome == "unknown" else outcome_date,
                    follow_up_date=referral.follow_up_date,
                ),
                referral.version,
            )

    def meeting(self, start: date, end: date, recent: bool) -> None:
        rng = self.rng
        held = _day_between(rng, start, end)
        groups = rng.sample(codes.ATTENDEE_GROUP.codes()[:-1], k=rng.randint(3, 6))
        attendance = tuple(
            Attendance(g, female=rng.randint(1, 14), male=rng.randint(0, 9) if g != "womens_group" else 0)
            for g in groups
        )
        items = tuple(
            ActionItemDraft(
                action=rng.choice(ACTIONS),
                owner=rng.choice(["CCWC focal point", "Commune chief", "Village chief", "Police post"]),
                due_date=held + timedelta(days=rng.randint(7, 45)),
                status=_weighted(rng, [("open", 50), ("in_progress", 30), ("done", 20)])
                if recent
                else _weighted(rng, [("done", 75), ("dropped", 10), ("open", 15)]),
            )
            for _ in range(rng.randint(1, 3))
        )
        self.meetings.create(
            MeetingDraft(
                meeting_type=_weighted(
                    rng,
                    [("ccwc", 45), ("community_consultation", 30), ("awareness", 15), ("public_forum", 10)],
                ),
                meeting_date=held,
                venue_village_code=self.village(),
                facilitator=f"CCWC focal point {SYNTHETIC}",
                attendance=attendance,
                topics=frozenset(rng.sample(codes.MEETING_TOPIC.codes(), k=rng.randint(1, 3))),
                concerns_raised="Synthetic minutes: concerns about alcohol and safety at night were raised.",
                decisions="Synthetic minutes: share the referral pathway in every village.",
                action_items=items,
            )
        )
        self.counts["meetings"] += 1
        self.counts["action_items"] += len(items)


def generate(office: UnlockedOffice, months: int, seed: int, today: date | None = None) -> dict[str, int]:
    """Fill all four registers with ``months`` months of synthetic records ending today.

    Needs ``RECORDS_WRITE``; consent overrides are only made when the actor may make them.
    Returns the number of records made, by kind. Deterministic for a given seed and day.
    """
    require(office.actor, Perm.RECORDS_WRITE)
    day = today or date.today()
    gen = _Generator(office, random.Random(seed), day)
    providers = gen.providers()
    current = month_rules.period_of(day)
    for back in range(max(0, months) - 1, -1, -1):
        period = month_rules.add_months(current, -back)
        start, end = _month_range(period, day)
        share = ((end - start).days + 1) / 30
        recent = back <= 1
        count = max(1, round(gen.rng.randint(8, 20) * min(1.0, share)))
        made = [gen.incident(start, end, recent) for _ in range(count)]
        for incident in made:
            gen.refer(incident, providers, recent)
        for _ in range(1 if gen.rng.random() < 0.6 else 2):
            gen.meeting(start, end, recent)
    return dict(gen.counts)


def bulk_incidents(office: UnlockedOffice, n: int, seed: int, today: date | None = None) -> int:
    """Insert ``n`` synthetic incidents directly, in one transaction, for benchmarks.

    Spread over the months before ``today`` (about 800 a month); codes continue each month's
    sequence; one audit entry describes the load. Refuses (``MonthLocked``) if any of those
    months is approved. Identifying fields are filled so that search tests can prove they are
    never matched.
    """
    # The cyclic garbage collector would rescan the many row dicts over and over (about half the
    # load time); nothing made here forms cycles, so it is paused for the load.
    with collector.paused():
        return _bulk_incidents(office, n, seed, today)


def _bulk_incidents(office: UnlockedOffice, n: int, seed: int, today: date | None) -> int:
    require(office.actor, Perm.RECORDS_WRITE)
    rng = random.Random(seed)
    day = today or date.today()
    span = max(1, min(240, n // 800 + 1))
    current = month_rules.period_of(day)
    periods = [month_rules.add_months(current, -i) for i in range(span)]
    commune = office.setting("office.code")
    villages = [v.code for v in gazetteer.villages(commune)] or [""]
    now = utcnow()
    user = office.actor.username
    sealer = identities.sealer_for(office)
    with office.transaction(Changes.of_registers("incidents")) as s:
        month_rules.ensure_open(s, *periods)
        next_incident = {
            p: _next_seq(s, Incident.incident_code, f"KH-{commune}-{p.replace('-', '')}-") for p in periods
        }
        next_survivor = {p: _next_seq(s, Incident.survivor_code, f"S-{p.replace('-', '')}-") for p in periods}
        incidents: list[dict[str, Any]] = []
        perpetrators: list[dict[str, Any]] = []
        for i in range(n):
            period = rng.choice(periods)
            start, end = _month_range(period, day)
            reported = _day_between(rng, start, end)
            gbv_type = _weighted(rng, GBV_WEIGHTS)
            age = _age(rng, gbv_type)
            compact = period.replace("-", "")
            incident_id = new_id()
            seq, sseq = next_incident[period], next_survivor[period]
            next_incident[period] += 1
            next_survivor[period] += 1
            status = rng.choice(["open", "referred", "follow_up", "closed", "closed"])
            name = f"Survivor B{i + 1:06d} {SYNTHETIC}"
            incidents.append(
                {
                    "id": incident_id,
                    "incident_code": f"KH-{commune}-{compact}-{seq:04d}",
                    "survivor_code": f"S-{compact}-{sseq:04d}",
                    "identity_sealed": None
                    if sealer is None
                    else sealer.seal({"survivor_name": name}, identities.incident_context(incident_id)),
                    "legacy_survivor_name": name if sealer is None else "",  # an office without keys
                    "legacy_survivor_phone": "",
                    "legacy_survivor_address": "",
                    "legacy_survivor_birth_date": None,
                    "legacy_narrative": "",
                    "date_reported": reported,
                    "period": period,
                    "date_of_incident": reported - timedelta(days=rng.randint(0, 20)),
                    "reported_by": "survivor",
                    "first_point_of_contact": True,
                    "survivor_sex": "female",
                    "survivor_age": age,
                    "marital_status": "married_cohabiting",
                    "disability": "none",
                    "village_code": rng.choice(villages),
                    "location_type": "own_home",
                    "time_of_day": "evening_night",
                    "gbv_type": gbv_type,
                    "classification_answers": answers_text(_answers(gbv_type)),
                    "previously_reported": "unknown",
                    "goods_money_exchanged": "no",
                    "commune_actions": frozenset({"counselling"}),
                    "risk_level": rng.choice(["low", "medium", "high"]),
                    "status": status,
                    "follow_up_date": reported + timedelta(days=rng.randint(3, 30))
                    if status in ("referred", "follow_up")
                    else None,
                    "consent_services": "yes" if rng.random() < 0.8 else "no",
                    "consent_reporting": rng.random() < 0.85,
                    "child_consent_route": "guardian" if age is not None and age < 18 else "",
                    "child_protection_referral": "referred" if age is not None and age < 18 else "",
                    "legal_duty_reported": "yes" if age is not None and age < 18 else "",
                    "deleted": False,
                    "deleted_reason": "",
                    "created_at": now,
                    "created_by": user,
                    "updated_at": now,
                    "updated_by": user,
                    "version": 1,
                }
            )
            relationship = _weighted(rng, RELATIONSHIP_WEIGHTS)
            perpetrators.append(
                {
                    "id": new_id(),
                    "incident_id": incident_id,
                    "position": 0,
                    "sex": "male",
                    "age_group": rng.choice(ADULT_GROUPS),
                    "relationship_code": relationship,
                    "legacy_name": "",
                }
            )
        if incidents:
            # Core executemany: one statement for all rows (the ORM would split on None values).
            conn = s.connection()
            conn.execute(insert(Incident.metadata.tables["incident"]), incidents)
            conn.execute(insert(Perpetrator.metadata.tables["perpetrator"]), perpetrators)
        audit.record(
            s,
            user,
            Action.RECORD_CREATED,
            "incident",
            "bulk",
            {"bulk": n, "synthetic": True, "seed": seed, "months": span},
        )
    return n
