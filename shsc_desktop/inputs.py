"""Reading a file someone named: a regular file of bounded size, never a device or a pipe.

``Path.read_bytes()`` on ``/dev/zero`` reads until memory runs out, and opening a FIFO blocks until
someone writes to it; a size check by ``stat()`` sees 0 bytes for both. So the file is opened
without blocking, checked to be a regular file on the open descriptor (no race with a swap), and
read only up to one byte past the caller's limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotARegularFile(OSError):
    """A device, a pipe, a folder or a socket where a file was expected."""


def _open_regular(path: Path) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def regular_file_size(path: Path) -> int:
    """The size of ``path``; ``NotARegularFile`` (an ``OSError``) if it is not a regular file."""
    fd = _open_regular(Path(path))
    try:
        return os.fstat(fd).st_size
    finally:
        os.close(fd)


def read_regular(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``path`` (so the caller can tell "too large")."""
    fd = _open_regular(Path(path))
    with os.fdopen(fd, "rb") as fh:
        # As much as the file holds plus one byte first, not the limit: a read of ``max_bytes``
        # allocates that much for every small file. A file that grew meanwhile is read on.
        want = min(os.fstat(fd).st_size, max_bytes) + 1
        data = fh.read(want)
        if len(data) == want and want <= max_bytes:
            data += fh.read(max_bytes + 1 - want)
        return data
