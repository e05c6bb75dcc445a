"""The import reads and decrypts its files a few ahead on a worker thread (``services.read_ahead``):
the results, their order and each file's refusal stay what the loop alone gave, memory stays a few
files, and no thread outlives the import, however it ends.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from shsc_desktop.errors import BundleRejected
from shsc_desktop.models.tables import BundleReceived
from shsc_desktop.services import read_ahead as ahead
from shsc_desktop.services.exchange_import import ImportService

from ..ui.exchange_world import open_office
from .test_import_batches import _batch, _rejections


def _workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "read-ahead"]


def test_results_come_in_order_with_each_failure_raised_at_its_item() -> None:
    def work(n: int) -> int:
        if n % 3 == 0:
            raise ValueError(n)
        return n * 10

    got: list[object] = []
    with ahead.read_ahead(range(10), work) as results:
        for settled in results:
            try:
                got.append(settled.get())
            except ValueError as exc:
                got.append(("failed", exc.args[0]))
    assert got == [("failed", 0), 10, 20, ("failed", 3), 40, 50, ("failed", 6), 70, 80, ("failed", 9)]
    assert not _workers()


def test_the_worker_stays_a_few_items_ahead_and_stops_when_the_block_is_left() -> None:
    started: list[int] = []

    def work(n: int) -> int:
        started.append(n)
        return n

    switching = sys.getswitchinterval()
    failing = pytest.raises(RuntimeError, match="consumer failed")
    with failing, ahead.read_ahead(range(1000), work, depth=3) as results:
        assert sys.getswitchinterval() <= ahead.SWITCH_S
        for settled in results:
            time.sleep(0.01)  # a slow consumer: the worker waits for room instead of running on
            assert len(started) <= settled.get() + 1 + 3 + 1  # taken, queued, in hand
            if settled.get() == 20:
                raise RuntimeError("consumer failed")
    assert not _workers()  # stopped and joined when the exception left the block
    assert len(started) <= 21 + 3 + 1
    assert sys.getswitchinterval() == switching


def test_overlapping_read_aheads_give_the_switch_interval_back_as_it_was() -> None:
    switching = sys.getswitchinterval()
    first = ahead.read_ahead([1], str)
    second = ahead.read_ahead([2], str)
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert sys.getswitchinterval() <= ahead.SWITCH_S  # the second still runs
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == switching
    assert not _workers()


def test_a_batch_reports_each_refused_file_at_its_place(world_dir: Path, tmp_path: Path) -> None:
    files = _batch(world_dir, tmp_path / "usb", 4)
    damaged = tmp_path / "usb" / "damaged.shsc"
    damaged.write_bytes(files[1].read_bytes()[:-40] + b"\0" * 40)  # the envelope parses, decrypting fails
    garbage = tmp_path / "usb" / "garbage.shsc"
    garbage.write_bytes(b"not a bundle")  # refused before decryption, though the worker decrypted it
    missing = tmp_path / "usb" / "missing.shsc"
    batch = [files[0], damaged, files[1], missing, garbage, files[2], files[3]]
    district = open_office(world_dir, "1201")
    try:
        done: list[int] = []
        summary = ImportService(district).import_files(batch, progress=lambda n, _: done.append(n))
        assert [(r.path.name, r.outcome, r.reason) for r in summary.results] == [
            (files[0].name, "imported", ""),
            ("damaged.shsc", "rejected", "cannot_decrypt"),
            (files[1].name, "imported", ""),
            ("missing.shsc", "rejected", "unreadable"),
            ("garbage.shsc", "rejected", "not_a_bundle"),
            (files[2].name, "imported", ""),
            (files[3].name, "imported", ""),
        ]
        assert done == list(range(1, len(batch) + 1))
        assert not _workers()
        with district.reading() as s:
            assert s.scalar(select(func.count()).select_from(BundleReceived)) == 4
            assert [r["reason"] for r in _rejections(s)] == ["cannot_decrypt", "unreadable", "not_a_bundle"]
    finally:
        district.lock("test")


def test_an_error_while_checking_stops_the_reading_ahead(
    world_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _batch(world_dir, tmp_path / "usb", 3)
    verify = ImportService._verify
    read = ImportService._read
    reads: list[Path] = []
    checked: list[int] = []

    def reading(path: Path) -> bytes:
        reads.append(path)
        return read(path)

    def failing(self: ImportService, *args: Any) -> Any:
        checked.append(1)
        if len(checked) == 2:
            raise OSError("disk gone")
        return verify(self, *args)

    monkeypatch.setattr(ImportService, "_read", staticmethod(reading))
    monkeypatch.setattr(ImportService, "_verify", failing)
    district = open_office(world_dir, "1201")
    try:
        batch = files * 20  # 60 files: the worker must not read them all
        with pytest.raises(OSError, match="disk gone"):
            ImportService(district).import_files(batch)
        assert not _workers()
        assert len(reads) <= 2 + ahead.DEPTH + 1
        with district.reading() as s:
            assert s.scalar(select(func.count()).select_from(BundleReceived)) == 0
    finally:
        district.lock("test")


def test_a_read_failure_is_the_files_own(tmp_path: Path) -> None:
    folder = tmp_path / "a folder.shsc"
    folder.mkdir()
    with ahead.read_ahead([folder], ImportService._read) as results, pytest.raises(BundleRejected) as err:
        next(results).get()
    assert err.value.reason == "unreadable"
