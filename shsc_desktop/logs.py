"""The local log: what happened and which code failed, never what anyone typed.

``start_logging(data_dir)`` writes ``logs/shsc-desktop.log`` in the office's data folder (rotated at
1 MB, five old files kept) and points ``faulthandler`` at ``logs/faults.log``, so that a windowed
frozen build, which has no console, still leaves a trace of a crash or a hard fault. The crash dialog
names the folder.

What is logged: start-up (versions), expected errors by their stable code, SQLite failures by their
result name, and bugs by exception *type* and stack frames (file, line, function). Never exception
messages of bugs (``ValueError("invalid literal …: 'a typed name'")`` would carry a field value),
never SQL parameters (the engine is built with ``hide_parameters``), never user names or record data.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from . import __version__

LOG_DIR = "logs"
LOG_FILE = "shsc-desktop.log"
FAULT_FILE = "faults.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
LOGGER = "shsc_desktop"

_fault_file: IO[str] | None = None


def log_folder(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR


def start_logging(data_dir: Path) -> Path:
    """Log to ``<data_dir>/logs/`` from now on (idempotent); returns the folder."""
    global _fault_file
    folder = log_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    logger = logging.getLogger(LOGGER)
    target = str(folder / LOG_FILE)
    for old in list(logger.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler):
            if old.baseFilename == target:
                return folder
            logger.removeHandler(old)
            old.close()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    if _fault_file is not None:
        _fault_file.close()
    _fault_file = open(folder / FAULT_FILE, "a", encoding="utf-8")  # noqa: SIM115  (kept open for faults)
    faulthandler.enable(_fault_file)
    logger.info(
        "started shsc-desktop %s, Python %s on %s%s",
        __version__,
        platform.python_version(),
        platform.platform(),
        " (frozen)" if getattr(sys, "frozen", False) else "",
    )
    return folder


def stop_logging() -> None:
    """Close the log files (tests, and before a data folder is removed)."""
    global _fault_file
    logger = logging.getLogger(LOGGER)
    for old in list(logger.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler):
            logger.removeHandler(old)
            old.close()
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None


def bug_summary(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """An exception for the log: its type and frames, without its message (which may hold data)."""
    lines = [f"{kind.__module__}.{kind.__qualname__}"]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    cause = error.__cause__ or error.__context__
    if cause is not None and cause is not error:
        lines.append(f"  caused by {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)
