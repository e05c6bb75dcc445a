"""Hand-made register rows for the statistics and summary tests (inserted as ORM rows directly, so
these tests do not depend on the register services).

``fixture_month`` fills March 2025 (with a little of January, February, November 2024 and March 2024
around it). Every number the tests expect is worked out by hand in ``tests/services/test_statistics.py``.
Identifying fields carry :data:`CANARY` so the PDF tests can prove they never leak.
:func:`health_centre` is the provider the directory and referral-slip tests print.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from shsc_desktop.models.tables import (
    ActionItem,
    Incident,
    Meeting,
    MeetingAttendance,
    Perpetrator,
    Referral,
)
from shsc_desktop.security.kdf import KdfParams
from shsc_desktop.services.contacts import ContactDraft
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.office import OfficeFolder, UnlockedOffice
from shsc_desktop.values.changes import NOTHING

CANARY = "CANARY-Srey-Pov-0xDEAD"
CANARY_PHONE = "+855-12-999-4242"


def health_centre(services: frozenset[str], **details: Any) -> ContactDraft:
    """Tonle Basak Health Centre with both names, a contact person, a phone and its hours; ``details``
    adds the rest."""
    return ContactDraft(
        "health_centre",
        services,
        name_en="Tonle Basak Health Centre",
        name_km="មណ្ឌលសុខភាពទន្លេបាសាក់",
        contact_person="Dr Vanna",
        phone="023 555 0101",
        hours="Mon–Fri 7:30–17:00",
        **details,
    )


def _stamp(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)


def _by_clerk(day: date) -> dict[str, Any]:
    """The row's audit columns: written by the clerk at 09:00 on ``day``."""
    return {
        "created_by": "clerk",
        "updated_by": "clerk",
        "created_at": _stamp(day),
        "updated_at": _stamp(day),
    }


def add_incident(
    s: Session,
    seq: int,
    reported: date,
    gbv_type: str,
    *,
    age: int | None = 30,
    sex: str = "female",
    marital: str = "married_cohabiting",
    disability: str = "none",
    consent: bool = True,
    perpetrators: list[tuple[str, str]] | list[tuple[str, str, str]] | None = None,
    actions: set[str] | None = None,
    status: str = "open",
    follow_up: date | None = None,
    occurred: date | None = None,
    deleted: bool = False,
    route: str = "",
    **circumstances: Any,
) -> Incident:
    """``perpetrators``: (relationship, age group[, sex]); ``circumstances``: more incident columns
    (``location_type``, ``time_of_day``, ``reported_by``, ``first_point_of_contact``,
    ``previously_reported``, ``goods_money_exchanged``)."""
    period = reported.strftime("%Y-%m")
    incident = Incident(
        incident_code=f"KH-120101-{reported:%Y%m}-{seq:03d}",
        survivor_code=f"S{seq:04d}",
        legacy_survivor_name=f"{CANARY} name {seq}",
        legacy_survivor_phone=CANARY_PHONE,
        legacy_survivor_address=f"{CANARY} address",
        legacy_survivor_birth_date=date(1990, 1, 1),
        legacy_narrative=f"{CANARY} narrative {seq}",
        date_reported=reported,
        period=period,
        date_of_incident=occurred,
        survivor_sex=sex,
        survivor_age=age,
        marital_status=marital,
        disability=disability,
        gbv_type=gbv_type,
        commune_actions=frozenset(actions or ()),
        status=status,
        follow_up_date=follow_up,
        consent_reporting=consent,
        child_consent_route=route,
        deleted=deleted,
        **_by_clerk(reported),
        **circumstances,
    )
    for position, (relationship, age_group, *sex) in enumerate(perpetrators or []):
        incident.perpetrators.append(
            Perpetrator(
                position=position,
                relationship_code=relationship,
                age_group=age_group,
                sex=sex[0] if sex else "male",
                legacy_name=f"{CANARY} perp",
            )
        )
    s.add(incident)
    s.flush()
    return incident


def add_referral(
    s: Session,
    incident: Incident,
    referred: date,
    service: str,
    *,
    status: str = "referred",
    outcome: str = "pending",
    deleted: bool = False,
) -> Referral:
    referral = Referral(
        incident_id=incident.id,
        date_referred=referred,
        period=referred.strftime("%Y-%m"),
        service_type=service,
        status=status,
        outcome=outcome,
        legacy_note=f"{CANARY} referral note",
        deleted=deleted,
        **_by_clerk(referred),
    )
    s.add(referral)
    s.flush()
    return referral


def add_meeting(
    s: Session,
    held: date,
    meeting_type: str,
    *,
    attendance: dict[str, tuple[int, int]] | None = None,
    actions: list[tuple[str, date | None]] | None = None,
    deleted: bool = False,
) -> Meeting:
    meeting = Meeting(
        meeting_type=meeting_type,
        meeting_date=held,
        period=held.strftime("%Y-%m"),
        facilitator=f"{CANARY} facilitator",
        concerns_raised=f"{CANARY} concerns",
        decisions=f"{CANARY} decisions",
        deleted=deleted,
        **_by_clerk(held),
    )
    for group, (female, male) in (attendance or {}).items():
        meeting.attendance.append(MeetingAttendance(group=group, female=female, male=male))
    for status, due in actions or []:
        meeting.action_items.append(
            ActionItem(action=f"{CANARY} action", owner=f"{CANARY} owner", due_date=due, status=status)
        )
    s.add(meeting)
    s.flush()
    return meeting


