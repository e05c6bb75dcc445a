"""The write names what it changed (issue #12): each transaction's ``Changes`` reach the operation
collecting them once it has committed, and only then."""

from __future__ import annotations

import pytest

from shsc_desktop.errors import NotFound, ValidationFailed
from shsc_desktop.services.admin import AdminService
from shsc_desktop.services.contacts import ContactDraft, ContactService
from shsc_desktop.services.months import MonthService
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.values.changes import NOTHING, Changes, collecting


def _draft(name: str) -> ContactDraft:
    return ContactDraft("health_centre", frozenset({"health"}), name_en=name)


def test_a_service_write_names_what_it_changed_once_committed(chief: UnlockedOffice) -> None:
    contacts, admin = ContactService(chief), AdminService(chief)
    with collecting() as collected:
        contacts.create(_draft("Tonle Basak HC"))
        assert collected.changes == Changes.of_registers("contacts")
        admin.set_identity_retention_years(4)
        MonthService(chief).approve("2020-01")
    assert collected.changes == (
        Changes.of_registers("contacts")
        | Changes.of_settings("identity_retention_years")
        | Changes.of_month("2020-01")
    )


def test_a_rolled_back_write_names_nothing(chief: UnlockedOffice) -> None:
    contacts = ContactService(chief)
    with collecting() as collected:
        with pytest.raises(NotFound):
            contacts.delete("0" * 32, "a mistake")  # refused inside its transaction
        with pytest.raises(ValidationFailed):
            contacts.create(ContactDraft("spa", frozenset({"massage"})))
        with pytest.raises(RuntimeError), chief.transaction(Changes(accounts=True)):
            raise RuntimeError("the work failed before the commit")
    assert collected.changes == NOTHING
    assert contacts.search() == []


def test_a_write_outside_any_operation_still_writes_and_keeps_nothing(chief: UnlockedOffice) -> None:
    contacts = ContactService(chief)
    made = contacts.create(_draft("Outside HC"))  # no collection open: nothing listens
    assert [c.id for c in contacts.search()] == [made.id]
    with collecting() as collected:
        pass
    assert collected.changes == NOTHING  # nothing left over from the write before


def test_an_enclosing_collection_receives_what_an_inner_one_collected(chief: UnlockedOffice) -> None:
    with collecting() as outer:
        ContactService(chief).create(_draft("First HC"))
        with collecting() as inner:
            AdminService(chief).set_identity_retention_years(3)
        assert inner.changes == Changes.of_settings("identity_retention_years")
    assert outer.changes == Changes.of_registers("contacts") | Changes.of_settings("identity_retention_years")


def test_an_audit_only_write_names_nothing(chief: UnlockedOffice) -> None:
    with collecting() as collected:
        report = AdminService(chief).verify_audit()
    assert report.ok
    assert collected.changes == NOTHING
