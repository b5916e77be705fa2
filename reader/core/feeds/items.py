"""Feed items into library articles: dedup by feed + guid/link, edits kept as new versions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from reader.core.feeds.parse import FeedItem
from reader.core.feeds.subscriptions import Feed, now_iso
from reader.core.library.rows import ArticleRef
from reader.core.model import Article, FileResult


@dataclass(frozen=True, slots=True)
class StoredItems:
    """What storing one feed's items did."""

    added: tuple[ArticleRef, ...] = ()  # first versions
    edited: tuple[ArticleRef, ...] = ()  # later versions of items already stored
    unchanged: int = 0


def known_fingerprints(conn, feed_rowid: int) -> dict[str, str]:
    """key -> fingerprint of every item the feed has delivered so far."""
    return dict(conn.execute("SELECT key, fingerprint FROM feed_items WHERE feed_id = ?",
                             (feed_rowid,)))


def item_source(feed_url: str, key: str) -> str:
    """The source an item's articles are stored under: the feed's address and the item's id."""
    return f"{feed_url}#{key}"


def version_label(outlet: str, version: int, seen_at: str) -> str:
    """How a later version of an item is named: its outlet and when that text was seen."""
    when = seen_at.replace("T", " ")[:16]
    return f"{outlet} (edit {version - 1}, {when} UTC)"


def item_article(item: FeedItem, outlet: str, source: str, text: str | None = None
                 ) -> Article | None:
    """The article an item becomes (cleaned and split into sentences like any file)."""
    from reader.core.ingest.build import build_articles
    from reader.core.ingest.loaders import Loaded

    body = text if text is not None else item.text
    loaded = Loaded(text=body, title=item.title or None, outlet=outlet, date=item.date,
                    url=item.link)
    parts = build_articles(loaded, source)
    if not parts:  # a headline-only item: its title is its only sentence
        if not item.title:
            return None
        return Article(id="", source=source, part=0, title=item.title, outlet=outlet,
                       date=item.date, url=item.link, sentences=(item.title,), paragraphs=(0,))
    first = parts[0]
    sentences, paragraphs = list(first.sentences), list(first.paragraphs)
    for extra in parts[1:]:  # a feed item is one article, whatever headings it has inside
        base = (paragraphs[-1] + 1) if paragraphs else 0
        sentences.extend(extra.sentences)
        paragraphs.extend(base + p for p in extra.paragraphs)
    return replace(first, part=0, title=item.title or first.title, date=item.date or first.date,
                   url=item.link, sentences=tuple(sentences), paragraphs=tuple(paragraphs))


def _same_text(conn, article_rowid: int, art: Article) -> bool:
    """Whether the stored article has exactly this title and these sentences."""
    row = conn.execute("SELECT title, sentences FROM articles WHERE id = ?",
                       (article_rowid,)).fetchone()
    return row is not None and row[0] == art.title and tuple(json.loads(row[1])) == art.sentences


def build_item_articles(pairs: list[tuple[FeedItem, str | None]], source: str
                        ) -> list[Article | None]:
    """item_article for several items (outlet left for store_items to set): a helper-process
    entry point, so cleaning runs beside the storing and grouping."""
    return [item_article(item, "", source, text) for item, text in pairs]


def _hash(feed_rowid: int, key: str, art: Article, version: int) -> str:
    # The version is part of it: a text changed back to an earlier one is an edit too.
    payload = "\n".join((art.title, *art.sentences))
    digest = hashlib.sha1(payload.encode("utf-8")).hexdigest()
    keyhash = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return f"feed:{feed_rowid}:{keyhash}:{digest}" + (f":v{version}" if version > 1 else "")


