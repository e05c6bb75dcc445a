"""Property-based fuzzing of ``open_bundle``: whatever the input, only ``BundleRejected`` may escape.

Three generators: arbitrary bytes; a valid bundle mutated (flips, truncations, insertions, splices);
and structure-aware mutations of the *signed payload* re-signed and re-encrypted with the test keys,
so that mutations get past the signature and reach the payload parser (the atheris custom-mutator
idea of security.md §7, done with Hypothesis).
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shsc_desktop.errors import BundleRejected
from shsc_desktop.exports import bundle_build, bundle_payload

from .conftest import World

# SHSC_FUZZ_EXAMPLES raises the budget for a long (nightly) run; the default keeps the suite fast.
EXAMPLES = int(os.environ.get("SHSC_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def _must_reject_or_verify(world: World, data: bytes) -> None:
    try:
        vb = world.open(data, world.districts["1201"])
    except BundleRejected as err:
        assert err.reason in REASONS, err.reason
        return
    # If it opens, it must be a fully valid bundle from a commune of this district.
    assert bundle_payload.validate_payload(vb.payload) == []
    assert vb.recipient_code == "1201"


REASONS = {
    "too_large",
    "not_a_bundle",
    "cannot_decrypt",
    "bad_signature",
    "unknown_signer",
    "untrusted_chain",
    "cert_expired",
    "revoked",
    "crl_expired",
    "crl_missing",
    "wrong_recipient",
    "sender_mismatch",
    "schema_unknown",
    "malformed_payload",
}


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(world: World, data: bytes) -> None:
    _must_reject_or_verify(world, data)


@st.composite
def _mutations(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "set", "truncate", "insert", "delete", "splice"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set":
            data[i] = draw(st.sampled_from([0x00, 0x80, 0xFF, 0x30, 0x04, 0x81, 0x84]))
        elif kind == "truncate":
            del data[i:]
        elif kind == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[i : i + draw(st.integers(1, 64))]
        else:
            j = draw(st.integers(0, len(original) - 1))
            data[i : i + 32] = original[j : j + 32]
    return bytes(data)


@FUZZ
@given(seed=st.data())
def test_mutated_bundle(world: World, good_bundle: bytes, seed: st.DataObject) -> None:
    _must_reject_or_verify(world, seed.draw(_mutations(good_bundle)))


_json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**63), 2**63), st.text(max_size=20), st.floats(allow_nan=False)
)
_json = st.recursive(
    _json_leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def _payload_mutations(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    payload = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from([*sorted(payload), "unexpected"]))
        action = draw(st.sampled_from(["replace", "drop", "nested"]))
        if action == "drop":
            payload.pop(key, None)
        elif action == "nested" and isinstance(payload.get(key), dict) and payload[key]:
            sub = draw(st.sampled_from(sorted(payload[key])))
            payload[key][sub] = draw(_json)
        else:
            payload[key] = draw(_json)
    return payload


@settings(
    max_examples=max(100, EXAMPLES // 2),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
@given(seed=st.data())
def test_resigned_payload_mutations(world: World, seed: st.DataObject) -> None:
    commune = world.communes["120101"]
    district = world.districts["1201"]
    base = bundle_build.full_payload(world.payload(), commune.signing_cert, district.enc_cert)
    payload = seed.draw(_payload_mutations(base))
    try:
        content = bundle_payload.canonical_json(payload)
    except ValueError:  # infinities: not JSON; nothing to sign
        return
    signed = bundle_build.sign_content(
        content, commune.signing_key, commune.signing_cert, [district.chain[0]], commune.crls
    )
    data = bundle_build.envelope(signed, district.enc_cert)
    if content == bundle_payload.canonical_json(base):  # (1.0 == 1 == True: compare bytes, not dicts)
        world.open(data, district)
    else:
        _must_reject_or_verify(world, data)
