"""Align the versions of one story (placeholder until issue 4: each sentence alone)."""

from __future__ import annotations

from typing import Sequence

from reader.core.model import Article, DiffOp, DIFF_EQUAL, Passage, Story, StoryGroup, VersionFindings
from reader.core.settings import AnalysisSettings


def align_story(
    story_id: str,
    group: StoryGroup,
    articles: Sequence[Article],
    settings: AnalysisSettings,
) -> Story:
    """Build the story's passages (a partition of all sentences, in reading order) and findings."""
    passages = []
    n = 0
    for art in articles:
        for i, sentence in enumerate(art.sentences):
            n += 1
            passages.append(Passage(f"p{n}", {art.id: (i,)}, art.id, {art.id: (DiffOp(DIFF_EQUAL, sentence),)}))
    findings = {
        a.id: VersionFindings(tuple(p.id for p in passages if a.id in p.members), ())
        for a in articles
    }
    return Story(story_id, group.title, tuple(a.id for a in articles), tuple(passages), findings,
                 reasons=group.reasons)
