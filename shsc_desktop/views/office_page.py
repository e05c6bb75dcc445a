"""The base of a section page of an unlocked office (home, reports, administration): its object
name, the office, the office's session (services built once and the change notice, see
``views.session``), and the language switch (``Retranslating``: the page sets its texts in
``retranslate()``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..models.codes import OFFICE_LEVEL
from ..services.office import UnlockedOffice
from .retranslating import Retranslating
from .session import session_of


class OfficePage(Retranslating, QWidget):
    """A page named ``name`` (tests and the screen checks find it by that name) of ``office``."""

    def __init__(self, name: str, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.office = office
        self.session = session_of(office)
        self.services = self.session.services


def office_line_text(office: UnlockedOffice, lang: str, pattern: str) -> str:
    """ "Name, level (code …)"; the ministry is named once (its name is its level)."""
    info = office.info
    if info.level == "ministry":
        return info.name(lang) or OFFICE_LEVEL.label(info.level, lang)
    return (
        pattern.replace("%1", info.name(lang))
        .replace("%2", OFFICE_LEVEL.label(info.level, lang))
        .replace("%3", info.code or "–")
    )
