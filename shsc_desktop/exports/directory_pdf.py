"""The printable referral-network directory (A4, Khmer or English), grouped by service.

Each service of the code list gets a section listing the active organisations that offer it, with
both their Khmer and English names (each in its own font, Khmer shaped), contact person, address,
phones, opening hours, coverage and the date the entry was last verified. The directory holds no
survivor data. Written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from ..models.codes import COVERAGE, SERVICE_TYPE
from ..values.contacts import ContactView
from ..values.office import OfficeInfo
from .pdf_common import PageLayout, PdfTarget, numbered_canvas, write_pdf
from .pdf_shaping import has_khmer
from .pdf_text import INK, RULE, SHADE, Wording, format_date, make_styles, para

LAYOUT = PageLayout(margin_x=14 * mm, margin_top=22 * mm, margin_bottom=20 * mm)
COLUMNS = (72 * mm, 34 * mm, 34 * mm, 34 * mm)  # organisation, phones, hours, coverage + verified

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Referral network directory", "បញ្ជីបណ្ដាញបញ្ជូនសេវា"),
    "subtitle": (
        "Services for women and children affected by violence",
        "សេវាសម្រាប់ស្ត្រី និងកុមារដែលរងផលប៉ះពាល់ពីអំពើហិង្សា",
    ),
    "commune": ("Commune/Sangkat", "ឃុំ/សង្កាត់"),
    "code": ("code", "លេខកូដ"),
    "organisation": ("Organisation", "អង្គភាព"),
    "phones": ("Phone", "ទូរស័ព្ទ"),
    "hours": ("Opening hours", "ម៉ោងធ្វើការ"),
    "coverage": ("Covers / verified", "តំបន់ / ផ្ទៀងផ្ទាត់"),
    "contact_person": ("Contact", "អ្នកទំនាក់ទំនង"),
    "verified": ("Verified", "ផ្ទៀងផ្ទាត់"),
    "not_verified": ("not verified", "មិនទាន់ផ្ទៀងផ្ទាត់"),
    "none": ("No active organisation offers this service yet.", "មិនទាន់មានអង្គភាពផ្ដល់សេវានេះទេ។"),
    "entries": ("{n} organisations", "អង្គភាពចំនួន {n}"),
    "printed": ("Printed", "បោះពុម្ពនៅ"),
    "page": ("Page {x} of {y}", "ទំព័រ {x} នៃ {y}"),
    "footer": (
        "Check phone numbers before you refer: entries show when they were last verified.",
        "សូមពិនិត្យលេខទូរស័ព្ទមុនពេលបញ្ជូន៖ ព័ត៌មាននីមួយៗបង្ហាញកាលបរិច្ឆេទផ្ទៀងផ្ទាត់ចុងក្រោយ។",
    ),
}


class _Directory(Wording):
    def __init__(self, entries: Sequence[ContactView], info: OfficeInfo, lang: str) -> None:
        super().__init__(TEXT, lang)
        self.entries = [e for e in entries if e.active]
        self.info = info
        size = 8.5
        self.st = make_styles(lang, size=size)
        self.km = make_styles("km", size=size)

    def value(self, text: str, small: bool = False) -> Any:
        if has_khmer(text):
            return para(text, self.km.small if small else self.km.cell)
        return para(text, self.st.small if small else self.st.cell)

    def organisation(self, e: ContactView) -> list[Any]:
        first, second = (e.name_km, e.name_en) if self.lang == "km" else (e.name_en, e.name_km)
        cell = [self.value(n) for n in (first, second) if n]
        person = ", ".join(x for x in (e.contact_person, e.position) if x)
        if person:
            cell.append(self.value(f"{self.t('contact_person')}: {person}", small=True))
        if e.address:
            cell.append(self.value(e.address, small=True))
        return cell

    def row(self, e: ContactView) -> list[Any]:
        phones = [self.value(p) for p in (e.phone, e.phone2) if p] or [self.value("–")]
        if e.email:
            phones.append(self.value(e.email, small=True))
        verified = (
            f"{self.t('verified')}: {format_date(e.last_verified, self.lang)}"
            if e.last_verified
            else self.t("not_verified")
        )
        return [
            self.organisation(e),
            phones,
            self.value(e.hours or "–"),
            [self.value(COVERAGE.label(e.coverage, self.lang)), self.value(verified, small=True)],
        ]

    def section(self, service: str) -> list[Any]:
        st = self.st
        offering = [e for e in self.entries if service in e.services]
        title = para(SERVICE_TYPE.label(service, self.lang), st.heading)
        if not offering:
            return [KeepTogether([title, para(self.t("none"), st.small)])]
        head = [para(self.t(k), st.cell_head) for k in ("organisation", "phones", "hours", "coverage")]
        table = Table([head, *(self.row(e) for e in offering)], colWidths=list(COLUMNS), repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return [title, table]

    def story(self) -> list[Any]:
        st = self.st
        office = f"{self.info.name(self.lang)} ({self.t('code')} {self.num(self.info.code)})"
        story: list[Any] = [
            para(self.t("title"), st.title),
            para(self.t("subtitle"), st.body),
            para(f"{self.t('commune')}: {office} · {self.t('entries', n=len(self.entries))}", st.small),
            Spacer(1, 4),
        ]
        for service in SERVICE_TYPE.codes():
            story += self.section(service)
        return story

    def decorate(self, printed_at: datetime) -> Any:
        st = self.st
        header = f"{self.t('title')} · {self.info.name(self.lang)}"
        stamp = self.printed(printed_at)

        def draw(canv: Canvas, number: int, count: int) -> None:
            page = self.t("page").format(x=self.num(str(number)), y=self.num(str(count)))
            LAYOUT.draw_furniture(
                canv,
                st.font,
                header_left=header,
                header_right=stamp,
                footer_left=self.t("footer"),
                footer_right=page,
            )

        return draw


def build_directory_pdf(
    entries: Sequence[ContactView],
    office_info: OfficeInfo,
    lang: str,
    target: PdfTarget,
    *,
    printed_at: datetime | None = None,
) -> int:
    """Write the directory of the active ``entries`` to ``target`` (atomically); returns how many."""
    if lang not in ("km", "en"):
        raise ValueError(f"unknown language {lang!r}")
    directory = _Directory(entries, office_info, lang)
    story = directory.story()
    when = printed_at or datetime.now().astimezone()

    def produce(path: str | BinaryIO) -> None:
        doc = LAYOUT.document(path, lang, f"Referral network directory – {office_info.name_en}")
        doc.build(story, canvasmaker=numbered_canvas(directory.decorate(when), directory.st.font))

    write_pdf(target, produce)
    return len(directory.entries)
