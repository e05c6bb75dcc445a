"""Khmer text in ReportLab's PDFs: the bundled fonts, and text shaped wherever it is drawn.

Khmer needs OpenType shaping (stacked consonants, vowels before the consonant). ReportLab shapes
with uharfbuzz only where it is asked to:

* **Paragraphs** shape when their style has ``shaping=1`` — every style of ``pdf_text`` has it in
  Khmer. Table cells that hold Khmer must therefore be Paragraphs, never plain strings.
* **Canvas strings** (``drawString(..., shaping=True)``) shape *only if rlbidi is installed*; without
  it the flag is silently ignored. :func:`draw_text` shapes explicitly instead.
* **Chart strings** (``reportlab.graphics``) are never shaped by ``renderPDF``. :class:`ChartFlowable`
  draws a chart with a renderer whose strings go through :func:`draw_text`.

The bundled Noto fonts are variable TrueType files; ReportLab embeds their default instance
(Regular), which is what we want. There is no bold face, so emphasis is size and colour.

**ReportLab 5.1 bug, worked around here**: ``PDFTextObject.setRise`` merges two consecutive rise
changes but then forgets the new rise, so after a Khmer subscript or vowel below the line the rest of
the line is drawn lowered ("ការបញ្ជូនដែលបានធ្វើ" loses its baseline after ញ្ជូ). :func:`register_fonts`
installs a corrected ``setRise``; ``tests/exports/test_summary_pdf.py`` checks it still applies. It
also makes shaped text extractable (each shaped piece carries its ``/ActualText``).
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeStr
from reportlab.pdfgen import textobject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, paragraph

from ..resources import font_files

KHMER_FONT = "ShscNotoSansKhmer"
LATIN_FONT = "ShscNotoSans"


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


def _keeping_text(joined: ShapedStr, first: str, second: str) -> ShapedStr:
    """Words of a line are joined before drawing: the joined piece stands for both texts, in order."""
    left, right = _actual(first), _actual(second)
    if left is not None and right is not None:
        joined.actual_text = left + right
    return joined


def _add_keeping_text(self: ShapedStr, other: str) -> ShapedStr:
    return _keeping_text(_shaped_add(self, other), self, other)


def _radd_keeping_text(self: ShapedStr, other: str) -> ShapedStr:
    return _keeping_text(_shaped_radd(self, other), other, self)


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


def has_khmer(text: str) -> bool:
    """Whether ``text`` needs the Khmer font and shaping (names and addresses typed in Khmer)."""
    return any("\u1780" <= ch <= "\u17ff" or "\u19e0" <= ch <= "\u19ff" for ch in text)


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
