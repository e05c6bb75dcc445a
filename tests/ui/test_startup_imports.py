"""The sign-in window comes up without SQLAlchemy: the ORM, the services and the register pages load
with the main window (and are warmed up in the background meanwhile), which keeps the cold start
within DESIGN.md §8's ≤ 3× a bare PySide6 window (docs/benchmarks.md). A start-up module that
imports a service with SQL at the top of the file breaks that without any test failing but this one.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = """
import sys
import shsc_desktop.views.app
import shsc_desktop.views.shell
import shsc_desktop.views.unlock
heavy = sorted(m for m in sys.modules if m == "sqlalchemy" or m.startswith("sqlalchemy."))
print(",".join(heavy[:5]) or "none")
"""


def test_the_sign_in_window_needs_no_sqlalchemy() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, encoding="utf-8", timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"
