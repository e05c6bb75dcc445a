"""The life of a register record: load it, check who may act, change it, audit the change.

The four registers (incidents, referrals, meetings, the directory) share this one skeleton so that
"not found", "not allowed", "give a reason" and the audit entry read and behave the same in every
one of them. A register keeps what is its own (its fields, what a deletion erases) and passes it in:

    lifecycle.delete_with_reason(
        office, REGISTER, record_id, reason, before=lambda s, row: {"minutes_erased": ...}
    )

Nothing here knows a register's fields, so a register can grow new ones without touching this file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import LoaderOption

from ..errors import NotFound
from ..problems import Problem
from ..security import audit
from ..security.audit import Action
from ..security.permissions import Actor, Perm, require
from ..values.changes import Changes
from . import identities, months
from . import validation as v
from .office import UnlockedOffice


class Record(Protocol):
    """What every register row has (``models.base.RecordMixin``)."""

    id: Any
    version: Any
    updated_by: Any


R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Register(Generic[R]):
    """One register, as the lifecycle sees it.

    ``target`` names the record in the audit log (and so its register: :attr:`changes` is what a
    write to it changes, for the change notice), ``gone`` is the message of :class:`NotFound` (a
    coded :mod:`~shsc_desktop.problems` message); ``live`` are the conditions
    a row must meet to be seen (by default, for a ``soft`` register: not deleted; a referral's also
    that its incident is not deleted); ``options`` what to load with
    it; ``soft`` whether deleting keeps the row (``deleted`` and ``deleted_reason``) or removes it (the
    directory, whose entries hold no survivor: the reason is kept in the audit log);
    ``delete_perm`` who may delete.
    """

    model: type[R]
    target: str
    gone: Problem
    live: Callable[[], Iterable[ColumnElement[bool]]] | None = None
    options: Callable[[], Iterable[LoaderOption]] = lambda: ()
    soft: bool = True
    delete_perm: Perm = Perm.RECORDS_DELETE
    month_locked: bool = True  # deleting is refused in an approved month (``row.period``)

    def __post_init__(self) -> None:
        if self.target not in REGISTER_OF_TARGET:  # a programming error: the unknown target alone
            raise ValueError(self.target)

    @property
    def changes(self) -> Changes:
        """What a write to this register changes: the register its records are listed in."""
        return Changes.of_registers(REGISTER_OF_TARGET[self.target])


# The audit log's name of a register's record, and the register (``values.changes.REGISTERS``) it is in.
REGISTER_OF_TARGET = {
    "incident": "incidents",
    "referral": "referrals",
    "meeting": "meetings",
    "contact": "contacts",
}


def not_found(register: Register[Any]) -> NotFound:
    return NotFound(register.gone)


def load(s: Session, register: Register[R], record_id: str) -> R:
    """The live row ``record_id`` of ``register``, or :class:`NotFound`."""
    model: Any = register.model
    if register.live is not None:
        live = tuple(register.live())
    else:
        live = (model.deleted.is_(False),) if register.soft else ()
    row = s.scalar(select(model).where(model.id == record_id, *live).options(*register.options()).limit(1))
    if row is None:
        raise not_found(register)
    return row  # type: ignore[no-any-return]


def new(model: Callable[..., R], actor: Actor, **values: Any) -> R:
    """A new row of a register (``model``), written by ``actor``: its first version."""
    return model(created_by=actor.username, updated_by=actor.username, version=1, **values)


def touch(row: Record, actor: Actor) -> None:
    """A change to ``row``: its version moves on and its last editor is ``actor``."""
    row.version += 1
    row.updated_by = actor.username


def record(
    s: Session, actor: Actor, action: str, register: Register[Any], row_id: str, details: dict[str, Any]
) -> None:
    """The audit entry of a change, in the change's transaction."""
    audit.record(s, actor.username, action, register.target, row_id, details)


def delete_with_reason(
    office: UnlockedOffice,
    register: Register[R],
    record_id: str,
    reason: str,
    before: Callable[[Session, R], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Delete one record, with a reason: the same steps in every register.

    Permission first (before anything is read), then the reason, then the live row (or
    :class:`NotFound`), its month still open, the register's own step (``before``: a check, or
    erasing what must not outlive the record; it returns details for the audit entry), the row
    marked deleted with its reason (or removed), and the audit entry with the reason, all in one
    transaction. Returns the audit details.
    """
    actor = office.actor
    require(actor, register.delete_perm)
    text = v.require_reason(reason)
    with office.transaction(register.changes) as s:
        row = load(s, register, record_id)
        if register.month_locked:
            months.ensure_open(s, row.period)  # type: ignore[attr-defined]
        details: dict[str, Any] = {"reason": text}
        if before is not None:
            details.update(before(s, row))
        if register.soft:
            row.deleted = True  # type: ignore[attr-defined]
            row.deleted_reason = text  # type: ignore[attr-defined]
            touch(row, actor)
        else:
            s.delete(row)
        s.flush()
        record(s, actor, Action.RECORD_DELETED, register, record_id, details)
    identities.forget_old_pages(office)
    return details