def fixture_month(office: UnlockedOffice) -> dict[str, Any]:
    """March 2025 as described in the module docstring; returns the incidents by short name."""
    d = date
    with office.transaction(NOTHING) as s:
        i1 = add_incident(
            s, 1, d(2025, 3, 3), "rape", age=15, marital="single",
            perpetrators=[("neighbour_friend", "26_40")], actions={"counselling", "police_report"},
            status="referred", follow_up=d(2025, 3, 10), occurred=d(2025, 3, 2),
        )  # fmt: skip
        add_referral(s, i1, d(2025, 3, 4), "health", outcome="received")
        add_referral(s, i1, d(2025, 3, 5), "psychosocial", status="unavailable")
        i2 = add_incident(
            s, 2, d(2025, 3, 10), "physical_assault", age=32,
            perpetrators=[("current_partner", "26_40"), ("other_family", "41_60")],
            actions={"administrative_decision", "safety_plan", "warning"},
            status="follow_up", follow_up=d(2025, 3, 20), occurred=d(2025, 2, 1),
        )  # fmt: skip
        add_referral(s, i2, d(2025, 3, 12), "legal")
        add_referral(s, i2, d(2025, 3, 12), "police", status="declined")
        add_incident(
            s, 3, d(2025, 3, 15), "psych_emotional", age=None, marital="divorced_separated",
            disability="physical", perpetrators=[("former_partner", "41_60")], actions={"counselling"},
            status="closed", occurred=None,
        )  # fmt: skip
        i4 = add_incident(
            s, 4, d(2025, 3, 20), "rape", age=19, disability="unknown", perpetrators=[],
            status="open", occurred=d(2025, 3, 15),
        )  # fmt: skip
        add_referral(s, i4, d(2025, 3, 25), "health")
        # No consent to reporting: left out of every table, counted in data quality.
        i5 = add_incident(
            s, 5, d(2025, 3, 22), "denial_resources", age=45, sex="male", consent=False,
            perpetrators=[("current_partner", "41_60")], actions={"administrative_decision"},
            status="open", follow_up=d(2025, 3, 25), occurred=d(2025, 3, 12),
        )  # fmt: skip
        add_referral(s, i5, d(2025, 3, 23), "health")
        # Deleted: left out everywhere, and so is its referral.
        i6 = add_incident(s, 6, d(2025, 3, 5), "rape", deleted=True, follow_up=d(2025, 3, 6))
        add_referral(s, i6, d(2025, 3, 6), "health")
        # A deleted referral of a counted incident.
        add_referral(s, i1, d(2025, 3, 7), "shelter", deleted=True)

        # Around the month.
        i7 = add_incident(
            s, 7, d(2025, 2, 10), "physical_assault", age=30, perpetrators=[("boyfriend", "18_25")],
            actions={"administrative_decision"}, status="open", follow_up=d(2025, 2, 28),
        )  # fmt: skip
        add_referral(s, i7, d(2025, 2, 11), "health", status="provided_by_commune", outcome="received")
        i8 = add_incident(
            s, 8, d(2024, 3, 14), "sexual_assault", perpetrators=[("current_partner", "26_40")],
            status="closed",
        )  # fmt: skip
        add_referral(s, i8, d(2024, 3, 15), "legal", outcome="received")
        add_incident(s, 9, d(2025, 1, 5), "forced_marriage", age=16, perpetrators=[("parent", "41_60")])
        add_incident(s, 10, d(2024, 11, 20), "psych_emotional", status="follow_up", follow_up=d(2025, 4, 15))

        add_meeting(
            s, d(2025, 3, 18), "community_consultation",
            attendance={"womens_group": (20, 0), "mens_group": (0, 12), "ccwc": (3, 2)},
            actions=[("open", d(2025, 3, 25)), ("in_progress", d(2025, 4, 30)), ("done", d(2025, 3, 20))],
        )  # fmt: skip
        add_meeting(s, d(2025, 3, 28), "ccwc", attendance={"ccwc": (4, 1)})
        add_meeting(
            s,
            d(2025, 3, 8),
            "awareness",
            attendance={"youth": (9, 9)},
            actions=[("open", None)],
            deleted=True,
        )
        add_meeting(s, d(2025, 2, 20), "ccwc", actions=[("open", d(2025, 3, 1))])
    return {"i1": i1.id, "i2": i2.id}


def approve_and_edit_later(office: UnlockedOffice) -> None:
    """The chief approved March on 2 April; incident 2's risk was changed afterwards (case work)."""
    MonthService(office, today=lambda: date(2025, 4, 2)).approve("2025-03")
    with office.transaction(NOTHING) as s:
        incident = s.query(Incident).filter_by(incident_code="KH-120101-202503-002").one()
        incident.risk_level = "high"  # updated_at: now, after the approval


def fixture_office(data_dir: Path) -> UnlockedOffice:
    """A commune office (Tonle Basak, as in ``tests/conftest.py``) holding :func:`fixture_month`.

    For module-scoped fixtures: creating an office costs about a second, reading it nothing.
    """
    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())
    office, _recovery = folder.create("commune", "120101", "chief", "chief-password", "Chief Sokha")
    fixture_month(office)
    return office


def fixture_office_for_module(
    tmp_path_factory: pytest.TempPathFactory, name: str
) -> Iterator[UnlockedOffice]:
    """The body of a module-scoped fixture: :func:`fixture_office` in a new folder, locked at the end."""
    office = fixture_office(tmp_path_factory.mktemp(name) / "office")
    yield office
    office.lock("test end")
