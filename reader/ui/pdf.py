"""The PDF report: the Qt-flavoured HTML report laid out by QTextDocument, page by page.

QTextDocument.print_() adds no page numbers, so each page is drawn with QPainter onto a
QPdfWriter and a footer (story title, "Page n of N") is painted under it.
"""

from __future__ import annotations

import atexit
import os
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.model import Document
from reader.core.report.html import render_html
from reader.ui.pdf_layout import keep_together

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
# Device resolution: fine enough for print, small enough to keep coordinates modest.
RESOLUTION = 300
MARGINS_MM = QMarginsF(16, 14, 16, 12)
FOOTER_PT = 16

_app: QApplication | None = None


def _ensure_app() -> None:
    """Qt fonts need an application object; the command line has none, so make one once.

    A QApplication, not a bare QGuiApplication: widgets created later in the same process
    (the app, tests) need the widgets flavour, and Qt allows only one instance.

    It uses the offscreen platform (a PDF needs no screen, and a CLI may run without one),
    and is destroyed at exit before Python tears down the Qt bindings, which otherwise can
    crash the interpreter during finalisation.
    """
    global _app
    if QApplication.instance() is None:
        argv = ["parallax-pdf"]
        if not os.environ.get("QT_QPA_PLATFORM"):
            argv += ["-platform", "offscreen"]
        _app = QApplication(argv)
        atexit.register(_drop_app)


def _drop_app() -> None:
    global _app
    if _app is not None:
        if hasattr(_app, "shutdown"):  # PySide6 >= 6.6: release Qt before Python finalises
            _app.shutdown()
        _app = None


def _page_size_id(name: str | None) -> QPageSize.PageSizeId:
    key = (name or "A4").strip().lower()
    if key not in PAGE_SIZES:
        raise ValueError(f"unknown page size {name!r}: use A4 or Letter")
    return PAGE_SIZES[key]


def write_pdf(doc: Document, *, page_size: str | None = None,
              generated_at: datetime | str | None = None) -> bytes:
    """The PDF report of the document's stories: paginated A4 or Letter, with page numbers."""
    _ensure_app()
    if page_size is None and doc.settings is not None:
        page_size = doc.settings.page_size
    html = render_html(doc, generated_at=generated_at, flavor="qt")
    return _render_pdf(html, doc, page_size)


def _render_pdf(html: str, doc: Document, page_size: str | None) -> bytes:
    """Lay out the Qt-flavoured HTML and paint it page by page with a footer."""
    title = doc.stories[0].title if len(doc.stories) == 1 else f"{len(doc.stories)} stories"

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(_page_size_id(page_size)),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(f"{title} — Parallax report")
    writer.setCreator(f"Parallax {__version__}")

    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units
    text.setDocumentMargin(0)
    text.setDefaultFont(QFont("DejaVu Sans", 9))
    text.setHtml(html)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = FOOTER_PT * RESOLUTION / 72
    body = QSizeF(area.width(), area.height() - footer)
    text.setPageSize(body)
    keep_together(text, body.height())
    pages = text.pageCount()

    painter = QPainter(writer)
    try:
        small = QFont("DejaVu Sans", 7)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            top = page * body.height()
            painter.translate(0, -top)
            # Clip to the page's slice: rows that straddle a page edge must not bleed into
            # the margins or the footer (QTextDocument only uses the clip as a hint).
            clip = QRectF(-2, top, body.width() + 4, body.height())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            text.documentLayout().draw(painter, context)
            painter.restore()
            # Footer: a rule, the title on the left, the page number on the right.
            y = body.height() + footer * 0.25
            painter.setPen(QPen(QColor("#9aa1ab"), RESOLUTION / 144))
            painter.drawLine(0, int(y), int(body.width()), int(y))
            painter.setPen(QColor("#4a505a"))
            painter.setFont(small)
            band = QRectF(0, y, body.width(), footer * 0.75)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             _elide(title, 90))
            painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"Page {page + 1} of {pages}")
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
