"""The indicator catalogue: one definition of every published figure, and one function to count it.

Each figure the office publishes (Home, Reports, the summary PDF, the bundle to the district) is an
:class:`Indicator` here: its id, its name in Khmer and English, its definition (which records, which
date decides the month, the consent rule, deleted records, GBV or not) and where it appears.
``docs/indicators.md`` says the same for people; ``tests/services/test_catalogue.py`` keeps the two in
step.

The populations are SQL conditions written once (:func:`gbv_incident`, :func:`counted_referral`, …)
and the headline figures are counted by one function each (:func:`new_incidents`,
:func:`ipv_incidents`, …). The Home screen and the monthly statistics both call these functions, so
"IPV", "with consent" or "past due" cannot mean one thing on one screen and another elsewhere.

Rules shared by every figure:

* **Deleted** records (soft-deleted with a reason) are never counted.
* **Consent**: an incident whose survivor did not consent to reporting is counted nowhere, and nor
  are its referrals; the month's data-quality table only says how many were left out.
* **GBV only**: the GBV figures count incidents classified as one of the six GBVIMS types. Incidents
  classified "non-GBV" are counted apart, in their own headline row, and in no other table.
* **The month** of a record is the month of its main date: the report date of an incident, the
  referral date of a referral, the meeting date of a meeting. Stocks (open cases, action items) are
  taken at the last day of the month on each record's current status.
* **Past due** means strictly before the day of reference (an item due on that day is not late yet).

The table schema (:func:`bundle_table_schema`) lists every table key of a commune or district bundle
with its row and column codes; imports check incoming tables against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    Text,
    and_,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session

from ...models import codes
from ...models.tables import (
    ActionItem,
    Incident,
    Meeting,
    Perpetrator,
    Referral,
    partner_perpetrator,
    uncounted_incident,
)

# --- Code sets the definitions use ---------------------------------------------------------------

NON_GBV = "non_gbv"
GBV_TYPES: tuple[str, ...] = tuple(c for c in codes.GBV_TYPE.codes() if c != NON_GBV)
"""The six GBVIMS types: the rows of every table by type of violence."""
PARTNER_CODES: tuple[str, ...] = tuple(sorted(codes.INTIMATE_PARTNER_CODES))
SERVICE_PROVIDED_STATUSES = ("referred", "provided_by_commune", "already_receiving")
"""Referral statuses meaning a service or referral was actually provided (GBVIMS); declined and
unavailable do not count."""
OPEN_ACTION_STATUSES = ("open", "in_progress")
RECEIVED_OUTCOME = "received"
ADMINISTRATIVE_DECISION = "administrative_decision"


# --- Populations (SQL conditions, written once) -------------------------------------------------


def live_incident() -> ColumnElement[bool]:
    """Not soft-deleted, written ``+incident.deleted = 0`` (the same test: the column is never
    NULL) so that SQLite never picks the one-column ``deleted`` index for it. Almost every row is
    live, but without ANALYZE statistics the planner prefers that index to the month's and reads
    the whole history (8.5 s for one month of a 40,000-incident office)."""
    return literal_column("+incident.deleted", Integer) == 0


def gbv_type_is(code: str) -> ColumnElement[bool]:
    """``incident.gbv_type = code``, kept out of index selection like :func:`live_incident`: the
    one-column type index would read every incident of that type in the history, not the month's."""
    return literal_column("+incident.gbv_type", String) == code


def reportable_incident() -> ColumnElement[bool]:
    """Live incidents whose survivor consented to reporting (GBV or not)."""
    return and_(live_incident(), Incident.consent_reporting.is_(True))


def gbv_incident() -> ColumnElement[bool]:
    """The population of every GBV figure: live, consented to reporting, one of the six GBV types."""
    return and_(reportable_incident(), Incident.gbv_type != NON_GBV)


def non_gbv_incident() -> ColumnElement[bool]:
    """Live incidents with reporting consent classified non-GBV (counted apart)."""
    return and_(reportable_incident(), gbv_type_is(NON_GBV))


def any_partner_perpetrator() -> ColumnElement[bool]:
    """Some perpetrator of the incident is a current or former partner or a boyfriend. Read from
    the partial index of the partner perpetrators (``ix_perpetrator_partner``): a year's incidents
    look their ids up in its few pages, not all over ``ix_perpetrator_rank`` (ids are random)."""
    partner = text(partner_perpetrator("perpetrator"))
    q = select(Perpetrator.incident_id).where(Perpetrator.incident_id == Incident.id, partner)
    return q.with_hint(Perpetrator, "INDEXED BY ix_perpetrator_partner", "sqlite").exists()


def ipv_incident() -> ColumnElement[bool]:
    """Intimate partner violence: a GBV incident where **any** perpetrator is a partner (the rule of
    the incident form and of Primero; :func:`is_ipv` is the same rule in Python)."""
    return and_(Incident.gbv_type != NON_GBV, any_partner_perpetrator())


