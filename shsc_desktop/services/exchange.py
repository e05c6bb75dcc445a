"""Import decisions for verified bundles: replay, sequence, revision and period (DESIGN.md §4).

``exports.bundle.open_bundle`` proves *who* sent *what* to *whom*. Whether this office should apply it
depends on what it has already received; that state lives in the encrypted database (the tables come
with the import service proper) and is reached here through the ``ReceivedLog`` protocol, so the rules
are pure and tested on their own.

Rules (security.md §5.4, TUF's rollback / fast-forward lessons), per sender:

* same ``bundle_id`` and same signed content → ``already_imported`` (a re-import is a no-op);
* same ``bundle_id`` with different content → rejected ``conflict`` (someone reused an id: alert);
* period after the current month → rejected ``future_period``;
* a newer revision of a month already received → ``updated``; an older one → ``older_revision``;
  the same revision with different content → ``conflict``;
* ``sequence`` not above the highest accepted from this sender → ``replayed``;
* ``sequence`` more than ``MAX_SEQUENCE_JUMP`` above it → ``sequence_jump`` (fast-forward defence),
  unless a chief confirms; a smaller gap is accepted and reported (a bundle is missing);
* otherwise ``imported``.

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
from ..exports.bundle import VerifiedBundle

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

    def highest_sequence(self, sender_code: str) -> int: ...


class MemoryReceivedLog:
    """An in-memory ``ReceivedLog`` (tests, dry runs over a batch)."""

    def __init__(self) -> None:
        self.entries: list[ReceivedBundle] = []

    def record(self, entry: ReceivedBundle) -> None:
        self.entries.append(entry)

    def by_bundle_id(self, bundle_id: str) -> ReceivedBundle | None:
        return next((e for e in self.entries if e.bundle_id == bundle_id), None)

    def latest_for_month(self, sender_code: str, period: str) -> ReceivedBundle | None:
        found = [e for e in self.entries if e.sender_code == sender_code and e.period == period]
        return max(found, key=lambda e: e.revision) if found else None

    def highest_sequence(self, sender_code: str) -> int:
        return max((e.sequence for e in self.entries if e.sender_code == sender_code), default=0)


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    gap: int = 0  # how many sequence numbers were skipped (missing bundles to ask for)


def _current_period(now: dt.datetime) -> str:
    return f"{now.year:04d}-{now.month:02d}"


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
    highest = log.highest_sequence(vb.sender_code)
    if vb.sequence <= highest:
        raise BundleRejected(
            "replayed",
            f"Bundle number {vb.sequence} from {vb.sender_code} is not newer than number {highest}, "
            "already imported; it is an old or replayed bundle.",
        )
    if vb.sequence > highest + MAX_SEQUENCE_JUMP and not allow_sequence_jump:
        raise BundleRejected(
            "sequence_jump",
            f"Bundle number {vb.sequence} from {vb.sender_code} jumps far ahead of number {highest}; "
            "a chief must confirm it.",
        )
    return Decision(outcome, gap=vb.sequence - highest - 1)
