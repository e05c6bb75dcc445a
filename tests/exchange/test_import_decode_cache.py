"""The batch cache decodes the SignedData parts that repeat once, by their exact DER bytes
(``bundle._parse_fully``): a part with other bytes is decoded again, so a malformed one is still
refused after good bundles warmed the cache."""

from __future__ import annotations

import re

import pytest
from cryptography.hazmat.primitives.serialization import pkcs7

from shsc_desktop.errors import BundleRejected
from shsc_desktop.exports import bundle_build, bundle_verify

from .conftest import World


def _inner(world: World, data: bytes) -> bytes:
    office = world.districts["1201"]
    return pkcs7.pkcs7_decrypt_der(data, office.enc_cert, office.enc_key, [])


def _bad_signing_time(inner: bytes) -> bytes:
    """The signed attribute ``signingTime`` (UTCTime, 13 characters) with letters for its year: the
    last UTCTime of the SignedData (the signer infos come after the certificates and CRLs)."""
    found = list(re.finditer(rb"\x17\x0d\d{12}Z", inner))[-1]
    at = found.start() + 2
    return inner[:at] + b"YY" + inner[at + 2 :]


@pytest.mark.parametrize("warm", [False, True])
def test_an_undecodable_signed_attribute_is_refused_with_or_without_a_warm_cache(
    world: World, good_bundle: bytes, warm: bool
) -> None:
    district = world.districts["1201"]
    cache = bundle_verify.VerifyCache()
    if warm:
        world.open(good_bundle, district, cache=cache)
        assert cache._decoded
    tampered = bundle_build.envelope(_bad_signing_time(_inner(world, good_bundle)), district.enc_cert)
    with pytest.raises(BundleRejected) as err:
        world.open(tampered, district, cache=cache)
    assert err.value.reason == "cannot_decrypt"


def test_the_repeated_parts_are_decoded_once(world: World, good_bundle: bytes) -> None:
    district = world.districts["1201"]
    cache = bundle_verify.VerifyCache()
    first = world.open(good_bundle, district, cache=cache)
    decoded = set(cache._decoded)
    again = world.open(good_bundle, district, cache=cache)
    assert cache._decoded == decoded  # nothing new: every part was known by its bytes
    assert again.payload == first.payload
