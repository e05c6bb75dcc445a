"""Reading never holds the write lock: a slow list or report does not make a save wait.

Found on a 50,000-incident office: every transaction began with ``BEGIN IMMEDIATE``, so the home
summary, the incident list and the background page check queued behind each other until a save
failed with "database is locked".
"""

from __future__ import annotations

import time

from sqlalchemy import func, select

from shsc_desktop.models.tables import Contact
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.values.changes import NOTHING


def test_a_save_goes_through_while_a_read_is_open(chief: UnlockedOffice) -> None:
    with chief.reading() as reader:
        before = reader.scalar(select(func.count()).select_from(Contact))  # read transaction open
        started = time.monotonic()
        with chief.transaction(NOTHING) as writer:
            writer.add(
                Contact(
                    name_en="Health centre (synthetic)",
                    organisation_type="health_centre",
                    created_by="chief",
                    updated_by="chief",
                )
            )
        assert time.monotonic() - started < 2.0
        # The reader keeps its snapshot (WAL): it still sees the count it started with.
        assert reader.scalar(select(func.count()).select_from(Contact)) == before
    with chief.reading() as fresh:
        assert fresh.scalar(select(func.count()).select_from(Contact)) == before + 1
