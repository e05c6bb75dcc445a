"""The Qt binding keeps Python's reference counts right when our signals are emitted.

PySide6 6.12.0 returned ``True`` from ``Signal.emit()`` without taking a reference, so every emit
dropped one reference to ``True`` until Python aborted ("bool_dealloc") — in tests after a few
files, in the app after enough clicks. pyproject.toml excludes that version; this test fails on any
version that brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)
    value = Signal(object)


def test_emitting_signals_keeps_reference_counts() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.plain.connect(lambda: received.append("plain"))
    emitter.flag.connect(received.append)
    emitter.value.connect(received.append)
    marker = object()
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    marker_before = sys.getrefcount(marker)
    for _ in range(200):
        emitter.plain.emit()
        emitter.flag.emit(False)
        emitter.value.emit(marker)
    received.clear()
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert after == before
    assert sys.getrefcount(marker) == marker_before