def is_ipv(gbv_type: str | None, relationships: Iterable[str]) -> bool:
    """:func:`ipv_incident` for one record in memory (the incident form's case context)."""
    return gbv_type not in (None, NON_GBV) and any(r in codes.INTIMATE_PARTNER_CODES for r in relationships)


SEXUAL_TYPES = frozenset({"rape", "sexual_assault"})


def case_context(
    gbv_type: str, age: int | None, relationships: Iterable[str], goods_money_exchanged: str = "unknown"
) -> tuple[str, ...]:
    """The derived case-context codes of one incident, in :data:`codes.CASE_CONTEXT` order
    (domain.md §1.2: the Incident Recorder's flags and Primero's IPV rule). Never typed: the form
    shows them and the summary counts them (``incidents_by_case_context``) by this one rule."""
    found: list[str] = []
    if is_ipv(gbv_type, relationships):
        found.append("ipv")
    minor = age is not None and age < 18
    if minor and gbv_type in SEXUAL_TYPES:
        found.append("child_sexual_abuse")
    if minor and gbv_type == "forced_marriage":
        found.append("early_marriage")
    if goods_money_exchanged == "yes" and gbv_type in SEXUAL_TYPES:
        found.append("possible_sexual_exploitation")
    return tuple(found)


def perpetrator_sex(sexes: Iterable[str]) -> str:
    """An incident's perpetrators by sex (Incident Recorder): male only, female only, both, or
    unknown when no perpetrator's sex is known (or none is recorded)."""
    known = {s for s in sexes if s in ("male", "female")}
    if known == {"male", "female"}:
        return "male_and_female"
    return known.pop() if known else "unknown"


def perpetrator_count(n: int) -> str:
    """The number of an incident's recorded perpetrators as the Incident Recorder bands it."""
    return {0: "unknown", 1: "one", 2: "two", 3: "three"}.get(n, "more_than_three")


def has_commune_action(code: str) -> ColumnElement[bool]:
    """The incident's commune actions include ``code``: the multi-select is stored as sorted
    comma-separated codes (which contain no comma), so ``code`` is the whole text, its first or
    last item, or an item between two commas. Written without concatenating the column (``',' ||
    commune_actions || ','``), which cost SQLite some 20 times the rest of the month's pass."""
    stored = type_coerce(Incident.commune_actions, Text)
    n = len(code) + 1
    return or_(
        stored == code,
        func.substr(stored, 1, n) == f"{code},",
        func.substr(stored, -n) == f",{code}",
        func.instr(stored, f",{code},") > 0,
    )


def in_months(column: Any, first: str, last: str) -> ColumnElement[bool]:
    """The record's month (a ``YYYY-MM`` column) lies from ``first`` to ``last``."""
    return column.between(first, last)  # type: ignore[no-any-return]


def gbv_incident_in(first: str, last: str) -> ColumnElement[bool]:
    return and_(gbv_incident(), in_months(Incident.period, first, last))


def counted_referral(first: str, last: str) -> ColumnElement[bool]:
    """Referrals dated (``date_referred``) in the months, live, made for a counted GBV incident.
    Queries using it join :class:`Referral` to :class:`Incident`."""
    return and_(Referral.deleted.is_(False), gbv_incident(), in_months(Referral.period, first, last))


def counted_referral_alone(first: str, last: str) -> ColumnElement[bool]:
    """:func:`counted_referral` without joining :class:`Incident`: the referral's incident (it
    always has one: a NOT NULL foreign key) is counted when it is not among the uncounted ones,
    looked up in the small partial index ``ix_incident_uncounted`` instead of by id in
    ``ix_incident_id_counted``, whose pages a year's referrals would read nearly all of."""
    condition = text(f"({uncounted_incident('incident')})")
    uncounted = select(Incident.id).where(Incident.id == Referral.incident_id, condition)
    uncounted = uncounted.with_hint(Incident, "INDEXED BY ix_incident_uncounted", "sqlite").correlate(
        Referral
    )
    return and_(Referral.deleted.is_(False), in_months(Referral.period, first, last), ~uncounted.exists())


def held_meeting(first: str, last: str) -> ColumnElement[bool]:
    return and_(Meeting.deleted.is_(False), in_months(Meeting.period, first, last))


def day_literal(day: date) -> ColumnElement[Any]:
    """``day`` written into the SQL as a literal, not bound as a parameter. The date columns have
    NUMERIC affinity, so SQLite converts a bound text date again at every row it compares (14 ms
    instead of 0.5 ms for the open cases of a 50,000-incident office); a literal is converted once.
    The statement stays cached (the value is rendered at execution)."""
    return literal(day, Date, literal_execute=True)


def open_case(as_of: date) -> ColumnElement[bool]:
    """A GBV incident reported on or before ``as_of`` and not closed (current status)."""
    # 'closed' as a literal, not a parameter: then SQLite can read the partial index of the cases
    # not closed (ix_incident_open_cases) instead of every incident of the history.
    not_closed = Incident.status != literal_column("'closed'", String)
    return and_(gbv_incident(), Incident.date_reported <= day_literal(as_of), not_closed)


