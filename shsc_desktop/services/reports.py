"""Printed reports of the office: statistics turned into a PDF, each one audited.

The statistics service computes; the PDF builder lays out; this service checks the permission,
joins the two and records who produced which report, for which month, in which form.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ValidationFailed
from ..exports.summary_pdf import build_monthly_summary
from ..security.actions import Action
from ..security.permissions import Perm, require
from .office import UnlockedOffice
from .statistics import MonthlyStatistics, StatisticsService

Progress = Callable[[int, int], None]


class ReportService:
    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office

    def monthly_statistics(self, period: str) -> MonthlyStatistics:
        return StatisticsService(self.office).monthly(period)

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
