"""Forms open when the office locks are kept as sealed drafts and offered back to the same user.

The shell calls :func:`open_forms` before it hides the windows, :func:`keep_drafts` once they are
off the screen, and :func:`offer_drafts` after the next unlock (``services.drafts`` seals each draft
to the user's own slot key, so nobody else is ever offered it).

Offering and reopening read on the background runner. Keeping is the one write left on the GUI
thread: it runs while the office locks, after the windows are hidden and before the runner is told
to stop, and locking must not wait on a queue that may be busy (``tests/ui/gui_reads.py`` lists it,
with that reason).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import ShscError
from ..services.drafts import DraftInfo
from ..services.office import UnlockedOffice
from .messages import confirm, show_message
from .operations import BackgroundOperation, run_in_background
from .record_form import RecordForm
from .session import session_of

REOPENABLE = ("incident", "meeting", "contact")


def open_forms(root: QWidget | None) -> list[RecordForm]:
    """The record forms on screen under ``root`` (the main window) with changes not yet saved."""
    if root is None:
        return []
    return [
        form
        for form in root.findChildren(RecordForm)
        if form.isVisible() and form.form_kind in REOPENABLE and form.is_dirty()
    ]


def keep_drafts(office: UnlockedOffice | None, forms: list[RecordForm]) -> int:
    """Seal each form's values as a draft of the signed-in user; returns how many were kept.

    Locking must go on whatever happens here: a draft that cannot be written is given up.
    """
    if office is None or office.locked:
        return 0
    kept = 0
    service = session_of(office).services.drafts
    for form in forms:
        try:
            if service.keep(form.form_kind, form.record_id, form.state()) is not None:
                kept += 1
        except ShscError:
            continue
    return kept


def offer_drafts(window: QWidget, office: UnlockedOffice) -> BackgroundOperation:
    """After an unlock: offer the newest draft of this user back (one question at a time); the
    drafts are looked up in the background."""
    service = session_of(office).services.drafts
    return run_in_background(window, lambda _t: service.pending(), lambda d: _offer(window, office, d))


def _offer(window: QWidget, office: UnlockedOffice, drafts: list[DraftInfo]) -> None:
    if not drafts:
        return
    draft = drafts[0]
    text = QCoreApplication.translate(
        "Drafts",
        "When the office locked at %1, a form you had not saved was kept for you. Open it again?",
    ).replace("%1", draft.created_at.astimezone().strftime("%H:%M"))
    box = confirm(
        window,
        text,
        QCoreApplication.translate("Drafts", "Open the form"),
        lambda: reopen(window, office, draft),
    )
    box.setObjectName("draftBox")


def reopen(window: QWidget, office: UnlockedOffice, draft: DraftInfo) -> BackgroundOperation:
    """Open the draft's form (new, or the record it was editing) and put the values back; the draft
    and the record are read in the background, then the form opens (an error is shown instead)."""
    service = session_of(office).services.drafts
    page = _page_of(window, draft.form_kind)
    records = getattr(page, "service", None)

    def read(_t: Any) -> tuple[Any, Any]:
        state = service.open(draft.id)
        record = records.get(draft.record_id) if records is not None and draft.record_id else None
        return state, record

    return run_in_background(window, read, lambda found: _reopened(window, draft, *found))


def _reopened(window: QWidget, draft: DraftInfo, state: Any, record: Any) -> None:
    form = _open_form(window, draft.form_kind, record)
    if form is not None and not form.restore_state(state):
        show_message(
            form,
            QCoreApplication.translate(
                "Drafts",
                "This draft was kept by an older version of the form. Its typed values could not be "
                "put back into the right fields safely, so they were left out: please enter them again.",
            ),
            QMessageBox.Icon.Warning,
        )


SECTIONS = {"incident": "incidents", "meeting": "meetings", "contact": "contacts"}


def _page_of(window: QWidget, kind: str) -> Any:
    section = SECTIONS.get(kind)
    return getattr(window, "page_by_section", {}).get(section) if section else None


def _open_form(window: QWidget, kind: str, view: Any) -> RecordForm | None:
    """The form of ``kind`` on its page, for ``view`` (None: a new record), the section shown."""
    page = _page_of(window, kind)
    if page is None:
        return None
    show = getattr(window, "show_section", None)
    if show is not None:
        show(SECTIONS[kind])
    opener = page._open_form if kind == "incident" else page._open
    form: RecordForm = opener(view)
    return form
