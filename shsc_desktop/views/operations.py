"""Background operations: slow work (key derivation, backup, restore, later import/export/PDF) runs
off the GUI thread and reports back through callbacks on the GUI thread (Anki's ``CollectionOp``).

Usage::

    run_in_background(
        parent,
        lambda task: service.backup(target, task.report, task.is_cancelled),
        on_success=lambda info: ...,
        on_failure=lambda error: ...,     # optional: expected errors get a message box by default
        on_progress=lambda done, total: ...,
    )

The work function receives a :class:`Task` to report progress and to poll for cancellation. A failure
that is an expected :class:`~shsc_desktop.errors.ShscError` goes to ``on_failure`` (or, without one,
to a translated message box); anything else is a bug and goes to the crash dialog. Callbacks are not
called once ``parent`` has been destroyed (e.g. the window was closed by an auto-lock).

A write goes through :func:`run_write`. The view does not say what it changed: the write does.
Every database transaction names its :class:`~shsc_desktop.values.changes.Changes` (the
``changes`` argument of ``UnlockedOffice.transaction``); the runner collects, on the worker
thread, what the work's committed transactions named, and sends it to every page through the
office's one :class:`ChangeHub` (``views.session``) once the work has ended, before its
callbacks. Pages refresh themselves from that notice; nothing wires one page to another by hand
(Anki's ``OpChanges``)::

    run_write(
        self,
        session_of(office).hub,
        lambda _t: service.update(...),   # its transaction names Changes.of_registers("incidents")
        on_success=lambda view: ...,
    )
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from ..errors import ShscError
from ..values.changes import NOTHING, Changes, collecting

T = TypeVar("T")

_pool: QThreadPool | None = None
_running: set[BackgroundOperation] = set()
_gc_was_enabled = True
"""Python's cyclic garbage collector is paused while any operation runs (see :func:`_started`)."""


def thread_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def running_count() -> int:
    """How many background operations have not yet reported back."""
    return len(_running)


