"""The immutable rows the library hands out: import summaries, story rows, stored decisions."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.model import Article, Decision, Rejection


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """A stored article, briefly: what an import reports for each article it added."""

    id: str
    source: str
    part: int
    outlet: str
    title: str


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did: articles added, duplicates skipped, rejections, stories touched."""

    added: tuple[ArticleRef, ...]
    duplicates: int
    rejected: tuple[Rejection, ...]
    stories: tuple[str, ...]  # ids of the stories created or changed
    files: int  # files read, rejected ones included
    cancelled: bool = False


class ImportAborted(Exception):
    """An import stopped early (Ctrl-C, a full disk, a lost lock); `summary` is what was kept.

    Every article in summary.added is committed; cause is the exception that stopped it.
    """

    def __init__(self, summary: ImportSummary, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.summary = summary
        self.cause = cause

    @property
    def interrupted(self) -> bool:
        """Stopped by the user (Ctrl-C), not by an error."""
        return isinstance(self.cause, KeyboardInterrupt)


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of the story list: enough to show it without loading its articles."""

    id: str  # "s<rowid>", stable across incremental grouping and regrouping
    title: str  # the user's title if they renamed the story, else the automatic one
    article_ids: tuple[str, ...]  # by date, then import order
    outlets: tuple[str, ...]  # distinct, in the order of article_ids
    latest_date: str | None
    read: bool  # every version read
    starred: bool  # some version starred
    reasons: tuple[str, ...] = ()  # terms that tied the versions together
    user_title: str | None = None

    @property
    def n_versions(self) -> int:
        """How many versions (articles) the story has."""
        return len(self.article_ids)


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article plus its library state (flags, import time, original metadata)."""

    article: Article
    read: bool
    starred: bool
    added_at: str
    story_id: str | None
    original_title: str
    original_outlet: str
    # Further files the same article was imported from (a copy under another name).
    other_sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """A user decision as stored: its id (for undo), the decision and when it was made."""

    id: int
    decision: Decision
    created_at: str