def follow_up_due(as_of: date) -> ColumnElement[bool]:
    """An open case whose follow-up date is on or before ``as_of``."""
    due = Incident.follow_up_date <= day_literal(as_of)
    return and_(open_case(as_of), Incident.follow_up_date.is_not(None), due)


OPEN_CASES_INDEX = "INDEXED BY ix_incident_open_cases"
"""The hint for queries of :func:`open_case` or :func:`follow_up_due`: the partial index of the
cases not closed holds every column they read (without it SQLite reads every incident whose
follow-up date has passed, closed or not: most of the history)."""


def action_item(as_of: date) -> ColumnElement[bool]:
    """Action items of live meetings held on or before ``as_of`` (join :class:`Meeting`)."""
    return and_(Meeting.deleted.is_(False), Meeting.meeting_date <= as_of)


def open_action_item(as_of: date) -> ColumnElement[bool]:
    return and_(action_item(as_of), ActionItem.status.in_(OPEN_ACTION_STATUSES))


def past_due(as_of: date) -> ColumnElement[bool]:
    """An action item still open whose due date is strictly before ``as_of``."""
    return and_(
        ActionItem.status.in_(OPEN_ACTION_STATUSES),
        ActionItem.due_date.is_not(None),
        ActionItem.due_date < as_of,
    )


# --- One function per headline figure ------------------------------------------------------------


def _count(s: Session, q: Select[Any]) -> int:
    return int(s.scalar(q) or 0)


def _incidents(where: ColumnElement[bool]) -> Select[Any]:
    return select(func.count(Incident.id)).where(where)


def new_incidents(s: Session, first: str, last: str) -> int:
    return _count(s, _incidents(gbv_incident_in(first, last)))


def ipv_incidents(s: Session, first: str, last: str) -> int:
    return _count(s, _incidents(and_(gbv_incident_in(first, last), any_partner_perpetrator())))


def non_gbv_incidents(s: Session, first: str, last: str) -> int:
    return _count(s, _incidents(and_(non_gbv_incident(), in_months(Incident.period, first, last))))


def with_incident(q: Select[Any]) -> Select[Any]:
    """``q`` (over :class:`Referral`) joined to each referral's incident, read from the covering
    index ``ix_incident_id_counted`` (id, deleted, consent, type). SQLite would pick the primary
    key's index, which is unique but makes it read each wide incident row: a year's referrals of a
    50,000-incident office took 160 ms that way, 11 ms this way."""
    joined = q.join(Incident, Referral.incident_id == Incident.id)
    return joined.with_hint(Incident, "INDEXED BY ix_incident_id_counted", "sqlite")


def _referrals(where: ColumnElement[bool]) -> Select[Any]:
    return with_incident(select(func.count(Referral.id)).select_from(Referral)).where(where)


def referrals_made(s: Session, first: str, last: str) -> int:
    return _count(s, _referrals(counted_referral(first, last)))


def referrals_received(s: Session, first: str, last: str) -> int:
    return _count(s, _referrals(and_(counted_referral(first, last), Referral.outcome == RECEIVED_OUTCOME)))


def meetings_held(s: Session, first: str, last: str) -> int:
    return _count(s, select(func.count(Meeting.id)).where(held_meeting(first, last)))


def open_action_items(s: Session, as_of: date) -> int:
    q = select(func.count(ActionItem.id)).join(Meeting, ActionItem.meeting_id == Meeting.id)
    return _count(s, q.where(open_action_item(as_of)))


def past_due_action_items(s: Session, as_of: date) -> int:
    q = select(func.count(ActionItem.id)).join(Meeting, ActionItem.meeting_id == Meeting.id)
    return _count(s, q.where(action_item(as_of), past_due(as_of)))


# --- The headline's flows and stocks -------------------------------------------------------------

HEADLINE_STOCKS: tuple[str, ...] = ("open_follow_ups",)
"""Headline rows that are stocks, taken at the month's last day: their year to date is the stock at
the end of the month, never a sum of months."""
HEADLINE_FLOWS: tuple[str, ...] = tuple(r for r in codes.HEADLINE.codes() if r not in HEADLINE_STOCKS)
"""Every other headline row is counted in the month (a flow): its year to date is the sum of the
months and its same month last year is that month's own count."""


