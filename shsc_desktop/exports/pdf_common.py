"""The page every PDF of the app is printed on: where the file goes (atomically, or a stream kept in
memory), the A4 document with its body frame, its header and footer with "page X of Y", and the
ruled boxes and signature lines drawn on it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table, TableStyle

from ..atomic import atomic_produce
from .pdf_shaping import draw_text
from .pdf_text import ACCENT, MUTED, RULE

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
