"""Run the whole analysis on paths without touching the library: ingest, group, align."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

from reader.core.align import align_story
from reader.core.grouping import group_stories
from reader.core.ingest import ingest_paths
from reader.core.model import Article, Document, Rejection, Story
from reader.core.settings import AnalysisSettings

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


def number_articles(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Give articles the document ids a1, a2, … in input order."""
    return tuple(replace(a, id=f"a{i}") for i, a in enumerate(articles, start=1))


def analyze_articles(
    articles: Sequence[Article],
    settings: AnalysisSettings,
    rejected: Sequence[Rejection] = (),
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Document:
    """Group and align articles that already have ids; stories keep the articles' input order."""
    by_id = {a.id: a for a in articles}
    groups = group_stories(articles, strictness=settings.strictness)
    order = {a.id: i for i, a in enumerate(articles)}
    groups.sort(key=lambda g: min(order[i] for i in g.article_ids))
    stories: list[Story] = []
    for n, group in enumerate(groups, start=1):
        if cancel is not None and cancel():
            break
        ids = sorted(group.article_ids, key=order.__getitem__)
        stories.append(align_story(f"s{n}", group, [by_id[i] for i in ids], settings))
        if progress is not None:
            progress(n, len(groups), group.title)
    return Document(tuple(articles), tuple(stories), tuple(rejected), settings)


def analyze_paths(
    paths: Sequence[str],
    settings: AnalysisSettings | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Document:
    """Ingest paths and analyse them: the document `parallax group --json` prints."""
    settings = settings or AnalysisSettings()
    result = ingest_paths(paths, progress=progress, cancel=cancel)
    articles = number_articles(result.articles)
    return analyze_articles(articles, settings, result.rejected, progress=progress, cancel=cancel)
