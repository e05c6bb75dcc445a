"""The one way a window follows a language switch: Qt sends ``LanguageChange`` to every widget when
the translator is replaced, and a :class:`Retranslating` widget sets its texts again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object  # a plain mixin at run time: the Qt class comes after it in the bases


class Retranslating(_Widget):
    """Put first in the bases of a Qt widget (``class Page(Retranslating, QWidget)``) that has a
    ``retranslate()`` setting all its texts."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
