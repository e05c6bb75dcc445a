"""The referral slip (A4, Khmer or English): for the survivor to carry, or for the provider.

Layout only. What may be printed is decided by :mod:`shsc_desktop.services.slips`, which hands over a
:class:`ReferralSlip` holding nothing but the fields that may appear: codes, the provider from the
directory, dates, and — only when the user ticked them and may see them — the survivor's identifying
details. There is no field for the narrative or the type of violence, so neither can be printed; the
survivor's copy does not even say what the referral is about beyond the service, in case the wrong
person finds it.

Written atomically, like every file the app produces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from ..models.codes import SERVICE_TYPE, URGENCY
from ..values.office import OfficeInfo
from .pdf_common import PageLayout, PdfTarget, boxed, numbered_canvas, signature_table, write_pdf
from .pdf_shaping import has_khmer
from .pdf_text import HIGHLIGHT, RULE, SHADE, Wording, format_date, make_styles, para

LAYOUT = PageLayout(margin_x=18 * mm, margin_top=22 * mm, margin_bottom=20 * mm)
CONTENT_WIDTH = LAYOUT.content_width

AUDIENCES = ("survivor", "provider")
IDENTIFYING_FIELDS = ("survivor_name", "survivor_phone", "survivor_address", "survivor_birth_date")
"""The identifying details a slip may carry when chosen and permitted (never the narrative)."""

TEXT: dict[str, tuple[str, str]] = {
    "title_provider": ("Referral slip", "ប័ណ្ណបញ្ជូន"),
    "title_survivor": ("Appointment slip", "ប័ណ្ណណាត់ជួប"),
    "for_provider": ("Copy for the service provider", "ច្បាប់សម្រាប់អ្នកផ្ដល់សេវា"),
    "for_survivor": ("Copy for the person referred", "ច្បាប់សម្រាប់អ្នកដែលត្រូវបានបញ្ជូន"),
    "from": ("From", "ពី"),
    "commune": ("Commune/Sangkat", "ឃុំ/សង្កាត់"),
    "khan": ("Khan/District", "ខណ្ឌ/ស្រុក"),
    "code": ("code", "លេខកូដ"),
    "commune_contact": ("Commune office contact", "ទំនាក់ទំនងសាលាឃុំ/សង្កាត់"),
    "to": ("To", "ទៅ"),
    "provider": ("Service provider", "អ្នកផ្ដល់សេវា"),
    "contact_person": ("Contact person", "អ្នកទំនាក់ទំនង"),
    "address": ("Address", "អាសយដ្ឋាន"),
    "phones": ("Phone", "ទូរស័ព្ទ"),
    "hours": ("Opening hours", "ម៉ោងធ្វើការ"),
    "referral": ("Referral", "ការបញ្ជូន"),
    "referral_code": ("Referral code", "លេខកូដការបញ្ជូន"),
    "incident_code": ("Case code", "លេខកូដករណី"),
    "survivor_code": ("Person code", "លេខកូដបុគ្គល"),
    "date_referred": ("Date referred", "កាលបរិច្ឆេទបញ្ជូន"),
    "service": ("Service needed", "សេវាដែលត្រូវការ"),
    "urgency": ("Urgency", "ភាពបន្ទាន់"),
    "follow_up": ("Follow-up by the commune", "ការតាមដានដោយឃុំ/សង្កាត់"),
    "survivor_name": ("Name", "ឈ្មោះ"),
    "survivor_phone": ("Phone", "ទូរស័ព្ទ"),
    "survivor_address": ("Address", "អាសយដ្ឋាន"),
    "survivor_birth_date": ("Date of birth", "ថ្ងៃខែឆ្នាំកំណើត"),
    "person": ("The person referred", "អ្នកដែលត្រូវបានបញ្ជូន"),
    "consent_given": (
        "She agreed to be referred to this service.",
        "គាត់បានយល់ព្រមឱ្យបញ្ជូនទៅសេវានេះ។",
    ),
    "consent_overridden": (
        "Referred on the decision of the commune chief (recorded with a reason).",
        "បញ្ជូនតាមការសម្រេចរបស់មេឃុំ/ចៅសង្កាត់ (បានកត់ត្រាមូលហេតុ)។",
    ),
    "ask_provider": (
        "Please provide the service above and tell the commune office when it has been received. "
        "Keep this slip confidential.",
        "សូមផ្ដល់សេវាខាងលើ ហើយជូនដំណឹងទៅសាលាឃុំ/សង្កាត់ នៅពេលសេវាត្រូវបានទទួល។ សូមរក្សាប័ណ្ណនេះជាការសម្ងាត់។",
    ),
    "ask_survivor": (
        "Show this slip at the place above. Keep it somewhere safe.",
        "សូមបង្ហាញប័ណ្ណនេះនៅកន្លែងខាងលើ។ សូមរក្សាវាទុកនៅកន្លែងដែលមានសុវត្ថិភាព។",
    ),
    "referred_by": ("Referred by the commune office", "បញ្ជូនដោយសាលាឃុំ/សង្កាត់"),
    "received_by": ("Received by the provider", "ទទួលដោយអ្នកផ្ដល់សេវា"),
    "name": ("Name", "ឈ្មោះ"),
    "signature": ("Signature", "ហត្ថលេខា"),
    "date": ("Date", "កាលបរិច្ឆេទ"),
    "seal": ("Seal", "ត្រា"),
    "footer": (
        "CONFIDENTIAL – referral slip. Do not copy or pass on.",
        "សម្ងាត់ – ប័ណ្ណបញ្ជូន។ សូមកុំថតចម្លង ឬបញ្ជូនបន្ត។",
    ),
    "printed": ("Printed", "បោះពុម្ពនៅ"),
}


@dataclass(frozen=True)
class ReferralSlip:
    """Everything a slip may show; built by the slip service from what may be printed."""

    audience: str  # "survivor" or "provider"
    lang: str  # "km" or "en"
    referral_code: str
    incident_code: str
    survivor_code: str
    date_referred: date
    service_type: str
    urgency: str
    follow_up_date: date | None
    consent_overridden: bool
    provider_name_km: str
    provider_name_en: str
    provider_contact_person: str
    provider_address: str
    provider_phones: tuple[str, ...]
    provider_hours: str
    office: OfficeInfo
    office_contact: str
    identifying: tuple[tuple[str, str], ...] = ()
    """Chosen identifying details as (field, printed value), in :data:`IDENTIFYING_FIELDS` order."""

    def printed_fields(self) -> list[str]:
        """The names of the fields that appear on the slip (for the audit log)."""
        fields = ["referral_code", "incident_code", "date_referred", "service_type", "urgency", "provider"]
        if self.audience == "provider":
            fields.insert(2, "survivor_code")
        if self.follow_up_date is not None:
            fields.append("follow_up_date")
        return fields + [name for name, _ in self.identifying]


class _Slip(Wording):
    def __init__(self, slip: ReferralSlip) -> None:
        super().__init__(TEXT, slip.lang)
        self.s = slip
        # Khmer lines are taller (stacked vowels and subscripts): a slightly smaller size keeps the
        # slip on one page with the signature lines.
        size = 9.5 if slip.lang == "km" else 10
        self.st = make_styles(slip.lang, size=size)
        self.km = make_styles("km", size=size)

    def rows(
        self,
        items: Sequence[tuple[str, str | list[str]]],
        label_width: float = 52 * mm,
        width: float = CONTENT_WIDTH,
    ) -> Table:
        """Label/value lines; a value given as a list is several lines (e.g. a name in two scripts)."""
        st = self.st
        data = [
            [
                para(label, st.small),
                [self.value(v) for v in value] if isinstance(value, list) else self.value(value),
            ]
            for label, value in items
        ]
        table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return table

    def value(self, text: str) -> Any:
        """A value typed by someone: Khmer text gets the Khmer font, shaped, in either language."""
        return para(text, self.km.body if has_khmer(text) else self.st.body)

    def boxed(self, flowables: list[Any], background: Any) -> Table:
        return boxed(flowables, CONTENT_WIDTH, background, line_width=0.6, bottom_padding=6)

    def provider_names(self) -> list[str]:
        """Both names, the document's language first."""
        s = self.s
        first, second = (
            (s.provider_name_km, s.provider_name_en)
            if self.lang == "km"
            else (s.provider_name_en, s.provider_name_km)
        )
        return [n for n in (first, second) if n]

    def signature_block(self) -> Table:
        st = self.st

        def block(title: str) -> list[list[Any]]:
            return [
                [para(title, st.subheading)],
                [para(f"{self.t('name')}:", st.body)],
                [para(f"{self.t('signature')}:", st.body)],
                [para(f"{self.t('date')}:", st.body)],
            ]

        left = block(self.t("referred_by"))
        if self.s.audience == "provider":
            right = block(self.t("received_by"))
        else:
            right = [[""], [para(f"{self.t('seal')}:", st.body)], [""], [""]]
        return signature_table(left, right, CONTENT_WIDTH, 10 * mm, rule_right=self.s.audience == "provider")

    def story(self) -> list[Any]:
        s, st = self.s, self.st
        provider = s.audience == "provider"
        info = s.office
        khan = info.parent_name_km if self.lang == "km" else info.parent_name_en
        story: list[Any] = [
            para(self.t("title_provider" if provider else "title_survivor"), st.title),
            para(self.t("for_provider" if provider else "for_survivor"), st.small),
            Spacer(1, 6),
            para(self.t("from"), st.heading),
            self.rows(
                [
                    (self.t("commune"), f"{info.name(self.lang)} ({self.t('code')} {self.num(info.code)})"),
                    (self.t("khan"), khan),
                    (self.t("commune_contact"), s.office_contact or " "),
                ]
            ),
            para(self.t("to"), st.heading),
        ]
        phones = ", ".join(p for p in s.provider_phones if p)
        provider_rows: list[tuple[str, str | list[str]]] = [(self.t("provider"), self.provider_names())]
        if s.provider_contact_person:
            provider_rows.append((self.t("contact_person"), s.provider_contact_person))
        provider_rows += [
            (self.t("address"), s.provider_address or "–"),
            (self.t("phones"), phones or "–"),
            (self.t("hours"), s.provider_hours or "–"),
        ]
        story.append(self.boxed([self.rows(provider_rows, 48 * mm, CONTENT_WIDTH - 12)], SHADE))
        story.append(para(self.t("referral"), st.heading))
        referral_rows = [
            (self.t("referral_code"), s.referral_code),
            (self.t("incident_code"), s.incident_code),
        ]
        if provider:
            referral_rows.append((self.t("survivor_code"), s.survivor_code))
        referral_rows += [
            (self.t("date_referred"), format_date(s.date_referred, self.lang)),
            (self.t("service"), SERVICE_TYPE.label(s.service_type, self.lang)),
            (self.t("urgency"), URGENCY.label(s.urgency, self.lang)),
        ]
        if s.follow_up_date is not None:
            referral_rows.append((self.t("follow_up"), format_date(s.follow_up_date, self.lang)))
        story.append(self.rows(referral_rows))
        if s.identifying:
            story.append(para(self.t("person"), st.heading))
            story.append(self.rows([(self.t(name), value) for name, value in s.identifying]))
        story.append(Spacer(1, 8))
        notes = [para(self.t("ask_provider" if provider else "ask_survivor"), st.body)]
        if provider:
            notes.append(
                para(self.t("consent_overridden" if s.consent_overridden else "consent_given"), st.small)
            )
        story.append(self.boxed(notes, HIGHLIGHT))
        story.append(Spacer(1, 10))
        story.append(KeepTogether([self.signature_block()]))
        return story

    def decorate(self, printed_at: datetime) -> Any:
        st = self.st
        stamp = self.printed(printed_at, with_time=True)
        header = f"{self.s.office.name(self.lang)} · {self.s.referral_code}"

        def draw(canv: Canvas, number: int, count: int) -> None:
            LAYOUT.draw_furniture(
                canv, st.font, header_left=header, footer_left=self.t("footer"), footer_right=stamp
            )

        return draw


def build_referral_slip(slip: ReferralSlip, target: PdfTarget, *, printed_at: datetime | None = None) -> None:
    """Write ``slip`` as a one-page PDF to ``target`` (atomically)."""
    if slip.lang not in ("km", "en"):
        raise ValueError(f"unknown language {slip.lang!r}")
    if slip.audience not in AUDIENCES:
        raise ValueError(f"unknown audience {slip.audience!r}")
    builder = _Slip(slip)
    story = builder.story()
    when = printed_at or datetime.now().astimezone()

    def produce(path: str | BinaryIO) -> None:
        doc = LAYOUT.document(path, slip.lang, f"Referral slip {slip.referral_code}")
        doc.build(story, canvasmaker=numbered_canvas(builder.decorate(when), builder.st.font))

    write_pdf(target, produce)
