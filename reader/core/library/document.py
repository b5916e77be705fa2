"""Library stories as a report Document (the same analysis `compare` runs on files)."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Document, StoryGroup
from reader.core.settings import AnalysisSettings


def story_document(library, story_ids: Sequence[str],
                   settings: AnalysisSettings | None = None) -> Document:
    """Align the library's stories (ids as `parallax list` prints them); KeyError if unknown."""
    from reader.core.align import align_story

    settings = settings or AnalysisSettings()
    articles, stories = [], []
    for story_id in story_ids:
        row = library.story(story_id)
        versions = library.articles(list(row.article_ids))
        group = StoryGroup(tuple(a.id for a in versions), row.title, row.reasons)
        stories.append(align_story(row.id, group, versions, settings))
        articles.extend(versions)
    return Document(tuple(articles), tuple(stories), (), settings)
