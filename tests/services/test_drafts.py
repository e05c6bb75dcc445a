"""Form drafts kept at lock time: sealed to their user's own key, audited, expiring."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from shsc_desktop.errors import NotFound
from shsc_desktop.models.tables import AuditEntry, FormDraft
from shsc_desktop.services.drafts import DRAFT_DAYS, DraftService

from ..conftest import CHIEF, CLERK

STATE = {"rows": {}, "cells": {}, "values": ["Srey Pov", "high", 37, True]}


def _audit(office) -> list[tuple[str, str, str]]:
    with office.reading() as s:
        return [
            (e.actor, e.action, e.details) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]


def test_only_the_user_who_typed_a_draft_can_open_it(folder, chief, clerk):
    draft_id = DraftService(clerk).keep("incident", None, STATE)
    assert draft_id is not None
    with clerk.reading() as s:
        sealed = s.get(FormDraft, draft_id).sealed
    assert b"Srey Pov" not in sealed and b"high" not in sealed  # nothing typed is stored in the clear

    # The chief (another password, the same data key) neither sees nor opens it.
    other = folder.unlock(*CHIEF)
    try:
        assert DraftService(other).pending() == []
        with pytest.raises(NotFound):
            DraftService(other).open(draft_id)
    finally:
        other.lock("test")
    # Her own session, after her own password, opens it once.
    (info,) = DraftService(clerk).pending()
    assert (info.id, info.form_kind) == (draft_id, "incident")
    assert DraftService(clerk).open(draft_id) == STATE
    assert DraftService(clerk).pending() == []
    with pytest.raises(NotFound):
        DraftService(clerk).open(draft_id)
    actions = [(actor, action) for actor, action, _ in _audit(clerk) if action.startswith("draft_")]
    assert actions == [(CLERK[0], "draft_kept"), (CLERK[0], "draft_restored")]
    assert all("Srey" not in details for _, _, details in _audit(clerk))


def test_without_her_slot_key_the_data_key_alone_opens_nothing(clerk):
    draft_id = DraftService(clerk).keep("meeting", "m1", STATE)
    assert draft_id is not None
    clerk.slot_private = None  # e.g. a session opened with the recovery key
    with pytest.raises(NotFound):
        DraftService(clerk).open(draft_id)


def test_drafts_expire_and_the_expiry_is_audited(clerk):
    DraftService(clerk).keep("contact", None, STATE)
    later = datetime.now(UTC) + timedelta(days=DRAFT_DAYS, minutes=1)
    assert DraftService(clerk, now=lambda: later).pending() == []
    with clerk.reading() as s:
        assert s.scalars(select(FormDraft)).all() == []
    assert any(action == "draft_expired" for _, action, _ in _audit(clerk))
