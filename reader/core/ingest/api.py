"""Entry point of ingest: paths in, articles and rejections out; never raises for bad input."""

from __future__ import annotations

import os
from typing import Callable, Iterator, Sequence

from reader.core.ingest.build import build_articles
from reader.core.ingest.loaders import (
    Loaded,
    LoadError,
    load_file,
    not_regular_reason,
    special_file_kind,
)
from reader.core.ingest.manifest import apply_sources, is_manifest
from reader.core.ingest.markup import html_to_loaded, markdown_to_loaded
from reader.core.model import Article, FileResult, IngestResult, Rejection
from reader.core.text.display import storable_name

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

_NO_TEXT = "no article text found (only boilerplate, headings or blank lines)"


def _hidden(name: str) -> bool:
    """Dot files and folders (.git, .DS_Store) and editor backups are never articles."""
    return name.startswith(".") or name.endswith("~") or name in ("Thumbs.db", "desktop.ini")


def _ingest_file(path: str) -> FileResult:
    """One file to its articles, or a rejection with a one-line reason."""
    result = _ingest_one(path)
    shown = storable_name(path)
    if shown == path:
        return result
    rejection = result.rejection and Rejection(shown, result.rejection.reason)
    return FileResult(shown, articles=result.articles, rejection=rejection)


def _ingest_one(path: str) -> FileResult:
    try:
        loaded = load_file(path)
        articles = apply_sources(path, build_articles(loaded, path))
    except LoadError as exc:
        return FileResult(path, rejection=Rejection(path, str(exc)))
    except RecursionError:
        return FileResult(path, rejection=Rejection(path, "too deeply nested to read"))
    except MemoryError:
        return FileResult(path, rejection=Rejection(path, "too large to read in memory"))
    if not articles:
        return FileResult(path, rejection=Rejection(path, _NO_TEXT))
    return FileResult(path, articles=articles)


def articles_from_text(text: str, source: str) -> tuple[Article, ...]:
    """Clean, segment and split plain text (e.g. pasted from the clipboard) into articles.

    Pasted HTML source and markdown with front matter are recognised and read as such.
    """
    head = text.lstrip()[:512].lower()
    try:
        if head.startswith(("<!doctype html", "<html")) or (
                head.startswith("<") and "</p>" in text.lower()):
            loaded = html_to_loaded(text.encode("utf-8", "surrogatepass"))
            return build_articles(loaded, source) if loaded else ()
        if head.startswith("---"):
            return build_articles(markdown_to_loaded(text), source)
    except LoadError:
        return ()
    return build_articles(Loaded(text=text), source)


def list_files(paths: Sequence[str]) -> Iterator[str | Rejection]:
    """Every file under the paths (folders recursively, sorted), or a Rejection for a bad path."""
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            errors: list[Rejection] = []

            def on_error(exc: OSError, errors: list[Rejection] = errors) -> None:
                where = exc.filename or path
                errors.append(Rejection(where, f"cannot open the folder: {exc.strerror or exc}"))

            for folder, dirs, files in os.walk(path, onerror=on_error):
                dirs[:] = [d for d in dirs if not _hidden(d)]
                # A sources file describes the others (see manifest.py); it is no article.
                found.extend(os.path.join(folder, f) for f in files
                             if not _hidden(f) and not is_manifest(f))
            yield from errors
            for name in sorted(found):
                yield _regular_or_rejection(name)
        elif os.path.exists(path):
            yield _regular_or_rejection(path)
        elif os.path.islink(path):
            yield Rejection(path, "broken link: its target does not exist")
        else:
            yield Rejection(path, "no such file or folder")


def _regular_or_rejection(path: str) -> str | Rejection:
    """The path, or a Rejection for a FIFO, socket or device (never opened: it could block)."""
    try:
        kind = special_file_kind(os.stat(path).st_mode)
    except OSError:
        return path  # read_bytes gives the precise reason
    return Rejection(path, not_regular_reason(kind)) if kind else path


def iter_ingest(paths: Sequence[str], *, cancel: CancelFn | None = None) -> Iterator[FileResult]:
    """Yield one FileResult per file, in a stable order; stops early when cancel() is true."""
    for item in list_files(paths):
        if cancel is not None and cancel():
            return
        if isinstance(item, Rejection):
            shown = storable_name(item.source)
            yield FileResult(shown, rejection=Rejection(shown, item.reason))
        else:
            yield _ingest_file(item)


def ingest_paths(
    paths: Sequence[str],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> IngestResult:
    """Read every path (file or folder, recursively) into articles; never raises for bad input.

    Articles with the same content_hash (the same outlet's same text, e.g. one file given
    twice) appear once. A file still being read after guarded.FILE_TIME_LIMIT_S is rejected
    and the rest are read.
    """
    from reader.core.ingest import guarded

    articles: list[Article] = []
    rejected: list[Rejection] = []
    seen: set[str] = set()
    results = guarded.read_guarded(list(paths), cancel, guarded.FILE_TIME_LIMIT_S)
    for n, result in enumerate(results, start=1):
        for article in result.articles:
            if article.content_hash in seen:
                continue
            seen.add(article.content_hash)
            articles.append(article)
        if result.rejection:
            rejected.append(result.rejection)
        if progress is not None:
            progress(n, 0, result.source)
    return IngestResult(tuple(articles), tuple(rejected))
