"""The commands of the monthly report: approving (locking) a month and writing its summary PDF
(the commune's own, or the sums of what arrived at a district or the ministry).
"""

from __future__ import annotations

import argparse

from . import console


def cmd_approve(args: argparse.Namespace) -> int:
    from ..services.months import MonthService

    with console.unlocked(args, "approve done") as office:
        MonthService(office).approve(args.month)
    print(f"Month {args.month} approved; its records are now locked.")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from ..services.reports import ReportService

    with console.unlocked(args, "summary done") as office:
        if office.info.level == "commune":
            path = ReportService(office).monthly_summary_pdf(
                args.month, args.lang, args.output, suppressed=args.shared
            )
        else:  # the district's or ministry's sums of what arrived, not its own (empty) register
            from ..services.district import DistrictService

            path = DistrictService(office).summary_pdf(args.month, args.lang, args.output, shared=args.shared)
    print(f"Monthly summary written: {path}")
    return 0
