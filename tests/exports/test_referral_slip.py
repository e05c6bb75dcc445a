"""Referral slips: only what she consented to, identifying details only when chosen and permitted,
never the narrative; refused without consent or override; every slip audited."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from shsc_desktop.errors import ConsentRequired, PermissionDenied, ValidationFailed
from shsc_desktop.models.tables import AuditEntry, Incident
from shsc_desktop.services.contacts import ContactService
from shsc_desktop.services.incidents import IdentifyingDetails, IncidentDraft, IncidentService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.referrals import ReferralDraft, ReferralService
from shsc_desktop.services.slips import SlipRequest, SlipService, referral_code
from shsc_desktop.values.changes import NOTHING

from .records import health_centre

CANARY_NAME = "CANARY Srey Leak"
CANARY_PHONE = "+855 12 999 4242"
NARRATIVE = "NARRATIVE-CANARY what happened"
NOTE = "NOTE-CANARY referral note"
TODAY = date.today()


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def make_referral(office: UnlockedOffice, consent: str = "yes", override: str | None = None):
    provider = ContactService(office).create(
        health_centre(frozenset({"health"}), phone2="012 555 0102", address="Street 63, Tonle Basak")
    )
    incident = IncidentService(office).create(
        IncidentDraft(
            date_reported=TODAY,
            classification=(False, False, True),
            consent_services=consent,
            identifying=IdentifyingDetails(
                survivor_name=CANARY_NAME,
                survivor_phone=CANARY_PHONE,
                survivor_birth_date=date(1990, 5, 17),
                narrative=NARRATIVE,
            ),
        )
    )
    referral = ReferralService(office).create(
        incident.id,
        ReferralDraft(
            "health",
            provider.id,
            TODAY,
            urgency="within_72h",
            follow_up_date=TODAY + timedelta(days=3),
            note=NOTE,
        ),
        override_reason=override,
    )
    return incident, referral


def audit_prints(office: UnlockedOffice) -> list[dict]:
    with office.reading() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "print"))
        return [{"actor": e.actor, "target": e.target_id, **json.loads(e.details)} for e in rows]


def test_a_provider_slip_has_the_provider_and_codes_and_nothing_that_names_her(
    chief: UnlockedOffice, tmp_path: Path
) -> None:
    incident, referral = make_referral(chief)
    target = tmp_path / "slip.pdf"
    fields = SlipService(chief).referral_slip(SlipRequest(referral.id, "provider", "en"), target)
    text = text_of(target)
    for expected in (
        "Referral slip", "Tonle Basak Health Centre", "Dr Vanna", "023 555 0101", "012 555 0102",
        "Street 63", "Mon–Fri 7:30–17:00", incident.incident_code, incident.survivor_code,
        referral_code(referral.id), "Health / medical", "Within 72 hours", "Tonle Basak", "120101",
        "Signature", "Received by the provider", "She agreed to be referred",
    ):  # fmt: skip
        assert expected in text, expected
    for secret in (CANARY_NAME, CANARY_PHONE, NARRATIVE, NOTE, "1990"):
        assert secret not in text
    assert "survivor_name" not in fields and "narrative" not in fields
    # the provider's Khmer name is set in the Khmer font even on an English slip (its text is checked
    # in tests/exports/test_pdf_text.py)
    fonts = subprocess.run(["pdffonts", str(target)], check=True, capture_output=True, text=True).stdout
    assert "NotoSansKhmer" in fonts
    (entry,) = audit_prints(chief)
    assert entry["kind"] == "referral_slip" and entry["target"] == referral.id
    assert entry["audience"] == "provider" and entry["lang"] == "en" and entry["fields"] == fields


def test_the_survivor_copy_leaves_out_her_person_code(chief: UnlockedOffice, tmp_path: Path) -> None:
    incident, referral = make_referral(chief)
    target = tmp_path / "mine.pdf"
    SlipService(chief).referral_slip(SlipRequest(referral.id, "survivor", "en"), target)
    text = text_of(target)
    assert "Appointment slip" in text and "Tonle Basak Health Centre" in text
    assert incident.survivor_code not in text and CANARY_NAME not in text


def test_identifying_fields_only_when_chosen_by_a_permitted_role(
    chief: UnlockedOffice, clerk: UnlockedOffice, tmp_path: Path
) -> None:
    _incident, referral = make_referral(chief)
    chosen = frozenset({"survivor_name", "survivor_birth_date"})
    with pytest.raises(PermissionDenied):
        SlipService(clerk).referral_slip(
            SlipRequest(referral.id, "provider", "en", chosen), tmp_path / "c.pdf"
        )
    assert not (tmp_path / "c.pdf").exists()
    assert SlipService(clerk).choices(referral.id).may_print_identifying is False
    SlipService(clerk).referral_slip(SlipRequest(referral.id, "provider", "en"), tmp_path / "plain.pdf")
    assert CANARY_NAME not in text_of(tmp_path / "plain.pdf")

    target = tmp_path / "named.pdf"
    fields = SlipService(chief).referral_slip(SlipRequest(referral.id, "provider", "en", chosen), target)
    text = text_of(target)
    assert CANARY_NAME in text and "17 May 1990" in text
    assert CANARY_PHONE not in text and NARRATIVE not in text and NOTE not in text
    assert {"survivor_name", "survivor_birth_date"} <= set(fields)
    assert audit_prints(chief)[-1]["fields"] == fields and audit_prints(chief)[-1]["actor"] == "chief"


def test_the_narrative_can_never_be_chosen(chief: UnlockedOffice, tmp_path: Path) -> None:
    _incident, referral = make_referral(chief)
    for bad in ({"narrative"}, {"note"}, {"survivor_name", "perpetrator_names"}):
        with pytest.raises(ValidationFailed):
            SlipService(chief).referral_slip(
                SlipRequest(referral.id, "provider", "en", frozenset(bad)), tmp_path / "x.pdf"
            )
    assert not (tmp_path / "x.pdf").exists()
    assert audit_prints(chief) == []


def test_refused_without_consent_and_without_override(chief: UnlockedOffice, tmp_path: Path) -> None:
    incident, referral = make_referral(chief)
    with chief.transaction(NOTHING) as s:  # she withdrew her consent after the referral
        s.get(Incident, incident.id).consent_services = "no"
    service = SlipService(chief)
    assert service.choices(referral.id).consent_ok is False
    with pytest.raises(ConsentRequired):
        service.referral_slip(SlipRequest(referral.id, "provider", "en"), tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()
    assert audit_prints(chief) == []


def test_an_overridden_referral_can_be_printed_and_says_so(chief: UnlockedOffice, tmp_path: Path) -> None:
    _incident, referral = make_referral(chief, consent="no", override="She is in immediate danger")
    assert SlipService(chief).choices(referral.id).consent_ok
    target = tmp_path / "override.pdf"
    SlipService(chief).referral_slip(SlipRequest(referral.id, "provider", "en"), target)
    text = text_of(target)
    assert "decision of the commune chief" in text
    assert "immediate danger" not in text  # the reason stays in the audit log


def test_a_khmer_slip_embeds_the_khmer_font(chief: UnlockedOffice, tmp_path: Path) -> None:
    incident, referral = make_referral(chief)
    target = tmp_path / "km.pdf"
    SlipService(chief).referral_slip(SlipRequest(referral.id, "survivor", "km"), target)
    fonts = subprocess.run(["pdffonts", str(target)], check=True, capture_output=True, text=True).stdout
    khmer = [line for line in fonts.splitlines() if "NotoSansKhmer" in line]
    assert khmer and all(line.split()[-5] == "yes" for line in khmer)
    text = text_of(target)
    assert incident.incident_code in text and CANARY_NAME not in text
