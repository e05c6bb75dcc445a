"""The unlocked session: the office, its services built once, and its one change notifier.

The shell opens a session when an office is unlocked (``open_session``) and closes it when the
office is locked (``close_session``); pages find it with ``session_of(office)``. A page built
straight on an office (the widget tests) gets one on first use; a session whose office has been
locked is dropped the next time any session is looked up, so none outlives its key.

Every page takes its services from ``session.services`` and listens to ``session.hub.changed``
(a :class:`~shsc_desktop.values.changes.Changes` after each write, see ``operations.run_write``)
to refresh itself; no page is wired to another by hand.
"""

from __future__ import annotations

from ..services.office import UnlockedOffice
from ..services.session import OfficeServices
from .operations import ChangeHub

_sessions: dict[int, Session] = {}


class Session:
    """One unlocked office as the pages see it."""

    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office
        self.services = OfficeServices(office)
        self.hub = ChangeHub()


def _drop_locked() -> None:
    for key, session in list(_sessions.items()):
        if session.office.locked:
            del _sessions[key]


def open_session(office: UnlockedOffice) -> Session:
    """At unlock: the session of ``office`` (a fresh one unless it is already open)."""
    _drop_locked()
    session = _sessions.get(id(office))
    if session is None or session.office is not office:
        session = _sessions[id(office)] = Session(office)
        session.services.warm()
    return session


def session_of(office: UnlockedOffice) -> Session:
    """The open session of ``office`` (opened now if the page was built without the shell)."""
    return open_session(office)


def close_session(office: UnlockedOffice) -> None:
    """At lock: forget the services and the notifier of ``office``."""
    session = _sessions.get(id(office))
    if session is not None and session.office is office:
        del _sessions[id(office)]
    _drop_locked()


def is_open(office: UnlockedOffice) -> bool:
    """Whether ``office`` has an open session (a test checks that locking drops it)."""
    return hub_of(office) is not None


def hub_of(office: UnlockedOffice) -> ChangeHub | None:
    """The change notifier of ``office``'s open session; None before it opens (a password changed
    before the main window is built: no page yet to tell)."""
    session = _sessions.get(id(office))
    return session.hub if session is not None and session.office is office else None
