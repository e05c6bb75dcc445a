"""Import decisions for verified bundles: replay, sequence, revision and period (DESIGN.md §4).

``exports.bundle_open.open_bundle`` proves *who* sent *what* to *whom*. Whether this office should apply it
depends on what it has already received; that state lives in the encrypted database (read by
``exchange_import.BatchLog``) and is reached here through the ``ReceivedLog`` protocol, so the rules
are pure and tested on their own.

Rules (security.md §5.4, TUF's rollback / fast-forward lessons), per sender:

* same ``bundle_id`` and same signed content → ``already_imported`` (a re-import is a no-op);
* same ``bundle_id`` with different content → rejected ``conflict`` (someone reused an id: alert);
* period after the current month → rejected ``future_period``;
* a newer revision of a month already received → ``updated``; an older one → ``older_revision``;
  the same revision with different content → ``conflict``;
* ``sequence`` already used by another bundle of this sender → ``replayed``. The sequence numbers
  seen form a *set*: any unseen number is accepted in any order, so a late October (1) after
  November (2) is imported, and the numbers still missing are reported as gaps;
* ``sequence`` more than ``MAX_SEQUENCE_JUMP`` above the highest seen → ``sequence_jump``
  (fast-forward defence), unless a chief confirms;
* otherwise ``imported``.

A re-export of the same approval is the same signed content (same bundle id and sequence): it is
``already_imported`` where it arrived, imported where the first copy was lost, and leaves no gap.

The caller records the accepted bundle (id, content hash, sender, period, revision, sequence) in the
same transaction as the imported tables, so a crash leaves nothing or everything.
"""

from __future__ import annotations

import datetime as dt
import enum
import hmac
from dataclasses import dataclass
from typing import Protocol

from ..errors import BundleRejected
from ..exports.bundle_payload import VerifiedBundle
from ..values import period as months

MAX_SEQUENCE_JUMP = 1000


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    ALREADY_IMPORTED = "already_imported"


@dataclass(frozen=True)
class ReceivedBundle:
    """What the recipient keeps about each bundle it applied."""

    bundle_id: str
    content_sha256: str
    sender_code: str
    period: str
    revision: int
    sequence: int

    @classmethod
    def of(cls, vb: VerifiedBundle) -> ReceivedBundle:
        return cls(vb.bundle_id, vb.content_sha256, vb.sender_code, vb.period, vb.revision, vb.sequence)


class ReceivedLog(Protocol):
    def by_bundle_id(self, bundle_id: str) -> ReceivedBundle | None: ...

    def latest_for_month(self, sender_code: str, period: str) -> ReceivedBundle | None: ...

    def sequences(self, sender_code: str) -> set[int]: ...


class MemoryReceivedLog:
    """A plain in-memory ``ReceivedLog`` (the rules' own tests)."""

    def __init__(self) -> None:
        self.entries: list[ReceivedBundle] = []

    def record(self, entry: ReceivedBundle) -> None:
        self.entries.append(entry)

    def by_bundle_id(self, bundle_id: str) -> ReceivedBundle | None:
        return next((e for e in self.entries if e.bundle_id == bundle_id), None)

    def latest_for_month(self, sender_code: str, period: str) -> ReceivedBundle | None:
        found = [e for e in self.entries if e.sender_code == sender_code and e.period == period]
        return max(found, key=lambda e: e.revision) if found else None

    def sequences(self, sender_code: str) -> set[int]:
        return {e.sequence for e in self.entries if e.sender_code == sender_code}


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    gap: int = 0  # sequence numbers below this one not received yet (missing bundles to ask for)


def missing_sequences(seen: set[int]) -> tuple[int, ...]:
    """The numbers from 1 to the highest seen that have not arrived: bundles to ask for."""
    return tuple(n for n in range(1, max(seen, default=0)) if n not in seen)


def _current_period(now: dt.datetime) -> str:
    return months.of(now)


def decide(
    vb: VerifiedBundle, log: ReceivedLog, now: dt.datetime, *, allow_sequence_jump: bool = False
) -> Decision:
    """What to do with a verified bundle; a refusal is a ``BundleRejected`` with its own reason."""
    same = log.by_bundle_id(vb.bundle_id)
    if same is not None:
        if hmac.compare_digest(same.content_sha256, vb.content_sha256):
            return Decision(Outcome.ALREADY_IMPORTED)
        raise BundleRejected(
            "conflict",
            f"Bundle {vb.bundle_id} from {vb.sender_code} was already imported with different content; "
            "this may be an attack. Tell the chief.",
        )
    if vb.period > _current_period(now):  # "YYYY-MM" strings order like the months
        raise BundleRejected(
            "future_period", f"The bundle reports {vb.period}, a month that has not happened yet."
        )
    previous = log.latest_for_month(vb.sender_code, vb.period)
    outcome = Outcome.IMPORTED
    if previous is not None:
        if vb.revision < previous.revision:
            raise BundleRejected(
                "older_revision",
                f"{vb.sender_code} {vb.period}: revision {vb.revision} is older than revision "
                f"{previous.revision}, already imported.",
            )
        if vb.revision == previous.revision:
            raise BundleRejected(
                "conflict",
                f"{vb.sender_code} {vb.period}: a different bundle with the same revision "
                f"{vb.revision} was already imported. Tell the chief.",
            )
        outcome = Outcome.UPDATED
    seen = log.sequences(vb.sender_code)
    if vb.sequence in seen:
        raise BundleRejected(
            "replayed",
            f"Bundle number {vb.sequence} from {vb.sender_code} was already imported as another "
            "bundle; this one is a replayed or forged copy.",
        )
    highest = max(seen, default=0)
    if vb.sequence > highest + MAX_SEQUENCE_JUMP and not allow_sequence_jump:
        raise BundleRejected(
            "sequence_jump",
            f"Bundle number {vb.sequence} from {vb.sender_code} jumps far ahead of number {highest}; "
            "a chief must confirm it.",
        )
    return Decision(outcome, gap=sum(1 for n in range(1, vb.sequence) if n not in seen))
