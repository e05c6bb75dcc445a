"""Printed reports of the office: statistics turned into a PDF, each one audited.

The statistics service computes; the PDF builder lays out; this service checks the permission,
joins the two and records who produced which report, for which month, in which form.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ValidationFailed
from ..exports.pdf_common import pdf_bytes
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
        require(self.office.actor, Perm.REPORTS)
        if lang not in ("km", "en"):
            raise ValidationFailed({"lang": "The language must be km or en."})
        stats = self.monthly_statistics(period)
        target = Path(target)
        build_monthly_summary(
            stats,
            self.office.info,
            lang,
            target,
            suppressed=suppressed,
            progress=progress,
            cancelled=cancelled,
        )
        self.office.audit(
            Action.PRINT,
            "monthly_summary",
            period,
            {"lang": lang, "suppressed": suppressed, "file": target.name},
        )
        return target

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
        require(self.office.actor, Perm.REPORTS)
        if lang not in ("km", "en"):
            raise ValidationFailed({"lang": "The language must be km or en."})
        stats = self.monthly_statistics(period)
        data = pdf_bytes(
            lambda stream: build_monthly_summary(
                stats,
                self.office.info,
                lang,
                stream,
                suppressed=suppressed,
                progress=progress,
                cancelled=cancelled,
            )
        )
        self.office.audit(
            Action.PRINT,
            "monthly_summary",
            period,
            {"lang": lang, "suppressed": suppressed, "printer": True},
        )
        return data
