"""Python's cyclic garbage collector paused for a bulk job that allocates many long-lived objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, and back on after it if it was on before.

    For work that builds many objects that live until it ends and form no cycles (row dicts, parsed
    payloads): each collection would scan all of them again, for nothing to free. Garbage made
    meanwhile waits for the next collection. In the app, background operations already run with the
    collector off (``views.operations``); this pauses it where a service is called directly too
    (command line, benchmarks)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
