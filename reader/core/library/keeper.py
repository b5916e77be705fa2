"""The library's grouping index: kept in memory, saved to the meta table lazily, synced to stories.

Saving the whole index is O(library size), so it is not done after every small import: the
stored blob covers the articles up to `grouping_index_upto`, and any grouped article after
that is simply added again when the index is next loaded. The story rows are always
current; the blob may lag behind, which costs a re-add, never a wrong story. A generation
counter tells a cached index apart from one another writer (thread or process) has moved on.
"""

from __future__ import annotations

import sqlite3
from typing import Callable, Sequence

from reader.core.library.stories import article_rowid, sync_stories
from reader.core.library.vectors import vectors_for
from reader.core.model import Article, Decision
from reader.core.settings import DEFAULT_STRICTNESS

INDEX_KEY = "grouping_index"
UPTO_KEY = "grouping_index_upto"
GENERATION_KEY = "grouping_generation"
STRICTNESS_KEY = "grouping_strictness"
# Save the blob once this many grouped articles are not in it, or a tenth of the library.
SAVE_MIN = 1000
_CHUNK = 1000
# At most this many waiting articles are grouped per transaction: a killed import then
# loses one batch of grouping work, not all of it (and the next run does not start over).
PENDING_BATCH = 5000


class IndexKeeper:
    """Owns one Library's StoryIndex; every method runs inside the caller's write transaction."""

    def __init__(self, conn: sqlite3.Connection,
                 load_articles: Callable[[Sequence[int]], list[Article]],
                 decisions: Callable[[], list[Decision]]) -> None:
        self._conn = conn
        self._load_articles = load_articles
        self._decisions = decisions
        self._index = None
        self._generation: int | None = None
        self._groups = None  # automatic groups of the cached index, until it changes
        self._covered = 0  # articles in the stored blob
        self._unsaved = 0  # grouped articles in the cached index but not in the blob

    def invalidate(self) -> None:
        """Forget the cached index (after a rolled-back transaction)."""
        self._index = self._generation = self._groups = None

    # -- entry points ------------------------------------------------------------------------

    def group_pending(self, strictness: float | None, *, may_save: bool = True,
                      limit: int | None = None) -> set[int]:
        """Group articles that are in no story yet; return the rowids of changed stories.

        may_save=False (mid-import) leaves saving the index to the import's last batch.
        limit: group at most this many (the oldest); the caller repeats until none is left.
        """
        pending = [r for (r,) in self._conn.execute(
            "SELECT id FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) ORDER BY id"
            + (f" LIMIT {int(limit)}" if limit else ""))]
        if not pending:
            return set()
        index = self._current(strictness)
        if index is None:  # no usable stored index: rebuild from every article
            return self.regroup(strictness)
        self._add(index, pending)
        touched = self._sync(index)
        if may_save and self._unsaved >= max(SAVE_MIN, self._covered // 10):
            self.save()
        return touched

    def pending_count(self) -> int:
        """How many articles are in no story yet."""
        return self._conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)").fetchone()[0]

    def regroup(self, strictness: float | None) -> set[int]:
        """Build a fresh index from every article and sync the stories to it."""
        index = self._new(strictness)
        self._index, self._groups, self._covered, self._unsaved = index, None, 0, 0
        self._add(index, [r for (r,) in self._conn.execute("SELECT id FROM articles ORDER BY id")])
        touched = self._sync(index)
        self.save()
        return touched

    def refresh(self) -> set[int]:
        """Re-apply the decisions on top of the automatic grouping (a decision changed)."""
        index = self._current(None)
        if index is None:
            return self.regroup(None)
        return self._sync(index)

    def save(self) -> None:
        """Store the cached index in the meta table (if it has anything unsaved)."""
        if self._index is None or (self._unsaved == 0 and self._meta(INDEX_KEY) is not None):
            return
        upto = self._conn.execute("SELECT COALESCE(MAX(article_id), 0) FROM story_articles")
        self._set_meta(INDEX_KEY, self._index.to_bytes())
        self._set_meta(UPTO_KEY, upto.fetchone()[0])
        self._set_meta(STRICTNESS_KEY,
                       str(getattr(self._index, "strictness", DEFAULT_STRICTNESS)))
        self._covered += self._unsaved
        self._unsaved = 0

    # -- internals ---------------------------------------------------------------------------

    def _current(self, strictness: float | None):
        """The index matching the story rows: cached, or loaded and caught up; None = rebuild."""
        # (regroup() is only needed when the stored blob is unreadable.)
        generation = int(self._meta(GENERATION_KEY) or 0)
        if self._index is not None and self._generation == generation:
            return self._index
        self.invalidate()
        from reader.core.grouping import StoryIndex

        blob = self._meta(INDEX_KEY)
        upto = self._meta(UPTO_KEY)
        if blob is None:  # never saved (small library): every grouped article is re-added
            index, upto = self._new(strictness), 0
        else:
            try:
                index = StoryIndex.from_bytes(bytes(blob))
            except Exception:  # noqa: BLE001 -- an unreadable or outdated index is rebuilt
                return None
        if upto is None:  # saved before the blob recorded its extent: it covered everything
            upto = self._conn.execute(
                "SELECT COALESCE(MAX(article_id), 0) FROM story_articles").fetchone()[0]
        self._index, self._generation, self._groups = index, generation, None
        self._covered, self._unsaved = int(self._conn.execute(
            "SELECT COUNT(*) FROM story_articles WHERE article_id <= ?", (upto,)).fetchone()[0]), 0
        behind = [r for (r,) in self._conn.execute(
            "SELECT article_id FROM story_articles WHERE article_id > ? ORDER BY article_id",
            (int(upto),))]
        self._add(index, behind)
        return index

    def _new(self, strictness: float | None):
        from reader.core.grouping import StoryIndex

        if strictness is None:
            stored = self._meta(STRICTNESS_KEY)
            strictness = float(stored) if stored is not None else DEFAULT_STRICTNESS
        return StoryIndex(strictness)

    def _add(self, index, rowids: list[int]) -> None:
        for start in range(0, len(rowids), _CHUNK):
            articles = self._load_articles(rowids[start:start + _CHUNK])
            if getattr(index, "semantic", False):
                keys = [article_rowid(a.id) for a in articles]
                index.add(articles, vectors_for(self._conn, keys, articles))
            else:  # an index without the encoder (tests stand one in)
                index.add(articles)
        if rowids:
            self._groups = None
            self._unsaved += len(rowids)

    def _sync(self, index) -> set[int]:
        from reader.core.grouping import apply_decisions

        if self._groups is None:
            self._groups = index.groups()
        decisions = self._decisions()
        touched = sync_stories(self._conn, apply_decisions(self._groups, decisions), decisions)
        generation = int(self._meta(GENERATION_KEY) or 0) + 1
        self._set_meta(GENERATION_KEY, generation)
        self._generation = generation
        return touched

    def _meta(self, key: str):
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def _set_meta(self, key: str, value) -> None:
        self._conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) "
                           "DO UPDATE SET value = excluded.value", (key, value))
