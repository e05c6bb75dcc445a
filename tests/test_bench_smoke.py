"""The benchmark script still runs: its cheapest row in-process with tiny N, and its report.

No timing assertions here (timings belong in ``tools/bench.py``'s report, not in pass/fail tests):
only that a row returns numbers, that a missing feature is reported instead of crashing, and that
the temporary folder is removed.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCH_PATH = Path(__file__).resolve().parent.parent / "tools" / "bench.py"


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("shsc_tools_bench", BENCH_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_save_row_measures_the_app_and_its_baseline(bench: ModuleType) -> None:
    config = bench.Config(quick=True, saves=3)
    save_row = next(r for r in bench.ROWS if r.key == "save")
    with bench.bench_session(config) as session:
        workdir = session.workdir
        result, crashed = bench.run_row(save_row, session)

    assert not crashed, "\n".join(result.notes)
    for key in ("median_s", "p95_s", "plain_median_s", "sqlcipher_raw_median_s"):
        assert result.numbers[key] > 0
    assert result.ratio.endswith("×")
    assert not workdir.exists()


def test_a_row_whose_feature_is_missing_says_so(bench: ModuleType) -> None:
    def missing(_session: object) -> object:
        raise bench.NotYetAvailable("arrives with a later issue")

    row = bench.Row("imaginary", "an imaginary feature", "≤ 1 s", missing)
    with bench.bench_session(bench.Config(quick=True)) as session:
        result, crashed = bench.run_row(row, session)

    assert not crashed
    report = bench.render(
        [(row, result)], {"machine": "test PC", "software": "test"}, bench.Config(quick=True), "cmd"
    )
    assert "| an imaginary feature | ≤ 1 s | not yet available | — | — | — |" in report
    assert "arrives with a later issue" in report


def test_every_row_key_is_unique(bench: ModuleType) -> None:
    keys = [r.key for r in bench.ROWS]
    assert len(keys) == len(set(keys))


def test_statistics_history_row_measures_each_office_and_its_baseline(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "HISTORY_SIZES_QUICK", (120, 480))  # tiny offices: this is no benchmark
    history_row = next(r for r in bench.ROWS if r.key == "statistics-history")
    with bench.bench_session(bench.Config(quick=True)) as session:
        workdir = session.workdir
        result, crashed = bench.run_row(history_row, session)

    assert not crashed, "\n".join(result.notes)
    for count in (120, 480):
        for key in ("statistics", "baseline"):
            assert result.numbers[f"{key}_{count}_s"] > 0
    assert result.ratio.count("×") == 2
    assert "at 480" in result.measured
    assert not workdir.exists()
