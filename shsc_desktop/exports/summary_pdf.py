"""The commune chief's monthly summary as a PDF (A4, Khmer or English).

Layout only: every number comes from :class:`~shsc_desktop.services.statistics.MonthlyStatistics`,
which holds codes and counts and nothing that identifies a person. The one list of rows it carries
(follow-ups) has incident codes only, and copies for sharing outside the commune (``suppressed=True``)
leave it out, hide small numbers and leave out the charts (a bar shows an exact number).

The file is written atomically: a cancelled or failed build leaves any earlier file untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from ..errors import Cancelled
from ..services.statistics import MonthlyStatistics, period_label
from ..values.office import OfficeInfo
from .pdf_common import PAGE_HEIGHT, PdfTarget, numbered_canvas, write_pdf
from .pdf_text import ACCENT, INK, date_words
from .summary_parts import LAYOUT
from .summary_sections import Summary

Progress = Callable[[int, int], None]


def _furniture(summary: Summary, generated_at: datetime) -> Callable[[Canvas, int, int], None]:
    """The header and footer of every page of ``summary`` (its "page X of Y" once all are laid out)."""
    st = summary.st
    header_left = f"{summary.info.name(summary.lang)} ({summary.num(summary.info.code)}) · {summary.khan()}"
    if summary.above:
        header_left = summary.office_line()
    header_right = f"{summary.title()} · {summary.num(period_label(summary.stats.period, summary.lang))}"
    stamp = generated_at.strftime("%H:%M")
    day = date_words(generated_at.date(), summary.lang)
    generated = f"{summary.t('generated')}: {summary.num(day)} {summary.num(stamp)}"
    footer = summary.t("shared_footer" if summary.shared else "confidential")

    def draw(canv: Canvas, number: int, count: int) -> None:
        LAYOUT.draw_furniture(
            canv,
            st.font,
            header_left=header_left,
            header_right=header_right,
            header_top=PAGE_HEIGHT - 14 * mm,
            header_rule=True,
            footer_left=footer,
            footer_right=summary.t("page").format(x=summary.num(number), y=summary.num(count)),
            footer_colour=ACCENT if not summary.shared else INK,
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
    summary = Summary(stats, office_info, lang, khmer)
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
        doc.build(story, canvasmaker=numbered_canvas(_furniture(summary, generated), summary.st.font))

    write_pdf(target, produce)
