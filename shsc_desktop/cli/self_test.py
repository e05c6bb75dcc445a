"""The ``self-test`` command: checks that this build can open a database, render and print a PDF
and start Qt, and prints one line per check.
"""

from __future__ import annotations

import argparse


def cmd_self_test(args: argparse.Namespace) -> int:
    from ..services.selftest import run_self_test
    from ..views.printing import check_print
    from ..views.selftest_qt import check_qt

    results = run_self_test([("qt", check_qt), ("print", check_print)])  # print needs QtGui: after qt
    for name, ok, detail in results:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    failed = [r for r in results if not r[1]]
    print(f"self-test: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0
