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
# OWASP's CSV-injection rule: a spreadsheet evaluates a cell starting with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: a leading formula character gets a quote before it.

    Whitespace before = + - @ does not stop some spreadsheets, so it counts as a start too.
    Numbers are left alone (they are written by us, never taken from an article).
    """
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) or value.lstrip(" \t\r\n").startswith(_FORMULA_START):
        return "'" + value
    return value


def write_row(writer, cells) -> None:
    """Write one CSV row with every text cell neutralised (use for every CSV the app writes)."""
    writer.writerow([safe_cell(c) for c in cells])


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
    write_row(writer, [*LEADING, *headers])
    for s in report.stories:
        for p in s.passages:
            write_row(writer, [s.story.id, p.id, len(p.cells),
                               *(p.cells[a].text if a in p.cells else "" for a in columns)])
    return buf.getvalue()
