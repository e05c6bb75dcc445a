"""Printed reports of the office: statistics turned into a PDF, each one audited.

The statistics service computes; the PDF builder lays out; this service checks the permission,
joins the two and records who produced which report, for which month, in which form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ValidationFailed
from ..exports.pdf_common import PdfTarget, pdf_bytes
from ..exports.summary_pdf import build_monthly_summary
from ..security.actions import Action
from ..security.permissions import Perm, require
from . import snapshots
from .office import UnlockedOffice
from .statistics import MonthlyStatistics

Progress = Callable[[int, int], None]


class ReportService:
    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office

    def monthly_statistics(self, period: str) -> MonthlyStatistics:
        """The month's published figures: the approved snapshot of an approved month (whatever case
        work happened since), the live figures of an open one."""
        return snapshots.published(self.office, period).statistics

    def month_figures(self, period: str) -> snapshots.MonthFigures:
        """:meth:`monthly_statistics` and, for an approved month, how the live figures differ."""
        return snapshots.published(self.office, period, compare=True)

    def monthly_summary_pdf(
        self,
        period: str,
        lang: str,
        target: Path,
        *,
        suppressed: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Path:
        """Write the month's summary PDF to ``target`` (atomically) and audit it.

        ``suppressed`` prints the copy for sharing outside the commune: small cells hidden.
        """
        self._summary(period, lang, Path(target), suppressed, progress=progress, cancelled=cancelled)
        return Path(target)

    def monthly_summary_for_print(
        self,
        period: str,
        lang: str,
        *,
        suppressed: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes:
        """The month's summary PDF as bytes, for the print dialog; audited as printed.

        Built in memory: a print job never passes through a file (a temporary file can be held by
        antivirus and stay behind, or be read by anyone with access to the temp folder).
        """
        return self._summary(period, lang, None, suppressed, progress=progress, cancelled=cancelled)

    def _summary(self, period: str, lang: str, target: Path | None, suppressed: bool, **hooks: Any) -> bytes:
        require(self.office.actor, Perm.REPORTS)
        check_lang(lang)
        stats = self.monthly_statistics(period)
        printed = Printed("monthly_summary", period, lang, suppressed)
        return print_summary(self.office, printed, stats, target, **hooks)


def check_lang(lang: str) -> None:
    """A report is laid out in Khmer or in English."""
    if lang not in ("km", "en"):
        raise ValidationFailed({"lang": "The language must be km or en."})


@dataclass(frozen=True)
class Printed:
    """A summary as the audit log names it: the report, its month, its language, and whether small
    numbers are hidden."""

    report: str
    period: str
    lang: str
    suppressed: bool


def print_summary(
    office: UnlockedOffice, printed: Printed, stats: MonthlyStatistics, target: Path | None, **layout: Any
) -> bytes:
    """Lay ``stats`` out as the monthly summary, into the file ``target`` (atomically) or, with
    ``None``, in memory for the printer (returned: a print job never passes through a file; b""
    for a file), and audit it as a ``PRINT`` of ``printed`` with the file's name or ``printer``.
    ``layout``: the builder's options (``progress``, ``cancelled``, and ``suppressed`` when the
    builder should not hide small numbers itself: figures protected already)."""
    layout.setdefault("suppressed", printed.suppressed)

    def build(out: PdfTarget) -> None:
        build_monthly_summary(stats, office.info, printed.lang, out, **layout)

    details: dict[str, Any] = {"lang": printed.lang, "suppressed": printed.suppressed}
    data = b""
    if target is None:
        data = pdf_bytes(build)
        details["printer"] = True
    else:
        build(target)
        details["file"] = target.name
    office.audit(Action.PRINT, printed.report, printed.period, details)
    return data