def store_items(library, feed: Feed, items: list[tuple[FeedItem, str | None]],
                built: dict[str, Article | None] | None = None) -> StoredItems:
    """Store a feed's items (each with its full text if a page was fetched, else None).

    built: articles already made by build_item_articles, by item key (others are made here).

    Items are matched to what the feed delivered before by guid/link. A new item becomes an
    article (outlet = the feed's title); an item whose text changed becomes a new article
    too, labelled with the time it was seen and pinned to the story of its first version by a
    "move" decision, so the comparison view and reports show the edit. The articles go in
    through the library's file path (one transaction), the feed bookkeeping in a second one;
    grouping is left to the caller (one incremental pass after all feeds).
    """
    conn = library._conn
    known = {key: (rowid, fp) for rowid, key, fp in conn.execute(
        "SELECT id, key, fingerprint FROM feed_items WHERE feed_id = ?", (feed.rowid,))}
    seen_at = now_iso()
    pending: list[tuple[FeedItem, Article | None, tuple | None, list]] = []
    keys: set[str] = set()
    unchanged = 0
    for item, full_text in items:
        previous = known.get(item.key)
        if previous is not None and previous[1] == item.fingerprint:
            unchanged += 1
            continue
        if item.key in keys:  # the same guid twice in one document: the first one counts
            continue
        if built is not None and item.key in built:
            art = built[item.key]
        else:
            art = item_article(item, feed.title, feed.url, full_text)
        if art is None:
            continue
        art = replace(art, outlet=feed.title, source=item_source(feed.url, item.key))
        keys.add(item.key)
        versions = [] if previous is None else conn.execute(
            "SELECT article_id, version FROM article_versions WHERE item_id = ? "
            "ORDER BY version", (previous[0],)).fetchall()
        version = versions[-1][1] + 1 if versions else 1
        if versions:
            if _same_text(conn, versions[-1][0], art):
                # Only the feed's markup or title spacing changed: no new version.
                pending.append((item, None, previous, versions))
                continue
            art = replace(art, outlet=version_label(feed.title, version, seen_at))
        pending.append((item, replace(art, content_hash=_hash(feed.rowid, item.key, art,
                                                              version)),
                        previous, versions))
    refs: dict[str, ArticleRef] = {}
    if pending:
        aliases = dict(conn.execute("SELECT name, display FROM outlet_aliases"))
        for _item, art, _prev, _versions in pending:
            if art is not None:
                # One "file" per item, as for saved pages: the grouping never joins two parts
                # of one file, and two items of one feed may well be the same story.
                stored, _dup = library._store_file(FileResult(art.source, (art,)), aliases)
                refs.update((r.id, r) for r in stored)
    added: list[ArticleRef] = []
    edited: list[ArticleRef] = []
    with library._write() as w:
        for item, art, previous, versions in pending:
            if previous is None:
                w.execute(
                    "INSERT INTO feed_items(feed_id, key, fingerprint, first_seen, last_seen) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(feed_id, key) DO UPDATE SET "
                    "fingerprint = excluded.fingerprint, last_seen = excluded.last_seen",
                    (feed.rowid, item.key, item.fingerprint, seen_at, seen_at))
                item_id = w.execute("SELECT id FROM feed_items WHERE feed_id = ? AND key = ?",
                                    (feed.rowid, item.key)).fetchone()[0]
            else:
                item_id = previous[0]
                w.execute("UPDATE feed_items SET fingerprint = ?, last_seen = ? WHERE id = ?",
                          (item.fingerprint, seen_at, item_id))
            if art is None:
                continue
            row = w.execute("SELECT id FROM articles WHERE content_hash = ?",
                            (art.content_hash,)).fetchone()
            if row is None:
                continue
            ref = refs.get(f"a{row[0]}")
            if ref is None:
                # Stored before: a refresh cut off before this bookkeeping, or the text went
                # back to an earlier version's. Link it if it is not linked yet; no new version.
                w.execute("INSERT OR IGNORE INTO article_versions(article_id, feed_id, item_id, "
                          "version, seen_at) VALUES (?, ?, ?, ?, ?)",
                          (row[0], feed.rowid, item_id, len(versions) + 1, seen_at))
                continue
            w.execute("INSERT OR REPLACE INTO article_versions(article_id, feed_id, item_id, "
                      "version, seen_at) VALUES (?, ?, ?, ?, ?)",
                      (row[0], feed.rowid, item_id, (versions[-1][1] + 1) if versions else 1,
                       seen_at))
            if versions:
                # Pin the edit to its first version's story, whatever grouping makes of it.
                w.execute("INSERT INTO decisions(kind, article_id, other_id, title, created_at) "
                          "VALUES ('move', ?, ?, NULL, ?)",
                          (ref.id, f"a{versions[0][0]}", seen_at))
            (edited if versions else added).append(ref)
        if unchanged:
            w.execute("UPDATE feed_items SET last_seen = ? WHERE feed_id = ?",
                      (seen_at, feed.rowid))
    return StoredItems(tuple(added), tuple(edited), unchanged)
