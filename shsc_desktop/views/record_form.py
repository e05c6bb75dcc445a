"""The base of every record form: nothing the clerk typed is lost by accident.

- **Dirty tracking**: the form's state (every input widget's value) is recorded when it is first
  shown; Cancel, Esc or the window's close button on a changed form asks before discarding.
- **Enter saves, from any field**: Save is shown as the default button and Enter/Return presses it
  wherever the focus is (also after Tab went past Save and Cancel, where Qt's own default-button
  logic leaves no default), except in a widget that uses Enter itself (multi-line text).
- **A failed save keeps Save the default button** (so Enter does not discard) and puts the focus on
  the first field with a problem, scrolled into view.
- **Tab follows the form as it is laid out**: once the form is built (first shown), the Tab chain is
  set from the layouts, walked in order (box layouts, form rows, grids by row then column, group
  boxes, the scroll area's content, widgets in table cells after their table), ending with the
  buttons; not from the order the widgets happened to be created or reparented in.
- **State for drafts**: :meth:`RecordForm.state` gives the values as plain JSON-able data and
  :meth:`RecordForm.restore_state` puts them back, so that a form open when the office locks can be
  kept as an encrypted draft (``services.drafts``) and offered back to the same user.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from ..errors import ShscError
from .form_helpers import FieldProblems
from .messages import confirm


class RecordForm(QDialog):
    """A record dialog with ``save_button``, ``cancel_button``, ``problems`` and ``error``.

    Subclasses set ``form_kind`` ("incident", "meeting", ...) and ``record_id`` (``None`` for a new
    record), and implement :meth:`add_rows` when they hold tables whose rows the clerk adds.
    """

    form_kind = ""
    save_button: QPushButton
    cancel_button: QPushButton
    problems: FieldProblems
    error: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_id: str | None = None
        self._clean: dict[str, Any] | None = None
        self._discard_confirmed = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- buttons ------------------------------------------------------------------------------------

    def keep_save_default(self) -> None:
        """Save is the button Enter presses, always: no other button ("Cancel", "Add perpetrator")
        becomes the default by being clicked or taking the focus."""
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.save_button)
        self.save_button.setDefault(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter/Return presses Save wherever the focus is in the form (Save disabled: nothing).

        Qt's dialog gives Enter to its default button, but once Tab has moved the focus over Save
        and on to a button that is not auto-default (Cancel), it leaves no default button at all and
        Enter would do nothing. Widgets that use Enter themselves (multi-line text, an open combo
        list, a table cell being edited) take it before it reaches the form."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            super().keyPressEvent(event)
            return
        if _uses_enter(QApplication.focusWidget()):
            super().keyPressEvent(event)
            return
        event.accept()
        self.keep_save_default()
        if self.save_button.isEnabled() and self.save_button.isVisible():
            self.save_button.click()

    def order_tabs(self) -> list[QWidget]:
        """Chain every widget that takes the focus in the order of the form's layouts (see the module
        docstring); returns the chain. Hidden or disabled widgets keep their place (Tab skips them
        while they are), so a section shown later (a child's questions) is already in order."""
        chain: list[QWidget] = []
        layout = self.layout()
        if layout is not None:
            _walk_layout(layout, chain)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        return chain

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Qt takes the default away from Save when the focus leaves it for Cancel; give it back
        # so that Save is always shown as the button Enter presses.
        if not shiboken6.isValid(self) or new is None or not hasattr(self, "save_button"):
            return
        if not self.isAncestorOf(new):
            return
        if not self.save_button.isDefault():
            self.keep_save_default()

    def save_failed(self, error: BaseException) -> None:
        """After a refused save: the messages, Save enabled and default, focus on the first problem."""
        assert isinstance(error, ShscError)
        self.save_button.setEnabled(True)
        self.keep_save_default()
        self.problems.report(error, self.error)
        self.focus_first_problem()

    def focus_first_problem(self) -> QWidget | None:
        """The field of the topmost problem shown gets the focus and is scrolled into view."""
        shown = [
            label
            for label in self.problems.labels.values()
            if label.isVisibleTo(self) and label.text() and label.buddy() is not None
        ]
        if not shown:
            return None
        shown.sort(key=lambda label: (label.mapTo(self, label.rect().topLeft()).y(), label.x()))
        field = shown[0].buddy()
        assert field is not None
        target = field.focusProxy() or field
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        area = _scroll_area_of(field)
        if area is not None:
            area.ensureWidgetVisible(field)
        return field

    # -- changed or not -----------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._clean is None:
            self.order_tabs()
            self.keep_save_default()
            self.mark_clean()

    def mark_clean(self) -> None:
        self._clean = self.state()

    def is_dirty(self) -> bool:
        return self._clean is not None and self.state() != self._clean

    def reject(self) -> None:
        if self._discard_confirmed or not self.is_dirty():
            super().reject()
            return
        box = confirm(
            self,
            QCoreApplication.translate("RecordForm", "Discard the changes made in this form?"),
            QCoreApplication.translate("RecordForm", "Discard changes"),
            self._discard,
        )
        box.setObjectName("discardBox")

    def _discard(self) -> None:
        self._discard_confirmed = True
        super().reject()

    # -- state --------------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Row counts of the tables and every input's value by its field key (JSON-able).

        Values are keyed by name, not by position: a draft kept by one version of a form goes back
        into the same fields after a later version added, removed or moved fields (a value whose
        field no longer exists is left out rather than put into a neighbour)."""
        tables = [t for t in self.findChildren(QTableWidget) if t.objectName()]
        return {
            "rows": {t.objectName(): t.rowCount() for t in tables},
            "cells": {t.objectName(): _cell_texts(t) for t in tables},
            "fields": {key: _value_of(w) for key, w in self.input_keys()},
        }

    def restore_state(self, state: dict[str, Any]) -> bool:
        """Put a draft's values back; False when some of them could not be placed safely (a
        positional draft from an older layout), which the caller tells the user."""
        self.add_rows({str(k): int(v) for k, v in dict(state.get("rows", {})).items()})
        cells = dict(state.get("cells", {}))
        for table in self.findChildren(QTableWidget):
            for (row, column), text in zip(
                _cells(table), list(cells.get(table.objectName(), [])), strict=False
            ):
                item = table.item(row, column)
                if isinstance(text, str) and item is not None:
                    item.setText(text)
        fields = state.get("fields")
        if isinstance(fields, dict):
            for key, widget in self.input_keys():  # in widget order: answers update later questions
                if key in fields:
                    _set_value(widget, fields[key])
            return True
        # A draft kept before fields had keys: a list in widget order. Put it back only when it
        # fits this layout exactly; otherwise a value could land in another field.
        values = list(state.get("values", []))
        inputs = self._inputs()
        if len(values) != len(inputs) or not all(map(_fits, inputs, values)):
            return not values
        for widget, value in zip(inputs, values, strict=True):
            _set_value(widget, value)
        return True

    def input_keys(self) -> list[tuple[str, QWidget]]:
        """Every input with a key that does not depend on the other fields of the form: its object
        name, else the form attribute holding it (``survivor_name``, ``actions.mediation``), else
        the nearest named ancestor's key with its class and place among that ancestor's inputs."""
        named: dict[int, str] = {}

        def visit(key: str, value: object, depth: int) -> None:
            if isinstance(value, QWidget):
                if not shiboken6.isValid(value):
                    return  # e.g. a closed popup kept in an attribute: never touch its C++ side
                named.setdefault(id(value), key)
                if depth < 2:
                    for attr, inner in getattr(value, "__dict__", {}).items():
                        if not attr.startswith("_"):
                            visit(f"{key}.{attr}", inner, depth + 1)
            elif isinstance(value, dict) and depth < 3:
                for k, inner in value.items():
                    visit(f"{key}.{k}", inner, depth + 1)
            elif isinstance(value, (list, tuple)) and depth < 3:
                for i, inner in enumerate(value):
                    visit(f"{key}[{i}]", inner, depth + 1)

        for attr, value in vars(self).items():
            if not attr.startswith("_"):
                visit(attr, value, 0)
        keys: list[tuple[str, QWidget]] = []
        places: dict[str, int] = {}
        for widget in self._inputs():
            key = widget.objectName() or named.get(id(widget))
            if not key:
                anchor = widget.parentWidget()
                while (
                    anchor is not None
                    and anchor is not self
                    and not (anchor.objectName() or id(anchor) in named)
                ):
                    anchor = anchor.parentWidget()
                base = "" if anchor is None or anchor is self else anchor.objectName() or named[id(anchor)]
                slot = f"{base}/{type(widget).__name__}"
                places[slot] = places.get(slot, -1) + 1
                key = f"{slot}#{places[slot]}"
            keys.append((key, widget))
        return keys

    def add_rows(self, rows: dict[str, int]) -> None:
        """Give the named tables this many rows (before :meth:`restore_state` fills them)."""

    def _inputs(self) -> list[QWidget]:
        return [w for w in self.findChildren(QWidget) if _is_input(w)]


def _cells(table: QTableWidget) -> list[tuple[int, int]]:
    return [(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())]


def _cell_texts(table: QTableWidget) -> list[str | None]:
    """The text of the plain cells (cells holding a widget are read through that widget)."""
    texts: list[str | None] = []
    for row, column in _cells(table):
        item = table.item(row, column)
        texts.append(item.text() if item is not None and table.cellWidget(row, column) is None else None)
    return texts


def _is_input(widget: QWidget) -> bool:
    if widget.property("formState") is False:
        return False  # e.g. the toggle that shows identifying details: not a value of the record
    if isinstance(widget, QLineEdit):
        # The text field inside a spin or combo box: its owner holds the value.
        return not isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    return isinstance(widget, (QPlainTextEdit, QComboBox, QSpinBox))


def _value_of(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if isinstance(data, str) else widget.currentIndex()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


def _set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        index = widget.findData(value) if isinstance(value, str) else value
        if isinstance(index, int) and 0 <= index < widget.count():
            widget.setCurrentIndex(index)
    elif isinstance(widget, QSpinBox) and isinstance(value, int) and not isinstance(value, bool):
        widget.setValue(value)
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool) and widget.isEnabled():
        if value and not widget.isChecked():
            widget.click()  # as the clerk would: a Yes/No answer updates the questions after it
        elif not value and widget.isChecked():
            widget.setChecked(False)


def _fits(widget: QWidget, value: Any) -> bool:
    """Whether ``value`` is the kind of value ``widget`` holds (a legacy draft's sanity check)."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        return isinstance(value, str)
    if isinstance(widget, QComboBox):
        return isinstance(value, (str, int)) and not isinstance(value, bool)
    if isinstance(widget, QSpinBox):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(widget, QAbstractButton):
        return isinstance(value, bool)
    return value is None


def _walk_layout(layout: QLayout, chain: list[QWidget]) -> None:
    """The widgets of ``layout`` that take Tab focus, in reading order, appended to ``chain``."""
    items = []
    if isinstance(layout, QFormLayout):
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        items = [layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles]
    elif isinstance(layout, QGridLayout):
        placed: list[tuple[int, int, int]] = []
        for i in range(layout.count()):
            position = cast(tuple[int, int, int, int], layout.getItemPosition(i))
            placed.append((position[0], position[1], i))
        items = [layout.itemAt(i) for _row, _column, i in sorted(placed)]
    else:
        items = [layout.itemAt(i) for i in range(layout.count())]
        backwards = (QBoxLayout.Direction.RightToLeft, QBoxLayout.Direction.BottomToTop)
        if isinstance(layout, QBoxLayout) and layout.direction() in backwards:
            items.reverse()
    for item in items:
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            _walk_widget(widget, chain)
        elif (inner := item.layout()) is not None:
            _walk_layout(inner, chain)


def _walk_widget(widget: QWidget, chain: list[QWidget]) -> None:
    if widget.isWindow():
        return
    # Every widget that takes the focus at all has its place: some join Tab only later (a date's
    # month and day once its year is typed), and Tab passes over the others.
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.focusProxy() is None:
        chain.append(widget)
    if isinstance(widget, QScrollArea):
        if (content := widget.widget()) is not None:
            _walk_widget(content, chain)
    elif (layout := widget.layout()) is not None:
        _walk_layout(layout, chain)
    elif isinstance(widget, QTableWidget):
        for row, column in _cells(widget):
            if (cell := widget.cellWidget(row, column)) is not None:
                _walk_widget(cell, chain)


def _uses_enter(widget: QWidget | None) -> bool:
    """Whether ``widget`` (the focus) does something of its own with Enter: a new line in
    multi-line text, choosing in an open combo list, committing a table cell being edited."""
    if widget is None:
        return False
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.view().isVisible()
    if isinstance(widget, QAbstractItemView):
        return widget.state() == QAbstractItemView.State.EditingState
    return False


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None
