"""``summary`` and ``approve`` on the command line, as a chief and as a clerk would run them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests import office_copies
from tests.conftest import CHIEF, CLERK
from tests.office_copies import QuickOffice
from tests.test_cli import cli, one_line_failure

office_template = office_copies.office_template
quick = office_copies.quick


def test_summary_writes_a_pdf_that_names_the_month(quick: QuickOffice, tmp_path: Path) -> None:
    quick.chief.lock("test")
    target = tmp_path / "summary.pdf"
    result = cli(
        "summary",
        "--month",
        "2025-03",
        "--lang",
        "en",
        "-o",
        target,
        "--data-dir",
        quick.folder.data_dir,
        "--user",
        CHIEF[0],
        "--password-stdin",
        password=CHIEF[1],
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "March 2025" in text
    assert "Tonle Basak" in text


def test_only_the_chief_approves_a_month(quick: QuickOffice) -> None:
    quick.chief.lock("test")
    common = ["--data-dir", quick.folder.data_dir, "--password-stdin"]
    denied = cli("approve", "--month", "2025-03", "--user", CLERK[0], *common, password=CLERK[1])
    assert "may not" in one_line_failure(denied)
    approved = cli("approve", "--month", "2025-03", "--user", CHIEF[0], *common, password=CHIEF[1])
    assert approved.returncode == 0, approved.stderr
    assert "2025-03 approved" in approved.stdout
