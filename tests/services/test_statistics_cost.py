"""A month's statistics cost what the month holds, not what the office's history holds (issue 12).

The cost is counted, not timed: SQLite's virtual-machine steps while the statistics of March 2025
(``tests/exports/records.py``) are computed, through a progress handler on the connection. Then
3,000 closed incidents of other years, each with a perpetrator and a referral, are added; the
month's figures must not change and neither may, beyond a few index levels, the work to count them.
Before the statistics read the month from indexes, the second count was many times the first.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import insert

from shsc_desktop.models.tables import Incident, Perpetrator, Referral
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.statistics import compute
from shsc_desktop.values.changes import NOTHING
from tests.exports.records import fixture_office

MONTH = "2025-03"
HISTORY = 3000
GBV_TYPES = (
    "rape",
    "sexual_assault",
    "physical_assault",
    "forced_marriage",
    "denial_resources",
    "psych_emotional",
)
STEP = 10  # the progress handler runs every STEP virtual-machine instructions


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedOffice]:
    office = fixture_office(tmp_path_factory.mktemp("statistics-cost") / "office")
    yield office
    office.lock("test end")


def statistics_and_steps(office: UnlockedOffice) -> tuple[dict[str, Any], int]:
    """The month's statistics (as JSON) and the SQLite instructions run to compute them."""
    ticks = 0

    def tick() -> int:
        nonlocal ticks
        ticks += 1
        return 0  # carry on

    with office.reading() as s:
        raw = s.connection().connection.driver_connection
        raw.set_progress_handler(tick, STEP)
        try:
            figures = compute(s, MONTH).to_dict()
        finally:
            raw.set_progress_handler(None, 0)
    return figures, ticks * STEP


def add_history(office: UnlockedOffice, count: int) -> None:
    """``count`` closed, consented GBV incidents reported 2019–2022 (well before the year to date,
    the trend's twelve months and the same month last year), each with a partner as perpetrator
    and a health referral: rows every table of the month would count if they were in it."""
    incidents: list[dict[str, Any]] = []
    perpetrators: list[dict[str, Any]] = []
    referrals: list[dict[str, Any]] = []
    for n in range(count):
        reported = date(2019, 1, 1) + timedelta(days=n % 1400)
        incident_id = uuid.uuid4().hex
        incidents.append(
            {
                "id": incident_id,
                "incident_code": f"KH-120101-{reported:%Y%m}-H{n:05d}",
                "survivor_code": f"H{n:05d}",
                "date_reported": reported,
                "period": reported.strftime("%Y-%m"),
                "date_of_incident": reported - timedelta(days=2),
                "survivor_age": 20 + n % 40,
                "gbv_type": GBV_TYPES[n % len(GBV_TYPES)],
                "status": "closed",
                "follow_up_date": reported + timedelta(days=14),
                "consent_reporting": True,
                "created_by": "clerk",
                "updated_by": "clerk",
            }
        )
        perpetrators.append(
            {
                "incident_id": incident_id,
                "position": 0,
                "age_group": "26_40",
                "relationship_code": "current_partner",
            }
        )
        referrals.append(
            {
                "incident_id": incident_id,
                "date_referred": reported,
                "period": reported.strftime("%Y-%m"),
                "service_type": "health",
                "created_by": "clerk",
                "updated_by": "clerk",
            }
        )
    with office.transaction(NOTHING) as s:
        s.execute(insert(Incident), incidents)
        s.execute(insert(Perpetrator), perpetrators)
        s.execute(insert(Referral), referrals)


def test_the_months_statistics_do_not_read_other_years(office: UnlockedOffice) -> None:
    figures_before, steps_before = statistics_and_steps(office)

    add_history(office, HISTORY)
    figures_after, steps_after = statistics_and_steps(office)

    assert figures_after == figures_before  # other years change none of the month's figures
    assert steps_before > 0
    # Deeper indexes cost a few more steps per lookup; reading the history would cost thousands.
    assert steps_after <= steps_before * 1.25, (steps_before, steps_after)
