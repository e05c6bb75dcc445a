"""The background runner lets go of widgets on the GUI thread only.

A Python wrapper freed on a pool thread deletes its widget there, and Qt crashes (a full CI run
died this way: a segmentation fault in the middle of the office-key tests). The work function, its
result and its error all stay with the operation until the callbacks have run on the GUI thread;
Python's cyclic garbage collector is paused while work runs, so it cannot free Qt wrappers on a
pool thread either.
"""

from __future__ import annotations

import gc
import threading
import time
import weakref

from PySide6.QtWidgets import QWidget

from shsc_desktop.errors import ValidationFailed
from shsc_desktop.views.operations import run_in_background

from .conftest import wait_for_operations


def _freed_on(widget: QWidget) -> list[str]:
    where: list[str] = []
    weakref.finalize(widget, lambda: where.append(threading.current_thread().name))
    return where


def test_a_widget_only_the_work_holds_is_freed_on_the_gui_thread(qtbot):
    widget = QWidget()
    where = _freed_on(widget)

    def work(_task, held=widget):
        time.sleep(0.05)
        return "done"

    results: list[str] = []
    run_in_background(None, work, results.append)
    del widget, work
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: results == ["done"])
    qtbot.waitUntil(lambda: where != [])
    assert where == [threading.main_thread().name]


def test_a_widget_in_a_failed_works_traceback_is_freed_on_the_gui_thread(qtbot):
    widget = QWidget()
    where = _freed_on(widget)

    def work(_task, held=widget):
        local = held  # in the frame the traceback keeps
        time.sleep(0.05)
        raise ValidationFailed({"x": "refused"}) if local is not None else AssertionError

    errors: list[BaseException] = []
    run_in_background(None, work, on_failure=errors.append)
    del widget, work
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: len(errors) == 1)
    errors.clear()  # the last reference to the error (and its traceback) goes, here
    gc.collect()
    qtbot.waitUntil(lambda: where != [])
    assert where == [threading.main_thread().name]


def test_the_collector_is_paused_while_work_runs_and_back_after(qtbot):
    assert gc.isenabled()
    seen: list[bool] = []
    started = threading.Event()

    def work(_task):
        started.set()
        time.sleep(0.05)
        seen.append(gc.isenabled())

    run_in_background(None, work)
    assert started.wait(5)
    assert not gc.isenabled()
    wait_for_operations(qtbot)
    qtbot.waitUntil(gc.isenabled)
    assert seen == [False]


def test_a_base_exception_in_the_work_still_ends_the_operation(qtbot):
    """A KeyboardInterrupt or SystemExit raised inside a job is a failure like any other bug: the
    operation reports back (to the crash handler), stops counting as running, and the collector
    comes back on."""
    from shsc_desktop.views.operations import running_count

    assert gc.isenabled()
    finished: list[bool] = []

    def work(_task):
        time.sleep(0.02)
        raise KeyboardInterrupt

    with qtbot.capture_exceptions() as crashes:
        operation = run_in_background(None, work, on_failure=lambda _e: None)
        operation.finished.connect(lambda: finished.append(True))
        wait_for_operations(qtbot)
        qtbot.waitUntil(lambda: finished == [True])
    assert [type(crash[1]) for crash in crashes] == [KeyboardInterrupt]
    assert running_count() == 0
    assert gc.isenabled()
