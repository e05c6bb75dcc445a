"""The "?" help of a form's fields: a one-line definition shown under the fields' box on a click,
and the same text as each field's tooltip and "What's this?"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from .look import note_style


class FieldHelp:
    """The "?" beside a field: one click shows its one-line definition under the box (a second
    click hides it); the same text is the field's and the button's tooltip and "What's this?"."""

    def __init__(self, form: QWidget) -> None:
        self.form = form
        self.buttons: dict[str, QToolButton] = {}
        self.captions: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self.note_of: dict[str, QLabel] = {}
        self.texts: dict[str, str] = {}
        self.shown: dict[int, str | None] = {}
        self._pending: list[str] = []

    def rows(self, form: QFormLayout, rows: list[tuple[QWidget, QLabel, str]]) -> None:
        """Add each field with its "?" and its problem label under it."""
        for field, problem, key in rows:
            problem.setBuddy(field)
            holder = QWidget()
            holder.setObjectName(f"{field.objectName()}Holder")
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            line = QHBoxLayout()
            line.addWidget(field, 1)
            button = QToolButton()
            button.setObjectName(f"help_{key}")
            button.setText("?")
            button.clicked.connect(lambda _checked=False, k=key: self.toggle(k))
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            box.addLayout(line)
            box.addWidget(problem)
            caption = QLabel()
            caption.setWordWrap(True)
            caption.setBuddy(field)
            form.addRow(caption, holder)
            self.buttons[key] = button
            self.captions[key] = caption
            self.fields[key] = field
            self._pending.append(key)

    def note_for(self, box: QWidget) -> QLabel:
        """The label under ``box`` where the definitions of the rows added so far appear."""
        note = QLabel()
        note.setObjectName(f"help_{box.objectName()}")
        note.setWordWrap(True)
        note.setStyleSheet(note_style("#f3f0f7"))
        note.hide()
        for key in self._pending:
            self.note_of[key] = note
        self._pending = []
        return note

    def set_texts(self, captions: dict[str, str], texts: dict[str, str]) -> None:
        self.texts = texts
        for key, caption in self.captions.items():
            caption.setText(captions[key])
            for widget in (self.buttons[key], self.fields[key]):
                widget.setToolTip(texts[key])
                widget.setWhatsThis(texts[key])
        for note in set(self.note_of.values()):
            shown = self.shown.get(id(note))
            if shown is not None:
                note.setText(texts[shown])

    def toggle(self, key: str) -> None:
        note = self.note_of[key]
        if self.shown.get(id(note)) == key and note.isVisible():
            note.hide()
            self.shown[id(note)] = None
            return
        self.shown[id(note)] = key
        note.setText(self.texts[key])
        note.show()
