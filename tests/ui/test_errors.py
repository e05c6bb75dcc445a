"""Expected errors become clear messages; bugs reach the crash dialog with a copyable report."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from shsc_desktop import errors
from shsc_desktop.views.crash import CrashDialog, crash_report, install_excepthook, show_crash
from shsc_desktop.views.messages import error_text


def _all_error_classes() -> list[type[errors.ShscError]]:
    found: list[type[errors.ShscError]] = []
    pending = [errors.ShscError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def _example(cls: type[errors.ShscError]) -> errors.ShscError:
    for args in ((), ([(1, "bad")],), ("reason", "text"), ("text",), (1.0,), (1, 2)):
        try:
            return cls(*args)
        except (TypeError, ValueError):
            continue
    raise AssertionError(cls)


def test_every_error_code_has_its_own_message():
    generic = error_text(errors.ShscError("x")).replace("x", "")
    for cls in _all_error_classes():
        if cls is errors.ShscError or cls.code == "validation_failed":
            continue
        error = _example(cls)
        text = error_text(error)
        assert text and not text.startswith(generic), f"{cls.__name__} ({cls.code}) has no message of its own"


def test_validation_problems_are_translated_one_per_line():
    error = errors.ValidationFailed(
        {
            "username": "This user name is already taken.",
            "password": "The password must have at least 8 characters.",
        }
    )
    assert error_text(error).splitlines() == [
        "This user name is already taken.",
        "The password must have at least 8 characters.",
    ]


def test_a_bug_shows_the_crash_dialog_with_a_copyable_report(qtbot):
    try:
        raise ZeroDivisionError("division by zero in a test")
    except ZeroDivisionError as exc:
        dialog = show_crash(type(exc), exc, exc.__traceback__)
    assert isinstance(dialog, CrashDialog) and dialog.isVisible()
    assert "ZeroDivisionError: division by zero in a test" in dialog.text.toPlainText()
    assert "PySide6" in dialog.report
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.report
    dialog.close()


def test_the_excepthook_routes_expected_errors_to_a_message(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)
    monkeypatch.setattr("shsc_desktop.views.crash.show_crash", lambda *args: shown.append(args[1]))
    install_excepthook()
    error = errors.StorageFailed("disk full")
    sys.excepthook(type(error), error, None)
    assert shown == [error]
    assert "ZeroDivisionError" in crash_report(ZeroDivisionError, ZeroDivisionError("x"), None)


def test_a_bug_is_logged_without_its_message_and_the_crash_dialog_names_the_log_folder(
    qtbot, monkeypatch, tmp_path
):
    from shsc_desktop import logs

    monkeypatch.setattr(sys, "excepthook", lambda *args: None)  # restored after the test
    folder = logs.start_logging(tmp_path / "office")
    try:
        install_excepthook(folder)
        try:
            int("Srey Mom")  # a bug whose message would carry what was typed
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        error = errors.DiskFull()
        sys.excepthook(type(error), error, None)
    finally:
        logs.stop_logging()
        monkeypatch.setattr("shsc_desktop.views.crash._log_folder", None)

    assert folder == tmp_path / "office" / "logs"
    text = (folder / "shsc-desktop.log").read_text("utf-8")
    assert "started shsc-desktop" in text
    assert "unexpected error: builtins.ValueError" in text
    assert "test_errors.py:" in text  # where it happened
    assert "expected error reached the top: disk_full" in text
    assert "Srey" not in text  # never what was typed
    assert (folder / "faults.log").exists()  # faulthandler writes there on a hard crash

    dialog = CrashDialog("report", log_folder=folder)
    qtbot.addWidget(dialog)
    assert dialog.log_label.text() == f"The program's log (no record data) is in this folder: {folder}"
    assert CrashDialog("report").log_label.isHidden()
