"""The data model: sensitivity classes on every column, and migrations that match the models (F18)."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from shsc_desktop.models import migrate
from shsc_desktop.models import tables as _tables  # noqa: F401  (registers every table)
from shsc_desktop.models.base import Base, Sensitivity, columns_of_class
from shsc_desktop.models.engine import make_engine
from shsc_desktop.models.tables import AuditEntry, Incident, Perpetrator, Referral
from shsc_desktop.security import audit
from shsc_desktop.security.audit import Action
from shsc_desktop.services.backup_format import read_manifest
from shsc_desktop.services.office import BACKUP_DIR, OfficeFolder, UnlockedOffice
from shsc_desktop.services.restore import restore_backup
from tests.conftest import CHIEF, CLERK


def _all_columns() -> list[tuple[str, str, object]]:
    return [
        (t.name, c.name, c.info.get("sensitivity")) for t in Base.metadata.sorted_tables for c in t.columns
    ]


def test_every_column_declares_a_sensitivity() -> None:
    undeclared = [f"{t}.{c}" for t, c, s in _all_columns() if s is None]
    assert undeclared == []
    invalid = [f"{t}.{c}={s!r}" for t, c, s in _all_columns() if s is not None and s not in set(Sensitivity)]
    assert invalid == []
    assert len(_all_columns()) > 50  # the whole model was looked at


def test_survivor_identifiers_are_classed_identifying() -> None:
    identifying = set(columns_of_class(Incident, Sensitivity.IDENTIFYING))
    assert {
        "survivor_name",
        "survivor_phone",
        "survivor_address",
        "survivor_birth_date",
        "narrative",
    } <= identifying
    assert "name" in columns_of_class(Perpetrator, Sensitivity.IDENTIFYING)
    assert "note" in columns_of_class(Referral, Sensitivity.IDENTIFYING)
    # Nothing that must travel in a statistics bundle is identifying.
    for column in ("period", "gbv_type", "date_reported"):
        assert column not in identifying


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "scratch.db", secrets.token_bytes(32))
    try:
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == [], "the models and the migrations differ; add a migration:\n" + "\n".join(map(str, diff))


def test_a_new_office_is_at_the_head_revision(folder: OfficeFolder, chief: UnlockedOffice) -> None:
    assert not migrate.needs_upgrade(chief.engine)
    assert migrate.current_revision(chief.engine) == migrate.head_revision()
    assert not (folder.data_dir / BACKUP_DIR).exists()  # no upgrade, so no upgrade backup


def _revisions() -> list[str]:
    script = ScriptDirectory(str(migrate.migrations_folder()))
    return [r.revision for r in script.walk_revisions()]


@pytest.mark.skipif(len(_revisions()) < 2, reason="only one schema revision: nothing to upgrade from")
def test_opening_an_older_schema_takes_a_verified_backup_first(
    folder: OfficeFolder, chief: UnlockedOffice
) -> None:
    """F18: an office one revision behind is backed up, then upgraded, and the upgrade is audited."""
    head = migrate.head_revision()
    previous = ScriptDirectory(str(migrate.migrations_folder())).get_revision(head).down_revision
    assert isinstance(previous, str)
    cfg = migrate._config()
    with chief.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, previous)
    assert migrate.needs_upgrade(chief.engine)
    chief.lock("before the app update")

    office = folder.unlock(*CLERK)
    try:
        assert migrate.current_revision(office.engine) == head
        with office.reading() as s:
            entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(2)))
            assert audit.verify(s).ok
    finally:
        office.lock("test")
    assert [e.action for e in entries] == [Action.UNLOCK, Action.MIGRATED]
    backups = list((folder.data_dir / BACKUP_DIR).iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("before-upgrade-")
    assert read_manifest(backups[0])["schema"] == previous
    assert backups[0].name in entries[1].details
    # The backup taken before the upgrade is a real, restorable one.
    restored = restore_backup(
        OfficeFolder(folder.data_dir.parent / "elsewhere", kdf=folder.kdf), backups[0], *CHIEF
    )
    try:
        assert migrate.current_revision(restored.engine) == head  # upgraded again on opening
    finally:
        restored.lock("test")
