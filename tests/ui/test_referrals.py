"""Referrals: consent, the chief's audited override, response and outcome, follow-ups due."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from shsc_desktop.models import gazetteer
from shsc_desktop.security.audit import Action
from shsc_desktop.services.admin import AdminService
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.incidents import IncidentDraft, IncidentService
from shsc_desktop.services.referrals import ReferralDraft, ReferralService
from shsc_desktop.views.form_helpers import reason_dialogs
from shsc_desktop.views.register_tables import FollowUpTableModel, ReferralTableModel

from ..conftest import COMMUNE_CODE
from .conftest import choose, open_as_chief, open_as_clerk, wait_for_operations

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


def _setup(office, consent: str) -> str:
    ContactService(office).create(
        ContactDraft("health_centre", frozenset({"health"}), name_en="Health Centre", phone="023 880 880")
    )
    incident = IncidentService(office).create(
        IncidentDraft(
            date_reported=TODAY,
            classification=(False, False, True),
            village_code=gazetteer.villages(COMMUNE_CODE)[0].code,
            consent_services=consent,
        )
    )
    return incident.incident_code


def _referral_of(qtbot, shell, new_office, consent: str, open_as):
    """The referrals page and a new referral's form for an incident with ``consent`` to services,
    opened by the user ``open_as`` signs in."""
    office, _ = new_office
    code = _setup(office, consent)
    office.lock("fixture done")
    return _new_referral(qtbot, open_as(qtbot, shell), code)


def _new_referral(qtbot, window, code: str):
    window.show_section("referrals")
    page = window.referrals_page
    qtbot.keyClicks(page.incident_code, code)
    qtbot.mouseClick(page.show_button, LEFT)
    wait_for_operations(qtbot)  # the incident and its referrals are read in the background
    assert page.incident is not None
    qtbot.mouseClick(page.new_button, LEFT)
    form = page.form
    form.service_type.setCurrentIndex(form.service_type.findData("health"))
    wait_for_operations(qtbot)  # and the service's providers
    assert form.provider.count() == 1 and form.provider.currentText() == "Health Centre"
    choose(form.urgency, "routine")
    choose(form.mode, "slip")
    form.follow_up_date.set_value(TODAY + timedelta(days=3))
    return page, form


def test_without_consent_the_clerk_is_refused_clearly(qtbot, shell, new_office):
    page, form = _referral_of(qtbot, shell, new_office, "no", open_as_clerk)
    assert "has not agreed" in form.consent_label.text()
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.isVisible()
    assert form.error.text().startswith("The survivor has not consented to being referred to services.")
    assert not form.override_button.isVisible()
    assert page.referral_model.rowCount() == 0


def test_the_chiefs_override_is_recorded_with_the_reason(qtbot, shell, new_office):
    page, form = _referral_of(qtbot, shell, new_office, "not_asked", open_as_chief)
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    assert form.override_button.isVisible()
    qtbot.mouseClick(form.override_button, LEFT)
    dialog = reason_dialogs()[0]
    qtbot.keyClicks(dialog.reason, "She is injured and cannot be asked now")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.referral_model.rowCount() == 1)
    assert page.referral_model.row_at(0).consent_overridden
    overrides = [
        line
        for line in AdminService(shell.office).recent_audit(50)
        if line.action == Action.CONSENT_OVERRIDDEN
    ]
    assert len(overrides) == 1
    # The follow-up appears in the list once it is due.
    page.include_week.setChecked(True)
    wait_for_operations(qtbot)
    assert any(f.kind == "referral" for f in page.follow_up_model.rows())


def test_response_and_outcome_are_updated(qtbot, shell, new_office):
    page, form = _referral_of(qtbot, shell, new_office, "yes", open_as_clerk)
    qtbot.mouseClick(form.save_button, LEFT)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.referral_model.rowCount() == 1)
    page.referral_table.selectRow(0)
    dialog = page.open_update()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("received"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    wait_for_operations(qtbot)
    assert dialog.problems.labels["outcome_date"].text() == "Set the date of the outcome."
    dialog.outcome_date.set_value(TODAY)
    qtbot.mouseClick(dialog.save_button, LEFT)
    wait_for_operations(qtbot)
    assert page.referral_model.row_at(0).outcome == "received"
    assert page.referral_model.index(0, ReferralTableModel.COL_OUTCOME).data() == "Service received"


def test_referral_models_pass_the_model_tester(qtmodeltester, chief):
    _setup(chief, "yes")
    incident = IncidentService(chief).query()[0][0]
    contact = ContactService(chief).search()[0]
    service = ReferralService(chief)
    service.create(incident.id, ReferralDraft("health", contact.id, TODAY, follow_up_date=TODAY))
    referrals = ReferralTableModel()
    referrals.set_rows(service.for_incident(incident.id))
    qtmodeltester.check(referrals)
    follow_ups = FollowUpTableModel()
    follow_ups.set_rows(service.due_follow_ups(TODAY))
    assert follow_ups.rowCount() == 1
    qtmodeltester.check(follow_ups)