INCIDENT_BREAKDOWNS: tuple[str, ...] = (
    "incidents_by_type_child_adult",
    "incidents_by_type_age_group",
    "incidents_by_place",
    "incidents_by_time_of_day",
    "incidents_by_reporter",
    "previously_reported",
    "perpetrator_relationship",
    "perpetrator_age_group",
    "perpetrator_sex",
    "perpetrator_count",
    "survivor_sex",
    "survivor_age_group",
    "survivor_marital_status",
    "survivor_disability",
    "time_to_report",
)
"""The tables that count each of the month's new (GBV) incidents exactly once."""
HEADLINE_TOTALS: tuple[tuple[str, str, str], ...] = (
    *((key, "total", "new_incidents") for key in INCIDENT_BREAKDOWNS),
    ("referrals_by_service_status", "total", "referrals_made"),
    ("referrals_by_service_outcome", "total", "referrals_made"),
    ("referrals_by_service_outcome", RECEIVED_OUTCOME, "referrals_received"),
    ("meetings_by_type", "total", "meetings_held"),
)
"""(table, column, headline row): the table breaks down a headline figure, so its total (column
``total``: the grand total; otherwise that column's total) is this month's figure in the headline.
A bundle whose tables disagree with its headline is refused on import (``table_check``)."""


# --- The catalogue --------------------------------------------------------------------------------

HOME = "home"
REPORTS = "reports"
SUMMARY_PDF = "summary_pdf"
BUNDLE = "bundle"
DISTRICT = "district"


@dataclass(frozen=True)
class Indicator:
    """One published figure (or family of cells of one table)."""

    id: str
    en: str
    km: str
    definition_en: str
    definition_km: str
    table: str
    """The table key it is published in (``headline`` rows are addressed as ``headline/row``)."""
    appears_in: tuple[str, ...] = (REPORTS, SUMMARY_PDF, BUNDLE, DISTRICT)

    def name(self, lang: str) -> str:
        return self.km if lang == "km" else self.en

    def definition(self, lang: str) -> str:
        return self.definition_km if lang == "km" else self.definition_en


_GBV_EN = "GBV incidents (six GBVIMS types), live, with consent to reporting"
_GBV_KM = "ករណីអំពើហិង្សាផ្អែកលើយេនឌ័រ (ប្រភេទ GBVIMS ទាំង៦) មិនបានលុប និងមានការយល់ព្រមឱ្យរាយការណ៍"
_ALL = (HOME, REPORTS, SUMMARY_PDF, BUNDLE, DISTRICT)

