"""Story grouping: which articles report the same event."""

from reader.core.grouping.api import group_stories

__all__ = ["group_stories"]
