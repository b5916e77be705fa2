"""Read-only queries of the library: articles, story pages, full-text search, decisions."""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable, Sequence

from reader.core.library.rows import ArticleInfo, StoredDecision, StoryRow
from reader.core.library.search import fts_query
from reader.core.library.stories import article_rowid, story_rowid
from reader.core.model import Article, Decision

# SQLite's default limit on bound parameters is 999 on old builds: stay under it.
_CHUNK = 900

_ARTICLE_COLUMNS = (
    "a.id, s.path, a.part, COALESCE(a.user_title, a.title), COALESCE(a.user_outlet, a.outlet),"
    " a.date, a.url, a.sentences, a.paragraphs, a.content_hash")
_ARTICLE_FROM = "articles a JOIN sources s ON s.id = a.source_id"


def _article(row: Sequence) -> Article:
    rowid, source, part, title, outlet, date, url, sentences, paragraphs, chash = row
    return Article(id=f"a{rowid}", source=source, part=part, title=title, outlet=outlet,
                   date=date, url=url, sentences=tuple(json.loads(sentences)),
                   paragraphs=tuple(json.loads(paragraphs)), content_hash=chash)


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]



# SQL sort expressions over the stories table; user edits (title, outlet) win, as shown.
STORY_SORTS = {
    "date": "sort_key",
    "title": "COALESCE(user_title, title) COLLATE NOCASE",
    "versions": "n_articles",
    "outlets": "(SELECT MIN(COALESCE(a.user_outlet, a.outlet)) FROM story_articles sa "
               "JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = stories.id) "
               "COLLATE NOCASE",
    "starred": "(SELECT MAX(a.starred) FROM story_articles sa JOIN articles a "
               "ON a.id = sa.article_id WHERE sa.story_id = stories.id)",
}

