"""Who handles a case: the CCWC focal point (issue 11, roles), and whose identities she may open.

- a case's worker is an active user with the focal-point role (``incident.case_worker_id``);
- when a focal point records a case she becomes its worker unless another focal point is named;
  after that only the chief (``ASSIGN_CASES``) changes it (or clears it);
- a focal point opens the identifying details of *her own* cases only. The chief, and a clerk the
  chief granted identity access, open every case's. This is a rule of the services: the focal
  point's slot holds the office's one identity key, which opens every sealed record, so the key
  alone is not the boundary (docs/security.md, "Case workers").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import PermissionDenied, ValidationFailed
from ..models.tables import User
from ..security.permissions import Actor, Perm, Role, handles_own_cases_only, require
from . import validation as v

if TYPE_CHECKING:
    from .office import UnlockedOffice

FIELD = "case_worker_id"


@dataclass(frozen=True)
class CaseWorker:
    user_id: str
    username: str
    full_name: str

    @property
    def label(self) -> str:
        return f"{self.full_name} ({self.username})" if self.full_name else self.username


def case_workers(office: UnlockedOffice) -> list[CaseWorker]:
    """The office's active focal points, by user name (reads no identifying detail)."""
    require(office.actor, Perm.RECORDS_READ)
    with office.reading() as s:
        rows = s.execute(
            select(User.id, User.username, User.full_name)
            .where(User.active.is_(True), User.role == Role.FOCAL_POINT.value)
            .order_by(User.username)
        )
        return [CaseWorker(*row) for row in rows]


def may_open(actor: Actor, case_worker_id: str | None) -> bool:
    """Whether ``actor`` may open the identifying details of a case handled by ``case_worker_id``."""
    if not actor.can(Perm.VIEW_IDENTIFYING):
        return False
    return not handles_own_cases_only(actor) or (
        case_worker_id is not None and case_worker_id == actor.user_id
    )


def require_open(actor: Actor, case_worker_id: str | None) -> None:
    """``PermissionDenied`` unless :func:`may_open` (checked before any audit entry or opening)."""
    require(actor, Perm.VIEW_IDENTIFYING)
    if not may_open(actor, case_worker_id):
        raise PermissionDenied(
            f"The role '{actor.role.value}' sees identifying details only of the cases she handles."
        )


def _check_focal_point(s: Session, user_id: str) -> str:
    role = s.scalar(select(User.role).where(User.id == user_id, User.active.is_(True)))
    if role != Role.FOCAL_POINT.value:
        raise ValidationFailed({FIELD: v.NOT_A_FOCAL_POINT})
    return user_id


def on_create(s: Session, actor: Actor, wanted: str | None) -> str | None:
    """The worker of a new case: ``wanted`` (a focal point), else the focal point recording it."""
    if wanted:
        return _check_focal_point(s, wanted)
    return actor.user_id if actor.role is Role.FOCAL_POINT else None


def on_update(s: Session, actor: Actor, current: str | None, wanted: str | None) -> str | None:
    """The worker after an edit: ``wanted`` None keeps ``current``; "" clears it; an id names a focal
    point. Changing it needs ``ASSIGN_CASES`` (the chief)."""
    if wanted is None or (wanted or None) == current:
        return current
    require(actor, Perm.ASSIGN_CASES)
    return _check_focal_point(s, wanted) if wanted else None


__all__ = ["CaseWorker", "case_workers", "may_open", "on_create", "on_update", "require_open"]
