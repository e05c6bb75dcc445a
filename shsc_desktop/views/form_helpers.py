"""Small building blocks shared by the register forms: named widgets, wrapped and error labels,
code-list combos and check-box grids, optional dates, fields laid out with their problem labels,
headings, and the translated field problems of the register services.

Code lists carry their own Khmer and English labels (``models.codes``); a combo stores the code as
item data and shows the label of the current language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError, ValidationFailed
from ..models import gazetteer
from ..models.codes import CodeList
from ..services.validation import REASON_REQUIRED
from . import problem_texts
from .builders import box_button, error_label, open_dialog, vbox
from .date_field import DateField, focus_first_invalid
from .i18n import current_language
from .messages import error_text


class CountSpinBox(QSpinBox):
    """A spin box that shows its number with the unit in the right plural form: ``words(n)`` is a
    ``tr("%n years", "", n)``, so it reads "1 year", "5 years" (a fixed suffix said "1 years")."""

    def __init__(self, words: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words

    def textFromValue(self, value: int) -> str:
        return self.words(value)

    def valueFromText(self, text: str) -> int:
        digits = "".join(c for c in text if c.isdigit())  # Khmer digits too
        return int(digits) if digits else self.minimum()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        digits = "".join(c for c in text if c.isdigit())
        ok = bool(digits) and self.minimum() <= int(digits) <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            # Setting it again makes Qt drop its cached size and show the value in the new language.
            self.setSpecialValueText(self.specialValueText())


def heading_label(text: str = "", scale: float = 1.4) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageHeading")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class CheckGrid(QWidget):
    """One check box per code of ``codes``, two to a row; ``boxes`` maps each code to its box
    (object name ``{prefix}_{code}``) and :meth:`retranslate` labels them in the current language."""

    def __init__(self, codes: CodeList, prefix: str, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.codes = codes
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, item in enumerate(codes):
            box = QCheckBox()
            box.setObjectName(f"{prefix}_{item.code}")
            self.boxes[item.code] = box
            grid.addWidget(box, i // 2, i % 2)

    def retranslate(self) -> None:
        lang = current_language()
        for code, box in self.boxes.items():
            box.setText(self.codes.label(code, lang))


def fill_codes(combo: QComboBox, codes: CodeList, blank: str | None = None) -> None:
    """Fill ``combo`` with the labels of ``codes`` (item data = code), keeping the current choice.

    ``blank`` adds a first item with data ``""`` (e.g. "All" in a filter, "–" in a form).
    """
    lang = current_language()
    _refill(combo, blank, [(item.label(lang), item.code) for item in codes])


def _refill(combo: QComboBox, blank: str | None, items: Iterable[tuple[str, str]]) -> None:
    """``combo`` holding ``items`` (text, data) after an optional ``blank`` first item, the current
    choice kept, without a change signal."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


UNANSWERED = "–"
"""The first item of every coded question of a form: nothing chosen yet (item data ``""``)."""


def fill_question(combo: QComboBox, codes: CodeList) -> None:
    """A coded question of a form: it starts unanswered, so nobody's answer is made up.

    The services refuse an unanswered required question ("This field is required."); where GBVIMS
    has an explicit "Unknown" or "Not asked" answer, the clerk chooses it herself.
    """
    fill_codes(combo, codes, UNANSWERED)


def fill_villages(combo: QComboBox, commune_code: str, blank: str | None = None) -> None:
    """The villages of the office's commune, in the current language."""
    lang = current_language()
    places = gazetteer.villages(commune_code) if len(commune_code) == 6 else []
    _refill(combo, blank, [(village.name(lang), village.code) for village in places])


def village_name(code: str) -> str:
    if not code:
        return ""
    place = gazetteer.village(code)
    return place.name(current_language()) if place else code


def code_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def set_code(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code or "")
    if index >= 0:
        combo.setCurrentIndex(index)


def code_of(combo: QComboBox) -> str:
    data = combo.currentData()
    return str(data) if data is not None else ""


OptionalDateEdit = DateField
"""The date field of every form (see :mod:`.date_field`)."""


def refuse_bad_dates(form: QWidget, general: QLabel) -> bool:
    """Before a save: a half-typed or impossible date is refused (never saved as "no date"), the
    focus goes to it and ``general`` says why. ``True`` when the save must not go on."""
    if not focus_first_invalid(form):
        return False
    general.setText(
        QCoreApplication.translate("Problems", "Enter a real date: year (4 digits), month and day.")
    )
    general.show()
    return True


def age_spin(name: str) -> QSpinBox:
    """Age in years; the lowest value means "unknown"."""
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(-1, 999)  # 150 must reach the service and be refused, not become 15
    spin.setValue(-1)
    return spin


