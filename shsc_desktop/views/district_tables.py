"""Tables that show figures whole: headers and row labels wrapped (never elided mid-word), and the
width a figure column needs. For the district and ministry Totals tab.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)


class WrappingHeader(QHeaderView):
    """A horizontal header whose labels wrap to the column width and are shown whole: at spaces
    where the words fit, anywhere between letters otherwise (Khmer writes no spaces between words),
    never elided mid-word."""

    PAD = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def _text(self, section: int) -> str:
        model = self.model()
        value = model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole) if model else ""
        return str(value or "")

    def _flags(self, text: str, width: int) -> int:
        metrics = self.fontMetrics()
        words_fit = all(metrics.horizontalAdvance(w) <= width for w in text.split())
        wrap = Qt.TextFlag.TextWordWrap if words_fit else Qt.TextFlag.TextWrapAnywhere
        return int(Qt.AlignmentFlag.AlignCenter) | int(wrap)

    def lines(self, section: int) -> int:
        """How many lines the label of ``section`` takes at its width (for tests)."""
        text = self._text(section)
        width = max(self.sectionSize(section) - 2 * self.PAD, 10)
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 10000), self._flags(text, width), text)
        return max(1, round(rect.height() / self.fontMetrics().lineSpacing()))

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        text = self._text(logicalIndex)
        width = max(self.sectionSize(logicalIndex) - 2 * self.PAD, 10)
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 10000), self._flags(text, width), text)
        return QSize(size.width(), max(size.height(), rect.height() + 2 * self.PAD))

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        text = self._text(logicalIndex)
        inner = rect.adjusted(self.PAD, 2, -self.PAD, -2)
        painter.save()
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(inner, self._flags(text, inner.width()), text)
        painter.restore()


def _wrap_flags(metrics: QFontMetrics, text: str, width: int) -> int:
    """Wrap at spaces where every word fits ``width``, anywhere between letters otherwise (Khmer
    writes no spaces between words)."""
    words_fit = all(metrics.horizontalAdvance(w) <= width for w in text.split())
    return int(Qt.TextFlag.TextWordWrap if words_fit else Qt.TextFlag.TextWrapAnywhere)


class WrappingCellDelegate(QStyledItemDelegate):
    """Cells shown whole, never elided: wrapped to the column's width (see :func:`_wrap_flags`), the
    row as tall as the text needs (``resizeRowsToContents``). For the Totals' row labels."""

    PAD = 6

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def text_rect(self, font_metrics: QFontMetrics, text: str, width: int) -> QRect:
        room = max(width - 2 * self.PAD, 10)
        return font_metrics.boundingRect(
            QRect(0, 0, room, 100000), _wrap_flags(font_metrics, text, room), text
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        inner = opt.rect.adjusted(self.PAD, 2, -self.PAD, -2)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(inner, flags | _wrap_flags(QFontMetrics(opt.font), text, inner.width()), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # type: ignore[override]
        base = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = self.text_rect(QFontMetrics(opt.font), opt.text, self.view.columnWidth(index.column()))
        return QSize(base.width(), max(base.height(), rect.height() + 2 * self.PAD))


class OnResize(QObject):
    """Calls ``then`` after the watched widget is resized (install it on a table's viewport)."""

    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.then()
        return False


KHMER_WORD_CAP = 56  # px: Khmer breaks between letters, so a long word need not fit on one line


def figure_column_need(table: QTableView, column: int, word_cap: int | None) -> int:
    """The width a figure column needs: the longest word of its (wrapping) header and its widest
    figure in bold, each with its padding. ``word_cap`` (px) bounds the header word, for columns
    that may wrap a long word rather than widen the table (Khmer at most ``KHMER_WORD_CAP``);
    ``None`` fits the whole word."""
    model = table.model()
    words = str(model.headerData(column, Qt.Orientation.Horizontal) or "").split()
    word = max((table.fontMetrics().horizontalAdvance(w) for w in words), default=0)
    if word_cap is not None:
        khmer = any("\u1780" <= ch <= "\u17ff" for ch in "".join(words))
        word = min(word, min(word_cap, KHMER_WORD_CAP) if khmer else word_cap)
    bold = QFont(table.font())
    bold.setBold(True)
    wide = QFontMetrics(bold)
    cells = (str(model.index(r, column).data() or "") for r in range(model.rowCount()))
    figures = max((wide.horizontalAdvance(text) for text in cells), default=0)
    return max(word + 2 * WrappingHeader.PAD, figures + 16) + 4
