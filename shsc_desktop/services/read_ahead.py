"""A worker thread that does a batch's per-item work a few items ahead of the loop that consumes it.

For work that spends its time outside the interpreter lock (reading a file, RSA and AES decryption in
``cryptography``): on a second core it runs while the consuming loop does its own Python work. The
results come back in the items' order, each with the exception its work raised, if any, to be raised
where the consumer takes it, so the loop behaves as if it had done the work itself.
"""

from __future__ import annotations

import contextlib
import queue
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

DEPTH = 4  # results waiting at most: memory stays a few items whatever the batch
_POLL_S = 0.05  # how often a blocked side looks whether the other one stopped
SWITCH_S = 0.0002  # the interpreter's switch interval while the worker runs (default 0.005)


class Settled(Generic[R]):
    """What one call returned, or the exception it raised (``get`` raises it again)."""

    __slots__ = ("_error", "_value")

    def __init__(self, value: R | None, error: Exception | None) -> None:
        self._value = value
        self._error = error

    @classmethod
    def of(cls, work: Callable[[T], R], item: T) -> Settled[R]:
        try:
            return cls(work(item), None)
        except Exception as exc:
            return cls(None, exc)

    def get(self) -> R:
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]  # None only with an error


_switching = threading.Lock()
_switching_users = 0
_switching_before = 0.0


@contextlib.contextmanager
def _quick_switching() -> Iterator[None]:
    """The switch interval at most ``SWITCH_S`` while any read-ahead runs, then as it was before the
    first. Each time the worker comes back from outside the lock it waits for the consumer to hand it
    over, up to the switch interval: at the default 5 ms it would wait longer than its work takes."""
    global _switching_users, _switching_before
    with _switching:
        if _switching_users == 0:
            _switching_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_switching_before, SWITCH_S))
        _switching_users += 1
    try:
        yield
    finally:
        with _switching:
            _switching_users -= 1
            if _switching_users == 0:
                sys.setswitchinterval(_switching_before)


@contextlib.contextmanager
def read_ahead(
    items: Sequence[T], work: Callable[[T], R], depth: int = DEPTH
) -> Iterator[Iterator[Settled[R]]]:
    """``work(item)`` for each item on a worker thread, at most ``depth`` results ahead; the block
    iterates over the results in the items' order.

    Leaving the block (done, broken off, or by an exception) stops the worker after the item it is
    working on and waits for it: no thread outlives the block.
    """
    done: queue.Queue[Settled[R]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def run() -> None:
        for item in items:
            if stop.is_set():
                return
            settled = Settled.of(work, item)
            while not stop.is_set():
                try:
                    done.put(settled, timeout=_POLL_S)
                    break
                except queue.Full:
                    continue

    worker = threading.Thread(target=run, name="read-ahead", daemon=True)

    def results() -> Iterator[Settled[R]]:
        for _ in items:
            while True:
                try:
                    settled = done.get(timeout=_POLL_S)
                    break
                except queue.Empty:
                    if not worker.is_alive() and done.empty():
                        raise RuntimeError("The read-ahead worker ended early.") from None
            yield settled

    with _quick_switching():
        worker.start()
        try:
            yield results()
        finally:
            stop.set()
            worker.join()
