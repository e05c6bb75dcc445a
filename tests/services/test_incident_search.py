"""The code search gives the same answer whichever way it is run (few or many matches)."""

from __future__ import annotations

import pytest

from shsc_desktop.services import incident_queries
from shsc_desktop.services.incidents import IncidentFilters, IncidentService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.synthetic import generate


@pytest.fixture
def office_with_incidents(chief: UnlockedOffice) -> UnlockedOffice:
    generate(chief, months=2, seed=5)
    return chief


def _codes(office: UnlockedOffice, term: str, **filters: str) -> tuple[list[str], int]:
    rows, total = IncidentService(office).query(IncidentFilters(search=term, **filters), limit=500)
    return [r.incident_code for r in rows], total


@pytest.mark.parametrize("term", ["S-", "kh-", "0001", "-000", "ZZZ", "%", "_"])
def test_dense_and_sparse_plans_agree(
    office_with_incidents: UnlockedOffice, monkeypatch: pytest.MonkeyPatch, term: str
) -> None:
    monkeypatch.setattr(incident_queries, "DENSE_SEARCH", 10**9)
    sparse = _codes(office_with_incidents, term)
    sparse_open = _codes(office_with_incidents, term, status="open")
    monkeypatch.setattr(incident_queries, "DENSE_SEARCH", 0)
    assert _codes(office_with_incidents, term) == sparse
    assert _codes(office_with_incidents, term, status="open") == sparse_open
    if term in ("%", "_", "ZZZ"):  # LIKE wildcards are taken literally: no code contains them
        assert sparse == ([], 0)
    else:
        assert sparse[1] > 0 and len(sparse[0]) == sparse[1]


def test_a_deleted_incident_is_found_by_neither_plan(
    office_with_incidents: UnlockedOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = IncidentService(office_with_incidents)
    rows, _ = service.query(IncidentFilters(), limit=1)
    service.delete(rows[0].id, "entered twice by mistake")
    for dense in (0, 10**9):
        monkeypatch.setattr(incident_queries, "DENSE_SEARCH", dense)
        codes, total = _codes(office_with_incidents, rows[0].incident_code)
        assert (codes, total) == ([], 0)
