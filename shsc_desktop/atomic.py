"""Atomic file writes: every file the app produces appears whole or not at all.

The data goes to a temporary file in the target folder, is flushed and fsynced, and is then renamed
over the target; the folder is fsynced so the rename itself survives a power cut. On any failure the
temporary file is removed and :class:`StorageFailed` is raised, so an earlier file of the same name
is untouched and nothing partial is left behind (KeePassXC's QSaveFile, Electrum's wallet writer).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import StorageFailed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory for fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(target: Path, mode: int = 0o600, sync_folder: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file; on normal exit it replaces ``target`` atomically.

    ``sync_folder=False`` leaves the rename itself to the file system's own schedule: after a power
    cut the file is then either the new one or the previous one, whole (for the audit anchor, where
    the previous one is harmless and each commit should not pay a second fsync)."""
    target = Path(target)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StorageFailed(f"Cannot write to {folder}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, target)
        if sync_folder:
            _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageFailed(f"Cannot write {target.name}: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(target: Path, data: bytes, mode: int = 0o600, sync_folder: bool = True) -> None:
    with atomic_writer(target, mode, sync_folder) as fh:
        fh.write(data)


def atomic_produce(target: Path, produce: Callable[[Path], None], mode: int = 0o600) -> None:
    """For writers that need a path (ReportLab, SQLite backup): ``produce(tmp_path)`` then rename."""
    target = Path(target)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise StorageFailed(f"Cannot write to {folder}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        produce(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageFailed(f"Cannot write {target.name}: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
