"""A batch of bundles is applied a chunk per transaction, each bundle whole or not at all (issue 12).

Real offices (the Exchange world): commune 120101 signs a batch of nil reports for past months, and
the district imports them; the refused files are audited in transactions of their own.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
from __future__ import annotations

import json
import math
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from shsc_desktop.models.tables import AuditEntry, BundleReceived, ImportedStatistics
from shsc_desktop.security import audit
from shsc_desktop.services.exchange_import import IMPORT_CHUNK, ImportService

from ..ui.exchange_world import open_office, previous_period
from .commune_signer import CommuneSigner


def _batch(world_dir: Path, folder: Path, count: int) -> list[Path]:
    """``count`` nil reports of 120101 for the months before the current one, numbered 1…count."""
    commune = open_office(world_dir, "120101")
    try:
        signer = CommuneSigner.of(commune)
    finally:
        commune.lock("test")
    return [
        signer.bundle(folder, None, period=previous_period(count + 1 - n), sequence=n, nil_report=True)
        for n in range(1, count + 1)
    ]


def _rejections(s: Any) -> list[dict[str, Any]]:
    rows = s.scalars(select(AuditEntry).where(AuditEntry.action == audit.Action.IMPORT_REJECTED))
    return [json.loads(e.details) for e in rows]


def test_a_batch_commits_a_chunk_at_a_time_and_every_refusal_is_audited(
    world_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = IMPORT_CHUNK + 3
    files = _batch(world_dir, tmp_path / "usb", count)
    tampered = tmp_path / "usb" / "tampered.shsc"
    tampered.write_bytes(files[0].read_bytes()[:-40] + b"\0" * 40)
    commune = open_office(world_dir, "120101")
    try:  # the same bundle number again, other content: refused while applying, mid-chunk
        replay = CommuneSigner.of(commune).bundle(
            tmp_path / "usb", None, period=previous_period(1), sequence=3, nil_report=True, name="replay.shsc"
        )
    finally:
        commune.lock("test")
    district = open_office(world_dir, "1201")
    try:
        commits: list[int] = []
        event.listen(district.engine, "commit", lambda conn: commits.append(1))
        summary = ImportService(district).import_files([*files, tampered, replay])
        assert summary.imported == count
        assert [(r.path.name, r.reason) for r in summary.results if r.rejected] == [
            ("tampered.shsc", "cannot_decrypt"),
            ("replay.shsc", "replayed"),
        ]
        # the good bundles a chunk per transaction, and the refusals in transactions of their own
        # (one after checking the files, one after the chunk that met the replay)
        assert len(commits) == math.ceil((count + 1) / IMPORT_CHUNK) + 2
        with district.reading() as s:
            assert audit.verify(s).ok
            assert s.scalar(select(func.count()).select_from(BundleReceived)) == count
            assert s.scalar(select(func.count()).select_from(ImportedStatistics)) == count
            imports = s.scalar(select(func.count()).where(AuditEntry.action == audit.Action.IMPORT))
            assert imports == count
            assert [r["reason"] for r in _rejections(s)] == ["cannot_decrypt", "replayed"]
    finally:
        district.lock("test")
    # the chunk writes left the audit anchor where the log ends: the office opens
    district = open_office(world_dir, "1201")
    district.lock("test")


def test_a_failure_loses_its_chunk_whole_but_not_the_refusals_audited_before_it(
    world_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _batch(world_dir, tmp_path / "usb", IMPORT_CHUNK + 3)
    tampered = tmp_path / "usb" / "tampered.shsc"
    tampered.write_bytes(b"not a bundle")
    apply = ImportService._apply
    calls: list[int] = []

    def failing(self: ImportService, *args: Any) -> Any:
        calls.append(1)
        if len(calls) == IMPORT_CHUNK + 2:  # the second chunk's second bundle
            raise OSError("the disk went away")
        return apply(self, *args)

    monkeypatch.setattr(ImportService, "_apply", failing)
    district = open_office(world_dir, "1201")
    try:
        with pytest.raises(OSError):
            ImportService(district).import_files([tampered, *files])
        with district.reading() as s:
            assert audit.verify(s).ok
            received = set(s.scalars(select(BundleReceived.sequence)))
            assert received == set(range(1, IMPORT_CHUNK + 1))  # the first chunk whole, none of the second
            assert s.scalar(select(func.count()).select_from(ImportedStatistics)) == IMPORT_CHUNK
            assert [r["file"] for r in _rejections(s)] == ["tampered.shsc"]
        monkeypatch.setattr(ImportService, "_apply", apply)
        again = ImportService(district).import_files(files)
        assert (again.already_imported, again.imported) == (IMPORT_CHUNK, 3)
    finally:
        district.lock("test")


def test_stop_keeps_the_bundles_applied_and_lists_only_them(world_dir: Path, tmp_path: Path) -> None:
    files = _batch(world_dir, tmp_path / "usb", 5)
    district = open_office(world_dir, "1201")
    try:
        done: list[int] = []
        summary = ImportService(district).import_files(
            files, progress=lambda n, total: done.append(n), cancelled=lambda: len(done) >= 2
        )
        assert [r.sequence for r in summary.results] == [1, 2]
        assert summary.imported == 2
        assert not [t for t in threading.enumerate() if t.name == "read-ahead"]  # the files' reader ended
        with district.reading() as s:
            assert set(s.scalars(select(BundleReceived.sequence))) == {1, 2}
        rest = ImportService(district).import_files(files)
        assert (rest.already_imported, rest.imported) == (2, 3)
    finally:
        district.lock("test")
