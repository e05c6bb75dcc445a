"""``inputs.read_regular``: a whole small file, and never more than one byte past the limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shsc_desktop.inputs import read_regular


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 5000])
def test_reads_the_whole_file_up_to_one_byte_past_the_limit(tmp_path: Path, size: int) -> None:
    path = tmp_path / "file.bin"
    data = os.urandom(size)
    path.write_bytes(data)
    assert read_regular(path, 100) == data[:101]


def test_a_folder_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(OSError):  # NotARegularFile where a folder opens (POSIX), else the open fails
        read_regular(tmp_path, 100)
