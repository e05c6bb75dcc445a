"""Forms open when the office locks are kept as sealed drafts and offered back to the same user.

The shell calls :func:`open_forms` before it hides the windows, :func:`keep_drafts` once they are
off the screen, and :func:`offer_drafts` after the next unlock (``services.drafts`` seals each draft
to the user's own slot key, so nobody else is ever offered it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import ShscError
from ..services.drafts import DraftInfo, DraftService
from ..services.office import UnlockedOffice
from .messages import confirm, show_error, show_message
from .record_form import RecordForm

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
    service = DraftService(office)
    for form in forms:
        try:
            if service.keep(form.form_kind, form.record_id, form.state()) is not None:
                kept += 1
        except ShscError:
            continue
    return kept


def offer_drafts(window: QWidget, office: UnlockedOffice) -> None:
    """After an unlock: offer the newest draft of this user back (one question at a time)."""
    try:
        drafts = DraftService(office).pending()
    except ShscError as error:
        show_error(window, error)
        return
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


def reopen(window: QWidget, office: UnlockedOffice, draft: DraftInfo) -> RecordForm | None:
    """Open the draft's form (new, or the record it was editing) and put the values back."""
    try:
        state = DraftService(office).open(draft.id)
        form = _open_form(window, draft.form_kind, draft.record_id)
    except ShscError as error:
        show_error(window, error)
        return None
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
    return form


def _open_form(window: QWidget, kind: str, record_id: str) -> RecordForm | None:
    pages = getattr(window, "page_by_section", {})
    show = getattr(window, "show_section", None)
    section = {"incident": "incidents", "meeting": "meetings", "contact": "contacts"}.get(kind)
    page = pages.get(section) if section else None
    if page is None:
        return None
    if show is not None:
        show(section)
    view = page.service.get(record_id) if record_id else None
    opener = page._open_form if kind == "incident" else page._open
    form: RecordForm = opener(view)
    return form
