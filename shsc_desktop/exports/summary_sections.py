"""The sections of the monthly summary, in the order the first page promises: what each one shows of
the month's statistics (tables, charts, notes), and what a copy for sharing leaves out.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..models.codes import INTIMATE_PARTNER_CODES
from ..services.statistics import period_label
from .pdf_common import signature_table
from .pdf_shaping import ChartFlowable
from .pdf_text import HIGHLIGHT, INK, RULE, SHADE, date_words, para
from .summary_parts import CONTENT_WIDTH, SummaryParts


class Summary(SummaryParts):
    """Builds the story (list of flowables) of one summary."""

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
