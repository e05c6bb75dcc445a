"""What the register pages (incidents, referrals, meetings, the directory) and their record forms
share: the record form's frame (its session, field problems, error line, Save and Cancel, the
write that closes it and the ``saved`` signal), the page's frame (office, rights, heading, change
notice, New / Open / Delete, the list table, the month filter, the search box), opening a form after
reading its record in the background, and deleting with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialogButtonBox, QLineEdit, QTableView, QWidget

from ..errors import MonthLocked
from ..security.permissions import Perm
from ..services import months
from ..services.office import UnlockedOffice
from ..values.changes import Changes
from .builders import box_button, error_label, open_dialog, push_button
from .form_helpers import FieldProblems, ask_reason, heading_label
from .messages import show_error
from .operations import BackgroundOperation, ChangeHub, Task, run_in_background, run_write
from .record_form import RecordForm
from .register_tables import ROW_ROLE
from .retranslating import Retranslating
from .session import session_of

F = TypeVar("F", bound=RecordForm)

SEARCH_DELAY_MS = 250
"""A list's search waits this long after the last keystroke (not a query per letter)."""


class RegisterForm(Retranslating, RecordForm):
    """A record form of one register: a subclass has a ``save()`` that ends in :meth:`write` (whose
    service names what it changes), and lays out ``error``, its fields and ``buttons`` (Save and
    Cancel, built here).

    Signals:
        saved(object): the view of the record written (the form then closes).
    """

    saved = Signal(object)

    def __init__(
        self, office: UnlockedOffice, name: str, record_id: str | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.record_id = record_id
        self.setObjectName(name)
        self.session = session_of(office)
        self.problems = FieldProblems()
        self.error = error_label("formError")
        self.buttons = QDialogButtonBox()
        self.save_button = box_button(self.buttons, "saveButton", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = box_button(self.buttons, "cancelButton", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.keep_save_default()

    def save(self) -> None:
        raise NotImplementedError

    def write(self, work: Callable[[Task], Any]) -> None:
        """Save disabled while ``work`` writes; the form closes when it has, or shows why not."""
        self.save_button.setEnabled(False)
        run_write(self, self.session.hub, work, self._saved, self._failed)

    def _saved(self, view: object) -> None:
        self.saved.emit(view)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_failed(error)
        if isinstance(error, MonthLocked):  # the month is approved: said plainly, not only in red
            show_error(self, error)

    @staticmethod
    def grow_table(table: Any, rows: dict[str, int]) -> None:
        """Add rows to ``table`` (a table with ``add()``) up to the count ``rows`` gives its name."""
        while table.rowCount() < rows.get(table.objectName(), 0):
            table.add()


class RegisterPage(Retranslating, QWidget):
    """What every register page starts with: its office, session, day, the user's rights, a
    heading (its ``retranslate`` sets the heading's text) and the office's change notice; and the
    New / Open / Delete buttons and the list table of its records, wired alike."""

    def __init__(
        self, office: UnlockedOffice, name: str, parent: QWidget | None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.office = office
        self.session = session_of(office)
        self.today = today or date.today()
        self.can_write = office.actor.can(Perm.RECORDS_WRITE)
        self.can_delete = office.actor.can(Perm.RECORDS_DELETE)
        self.heading = heading_label()
        self.session.hub.changed.connect(self.on_changes)

    def record_buttons(self, kind: str, may_delete: bool) -> None:
        """New…, Open and Delete… (``new{kind}Button``, …) wired to :meth:`open_new`,
        :meth:`open_selected` and :meth:`ask_delete`: New for a user who may write, Delete when
        ``may_delete``. Their texts are the page's own (its ``retranslate``)."""
        self.new_button = push_button(f"new{kind}Button")
        self.open_button = push_button(f"open{kind}Button")
        self.delete_button = push_button(f"delete{kind}Button")
        self.new_button.setVisible(self.can_write)
        self.delete_button.setVisible(may_delete)
        self.new_button.clicked.connect(self.open_new)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.ask_delete)

    def record_texts(self, new: str, open_: str, delete: str) -> None:
        """The texts of New…, Open and Delete… (translated by the page, in its own context)."""
        self.new_button.setText(new)
        self.open_button.setText(open_)
        self.delete_button.setText(delete)

    def open_read(
        self, record_id: str | None, read: Callable[[str], Any], open_form: Callable[[Any], object]
    ) -> BackgroundOperation | None:
        """``read(record_id)`` in the background (the record as it is now, not as the list showed
        it), then ``open_form`` with it; nothing without a record chosen. A record that cannot be
        read (deleted meanwhile, not the user's) says why in a message."""
        if record_id is None:
            return None

        def arrived(view: Any) -> None:
            open_form(view)

        return run_in_background(self, lambda _t: read(record_id), arrived)

    def follow_table(self, table: QTableView) -> None:
        """Enter or a double click on ``table`` opens the record; a new selection or new rows
        update the buttons."""
        table.activated.connect(lambda _i: self.open_selected())
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        table.model().modelReset.connect(self._update_buttons)

    # -- for subclasses -------------------------------------------------------------------------

    table: QTableView
    follows: tuple[str, ...] = ()
    """The registers whose changes the page shows: a change notice touching one refreshes it."""

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: reload when it touches what the page shows."""
        if changes.touches(*self.follows):
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def open_new(self) -> object:
        raise NotImplementedError

    def open_selected(self) -> object:
        raise NotImplementedError

    def ask_delete(self) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        """Open and Delete need a chosen record (of ``table``, the page's list)."""
        chosen = selected_record(self.table) is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)


def search_box(page: QWidget) -> tuple[QLineEdit, QTimer]:
    """The search field of a register page and the single-shot timer that waits for a pause in
    typing (connect its ``timeout`` to the reload)."""
    search = QLineEdit()
    search.setObjectName("searchBox")
    search.setClearButtonEnabled(True)
    timer = QTimer(page)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    search.textChanged.connect(lambda _t: timer.start())
    return search, timer


def fill_months(combo: QComboBox, today: date, all_months: str, offered: int) -> None:
    """The month filter: ``all_months`` (data ``""``), then this month and the ``offered - 1``
    before it, newest first; the choice is kept, without a change signal."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_months, "")
    period = months.period_of(today)
    for i in range(offered):
        p = months.add_months(period, -i)
        combo.addItem(p, p)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
    combo.blockSignals(False)


def record_table(name: str, model: QAbstractItemModel, alternating: bool = False) -> QTableView:
    """A read-only list of records: whole rows, one at a time (``alternating`` row colours)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    table.verticalHeader().hide()
    return table


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def selected_record(table: QTableView) -> Any:
    """The row object (``ROW_ROLE``) of the record chosen in ``table``, or ``None``."""
    rows = table.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


def open_record_form(form: F, can_write: bool = True) -> F:
    """``form`` opened (window-modal, deleted on close); Save only for a user who may write."""
    form.save_button.setEnabled(can_write)
    return open_dialog(form)


def ask_delete_record(
    page: QWidget,
    hub: ChangeHub,
    texts: tuple[str, str, str],
    delete: Callable[[str], object],
) -> None:
    """Ask why (``texts``: title, question, button), then ``delete(reason)`` as a write."""
    title, question, button = texts
    ask_reason(
        page,
        title,
        question,
        button,
        lambda reason: run_write(page, hub, lambda _t: delete(reason)),
    )
