"""Render the monthly summary of a synthetic office to PDFs and PNGs (docs/screenshots/summary-*).

    .venv/bin/python tools/render_summary.py [--out docs/screenshots] [--month YYYY-MM]

Builds a demo office with ``services.demo.create_demo_office`` (the 12 months up to today; the
default month is the last whole one). Should the demo office be empty, a year of simple random rows
is added here instead, so the pictures always show a realistic month. Prints the build times.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shsc_desktop.exports.summary_pdf import build_monthly_summary  # noqa: E402
from shsc_desktop.models import codes  # noqa: E402
from shsc_desktop.models.tables import (  # noqa: E402
    ActionItem,
    Incident,
    Meeting,
    MeetingAttendance,
    Perpetrator,
    Referral,
)
from shsc_desktop.services.demo import create_demo_office  # noqa: E402
from shsc_desktop.services.office import UnlockedOffice  # noqa: E402
from shsc_desktop.services.statistics import StatisticsService  # noqa: E402
from shsc_desktop.values.changes import NOTHING  # noqa: E402
from shsc_desktop.values.period import shift as shift_period  # noqa: E402


def fill_year(office: UnlockedOffice, last_period: str, seed: int = 7) -> int:
    """About 8–14 incidents a month for 12 months, with referrals and meetings (all synthetic)."""
    rng = random.Random(seed)
    types = (
        ["physical_assault"] * 5
        + ["psych_emotional"] * 3
        + ["denial_resources"] * 2
        + [
            "rape",
            "sexual_assault",
            "forced_marriage",
        ]
    )
    relationships = ["current_partner"] * 6 + [
        "former_partner",
        "boyfriend",
        "other_family",
        "neighbour_friend",
        "stranger",
        "parent",
    ]
    stamp = datetime(2020, 1, 1, tzinfo=UTC)
    n = 0
    with office.transaction(NOTHING) as s:
        for m in range(12):
            period = shift_period(last_period, m - 11)
            year, month = int(period[:4]), int(period[5:])
            for i in range(rng.randint(8, 14)):
                n += 1
                reported = date(year, month, rng.randint(1, 28))
                incident = Incident(
                    incident_code=f"KH-120101-{year}{month:02d}-{i + 1:03d}",
                    survivor_code=f"S{n:05d}",
                    date_reported=reported,
                    period=period,
                    date_of_incident=None
                    if rng.random() < 0.1
                    else reported - timedelta(days=rng.choice([0, 1, 2, 4, 9, 20, 45])),
                    survivor_sex="female" if rng.random() < 0.93 else "male",
                    survivor_age=None if rng.random() < 0.08 else rng.randint(9, 70),
                    marital_status=rng.choice(codes.MARITAL_STATUS.codes()),
                    disability=rng.choice(["none"] * 6 + ["physical", "sensory", "unknown"]),
                    gbv_type=rng.choice(types),
                    commune_actions=frozenset(
                        rng.sample(
                            [
                                "counselling",
                                "safety_plan",
                                "warning",
                                "administrative_decision",
                                "mediation",
                                "police_report",
                            ],
                            rng.randint(0, 3),
                        )
                    ),
                    status=rng.choice(["open", "referred", "follow_up", "closed", "closed"]),
                    follow_up_date=reported + timedelta(days=rng.randint(5, 40))
                    if rng.random() < 0.5
                    else None,
                    consent_reporting=rng.random() < 0.92,
                    created_by="clerk",
                    updated_by="clerk",
                    created_at=stamp,
                    updated_at=stamp,
                )
                incident.perpetrators.append(
                    Perpetrator(
                        position=0,
                        relationship_code=rng.choice(relationships),
                        age_group=rng.choice(codes.AGE_GROUP.codes()[2:]),
                    )
                )
                s.add(incident)
                s.flush()
                for _ in range(rng.choice([0, 1, 1, 2])):
                    referred = reported + timedelta(days=rng.randint(0, 3))
                    s.add(
                        Referral(
                            incident_id=incident.id,
                            date_referred=referred,
                            period=referred.strftime("%Y-%m"),
                            service_type=rng.choice(
                                [
                                    "health",
                                    "health",
                                    "psychosocial",
                                    "legal",
                                    "police",
                                    "shelter",
                                    "livelihood",
                                ]
                            ),
                            status=rng.choice(
                                ["referred"] * 5 + ["provided_by_commune", "declined", "unavailable"]
                            ),
                            outcome=rng.choice(["pending", "received", "received", "not_received"]),
                            created_by="clerk",
                            updated_by="clerk",
                            created_at=stamp,
                            updated_at=stamp,
                        )
                    )
            for _ in range(rng.randint(1, 3)):
                held = date(year, month, rng.randint(1, 28))
                meeting = Meeting(
                    meeting_type=rng.choice(codes.MEETING_TYPE.codes()),
                    meeting_date=held,
                    period=period,
                    created_by="clerk",
                    updated_by="clerk",
                    created_at=stamp,
                    updated_at=stamp,
                )
                for group in rng.sample(codes.ATTENDEE_GROUP.codes(), 3):
                    meeting.attendance.append(
                        MeetingAttendance(group=group, female=rng.randint(0, 20), male=rng.randint(0, 12))
                    )
                meeting.action_items.append(
                    ActionItem(
                        action="synthetic",
                        due_date=held + timedelta(days=20),
                        status=rng.choice(["open", "done"]),
                    )
                )
                s.add(meeting)
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    # The demo office holds the twelve months up to today: the last whole month is a full one.
    parser.add_argument("--month", default=shift_period(date.today().strftime("%Y-%m"), -1))
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        office = create_demo_office(Path(tmp) / "demo", months=12)
        with office.reading() as s:
            empty = s.query(Incident).count() == 0
        if empty:
            print(
                f"demo office has no records yet; added {fill_year(office, args.month)} synthetic incidents"
            )
        t0 = time.perf_counter()
        stats = StatisticsService(office).monthly(args.month)
        print(f"statistics: {time.perf_counter() - t0:.3f} s")
        args.out.mkdir(parents=True, exist_ok=True)
        after = shift_period(args.month, 1)  # printed early in the next month
        generated = datetime(int(after[:4]), int(after[5:]), 3, 10, 15)
        for lang in ("km", "en"):
            pdf = Path(tmp) / f"summary-{lang}.pdf"
            t0 = time.perf_counter()
            build_monthly_summary(stats, office.info, lang, pdf, generated_at=generated)
            print(f"PDF {lang}: {time.perf_counter() - t0:.3f} s")
            prefix = args.out / f"summary-{lang}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(args.dpi), "-f", "1", "-l", "2", str(pdf), str(prefix)],
                check=True,
            )
            for page in (1, 2):  # pdftoppm pads page numbers by page count; normalise to -1, -2
                for candidate in args.out.glob(f"summary-{lang}-*{page}.png"):
                    if candidate.stem.split("-")[-1].lstrip("0") == str(page):
                        candidate.rename(args.out / f"summary-{lang}-{page}.png")
        office.lock("render_summary")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
