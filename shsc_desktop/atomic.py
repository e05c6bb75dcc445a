"""Atomic file writes: every file the app produces appears whole or not at all.

The data goes to a temporary file in the target folder, is flushed and fsynced, and is then renamed
over the target; the folder is fsynced so the rename itself survives a power cut. On any failure the
temporary file is removed and :class:`StorageFailed` is raised, so an earlier file of the same name
is untouched and nothing partial is left behind (KeePassXC's QSaveFile, Electrum's wallet writer).

On Windows the final rename fails with "Access is denied" (``PermissionError``) while another
program holds the target open — a PDF reader showing the last summary, Excel, or an antivirus
scanning the file for a moment. The rename is retried for about a second
(:data:`REPLACE_RETRY_SECONDS`); if the file is still held, :class:`FileInUse` asks the user to
close the file in other programs.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import FileInUse, StorageFailed

REPLACE_RETRY_SECONDS = 1.0


def replace_with_retry(
    source: Path,
    target: Path,
    wait: float = REPLACE_RETRY_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """``os.replace`` that waits up to ``wait`` seconds for a file held by another program."""
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if time.monotonic() >= deadline:
                raise FileInUse(
                    f"{target.name} is open in another program (or read-only): close the file in other "
                    "programs, then try again."
                ) from exc
            sleep(delay)
            delay = min(delay * 2, 0.25)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory for fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _replacing(target: Path, mode: int, sync_folder: bool) -> Iterator[tuple[int, Path]]:
    """A temporary file beside ``target`` (its open descriptor and its path). When the block ends
    normally the file (mode ``mode``) replaces ``target``, and the folder is fsynced if
    ``sync_folder``; on any failure it is removed, and an ``OSError`` becomes :class:`StorageFailed`.
    The block writes, flushes and fsyncs the file itself."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StorageFailed(f"Cannot write to {folder}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        yield fd, tmp
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        replace_with_retry(tmp, target)
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


@contextlib.contextmanager
def atomic_writer(target: Path, mode: int = 0o600, sync_folder: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file; on normal exit it replaces ``target`` atomically.

    ``sync_folder=False`` leaves the rename itself to the file system's own schedule: after a power
    cut the file is then either the new one or the previous one, whole (for the audit anchor, where
    the previous one is harmless and each commit should not pay a second fsync)."""
    with _replacing(Path(target), mode, sync_folder) as (fd, _tmp), os.fdopen(fd, "wb") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


def atomic_write_bytes(target: Path, data: bytes, mode: int = 0o600, sync_folder: bool = True) -> None:
    with atomic_writer(target, mode, sync_folder) as fh:
        fh.write(data)


def atomic_produce(target: Path, produce: Callable[[Path], None], mode: int = 0o600) -> None:
    """For writers that need a path (ReportLab, SQLite backup): ``produce(tmp_path)`` then rename."""
    with _replacing(Path(target), mode, sync_folder=True) as (fd, tmp):
        os.close(fd)
        produce(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
