"""Group articles into stories: the public entry points of reader.core.grouping."""

from __future__ import annotations

from typing import Sequence

from reader.core.grouping.decisions import apply_decisions
from reader.core.grouping.index import StoryIndex
from reader.core.model import Article, StoryGroup
from reader.core.settings import DEFAULT_STRICTNESS

__all__ = ["StoryIndex", "apply_decisions", "group_stories"]


def group_stories(
    articles: Sequence[Article], *, strictness: float = DEFAULT_STRICTNESS
) -> list[StoryGroup]:
    """Return one StoryGroup per story; every article is in exactly one group.

    The result depends on the articles' content and ids, never on the order they come in.
    """
    index = StoryIndex(strictness)
    index.add(articles)
    return index.groups()
