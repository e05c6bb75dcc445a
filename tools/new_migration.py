"""Autogenerate a migration against a scratch SQLite database at the current head.

Usage: .venv/bin/python tools/new_migration.py "what changed"
"""

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from shsc_desktop.models.migrate import migrations_folder


def main() -> None:
    message = sys.argv[1] if len(sys.argv) > 1 else "schema change"
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        cfg = Config()
        cfg.set_main_option("script_location", str(migrations_folder()))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True)


if __name__ == "__main__":
    main()
