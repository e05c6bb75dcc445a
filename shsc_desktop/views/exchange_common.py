"""Helpers shared by the exchange and district panels (and the district desk): the panels' common base,
file choosing, rows of ready texts (:class:`TextRowsModel`, shown by ``grid_model.read_only_view``),
row colours, and the labels, buttons and busy bars they are built of.

Kept apart so that the district modules (``district.py``, ``district_totals.py``) and the exchange
ones (certificates, export, import) need not import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar, QPushButton, QWidget

from ..services.office import UnlockedOffice
from ..services.returns import NoticeView
from ..services.statistics import period_label
from . import builders
from .file_dialogs import file_dialog
from .operations import BackgroundOperation, Task, run_with_busy
from .register_tables import RowsModel
from .retranslating import Retranslating
from .session import Session, session_of

# Row colours of the import summary, the enrolled offices and the completeness grid (``grid_model``);
# the text says the same (not colour alone).
GOOD = QColor("#dcedc8")
WARN = QColor("#fff3c4")
BAD = QColor("#f8d0d0")
NEUTRAL = QColor("#e3e8ef")


class OfficePanel(Retranslating, QWidget):
    """A panel of one open office, named ``name`` (tests find it by that name): ``office``, its
    ``level`` and its ``session`` (services and change notices). Its ``retranslate()`` runs again
    at each language change."""

    def __init__(self, office: UnlockedOffice, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.office = office
        self.level = office.info.level
        self.session: Session = session_of(office)


class BusyPanel(OfficePanel):
    """An office panel that runs one piece of work at a time behind a busy bar; its buttons follow
    (:meth:`_update_buttons`) while the work runs and after."""

    def __init__(self, office: UnlockedOffice, name: str, parent: QWidget | None = None) -> None:
        super().__init__(office, name, parent)
        self.operation: BackgroundOperation | None = None

    def _update_buttons(self) -> None:
        """Enable the panel's buttons for its state and ``self.operation`` (each panel says how)."""

    def _run(
        self,
        work: Callable[[Task], Any],
        on_success: Callable[[Any], None],
        busy: QProgressBar,
    ) -> BackgroundOperation:
        """``work`` behind ``busy``; what a write changed is told to the office (the notice refreshes
        the panels), a read tells nothing."""
        hub = self.session.hub
        self.operation = run_with_busy(self, busy, work, on_success, self._finished, hub=hub)
        self._update_buttons()
        return self.operation

    def _finished(self) -> None:
        self.operation = None
        self._update_buttons()


def text_label(name: str = "", *, selectable: bool = False, fixed: bool = False) -> QLabel:
    """A wrapping label (:func:`builders.wrapped_label`); ``fixed`` shows it in the fixed-width font
    (fingerprints to read aloud)."""
    label = builders.wrapped_label(name, selectable=selectable)
    if fixed:
        label.setFont(fingerprint_font())
    return label


def push_button(name: str, on_click: Callable[[], object]) -> QPushButton:
    """A button named ``name`` (its text comes with the panel's ``retranslate``) that calls ``on_click``."""
    button = builders.push_button(name)
    button.clicked.connect(on_click)
    return button


def busy_bar(width: int = 160) -> QProgressBar:
    """A progress bar without steps, hidden until background work shows it (``run_with_busy``)."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumWidth(width)
    bar.hide()
    return bar


def choose_one(parent: QWidget, title: str, on_path: Callable[[Path], object], **options: Any) -> QFileDialog:
    """:func:`choose_path` for one file or folder: ``on_path(path)`` runs when the user picks."""
    return choose_path(parent, title, lambda paths: on_path(paths[0]), **options)


def choose_path(
    parent: QWidget,
    title: str,
    on_chosen: Callable[[list[Path]], object],
    *,
    purpose: str = "bundle",
    save: bool = False,
    folder: bool = False,
    many: bool = False,
    name_filters: list[str] | None = None,
    default_name: str = "",
) -> QFileDialog:
    """Open a file dialog without blocking (see :mod:`.file_dialogs`: it starts in the folder last
    used for ``purpose`` or in Documents); ``on_chosen(paths)`` runs when the user picks."""
    return file_dialog(
        parent,
        title,
        purpose,
        on_chosen,
        save=save,
        folder=folder,
        many=many,
        name_filters=name_filters,
        default_name=default_name,
        object_name="exchangeFileDialog",
    )


def fingerprint_font() -> Any:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class TextRowsModel(RowsModel):
    """Rows of texts ready to show (a tuple a row, a text a column) under the titles ``titles()``
    gives in the current language (the panel's own ``tr``, so its translations serve)."""

    def __init__(self, titles: Callable[[], list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = titles
        self.COLUMN_COUNT = len(titles())

    def titles(self) -> list[str]:
        return self._titles()

    def display(self, row: Any, column: int) -> str:
        return str(row[column])


def notice_line(notice: NoticeView, lang: str) -> str:
    """ "October 2026 returned by district 1201: <reason>" (Home and Exchange)."""
    return (
        QCoreApplication.translate("Exchange", "%1 returned by district %2: %3")
        .replace("%1", period_label(notice.period, lang))
        .replace("%2", notice.district_code)
        .replace("%3", notice.reason)
    )
