"""What the register pages of the directory and the meetings share: the record form's frame (its
session, field problems, error line, Save and Cancel, and the write that closes it), the read-only
list table, opening a form, and deleting with a reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt, SignalInstance
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLabel, QTableView, QWidget

from ..services.office import UnlockedOffice
from ..values.changes import Changes
from .form_helpers import ERROR_STYLE, FieldProblems, ask_reason
from .operations import ChangeHub, Task, run_write
from .record_form import RecordForm
from .retranslating import Retranslating
from .session import session_of

F = TypeVar("F", bound=RecordForm)


class RegisterForm(Retranslating, RecordForm):
    """A record form of one register: a subclass sets ``register`` (what its writes change), has a
    ``saved`` signal and a ``save()`` that ends in :meth:`write`, and lays out ``error``, its fields
    and ``buttons``."""

    register = ""
    saved: SignalInstance

    def __init__(
        self, office: UnlockedOffice, name: str, record_id: str | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.record_id = record_id
        self.setObjectName(name)
        self.session = session_of(office)
        self.problems = FieldProblems()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.keep_save_default()

    def save(self) -> None:
        raise NotImplementedError

    def write(self, work: Callable[[Task], Any]) -> None:
        """Save disabled while ``work`` writes; the form closes when it has, or shows why not."""
        self.save_button.setEnabled(False)
        run_write(
            self, self.session.hub, work, Changes.of_registers(self.register), self._saved, self._failed
        )

    def _saved(self, view: object) -> None:
        self.saved.emit(view)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_failed(error)


def record_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only list of records: whole rows, one at a time."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def open_record_form(form: F, can_write: bool) -> F:
    """``form`` opened (window-modal, deleted on close); Save only for a user who may write."""
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.save_button.setEnabled(can_write)
    form.open()
    return form


def ask_delete_record(
    page: QWidget,
    hub: ChangeHub,
    texts: tuple[str, str, str],
    delete: Callable[[str], object],
    register: str,
) -> None:
    """Ask why (``texts``: title, question, button), then ``delete(reason)`` as a write."""
    title, question, button = texts
    ask_reason(
        page,
        title,
        question,
        button,
        lambda reason: run_write(page, hub, lambda _t: delete(reason), Changes.of_registers(register)),
    )
