"""A save that the disk refuses: a clear message, the form stays open with what was typed, nothing is
half-written, and pressing Save again once there is space works.

The disk is made to refuse for real: ``RLIMIT_FSIZE`` stops the process from writing past a few
bytes into any file (Python ignores the ``SIGXFSZ`` that would otherwise kill it), so SQLite's write
of the journal fails exactly as on a full or failing disk.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt

from shsc_desktop.services.incidents import IncidentService
from shsc_desktop.views.incident_form import IncidentForm

from .conftest import answer_incident_questions, open_as_clerk, wait_for_operations

LEFT = Qt.MouseButton.LeftButton
DISK_REFUSED = (
    "The disk is full — nothing was saved. Free some space, then press Save again.",
    "The disk could not be written — nothing was saved. It may be full, removed or failing: "
    "check it, then try again.",
)


@contextlib.contextmanager
def files_limited_to(size: int) -> Iterator[None]:
    import resource  # POSIX only (RLIMIT_FSIZE): imported here so that Windows can collect the module

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


@pytest.mark.posix_only  # RLIMIT_FSIZE; on Windows fill a small USB stick by hand (installer/BUILD.md)
def test_a_save_on_a_full_disk_keeps_the_form_and_saves_once_there_is_space(
    qtbot, shell, office_ready, monkeypatch
):
    crashes: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, error, _tb: crashes.append(error))
    window = open_as_clerk(qtbot, shell)
    window.show_section("incidents")
    page = window.page_by_section["incidents"]
    wait_for_operations(qtbot)
    form = page.open_new()
    assert isinstance(form, IncidentForm)
    for button in form.classification.no_buttons:
        qtbot.mouseClick(button, LEFT)
    form.survivor_age.setValue(34)
    form.consent_reporting.setChecked(True)
    answer_incident_questions(form)

    with files_limited_to(1):
        qtbot.mouseClick(form.save_button, LEFT)
        wait_for_operations(qtbot)

    assert crashes == []  # no crash dialog
    assert form.isVisible()
    assert form.error.isVisible()
    assert form.error.text() in DISK_REFUSED, form.error.text()
    assert form.survivor_age.value() == 34  # nothing typed is lost
    assert form.classification.result.text() == "GBV type: Non-GBV"
    assert form.save_button.isEnabled()
    assert IncidentService(shell.office).count() == 0  # nothing half-written

    qtbot.mouseClick(form.save_button, LEFT)  # space again: the same form saves
    wait_for_operations(qtbot)
    assert not shiboken6.isValid(form) or not form.isVisible()  # saved and closed
    assert crashes == []
    rows, total = IncidentService(shell.office).query()
    assert total == 1
    assert IncidentService(shell.office).get(rows[0].id).survivor_age == 34
