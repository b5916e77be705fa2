"""Group articles into stories (placeholder until issue 3: every article alone)."""

from __future__ import annotations

from typing import Sequence

from reader.core.model import Article, StoryGroup
from reader.core.settings import DEFAULT_STRICTNESS


def group_stories(
    articles: Sequence[Article], *, strictness: float = DEFAULT_STRICTNESS
) -> list[StoryGroup]:
    """Return one StoryGroup per story; every article is in exactly one group."""
    return [StoryGroup((a.id,), a.title) for a in articles]
