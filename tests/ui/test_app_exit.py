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


@pytest.mark.parametrize("second_copy", [False, True])
def test_the_log_files_are_closed_when_the_gui_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_copy: bool
) -> None:
    """Open log files would keep Windows from removing the --demo office folder (or any other)."""
    import logging.handlers

    from shsc_desktop import logs
    from shsc_desktop.views import app as app_module

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # install_excepthook replaces it
    monkeypatch.setattr("shsc_desktop.views.crash._log_folder", None)
    monkeypatch.setattr(app_module, "_run_shell", lambda *args: 0)  # the windows: tested elsewhere
    data_dir = tmp_path / "office"
    if second_copy:  # the office is open elsewhere: the refusal path ends the GUI too
        monkeypatch.setattr(app_module.InstanceLock, "acquire", lambda self: False)
        monkeypatch.setattr(app_module, "show_message", lambda *args: None)
        monkeypatch.setattr(app_module.QApplication, "exec", lambda self: 0)
    assert app_module.run_gui(data_dir) == (1 if second_copy else 0)
    handlers = logging.getLogger(logs.LOGGER).handlers
    assert not [h for h in handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert logs._fault_file is None
    assert (data_dir / "logs" / "shsc-desktop.log").is_file()  # it was logging until then
