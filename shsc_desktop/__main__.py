"""``python -m shsc_desktop``: the same entry point as the ``shsc-desktop`` command."""

import sys

from shsc_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