CATALOGUE: tuple[Indicator, ...] = (
    Indicator(
        "new_incidents",
        "New incidents reported",
        "ករណីថ្មីដែលបានរាយការណ៍",
        f"{_GBV_EN}, whose report date falls in the month.",
        f"{_GBV_KM} ដែលកាលបរិច្ឆេទរាយការណ៍ស្ថិតក្នុងខែ។",
        "headline/new_incidents",
        _ALL,
    ),
    Indicator(
        "ipv_incidents",
        "of which intimate partner violence",
        "ក្នុងនោះ អំពើហិង្សាដោយដៃគូ",
        "New incidents where any recorded perpetrator is a current or former husband/partner or a "
        "boyfriend (GBV types only).",
        "ករណីថ្មីដែលជនល្មើសណាមួយជាប្ដី/ដៃគូបច្ចុប្បន្ន អតីតប្ដី/ដៃគូ ឬសង្សារ (តែប្រភេទ GBV)។",
        "headline/ipv_incidents",
        _ALL,
    ),
    Indicator(
        "non_gbv_incidents",
        "Non-GBV incidents",
        "ករណីមិនមែនអំពើហិង្សាផ្អែកលើយេនឌ័រ",
        "Live incidents with consent to reporting classified non-GBV, by report date; reported apart "
        "and counted in no other figure.",
        "ករណីមិនបានលុប មានការយល់ព្រម ដែលចាត់ថ្នាក់ថាមិនមែន GBV តាមកាលបរិច្ឆេទរាយការណ៍ រាយការណ៍ដាច់ដោយឡែក មិនរាប់ក្នុងតួលេខផ្សេង។",
        "headline/non_gbv_incidents",
        _ALL,
    ),
    Indicator(
        "referrals_made",
        "Referrals made",
        "ការបញ្ជូនដែលបានធ្វើ",
        "Live referrals whose referral date falls in the month, made for a counted GBV incident.",
        "ការបញ្ជូនមិនបានលុប ដែលកាលបរិច្ឆេទបញ្ជូនស្ថិតក្នុងខែ សម្រាប់ករណី GBV ដែលត្រូវរាប់។",
        "headline/referrals_made",
        _ALL,
    ),
    Indicator(
        "referrals_received",
        "Referrals confirmed received",
        "ការបញ្ជូនដែលបានបញ្ជាក់ថាបានទទួលសេវា",
        "Referrals made in the month whose current outcome is 'received'.",
        "ការបញ្ជូនក្នុងខែ ដែលលទ្ធផលបច្ចុប្បន្នជា «បានទទួល»។",
        "headline/referrals_received",
    ),
    Indicator(
        "administrative_decisions",
        "Administrative decisions issued",
        "សេចក្ដីសម្រេចរដ្ឋបាលដែលបានចេញ",
        "New incidents of the month whose commune actions include an administrative decision.",
        "ករណីថ្មីក្នុងខែ ដែលសកម្មភាពឃុំមានសេចក្ដីសម្រេចរដ្ឋបាល។",
        "headline/administrative_decisions",
    ),
    Indicator(
        "meetings_held",
        "Meetings held",
        "កិច្ចប្រជុំដែលបានធ្វើ",
        "Live consultation meetings whose meeting date falls in the month.",
        "កិច្ចប្រជុំពិគ្រោះយោបល់មិនបានលុប ដែលកាលបរិច្ឆេទប្រជុំស្ថិតក្នុងខែ។",
        "headline/meetings_held",
        _ALL,
    ),
    Indicator(
        "open_follow_ups",
        "Open cases needing follow-up",
        "ករណីបើកដែលត្រូវតាមដាន",
        "At the month's last day: GBV incidents reported by then, not closed (current status), whose "
        "follow-up date has come.",
        "នៅថ្ងៃចុងខែ៖ ករណី GBV ដែលបានរាយការណ៍ មិនទាន់បិទ (ស្ថានភាពបច្ចុប្បន្ន) ហើយដល់ថ្ងៃតាមដាន។",
        "headline/open_follow_ups",
    ),
    Indicator(
        "incidents_by_type",
        "Incidents by type of violence and age",
        "ករណីតាមប្រភេទអំពើហិង្សា និងអាយុ",
        "New incidents by GBVIMS type, child (0–17) / adult / age unknown, and by age group.",
        "ករណីថ្មីតាមប្រភេទ GBVIMS កុមារ (០–១៧) / មនុស្សពេញវ័យ / មិនដឹងអាយុ និងតាមក្រុមអាយុ។",
        "incidents_by_type_child_adult",
    ),
    Indicator(
        "children_by_consent_route",
        "Children: how consent was given",
        "កុមារ៖ របៀបផ្ដល់ការយល់ព្រម",
        "New incidents of survivors under 18 by the route of their consent: guardian, trusted adult "
        "or best-interests decision. A child is counted only with a recorded route.",
        "ករណីថ្មីនៃជនរងគ្រោះអាយុក្រោម ១៨ ឆ្នាំ តាមរបៀបផ្ដល់ការយល់ព្រម៖ អាណាព្យាបាល មនុស្សពេញវ័យដែលគួរទុកចិត្ត "
        "ឬសេចក្ដីសម្រេចដើម្បីឧត្តមប្រយោជន៍កុមារ។ កុមារត្រូវបានរាប់ តែពេលមានការកត់ត្រារបៀបយល់ព្រម។",
        "children_by_consent_route",
    ),
    Indicator(
        "incident_place_time",
        "Place and time of day of the incident",
        "ទីកន្លែង និងពេលវេលានៃឧប្បត្តិហេតុ",
        "New incidents by the type of place where the incident happened, and by the time of day "
        "(Incident Recorder lists; 'unknown' when not recorded).",
        "ករណីថ្មីតាមប្រភេទទីកន្លែងដែលហេតុការណ៍កើតឡើង និងតាមពេលវេលាក្នុងថ្ងៃ («មិនដឹង» ពេលមិនបានកត់ត្រា)។",
        "incidents_by_place",
    ),
    Indicator(
        "case_context",
        "Case context",
        "បរិបទករណី",
        "New incidents by each derived case context (intimate partner violence, child sexual abuse, "
        "early marriage, possible sexual exploitation; the incident form's rule). "
        "An incident can have several, or none: no total. The IPV row is the IPV headline. (No "
        "'none of these' row: with the IPV headline it would print the non-IPV incidents.)",
        "ករណីថ្មីតាមបរិបទករណីនីមួយៗ (អំពើហិង្សាដោយដៃគូ ការរំលោភបំពានផ្លូវភេទលើកុមារ អាពាហ៍ពិពាហ៍មុនអាយុ "
        "ការកេងប្រវ័ញ្ចផ្លូវភេទដែលអាចកើតមាន)។ ករណីមួយអាចមានបរិបទច្រើន ឬគ្មាន៖ គ្មានសរុប។",
        "incidents_by_case_context",
    ),
    Indicator(
        "reported_by",
        "Who brought the incident to the commune",
        "អ្នកដែលនាំករណីមកឃុំ/សង្កាត់",
        "New incidents by who reported them to the commune (referred from), split by whether the "
        "commune was the survivor's first point of contact.",
        "ករណីថ្មីតាមអ្នករាយការណ៍មកឃុំ/សង្កាត់ (បញ្ជូនមកពី) បែងចែកតាមថាតើឃុំ/សង្កាត់ជាកន្លែងទំនាក់ទំនងដំបូងឬទេ។",
        "incidents_by_reporter",
    ),
    Indicator(
        "previously_reported",
        "Reported elsewhere before",
        "បានរាយការណ៍នៅកន្លែងផ្សេងពីមុន",
        "New incidents by whether the survivor had reported this incident anywhere else before "
        "(yes, no, unknown).",
        "ករណីថ្មីតាមថាតើជនរងគ្រោះធ្លាប់រាយការណ៍ករណីនេះនៅកន្លែងផ្សេងពីមុនឬទេ (បាទ/ចាស ទេ មិនដឹង)។",
        "previously_reported",
    ),
    Indicator(
        "perpetrators_all",
        "All perpetrators: sex and number",
        "ជនល្មើសទាំងអស់៖ ភេទ និងចំនួន",
        "New incidents by the sex of all their recorded perpetrators (male only, female only, both, "
        "unknown) and by their number (one, two, three, more than three; 'unknown' when none is "
        "recorded).",
        "ករណីថ្មីតាមភេទនៃជនល្មើសទាំងអស់ដែលបានកត់ត្រា (ប្រុសតែប៉ុណ្ណោះ ស្រីតែប៉ុណ្ណោះ ទាំងពីរ មិនដឹង) "
        "និងតាមចំនួនរបស់ពួកគេ (ម្នាក់ ពីរ បី ច្រើនជាងបី «មិនដឹង» ពេលគ្មានការកត់ត្រា)។",
        "perpetrator_sex",
    ),
    Indicator(
        "perpetrators",
        "Main perpetrator",
        "ជនល្មើសចម្បង",
        "New incidents by the relationship and age group of the first perpetrator recorded ('unknown' "
        "when none is). The partner rows' subtotal is 'main perpetrator is a partner', which is not "
        "the IPV headline (any perpetrator).",
        "ករណីថ្មីតាមទំនាក់ទំនង និងក្រុមអាយុ នៃជនល្មើសទីមួយដែលបានកត់ត្រា («មិនដឹង» ពេលគ្មាន)។ "
        "សរុបជួរដៃគូ គឺ «ជនល្មើសចម្បងជាដៃគូ» មិនមែនតួលេខ IPV (ជនល្មើសណាមួយ)។",
        "perpetrator_relationship",
    ),
    Indicator(
        "survivor_profile",
        "Survivors",
        "ជនរងគ្រោះ",
        "New incidents by the survivor's sex, age group, marital status and disability.",
        "ករណីថ្មីតាមភេទ ក្រុមអាយុ ស្ថានភាពគ្រួសារ និងពិការភាពរបស់ជនរងគ្រោះ។",
        "survivor_sex",
    ),
    Indicator(
        "time_to_report",
        "Time from incident to report",
        "រយៈពេលពីឧប្បត្តិហេតុដល់ការរាយការណ៍",
        "New incidents by the days between the incident date and the report date.",
        "ករណីថ្មីតាមចំនួនថ្ងៃពីកាលបរិច្ឆេទកើតហេតុដល់កាលបរិច្ឆេទរាយការណ៍។",
        "time_to_report",
    ),
    Indicator(
        "rape_time_to_report",
        "Rape: time from incident to report",
        "ការរំលោភ៖ រយៈពេលពីឧប្បត្តិហេតុដល់ការរាយការណ៍",
        "New rape incidents by the days between the incident date and the report date (Primero's "
        "bands: 0–3 days, 4–5, 6–14, 2 weeks to 1 month, more than 1 month, unknown). Care within "
        "72 hours depends on this; it says nothing of referrals (see the next figure).",
        "ករណីរំលោភថ្មី តាមចំនួនថ្ងៃពីកាលបរិច្ឆេទកើតហេតុដល់កាលបរិច្ឆេទរាយការណ៍ (ចន្លោះ Primero)។ មិននិយាយពីការបញ្ជូនទេ។",
        "rape_time_to_report",
    ),
    Indicator(
        "rape_health_referral",
        "Rape: health referral within 72 hours",
        "ការរំលោភ៖ បញ្ជូនទៅសេវាសុខភាពក្នុង ៧២ ម៉ោង",
        "New rape incidents by the first live health referral whose service was provided (referred, "
        "provided by the commune, already receiving): within 3 days of the incident, later, timing "
        "unknown, or none. Time from incident to referral, not to report.",
        "ករណីរំលោភថ្មី តាមការបញ្ជូនសុខភាពដំបូង ដែលសេវាបានផ្ដល់៖ ក្នុង ៣ ថ្ងៃ ក្រោយ មិនដឹង ឬគ្មាន។",
        "rape_health_referral",
    ),
    Indicator(
        "referrals_by_service",
        "Referrals by service",
        "ការបញ្ជូនតាមសេវា",
        "Referrals made in the month by service type and status, and by current outcome.",
        "ការបញ្ជូនក្នុងខែ តាមប្រភេទសេវា និងស្ថានភាព និងតាមលទ្ធផលបច្ចុប្បន្ន។",
        "referrals_by_service_status",
    ),
    Indicator(
        "commune_actions",
        "Commune actions",
        "សកម្មភាពរបស់ឃុំ",
        "New incidents by each action the commune took (several per incident: no total).",
        "ករណីថ្មីតាមសកម្មភាពនីមួយៗដែលឃុំបានធ្វើ (ច្រើនក្នុងមួយករណី៖ គ្មានសរុប)។",
        "commune_actions",
    ),
    Indicator(
        "open_cases",
        "Open cases by days open",
        "ករណីបើកតាមចំនួនថ្ងៃ",
        "At the month's last day: open GBV cases by days since the report date.",
        "នៅថ្ងៃចុងខែ៖ ករណី GBV បើក តាមចំនួនថ្ងៃចាប់ពីកាលបរិច្ឆេទរាយការណ៍។",
        "open_cases_by_days_open",
    ),
    Indicator(
        "meetings",
        "Meetings and attendance",
        "កិច្ចប្រជុំ និងអ្នកចូលរួម",
        "Meetings held by type; attendance by group and sex (women, men).",
        "កិច្ចប្រជុំតាមប្រភេទ អ្នកចូលរួមតាមក្រុម និងភេទ។",
        "meetings_by_type",
    ),
    Indicator(
        "action_items",
        "Action points",
        "ចំណុចសកម្មភាព",
        "At the month's last day: action points of live meetings held by then, by current status; "
        "'past due' = still open and due strictly before that day.",
        "នៅថ្ងៃចុងខែ៖ ចំណុចសកម្មភាពនៃកិច្ចប្រជុំ តាមស្ថានភាពបច្ចុប្បន្ន «ហួសកាលកំណត់» = នៅបើក ហើយកាលកំណត់មុនថ្ងៃនោះ។",
        "action_items_by_status",
        _ALL,
    ),
    Indicator(
        "data_quality",
        "Data quality",
        "គុណភាពទិន្នន័យ",
        "Incidents left out for want of consent (and their referrals); counted incidents missing a "
        "key field; records changed since the month's approved snapshot.",
        "ករណីដែលមិនរាប់ព្រោះគ្មានការយល់ព្រម (និងការបញ្ជូន) ករណីខ្វះព័ត៌មានសំខាន់ កំណត់ត្រាដែលបានកែក្រោយការអនុម័ត។",
        "data_quality",
    ),
    Indicator(
        "trend",
        "Twelve-month trend",
        "និន្នាការ ១២ ខែ",
        "New incidents and referrals made in each of the last twelve months (same definitions).",
        "ករណីថ្មី និងការបញ្ជូន ក្នុងខែនីមួយៗនៃ ១២ ខែចុងក្រោយ (និយមន័យដដែល)។",
        "trend",
    ),
)

