"""Alignment and findings: passages, word diffs, added/omitted, quotes and numbers."""

from reader.core.align.api import align_story

__all__ = ["align_story"]
