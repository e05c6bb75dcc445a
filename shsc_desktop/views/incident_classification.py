"""The GBVIMS classification helper of the incident form: the six questions of the classification
tool asked in order, the first "yes" deciding the GBV type (``models.codes.classify``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QToolButton,
    QWidget,
)

from ..models import codes
from .builders import named
from .i18n import current_language
from .look import note_style

QUESTION_COUNT = len(codes.CLASSIFICATION_QUESTIONS)


class ClassificationHelper(QWidget):
    """The six GBVIMS questions as Yes/No pairs, asked in order; the first "yes" gives the type.

    A question is enabled only once every earlier question has been answered "no"; answering "yes"
    clears and disables the questions after it. Each type's definition is one click away ("?").

    Signals:
        changed(): an answer changed (the type may have changed).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classificationHelper")
        self.question_labels: list[QLabel] = []
        self.yes_buttons: list[QRadioButton] = []
        self.no_buttons: list[QRadioButton] = []
        self.help_buttons: list[QToolButton] = []
        self.groups: list[QButtonGroup] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for i, (code, _en, _km) in enumerate(codes.CLASSIFICATION_QUESTIONS):
            number = QLabel(f"{i + 1}.")
            label = QLabel()
            label.setWordWrap(True)
            label.setObjectName(f"question{i + 1}")
            yes = QRadioButton()
            yes.setObjectName(f"q{i + 1}Yes")
            no = QRadioButton()
            no.setObjectName(f"q{i + 1}No")
            group = QButtonGroup(self)
            group.addButton(yes)
            group.addButton(no)
            group.buttonToggled.connect(self._toggled)
            help_button = QToolButton()
            help_button.setObjectName(f"q{i + 1}Help")
            help_button.setText("?")
            help_button.clicked.connect(lambda _checked=False, c=code: self.show_definition(c))
            grid.addWidget(number, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, i, 1)
            grid.addWidget(yes, i, 2)
            grid.addWidget(no, i, 3)
            grid.addWidget(help_button, i, 4)
            self.question_labels.append(label)
            self.yes_buttons.append(yes)
            self.no_buttons.append(no)
            self.help_buttons.append(help_button)
            self.groups.append(group)
        self.result = named(QLabel(), "classificationResult")
        self.result.setWordWrap(True)
        font = self.result.font()
        font.setBold(True)
        self.result.setFont(font)
        self.definition = named(QLabel(), "typeDefinition")
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet(note_style("#f3f0f7"))
        self.definition.hide()
        self.non_gbv_help = QToolButton()
        self.non_gbv_help.setText("?")
        self.non_gbv_help.setObjectName("nonGbvHelp")
        self.non_gbv_help.clicked.connect(lambda: self.show_definition("non_gbv"))
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        grid.addLayout(result_row, QUESTION_COUNT, 0, 1, 5)
        grid.addWidget(self.definition, QUESTION_COUNT + 1, 0, 1, 5)
        self._shown_definition: str | None = None
        self.retranslate()
        self._update()

    # -- answers ----------------------------------------------------------------------------------

    def answers(self) -> tuple[bool | None, ...]:
        found: list[bool | None] = []
        for yes, no in zip(self.yes_buttons, self.no_buttons, strict=True):
            found.append(True if yes.isChecked() else False if no.isChecked() else None)
        return tuple(found)

    def set_answers(self, answers: tuple[bool | None, ...]) -> None:
        for i in range(QUESTION_COUNT):
            answer = answers[i] if i < len(answers) else None
            self._set(i, answer)
        self._update()

    def answer(self, question: int, yes: bool) -> None:
        """Click Yes or No on question ``question`` (1-based), as a user would."""
        button = self.yes_buttons[question - 1] if yes else self.no_buttons[question - 1]
        button.click()

    def gbv_type(self) -> str | None:
        return codes.classify(list(self.answers()))

    def _set(self, i: int, answer: bool | None) -> None:
        group = self.groups[i]
        group.blockSignals(True)
        group.setExclusive(False)
        self.yes_buttons[i].setChecked(answer is True)
        self.no_buttons[i].setChecked(answer is False)
        group.setExclusive(True)
        group.blockSignals(False)

    def _toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._update()
            self.changed.emit()

    def _update(self) -> None:
        answers = self.answers()
        enabled = True
        for i in range(QUESTION_COUNT):
            # A question not yet to be answered, its "?" included, is disabled: out of the Tab chain.
            for widget in (
                self.question_labels[i],
                self.yes_buttons[i],
                self.no_buttons[i],
                self.help_buttons[i],
            ):
                widget.setEnabled(enabled)
            if not enabled and answers[i] is not None:
                self._set(i, None)
            enabled = enabled and answers[i] is False
        self._show_result()

    def _show_result(self) -> None:
        gbv_type = self.gbv_type()
        if gbv_type is None:
            self.result.setText(self.tr("GBV type: answer the questions in order."))
        else:
            self.result.setText(
                self.tr("GBV type: %1").replace("%1", codes.GBV_TYPE.label(gbv_type, current_language()))
            )

    # -- definitions ------------------------------------------------------------------------------

    def definitions(self) -> dict[str, str]:
        """The GBVIMS definition of each type (GBVIMS User Guide, chapter 3)."""
        return {
            "rape": self.tr(
                "Rape: non-consensual penetration, however slight, of the vagina, anus or mouth with a "
                "penis or other body part, or of the vagina or anus with an object. Includes gang rape, "
                "marital rape, sodomy and forced oral sex. Attempted rape is not rape."
            ),
            "sexual_assault": self.tr(
                "Sexual assault: non-consensual sexual contact without penetration. Includes attempted "
                "rape, unwanted kissing or touching, and female genital mutilation/cutting."
            ),
            "physical_assault": self.tr(
                "Physical assault: physical violence that is not sexual, such as hitting, slapping, "
                "choking, cutting, shoving, burning, shooting, use of weapons and acid attacks."
            ),
            "forced_marriage": self.tr("Forced marriage: marriage of a person against her will."),
            "denial_resources": self.tr(
                "Denial of resources, opportunities or services: denial of rightful access to economic "
                "resources or assets, livelihood, education, health or other social services. Reports "
                "of general poverty are not recorded."
            ),
            "psych_emotional": self.tr(
                "Psychological or emotional abuse: threats of physical or sexual violence, forced "
                "isolation, harassment or intimidation, and menacing gestures or words."
            ),
            "non_gbv": self.tr(
                "Non-GBV: all six questions were answered no. The incident is recorded, but it is not "
                "counted as gender-based violence."
            ),
        }

    def show_definition(self, code: str) -> None:
        if self._shown_definition == code and self.definition.isVisible():
            self.definition.hide()
            self._shown_definition = None
            return
        self._shown_definition = code
        self.definition.setText(self.definitions()[code])
        self.definition.show()

    def retranslate(self) -> None:
        lang = current_language()
        definitions = self.definitions()
        for i, (code, en, km) in enumerate(codes.CLASSIFICATION_QUESTIONS):
            self.question_labels[i].setText(km if lang == "km" else en)
            self.yes_buttons[i].setText(self.tr("Yes"))
            self.no_buttons[i].setText(self.tr("No"))
            self.help_buttons[i].setToolTip(definitions[code])
        if self._shown_definition:
            self.definition.setText(definitions[self._shown_definition])
        self._show_result()
