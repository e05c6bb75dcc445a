"""The charts of the monthly summary: stacked bars by category and the twelve-month trend.

Drawn in the summary's font with its digits (Khmer or Western); wrapped as flowables by
:class:`~shsc_desktop.exports.pdf_shaping.ChartFlowable`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from ..models.codes import MONTH_NAMES_KM
from ..services.statistics import MONTH_NAMES_EN, Cell, CountTable
from .pdf_text import ACCENT, RULE

# Chart colours: distinguishable in colour and (mostly) in grey on a black-and-white printer.
SERIES = [
    colors.HexColor(c) for c in ("#7b2d8b", "#e0a33a", "#3d8fb8", "#9aa5b1", "#c8553d", "#5c9e5a", "#3e4c59")
]


class SummaryCharts:
    """The charts of one summary, ``width`` points wide, in ``font``, numbers written by ``num``."""

    def __init__(self, font: str, lang: str, num: Callable[[Cell | None], str], width: float) -> None:
        self.font = font
        self.lang = lang
        self.num = num
        self.width = width

    def _axis_format(self, value: float) -> str:
        return self.num(int(value)) if float(value).is_integer() else ""

    @staticmethod
    def _nice_max(value: int) -> tuple[int, int]:
        """An axis maximum and step giving whole-number ticks."""
        top = max(value, 1)
        for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
            if top / step <= 6:
                return ((top + step - 1) // step) * step, step
        return top, max(1, top // 5)

    def _value_axis(self, axis: Any, top: int) -> None:
        """The counts' axis: from 0 to a round number above ``top``, whole-number ticks, a light grid."""
        axis.valueMin = 0
        axis.valueMax, axis.valueStep = self._nice_max(top)
        axis.labels.fontName = self.font
        axis.labels.fontSize = 7
        axis.labelTextFormat = self._axis_format
        axis.strokeColor = RULE
        axis.visibleGrid = True
        axis.gridStrokeColor = colors.HexColor("#e4e7eb")

    def legend(
        self, drawing: Drawing, items: list[tuple[colors.Color, str]], x: float, y: float, columns: int
    ) -> None:
        legend = Legend()
        legend.x, legend.y = x, y
        legend.alignment = "right"
        legend.fontName = self.font
        legend.fontSize = 7
        legend.columnMaximum = max(1, (len(items) + columns - 1) // columns)
        legend.deltax = self.width / columns
        legend.dx = legend.dy = 7
        legend.deltay = 12
        legend.colorNamePairs = items
        drawing.add(legend)

    def bar_chart(
        self, title: str, categories: list[str], series: list[list[int]], names: list[str], height: float
    ) -> Drawing:
        """Horizontal stacked bars: one bar per category, one colour per series, legend below."""
        legend_rows = (len(names) + 2) // 3
        legend_height = 12 * legend_rows + 6
        drawing = Drawing(self.width, height + legend_height + 16)
        drawing.add(String(0, drawing.height - 9, title, fontName=self.font, fontSize=9, fillColor=ACCENT))
        chart = HorizontalBarChart()
        chart.x, chart.y = 62 * mm, legend_height + 14
        chart.width, chart.height = self.width - chart.x - 4 * mm, height - 10
        # Categories run top to bottom in the order of the code list.
        chart.data = [list(reversed(s)) for s in series]
        chart.categoryAxis.categoryNames = list(reversed(categories))
        chart.categoryAxis.style = "stacked"
        chart.categoryAxis.labels.fontName = self.font
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.textAnchor = "end"  # right edge fixed: shaped Khmer is narrower
        chart.categoryAxis.labels.dx = -3
        chart.categoryAxis.strokeColor = RULE
        chart.categoryAxis.tickLeft = 0
        top = max((sum(values) for values in zip(*series, strict=True)), default=0)
        self._value_axis(chart.valueAxis, top)
        chart.barWidth = 6
        chart.groupSpacing = 4
        for i in range(len(series)):
            chart.bars[i].fillColor = SERIES[i % len(SERIES)]
            chart.bars[i].strokeColor = None
        drawing.add(chart)
        self.legend(drawing, [(SERIES[i % len(SERIES)], n) for i, n in enumerate(names)], 0, legend_height, 3)
        return drawing

    def trend_chart(self, title: str, table: CountTable, names: list[str]) -> Drawing:
        """One line a column of ``table`` (named ``names``) over its rows, the months."""
        height = 58 * mm
        drawing = Drawing(self.width, height)
        drawing.add(String(0, height - 9, title, fontName=self.font, fontSize=9, fillColor=ACCENT))
        chart = HorizontalLineChart()
        chart.x, chart.y = 12 * mm, 30
        chart.width, chart.height = self.width - 16 * mm, height - 58
        # a month nobody reported ("–") is a gap in the line, not a zero
        chart.data = [
            [row[j] if isinstance(row[j], int) else None for row in table.cells]
            for j in range(len(table.cols))
        ]
        months = []
        for code in table.rows:
            month = int(code[5:7])
            short = MONTH_NAMES_KM[month - 1] if self.lang == "km" else MONTH_NAMES_EN[month - 1][:3]
            months.append(
                f"{short}\n{self.num(code[:4])}" if month in (1,) or code == table.rows[0] else short
            )
        chart.categoryAxis.categoryNames = months
        chart.categoryAxis.labels.fontName = self.font
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.categoryAxis.labels.textAnchor = "middle"
        chart.categoryAxis.strokeColor = RULE
        top = max((v for row in table.cells for v in row if isinstance(v, int)), default=0)
        self._value_axis(chart.valueAxis, top)
        for j in range(len(table.cols)):
            chart.lines[j].strokeColor = SERIES[j]
            chart.lines[j].strokeWidth = 1.6
        drawing.add(chart)
        items = [(SERIES[j], name) for j, name in enumerate(names)]
        legend = Legend()
        legend.x, legend.y = self.width - 60 * mm, height - 4
        legend.alignment = "right"
        legend.fontName = self.font
        legend.fontSize = 7
        legend.columnMaximum = 1
        legend.deltax = 30 * mm
        legend.dx = legend.dy = 7
        legend.colorNamePairs = items
        drawing.add(legend)
        return drawing