def spin_age(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


def date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


class FieldProblems:
    """Problem labels placed next to the fields of a form, keyed by the service's field names.

    ``show(problems)`` sets the texts (translated) and returns the problems that have no label of
    their own, so the form can list them in its general error line.
    """

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def label(self, field: str) -> QLabel:
        label = error_label(f"problem_{field}")
        self.labels[field] = label
        return label

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, problems: Mapping[str, str]) -> list[str]:
        self.clear()
        unplaced: list[str] = []
        for field, message in problems.items():
            text = problem_text(message)
            label = self.labels.get(field) or self.labels.get(field.split(".")[0])
            if label is None:
                unplaced.append(text)
                continue
            label.setText(text if not label.text() else label.text() + "\n" + text)
            label.show()
        return unplaced

    def report(self, error: ShscError, general: QLabel) -> None:
        """Show a failed save: field problems next to their fields, the rest in ``general``.

        Nothing the user typed is touched; only the messages change.
        """
        if isinstance(error, ValidationFailed):
            unplaced = self.show(error.problems)
            heading = QCoreApplication.translate("Problems", "Please correct the marked fields.")
            general.setText("\n".join([heading, *unplaced]))
        else:
            self.clear()
            general.setText(error_text(error))
        general.show()

    def text(self, field: str) -> str:
        label = self.labels.get(field)
        if label is None:
            return ""
        parent = label.parentWidget()
        return label.text() if parent is None or label.isVisibleTo(parent) else ""


def problem_text(message: str) -> str:
    """The register services' field problems, translated by their code (``problem_texts.py``)."""
    return problem_texts.problem_text(message)


def checked_codes(boxes: Mapping[str, object]) -> frozenset[str]:
    return frozenset(code for code, box in boxes.items() if box.isChecked())  # type: ignore[attr-defined]


def set_checked(boxes: Mapping[str, object], codes: Iterable[str]) -> None:
    wanted = set(codes)
    for code, box in boxes.items():
        box.setChecked(code in wanted)  # type: ignore[attr-defined]


ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReasonDialog(QDialog):
    """Ask for a reason (delete, consent override, reopening a month); opened with ``open()``.

    Signals:
        reason_given(str): OK was clicked with a reason of at least 5 characters.
    """

    reason_given = Signal(str)

    def __init__(self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reasonText")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(90)
        self.error = error_label("")
        box = QDialogButtonBox()
        self.ok_button = box_button(box, "okButton", QDialogButtonBox.ButtonRole.AcceptRole, ok_text)
        self.cancel_button = box_button(
            box,
            "cancelButton",
            QDialogButtonBox.ButtonRole.RejectRole,
            QCoreApplication.translate("Forms", "Cancel"),
        )
        box.accepted.connect(self._ok)
        box.rejected.connect(self.reject)
        vbox(self, self.prompt, self.reason, self.error, box)
        self.resize(480, 260)

    def _ok(self) -> None:
        text = self.reason.toPlainText().strip()
        if len(text) < 5:
            self.error.setText(problem_text(REASON_REQUIRED))
            self.error.show()
            return
        self.accept()
        self.reason_given.emit(text)


def ask_reason(
    parent: QWidget, title: str, prompt: str, ok_text: str, on_reason: Callable[[str], object]
) -> ReasonDialog:
    dialog = open_dialog(ReasonDialog(title, prompt, ok_text, parent))
    dialog.reason_given.connect(on_reason)
    return dialog


def reason_dialogs() -> list[ReasonDialog]:
    """The open reason dialogs (for tests)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ReasonDialog) and w.isVisible()]


def add_field_rows(form: QFormLayout, rows: list[tuple[QWidget, QLabel | None]]) -> None:
    """Each field with its problem label under it, and an empty label for the caption."""
    for field, problem in rows:
        if problem is None:
            form.addRow(QLabel(), field)
            continue
        problem.setBuddy(field)  # a failed save puts the focus on the field of the first problem
        holder = QWidget()
        holder.setObjectName(f"{field.objectName()}Holder")
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field)
        box.addWidget(problem)
        form.addRow(QLabel(), holder)


def field_form(
    problem: Callable[[str], QLabel],
    rows: Sequence[tuple[QWidget, str | None]],
    parent: QWidget | None = None,
) -> QFormLayout:
    """A form layout (set on ``parent`` when given) of ``rows``: each field with the problem label
    of its key under it (``problem(key)``, e.g. ``FieldProblems.label``; no key: no problem label)."""
    form = QFormLayout(parent)
    add_field_rows(form, [(field, problem(key) if key is not None else None) for field, key in rows])
    return form


def set_field_label(form: QFormLayout, field: QWidget, text: str) -> None:
    widget = form.labelForField(field)
    if widget is None and field.parentWidget() is not None:
        widget = form.labelForField(field.parentWidget())
    if isinstance(widget, QLabel):
        widget.setText(text)
