"""Printing a PDF we generated on a real printer chosen in Qt's print dialog.

Why this way: the PDF built by ReportLab is the one true layout of every report (shaped Khmer, the
embedded fonts, page numbers), so printing must put *those* pages on paper, not a second layout.
Qt's own PDF renderer (``QtPdf.QPdfDocument``) is only in PySide6-Addons, which is not installed (it
would add well over 100 MB to the Windows installer). Handing the file to the operating system
(``QDesktopServices.openUrl`` / ``os.startfile(..., "print")``) depends on whichever PDF reader the
office PC has — often none, or a browser without a print verb — and leaves the file in a temp folder.
So we rasterise each page with PDFium (``pypdfium2``: the engine of Chrome's PDF viewer, shipped as a
self-contained wheel for Windows x86/x64 and Linux, no external program) at the printer's resolution
(capped at 300 dpi: sharp text, bounded memory) and paint it with ``QPainter`` on the ``QPrinter``
that the user set up in ``QPrintDialog``. This works with every Windows printer driver, including
"Microsoft Print to PDF", and with a PDF-file ``QPrinter`` in tests.

Qt allows painting on a ``QPrinter`` outside the GUI thread (like ``QImage``), so the whole job runs
as a background operation, page by page, with progress and cancel.
"""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from ..errors import Cancelled, StorageFailed

MAX_DPI = 300


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
        dpi = max(72, min(printer.resolution(), MAX_DPI))
        painter = QPainter()
        if not painter.begin(printer):
            raise StorageFailed("The printer could not be started.")
        try:
            for number in range(count):
                if cancelled is not None and cancelled():
                    printer.abort()
                    raise Cancelled("Printing was cancelled.")
                if number > 0:
                    printer.newPage()
                page = document[number]
                try:
                    image = page.render(scale=dpi / 72).to_pil().convert("RGB")
                finally:
                    page.close()
                raw = image.tobytes()
                qimage = QImage(raw, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
                area = painter.viewport()
                scale = min(area.width() / qimage.width(), area.height() / qimage.height())
                width, height = qimage.width() * scale, qimage.height() * scale
                left = (area.width() - width) / 2
                top = (area.height() - height) / 2
                painter.setWindow(area)
                painter.drawImage(QRectF(left, top, width, height), qimage)
                if progress is not None:
                    progress(number + 1, count)
        finally:
            painter.end()
        return count
    finally:
        document.close()
