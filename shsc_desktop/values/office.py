"""Who this office is (level, code, names, parent): read at unlock, printed on every export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OfficeInfo:
    level: str
    code: str
    name_km: str
    name_en: str
    parent_code: str
    parent_name_km: str
    parent_name_en: str

    def name(self, lang: str) -> str:
        return self.name_km if lang == "km" else self.name_en

    def as_dict(self) -> dict[str, str]:
        return {
            "level": self.level,
            "code": self.code,
            "name_km": self.name_km,
            "name_en": self.name_en,
            "parent_code": self.parent_code,
            "parent_name_km": self.parent_name_km,
            "parent_name_en": self.parent_name_en,
        }

    @classmethod
    def from_dict(cls, d: dict[str, str]) -> OfficeInfo:
        return cls(**{k: d.get(k, "") for k in cls.__dataclass_fields__})