INDICATORS: dict[str, Indicator] = {i.id: i for i in CATALOGUE}


# --- The tables and their codes (the bundle schema) ----------------------------------------------

PERIOD_ROWS = None
"""``rows`` of a table whose rows are months ``YYYY-MM`` (the trend)."""


@dataclass(frozen=True)
class TableSpec:
    key: str
    row_list: str
    col_list: str
    rows: tuple[str, ...] | None
    """Row codes in order; ``None`` for month rows (``YYYY-MM``)."""
    cols: tuple[str, ...]
    additive: bool = True
    levels: tuple[str, ...] = ("commune", "district")
    """Which offices' bundles carry the table."""
    subtotals: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The subtotals the table carries: (``subtotal`` code, its member rows in row order). Exactly
    these, no more, no fewer: imports refuse a bundle that names others, and district sums are
    built from them, never from what a bundle says."""
    since: int = 1
    """The bundle schema version that added the table: an older bundle may not carry it (and need
    not: every table is optional in a bundle)."""


IR_TABLES_SINCE = 2
"""Bundle schema 2 added the Incident Recorder's tables of the incident (place, time of day, case
context, who reported, reported before, perpetrators' sex and number, rape time to report)."""

IPV_SUBTOTAL = "ipv"
"""The perpetrator-relationship subtotal: the intimate-partner rows (main perpetrator a partner)."""


