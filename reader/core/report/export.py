"""Write a Document as a report file in one of the supported formats."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import datetime
from typing import Callable, Sequence

from reader.core.model import Document

FORMATS = ("json", "html", "md", "pdf", "csv")

# write_pdf(doc, *, generated_at=None) -> bytes, from reader.ui.pdf.
PdfWriter = Callable[..., bytes]


def select_stories(doc: Document, story_ids: Sequence[str] | None) -> Document:
    """The document restricted to some stories (and their articles); all when None."""
    if not story_ids:
        return doc
    wanted = set(story_ids)
    stories = tuple(s for s in doc.stories if s.id in wanted)
    keep = {aid for s in stories for aid in s.article_ids}
    return replace(doc, stories=stories, articles=tuple(a for a in doc.articles if a.id in keep))


class UnsafeOutput(ValueError):
    """The output path holds something a report must never replace (an input, a library)."""


_SQLITE_MAGIC = b"SQLite format 3\x00"


def check_output(path: str, inputs: Sequence[str] = ()) -> None:
    """Refuse to write a report over one of its input files or over an SQLite library.

    inputs are the files the report is read from (folders are expanded by the caller).
    Raises UnsafeOutput with a one-line reason.
    """
    if not os.path.exists(path):
        return
    if os.path.isdir(path):
        raise UnsafeOutput(f"{path} is a folder; give a file name for the report")
    for source in inputs:
        try:
            if os.path.samefile(path, source):
                raise UnsafeOutput(f"{path} is one of the input files; refusing to overwrite it")
        except OSError:
            continue
    base = path
    for suffix in ("-wal", "-shm", "-journal"):
        if path.endswith(suffix) and os.path.exists(path[: -len(suffix)]):
            base = path[: -len(suffix)]
    try:
        with open(base, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError:
        return
    if head == _SQLITE_MAGIC:
        raise UnsafeOutput(f"{path} is a database (a Parallax library?); refusing to overwrite it")


def render_report(doc: Document, fmt: str, *, generated_at: datetime | str | None = None
                  ) -> bytes:
    """The report's bytes in a text format (json, html, md, csv), UTF-8 encoded."""
    if fmt == "json":
        from reader.core.report.jsondoc import document_to_json

        return (document_to_json(doc) + "\n").encode("utf-8")
    if fmt == "html":
        from reader.core.report.html import render_html

        return render_html(doc, generated_at=generated_at).encode("utf-8")
    if fmt == "md":
        from reader.core.report.markdown import render_markdown

        return render_markdown(doc, generated_at=generated_at).encode("utf-8")
    if fmt == "csv":
        from reader.core.report.csvreport import render_csv

        return render_csv(doc).encode("utf-8")
    raise ValueError(f"unsupported report format: {fmt}")


def write_report(
    doc: Document, fmt: str, path: str, *, story_ids: Sequence[str] | None = None,
    generated_at: datetime | str | None = None, pdf_writer: PdfWriter | None = None,
) -> None:
    """Write the report atomically: a failed export never leaves a half-written file.

    PDF is laid out by Qt, which the core never imports: the caller (the CLI or the app)
    passes `reader.ui.pdf.write_pdf` as `pdf_writer`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unsupported report format: {fmt}")
    check_output(path)
    doc = select_stories(doc, story_ids)
    if fmt == "pdf":
        if pdf_writer is None:
            raise ValueError("a PDF report needs a PDF writer (reader.ui.pdf.write_pdf)")
        data = pdf_writer(doc, generated_at=generated_at)
    else:
        data = render_report(doc, fmt, generated_at=generated_at)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".parallax-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file private (0600); a report is a normal file, so honour umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
