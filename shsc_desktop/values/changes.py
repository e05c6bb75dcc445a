"""What a write changed: the change notice every page hears (Anki's ``OpChanges``).

A write operation (``views.operations.run_write``) says what it changed with one :class:`Changes`
value; the office-wide notifier passes it to every page, and each page decides from it whether to
reload. No Qt here: a service or the command line can name what it changed too.
"""

from __future__ import annotations

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
