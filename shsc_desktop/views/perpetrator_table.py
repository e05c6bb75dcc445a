"""The incident form's table of alleged perpetrators: sex, age group and relationship, one row each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QWidget

from ..models import codes
from ..services.incidents import PerpetratorDraft
from .form_helpers import code_of, fill_question, set_code


class PerpetratorTable(QTableWidget):
    """Perpetrators: one row each, with sex, age group and relationship chosen from the code lists."""

    COL_SEX = 0
    COL_AGE_GROUP = 1
    COL_RELATIONSHIP = 2
    LISTS = (codes.SEX, codes.AGE_GROUP, codes.RELATIONSHIP)

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("perpetratorTable")
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setMinimumHeight(120)
        self.retranslate()

    def add(self, perpetrator: PerpetratorDraft | None = None) -> None:
        p = perpetrator or PerpetratorDraft("", "", "")  # a new row answers nothing yet
        row = self.rowCount()
        previous: QWidget = self if row == 0 else self.combo(row - 1, self.COL_RELATIONSHIP)
        self.insertRow(row)
        for column, (codelist, value) in enumerate(
            zip(self.LISTS, (p.sex, p.age_group, p.relationship), strict=True)
        ):
            combo = QComboBox()
            fill_question(combo, codelist)
            set_code(combo, value)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.setCellWidget(row, column, combo)
            # Tab reaches each answer of the row, right after the table (or the row before).
            QWidget.setTabOrder(previous, combo)
            previous = combo
        self.verticalHeader().setDefaultSectionSize(max(self.verticalHeader().defaultSectionSize(), 36))
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            row = self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)
            self.changed.emit()

    def combo(self, row: int, column: int) -> QComboBox:
        widget = self.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def perpetrators(self) -> tuple[PerpetratorDraft, ...]:
        return tuple(
            PerpetratorDraft(
                code_of(self.combo(r, self.COL_SEX)),
                code_of(self.combo(r, self.COL_AGE_GROUP)),
                code_of(self.combo(r, self.COL_RELATIONSHIP)),
            )
            for r in range(self.rowCount())
        )

    def set_perpetrators(self, items: tuple[PerpetratorDraft, ...]) -> None:
        self.setRowCount(0)
        for p in items:
            self.add(p)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Sex"), self.tr("Age group"), self.tr("Relationship to her")])
        for r in range(self.rowCount()):
            for column, codelist in enumerate(self.LISTS):
                fill_question(self.combo(r, column), codelist)
