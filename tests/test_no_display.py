"""Without a display (an SSH session, a server), the GUI and ``make run`` say so in one line instead
of Qt's "could not load the Qt platform plugin xcb" abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def without_display() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are Linux's")
def test_the_gui_says_in_one_line_that_it_needs_a_display(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "shsc_desktop", "--data-dir", str(tmp_path / "office")],
        env=without_display(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and "no display" in lines[0], run.stderr
    assert not (tmp_path / "office").exists()


LINUX_MAKE = shutil.which("make") is not None and sys.platform.startswith("linux")


@pytest.mark.skipif(not LINUX_MAKE, reason="the Makefile's display check is for Linux")
def test_make_run_says_in_one_line_that_it_needs_a_display() -> None:
    run = subprocess.run(
        ["make", "--no-print-directory", "display"],
        cwd=ROOT,
        env=without_display(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0
    output = (run.stdout + run.stderr).splitlines()
    assert len(output) == 1 and "needs a display" in output[0], output
