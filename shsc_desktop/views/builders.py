"""Small widget and layout builders the views share, so that a page says what it shows in one line
per widget instead of repeating the same three to five set-up calls (a named button, a wrapped
label, the hidden progress bar with its cancel button, a row of buttons, a form of fields).

One job: build small widgets. Texts are set by each page's ``retranslate()`` (``self.tr`` literals
stay in the pages, for lupdate); these builders set only names and behaviour.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

L = TypeVar("L", bound=QLabel)
D = TypeVar("D", bound=QDialog)

ERROR_STYLE = "color: #b00020;"


def push_button(name: str, *, hidden: bool = False) -> QPushButton:
    """A button with its object name (tests and the screen checks find it by that name)."""
    button = QPushButton()
    button.setObjectName(name)
    if hidden:  # never setVisible(True): a widget without a parent yet would open as a window
        button.hide()
    return button


def set_up_label(label: L, name: str = "", *, selectable: bool = False, hidden: bool = False) -> L:
    """``label`` wrapping its words, named ``name`` (if given), selectable by mouse if asked."""
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if hidden:
        label.hide()
    return label


def wrapped_label(
    name: str = "", style: str = "", *, selectable: bool = False, hidden: bool = False
) -> QLabel:
    """A new label that wraps its words (see :func:`set_up_label`): a note, a banner, an error line
    (``style``, hidden until used)."""
    label = set_up_label(QLabel(), name, selectable=selectable, hidden=hidden)
    if style:
        label.setStyleSheet(style)
    return label


def progress_and_cancel(progress_name: str, cancel_name: str) -> tuple[QProgressBar, QPushButton]:
    """The progress bar of a long task and the button that cancels it, both hidden until it runs."""
    progress = QProgressBar()
    progress.setObjectName(progress_name)
    progress.hide()
    return progress, push_button(cancel_name, hidden=True)


def row_of(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    """The widgets side by side, left-aligned (a stretch after them unless ``stretch`` is False)."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.addStretch(1)
    return row


def row_widget(*widgets: QWidget) -> QWidget:
    """:func:`row_of` in a widget of its own (a form row that can be shown or hidden whole)."""
    holder = QWidget()
    holder.setLayout(row_of(*widgets))
    return holder


def add_all(layout: QLayout, *widgets: QWidget) -> QLayout:
    """Add the widgets to ``layout`` in order."""
    for widget in widgets:
        layout.addWidget(widget)
    return layout


def line_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    return field


def password_field(name: str) -> QLineEdit:
    field = line_field(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def field_form(fields: Sequence[QWidget], form: QFormLayout | None = None) -> QFormLayout:
    """A form of ``fields`` in rows whose labels ``retranslate()`` sets (``set_field_label``)."""
    form = form if form is not None else QFormLayout()
    for field in fields:
        form.addRow(QLabel(), field)
    return form


def error_label(name: str = "errorLabel") -> QLabel:
    """The red line that says why something was refused (hidden until then)."""
    return wrapped_label(name, ERROR_STYLE, hidden=True)


def busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # an indefinite "working" bar
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.hide()
    return bar


def ok_cancel_buttons() -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A button box whose texts are ours (Qt has no Khmer translation of its own)."""
    box = QDialogButtonBox()
    ok = box.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("okButton")
    ok.setDefault(True)
    cancel = box.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setObjectName("cancelButton")
    return box, ok, cancel


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name (what tests, drafts and style sheets find it by)."""
    widget.setObjectName(name)
    return widget


Part = QWidget | QLayout | int | tuple[QWidget | QLayout, int]
"""A part of a :func:`vbox` or :func:`hbox`: a widget, a layout, a stretch (an ``int``), or a
widget or layout with its stretch factor."""


def _lay_out(layout: QBoxLayout, parts: Iterable[Part]) -> QBoxLayout:
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, int):
            layout.addStretch(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)
    return layout


def vbox(parent: QWidget | None, *parts: Part) -> QVBoxLayout:
    """A vertical layout (set on ``parent`` when given) of ``parts``, top to bottom."""
    layout = QVBoxLayout(parent) if parent is not None else QVBoxLayout()
    _lay_out(layout, parts)
    return layout


def hbox(*parts: Part) -> QHBoxLayout:
    """A horizontal layout of ``parts``, left to right (e.g. buttons, then a stretch: ``1``)."""
    layout = QHBoxLayout()
    _lay_out(layout, parts)
    return layout


def box_button(
    box: QDialogButtonBox, name: str, role: QDialogButtonBox.ButtonRole, text: str = ""
) -> QPushButton:
    """A button of a dialog's button box, with its object name (and ``text``, else set later)."""
    button = box.addButton(text, role)
    button.setObjectName(name)
    return button


def open_dialog(dialog: D) -> D:
    """``dialog`` opened window-modal (``open``, never ``exec``) and deleted once closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