class LibraryReader:
    """Queries over one connection; Library adds the writes."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # -- articles ----------------------------------------------------------------------------

    def count_articles(self) -> int:
        """Number of articles in the library."""
        return self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def articles(self, ids: Sequence[str] | None = None, *, limit: int | None = None,
                 offset: int = 0) -> list[Article]:
        """Articles by id (in the order given; unknown ids are left out), or all by import order."""
        if ids is None:
            rows = self._conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM {_ARTICLE_FROM} ORDER BY a.id LIMIT ? OFFSET ?",
                (-1 if limit is None else limit, offset))
            return [_article(r) for r in rows]
        rowids = []
        for aid in ids:
            try:
                rowids.append(article_rowid(aid))
            except ValueError:
                continue
        by_id = {a.id: a for a in self._load_articles(rowids)}
        return [by_id[i] for i in ids if i in by_id]

    def _load_articles(self, rowids: Sequence[int]) -> list[Article]:
        out: list[Article] = []
        for chunk in _chunks(list(rowids)):
            marks = ",".join("?" * len(chunk))
            out.extend(_article(r) for r in self._conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM {_ARTICLE_FROM} WHERE a.id IN ({marks}) "
                "ORDER BY a.id", chunk))
        return out

    def article(self, article_id: str) -> Article:
        """The article with this id (KeyError if there is none)."""
        found = self.articles([article_id])
        if not found:
            raise KeyError(article_id)
        return found[0]

    def article_info(self, article_id: str) -> ArticleInfo:
        """The article with its read/star flags, story and original metadata (KeyError if none)."""
        art = self.article(article_id)
        row = self._conn.execute(
            "SELECT a.is_read, a.starred, a.added_at, sa.story_id, a.title, a.outlet "
            "FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id "
            "WHERE a.id = ?", (article_rowid(article_id),)).fetchone()
        read, starred, added_at, sid, title, outlet = row
        return ArticleInfo(art, bool(read), bool(starred), added_at,
                           None if sid is None else f"s{sid}", title, outlet,
                           tuple(self.other_sources(article_id)))

    def other_sources(self, article_id: str) -> list[str]:
        """Paths the article was imported from besides its own source (copies of the file)."""
        return [p for (p,) in self._conn.execute(
            "SELECT s.path FROM article_sources x JOIN sources s ON s.id = x.source_id "
            "WHERE x.article_id = ? ORDER BY s.id", (article_rowid(article_id),))]

    def _require_article(self, article_id: str) -> int:
        try:
            rowid = article_rowid(article_id)
        except ValueError:
            raise KeyError(article_id) from None
        if self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (rowid,)).fetchone() is None:
            raise KeyError(article_id)
        return rowid

    def outlets(self) -> list[tuple[str, int]]:
        """Every outlet name as shown, with its number of articles, most articles first."""
        return [tuple(r) for r in self._conn.execute(
            "SELECT COALESCE(user_outlet, outlet) AS o, COUNT(*) FROM articles "
            "GROUP BY o ORDER BY COUNT(*) DESC, o")]

    # -- search ------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int | None = None) -> list[str]:
        """Ids of articles matching every word of QUERY (title, outlet, body), best first.

        Any text is a valid query: operators and quotes are taken as plain words; a
        trailing * is a prefix search. A query without words matches nothing.
        """
        expr = fts_query(query)
        if expr is None:
            return []
        rows = self._conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (expr, -1 if limit is None else limit))
        return [f"a{r}" for (r,) in rows]

    # -- stories -----------------------------------------------------------------------------

    def count_stories(self) -> int:
        """Number of stories in the library."""
        return self._conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]

    def stories(self, *, limit: int | None = None, offset: int = 0,
                search: str | None = None, sort: str = "date",
                descending: bool = True, feed_ids: Sequence[str] | None = None,
                added_since: str | None = None) -> list[StoryRow]:
        """A page of stories, by default newest first (latest article date, else import date).

        `sort` is one of STORY_SORTS (date, title, versions, outlets, starred); ties fall back
        to newest first so paging is stable. With `search`, only stories with an article
        matching that full-text query; with `feed_ids` ("f3"), only stories with an article
        from one of those feeds; with `added_since` (ISO time), only stories with an article
        added after it ("new since last visit").
        """
        if sort not in STORY_SORTS:
            raise ValueError(f"unknown story sort {sort!r}: use one of {', '.join(STORY_SORTS)}")
        direction = "DESC" if descending else "ASC"
        where, params = "", []
        if search is not None:
            expr = fts_query(search)
            if expr is None:
                return []
            where = ("WHERE id IN (SELECT story_id FROM story_articles WHERE article_id IN "
                     "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))")
            params.append(expr)
        clauses = [where[len("WHERE "):]] if where else []
        if feed_ids is not None:
            rowids = [int(str(f).lstrip("f")) for f in feed_ids]
            clauses.append(
                "id IN (SELECT sa.story_id FROM story_articles sa JOIN article_versions v "
                f"ON v.article_id = sa.article_id WHERE v.feed_id IN "
                f"({','.join('?' * len(rowids)) or 'NULL'}))")
            params.extend(rowids)
        if added_since is not None:
            clauses.append("id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a "
                           "ON a.id = sa.article_id WHERE a.added_at > ?)")
            params.append(added_since)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._conn.execute(
            f"SELECT id, title, user_title, latest_date, reasons FROM stories {where} "
            f"ORDER BY {STORY_SORTS[sort]} {direction}, sort_key DESC, id DESC LIMIT ? OFFSET ?",
            (*params, -1 if limit is None else limit, offset)).fetchall()
        return self._story_rows(rows)

    def story(self, story_id: str) -> StoryRow:
        """One story row (KeyError if there is none)."""
        try:
            rowid = story_rowid(story_id)
        except ValueError:
            raise KeyError(story_id) from None
        rows = self._conn.execute(
            "SELECT id, title, user_title, latest_date, reasons FROM stories WHERE id = ?",
            (rowid,)).fetchall()
        if not rows:
            raise KeyError(story_id)
        return self._story_rows(rows)[0]

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article is in (None if it is not grouped yet)."""
        row = self._conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                 (self._require_article(article_id),)).fetchone()
        return None if row is None else f"s{row[0]}"

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Article id -> story id for these articles (ungrouped or unknown ones left out)."""
        out: dict[str, str] = {}
        rowids = [article_rowid(a) for a in article_ids]
        for chunk in _chunks(rowids):
            marks = ",".join("?" * len(chunk))
            out.update((f"a{a}", f"s{s}") for a, s in self._conn.execute(
                f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})",
                chunk))
        return out

    def story_articles(self, story_id: str) -> list[Article]:
        """The versions of a story, by date then import order (KeyError if no such story)."""
        row = self.story(story_id)
        return self.articles(list(row.article_ids))

    def _story_rows(self, rows: list[Sequence]) -> list[StoryRow]:
        members: dict[int, list[tuple]] = {r[0]: [] for r in rows}
        for chunk in _chunks(list(members)):
            marks = ",".join("?" * len(chunk))
            for sid, aid, outlet, read, starred in self._conn.execute(
                    "SELECT sa.story_id, a.id, COALESCE(a.user_outlet, a.outlet), a.is_read, "
                    "a.starred FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                    f"WHERE sa.story_id IN ({marks}) "
                    "ORDER BY sa.story_id, COALESCE(a.date, '9999'), a.id", chunk):
                members[sid].append((aid, outlet, read, starred))
        out = []
        for sid, title, user_title, latest, reasons in rows:
            mem = members[sid]
            outlets = tuple(dict.fromkeys(m[1] for m in mem))
            out.append(StoryRow(
                id=f"s{sid}", title=user_title or title,
                article_ids=tuple(f"a{m[0]}" for m in mem), outlets=outlets,
                latest_date=latest, read=bool(mem) and all(m[2] for m in mem),
                starred=any(m[3] for m in mem), reasons=tuple(json.loads(reasons or "[]")),
                user_title=user_title))
        return out

    # -- decisions ---------------------------------------------------------------------------

    def decisions(self) -> list[StoredDecision]:
        """Every stored decision, oldest first (the order they are applied in)."""
        return [StoredDecision(i, Decision(kind, aid, other, title), created)
                for i, kind, aid, other, title, created in self._conn.execute(
                    "SELECT id, kind, article_id, other_id, title, created_at FROM decisions "
                    "ORDER BY id")]
