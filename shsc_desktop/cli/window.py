"""Opening the application window from the command line: without a subcommand (or with ``--demo``,
on a throw-away demo office), after checking that there is a display to open it on.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from . import console

NO_DISPLAY = (
    "shsc-desktop: no display: the window needs a desktop session (DISPLAY or WAYLAND_DISPLAY is unset); "
    "the commands work without one (shsc-desktop --help)"
)


def display_missing(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """On Linux without X11 or Wayland (an SSH session, a server), Qt would abort with a cryptic
    "xcb platform plugin" message; the GUI says so in one line instead."""
    if not platform.startswith("linux"):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(args: argparse.Namespace) -> int:
    if display_missing():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from ..views.app import run_gui as gui
    from ..views.app import run_gui_located

    if args.demo:
        from ..services.demo import DEMO_CREDENTIALS, create_demo_office

        demo_dir = Path(tempfile.mkdtemp(prefix="shsc-demo-"))
        try:
            office = create_demo_office(demo_dir / "office")
            office.lock("demo ready")
            return gui(demo_dir / "office", demo_credentials=dict(DEMO_CREDENTIALS))
        finally:
            shutil.rmtree(demo_dir, ignore_errors=True)  # throw-away: nothing of it stays behind
    # The one-time move of an older office can fail: the GUI shows that, stderr may not exist.
    from ..services.data_location import default_data_dir

    planned = Path(args.data_dir) if args.data_dir else default_data_dir()
    return run_gui_located(lambda: console.location(args), planned)
