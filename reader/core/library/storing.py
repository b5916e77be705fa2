"""Storing one ingested file's articles, FTS rows and encoder vectors in the library."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from reader.core.library.rows import ArticleRef
from reader.core.library.sources import file_fingerprint, source_row
from reader.core.model import Article, FileResult
from reader.core.text.display import storable_name


def store_file(conn: sqlite3.Connection, result: FileResult, aliases: dict[str, str],
               now: str) -> tuple[list[ArticleRef], int]:
    """Store one file's articles inside the caller's transaction; (added, duplicates).

    The same file under another name (same articles whatever outlet the names suggest)
    adds no article: the path is recorded as another source of the articles it holds.
    So are paths whose articles are already stored (same text and outlet).
    """
    added: list[ArticleRef] = []
    duplicates = 0
    seen: set[str] = set()
    source = storable_name(result.source)
    fingerprint = file_fingerprint(result)
    source_id = None
    copy_of = conn.execute("SELECT id FROM sources WHERE fingerprint = ? AND path != ? "
                           "ORDER BY id LIMIT 1", (fingerprint, source)).fetchone()
    if copy_of is not None:
        source_id = source_row(conn, source, now, fingerprint)
        ids = [r for (r,) in conn.execute(
            "SELECT id FROM articles WHERE source_id = ?", (copy_of[0],))]
        conn.executemany("INSERT OR IGNORE INTO article_sources(article_id, source_id) "
                         "VALUES (?, ?)", [(aid, source_id) for aid in ids])
        return [], len(result.articles)
    vectors = result.embeddings if len(result.embeddings) == len(result.articles) \
        else (None,) * len(result.articles)
    for art, vector in zip(result.articles, vectors):
        if not art.sentences:  # nothing to read, compare or search
            continue
        key = art.content_hash or _content_hash(art)
        if key in seen:  # ingest hashed per file, not per article: keep both parts
            key = f"{key}:{art.part}"
        seen.add(key)
        if source_id is None:
            source_id = source_row(conn, source, now, fingerprint)
        paragraphs = list(art.paragraphs) if len(art.paragraphs) == len(
            art.sentences) else [0] * len(art.sentences)
        cur = conn.execute(
            "INSERT INTO articles(source_id, part, title, outlet, date, url, sentences,"
            " paragraphs, content_hash, word_count, added_at, user_outlet)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(content_hash) DO NOTHING",
            (source_id, art.part, art.title, art.outlet, art.date, art.url,
             json.dumps(list(art.sentences), ensure_ascii=False),
             json.dumps(paragraphs), key, art.word_count, now,
             aliases.get(art.outlet)))
        if cur.rowcount != 1:
            duplicates += 1
            conn.execute(
                "INSERT OR IGNORE INTO article_sources(article_id, source_id) "
                "SELECT id, ? FROM articles WHERE content_hash = ? AND source_id != ?",
                (source_id, key, source_id))
            continue
        rowid = cur.lastrowid
        if vector is not None:  # embedded by the ingest helper
            conn.execute("INSERT INTO embeddings(article_id, vector) VALUES (?, ?)",
                         (rowid, vector))
        # Same strings as the article_text view computes: the update/delete triggers
        # must find exactly what was indexed.
        conn.execute("INSERT INTO articles_fts(rowid, title, outlet, body) "
                     "VALUES (?, ?, ?, ?)", (rowid, art.title,
                                             aliases.get(art.outlet, art.outlet),
                                             "\n".join(art.sentences)))
        added.append(ArticleRef(f"a{rowid}", art.source or source, art.part,
                                aliases.get(art.outlet, art.outlet), art.title))
    return added, duplicates


def _content_hash(art: Article) -> str:
    """Fallback fingerprint when ingest gave none: the cleaned title and sentences."""
    payload = json.dumps([art.title, list(art.sentences)], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()
