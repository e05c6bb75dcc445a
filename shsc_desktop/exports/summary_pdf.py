"""The commune chief's monthly summary as a PDF (A4, Khmer or English).

Layout only: every number comes from :class:`~shsc_desktop.services.statistics.MonthlyStatistics`,
which holds codes and counts and nothing that identifies a person. The one list of rows it carries
(follow-ups) has incident codes only, and copies for sharing outside the commune (``suppressed=True``)
leave it out, hide small numbers and leave out the charts (a bar shows an exact number).

The file is written atomically: a cancelled or failed build leaves any earlier file untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, BinaryIO

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..errors import Cancelled
from ..models.codes import INTIMATE_PARTNER_CODES, MONTH_NAMES_KM
from ..services.statistics import (
    MONTH_NAMES_EN,
    Cell,
    CountTable,
    MonthlyStatistics,
    label,
    period_label,
)
from ..values.office import OfficeInfo
from .pdf_common import (
    ACCENT,
    ALERT,
    HIGHLIGHT,
    INK,
    MUTED,
    RULE,
    SHADE,
    ChartFlowable,
    PdfTarget,
    Styles,
    digits,
    draw_text,
    make_styles,
    numbered_canvas,
    para,
    write_pdf,
)

Progress = Callable[[int, int], None]

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

# Chart colours: distinguishable in colour and (mostly) in grey on a black-and-white printer.
SERIES = [
    colors.HexColor(c) for c in ("#7b2d8b", "#e0a33a", "#3d8fb8", "#9aa5b1", "#c8553d", "#5c9e5a", "#3e4c59")
]

# Every visible text of the summary: key → (English, Khmer). Labels of codes come from code lists.
TEXT: dict[str, tuple[str, str]] = {
    "title": ("Monthly summary", "របាយការណ៍សង្ខេបប្រចាំខែ"),
    "subtitle": (
        "Commune response to violence against women and children",
        "ការឆ្លើយតបរបស់ឃុំ/សង្កាត់ចំពោះអំពើហិង្សាលើស្ត្រី និងកុមារ",
    ),
    "commune": ("Commune/Sangkat", "ឃុំ/សង្កាត់"),
    "khan": ("Khan/District", "ខណ្ឌ/ស្រុក"),
    "code": ("code", "លេខកូដ"),
    "period": ("Month", "ខែ"),
    "generated": ("Generated", "បង្កើតនៅ"),
    "page": ("Page {x} of {y}", "ទំព័រ {x} នៃ {y}"),
    "month_approved": ("Month status: approved", "ស្ថានភាពខែ៖ បានអនុម័ត"),
    "month_open": ("Month status: open (not yet approved)", "ស្ថានភាពខែ៖ បើក (មិនទាន់អនុម័ត)"),
    "confidential": (
        "CONFIDENTIAL – for the commune office. No names. Do not copy or pass on.",
        "សម្ងាត់ – សម្រាប់សាលាឃុំ/សង្កាត់។ គ្មានឈ្មោះ។ សូមកុំថតចម្លង ឬបញ្ជូនបន្ត។",
    ),
    "shared_copy": (
        "Copy for sharing outside the commune: numbers from 1 to {k1} are shown as <{k}; "
        "x hides a number so that totals cannot reveal a small one; · marks the tables left out "
        "because they would reveal numbers below {k}. No case codes, no charts.",
        "ច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅឃុំ/សង្កាត់៖ ចំនួនពី ១ ដល់ {k1} បង្ហាញជា <{k} ; "
        "x លាក់ចំនួនមួយ ដើម្បីកុំឱ្យចំនួនសរុបបង្ហាញចំនួនតូច ; · សម្គាល់តារាងដែលមិនបង្ហាញ "
        "ព្រោះវានឹងបង្ហាញចំនួនតិចជាង {k}។ គ្មានលេខកូដករណី គ្មានក្រាហ្វិក។",
    ),
    "shared_footer": (
        "Shared copy – small numbers hidden. No names.",
        "ច្បាប់ចម្លងសម្រាប់ចែករំលែក – ចំនួនតូចត្រូវបានលាក់។ គ្មានឈ្មោះ។",
    ),
    "nil_report": (
        "Nil report: no incidents were reported this month. This is a complete report, not a missing one.",
        "របាយការណ៍គ្មានករណី៖ ខែនេះមិនមានករណីត្រូវបានរាយការណ៍ទេ។ នេះជារបាយការណ៍ពេញលេញ មិនមែនខ្វះរបាយការណ៍ទេ។",
    ),
    "without_consent": (
        "{n} incident(s) without the survivor's consent to reporting are not counted in this report.",
        "ករណីចំនួន {n} ដែលជនរងគ្រោះមិនយល់ព្រមឱ្យរាយការណ៍ មិនត្រូវបានរាប់បញ្ចូលក្នុងរបាយការណ៍នេះទេ។",
    ),
    "s_summary": ("1. The month at a glance", "១. សេចក្ដីសង្ខេបប្រចាំខែ"),
    "indicator": ("Indicator", "សូចនាករ"),
    "s_types": (
        "2. Incidents by type of violence and age of survivor",
        "២. ករណីតាមប្រភេទអំពើហិង្សា និងអាយុជនរងគ្រោះ",
    ),
    "type": ("Type of violence", "ប្រភេទអំពើហិង្សា"),
    "age_bands": ("By age group", "តាមក្រុមអាយុ"),
    "child_route": ("Children (under 18): how consent was given", "កុមារ (ក្រោម ១៨ ឆ្នាំ)៖ របៀបផ្ដល់ការយល់ព្រម"),
    "route": ("Consent given by", "ការយល់ព្រមផ្ដល់ដោយ"),
    "chart_types": ("Incidents by type", "ករណីតាមប្រភេទ"),
    "s_incident": (
        "3. The incidents: place, time, context and how they reached the commune",
        "៣. ឧប្បត្តិហេតុ៖ ទីកន្លែង ពេលវេលា បរិបទ និងរបៀបដែលករណីមកដល់ឃុំ/សង្កាត់",
    ),
    "place": ("Place of the incident", "ទីកន្លែងកើតហេតុ"),
    "time_of_day": ("Time of day", "ពេលវេលាក្នុងថ្ងៃ"),
    "previously_reported": ("Reported elsewhere before", "បានរាយការណ៍នៅកន្លែងផ្សេងពីមុន"),
    "case_context": ("Case context", "បរិបទករណី"),
    "context_note": (
        "An incident can have several contexts, or none (no total); "
        "the IPV row is the IPV figure of section 1.",
        "ករណីមួយអាចមានបរិបទច្រើន ឬគ្មាន (គ្មានសរុប)។ ជួរអំពើហិង្សាដោយដៃគូ គឺតួលេខក្នុងផ្នែកទី ១។",
    ),
    "reporter": ("Reported by (referred from)", "រាយការណ៍ដោយ (បញ្ជូនមកពី)"),
    "chart_place": ("Incidents by place", "ករណីតាមទីកន្លែង"),
    "s_perpetrators": ("4. Alleged perpetrators", "៤. ជនល្មើស"),
    "primary": ("Primary perpetrator (the first recorded)", "ជនល្មើសចម្បង (អ្នកទីមួយដែលបានកត់ត្រា)"),
    "all_perpetrators": (
        "All recorded perpetrators of each incident",
        "ជនល្មើសទាំងអស់ដែលបានកត់ត្រានៃករណីនីមួយៗ",
    ),
    "perpetrator_sex": ("Sex of the perpetrators", "ភេទជនល្មើស"),
    "perpetrator_count": ("Number of perpetrators", "ចំនួនជនល្មើស"),
    "relationship": ("Relationship to the survivor", "ទំនាក់ទំនងជាមួយជនរងគ្រោះ"),
    "ipv_note": (
        "Shaded rows are intimate partners (intimate partner violence, IPV).",
        "ជួរដែលមានពណ៌ គឺដៃគូ (អំពើហិង្សាដោយដៃគូ)។",
    ),
    "age_group": ("Age group", "ក្រុមអាយុ"),
    "s_survivors": ("5. Survivors", "៥. ជនរងគ្រោះ"),
    "sex": ("Sex", "ភេទ"),
    "age": ("Age", "អាយុ"),
    "marital": ("Marital status", "ស្ថានភាពអាពាហ៍ពិពាហ៍"),
    "disability": ("Disability", "ពិការភាព"),
    "s_time": ("6. Time to report; rape and health care", "៦. រយៈពេលរាយការណ៍ ករណីរំលោភសេពសន្ថវៈ និងសេវាសុខភាព"),
    "time_to_report": ("Time from incident to report", "រយៈពេលពីពេលកើតហេតុដល់ពេលរាយការណ៍"),
    "rape_time": (
        "Rape cases: time from incident to report",
        "ករណីរំលោភសេពសន្ថវៈ៖ រយៈពេលពីពេលកើតហេតុដល់ពេលរាយការណ៍",
    ),
    "rape_health": (
        "Rape cases: health referral within 72 hours",
        "ករណីរំលោភសេពសន្ថវៈ៖ ការបញ្ជូនទៅសេវាសុខភាពក្នុង ៧២ ម៉ោង",
    ),
    "s_referrals": ("7. Referrals by service and status", "៧. ការបញ្ជូនតាមសេវា និងស្ថានភាព"),
    "service": ("Service", "សេវា"),
    "unmet_note": (
        "Shaded columns are unmet needs: service unavailable, or referral declined by the survivor.",
        "ជួរឈរដែលមានពណ៌ គឺតម្រូវការមិនទាន់បានឆ្លើយតប៖ គ្មានសេវា ឬជនរងគ្រោះបដិសេធការបញ្ជូន។",
    ),
    "outcomes": ("Referral outcomes", "លទ្ធផលនៃការបញ្ជូន"),
    "chart_referrals": ("Referrals by service and status", "ការបញ្ជូនតាមសេវា និងស្ថានភាព"),
    "s_actions": ("8. Commune actions", "៨. សកម្មភាពរបស់ឃុំ/សង្កាត់"),
    "action": ("Action", "សកម្មភាព"),
    "actions_note": ("An incident can have several actions.", "ករណីមួយអាចមានសកម្មភាពច្រើន។"),
    "s_follow_up": ("9. Follow-up and open cases", "៩. ការតាមដាន និងករណីដែលនៅបើក"),
    "follow_ups": (
        "Follow-ups due by the end of the month (incident codes only)",
        "ការតាមដានដល់កំណត់ត្រឹមចុងខែ (តែលេខកូដករណី)",
    ),
    "no_follow_ups": ("No follow-ups due.", "គ្មានការតាមដានដល់កំណត់។"),
    "no_case_codes": (
        "Case codes are not included in copies shared outside the commune.",
        "លេខកូដករណីមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកទេ។",
    ),
    "incident_code": ("Incident code", "លេខកូដករណី"),
    "status": ("Status", "ស្ថានភាព"),
    "follow_up_date": ("Follow-up date", "ថ្ងៃតាមដាន"),
    "days_open": ("Days open", "ចំនួនថ្ងៃបើក"),
    "overdue": ("Due before this month", "ហួសកំណត់ពីខែមុន"),
    "yes": ("yes", "បាទ/ចាស"),
    "no": ("–", "–"),
    "open_cases": ("Open cases by days open", "ករណីបើកតាមចំនួនថ្ងៃ"),
    "stock_note": (
        "Open cases, follow-ups and action points are as at the last day of the month.",
        "ករណីបើក ការតាមដាន និងចំណុចសកម្មភាព គិតត្រឹមថ្ងៃចុងក្រោយនៃខែ។",
    ),
    "s_meetings": ("10. Meetings", "១០. កិច្ចប្រជុំ"),
    "meeting_type": ("Type of meeting", "ប្រភេទកិច្ចប្រជុំ"),
    "attendance": ("Participants", "អ្នកចូលរួម"),
    "action_points": ("Action points (all meetings so far)", "ចំណុចសកម្មភាព (កិច្ចប្រជុំទាំងអស់)"),
    "s_quality": ("11. Data quality", "១១. គុណភាពទិន្នន័យ"),
    "s_trend": ("12. Twelve-month trend", "១២. និន្នាការ ១២ ខែ"),
    "chart_trend": ("New incidents and referrals, last 12 months", "ករណីថ្មី និងការបញ្ជូន ១២ ខែចុងក្រោយ"),
    "no_charts": (
        "Charts are left out of copies shared outside the commune.",
        "ក្រាហ្វិកមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកទេ។",
    ),
    "nothing_to_chart": ("Nothing to show this month.", "ខែនេះគ្មានអ្វីបង្ហាញទេ។"),
    "s_signatures": ("Review and approval", "ការពិនិត្យ និងការអនុម័ត"),
    "prepared_by": ("Prepared by (CCWC focal point / clerk)", "រៀបចំដោយ (បង្គោលគ.ក.ន.ក / ស្មៀន)"),
    "approved_by": ("Reviewed and approved by the commune chief", "ពិនិត្យ និងអនុម័តដោយមេឃុំ/ចៅសង្កាត់"),
    "name": ("Name", "ឈ្មោះ"),
    "signature": ("Signature", "ហត្ថលេខា"),
    "date": ("Date", "កាលបរិច្ឆេទ"),
    "seal": ("Seal", "ត្រា"),
    "total": ("Total", "សរុប"),
    "number": ("Number", "ចំនួន"),
    # The same summary one level up: the district's (khan's) and the ministry's sums of what arrived.
    "title_district": ("District monthly summary", "របាយការណ៍សង្ខេបប្រចាំខែរបស់ខណ្ឌ/ស្រុក"),
    "title_ministry": ("National monthly summary", "របាយការណ៍សង្ខេបប្រចាំខែថ្នាក់ជាតិ"),
    "subtitle_above": (
        "Sum of the reports received from the offices below",
        "ផលបូកនៃរបាយការណ៍ដែលបានទទួលពីការិយាល័យថ្នាក់ក្រោម",
    ),
    "office": ("Office", "ការិយាល័យ"),
    "s_reporting": ("Reports received", "របាយការណ៍ដែលបានទទួល"),
    "prepared_by_above": ("Prepared by", "រៀបចំដោយ"),
    "approved_by_above": ("Reviewed and approved by", "ពិនិត្យ និងអនុម័តដោយ"),
    # Wording of the district and the ministry where the commune's would be wrong ("key@level").
    "confidential@district": (
        "CONFIDENTIAL – for the district office. No names. Do not copy or pass on.",
        "សម្ងាត់ – សម្រាប់សាលាខណ្ឌ/ស្រុក។ គ្មានឈ្មោះ។ សូមកុំថតចម្លង ឬបញ្ជូនបន្ត។",
    ),
    "confidential@ministry": (
        "CONFIDENTIAL – for the ministry. No names. Do not copy or pass on.",
        "សម្ងាត់ – សម្រាប់ក្រសួង។ គ្មានឈ្មោះ។ សូមកុំថតចម្លង ឬបញ្ជូនបន្ត។",
    ),
    "shared_copy@district": (
        "Copy for sharing outside the district office: numbers from 1 to {k1} are shown as <{k}; "
        "x hides a number so that totals cannot reveal a small one; · marks the tables left out "
        "because they would reveal numbers below {k}. No case codes, no charts.",
        "ច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅសាលាខណ្ឌ/ស្រុក៖ ចំនួនពី ១ ដល់ {k1} បង្ហាញជា <{k} ; "
        "x លាក់ចំនួនមួយ ដើម្បីកុំឱ្យចំនួនសរុបបង្ហាញចំនួនតូច ; · សម្គាល់តារាងដែលមិនបង្ហាញ "
        "ព្រោះវានឹងបង្ហាញចំនួនតិចជាង {k}។ គ្មានលេខកូដករណី គ្មានក្រាហ្វិក។",
    ),
    "shared_copy@ministry": (
        "Copy for sharing outside the ministry: numbers from 1 to {k1} are shown as <{k}; "
        "x hides a number so that totals cannot reveal a small one; · marks the tables left out "
        "because they would reveal numbers below {k}. No case codes, no charts.",
        "ច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅក្រសួង៖ ចំនួនពី ១ ដល់ {k1} បង្ហាញជា <{k} ; "
        "x លាក់ចំនួនមួយ ដើម្បីកុំឱ្យចំនួនសរុបបង្ហាញចំនួនតូច ; · សម្គាល់តារាងដែលមិនបង្ហាញ "
        "ព្រោះវានឹងបង្ហាញចំនួនតិចជាង {k}។ គ្មានលេខកូដករណី គ្មានក្រាហ្វិក។",
    ),
    "no_case_codes@district": (
        "Case codes are not included in copies shared outside the district office.",
        "លេខកូដករណីមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅសាលាខណ្ឌ/ស្រុកទេ។",
    ),
    "no_case_codes@ministry": (
        "Case codes are not included in copies shared outside the ministry.",
        "លេខកូដករណីមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅក្រសួងទេ។",
    ),
    "no_charts@district": (
        "Charts are left out of copies shared outside the district office.",
        "ក្រាហ្វិកមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅសាលាខណ្ឌ/ស្រុកទេ។",
    ),
    "no_charts@ministry": (
        "Charts are left out of copies shared outside the ministry.",
        "ក្រាហ្វិកមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅក្រសួងទេ។",
    ),
}


def _format_date(day: date, lang: str) -> str:
    if lang == "km":
        return f"{day.day} {MONTH_NAMES_KM[day.month - 1]} {day.year}"
    return f"{day.day} {MONTH_NAMES_EN[day.month - 1]} {day.year}"


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
        box = Table([[para(text, self.st.body)]], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), background),
                    ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return box

    def titled(self, title: str, table: Flowable) -> list[Flowable]:
        return [self.sub(title), table]

    # -- charts ---------------------------------------------------------------------------------------

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

    def legend(
        self, drawing: Drawing, items: list[tuple[colors.Color, str]], x: float, y: float, columns: int
    ) -> None:
        legend = Legend()
        legend.x, legend.y = x, y
        legend.alignment = "right"
        legend.fontName = self.st.font
        legend.fontSize = 7
        legend.columnMaximum = max(1, (len(items) + columns - 1) // columns)
        legend.deltax = CONTENT_WIDTH / columns
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
        drawing = Drawing(CONTENT_WIDTH, height + legend_height + 16)
        drawing.add(String(0, drawing.height - 9, title, fontName=self.st.font, fontSize=9, fillColor=ACCENT))
        chart = HorizontalBarChart()
        chart.x, chart.y = 62 * mm, legend_height + 14
        chart.width, chart.height = CONTENT_WIDTH - chart.x - 4 * mm, height - 10
        # Categories run top to bottom in the order of the code list.
        chart.data = [list(reversed(s)) for s in series]
        chart.categoryAxis.categoryNames = list(reversed(categories))
        chart.categoryAxis.style = "stacked"
        chart.categoryAxis.labels.fontName = self.st.font
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.textAnchor = "end"  # right edge fixed: shaped Khmer is narrower
        chart.categoryAxis.labels.dx = -3
        chart.categoryAxis.strokeColor = RULE
        chart.categoryAxis.tickLeft = 0
        top = max((sum(values) for values in zip(*series, strict=True)), default=0)
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = self._nice_max(top)
        chart.valueAxis.labels.fontName = self.st.font
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = self._axis_format
        chart.valueAxis.strokeColor = RULE
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e7eb")
        chart.barWidth = 6
        chart.groupSpacing = 4
        for i in range(len(series)):
            chart.bars[i].fillColor = SERIES[i % len(SERIES)]
            chart.bars[i].strokeColor = None
        drawing.add(chart)
        self.legend(drawing, [(SERIES[i % len(SERIES)], n) for i, n in enumerate(names)], 0, legend_height, 3)
        return drawing

    def trend_chart(self, table: CountTable) -> Drawing:
        height = 58 * mm
        drawing = Drawing(CONTENT_WIDTH, height)
        drawing.add(
            String(0, height - 9, self.t("chart_trend"), fontName=self.st.font, fontSize=9, fillColor=ACCENT)
        )
        chart = HorizontalLineChart()
        chart.x, chart.y = 12 * mm, 30
        chart.width, chart.height = CONTENT_WIDTH - 16 * mm, height - 58
        # a month nobody reported ("–") is a gap in the line, not a zero
        chart.data = [
            [row[j] if isinstance(row[j], int) else None for row in table.cells]
            for j in range(len(table.cols))
        ]
        names = []
        for code in table.rows:
            month = int(code[5:7])
            short = MONTH_NAMES_KM[month - 1] if self.lang == "km" else MONTH_NAMES_EN[month - 1][:3]
            names.append(
                f"{short}\n{self.num(code[:4])}" if month in (1,) or code == table.rows[0] else short
            )
        chart.categoryAxis.categoryNames = names
        chart.categoryAxis.labels.fontName = self.st.font
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.categoryAxis.labels.textAnchor = "middle"
        chart.categoryAxis.strokeColor = RULE
        top = max((v for row in table.cells for v in row if isinstance(v, int)), default=0)
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = self._nice_max(top)
        chart.valueAxis.labels.fontName = self.st.font
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = self._axis_format
        chart.valueAxis.strokeColor = RULE
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e7eb")
        for j in range(len(table.cols)):
            chart.lines[j].strokeColor = SERIES[j]
            chart.lines[j].strokeWidth = 1.6
        drawing.add(chart)
        items = [(SERIES[j], self.label(table.col_list, c)) for j, c in enumerate(table.cols)]
        legend = Legend()
        legend.x, legend.y = CONTENT_WIDTH - 60 * mm, height - 4
        legend.alignment = "right"
        legend.fontName = self.st.font
        legend.fontSize = 7
        legend.columnMaximum = 1
        legend.deltax = 30 * mm
        legend.dx = legend.dy = 7
        legend.colorNamePairs = items
        drawing.add(legend)
        return drawing

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
                ChartFlowable(self.bar_chart(self.t("chart_types"), categories, series, names, 62 * mm)),
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
            chart = self.bar_chart(self.t("chart_place"), categories, series, [self.t("number")], height)
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
                ChartFlowable(self.bar_chart(self.t("chart_referrals"), categories, series, names, height)),
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
                        para(self.num(_format_date(f.follow_up_date, self.lang)), st.cell),
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
            flow.append(ChartFlowable(self.trend_chart(table)))
        flow.append(self.count_table(table, self.t("period"), CONTENT_WIDTH * 0.6, label_share=0.4))
        return [KeepTogether(flow[:2]), *flow[2:]]

    def signatures(self) -> Flowable:
        st = self.st
        half = CONTENT_WIDTH / 2

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
        data = [[lft[0], rgt[0]] for lft, rgt in zip(left, right, strict=True)]
        table = Table(data, colWidths=[half, half], rowHeights=[None] + [11 * mm] * 4, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LINEBELOW", (0, 1), (0, 3), 0.4, RULE),
                    ("LINEBELOW", (1, 1), (1, 3), 0.4, RULE),
                    ("RIGHTPADDING", (0, 0), (0, -1), 18),
                    ("LEFTPADDING", (1, 0), (1, -1), 18),
                ]
            )
        )
        return KeepTogether([Spacer(1, 6), para(self.t("s_signatures"), st.heading), table])

    # -- page furniture -----------------------------------------------------------------------------------

    def decorate(self, generated_at: datetime) -> Callable[[Canvas, int, int], None]:
        st = self.st
        header_left = f"{self.info.name(self.lang)} ({self.num(self.info.code)}) · {self._khan()}"
        if self.above:
            header_left = self.office_line()
        header_right = f"{self.title()} · {self.num(period_label(self.stats.period, self.lang))}"
        stamp = generated_at.strftime("%H:%M")
        day = _format_date(generated_at.date(), self.lang)
        generated = f"{self.t('generated')}: {self.num(day)} {self.num(stamp)}"
        footer = self.t("shared_footer" if self.shared else "confidential")

        def draw(canv: Canvas, number: int, count: int) -> None:
            canv.saveState()
            top = PAGE_HEIGHT - 14 * mm
            canv.setFillColor(MUTED)
            draw_text(canv, MARGIN_X, top, header_left, st.font, 7.5)
            draw_text(canv, PAGE_WIDTH - MARGIN_X, top, header_right, st.font, 7.5, anchor="end")
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.5)
            canv.line(MARGIN_X, top - 4, PAGE_WIDTH - MARGIN_X, top - 4)
            bottom = 12 * mm
            canv.line(MARGIN_X, bottom + 9, PAGE_WIDTH - MARGIN_X, bottom + 9)
            canv.setFillColor(ACCENT if not self.shared else INK)
            draw_text(canv, MARGIN_X, bottom, footer, st.font, 7)
            canv.setFillColor(MUTED)
            page = self.t("page").format(x=self.num(number), y=self.num(count))
            draw_text(canv, PAGE_WIDTH - MARGIN_X, bottom, page, st.font, 7, anchor="end")
            draw_text(canv, MARGIN_X, bottom - 10, generated, st.font, 6.5)
            canv.restoreState()

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

    def produce(path: str | BinaryIO) -> None:
        doc = _Document(
            path,
            len(story),
            progress,
            cancelled,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author="SHSC Desktop",
            subject="Monthly summary",
            creator="SHSC Desktop",
            lang="km-KH" if lang == "km" else "en",
            invariant=True,
            created=generated,
        )
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body"
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(story, canvasmaker=numbered_canvas(summary.decorate(generated), summary.st.font))

    write_pdf(target, produce)
