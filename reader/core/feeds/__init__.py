"""Feeds: subscriptions, the network client, parsing, and items into the library."""

from reader.core.feeds.http import USER_AGENT, Fetcher, FetchResult
from reader.core.feeds.opml import export_opml, import_opml, read_opml
from reader.core.feeds.parse import FEED_EXTENSIONS, FeedError, FeedItem, ParsedFeed, parse_feed
from reader.core.feeds.refresh import (
    FeedOutcome,
    RefreshReport,
    import_feed_file,
    refresh_feeds,
)
from reader.core.feeds.subscriptions import Feed, FeedStore

__all__ = [
    "FEED_EXTENSIONS",
    "USER_AGENT",
    "Feed",
    "FeedError",
    "FeedItem",
    "FeedOutcome",
    "FeedStore",
    "FetchResult",
    "Fetcher",
    "ParsedFeed",
    "RefreshReport",
    "export_opml",
    "import_feed_file",
    "import_opml",
    "parse_feed",
    "read_opml",
    "refresh_feeds",
]
