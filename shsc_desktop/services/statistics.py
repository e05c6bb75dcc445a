"""The monthly statistics of one commune: data first, layout elsewhere.

``StatisticsService(office).monthly("2025-03")`` returns a :class:`MonthlyStatistics`: plain,
immutable count tables keyed by stable codes (``reference/domain.md`` §1.4 and §6.1). The printed
summary (``exports/summary_pdf.py``), the screen preview and the export bundle all read these same
tables, so a number means the same wherever it appears. ``to_dict()`` gives the JSON form.

Rules every table follows:

* **Consent.** Incidents whose survivor did not consent to reporting are left out of every table,
  and so are the referrals made for them; they are only *counted*, in ``data_quality``. Deleted
  (soft-deleted) records are left out everywhere.
* **Nil report.** A month without incidents is a valid report whose tables are all zeros.
* **No people.** Only codes and counts; the one list of rows (``follow_ups``) carries incident codes,
  never names, phones or narratives, and is dropped from copies shared outside the commune.
* **Stocks vs flows.** Counts of incidents, referrals and meetings are *flows* (dated in the month by
  ``date_reported``, ``date_referred`` and ``meeting_date``). Open cases, follow-ups and action items
  are *stocks* at the last day of the month, judged on each record's current status (the registers
  keep no status history).

Small-cell protection of copies that leave the commune is :meth:`MonthlyStatistics.suppressed`
(``services/reporting/suppression.py``; its method is documented there and in docs/indicators.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..security.permissions import Perm, require
from ..values import period as period_values
from .office import UnlockedOffice
from .reporting.catalogue import TABLE_KEYS as TABLE_KEYS
from .reporting.queries import MonthQueries
from .reporting.suppression import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD
from .reporting.suppression import protect
from .reporting.suppression import suppress as suppress
from .reporting.tables import HIDDEN as HIDDEN
from .reporting.tables import MONTH_NAMES_EN as MONTH_NAMES_EN
from .reporting.tables import Cell as Cell
from .reporting.tables import CountTable as CountTable
from .reporting.tables import FollowUp as FollowUp
from .reporting.tables import _int
from .reporting.tables import label as label
from .reporting.tables import period_label as period_label


@dataclass(frozen=True)
class MonthlyStatistics:
    """Everything the monthly summary shows, as counts. Immutable and JSON-ready (``to_dict``)."""

    period: str
    period_start: date
    period_end: date
    month_status: str
    nil_report: bool
    """No incident (with consent to reporting) was reported this month: valid, all zeros."""
    tables: tuple[CountTable, ...]
    follow_ups: tuple[FollowUp, ...] = ()
    """Commune-internal work list; dropped from suppressed (shared) copies."""
    threshold: int | None = None
    revision: int | None = None
    """The approved revision these figures are a snapshot of; ``None`` for live figures."""
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update({t.key: i for i, t in enumerate(self.tables)})

    def table(self, key: str) -> CountTable:
        return self.tables[self._index[key]]

    @property
    def without_consent(self) -> int:
        """Incidents of the month left out for want of reporting consent (exact copies only)."""
        return _int(self.table("data_quality").value("without_reporting_consent"))

    def suppressed(self, threshold: int = DEFAULT_THRESHOLD) -> MonthlyStatistics:
        """The copy for sharing outside the commune: small cells hidden, no case codes."""
        return replace(self, tables=protect(self.tables, threshold), follow_ups=(), threshold=threshold)

    def to_dict(self, *, include_case_codes: bool = True) -> dict[str, Any]:
        """JSON form. ``include_case_codes=False`` leaves out the follow-up list (incident codes)."""
        out: dict[str, Any] = {
            "period": self.period,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "month_status": self.month_status,
            "nil_report": self.nil_report,
            "threshold": self.threshold,
            "revision": self.revision,
            "tables": {t.key: t.to_dict() for t in self.tables},
        }
        if include_case_codes:
            out["follow_ups"] = [f.to_dict() for f in self.follow_ups]
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> MonthlyStatistics:
        """The inverse of :meth:`to_dict` (a stored snapshot)."""
        tables = d["tables"]
        order = [k for k in TABLE_KEYS if k in tables] + sorted(k for k in tables if k not in TABLE_KEYS)
        return cls(
            period=d["period"],
            period_start=date.fromisoformat(d["period_start"]),
            period_end=date.fromisoformat(d["period_end"]),
            month_status=d["month_status"],
            nil_report=bool(d["nil_report"]),
            tables=tuple(CountTable.from_dict(tables[k]) for k in order),
            follow_ups=tuple(FollowUp.from_dict(f) for f in d.get("follow_ups", ())),
            threshold=d.get("threshold"),
            revision=d.get("revision"),
        )


# --- The service -------------------------------------------------------------------------------


class StatisticsService:
    """Monthly statistics of the office's own records (requires :attr:`Perm.REPORTS`)."""

    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office

    def monthly(self, period: str) -> MonthlyStatistics:
        """The statistics of ``period`` (``YYYY-MM``): exact counts for use inside the commune.

        Call :meth:`MonthlyStatistics.suppressed` for a copy to share outside the commune.
        """
        require(self.office.actor, Perm.REPORTS)
        period_values.check(period)
        with self.office.reading() as s:
            return compute(s, period)


def compute(session: Session, period: str) -> MonthlyStatistics:
    """The live statistics of ``period``, read in ``session`` (a reading or write transaction)."""
    start, end = period_values.bounds(period)
    month = MonthQueries(session, period, start, end)
    tables, follow_ups = month.tables()
    return MonthlyStatistics(
        period=period,
        period_start=start,
        period_end=end,
        month_status=month.month_row.status if month.month_row else "open",
        nil_report=tables[0].value("new_incidents", "this_month") == 0,
        tables=tables,
        follow_ups=follow_ups,
    )
