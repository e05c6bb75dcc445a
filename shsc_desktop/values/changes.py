"""What a write changed: the change notice every page hears (Anki's ``OpChanges``).

The write itself says what it changes: every database transaction names a :class:`Changes` value
(``UnlockedOffice.transaction(changes)``, ``NOTHING`` for one that changes nothing a page shows),
and once it has committed that value goes to the operation :func:`collecting` on this thread, if
any. A write operation (``views.operations.run_write``) collects what its work's committed
transactions named and hands it to the office-wide notifier, which passes it to every page; each
page decides from it whether to reload. A transaction rolled back adds nothing. No Qt here: the
command line writes through the same services and simply collects nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

REGISTERS = ("incidents", "referrals", "meetings", "contacts")


@dataclass(frozen=True)
class Changes:
    """Which registers, months (``YYYY-MM``, their approval) and settings (keys) a write touched;
    ``accounts`` and ``exchange`` for users and bundles/notices. Combine two with ``|``."""

    registers: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    settings: frozenset[str] = frozenset()
    accounts: bool = False
    exchange: bool = False

    def __post_init__(self) -> None:
        unknown = set(self.registers) - set(REGISTERS)
        if unknown:
            raise ValueError(f"not a register: {sorted(unknown)}")

    @classmethod
    def of_registers(cls, *registers: str) -> Changes:
        return cls(registers=frozenset(registers))

    @classmethod
    def of_month(cls, period: str) -> Changes:
        return cls(months=frozenset((period,)))

    @classmethod
    def of_settings(cls, *keys: str) -> Changes:
        return cls(settings=frozenset(keys))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            registers=self.registers | other.registers,
            months=self.months | other.months,
            settings=self.settings | other.settings,
            accounts=self.accounts or other.accounts,
            exchange=self.exchange or other.exchange,
        )

    def __bool__(self) -> bool:
        return bool(self.registers or self.months or self.settings or self.accounts or self.exchange)

    def touches(self, *registers: str) -> bool:
        """True when any of ``registers`` changed."""
        return any(r in self.registers for r in registers)

    @property
    def any_month(self) -> bool:
        """A month was approved or reopened (record locks and the month's figures changed)."""
        return bool(self.months)


NOTHING = Changes()
"""What a transaction that changes nothing a page shows names (an audit entry alone, a draft)."""
ACCOUNTS = Changes(accounts=True)
EXCHANGED = Changes(exchange=True)


class Collected:
    """What the committed transactions of one operation changed, so far (``collecting``)."""

    def __init__(self) -> None:
        self.changes = NOTHING

    def add(self, changes: Changes) -> None:
        self.changes = self.changes | changes


_collecting: ContextVar[Collected | None] = ContextVar("shsc_collecting_changes", default=None)


@contextlib.contextmanager
def collecting() -> Iterator[Collected]:
    """Collect, until the block ends, what the transactions committed in it (on this thread, or in
    this context) changed. A context variable does not flow into another thread by itself: the
    background runner opens the collection inside the job, on the worker thread. An enclosing
    collection receives what this one collected when it ends."""
    collected = Collected()
    token = _collecting.set(collected)
    try:
        yield collected
    finally:
        _collecting.reset(token)
        outer = _collecting.get()
        if outer is not None:
            outer.add(collected.changes)


def committed(changes: Changes) -> None:
    """A transaction that named ``changes`` has committed: tell the collection open here, if any
    (outside one, e.g. on the command line, nothing listens and nothing is kept)."""
    collected = _collecting.get()
    if collected is not None:
        collected.add(changes)
