"""Form drafts: what a clerk had typed when the office locked, kept for her and only her.

When idle auto-lock or quick-hide fires with a record form open, the form's values are sealed to
the public key of the user's own key slot (``security.sealing.seal_to``) and stored in the office
database. Neither the data key nor another user's password opens them: only the private key of her
slot, which exists in memory only after *her* password has opened it (``UnlockedOffice.
slot_private``). She is offered the draft after her next unlock; reopening, discarding, keeping and
expiry are audited (form kind only, never values). Drafts expire after :data:`DRAFT_DAYS` days.
Changing her own password keeps the slot's key pair (her drafts still open); a chief's reset gives
the slot a new one, so drafts sealed to the old one can no longer be opened and are dropped when
found unreadable or expired.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from ..errors import NotFound
from ..models.base import new_id
from ..models.tables import FormDraft
from ..security import audit
from ..security.actions import Action
from ..security.sealing import open_sealed, seal_to
from ..values.changes import NOTHING
from .office import UnlockedOffice
from .validation import aware

DRAFT_DAYS = 7
TARGET = "form_draft"
MAX_DRAFT_BYTES = 1_000_000


@dataclass(frozen=True)
class DraftInfo:
    """A draft waiting for its user (no values: those open only with :meth:`DraftService.open`)."""

    id: str
    form_kind: str
    record_id: str
    created_at: datetime


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _context(username: str, draft_id: str, form_kind: str, record_id: str) -> str:
    return f"shsc form draft:{username}:{draft_id}:{form_kind}:{record_id}"


class DraftService:
    """Keep, list, reopen and discard the signed-in user's form drafts."""

    def __init__(
        self, office: UnlockedOffice, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.office = office
        self.username = office.actor.username
        self.now: Callable[[], datetime] = now if now is not None else _utc_now

    def keep(self, form_kind: str, record_id: str | None, state: dict[str, Any]) -> str | None:
        """Seal ``state`` to the user's slot key and store it; returns the draft id (``None`` if this
        user has no slot of her own to seal to)."""
        public = self.office.folder.vault.public_key(self.username)
        if public is None:
            return None
        draft_id = new_id()
        record = record_id or ""
        plain = json.dumps(state, ensure_ascii=False).encode()
        if len(plain) > MAX_DRAFT_BYTES:
            return None
        sealed = seal_to(public, plain, _context(self.username, draft_id, form_kind, record))
        now = self.now()
        with self.office.transaction(NOTHING) as s:
            s.add(
                FormDraft(
                    id=draft_id,
                    username=self.username,
                    form_kind=form_kind,
                    record_id=record,
                    sealed=sealed,
                    created_at=now,
                    expires_at=now + timedelta(days=DRAFT_DAYS),
                )
            )
            audit.record(s, self.username, Action.DRAFT_KEPT, TARGET, draft_id, {"form": form_kind})
        return draft_id

    def pending(self) -> list[DraftInfo]:
        """The user's drafts, newest first; expired drafts (anyone's) are deleted first."""
        now = self.now()
        with self.office.transaction(NOTHING) as s:
            for row in s.scalars(select(FormDraft)).all():
                if aware(row.expires_at) <= now:
                    audit.record(
                        s, self.username, Action.DRAFT_EXPIRED, TARGET, row.id, {"form": row.form_kind}
                    )
                    s.delete(row)
            rows = s.scalars(
                select(FormDraft)
                .where(FormDraft.username == self.username)
                .order_by(FormDraft.created_at.desc())
            ).all()
            return [DraftInfo(r.id, r.form_kind, r.record_id, aware(r.created_at)) for r in rows]

    def open(self, draft_id: str) -> dict[str, Any]:
        """The values of one of the user's drafts; the draft is deleted (it is back in a form).

        ``NotFound`` for another user's draft, a missing one, or one her key no longer opens.
        """
        with self.office.transaction(NOTHING) as s:
            row = s.get(FormDraft, draft_id)
            if row is None or row.username != self.username:
                raise NotFound("This draft does not exist.")
            private = self.office.slot_private
            plain = (
                open_sealed(private, row.sealed, _context(row.username, row.id, row.form_kind, row.record_id))
                if private is not None
                else None
            )
            action = Action.DRAFT_RESTORED if plain is not None else Action.DRAFT_DISCARDED
            audit.record(s, self.username, action, TARGET, row.id, {"form": row.form_kind})
            s.delete(row)
        if plain is None:
            raise NotFound("This draft can no longer be opened.")
        state = json.loads(plain.decode())
        if not isinstance(state, dict):
            raise NotFound("This draft can no longer be opened.")
        return state

    def discard(self, draft_id: str) -> None:
        with self.office.transaction(NOTHING) as s:
            row = s.get(FormDraft, draft_id)
            if row is None or row.username != self.username:
                raise NotFound("This draft does not exist.")
            audit.record(s, self.username, Action.DRAFT_DISCARDED, TARGET, row.id, {"form": row.form_kind})
            s.delete(row)
