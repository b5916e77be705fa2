"""Story grouping: which articles report the same event."""

from reader.core.grouping.api import StoryIndex, apply_decisions, group_stories

__all__ = ["StoryIndex", "apply_decisions", "group_stories"]
