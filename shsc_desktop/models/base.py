"""Declarative base and the sensitivity classes every column carries.

Each column declares who may see it through ``info={"sensitivity": ...}`` (see
``reference/domain.md`` §5.1). Export, display and audit rules read these classes instead of keeping
their own lists, so a new identifying field is protected the moment it is declared.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class Sensitivity(enum.StrEnum):
    """How far a field may travel."""

    IDENTIFYING = "identifying"  # P: never leaves the commune; shown only to permitted roles, audited
    QUASI = "quasi"  # Q: stays in the commune database; coarsened in internal tables
    SHAREABLE = "shareable"  # S: may be counted in the district bundle, never sent row by row
    METADATA = "metadata"  # M: ids, timestamps, authors


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as ISO text in UTC and returned timezone-aware."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


def col_info(sensitivity: Sensitivity, **extra: Any) -> dict[str, Any]:
    return {"sensitivity": sensitivity, **extra}


P = col_info(Sensitivity.IDENTIFYING)
Q = col_info(Sensitivity.QUASI)
S = col_info(Sensitivity.SHAREABLE)
M = col_info(Sensitivity.METADATA)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class RecordMixin:
    """Columns shared by every register record (metadata class)."""

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id, info=M)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, info=M)
    created_by: Mapped[str] = mapped_column(String(64), info=M)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, info=M)
    updated_by: Mapped[str] = mapped_column(String(64), info=M)
    version: Mapped[int] = mapped_column(default=1, info=M)


def sensitivity_of(model: type[Base], column: str) -> Sensitivity:
    """The declared sensitivity of ``model.column``; undeclared columns are a bug."""
    col = model.__table__.columns[column]
    try:
        return Sensitivity(col.info["sensitivity"])
    except KeyError as exc:  # pragma: no cover - guarded by a test over every table
        raise LookupError(f"{model.__name__}.{column} declares no sensitivity") from exc


def columns_of_class(model: type[Base], sensitivity: Sensitivity) -> list[str]:
    return [c.name for c in model.__table__.columns if c.info.get("sensitivity") == sensitivity]
