"""Removing articles (or whole stories) from the library, and putting them back (undo).

A removal keeps everything needed to restore the rows exactly: the same article ids, flags
and user edits, so the user's grouping decisions (anchored on article ids, and kept while
their articles are away: decisions naming absent articles are ignored) apply again.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Sequence

from reader.core.library.stories import article_rowid, story_rowid

_COLUMNS = ("id", "source_id", "part", "title", "outlet", "date", "url", "sentences",
            "paragraphs", "content_hash", "word_count", "added_at", "is_read", "starred",
            "user_title", "user_outlet")


@dataclass(frozen=True, slots=True)
class Removed:
    """What a removal took out: article rows (all columns) and their sources' paths."""

    rows: tuple[tuple, ...]
    sources: tuple[tuple[int, str, str], ...]  # (id, path, imported_at)

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Library ids ("a12") of the removed articles."""
        return tuple(f"a{row[0]}" for row in self.rows)


def article_rowids(conn: sqlite3.Connection, ids: Sequence[str]) -> list[int]:
    """The article rowids that ids name: "aN" an article, "sN" every version of a story.

    Raises KeyError naming the first id that is not in the library, ValueError for an id
    that is neither form.
    """
    out: list[int] = []
    for ident in ids:
        if isinstance(ident, str) and ident.startswith("s"):
            rows = [r for (r,) in conn.execute(
                "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id",
                (story_rowid(ident),))]
            if not rows:
                raise KeyError(ident)
            out.extend(rows)
        else:
            rowid = article_rowid(ident)
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (rowid,)).fetchone() is None:
                raise KeyError(ident)
            out.append(rowid)
    return sorted(set(out))


def delete_articles(conn: sqlite3.Connection, rowids: Sequence[int]) -> Removed:
    """Delete the articles (inside the caller's transaction); returns what restore() needs."""
    marks = ",".join("?" * len(rowids))
    rows = tuple(conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE id IN ({marks}) ORDER BY id",
        list(rowids)))
    source_ids = sorted({row[1] for row in rows})
    sources = tuple(conn.execute(
        f"SELECT id, path, imported_at FROM sources WHERE id IN ({','.join('?' * len(source_ids))})",
        source_ids)) if source_ids else ()
    conn.execute(f"DELETE FROM story_articles WHERE article_id IN ({marks})", list(rowids))
    conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", list(rowids))  # FTS: trigger
    # Stories left with no version go; the rest are regrouped by the caller.
    conn.execute("DELETE FROM stories WHERE NOT EXISTS "
                 "(SELECT 1 FROM story_articles sa WHERE sa.story_id = stories.id)")
    return Removed(rows, sources)


def restore_articles(conn: sqlite3.Connection, removed: Removed) -> None:
    """Put removed articles back with their ids (inside the caller's transaction)."""
    for sid, path, imported_at in removed.sources:
        conn.execute("INSERT OR IGNORE INTO sources(id, path, imported_at) VALUES (?, ?, ?)",
                     (sid, path, imported_at))
    marks = ",".join("?" * len(_COLUMNS))
    for row in removed.rows:
        conn.execute(f"INSERT INTO articles({', '.join(_COLUMNS)}) VALUES ({marks})", row)
        conn.execute("INSERT INTO articles_fts(rowid, title, outlet, body) "
                     "SELECT id, title, outlet, body FROM article_text WHERE id = ?", (row[0],))
