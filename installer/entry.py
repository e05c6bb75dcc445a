"""PyInstaller entry script: the frozen ``shsc-desktop`` executable.

The same executable is the GUI (no arguments, ``--demo``) and the command line (``init``,
``self-test``, …), exactly like the ``shsc-desktop`` console script of a pip install.
"""

import multiprocessing
import sys

from shsc_desktop.cli import main

if __name__ == "__main__":
    # A no-op unless something starts worker processes: then the frozen exe must not re-run main().
    multiprocessing.freeze_support()
    sys.exit(main())
