"""The commune chief's monthly summary as a PDF (A4, Khmer or English).

Layout only: every number comes from :class:`~shsc_desktop.services.statistics.MonthlyStatistics`,
which holds codes and counts and nothing that identifies a person. The one list of rows it carries
(follow-ups) has incident codes only, and copies for sharing outside the commune (``suppressed=True``)
leave it out, hide small numbers and leave out the charts (a bar shows an exact number).

The file is written atomically: a cancelled or failed build leaves any earlier file untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..errors import Cancelled
from ..models.codes import INTIMATE_PARTNER_CODES
from ..services.statistics import (
    Cell,
    CountTable,
    MonthlyStatistics,
    label,
    period_label,
)
from ..values.office import OfficeInfo
from .pdf_common import PAGE_HEIGHT, PageLayout, PdfTarget, boxed, numbered_canvas, signature_table, write_pdf
from .pdf_shaping import ChartFlowable
from .pdf_text import (
    ACCENT,
    ALERT,
    HIGHLIGHT,
    INK,
    RULE,
    SHADE,
    Styles,
    date_words,
    digits,
    make_styles,
    para,
)
from .summary_charts import SummaryCharts
from .summary_text import TEXT

Progress = Callable[[int, int], None]

LAYOUT = PageLayout(margin_x=16 * mm, margin_top=24 * mm, margin_bottom=20 * mm)
CONTENT_WIDTH = LAYOUT.content_width


class _Summary:
    """Builds the story (list of flowables) of one summary."""

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
                f"  ·  {self.t('khan')}: {self._khan()}"
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

    # -- sections -----------------------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        s = self.stats
        story: list[Flowable] = [
            para(self.title(), self.st.title),
            para(self.t("subtitle_above" if self.above else "subtitle"), self.st.body),
            Spacer(1, 3),
            para(self.office_line(), self.st.body),
            para(f"{self.t('period')}: {self.num(period_label(s.period, self.lang))}", self.st.body),
            para(self.t("month_approved" if s.month_status == "approved" else "month_open"), self.st.small),
            Spacer(1, 4),
        ]
        if self.shared:
            k = s.threshold or 5
            story.append(self.boxed(self.t("shared_copy", k=k, k1=k - 1), HIGHLIGHT))
            story.append(Spacer(1, 4))
        if s.nil_report:
            story.append(self.boxed(self.t("nil_report"), SHADE))
            story.append(Spacer(1, 4))
        story += self.section_headline()
        story += self.section_reporting()
        story += self.section_types()
        story += self.section_incident()
        story += self.section_perpetrators()
        story += self.section_survivors()
        story += self.section_time()
        story += self.section_referrals()
        story += self.section_actions()
        story += self.section_follow_up()
        story += self.section_meetings()
        story += self.section_quality()
        story += self.section_trend()
        story.append(self.signatures())
        return story

    def _khan(self) -> str:
        name = self.info.parent_name_km if self.lang == "km" else self.info.parent_name_en
        return (
            f"{name} ({self.t('code')} {self.num(self.info.parent_code)})" if self.info.parent_code else name
        )

    def section_headline(self) -> list[Flowable]:
        table = self.stats.table("headline")
        out = self.count_table(table, self.t("indicator"), label_share=0.46, highlight_rows=["ipv_incidents"])
        consent = self.stats.table("data_quality").value("without_reporting_consent")
        flow: list[Flowable] = [self.heading("s_summary"), out]
        if (isinstance(consent, int) and consent) or consent == f"<{self.stats.threshold}":
            flow += [Spacer(1, 2), self.note(self.t("without_consent", n=consent))]
        return [KeepTogether(flow)]

    def section_reporting(self) -> list[Flowable]:
        """District and ministry: how many of the offices below reported (never suppressed: no people)."""
        if "reporting" not in {t.key for t in self.stats.tables}:
            return []
        table = self.stats.table("reporting")
        return [
            KeepTogether(
                [self.heading("s_reporting"), self.count_table(table, "", CONTENT_WIDTH / 2, label_share=0.7)]
            )
        ]

    def section_types(self) -> list[Flowable]:
        split = self.stats.table("incidents_by_type_child_adult")
        bands = self.stats.table("incidents_by_type_age_group")
        flow: list[Flowable] = [
            KeepTogether(
                [self.heading("s_types"), self.count_table(split, self.t("type"), label_share=0.45)]
            ),
            Spacer(1, 4),
            KeepTogether(
                self.titled(self.t("age_bands"), self.count_table(bands, self.t("type"), label_share=0.3))
            ),
        ]
        if "children_by_consent_route" in {t.key for t in self.stats.tables}:  # not in older snapshots
            routes = self.stats.table("children_by_consent_route")
            flow += [
                Spacer(1, 4),
                KeepTogether(
                    self.titled(
                        self.t("child_route"),
                        self.count_table(routes, self.t("route"), CONTENT_WIDTH * 0.6, label_share=0.7),
                    )
                ),
            ]
        if self.shared:
            flow.append(self.note(self.t("no_charts")))
        elif split.total:
            categories = [self.label(split.row_list, r) for r in split.rows]
            series = [[int(row[j]) for row in split.cells] for j in range(len(split.cols))]
            names = [self.label(split.col_list, c) for c in split.cols]
            flow += [
                Spacer(1, 6),
                ChartFlowable(
                    self.charts.bar_chart(self.t("chart_types"), categories, series, names, 62 * mm)
                ),
            ]
        return flow

    def has(self, *keys: str) -> bool:
        """The statistics hold these tables (a month approved before they were added does not)."""
        present = {t.key for t in self.stats.tables}
        return all(k in present for k in keys)

    def section_incident(self) -> list[Flowable]:
        """The Incident Recorder's tables of the incident itself (absent from older snapshots)."""
        keys = ("incidents_by_place", "incidents_by_time_of_day", "previously_reported")
        more = ("incidents_by_case_context", "incidents_by_reporter")
        if not self.has(*keys, *more):
            return []
        half = CONTENT_WIDTH / 2 - 4
        place, tod, before = (self.stats.table(k) for k in keys)
        context, reporter = (self.stats.table(k) for k in more)
        left = self.count_table(place, self.t("place"), half)
        right = [
            self.count_table(tod, self.t("time_of_day"), half),
            Spacer(1, 6),
            self.count_table(before, self.t("previously_reported"), half),
        ]
        flow: list[Flowable] = [
            KeepTogether([self.heading("s_incident"), self.side_by_side(left, right)]),
            Spacer(1, 6),
            KeepTogether(
                [
                    self.side_by_side(
                        self.count_table(context, self.t("case_context"), half, label_share=0.7),
                        self.count_table(reporter, self.t("reporter"), half, label_share=0.34),
                    ),
                    Spacer(1, 2),
                    self.note(self.t("context_note")),
                ]
            ),
        ]
        if not self.shared and place.total:
            used = [i for i, row in enumerate(place.cells) if row[0]]
            categories = [self.label(place.row_list, place.rows[i]) for i in used]
            series = [[int(place.cells[i][0]) for i in used]]
            height = (14 + 9 * len(used)) * mm / 2.2 + 14 * mm
            chart = self.charts.bar_chart(
                self.t("chart_place"), categories, series, [self.t("number")], height
            )
            flow += [Spacer(1, 6), ChartFlowable(chart)]
        return flow

    def section_perpetrators(self) -> list[Flowable]:
        rel = self.stats.table("perpetrator_relationship")
        age = self.stats.table("perpetrator_age_group")
        half = CONTENT_WIDTH / 2 - 4
        left = self.count_table(
            rel, self.t("relationship"), half, highlight_rows=sorted(INTIMATE_PARTNER_CODES)
        )
        right = self.count_table(age, self.t("age_group"), half)
        flow: list[Flowable] = [
            KeepTogether(
                [
                    self.heading("s_perpetrators"),
                    self.sub(self.t("primary")),
                    self.side_by_side(left, right),
                    Spacer(1, 2),
                    self.note(self.t("ipv_note")),
                ]
            )
        ]
        if self.has("perpetrator_sex", "perpetrator_count"):
            sex = self.count_table(self.stats.table("perpetrator_sex"), self.t("perpetrator_sex"), half)
            number = self.count_table(
                self.stats.table("perpetrator_count"), self.t("perpetrator_count"), half
            )
            flow += [
                Spacer(1, 4),
                KeepTogether([self.sub(self.t("all_perpetrators")), self.side_by_side(sex, number)]),
            ]
        return flow

    def section_survivors(self) -> list[Flowable]:
        half = CONTENT_WIDTH / 2 - 4
        tables = [
            self.count_table(self.stats.table(key), self.t(head), half)
            for key, head in (
                ("survivor_sex", "sex"),
                ("survivor_age_group", "age"),
                ("survivor_marital_status", "marital"),
                ("survivor_disability", "disability"),
            )
        ]
        return [
            KeepTogether(
                [
                    self.heading("s_survivors"),
                    self.side_by_side(tables[0], tables[1]),
                    Spacer(1, 6),
                    self.side_by_side(tables[2], tables[3]),
                ]
            )
        ]

    def section_time(self) -> list[Flowable]:
        half = CONTENT_WIDTH / 2 - 4
        left = self.count_table(self.stats.table("time_to_report"), self.t("time_to_report"), half)
        health = self.count_table(
            self.stats.table("rape_health_referral"), self.t("rape_health"), half, label_share=0.7
        )
        if not self.has("rape_time_to_report"):  # a month approved before this table existed
            return [KeepTogether([self.heading("s_time"), self.side_by_side(left, health)])]
        rape_time = self.count_table(self.stats.table("rape_time_to_report"), self.t("rape_time"), half)
        return [
            KeepTogether(
                [
                    self.heading("s_time"),
                    self.side_by_side(left, rape_time),
                    Spacer(1, 6),
                    self.side_by_side(health),
                ]
            )
        ]

    def section_referrals(self) -> list[Flowable]:
        by_status = self.stats.table("referrals_by_service_status")
        outcome = self.stats.table("referrals_by_service_outcome")
        flow: list[Flowable] = [
            KeepTogether(
                [
                    self.heading("s_referrals"),
                    self.count_table(
                        by_status, self.t("service"), label_share=0.25, alert_cols=["declined", "unavailable"]
                    ),
                    Spacer(1, 2),
                    self.note(self.t("unmet_note")),
                ]
            ),
            Spacer(1, 4),
            KeepTogether(
                self.titled(
                    self.t("outcomes"), self.count_table(outcome, self.t("service"), label_share=0.34)
                )
            ),
        ]
        if self.shared:
            flow.append(self.note(self.t("no_charts")))
        elif by_status.total:
            used = [i for i, total in enumerate(by_status.row_totals) if total]
            categories = [self.label(by_status.row_list, by_status.rows[i]) for i in used]
            series = [[int(by_status.cells[i][j]) for i in used] for j in range(len(by_status.cols))]
            names = [self.label(by_status.col_list, c) for c in by_status.cols]
            height = (14 + 9 * len(used)) * mm / 2.2 + 14 * mm
            flow += [
                Spacer(1, 6),
                ChartFlowable(
                    self.charts.bar_chart(self.t("chart_referrals"), categories, series, names, height)
                ),
            ]
        return flow

    def section_actions(self) -> list[Flowable]:
        table = self.stats.table("commune_actions")
        return [
            KeepTogether(
                [
                    self.heading("s_actions"),
                    self.count_table(table, self.t("action"), CONTENT_WIDTH / 2 - 4),
                    Spacer(1, 2),
                    self.note(self.t("actions_note")),
                ]
            )
        ]

    def section_follow_up(self) -> list[Flowable]:
        flow: list[Flowable] = [self.heading("s_follow_up")]
        open_cases = self.count_table(
            self.stats.table("open_cases_by_days_open"), self.t("open_cases"), CONTENT_WIDTH / 2 - 4
        )
        if self.shared:
            flow += [open_cases, Spacer(1, 2), self.note(self.t("no_case_codes"))]
            return [KeepTogether(flow)]
        flow.append(self.sub(self.t("follow_ups")))
        if not self.stats.follow_ups:
            flow.append(para(self.t("no_follow_ups"), self.st.body))
        else:
            st = self.st
            heads = ["incident_code", "type", "status", "follow_up_date", "days_open", "overdue"]
            data: list[list[Any]] = [[para(self.t(h), st.cell_head) for h in heads]]
            for f in self.stats.follow_ups:
                data.append(
                    [
                        f.incident_code,
                        para(self.label("gbv_type", f.gbv_type), st.cell),
                        para(self.label("incident_status", f.status), st.cell),
                        para(self.num(date_words(f.follow_up_date, self.lang)), st.cell),
                        self.num(f.days_open),
                        para(self.t("yes") if f.overdue else self.t("no"), st.cell),
                    ]
                )
            widths = [40 * mm, 46 * mm, 24 * mm, 30 * mm, 16 * mm, 22 * mm]
            table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), st.font, st.cell.fontSize),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("ALIGN", (4, 1), (4, -1), "RIGHT"),
                        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ]
                )
            )
            flow.append(table)
        flow += [Spacer(1, 6), open_cases, Spacer(1, 2), self.note(self.t("stock_note"))]
        return [KeepTogether(flow[:3]), *flow[3:]]

    def section_meetings(self) -> list[Flowable]:
        half = CONTENT_WIDTH / 2 - 4
        by_type = self.count_table(self.stats.table("meetings_by_type"), self.t("meeting_type"), half)
        attendance = self.count_table(self.stats.table("attendance_by_group_sex"), self.t("attendance"), half)
        actions = self.count_table(
            self.stats.table("action_items_by_status"), self.t("action_points"), half, label_share=0.5
        )
        return [
            KeepTogether(
                [
                    self.heading("s_meetings"),
                    self.side_by_side(by_type, attendance),
                    Spacer(1, 6),
                    actions,
                ]
            )
        ]

    def section_quality(self) -> list[Flowable]:
        table = self.stats.table("data_quality")
        return [KeepTogether([self.heading("s_quality"), self.count_table(table, "", label_share=0.8)])]

    def section_trend(self) -> list[Flowable]:
        table = self.stats.table("trend")
        flow: list[Flowable] = [self.heading("s_trend")]
        if not self.shared:
            names = [self.label(table.col_list, c) for c in table.cols]
            flow.append(ChartFlowable(self.charts.trend_chart(self.t("chart_trend"), table, names)))
        flow.append(self.count_table(table, self.t("period"), CONTENT_WIDTH * 0.6, label_share=0.4))
        return [KeepTogether(flow[:2]), *flow[2:]]

    def signatures(self) -> Flowable:
        st = self.st

        def block(title_key: str) -> list[list[Any]]:
            return [
                [para(self.t(title_key), st.subheading)],
                [para(f"{self.t('name')}: ", st.body)],
                [para(f"{self.t('signature')}: ", st.body)],
                [para(f"{self.t('date')}: ", st.body)],
            ]

        if self.above:
            left, right = block("prepared_by_above"), block("approved_by_above")
        else:
            left, right = block("prepared_by"), block("approved_by")
        right.append([para(f"{self.t('seal')}:", st.body)])
        left.append([""])
        table = signature_table(left, right, CONTENT_WIDTH, 11 * mm)
        return KeepTogether([Spacer(1, 6), para(self.t("s_signatures"), st.heading), table])

    # -- page furniture -----------------------------------------------------------------------------------

    def decorate(self, generated_at: datetime) -> Callable[[Canvas, int, int], None]:
        st = self.st
        header_left = f"{self.info.name(self.lang)} ({self.num(self.info.code)}) · {self._khan()}"
        if self.above:
            header_left = self.office_line()
        header_right = f"{self.title()} · {self.num(period_label(self.stats.period, self.lang))}"
        stamp = generated_at.strftime("%H:%M")
        day = date_words(generated_at.date(), self.lang)
        generated = f"{self.t('generated')}: {self.num(day)} {self.num(stamp)}"
        footer = self.t("shared_footer" if self.shared else "confidential")

        def draw(canv: Canvas, number: int, count: int) -> None:
            LAYOUT.draw_furniture(
                canv,
                st.font,
                header_left=header_left,
                header_right=header_right,
                header_top=PAGE_HEIGHT - 14 * mm,
                header_rule=True,
                footer_left=footer,
                footer_right=self.t("page").format(x=self.num(number), y=self.num(count)),
                footer_colour=ACCENT if not self.shared else INK,
                footer_note=generated,
            )

        return draw


