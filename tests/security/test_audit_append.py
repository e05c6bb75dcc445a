"""``audit.append`` (the Core writer the import uses) keeps the same chain as ``audit.record``:
across savepoints that roll back (a refused bundle leaves no entry and does not advance the head),
mixed with ``record`` in one transaction, and from one transaction to the next."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from shsc_desktop.models.tables import AuditEntry, Setting
from shsc_desktop.security import audit
from shsc_desktop.security.audit import Action
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.values.changes import NOTHING


class Refused(Exception):
    pass


def _targets(office: UnlockedOffice, since: int) -> list[str]:
    with office.reading() as s:
        return list(
            s.scalars(select(AuditEntry.target_id).where(AuditEntry.seq > since).order_by(AuditEntry.seq))
        )


def test_a_rolled_back_savepoint_leaves_no_entry_and_the_chain_verifies(chief: UnlockedOffice) -> None:
    with chief.reading() as s:
        start = audit.head(s)[0]
    with chief.transaction(NOTHING) as s:
        held = s.get(Setting, audit.HEAD_KEY)  # an ORM head the session holds meanwhile
        assert held is not None
        for n in range(6):
            try:
                with s.begin_nested():
                    audit.append(s, "chief", Action.IMPORT, "bundle", f"b{n}", {"n": n})
                    if n % 3 == 1:
                        raise Refused
            except Refused:
                pass
        audit.record(s, "chief", Action.IMPORT, "bundle", "orm")  # reads the head append wrote
        audit.append(s, "chief", Action.IMPORT, "bundle", "after-orm", {})
    assert _targets(chief, start) == ["b0", "b2", "b3", "b5", "orm", "after-orm"]
    with chief.reading() as s:
        report = audit.verify(s)
        assert report.ok, report.problem
        assert audit.head(s) == (report.head_seq, report.head_hash) == (start + 6, report.head_hash)


def test_append_follows_the_committed_head_in_a_new_transaction(chief: UnlockedOffice) -> None:
    with chief.transaction(NOTHING) as s:
        first = audit.append(s, "chief", Action.IMPORT, "bundle", "one", {})
    with pytest.raises(Refused), chief.transaction(NOTHING) as s:
        audit.append(s, "chief", Action.IMPORT, "bundle", "lost", {})
        raise Refused
    with chief.transaction(NOTHING) as s:
        second = audit.append(s, "chief", Action.IMPORT, "bundle", "two", {})
    assert second[0] == first[0] + 1
    with chief.reading() as s:
        assert audit.verify(s).ok
        assert audit.head(s) == second


def test_append_many_chains_its_entries_in_order_after_the_pending_head(chief: UnlockedOffice) -> None:
    with chief.reading() as s:
        start = audit.head(s)[0]
    with chief.transaction(NOTHING) as s:
        one = audit.append(s, "chief", Action.IMPORT, "bundle", "one", {})
        assert audit.append_many(s, "chief", Action.IMPORT, "bundle", []) == one  # nothing written
        last = audit.append_many(s, "chief", Action.IMPORT, "bundle", [("two", {"n": 2}), ("three", {})])
        audit.record(s, "chief", Action.IMPORT, "bundle", "orm")  # reads the head append_many wrote
    assert last[0] == one[0] + 2
    assert _targets(chief, start) == ["one", "two", "three", "orm"]
    with chief.reading() as s:
        report = audit.verify(s)
        assert report.ok, report.problem
        assert audit.head(s) == (start + 4, report.head_hash)
