"""Replay, sequence, revision and period rules of the import service (services.exchange_rules.decide)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from shsc_desktop.errors import BundleRejected
from shsc_desktop.exports.bundle_payload import VerifiedBundle
from shsc_desktop.services import exchange_rules as exchange
from shsc_desktop.services.exchange_rules import MemoryReceivedLog, Outcome, ReceivedBundle

from .conftest import World

NOW = dt.datetime(2025, 7, 3, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def make(world: World) -> Any:
    cache: dict[tuple[Any, ...], VerifiedBundle] = {}

    def _make(
        sequence: int = 1,
        period: str = "2025-06",
        revision: int = 1,
        bundle_id: str | None = None,
        commune: str = "120101",
    ) -> VerifiedBundle:
        key = (sequence, period, revision, bundle_id, commune)
        if key not in cache:
            payload = world.payload(
                sequence=sequence,
                period=period,
                revision=revision,
                bundle_id=bundle_id,
                created_at=dt.datetime(2025, 7, 1, tzinfo=dt.UTC),
            )
            data = world.bundle(world.communes[commune], payload=payload)
            cache[key] = world.open(data, world.districts["1201"])
        return cache[key]

    return _make


def _reason(vb: VerifiedBundle, log: MemoryReceivedLog, **kw: Any) -> str:
    with pytest.raises(BundleRejected) as err:
        exchange.decide(vb, log, NOW, **kw)
    return err.value.reason


def test_lifecycle(make: Any) -> None:
    log = MemoryReceivedLog()
    first = make(sequence=1, bundle_id="11111111-1111-4111-8111-111111111111")
    assert exchange.decide(first, log, NOW) == exchange.Decision(Outcome.IMPORTED)
    log.record(ReceivedBundle.of(first))
    # re-import of the same bundle (even re-exported: new file bytes, same content) is a no-op
    assert exchange.decide(first, log, NOW).outcome is Outcome.ALREADY_IMPORTED
    revised = make(sequence=2, revision=2, bundle_id="22222222-2222-4222-8222-222222222222")
    assert exchange.decide(revised, log, NOW).outcome is Outcome.UPDATED
    log.record(ReceivedBundle.of(revised))
    older = make(sequence=3, revision=1, bundle_id="33333333-3333-4333-8333-333333333333")
    assert _reason(older, log) == "older_revision"
    same_revision = make(sequence=3, revision=2, bundle_id="44444444-4444-4444-8444-444444444444")
    assert _reason(same_revision, log) == "conflict"
    replay = make(sequence=2, period="2025-05", bundle_id="55555555-5555-4555-8555-555555555555")
    assert _reason(replay, log) == "replayed"
    gap = make(sequence=5, period="2025-05", bundle_id="66666666-6666-4666-8666-666666666666")
    assert exchange.decide(gap, log, NOW) == exchange.Decision(Outcome.IMPORTED, gap=2)
    # other communes have their own sequence
    other = make(sequence=1, commune="120102", bundle_id="77777777-7777-4777-8777-777777777777")
    assert exchange.decide(other, log, NOW).outcome is Outcome.IMPORTED


def test_same_id_different_content_is_a_conflict(make: Any) -> None:
    log = MemoryReceivedLog()
    vb = make(sequence=1, bundle_id="88888888-8888-4888-8888-888888888888")
    log.record(ReceivedBundle(vb.bundle_id, "0" * 64, vb.sender_code, vb.period, vb.revision, vb.sequence))
    assert _reason(vb, log) == "conflict"


def test_future_period_and_fast_forward(make: Any) -> None:
    log = MemoryReceivedLog()
    assert _reason(make(period="2025-08"), log) == "future_period"
    assert exchange.decide(make(period="2025-07"), log, NOW).outcome is Outcome.IMPORTED  # this month
    far = make(sequence=exchange.MAX_SEQUENCE_JUMP + 2)
    assert _reason(far, log) == "sequence_jump"
    assert exchange.decide(far, log, NOW, allow_sequence_jump=True).gap == exchange.MAX_SEQUENCE_JUMP + 1