class _Document(BaseDocTemplate):  # type: ignore[misc]
    """Reports progress after each flowable and stops when the caller cancels."""

    def __init__(
        self,
        path: str | BinaryIO,
        total: int,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        created: datetime | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(path, **kw)
        self._created = created
        self._total = total
        self._done = 0
        self._progress = progress
        self._cancelled = cancelled

    def _makeCanvas(self, *args: Any, **kw: Any) -> Any:
        """The canvas, its CreationDate and ModDate the time the summary was made (``invariant``
        otherwise dates every file 2000-01-01; the rest of the file stays reproducible)."""
        canvas = super()._makeCanvas(*args, **kw)
        created = self._created
        if created is not None:
            offset = created.utcoffset()
            minutes = int(offset.total_seconds() // 60) if offset is not None else 0
            sign = "+" if minutes >= 0 else "-"
            stamp = (
                created.strftime("D:%Y%m%d%H%M%S")
                + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
            )
            canvas._doc.setDateFormatter(lambda *_date: stamp)
        return canvas

    def afterFlowable(self, flowable: Flowable) -> None:
        self._done += 1
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("The summary was cancelled; no file was written.")
        if self._progress is not None:
            self._progress(min(self._done, self._total), self._total)


def build_monthly_summary(
    stats: MonthlyStatistics,
    office_info: OfficeInfo,
    lang: str,
    target: PdfTarget,
    *,
    suppressed: bool = False,
    threshold: int = 5,
    khmer_numerals: bool | None = None,
    generated_at: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write the monthly summary of ``stats`` to ``target`` (atomically).

    ``lang`` is ``"km"`` or ``"en"``. ``suppressed=True`` makes the copy for sharing outside the commune
    (small numbers hidden, no case codes, no charts); statistics that are already suppressed are
    printed as they are. ``khmer_numerals`` defaults to Khmer digits in Khmer documents.
    ``progress(done, total)`` is called as pages fill; ``cancelled()`` returning true stops the build
    with :class:`Cancelled` and leaves no file.
    """
    if lang not in ("km", "en"):
        raise ValueError(f"unknown language {lang!r}")
    if suppressed and stats.threshold is None:
        stats = stats.suppressed(threshold)
    if cancelled is not None and cancelled():
        raise Cancelled("The summary was cancelled; no file was written.")
    khmer = lang == "km" if khmer_numerals is None else khmer_numerals
    summary = _Summary(stats, office_info, lang, khmer)
    generated = generated_at or datetime.now().astimezone()
    story = summary.story()
    # The document's title in its own language, as its first page reads; no "()" without a code.
    office_name = office_info.name(lang) or office_info.name_en
    title = f"{summary.title()} {summary.num_period()} – {office_name}"
    if office_info.code:
        title += f" ({summary.num(office_info.code)})"

    def document(path: str | BinaryIO, **meta: Any) -> _Document:
        return _Document(path, len(story), progress, cancelled, created=generated, **meta)

    def produce(path: str | BinaryIO) -> None:
        doc = LAYOUT.document(path, lang, title, template=document, subject="Monthly summary")
        doc.build(story, canvasmaker=numbered_canvas(summary.decorate(generated), summary.st.font))

    write_pdf(target, produce)
