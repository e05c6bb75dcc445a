"""The bar chart of the Totals tab, drawn with QPainter (no QtCharts in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)


class BarChart(QWidget):
    """Horizontal bars with their labels and values (no QtCharts in PySide6-Essentials)."""

    BAR = QColor("#7b2d8b")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.title = ""
        self.bars: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, title: str, bars: list[tuple[str, int]]) -> None:
        self.title = title
        self.bars = bars
        self.updateGeometry()
        self.update()

    def _title_height(self) -> int:
        return QFontMetrics(self.font()).height() + 14  # Khmer needs the extra height

    def _row_height(self) -> int:
        """A bar's label on a line of its own (the chart's whole width), the bar under it."""
        height = QFontMetrics(self.font()).height()
        return (height + 8) + (height + 2)

    def sizeHint(self) -> QSize:
        return QSize(420, self._title_height() + self._row_height() * len(self.bars) + 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._title_height() + self._row_height() * len(self.bars) + 12)

    def label_width(self) -> int:
        """The room each bar's label has: the chart's width, so labels are read whole."""
        return max(self.width() - 8, 10)

    def cut_labels(self) -> list[str]:
        """Labels wider than their room (shown elided, in full as the tooltip): none, normally."""
        metrics = QFontMetrics(self.font())
        return [text for text, _ in self.bars if metrics.horizontalAdvance(text) > self.label_width()]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        title = self._title_height()
        label = metrics.height() + 8
        bar = metrics.height() + 2
        width = self.width()
        painter.setPen(QColor("#1f2933"))
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(4, 0, width - 8, title), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        value_width = metrics.horizontalAdvance("0000") + 8
        top = max((v for _, v in self.bars), default=0) or 1
        span = max(width - value_width - 12, 10)
        for i, (text, value) in enumerate(self.bars):
            y = title + self._row_height() * i
            painter.setPen(QColor("#1f2933"))
            painter.drawText(
                QRectF(4, y, self.label_width(), label),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.label_width()),
            )
            length = span * value / top
            painter.fillRect(QRectF(4, y + label + 1, length, bar - 2), self.BAR)
            painter.drawText(
                QRectF(4 + length + 4, y + label, value_width, bar),
                Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.end()
