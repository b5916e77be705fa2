"""Group articles into stories: the public entry points of reader.core.grouping."""

from __future__ import annotations

from typing import Sequence

from reader.core.grouping.decisions import apply_decisions
from reader.core.grouping.index import StoryIndex
from reader.core.model import Article, StoryGroup
from reader.core.settings import DEFAULT_STRICTNESS

__all__ = ["StoryIndex", "apply_decisions", "group_stories"]


def group_stories(
    articles: Sequence[Article], *, strictness: float = DEFAULT_STRICTNESS,
    embeddings=None, semantic: bool = True,
) -> list[StoryGroup]:
    """Return one StoryGroup per story; every article is in exactly one group.

    `embeddings` (one sentence-encoder row per article) are computed here when not given,
    unless semantic=False (features only). The result depends on the articles' content and
    ids, never on the order they come in.
    """
    if embeddings is None and semantic and articles:
        from reader.core.semantic import embed_articles

        embeddings = embed_articles(articles)
    index = StoryIndex(strictness)
    index.add(articles, embeddings if semantic else None)
    return index.groups()
