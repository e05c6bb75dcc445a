"""Every window and dialog fits an office screen: 1024×768 at 100% and at 125% scaling (819×560
logical pixels once the taskbar is taken off).

Each screen needs its own process (the offscreen platform reads its screen size at start), so this
runs ``screen_cases.py`` under pytest in a child process per screen and reports what did not fit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .screen_fit import SCREEN_VARIABLE, SCREENS, platform_for

CASES = Path(__file__).with_name("screen_cases.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_window_fits_the_office_screen(screen: str, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=platform_for(screen, tmp_path), **{SCREEN_VARIABLE: screen})
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(CASES),
            "-q",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "cases"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-3000:]