def cancel_all() -> None:
    """Ask every running operation to stop (before locking)."""
    for operation in list(_running):
        operation.cancel()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until every worker thread is idle (for tests and for quitting)."""
    return thread_pool().waitForDone(timeout_ms)


class ChangeHub(QObject):
    """The office-wide change notice: one per unlocked office (``views.session``).

    Signals:
        changed(object): a :class:`Changes` value, what a write's committed transactions changed.
    """

    changed = Signal(object)

    def notify(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)


class Task:
    """What the work function sees: progress reporting and the cancel flag."""

    def __init__(self, operation: BackgroundOperation) -> None:
        self._operation = operation
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._operation.progressed.emit(int(done), int(total))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Runner(QRunnable):
    """Runs an operation's work on a pool thread and hands the outcome to the GUI thread.

    Nothing that may hold a Qt object is let go on the pool thread: the work function, the result
    or error (whose traceback holds the work's frames) stay referenced by the operation until its
    callbacks have run on the GUI thread, which then drops them (``BackgroundOperation._done``).
    A Python wrapper freed on a pool thread would delete its widget there, and Qt crashes.
    """

    def __init__(self, operation: BackgroundOperation) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._operation: BackgroundOperation | None = operation

    def run(self) -> None:
        op = self._operation
        self._operation = None
        assert op is not None and op._work is not None
        try:
            # Opened here, on the worker thread: a context variable set on the GUI thread would
            # not reach it. What committed is kept even when the work then fails.
            with collecting() as collected:
                try:
                    op._outcome = (True, op._work(op.task))
                finally:
                    op._changes = collected.changes
        except BaseException as exc:  # reported on the GUI thread, never swallowed
            # Even a KeyboardInterrupt or SystemExit raised inside the work must end the operation:
            # re-raised here it would die with the pool thread, leaving the operation running and
            # the garbage collector paused for good. On the GUI thread it reaches the crash dialog.
            op._outcome = (False, exc)
        finally:
            op._completed.emit()  # queued: the GUI thread takes the outcome over


class BackgroundOperation(QObject):
    """One piece of work on the thread pool.

    Signals:
        progressed(int, int): done and total steps, from the worker thread (queued to the GUI).
        succeeded(object): the work function's result.
        failed(object): the exception it raised.
        finished(): after either of the two above, once the callbacks have run.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    _completed = Signal()  # from the worker: the outcome is in ``_outcome``

    def __init__(
        self,
        parent: QWidget | None,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__()  # no Qt parent: it must outlive a window closed while it runs
        self._parent = parent
        self._hub = hub  # told what the work changed, even when the parent is gone
        self._changes = NOTHING  # what the work's committed transactions named (from the worker)
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self.task = Task(self)
        self._work: Callable[[Task], Any] | None = None
        self._outcome: tuple[bool, Any] | None = None
        self.progressed.connect(self._progress)
        self.succeeded.connect(self._success)
        self.failed.connect(self._failure)
        self._completed.connect(self._complete)

    def _complete(self) -> None:
        """On the GUI thread: the office is told what the work changed (on failure too, for what
        committed before it failed), then the outcome goes out as ``succeeded`` or ``failed``."""
        outcome, self._outcome = self._outcome, None
        changes, self._changes = self._changes, NOTHING
        assert outcome is not None
        ok, value = outcome
        try:
            if self._hub is not None:
                self._hub.notify(changes)
        finally:
            if ok:
                self.succeeded.emit(value)
            else:
                self.failed.emit(value)

    def cancel(self) -> None:
        self.task.cancel()

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _progress(self, done: int, total: int) -> None:
        if self._on_progress and self._parent_alive():
            self._on_progress(done, total)

    def _success(self, result: Any) -> None:
        try:
            if self._on_success and self._parent_alive():
                self._on_success(result)
        finally:
            self._done()

    def _failure(self, error: BaseException) -> None:
        try:
            if not isinstance(error, ShscError):
                sys.excepthook(type(error), error, error.__traceback__)
            elif not self._parent_alive():
                pass  # the window is gone (locked); nothing to tell
            elif self._on_failure:
                self._on_failure(error)
            else:
                from .messages import show_error

                show_error(self._parent, error)
        finally:
            self._done()

    def _done(self) -> None:
        # Drop, here on the GUI thread, everything that may hold a widget (see _Runner).
        self._work = None
        self._on_success = self._on_failure = self._on_progress = None
        self._parent = self._hub = None
        _running.discard(self)
        _finished_one()
        self.finished.emit()


def _started(operation: BackgroundOperation) -> None:
    """Python's cyclic garbage collector is paused while work runs on the pool: a collection that
    happened to run on a pool thread would free unreachable Qt wrappers (closed windows, old pages)
    there, deleting their widgets off the GUI thread. Garbage waits until the last operation is
    done; collection then resumes on the GUI thread, the one that turns it back on."""
    global _gc_was_enabled
    if not _running:
        _gc_was_enabled = gc.isenabled()
        gc.disable()
    _running.add(operation)


def _finished_one() -> None:
    if not _running and _gc_was_enabled:
        gc.enable()


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Task], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    *,
    hub: ChangeHub | None = None,
) -> BackgroundOperation:
    """Start ``work(task)`` on the pool; the callbacks run later on the GUI thread, unless
    ``parent`` has been destroyed meanwhile. With the office's ``hub`` (a write: see
    :func:`run_write`) what the work changed is told first, parent or not."""
    operation = BackgroundOperation(parent, on_success, on_failure, on_progress, hub=hub)
    operation._work = work
    _started(operation)
    thread_pool().start(_Runner(operation))
    return operation


def run_with_busy(
    parent: QWidget,
    busy: QWidget,
    work: Callable[[Task], Any],
    on_success: Callable[[Any], None],
    on_done: Callable[[], None] | None = None,
    *,
    hub: ChangeHub | None = None,
) -> BackgroundOperation:
    """``run_in_background`` behind a busy indicator: shown now, hidden when the work ends.

    ``on_done`` runs first on success and on failure alike (e.g. to re-enable buttons); an
    expected error is then shown to the user, a result goes to ``on_success``. A write gives the
    office's ``hub`` (as ``run_write``): what its transactions changed is told before
    ``on_success``, even when ``parent`` is gone.
    """
    from .messages import show_error

    busy.show()

    def finish() -> None:
        busy.hide()
        if on_done is not None:
            on_done()

    def succeeded(result: Any) -> None:
        finish()
        on_success(result)

    def failed(error: BaseException) -> None:
        finish()
        assert isinstance(error, ShscError)
        show_error(parent, error)

    return run_in_background(parent, work, on_success=succeeded, on_failure=failed, hub=hub)


def run_write(
    parent: QWidget | None,
    hub: ChangeHub,
    work: Callable[[Task], T],
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BackgroundOperation:
    """A write on the pool: when it ends, the hub tells every page what its committed transactions
    changed (each named by the service that wrote it), then ``on_success`` (or ``on_failure``)
    runs. The notice goes out even when ``parent`` is gone (a form closed meanwhile): the data
    changed all the same. A write that failed and rolled back tells nothing."""
    return run_in_background(parent, work, on_success, on_failure, on_progress, hub=hub)
