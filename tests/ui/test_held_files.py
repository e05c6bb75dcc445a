"""Files held by other programs, and a second copy of the app.

Windows refuses to replace a file another program holds open (a PDF reader showing the last summary,
Excel, an antivirus scanning it): ``os.replace`` raises PermissionError ("Access is denied"). Linux
has no such lock, so the hold is simulated on ``os.replace`` itself; everything else is real.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from shsc_desktop import atomic
from shsc_desktop.errors import FileInUse
from shsc_desktop.views.instance import InstanceLock
from shsc_desktop.views.messages import error_text


class HeldFile:
    """``os.replace`` onto ``target`` fails like Windows does while the file is held."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.held = True
        self.attempts = 0
        self._replace = os.replace

    def __call__(self, src, dst) -> None:
        if Path(dst) == self.target and self.held:
            self.attempts += 1
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        self._replace(src, dst)


@pytest.fixture
def held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> HeldFile:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"the earlier summary")
    hold = HeldFile(target)
    monkeypatch.setattr(atomic.os, "replace", hold)
    return hold


def test_a_file_held_for_a_moment_is_replaced_after_a_retry(held: HeldFile) -> None:
    threading.Timer(0.3, lambda: setattr(held, "held", False)).start()  # the antivirus lets go
    atomic.atomic_write_bytes(held.target, b"the new summary")
    assert held.target.read_bytes() == b"the new summary" and held.attempts >= 2
    assert [p.name for p in held.target.parent.iterdir()] == ["summary.pdf"]  # no temporary left


def test_a_file_held_open_asks_to_close_it_and_keeps_the_old_one(held: HeldFile, qapp) -> None:
    start = time.monotonic()
    with pytest.raises(FileInUse, match="close the file in other programs") as caught:
        atomic.atomic_produce(held.target, lambda path: path.write_bytes(b"the new summary"))
    assert 0.9 <= time.monotonic() - start < 5  # about a second of retries, then a clear answer
    assert held.target.read_bytes() == b"the earlier summary"
    assert [p.name for p in held.target.parent.iterdir()] == ["summary.pdf"]
    assert "Close the file in other programs" in error_text(caught.value)


def test_a_second_copy_names_the_windows_account_that_has_the_office_open(tmp_path: Path, qapp) -> None:
    first = InstanceLock(tmp_path, account="clerk-dara")
    assert first.acquire()
    second = InstanceLock(tmp_path, account="chief-sokha")
    assert not second.acquire()
    text = second.refusal_text()
    assert "clerk-dara" in text and "already open" in text
    same = InstanceLock(tmp_path, account="clerk-dara")
    assert not same.acquire() and "taskbar" in same.refusal_text()
    first.release()
    assert second.acquire()  # once the first copy has closed, the office opens
    second.release()


_SECOND_COPY = """
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from shsc_desktop.views.app import run_gui

ticks = []


def read_and_close():
    boxes = [w for w in QApplication.allWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    if not boxes and len(ticks) < 250:  # at most about five seconds
        ticks.append(0)
        QTimer.singleShot(20, read_and_close)
        return
    print("SHOWN:" + (boxes[0].text() if boxes else "no message box"), flush=True)
    for box in boxes:
        box.close()
    if not boxes:
        QApplication.instance().quit()


app = QApplication(sys.argv[:1])
QTimer.singleShot(0, read_and_close)
sys.exit(run_gui(Path(sys.argv[1])))
"""


def test_a_second_copy_of_the_gui_shows_why_it_stops(tmp_path: Path) -> None:
    """The refusal must be on screen: without a window the second copy would wait forever, unseen.

    The second copy is a process of its own, as it is on the PC: ``run_gui`` runs and ends the
    application's event loop, which must not happen to the QApplication the other tests share.
    """
    from shsc_desktop.views import i18n

    office = tmp_path / "office"
    i18n.save_language(office, "en")  # run_gui applies the office's language
    first = InstanceLock(office)
    assert first.acquire()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", _SECOND_COPY, str(office)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            env=env,
        )
    finally:
        first.release()
    assert done.returncode == 1, done.stderr
    shown = [line for line in done.stdout.splitlines() if line.startswith("SHOWN:")]
    assert shown and "taskbar" in shown[-1], (done.stdout, done.stderr)
