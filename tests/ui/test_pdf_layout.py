"""Issue 11, PDF layout: no heading alone at a page bottom, no small table cut in two."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QFont, QTextDocument

from reader.core.pipeline import analyze_paths
from reader.core.report.html import render_html
from reader.ui.pdf_layout import keep_together, violations


def _seeds_document(seeds_dir) -> tuple[str, QTextDocument, QSizeF]:
    """The seeds' Qt-flavoured report laid out on small pages (more breaks to get right)."""
    html = render_html(analyze_paths([str(seeds_dir)]), generated_at="T", flavor="qt")
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 9))
    doc.setHtml(html)
    page = QSizeF(700, 900)
    doc.setPageSize(page)
    return html, doc, page


def test_page_breaks_keep_headings_and_small_tables_whole(qapp, seeds_dir):
    _, doc, page = _seeds_document(seeds_dir)
    before, pages_before = violations(doc, page.height()), doc.pageCount()
    assert before > 0  # the plain layout strands headings and cuts tables
    added = keep_together(doc, page.height())
    assert added > 0
    assert violations(doc, page.height()) == 0
    # Breaks move content, they do not scatter it: few pages more than before.
    assert doc.pageCount() <= pages_before * 1.2


def _rows_cut_across_pages(doc: QTextDocument, page_h: float) -> int:
    """Table rows (shorter than a page) whose cells start on one page and end on the next."""
    from PySide6.QtGui import QTextTable

    layout, cut = doc.documentLayout(), 0

    def tables(frame):
        for child in frame.childFrames():
            if isinstance(child, QTextTable):
                yield child
            yield from tables(child)

    for table in tables(doc.rootFrame()):
        for r in range(table.rows()):
            top, bottom = float("inf"), 0.0
            for c in range(table.columns()):
                cell = table.cellAt(r, c)
                first = layout.blockBoundingRect(cell.firstCursorPosition().block())
                last = layout.blockBoundingRect(cell.lastCursorPosition().block())
                top, bottom = min(top, first.top()), max(bottom, last.bottom())
            if bottom - top < page_h and int((top + 1) // page_h) != int((bottom - 1) // page_h):
                cut += 1
    return cut


def test_no_table_row_is_cut_across_pages_and_outlet_columns_fit_their_names(qapp, seeds_dir):
    html, doc, page = _seeds_document(seeds_dir)
    keep_together(doc, page.height())
    assert _rows_cut_across_pages(doc, page.height()) == 0
    # Marker columns are as wide as their label's longest word (no "Unna|med").
    assert ' class="v" width="' in html and 'class="v" width="8%"' not in html
