"""Group articles into stories (placeholder until issue 3: every article alone)."""

from __future__ import annotations

from typing import Sequence

from reader.core.model import Article, Decision, StoryGroup
from reader.core.settings import DEFAULT_STRICTNESS


class StoryIndex:
    """Incremental grouping: add articles, get their story keys, without regrouping everything."""

    def __init__(self, strictness: float = DEFAULT_STRICTNESS) -> None:
        self.strictness = strictness
        self._story_of: dict[str, str] = {}
        self._titles: dict[str, str] = {}

    def add(self, articles: Sequence[Article]) -> dict[str, str]:
        """Add articles; return article id -> story key (an existing story's or a new one)."""
        out = {}
        for a in articles:
            key = self._story_of.setdefault(a.id, f"k{a.id}")
            self._titles.setdefault(key, a.title)
            out[a.id] = key
        return out

    def groups(self) -> list[StoryGroup]:
        """The current stories."""
        members: dict[str, list[str]] = {}
        for aid, key in self._story_of.items():
            members.setdefault(key, []).append(aid)
        return [StoryGroup(tuple(ids), self._titles[k]) for k, ids in members.items()]

    def to_bytes(self) -> bytes:
        """Serialise the index so a library can store it and resume incrementally."""
        import json

        return json.dumps({"s": self.strictness, "m": self._story_of, "t": self._titles}).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> "StoryIndex":
        """Restore an index saved with to_bytes."""
        import json

        d = json.loads(data)
        idx = cls(d["s"])
        idx._story_of, idx._titles = d["m"], d["t"]
        return idx


def group_stories(
    articles: Sequence[Article], *, strictness: float = DEFAULT_STRICTNESS
) -> list[StoryGroup]:
    """Return one StoryGroup per story; every article is in exactly one group."""
    index = StoryIndex(strictness)
    index.add(articles)
    return index.groups()


def apply_decisions(groups: Sequence[StoryGroup], decisions: Sequence[Decision]) -> list[StoryGroup]:
    """Apply the user's decisions, in order, on top of automatic groups (placeholder)."""
    return list(groups)
