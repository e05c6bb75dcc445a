"""Printing a PDF we generated on a real printer chosen in Qt's print dialog.

Why this way: the PDF built by ReportLab is the one true layout of every report (shaped Khmer, the
embedded fonts, page numbers), so printing must put *those* pages on paper, not a second layout.
Qt's own PDF renderer (``QtPdf.QPdfDocument``) is only in PySide6-Addons, which is not installed (it
would add well over 100 MB to the Windows installer). Handing the file to the operating system
(``QDesktopServices.openUrl`` / ``os.startfile(..., "print")``) depends on whichever PDF reader the
office PC has — often none, or a browser without a print verb — and leaves the file in a temp folder.
So we rasterise each page with PDFium (``pypdfium2``: the engine of Chrome's PDF viewer, shipped as a
self-contained wheel for Windows x86/x64 and Linux, no external program) and paint it with ``QPainter``
on the ``QPrinter`` that the user set up in ``QPrintDialog``. This works with every Windows printer
driver, including "Microsoft Print to PDF", and with a PDF-file ``QPrinter`` in tests.

**Light jobs** (commune PCs have 4 GB and share one network printer): every page is rendered at
:data:`PRINT_DPI` (150 dpi: our documents are text, tables and flat charts; 300 dpi gave ~26 MB per
page to the spooler), in 8-bit grayscale when the printer is set to grayscale (a third of the size),
straight from PDFium's bitmap into a ``QImage`` without copies, one page at a time (only one page's
bitmap exists at any moment). Figures per page are in ``docs/benchmarks.md``.

**Nothing on disk**: the PDF arrives here as bytes built in memory by the services
(``*_for_print``); no print job passes through a temporary file.

Qt allows painting on a ``QPrinter`` outside the GUI thread (like ``QImage``), so the whole job runs
as a background operation, page by page, with progress and cancel. Every Print button opens its
dialog through :func:`ask_printer`, so they all behave alike.
"""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ..errors import Cancelled, StorageFailed

PRINT_DPI = 150
"""Resolution of the page images sent to the printer (capped by the printer's own)."""


def new_printer() -> QPrinter:
    """An A4 printer object; a view keeps one so the user's choices stay for the next job."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def ask_printer(
    parent: QWidget, printer: QPrinter, title: str, on_accepted: Callable[[QPrinter], object]
) -> QPrintDialog:
    """Open the print dialog (window-modal, never ``exec``); ``on_accepted(printer)`` after Print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(title)
    dialog.finished.connect(lambda result: on_accepted(printer) if result else None)
    QDialog.open(dialog)  # QPrintDialog.open() is the (receiver, slot) overload in PySide6
    return dialog


def job_dpi(printer: QPrinter) -> int:
    return max(72, min(printer.resolution(), PRINT_DPI))


def print_pdf(
    pdf: bytes,
    printer: QPrinter,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Paint every page of ``pdf`` on ``printer``; returns the number of pages printed.

    Each page is scaled to fit the printable area, keeping its proportions, centred.
    """
    document = pdfium.PdfDocument(pdf)
    try:
        count = len(document)
        scale = job_dpi(printer) / 72
        gray = printer.colorMode() == QPrinter.ColorMode.GrayScale
        painter = QPainter()
        if not painter.begin(printer):
            raise StorageFailed("The printer could not be started.")
        try:
            area = painter.viewport()
            painter.setWindow(area)
            for number in range(count):
                if cancelled is not None and cancelled():
                    printer.abort()
                    raise Cancelled("Printing was cancelled.")
                if number > 0:
                    printer.newPage()
                page = document[number]
                try:
                    bitmap = page.render(scale=scale, grayscale=gray, optimize_mode="print")
                finally:
                    page.close()
                try:
                    _paint(painter, area.width(), area.height(), bitmap)
                finally:
                    bitmap.close()
                if progress is not None:
                    progress(number + 1, count)
        finally:
            painter.end()
        return count
    finally:
        document.close()


def _paint(painter: QPainter, width: int, height: int, bitmap: pdfium.PdfBitmap) -> None:
    """Draw PDFium's bitmap (BGR or 8-bit gray) through a ``QImage`` that shares its memory."""
    fmt = QImage.Format.Format_Grayscale8 if bitmap.mode == "L" else QImage.Format.Format_BGR888
    image = QImage(memoryview(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
    fit = min(width / image.width(), height / image.height())
    w, h = image.width() * fit, image.height() * fit
    painter.drawImage(QRectF((width - w) / 2, (height - h) / 2, w, h), image)


def check_print() -> str:
    """The ``print`` check of ``shsc-desktop self-test``: a Khmer page built in memory, rasterised by
    PDFium and printed to a PDF-file ``QPrinter`` (what "Microsoft Print to PDF" does), then read
    back. Proves that a build has PDFium, QtPrintSupport and a print engine. Needs a
    ``QGuiApplication``: the self-test's ``qt`` check, run before it, starts one."""
    import tempfile

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from ..exports.pdf_common import pdf_bytes
    from ..exports.pdf_shaping import KHMER_FONT, draw_text, register_fonts

    def page(stream: object) -> None:
        register_fonts()
        canvas = Canvas(stream, pagesize=A4)
        draw_text(canvas, 72, 760, "SHSC Desktop – សុវត្ថិភាពក្នុងផ្ទះ", KHMER_FONT, 16)
        canvas.rect(72, 600, 300, 100, fill=1)
        canvas.save()

    pdf = pdf_bytes(page)
    with tempfile.TemporaryDirectory(prefix="shsc-selftest-print-") as folder:
        out = f"{folder}/printed.pdf"
        printer = new_printer()
        printer.setOutputFileName(out)
        pages = print_pdf(pdf, printer)
        document = pdfium.PdfDocument(out)
        try:
            printed = len(document)
            bitmap = document[0].render(scale=0.5, grayscale=True)
            dark = sum(1 for value in bytes(bitmap.buffer) if value < 128)
            bitmap.close()
        finally:
            document.close()
    if pages != 1 or printed != 1:
        raise AssertionError(f"{pages} page(s) sent, {printed} printed")
    if dark == 0:
        raise AssertionError("the printed page is blank")
    return "1 page rasterised by PDFium and printed to PDF"
