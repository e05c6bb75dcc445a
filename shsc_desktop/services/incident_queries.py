"""The incident list: one page of rows filtered, searched (codes only) and sorted in SQL, and its
count, written so that SQLite walks the right index even at 50,000 incidents.

Who may read is checked by the caller (:class:`~shsc_desktop.services.incidents.IncidentService`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from ..models.tables import Incident, Perpetrator
from ..values.copying import same_named
from . import months
from .incident_records import IncidentFilters, IncidentRow
from .office import UnlockedOffice
from .register_service import equal_to, page_window, require_sort
from .reporting.catalogue import case_context

SORT_COLUMNS: dict[str, Any] = {
    "date_reported": Incident.date_reported,
    "incident_code": Incident.incident_code,
    "survivor_code": Incident.survivor_code,
    "gbv_type": Incident.gbv_type,
    "status": Incident.status,
    "village_code": Incident.village_code,
    "follow_up_date": Incident.follow_up_date,
    "risk_level": Incident.risk_level,
    "survivor_age": Incident.survivor_age,
}
"""Sort keys accepted by :meth:`IncidentService.query`; prefix with ``-`` for descending."""

FILTER_COLUMNS: dict[str, Any] = {
    "gbv_type": Incident.gbv_type,
    "status": Incident.status,
    "village_code": Incident.village_code,
}
"""The filters of :class:`IncidentFilters` that select one value of their column."""

DENSE_SEARCH = 2000  # above this many matches a search is cheaper as a row test than a rowid list


def page(
    office: UnlockedOffice, filters: IncidentFilters, sort: str, offset: int, limit: int
) -> tuple[list[IncidentRow], int]:
    """One page of the list and the total count, filtered and sorted in SQL."""
    # rowid (insertion order) as the tie-breaker: every index ends with it, so the index of the
    # sort column still delivers the rows in order and no full sort is needed. Codes are unique.
    tie = literal_column("incident.rowid", Integer)
    order = require_sort(sort, SORT_COLUMNS, *(() if sort.lstrip("-") == "incident_code" else (tie,)))
    offset, limit = page_window(offset, limit)
    columns = (
        Incident.id,
        Incident.version,
        Incident.incident_code,
        Incident.survivor_code,
        Incident.date_reported,
        Incident.gbv_type,
        Incident.status,
        Incident.village_code,
        Incident.risk_level,
        Incident.follow_up_date,
        Incident.survivor_age,
        Incident.consent_reporting,
        Incident.goods_money_exchanged,
    )
    with office.reading() as s:
        term = filters.search.strip().upper()
        matches = None
        if term:  # counted from the code index alone: cheap whatever the term
            found = _code_matches(_search_pattern(term)).subquery()
            matches = int(s.scalar(select(func.count()).select_from(found)) or 0)
        # Few matches: fetch them by rowid. Many (the first letters typed match everything):
        # test each row while walking the sort order, which fills a page after a few rows.
        conditions = where(filters, dense_search=matches is not None and matches > DENSE_SEARCH)
        if matches is not None and filters == IncidentFilters(search=filters.search):
            total = matches
        else:
            total = _count(s, conditions)
        live = (not_deleted(), *conditions)
        page_query = select(*columns).where(*live).order_by(*order).offset(offset).limit(limit)
        rows = s.execute(page_query).all()
        relationships: dict[str, list[str]] = {r.id: [] for r in rows}
        if rows:
            for incident_id, rel in s.execute(
                select(Perpetrator.incident_id, Perpetrator.relationship_code).where(
                    Perpetrator.incident_id.in_(list(relationships))
                )
            ):
                relationships[incident_id].append(rel)
    listed = [
        same_named(
            IncidentRow,
            r,
            case_context=case_context(
                r.gbv_type, r.survivor_age, relationships[r.id], r.goods_money_exchanged
            ),
        )
        for r in rows
    ]
    return listed, total


def count(office: UnlockedOffice, filters: IncidentFilters) -> int:
    """How many live incidents ``filters`` select."""
    with office.reading() as s:
        return _count(s, where(filters))


def where(f: IncidentFilters, dense_search: bool = False) -> list[ColumnElement[bool]]:
    """The filter conditions, without the "not deleted" condition (see :func:`not_deleted`)."""
    conditions: list[ColumnElement[bool]] = []
    if f.period:
        conditions.append(Incident.period == months.check_period(f.period))
    conditions += equal_to(f, FILTER_COLUMNS)
    if f.follow_up_due_by is not None:
        conditions.append(and_(Incident.follow_up_date <= f.follow_up_due_by, Incident.status != "closed"))
    term = f.search.strip().upper()
    if term:
        # Codes only: the identifying columns are never part of a search.
        pattern = _search_pattern(term)
        if dense_search:
            conditions.append(
                or_(
                    Incident.incident_code.like(pattern, escape="\\"),
                    Incident.survivor_code.like(pattern, escape="\\"),
                )
            )
        else:
            # "+rowid": test membership while walking the sort order's index, rather than
            # fetching every match by rowid and sorting them all for one page.
            conditions.append(literal_column("+incident.rowid", Integer).in_(_code_matches(pattern)))
    return conditions


def _count(s: Session, conditions: list[ColumnElement[bool]]) -> int:
    # Unfiltered, the (covering) deleted index counts fastest; filtered, the filter's own index.
    live = (not_deleted(),) if conditions else (Incident.deleted.is_(False),)
    return int(s.scalar(select(func.count()).select_from(Incident).where(*live, *conditions)) or 0)


def _code_matches(pattern: str) -> Any:
    """Live rows whose incident or survivor code contains ``pattern``, read from one index.

    A ``LIKE '%…%'`` cannot seek, but the covering index ``ix_incident_code_search`` holds just
    the two codes, the deleted flag and the rowid, so scanning it decrypts a few hundred pages
    instead of the whole incident table (50,000 rows: 1.6 s per keystroke before). Written out as
    SQL because SQLAlchemy would otherwise correlate the inner ``incident`` with the outer query;
    ``pattern`` is still a bound parameter.
    """
    return (
        text(
            "SELECT rowid FROM incident INDEXED BY ix_incident_code_search "
            "WHERE (incident_code LIKE :code_pattern ESCAPE '\\' "
            "OR survivor_code LIKE :code_pattern ESCAPE '\\') AND deleted = 0"
        )
        .bindparams(code_pattern=pattern)
        .columns(literal_column("rowid", Integer))
    )


def _search_pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def not_deleted() -> ColumnElement[bool]:
    """ "Not soft-deleted", written so that SQLite does not pick ``ix_incident_deleted`` for it.

    Almost every row is live, so that index selects nothing, but without ANALYZE statistics the
    planner prefers it to the index that matches the real filter or the sort order (measured with
    50,000 rows: 70 ms → 1 ms for the first page). The unary ``+`` keeps the column out of index
    selection.
    """
    return literal_column("+incident.deleted", Integer) == 0
