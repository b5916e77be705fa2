"""Subscriptions in the library: add, list, rename, move to a folder, remove, fetch state."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Feed:
    """One subscription and what its last refresh did."""

    id: str  # "f<rowid>"
    url: str
    title: str  # the user's name if renamed, else the feed's own title, else the host
    folder: str
    site_url: str | None
    etag: str | None
    last_modified: str | None
    added_at: str
    last_fetch: str | None
    last_success: str | None
    last_error: str | None
    items: int = 0

    @property
    def rowid(self) -> int:
        """The database rowid behind the id."""
        return int(self.id[1:])


def feed_rowid(feed_id: str | int) -> int:
    """The rowid behind a feed id like "f3" (or "3"); ValueError if malformed."""
    text = str(feed_id).strip()
    if text.startswith("f"):
        text = text[1:]
    if not text.isdigit():
        raise ValueError(f"not a feed id: {feed_id!r}")
    return int(text)


def check_url(url: str) -> str:
    """The URL, stripped, if it is an http(s) address; ValueError otherwise."""
    url = (url or "").strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not a web address: {url!r} (use http:// or https://)")
    return url


_COLUMNS = ("id, url, COALESCE(user_title, NULLIF(title, ''), url), folder, site_url, etag, "
            "last_modified, added_at, last_fetch, last_success, last_error, "
            "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = feeds.id)")


def _feed(row) -> Feed:
    return Feed(f"f{row[0]}", *row[1:11], items=row[11])


class FeedStore:
    """Subscriptions of one Library (same connection and thread rules as the Library)."""

    def __init__(self, library) -> None:
        self._lib = library

    @property
    def _conn(self):
        return self._lib._conn

    def list(self, *, folder: str | None = None) -> list[Feed]:
        """Every feed (or those in one folder), by folder then title."""
        where, params = ("WHERE folder = ?", (folder,)) if folder is not None else ("", ())
        return [_feed(r) for r in self._conn.execute(
            f"SELECT {_COLUMNS} FROM feeds {where} ORDER BY folder COLLATE NOCASE, "
            "COALESCE(user_title, NULLIF(title, ''), url) COLLATE NOCASE, id", params)]

    def get(self, feed_id: str | int) -> Feed:
        """One feed (KeyError if there is none)."""
        try:
            rowid = feed_rowid(feed_id)
        except ValueError:
            raise KeyError(feed_id) from None
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM feeds WHERE id = ?",
                                 (rowid,)).fetchone()
        if row is None:
            raise KeyError(feed_id)
        return _feed(row)

    def find(self, url: str) -> Feed | None:
        """The feed with this URL, if subscribed."""
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?",
                                 (url.strip(),)).fetchone()
        return None if row is None else _feed(row)

    def folders(self) -> list[str]:
        """Folder names in use, sorted (the unnamed top level left out)."""
        return [f for (f,) in self._conn.execute(
            "SELECT DISTINCT folder FROM feeds WHERE folder != '' ORDER BY folder COLLATE NOCASE")]

    def add(self, url: str, *, title: str = "", folder: str = "", feed_title: str = ""
            ) -> tuple[Feed, bool]:
        """Subscribe to url (ValueError if it is not http/https); (feed, newly added).

        title: the user's name for it (kept); feed_title: a name until the feed gives its own.
        """
        url = check_url(url)
        existing = self.find(url)
        if existing is not None:
            return existing, False
        with self._lib._write() as conn:
            rowid = conn.execute(
                "INSERT INTO feeds(url, title, user_title, folder, added_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (url, " ".join((feed_title or "").split()), (title or "").strip() or None,
                 (folder or "").strip(), now_iso())).lastrowid
        return self.get(rowid), True

    def rename(self, feed_id: str, title: str | None) -> Feed:
        """Show the feed under the user's TITLE ("" or None: the feed's own title again)."""
        rowid = self.get(feed_id).rowid
        with self._lib._write() as conn:
            conn.execute("UPDATE feeds SET user_title = ? WHERE id = ?",
                         ((title or "").strip() or None, rowid))
        return self.get(rowid)

    def move(self, feed_id: str, folder: str) -> Feed:
        """Put the feed in FOLDER ("" = no folder)."""
        rowid = self.get(feed_id).rowid
        with self._lib._write() as conn:
            conn.execute("UPDATE feeds SET folder = ? WHERE id = ?",
                         ((folder or "").strip(), rowid))
        return self.get(rowid)

    def change_url(self, feed_id: str, url: str) -> bool:
        """Follow a permanent redirect: the feed's address becomes URL (False if taken)."""
        url = check_url(url)
        if self.find(url) is not None:
            return False
        with self._lib._write() as conn:
            conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (url, self.get(feed_id).rowid))
        return True

    def remove(self, feed_id: str) -> Feed:
        """Unsubscribe; the articles the feed brought in stay in the library."""
        feed = self.get(feed_id)
        with self._lib._write() as conn:
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed.rowid,))
        return feed

    def record_fetch(self, feed: Feed, *, error: str | None, title: str | None = None,
                     site_url: str | None = None, etag: str | None = None,
                     last_modified: str | None = None, when: str | None = None) -> None:
        """Store the outcome of one refresh of the feed (validators only on success)."""
        when = when or now_iso()
        with self._lib._write() as conn:
            if error is not None:
                conn.execute("UPDATE feeds SET last_fetch = ?, last_error = ? WHERE id = ?",
                             (when, error, feed.rowid))
                return
            conn.execute(
                "UPDATE feeds SET last_fetch = ?, last_success = ?, last_error = NULL, "
                "title = COALESCE(NULLIF(?, ''), title), site_url = COALESCE(?, site_url), "
                "etag = ?, last_modified = ? WHERE id = ?",
                (when, when, title or "", site_url, etag, last_modified, feed.rowid))
