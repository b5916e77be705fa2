"""The library's SQLite schema and its migrations, keyed by `PRAGMA user_version`."""

from __future__ import annotations

import sqlite3

# Effective title/outlet (the user's edit wins) and the body as one text, in SQL, so the
# FTS view, the triggers and the repository code all compute exactly the same strings:
# an external-content FTS5 'delete' must be given the values that were indexed.
_BODY = "(SELECT group_concat(value, char(10)) FROM json_each({t}.sentences))"

_V1 = f"""
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id),
    part         INTEGER NOT NULL DEFAULT 0,
    title        TEXT NOT NULL,
    outlet       TEXT NOT NULL,
    date         TEXT,
    url          TEXT,
    sentences    TEXT NOT NULL,          -- JSON array of strings
    paragraphs   TEXT NOT NULL,          -- JSON array of ints, one per sentence
    content_hash TEXT NOT NULL UNIQUE,   -- re-importing the same content adds nothing
    word_count   INTEGER NOT NULL DEFAULT 0,
    added_at     TEXT NOT NULL,
    is_read      INTEGER NOT NULL DEFAULT 0,
    starred      INTEGER NOT NULL DEFAULT 0,
    user_title   TEXT,
    user_outlet  TEXT
);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_outlet ON articles(outlet);

-- What the full-text index sees; FTS5 reads it back by rowid for snippets.
CREATE VIEW article_text(id, title, outlet, body) AS
    SELECT id, COALESCE(user_title, title), COALESCE(user_outlet, outlet),
           {_BODY.format(t="articles")}
    FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, outlet, body,
    content='article_text', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, outlet, body)
        SELECT id, title, outlet, body FROM article_text WHERE id = new.id;
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, outlet, body) VALUES (
        'delete', old.id, COALESCE(old.user_title, old.title),
        COALESCE(old.user_outlet, old.outlet), {_BODY.format(t="old")});
END;

CREATE TRIGGER articles_fts_update
AFTER UPDATE OF title, user_title, outlet, user_outlet, sentences ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, outlet, body) VALUES (
        'delete', old.id, COALESCE(old.user_title, old.title),
        COALESCE(old.user_outlet, old.outlet), {_BODY.format(t="old")});
    INSERT INTO articles_fts(rowid, title, outlet, body)
        SELECT id, title, outlet, body FROM article_text WHERE id = new.id;
END;

CREATE TABLE stories (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL,            -- anchor: id of the story's oldest article
    title       TEXT NOT NULL DEFAULT '',
    user_title  TEXT,                     -- from "rename" decisions
    n_articles  INTEGER NOT NULL DEFAULT 0,
    latest_date TEXT,                     -- newest article date, NULL if none has one
    sort_key    TEXT NOT NULL DEFAULT '', -- latest date, else the newest import date
    reasons     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX stories_sort ON stories(sort_key DESC, id DESC);

CREATE TABLE story_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles(story_id);

CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('move', 'split', 'merge', 'rename')),
    article_id TEXT NOT NULL,
    other_id   TEXT,
    title      TEXT,
    created_at TEXT NOT NULL
);

-- A renamed outlet also applies to articles imported later under the old name.
CREATE TABLE outlet_aliases (
    name    TEXT PRIMARY KEY,
    display TEXT NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB
);
"""

# v2: the repository inserts each article's FTS row itself, with the body it already has in
# memory: an AFTER INSERT trigger re-parsing the JSON made imports ~1.5x slower. Updates and
# deletes still go through the triggers above, which recompute exactly the same strings.
_V2 = """
DROP TRIGGER IF EXISTS articles_fts_insert;
"""

# v3: one file imported under several names (a copy, a moved folder) is one article with
# several sources: `sources.fingerprint` recognises the same file content under another
# path, and `article_sources` records every further path an article was imported from.
_V3 = """
ALTER TABLE sources ADD COLUMN fingerprint TEXT;
CREATE INDEX sources_fingerprint ON sources(fingerprint);
CREATE TABLE article_sources (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (article_id, source_id)
) WITHOUT ROWID;
"""

# v4: feeds. Subscriptions (folder is a plain name, '' for none), the items each feed has
# delivered (deduplicated by feed + guid/link) and, per stored article, which item and which
# version of its text it is: a later text of an item is a new article, labelled with the
# time it was seen. Removing a feed keeps the articles it brought in.
_V4 = """
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL DEFAULT '',
    user_title    TEXT,
    folder        TEXT NOT NULL DEFAULT '',
    site_url      TEXT,
    etag          TEXT,
    last_modified TEXT,
    added_at      TEXT NOT NULL,
    last_fetch    TEXT,
    last_success  TEXT,
    last_error    TEXT
);

CREATE TABLE feed_items (
    id          INTEGER PRIMARY KEY,
    feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    UNIQUE (feed_id, key)
);

CREATE TABLE article_versions (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    feed_id    INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    item_id    INTEGER REFERENCES feed_items(id) ON DELETE SET NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    seen_at    TEXT NOT NULL
);
CREATE INDEX article_versions_item ON article_versions(item_id, version);
CREATE INDEX article_versions_feed ON article_versions(feed_id);
"""

# v5: each article's sentence-encoder vector (384 float16, little-endian), computed once when
# the article is first grouped; meta 'embedding_model' names the model that made them. A
# library from before v5 fills the table in as its articles are next grouped.
_V5 = """
CREATE TABLE embeddings (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    vector     BLOB NOT NULL
);
"""

# Each entry upgrades the schema by one version; never edit a released entry, append one.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5)
CURRENT_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The library was written by a newer Parallax than this one."""


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to CURRENT_VERSION, one transaction per step; return the version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > CURRENT_VERSION:
        raise SchemaTooNew(f"schema version {version} is newer than {CURRENT_VERSION}")
    while version < CURRENT_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < CURRENT_VERSION:
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
