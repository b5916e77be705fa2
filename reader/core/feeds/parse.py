"""Feed bytes to items: RSS/Atom via feedparser, JSON Feed via json; HTML reduced to text."""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser

# Below this many words, an item without full content is taken for a summary and its page
# is fetched (when refreshing) for the whole article.
SUMMARY_WORDS = 150
FEED_EXTENSIONS = (".rss", ".atom", ".xml", ".json")


class FeedError(Exception):
    """The bytes are not a feed we can read (one line for the user)."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, its HTML already reduced to plain text (never rendered)."""

    key: str  # id/guid, else link, else a hash of title and text
    title: str
    link: str | None
    date: str | None  # ISO date (YYYY-MM-DD)
    text: str  # paragraphs separated by blank lines
    summary_only: bool

    @property
    def fingerprint(self) -> str:
        """Hash of what the feed says about the item (title and text): changes mean an edit."""
        return hashlib.sha1(f"{self.title}\n{self.text}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title, home page and items."""

    title: str
    link: str | None
    items: tuple[FeedItem, ...]
    warning: str | None = None  # e.g. malformed XML that was read anyway


_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "section", "article", "tr", "table", "pre", "figure", "hr", "dd", "dt"}
_DROP = {"script", "style", "iframe", "object", "embed", "noscript", "svg", "math", "template",
         "figcaption", "form", "button", "select", "textarea", "video", "audio", "canvas"}


class _TextOnly(HTMLParser):
    """Keeps text and paragraph breaks; everything executable or remote is dropped, unread."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # noqa: D102 (HTMLParser API)
        if tag in _DROP:
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):  # noqa: D102
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):  # noqa: D102
        if tag in _DROP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):  # noqa: D102
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of feed HTML: paragraphs on their own lines, no tags, scripts or images."""
    if "<" not in markup and "&" not in markup:
        text = markup
    else:
        parser = _TextOnly()
        try:
            parser.feed(markup)
            parser.close()
        except (AssertionError, ValueError):
            pass
        text = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.replace("\r", ""))]
    return "\n\n".join(p for p in paragraphs if p)


def _iso_date(struct) -> str | None:
    if not struct:
        return None
    try:
        return datetime(*struct[:6], tzinfo=UTC).date().isoformat()
    except (TypeError, ValueError):
        return None


def _item_key(ident, link, title: str, text: str) -> str:
    ident = (ident or "").strip()
    if ident:
        return ident
    if link:
        return link
    return "sha1:" + hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()


def _web_link(link) -> str | None:
    """The link if it is an http(s) address; javascript:, data:, file: and the like are dropped."""
    if not isinstance(link, str):
        return None
    link = link.strip()
    return link if link.lower().startswith(("http://", "https://")) else None


def _make_item(ident, title, link, date, content_html, summary_html) -> FeedItem | None:
    title = " ".join(html.unescape(html_to_text(title or "")).split())
    body = html_to_text(content_html) if content_html else ""
    summary = html_to_text(summary_html) if summary_html else ""
    link = _web_link(link)
    summary_only = not body and len(summary.split()) < SUMMARY_WORDS
    text = body or summary
    if not text and not title:
        return None
    return FeedItem(_item_key(ident, link, title, text), title, link or None, date,
                    text, summary_only)


def parse_feed(data: bytes, *, content_type: str = "", url: str = "") -> ParsedFeed:
    """Read a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed); FeedError if it is none of these."""
    head = data.lstrip()[:1]
    if head == b"{" or "json" in content_type.lower():
        return _parse_json_feed(data)
    import feedparser  # lazily: only feed work pays for its import

    headers = {"content-type": content_type} if content_type else {}
    if url:
        headers["content-location"] = url
    try:
        parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True,
                                  resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 -- a third-party parser must not crash a refresh
        raise FeedError(f"cannot read the feed ({type(exc).__name__})") from None
    warning = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        warning = " ".join(str(exc).split())[:200] if exc else "malformed feed"
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(f"not a feed ({warning or 'no RSS, Atom or JSON Feed found'})")
    items = []
    for entry in parsed.entries:
        contents = [c.get("value", "") for c in entry.get("content", []) or []]
        content = max(contents, key=len) if contents else ""
        item = _make_item(entry.get("id"), entry.get("title"), entry.get("link"),
                          _iso_date(entry.get("published_parsed")
                                    or entry.get("updated_parsed")),
                          content, entry.get("summary"))
        if item is not None:
            items.append(item)
    feed = parsed.feed
    return ParsedFeed(" ".join((feed.get("title") or "").split()), feed.get("link"),
                      tuple(items), warning)


def _parse_json_feed(data: bytes) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org), which feedparser 6 does not read."""
    try:
        doc = json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        raise FeedError("not a feed (invalid JSON)") from None
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise FeedError("not a feed (JSON without a jsonfeed.org version)")
    items = []
    for entry in doc.get("items") or []:
        if not isinstance(entry, dict):
            continue
        content = entry.get("content_html") or html.escape(str(entry.get("content_text") or ""))
        summary = entry.get("summary")
        item = _make_item(str(entry.get("id") or ""), str(entry.get("title") or ""),
                          entry.get("url") or entry.get("external_url"),
                          _json_date(entry.get("date_published") or entry.get("date_modified")),
                          str(content or ""), html.escape(str(summary)) if summary else "")
        if item is not None:
            items.append(item)
    return ParsedFeed(" ".join(str(doc.get("title") or "").split()), doc.get("home_page_url"),
                      tuple(items))


def _json_date(value) -> str | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None
