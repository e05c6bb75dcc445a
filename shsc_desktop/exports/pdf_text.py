"""Text as every PDF of the app sets it: the palette, the paragraph styles of a document's language
(shaped in Khmer), plain-text paragraphs whose lines are broken once, and numbers, dates and words in
the document's language and digits.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ..models.codes import MONTH_NAMES_KM, khmer_digits
from .pdf_shaping import font_for, register_fonts

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#7b2d8b")  # SHSC purple
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#f0f4f8")
HIGHLIGHT = colors.HexColor("#fdf1d6")
ALERT = colors.HexColor("#fde2e1")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document language (all shaped in Khmer)."""

    lang: str
    font: str
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_number: ParagraphStyle
    big_number: ParagraphStyle


@functools.cache
def make_styles(lang: str, size: float = 8.5) -> Styles:
    """The styles of one language and size, made once per process (they are never changed)."""
    register_fonts()
    font = font_for(lang)
    # Khmer needs more leading: vowels and subscripts stack above and below the line.
    lead = 1.65 if lang == "km" else 1.3
    shaping = 1 if lang == "km" else 0

    def style(name: str, fs: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            f"{name}-{lang}", fontName=font, fontSize=fs, leading=fs * lead, shaping=shaping,
            textColor=kw.pop("textColor", INK), **kw,
        )  # fmt: skip

    return Styles(
        lang=lang,
        font=font,
        title=style("title", size + 7, textColor=ACCENT, spaceAfter=2),
        heading=style("heading", size + 3.5, textColor=ACCENT, spaceBefore=8, spaceAfter=4),
        subheading=style("subheading", size + 1, spaceBefore=4, spaceAfter=2),
        body=style("body", size),
        small=style("small", size - 1.5, textColor=MUTED),
        cell=style("cell", size - 0.5, alignment=TA_LEFT),
        cell_head=style("cell_head", size - 1, alignment=TA_CENTER, textColor=MUTED),
        cell_number=style("cell_number", size - 0.5, alignment=TA_RIGHT),
        big_number=style("big_number", size + 4, alignment=TA_CENTER),
    )


class _Lines:
    """One text in one style: its parsed fragments, and its lines for each width they were broken at."""

    __slots__ = ("by_width", "frags")

    def __init__(self, frags: list[Any]) -> None:
        self.frags = frags
        self.by_width: dict[float, tuple[Any, float, list[Any]]] = {}


class _Paragraph(Paragraph):  # type: ignore[misc]
    """A ``Paragraph`` whose lines are broken once per text, style and width.

    A summary has some 2,000 cell paragraphs but only about 200 different ones (type, status and
    "yes" repeat down the follow-up list), and tables wrap each cell several times (sizing the rows,
    keeping a section together, splitting at a page end, drawing). Breaking the lines shapes every
    Khmer word with HarfBuzz, which was most of the layout time. The lines depend only on the
    text, the style and the width, so they are computed once and shared; drawing only reads them.

    It also avoids a ReportLab flaw: ``breakLines`` replaces the paragraph's fragments with its
    shaped (and, in a narrow cell, split) words, so breaking the same paragraph a second time shaped
    already-shaped glyphs again and printed broken clusters (dotted circles) in repeated table
    headers. Lines here are always broken from the parsed text.
    """

    _shared: _Lines
    blPara: Any  # set by ReportLab's wrap (untyped library attributes)
    height: float

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth < 1e-8:
            width, height = super().wrap(availWidth, availHeight)
            return float(width), float(height)
        shared = self._shared
        hit = shared.by_width.get(availWidth)
        if hit is None:
            self.frags = shared.frags
            super().wrap(availWidth, availHeight)
            hit = shared.by_width[availWidth] = (self.blPara, self.height, self.frags)
        else:
            style = self.style
            self.width = availWidth
            self._wrapWidths = [
                availWidth - (style.leftIndent + style.firstLineIndent) - style.rightIndent,
                availWidth - style.leftIndent - style.rightIndent,
            ]
        self.blPara, self.height, self.frags = hit
        self.width = availWidth
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # Splitting edits the words of the lines; do it on a private copy, never on shared lines.
        return Paragraph(self.text, self.style).split(availWidth, availHeight)  # type: ignore[no-any-return]


_LINES: dict[tuple[str, int], tuple[ParagraphStyle, _Lines]] = {}
_LINES_MAX = 4096


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: "<5" is text, not markup)."""
    key = (text, id(style))
    hit = _LINES.get(key)
    if hit is not None and hit[0] is style:
        p = _Paragraph(escape(text), style, frags=hit[1].frags)
        p._shared = hit[1]
        return p
    p = _Paragraph(escape(text), style)
    if len(_LINES) >= _LINES_MAX:
        _LINES.clear()
    p._shared = _Lines(p.frags)
    _LINES[key] = (style, p._shared)
    return p


def digits(text: str, khmer: bool) -> str:
    return khmer_digits(text) if khmer else text


MONTH_NAMES_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def date_words(day: date, lang: str) -> str:
    """``day`` as a document writes it ("2 April 2025", "2 មេសា 2025"), digits left as they are."""
    names = MONTH_NAMES_KM if lang == "km" else MONTH_NAMES_EN
    return f"{day.day} {names[day.month - 1]} {day.year}"


def format_date(day: date, lang: str) -> str:
    """``day`` as a document writes it, in Khmer digits in a Khmer document."""
    return digits(date_words(day, lang), lang == "km")


class Wording:
    """The words of a one-language document: its ``TEXT`` table of (English, Khmer) pairs, read in
    ``lang``, with Khmer digits in a Khmer document (the directory and the referral slip)."""

    def __init__(self, text: Mapping[str, tuple[str, str]], lang: str) -> None:
        self.text = text
        self.lang = lang

    def t(self, key: str, **fmt: Any) -> str:
        """The text of ``key``; ``fmt`` fills its ``{name}`` fields (numbers in the document's digits)."""
        en, km = self.text[key]
        text = km if self.lang == "km" else en
        return text.format(**{k: self.num(str(v)) for k, v in fmt.items()}) if fmt else text

    def num(self, text: str) -> str:
        return digits(text, self.lang == "km")

    def printed(self, printed_at: datetime, *, with_time: bool = False) -> str:
        """The footer's "Printed: <day>" (``TEXT["printed"]``), with the time when ``with_time``."""
        stamp = f"{self.t('printed')}: {format_date(printed_at.date(), self.lang)}"
        return f"{stamp} {self.num(printed_at.strftime('%H:%M'))}" if with_time else stamp
