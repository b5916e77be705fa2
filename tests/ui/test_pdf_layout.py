"""Issue 11, PDF layout: no heading alone at a page bottom, no small table cut in two."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QFont, QTextDocument

from reader.core.pipeline import analyze_paths
from reader.core.report.html import render_html
from reader.ui.pdf_layout import keep_together, violations


def test_page_breaks_keep_headings_and_small_tables_whole(qapp, seeds_dir):
    html = render_html(analyze_paths([str(seeds_dir)]), generated_at="T", flavor="qt")
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 9))
    doc.setHtml(html)
    page = QSizeF(700, 900)
    doc.setPageSize(page)
    before, pages_before = violations(doc, page.height()), doc.pageCount()
    assert before > 0  # the plain layout strands headings and cuts tables
    added = keep_together(doc, page.height())
    assert added > 0
    assert violations(doc, page.height()) == 0
    # Breaks move content, they do not scatter it: few pages more than before.
    assert doc.pageCount() <= pages_before * 1.2
