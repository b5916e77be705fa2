"""The CSV report: the coverage matrix, one row per passage and one column per version.

Plain UTF-8 without a byte-order mark, RFC 4180 quoting and CRLF line ends (the csv module's
defaults). Spreadsheets that need a BOM to detect UTF-8 can import it with an explicit encoding;
a BOM would break the many tools that read CSV as plain text.
"""

from __future__ import annotations

import csv
import io
from typing import Sequence

from reader.core.model import Document
from reader.core.report.content import build_report

LEADING = ("story", "passage", "versions")


def render_csv(doc: Document, story_ids: Sequence[str] | None = None) -> str:
    """The coverage matrix as CSV text: cell = the version's sentence(s) in the passage, or empty.

    With several stories the columns are every version of every reported story (header
    "outlet (article id)"), so one file holds all stories; other stories' cells stay empty.
    """
    report = build_report(doc, story_ids, generated_at="")
    columns: list[str] = []
    headers: list[str] = []
    for s in report.stories:
        for v in s.versions:
            columns.append(v.article.id)
            headers.append(f"{v.label} ({v.article.id})")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([*LEADING, *headers])
    for s in report.stories:
        for p in s.passages:
            writer.writerow([s.story.id, p.id, len(p.cells),
                             *(p.cells[a].text if a in p.cells else "" for a in columns)])
    return buf.getvalue()
