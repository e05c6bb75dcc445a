"""Schema migrations (Alembic), run in-process when an office is opened.

``needs_upgrade`` lets the caller take a verified backup first; ``upgrade`` then runs every pending
migration in one transaction, so a failed migration leaves the old schema intact.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ..resources import package_path


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(package_path("models", "migrations")))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


Seal = Callable[[dict[str, Any], str], bytes]
"""Seals a payload for a record context to the office's identity key (public half only)."""


def upgrade(engine: Engine, seal: Seal | None = None) -> None:
    """Run the pending migrations. ``seal``: for migrations that seal identifying text (0010);
    without it they leave the text for the unlock that gives the office its keys."""
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        if seal is not None:
            cfg.attributes["seal"] = seal
        command.upgrade(cfg, "head")


def migrations_folder() -> Path:
    return package_path("models", "migrations")