def _spec(
    key: str,
    rows: codes.CodeList | Sequence[str] | None,
    cols: codes.CodeList,
    *,
    row_list: str | None = None,
    additive: bool = True,
    levels: tuple[str, ...] = ("commune", "district"),
    subtotals: dict[str, frozenset[str]] | None = None,
    since: int = 1,
) -> TableSpec:
    row_codes: tuple[str, ...] | None = None
    if isinstance(rows, codes.CodeList):
        row_list, row_codes = rows.name, tuple(rows.codes())
    elif rows is not None:
        row_codes = tuple(rows)
    assert row_list is not None
    groups = tuple(
        (name, tuple(r for r in row_codes or () if r in members))
        for name, members in (subtotals or {}).items()
    )
    return TableSpec(
        key, row_list, cols.name, row_codes, tuple(cols.codes()), additive, levels, groups, since
    )


TABLES: tuple[TableSpec, ...] = (
    _spec("headline", codes.HEADLINE, codes.PERIOD_COLUMN, additive=False),
    _spec("incidents_by_type_child_adult", GBV_TYPES, codes.CHILD_ADULT, row_list=codes.GBV_TYPE.name),
    _spec("incidents_by_type_age_group", GBV_TYPES, codes.AGE_GROUP, row_list=codes.GBV_TYPE.name),
    _spec("children_by_consent_route", codes.CHILD_CONSENT_ROUTE, codes.COUNT, since=IR_TABLES_SINCE),
    _spec("incidents_by_place", codes.LOCATION_TYPE, codes.COUNT, since=IR_TABLES_SINCE),
    _spec("incidents_by_time_of_day", codes.TIME_OF_DAY, codes.COUNT, since=IR_TABLES_SINCE),
    _spec(
        "incidents_by_case_context",
        codes.CASE_CONTEXT,
        codes.COUNT,
        additive=False,
        since=IR_TABLES_SINCE,
    ),
    _spec("incidents_by_reporter", codes.REPORTED_BY, codes.FIRST_CONTACT, since=IR_TABLES_SINCE),
    _spec("previously_reported", codes.YES_NO_UNKNOWN, codes.COUNT, since=IR_TABLES_SINCE),
    _spec(
        "perpetrator_relationship",
        codes.RELATIONSHIP,
        codes.COUNT,
        subtotals={IPV_SUBTOTAL: codes.INTIMATE_PARTNER_CODES},
    ),
    _spec("perpetrator_age_group", codes.AGE_GROUP, codes.COUNT),
    _spec("perpetrator_sex", codes.PERPETRATOR_SEX, codes.COUNT, since=IR_TABLES_SINCE),
    _spec("perpetrator_count", codes.PERPETRATOR_COUNT, codes.COUNT, since=IR_TABLES_SINCE),
    _spec("survivor_sex", codes.SEX, codes.COUNT),
    _spec("survivor_age_group", codes.AGE_GROUP, codes.COUNT),
    _spec("survivor_marital_status", codes.MARITAL_STATUS, codes.COUNT),
    _spec("survivor_disability", codes.DISABILITY, codes.COUNT),
    _spec("time_to_report", codes.ELAPSED_REPORTING, codes.COUNT),
    _spec("rape_time_to_report", codes.ELAPSED_REPORTING, codes.COUNT, since=IR_TABLES_SINCE),
    _spec("rape_health_referral", codes.RAPE_HEALTH, codes.COUNT),
    _spec("referrals_by_service_status", codes.SERVICE_TYPE, codes.REFERRAL_STATUS),
    _spec("referrals_by_service_outcome", codes.SERVICE_TYPE, codes.REFERRAL_OUTCOME),
    _spec("commune_actions", codes.COMMUNE_ACTION, codes.COUNT, additive=False),
    _spec("open_cases_by_days_open", codes.DAYS_OPEN, codes.COUNT),
    _spec("meetings_by_type", codes.MEETING_TYPE, codes.COUNT),
    _spec("attendance_by_group_sex", codes.ATTENDEE_GROUP, codes.ATTENDANCE_SEX),
    _spec("action_items_by_status", codes.ACTION_STATUS, codes.ACTION_ITEM_COLUMN, additive=False),
    _spec("data_quality", codes.DATA_QUALITY, codes.COUNT, additive=False),
    _spec("trend", PERIOD_ROWS, codes.TREND_MEASURE, row_list=codes.PERIOD_LIST, additive=False),
    _spec("reporting", codes.REPORTING, codes.COUNT, additive=False, levels=("district",)),
)
TABLE_SPECS: dict[str, TableSpec] = {t.key: t for t in TABLES}
TABLE_KEYS: tuple[str, ...] = tuple(t.key for t in TABLES if "commune" in t.levels)
"""The commune's tables, in the order of domain.md §6.1 (the PDF and the bundle keep this order)."""


def bundle_table_schema() -> dict[str, dict[str, Any]]:
    """Every table key a bundle may carry, with its row and column codes.

    ``{"headline": {"row_list": "headline", "col_list": "period_column", "rows": [...],
    "cols": [...], "additive": False, "levels": ["commune", "district"], "subtotals": {}}, ...}``;
    ``rows`` is ``None`` for the trend, whose rows are months ``YYYY-MM``. Additive tables carry row
    totals (several columns), column totals and a grand total; ``subtotals`` maps each subtotal the
    table must carry to its member rows (``{"ipv": [the partner rows]}`` for the perpetrator
    relationship, nothing elsewhere); ``since`` is the bundle schema version that added the table.
    """
    return {
        t.key: {
            "row_list": t.row_list,
            "col_list": t.col_list,
            "rows": list(t.rows) if t.rows is not None else None,
            "cols": list(t.cols),
            "additive": t.additive,
            "levels": list(t.levels),
            "subtotals": {name: list(members) for name, members in t.subtotals},
            "since": t.since,
        }
        for t in TABLES
    }
