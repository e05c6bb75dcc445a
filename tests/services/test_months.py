"""Month approval: the chief approves, records lock, reopening needs a reason; all audited."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from shsc_desktop.errors import PermissionDenied, ValidationFailed
from shsc_desktop.models.tables import AuditEntry
from shsc_desktop.services.months import MonthService, add_months, period_of
from shsc_desktop.services.office import UnlockedOffice

TODAY = date.today()


def test_approve_and_reopen_with_a_reason(chief: UnlockedOffice, clerk: UnlockedOffice) -> None:
    period = add_months(period_of(TODAY), -1)
    with pytest.raises(PermissionDenied):
        MonthService(clerk).approve(period)

    approved = MonthService(chief).approve(period)
    assert approved.approved and approved.approved_by == "chief"
    assert MonthService(clerk).status(period).status == "approved"
    with pytest.raises(ValidationFailed):
        MonthService(chief).approve(period)

    with pytest.raises(ValidationFailed) as caught:
        MonthService(chief).reopen(period, "")
    assert "reason" in caught.value.problems
    with pytest.raises(PermissionDenied):
        MonthService(clerk).reopen(period, "a late report arrived")
    reopened = MonthService(chief).reopen(period, "a late report arrived")
    assert not reopened.approved and reopened.reopen_reason == "a late report arrived"

    with chief.reading() as s:
        entries = list(
            s.scalars(select(AuditEntry).where(AuditEntry.target_type == "month").order_by(AuditEntry.seq))
        )
    assert [e.action for e in entries] == ["month_approved", "month_reopened"]
    assert json.loads(entries[1].details)["reason"] == "a late report arrived"


def test_future_and_malformed_months_cannot_be_approved(chief: UnlockedOffice) -> None:
    with pytest.raises(ValidationFailed):
        MonthService(chief).approve(add_months(period_of(TODAY), 1))
    with pytest.raises(ValidationFailed):
        MonthService(chief).approve("2025-13")
    with pytest.raises(ValidationFailed):
        MonthService(chief).reopen(period_of(TODAY), "never approved")
    recent = MonthService(chief).recent(3)
    assert [m.period for m in recent] == [add_months(period_of(TODAY), -i) for i in range(3)]
    assert not any(m.approved for m in recent)
