"""The self-test that a frozen build runs (`shsc-desktop self-test`), run here from source."""

from __future__ import annotations

from pathlib import Path

import pytest

from shsc_desktop import resources
from shsc_desktop.services import selftest
from shsc_desktop.services.selftest import CheckResult
from shsc_desktop.services.selftest import run_self_test as run_core_checks
from shsc_desktop.views.selftest_qt import check_qt

EXPECTED_CHECKS = ["build", "database", "audit chain", "pdf khmer", "cms bundle", "qt"]


def run_self_test() -> list[CheckResult]:
    """What ``shsc-desktop self-test`` runs: the core checks and the Qt check of the views."""
    return run_core_checks([("qt", check_qt)])


def test_every_check_passes_from_source(qapp: object) -> None:
    # qapp first: the Qt check then reuses pytest-qt's QApplication instead of creating its own.
    results = run_self_test()

    assert [name for name, _, _ in results] == EXPECTED_CHECKS
    failures = [f"{name}: {detail}" for name, ok, detail in results if not ok]
    assert failures == []
    details = {name: detail for name, _, detail in results}
    assert "integrity ok" in details["database"]
    assert "shaped glyphs" in details["pdf khmer"]
    assert "Noto Sans Khmer" in details["qt"]


def test_a_missing_font_fails_its_checks_and_the_others_still_run(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fonts() -> dict[str, Path]:
        raise StopIteration("no NotoSansKhmer*.ttf in fonts/")

    monkeypatch.setattr(resources, "font_files", no_fonts)

    outcome = {name: ok for name, ok, _ in run_self_test()}

    assert outcome == {
        "build": True,
        "database": True,
        "audit chain": True,
        "pdf khmer": False,
        "cms bundle": True,
        "qt": False,
    }


def test_runs_twice_in_one_process(qapp: object) -> None:
    # The GUI may offer the self-test more than once; fonts and Qt state must not leak between runs.
    for _ in range(2):
        assert [(name, ok) for name, ok, _ in run_self_test() if not ok] == []


def test_unshaped_khmer_is_reported(qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Without uharfbuzz ReportLab silently prints broken Khmer; the self-test must say so.
    import reportlab.pdfbase.ttfonts as ttfonts

    monkeypatch.setattr(ttfonts, "uharfbuzz", None)

    _name, ok, detail = selftest._timed("pdf khmer", lambda: selftest._check_pdf(tmp_path / "x.pdf"))

    assert not ok
    assert "not shaped" in detail
