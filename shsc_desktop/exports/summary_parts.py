"""The building blocks of the monthly summary: its words (in the office's level and language), numbers
in its digits, headings and notes, and the count tables, side-by-side pairs and boxes that its
sections (``summary_sections``) are made of.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..services.statistics import Cell, CountTable, MonthlyStatistics, label, period_label
from ..values.office import OfficeInfo
from .pdf_common import PageLayout, boxed
from .pdf_text import ACCENT, ALERT, HIGHLIGHT, INK, RULE, SHADE, Styles, digits, make_styles, para
from .summary_charts import SummaryCharts
from .summary_text import TEXT

LAYOUT = PageLayout(margin_x=16 * mm, margin_top=24 * mm, margin_bottom=20 * mm)
CONTENT_WIDTH = LAYOUT.content_width


class SummaryParts:
    """What the sections of one summary are built from (``summary_sections.Summary``)."""

    def __init__(self, stats: MonthlyStatistics, info: OfficeInfo, lang: str, khmer_numerals: bool) -> None:
        self.stats = stats
        self.info = info
        self.lang = lang
        self.khmer = khmer_numerals
        self.st: Styles = make_styles(lang)
        self.shared = stats.threshold is not None
        self.above = info.level in ("district", "ministry")  # a sum of the offices below
        self.charts = SummaryCharts(self.st.font, lang, self.num, CONTENT_WIDTH)

    def title(self) -> str:
        return self.t(
            {"district": "title_district", "ministry": "title_ministry"}.get(self.info.level, "title")
        )

    def office_line(self) -> str:
        if self.info.level == "commune":
            return (
                f"{self.t('commune')}: {self.info.name(self.lang)} "
                f"({self.t('code')} {self.num(self.info.code)})"
                f"  ·  {self.t('khan')}: {self.khan()}"
            )
        if self.info.level == "district":
            return (
                f"{self.t('khan')}: {self.info.name(self.lang)} ({self.t('code')} {self.num(self.info.code)})"
            )
        return f"{self.t('office')}: {self.info.name(self.lang)}"

    # -- small helpers ------------------------------------------------------------------------------

    def t(self, key: str, **fmt: Any) -> str:
        en, km = TEXT.get(f"{key}@{self.info.level}", TEXT[key])  # wording of this office level first
        text = km if self.lang == "km" else en
        if fmt:
            text = text.format(**{k: self.num(v) if isinstance(v, int) else v for k, v in fmt.items()})
        return text

    def num_period(self) -> str:
        """The month as the first page names it (Khmer month names and digits in Khmer)."""
        return digits(period_label(self.stats.period, self.lang), self.khmer)

    def num(self, value: Cell | None) -> str:
        return "" if value is None else digits(str(value), self.khmer)

    def label(self, list_name: str, code: str) -> str:
        return digits(label(list_name, code, self.lang), self.khmer)

    def heading(self, key: str) -> Paragraph:
        return para(self.t(key), self.st.heading)

    def sub(self, text: str) -> Paragraph:
        return para(text, self.st.subheading)

    def note(self, text: str) -> Paragraph:
        return para(text, self.st.small)

    # -- tables ---------------------------------------------------------------------------------------

    def count_table(
        self,
        table: CountTable,
        head: str,
        width: float = CONTENT_WIDTH,
        *,
        label_share: float = 0.42,
        highlight_rows: Sequence[str] = (),
        alert_cols: Sequence[str] = (),
    ) -> Table:
        st = self.st
        has_row_totals = bool(table.row_totals)
        col_heads = [self.label(table.col_list, c) for c in table.cols]
        if table.cols == ("count",):
            col_heads = [self.t("number")]
        header = [para(head, st.cell_head), *(para(h, st.cell_head) for h in col_heads)]
        if has_row_totals:
            header.append(para(self.t("total"), st.cell_head))
        data: list[list[Any]] = [header]
        style: list[tuple[Any, ...]] = []
        subtotal_after = {g.rows[-1]: g for g in table.subtotals if g.rows}
        for i, (code, row) in enumerate(zip(table.rows, table.cells, strict=True)):
            line: list[Any] = [para(self.label(table.row_list, code), st.cell), *(self.num(v) for v in row)]
            if has_row_totals:
                line.append(self.num(table.row_totals[i]))
            data.append(line)
            if code in highlight_rows:
                style.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), HIGHLIGHT))
            group = subtotal_after.get(code)
            if group is not None:
                data.append(
                    [para(self.label("subtotal", group.name), st.cell), *(self.num(v) for v in group.values)]
                )
                style.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), HIGHLIGHT))
                style.append(("LINEABOVE", (0, len(data) - 1), (-1, len(data) - 1), 0.8, ACCENT))
        if table.col_totals:
            totals = [para(self.t("total"), st.cell), *(self.num(v) for v in table.col_totals)]
            if has_row_totals:
                totals.append(self.num(table.total))
            data.append(totals)
            style += [
                ("BACKGROUND", (0, -1), (-1, -1), SHADE),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
            ]
        for col in alert_cols:
            if col in table.cols:
                j = 1 + table.cols.index(col)
                style.append(("BACKGROUND", (j, 0), (j, -1), ALERT))
        ncols = len(data[0])
        label_width = width * label_share if ncols > 2 else width * 0.7
        number_width = (width - label_width) / (ncols - 1)
        result = Table(
            data,
            colWidths=[label_width] + [number_width] * (ncols - 1),
            repeatRows=1,
            hAlign="LEFT",
        )
        result.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.font, st.cell.fontSize),
                    ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    *style,
                ]
            )
        )
        return result

    def side_by_side(self, *flowables: Flowable, widths: Sequence[float] | None = None) -> Table:
        n = len(flowables)
        widths = list(widths or [CONTENT_WIDTH / n] * n)
        outer = Table([list(flowables)], colWidths=widths, hAlign="LEFT")
        outer.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return outer

    def boxed(self, text: str, background: colors.Color) -> Table:
        return boxed(para(text, self.st.body), CONTENT_WIDTH, background, line_width=0.5, bottom_padding=4)

    def titled(self, title: str, table: Flowable) -> list[Flowable]:
        return [self.sub(title), table]

    def khan(self) -> str:
        name = self.info.parent_name_km if self.lang == "km" else self.info.parent_name_en
        return (
            f"{name} ({self.t('code')} {self.num(self.info.parent_code)})" if self.info.parent_code else name
        )

    def has(self, *keys: str) -> bool:
        """The statistics hold these tables (a month approved before they were added does not)."""
        present = {t.key for t in self.stats.tables}
        return all(k in present for k in keys)
