"""Entry point of ingest: paths in, articles and rejections out (placeholder until issue 2)."""

from __future__ import annotations

import hashlib
import os
import re
from typing import Callable, Iterator, Sequence

from reader.core.model import Article, FileResult, IngestResult, Rejection

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


def _read_file(file: str) -> FileResult:
    try:
        with open(file, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        return FileResult(file, rejection=Rejection(file, str(exc)))
    articles = articles_from_text(text, file)
    if not articles:
        return FileResult(file, rejection=Rejection(file, "empty file"))
    return FileResult(file, articles=articles)


def articles_from_text(text: str, source: str) -> tuple[Article, ...]:
    """Clean, segment and split plain text (e.g. pasted from the clipboard) into articles."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    sentences, para_idx = [], []
    for i, para in enumerate(paras):
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para):
            sentences.append(s)
            para_idx.append(i)
    if not sentences:
        return ()
    return (Article(
        id="", source=source, part=0, title=sentences[0][:80],
        outlet=os.path.splitext(os.path.basename(source))[0], date=None, url=None,
        sentences=tuple(sentences), paragraphs=tuple(para_idx),
        content_hash=hashlib.sha1(text.encode()).hexdigest(),
    ),)


def list_files(paths: Sequence[str]) -> Iterator[str | Rejection]:
    """Every file under the paths (folders recursively, sorted), or a Rejection for a bad path."""
    for path in paths:
        if not os.path.exists(path):
            yield Rejection(path, "no such file or folder")
        elif os.path.isfile(path):
            yield path
        else:
            yield from sorted(os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs)


def iter_ingest(paths: Sequence[str], *, cancel: CancelFn | None = None) -> Iterator[FileResult]:
    """Yield one FileResult per file, in a stable order; stops early when cancel() is true."""
    for item in list_files(paths):
        if cancel is not None and cancel():
            return
        if isinstance(item, Rejection):
            yield FileResult(item.source, rejection=item)
        else:
            yield _read_file(item)


def ingest_paths(
    paths: Sequence[str],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> IngestResult:
    """Read every path (file or folder, recursively) into articles; never raises for bad input."""
    articles: list[Article] = []
    rejected: list[Rejection] = []
    for n, result in enumerate(iter_ingest(paths, cancel=cancel), start=1):
        articles.extend(result.articles)
        if result.rejection:
            rejected.append(result.rejection)
        if progress is not None:
            progress(n, 0, result.source)
    return IngestResult(tuple(articles), tuple(rejected))
