"""The real application process starts and quits cleanly (no crash at interpreter exit).

Windows still alive when Python shuts down are destroyed after the QApplication, which segfaults;
these run ``python -m shsc_desktop`` as a user would and quit once the first window is shown.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shsc_desktop.services.office import OfficeFolder
from tests.conftest import CHIEF


def _start_and_quit(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SHSC_BENCH_EXIT_WHEN_SHOWN": "1",
        "SHSC_KDF": "fast",
    }
    return subprocess.run(
        [sys.executable, "-m", "shsc_desktop", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("office", ["none yet (setup wizard)", "existing (sign-in window)"])
def test_the_app_starts_and_quits_cleanly(tmp_path: Path, office: str) -> None:
    data_dir = tmp_path / "office"
    if office.startswith("existing"):
        OfficeFolder(data_dir).create("commune", "120101", *CHIEF)[0].lock("test")
    result = _start_and_quit("--data-dir", data_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SHSC_BENCH_SHOWN" in result.stdout


def test_the_demo_office_is_thrown_away_on_exit(tmp_path: Path) -> None:
    env_tmp = tmp_path / "tmp"
    env_tmp.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "shsc_desktop", "--demo"],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "SHSC_BENCH_EXIT_WHEN_SHOWN": "1",
            "TMPDIR": str(env_tmp),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert list(env_tmp.iterdir()) == []
