"""Entry point of ingest: paths in, articles and rejections out (placeholder until issue 2)."""

from __future__ import annotations

import hashlib
import os
import re
from typing import Callable, Sequence

from reader.core.model import Article, IngestResult, Rejection

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


def ingest_paths(
    paths: Sequence[str],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> IngestResult:
    """Read every path (file or folder, recursively) into articles; never raises for bad input."""
    articles: list[Article] = []
    rejected: list[Rejection] = []
    for path in paths:
        if not os.path.exists(path):
            rejected.append(Rejection(path, "no such file or folder"))
            continue
        files = [path] if os.path.isfile(path) else sorted(
            os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs
        )
        for file in files:
            try:
                with open(file, encoding="utf-8") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                rejected.append(Rejection(file, str(exc)))
                continue
            paras = [p.strip() for p in text.split("\n") if p.strip()]
            sentences, para_idx = [], []
            for i, para in enumerate(paras):
                for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para):
                    sentences.append(s)
                    para_idx.append(i)
            if not sentences:
                rejected.append(Rejection(file, "empty file"))
                continue
            articles.append(Article(
                id="", source=file, part=0, title=sentences[0][:80],
                outlet=os.path.splitext(os.path.basename(file))[0], date=None, url=None,
                sentences=tuple(sentences), paragraphs=tuple(para_idx),
                content_hash=hashlib.sha1(text.encode()).hexdigest(),
            ))
    return IngestResult(tuple(articles), tuple(rejected))
