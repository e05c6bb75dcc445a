"""What every PDF of the app shares: fonts, shaped Khmer text, styles, charts, page numbers, and the
A4 page with its header and footer, boxes, signature lines and dates.

Khmer needs OpenType shaping (stacked consonants, vowels before the consonant). ReportLab shapes
with uharfbuzz only where it is asked to:

* **Paragraphs** shape when their style has ``shaping=1`` — every style made here has it in Khmer.
  Table cells that hold Khmer must therefore be Paragraphs, never plain strings.
* **Canvas strings** (``drawString(..., shaping=True)``) shape *only if rlbidi is installed*; without
  it the flag is silently ignored. :func:`draw_text` shapes explicitly instead.
* **Chart strings** (``reportlab.graphics``) are never shaped by ``renderPDF``. :class:`ChartFlowable`
  draws a chart with a renderer whose strings go through :func:`draw_text`.

The bundled Noto fonts are variable TrueType files; ReportLab embeds their default instance
(Regular), which is what we want. There is no bold face, so emphasis is size and colour.

**ReportLab 5.1 bug, worked around here**: ``PDFTextObject.setRise`` merges two consecutive rise
changes but then forgets the new rise, so after a Khmer subscript or vowel below the line the rest of
the line is drawn lowered ("ការបញ្ជូនដែលបានធ្វើ" loses its baseline after ញ្ជូ). :func:`register_fonts`
installs a corrected ``setRise``; ``tests/exports/test_summary_pdf.py`` checks it still applies.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeStr
from reportlab.pdfgen import textobject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
    paragraph,
)

from ..atomic import atomic_produce
from ..models.codes import MONTH_NAMES_KM, khmer_digits
from ..resources import font_files

KHMER_FONT = "ShscNotoSansKhmer"
LATIN_FONT = "ShscNotoSans"

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#7b2d8b")  # SHSC purple
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#f0f4f8")
HIGHLIGHT = colors.HexColor("#fdf1d6")
ALERT = colors.HexColor("#fde2e1")


PdfTarget = Path | BinaryIO
"""Where a PDF goes: a file (written atomically) or a binary stream (e.g. ``io.BytesIO`` for printing,
so that nothing of a print job ever touches the disk)."""


def write_pdf(target: PdfTarget | str, produce: Callable[[str | BinaryIO], None]) -> None:
    """Run ``produce`` (ReportLab's document build) into ``target``: a path atomically, or a stream."""
    if isinstance(target, str | os.PathLike):
        atomic_produce(Path(target), lambda path: produce(str(path)))
    else:
        produce(target)


def pdf_bytes(build: Callable[[BinaryIO], object]) -> bytes:
    """The PDF ``build(stream)`` writes, kept in memory only (print jobs: no temporary file)."""
    buffer = io.BytesIO()
    build(buffer)
    return buffer.getvalue()


def _set_rise(self: Any, rise: float) -> None:
    """``PDFTextObject.setRise`` that keeps its state right when it merges ``a Ts b Ts``."""
    self._y += self._rise - rise
    self._rise = rise
    code = f"{textobject.fp_str(rise)} Ts"
    if self._code and self._code[-1].endswith(" Ts"):
        self._code[-1] = code
    else:
        self._code.append(code)


_shape_frag_word = ttfonts.shapeFragWord
_format_text = textobject.PDFTextObject._formatText


def _shape_keeping_text(word: Any, *args: Any, **kwargs: Any) -> Any:
    """ReportLab's ``shapeFragWord``, with each shaped piece remembering the text it draws.

    Shaped glyphs are written as codes whose ToUnicode entries cannot say what they stand for (a
    conjunct or a subscript is one glyph for several characters, a vowel is drawn before the
    consonant it follows): copying or searching Khmer in the PDF gave garbage. Each piece's text is
    its HarfBuzz clusters' span of the original text, written as the piece's ``/ActualText``.
    """
    shaped = _shape_frag_word(word, *args, **kwargs)
    if shaped is word or not isinstance(shaped, list):
        return shaped
    text = "".join(s for f, s in word[1:] if not hasattr(f, "cbDefn"))
    pieces = [s for _f, s in shaped[1:] if isinstance(s, ShapedStr) and s.__shapeData__]
    starts = [*sorted({min(d.cluster for d in s.__shapeData__) for s in pieces}), len(text)]
    for piece in pieces:
        first = min(d.cluster for d in piece.__shapeData__)
        last = max(d.cluster for d in piece.__shapeData__)
        end = min(start for start in starts if start > last) if last < len(text) else len(text)
        piece.actual_text = text[first:end]
    return shaped


_shaped_add = ShapedStr.__add__
_shaped_radd = ShapedStr.__radd__
_shaped_getitem = ShapedStr.__getitem__


def _actual(text: str) -> str | None:
    """The text a piece stands for: its ``actual_text`` if shaped, else itself (None: unknown)."""
    if isinstance(text, ShapedStr):
        return getattr(text, "actual_text", None)
    return str(text)


def _add_keeping_text(self: ShapedStr, other: str) -> ShapedStr:
    """Words of a line are joined before drawing: the joined piece stands for both texts."""
    joined: ShapedStr = _shaped_add(self, other)
    left, right = _actual(self), _actual(other)
    if left is not None and right is not None:
        joined.actual_text = left + right
    return joined


def _radd_keeping_text(self: ShapedStr, other: str) -> ShapedStr:
    joined: ShapedStr = _shaped_radd(self, other)
    left, right = _actual(other), _actual(self)
    if left is not None and right is not None:
        joined.actual_text = left + right
    return joined


def _glyph_texts(shaped: ShapedStr, actual: str) -> list[str] | None:
    """The text each glyph stands for: its cluster's text on the cluster's first glyph, "" on the
    others (None when the clusters do not run in order, as in words joined after shaping)."""
    clusters = [d.cluster for d in shaped.__shapeData__]
    if not clusters or clusters != sorted(clusters):
        return None
    base = clusters[0]
    ends = [*sorted(set(clusters))[1:], base + len(actual)]
    texts = []
    for i, cluster in enumerate(clusters):
        first = i == 0 or clusters[i - 1] != cluster
        end = next(e for e in ends if e > cluster)
        texts.append(actual[cluster - base : end - base] if first else "")
    return texts


def _getitem_keeping_text(self: ShapedStr, index: Any) -> Any:
    """A word split across lines of a narrow cell, glyph by glyph: each part keeps its text."""
    part = _shaped_getitem(self, index)
    actual = getattr(self, "actual_text", None)
    if actual is None or not isinstance(part, ShapedStr):
        return part
    texts = _glyph_texts(self, actual)
    if texts is not None:
        chosen = texts[index] if isinstance(index, slice) else [texts[index]]
        part.actual_text = "".join(chosen)
    return part


def _frag_word_iter(word: Any) -> Any:
    """ReportLab's ``_fragWordIter`` (a long word split over the lines of a narrow cell, character by
    character), indexing shaped strings instead of iterating them: iteration gives plain characters,
    which lost the glyphs' positions and their text."""
    for frag, text in word[1:]:
        if hasattr(frag, "cbDefn"):
            yield frag, getattr(frag.cbDefn, "width", 0), text
        elif text:
            if isinstance(text, bytes):
                text = text.decode("utf8")
            chars = [text[i] for i in range(len(text))] if isinstance(text, ShapedStr) else text
            for char in chars:
                yield frag, pdfmetrics.stringWidth(char, frag.fontName, frag.fontSize), char
        else:
            yield frag, 0, text


def _format_with_actual_text(self: Any, text: Any) -> str:
    """``PDFTextObject._formatText`` that marks a shaped piece with the text it stands for."""
    code: str = _format_text(self, text)
    actual = getattr(text, "actual_text", None)
    if actual is None:
        return code
    utf16 = ("\ufeff" + actual).encode("utf-16-be").hex().upper()
    return f"/Span <</ActualText <{utf16}>>> BDC {code} EMC"


@functools.cache
def register_fonts() -> None:
    """Register the bundled fonts with ReportLab, fix its text rise and make shaped text extractable
    (once per process)."""
    textobject.PDFTextObject.setRise = _set_rise
    textobject.PDFTextObject._formatText = _format_with_actual_text
    ttfonts.shapeFragWord = _shape_keeping_text  # used by shapeStr (canvas strings)
    ShapedStr.__add__ = _add_keeping_text
    ShapedStr.__radd__ = _radd_keeping_text
    ShapedStr.__getitem__ = _getitem_keeping_text
    paragraph.shapeFragWord = _shape_keeping_text  # used to break paragraphs into lines
    paragraph._fragWordIter = _frag_word_iter
    files = font_files()
    pdfmetrics.registerFont(TTFont(KHMER_FONT, str(files["khmer"]), shapable=True))
    pdfmetrics.registerFont(TTFont(LATIN_FONT, str(files["latin"]), shapable=True))


def font_for(lang: str) -> str:
    """Khmer documents use Noto Sans Khmer throughout (it has Latin letters and digits too)."""
    return KHMER_FONT if lang == "km" else LATIN_FONT


def shape(text: str, font: str, size: float) -> tuple[str, float]:
    """``text`` shaped for ``font`` (when it needs it) and its width in points."""
    if getattr(pdfmetrics.getFont(font), "shapable", False) and not text.isascii():
        shaped = shapeStr(text, font, size)
        if isinstance(shaped, ShapedStr):
            return shaped, sum(d.x_advance for d in shaped.__shapeData__) * size / 1000
    return text, pdfmetrics.stringWidth(text, font, size)


def draw_text(
    canv: Canvas, x: float, y: float, text: str, font: str, size: float, anchor: str = "start"
) -> None:
    """Draw one line of text on a canvas, shaped; ``anchor`` is start, middle or end."""
    shaped, width = shape(text, font, size)
    if anchor == "end":
        x -= width
    elif anchor == "middle":
        x -= width / 2
    canv.setFont(font, size)
    canv.drawString(x, y, shaped)


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


# --- Charts --------------------------------------------------------------------------------------


class _ShapingRenderer(renderPDF._PDFRenderer):  # type: ignore[misc]  # no public hook for strings
    """``renderPDF``'s renderer, with chart strings shaped like paragraphs."""

    def drawString(self, stringObj: Any) -> None:
        if not self._fill:
            return
        state = self._tracker.getState()
        anchor = state["textAnchor"]
        anchor = anchor if anchor in ("middle", "end") else "start"
        draw_text(
            self._canvas,
            stringObj.x,
            stringObj.y,
            stringObj.text,
            state["fontName"],
            state["fontSize"],
            anchor,
        )


class ChartFlowable(Flowable):  # type: ignore[misc]
    """A ``reportlab.graphics`` drawing as a flowable, with shaped (Khmer) strings."""

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.width = drawing.width
        self.height = drawing.height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        _ShapingRenderer().draw(self.drawing, self.canv, 0, 0, showBoundary=False)


# --- Page numbers ----------------------------------------------------------------------------------

PageDecorator = Callable[[Canvas, int, int], None]
"""Draws the furniture of one page: ``(canvas, page number, page count)``."""


def numbered_canvas(decorate: PageDecorator, font: str | None = None) -> type[Canvas]:
    """A canvas class that knows the page count when it draws headers and footers ("page X of Y").

    Pages are kept until the document is saved, then each is decorated and emitted; one pass, so
    no second layout run is needed.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if font is not None:  # else every page names Helvetica, a font we never embed
                kwargs.setdefault("initialFontName", font)
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            count = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, count)
                super().showPage()
            super().save()

    return NumberedCanvas


# --- A4 pages: the document, its header and footer, boxes and signature lines ------------------------

PAGE_WIDTH, PAGE_HEIGHT = float(A4[0]), float(A4[1])
FOOTER_Y = 12 * mm
"""The baseline of every page's footer line; its rule is drawn 9 points above it."""


@dataclass(frozen=True)
class PageLayout:
    """The margins of an A4 document (in points): the frame of its body lies between them."""

    margin_x: float
    margin_top: float
    margin_bottom: float

    @property
    def content_width(self) -> float:
        return PAGE_WIDTH - 2 * self.margin_x

    def document(
        self,
        path: str | BinaryIO,
        lang: str,
        title: str,
        template: Callable[..., BaseDocTemplate] = BaseDocTemplate,
        **meta: Any,
    ) -> BaseDocTemplate:
        """The document (``template``, a :class:`BaseDocTemplate` or a subclass) with one page
        template, its body frame between the margins. Reproducible (``invariant``), in ``lang``."""
        doc = template(
            path,
            pagesize=A4,
            leftMargin=self.margin_x,
            rightMargin=self.margin_x,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=title,
            author="SHSC Desktop",
            creator="SHSC Desktop",
            lang="km-KH" if lang == "km" else "en",
            invariant=True,
            **meta,
        )
        height = PAGE_HEIGHT - self.margin_top - self.margin_bottom
        frame = Frame(self.margin_x, self.margin_bottom, self.content_width, height, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        return doc

    def draw_furniture(
        self,
        canv: Canvas,
        font: str,
        *,
        header_left: str,
        header_right: str = "",
        header_top: float = PAGE_HEIGHT - 12 * mm,
        header_rule: bool = False,
        footer_left: str,
        footer_right: str,
        footer_colour: colors.Color = ACCENT,
        footer_note: str = "",
    ) -> None:
        """A page's header (muted, ruled below when ``header_rule``) and footer: a rule, then
        ``footer_left`` (a warning, in ``footer_colour``) and ``footer_right`` (the page or the
        date), and ``footer_note`` in small print under them."""
        left, right = self.margin_x, PAGE_WIDTH - self.margin_x
        canv.saveState()
        canv.setFillColor(MUTED)
        draw_text(canv, left, header_top, header_left, font, 7.5)
        if header_right:
            draw_text(canv, right, header_top, header_right, font, 7.5, anchor="end")
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        if header_rule:
            canv.line(left, header_top - 4, right, header_top - 4)
        canv.line(left, FOOTER_Y + 9, right, FOOTER_Y + 9)
        canv.setFillColor(footer_colour)
        draw_text(canv, left, FOOTER_Y, footer_left, font, 7)
        canv.setFillColor(MUTED)
        draw_text(canv, right, FOOTER_Y, footer_right, font, 7, anchor="end")
        if footer_note:
            draw_text(canv, left, FOOTER_Y - 10, footer_note, font, 6.5)
        canv.restoreState()


def boxed(
    content: Any, width: float, background: colors.Color, *, line_width: float, bottom_padding: float
) -> Table:
    """``content`` (a flowable or a list of them) in a ruled box on ``background``."""
    box = Table([[content]], colWidths=[width], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), line_width, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom_padding),
            ]
        )
    )
    return box


def signature_table(
    left: list[list[Any]],
    right: list[list[Any]],
    width: float,
    line_height: float,
    *,
    rule_right: bool = True,
) -> Table:
    """Two signature blocks side by side, each a title row then the lines to write on (name,
    signature, date), ruled; the right one's lines are left bare unless ``rule_right``."""
    data = [[lft[0], rgt[0]] for lft, rgt in zip(left, right, strict=True)]
    half = width / 2
    heights = [None] + [line_height] * (len(data) - 1)
    table = Table(data, colWidths=[half, half], rowHeights=heights, hAlign="LEFT")
    ruled_right = [("LINEBELOW", (1, 1), (1, 3), 0.4, RULE)] if rule_right else []
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 1), (0, 3), 0.4, RULE),
                *ruled_right,
                ("RIGHTPADDING", (0, 0), (0, -1), 18),
                ("LEFTPADDING", (1, 0), (1, -1), 18),
            ]
        )
    )
    return table


def has_khmer(text: str) -> bool:
    """Whether ``text`` needs the Khmer font and shaping (names and addresses typed in Khmer)."""
    return any("\u1780" <= ch <= "\u17ff" or "\u19e0" <= ch <= "\u19ff" for ch in text)


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
