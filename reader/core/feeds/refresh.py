"""Refresh feeds: fetch in worker threads, store and group in the caller's thread."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.feeds.http import ACCEPT_PAGE, Fetcher, FetchResult
from reader.core.feeds.items import build_item_articles, known_fingerprints, store_items
from reader.core.feeds.parse import FeedError, FeedItem, ParsedFeed, parse_feed
from reader.core.feeds.subscriptions import Feed, FeedStore

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]
# Pages are fetched for summary-only items; longer texts than this are not summaries.
_PAGE_MIN_GAIN = 1.2
# From this many feeds on, parsing and cleaning run in a helper process (its ~0.5 s start is
# then repaid): they and the storing plus grouping each take about half of a refresh.
PARALLEL_MIN_FEEDS = 20


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """What refreshing one feed did."""

    feed_id: str
    title: str
    url: str
    error: str | None = None
    not_modified: bool = False
    added: int = 0
    edited: int = 0
    unchanged: int = 0
    pages: int = 0  # linked pages fetched for summary-only items
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What a refresh did: one outcome per feed, stories touched, requests sent."""

    outcomes: tuple[FeedOutcome, ...]
    stories: tuple[str, ...]
    requests: int
    cancelled: bool = False

    @property
    def failed(self) -> tuple[FeedOutcome, ...]:
        """Outcomes of feeds that could not be refreshed."""
        return tuple(o for o in self.outcomes if o.error)

    @property
    def added(self) -> int:
        """New articles (first versions) stored."""
        return sum(o.added for o in self.outcomes)

    @property
    def edited(self) -> int:
        """New versions of items already stored."""
        return sum(o.edited for o in self.outcomes)


@dataclass(slots=True)
class _Fetched:
    feed: Feed
    result: FetchResult
    parsed: ParsedFeed | None = None
    items: list[tuple[FeedItem, str | None]] | None = None
    error: str | None = None
    pages: int = 0
    built: dict | None = None  # item key -> Article, made in the helper process


def _run(helper, fn, *args, **kwargs):
    """fn(*args) in the helper process if there is one (and it works), else right here."""
    if helper is not None:
        try:
            return helper.submit(fn, *args, **kwargs).result()
        except (cf.process.BrokenProcessPool, OSError, RuntimeError):
            pass  # the helper died or cannot start: do the work in this thread
    return fn(*args, **kwargs)


def _page_text(fetcher: Fetcher, item: FeedItem, cancel: CancelFn | None) -> str | None:
    """The linked article's main text (trafilatura), or None to keep the summary."""
    from reader.core.ingest.loaders import LoadError
    from reader.core.ingest.markup import html_to_loaded

    if not item.link or (cancel is not None and cancel()):
        return None
    page = fetcher.fetch(item.link, accept=ACCEPT_PAGE, cancel=cancel)
    if page.error or page.status != 200 or not page.body:
        return None
    try:
        loaded = html_to_loaded(page.body)
    except LoadError:
        return None
    if loaded is None or len(loaded.text) < _PAGE_MIN_GAIN * len(item.text):
        return None
    return loaded.text


def _fetch_one(fetcher: Fetcher, feed: Feed, known: dict[str, str], fetch_pages: bool,
               cancel: CancelFn | None, helper=None) -> _Fetched:
    """In a worker thread: the feed, parsed, with pages for new summary-only items."""
    result = fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified,
                           cancel=cancel)
    out = _Fetched(feed, result)
    if result.error:
        out.error = result.error
        return out
    if result.status == 304:
        return out
    try:
        out.parsed = _run(helper, parse_feed, result.body,
                          content_type=result.headers.get("content-type", ""), url=result.url)
    except FeedError as exc:
        out.error = str(exc)
        return out
    out.items = []
    for item in out.parsed.items:
        text = None
        if (fetch_pages and item.summary_only and item.link
                and known.get(item.key) != item.fingerprint):
            text = _page_text(fetcher, item, cancel)
            out.pages += 1
        out.items.append((item, text))
    if helper is not None:
        changed = [(i, t) for i, t in out.items if known.get(i.key) != i.fingerprint]
        if changed:
            arts = _run(helper, build_item_articles, changed, feed.url)
            out.built = {i.key: a for (i, _t), a in zip(changed, arts, strict=True)}
    return out


def refresh_feeds(library, feed_ids: Sequence[str] | None = None, *,
                  fetcher: Fetcher | None = None, workers: int = 8, fetch_pages: bool = True,
                  progress: ProgressFn | None = None, cancel: CancelFn | None = None,
                  parallel: bool | None = None, strictness: float | None = None
                  ) -> RefreshReport:
    """Refresh the feeds (all, or those ids): the only function that touches the network.

    Fetching runs on `workers` threads (at most Fetcher.per_host per host at a time); storing
    runs here, in the Library's thread, feed by feed in list order; new articles are grouped
    incrementally once at the end. progress(done, total, feed title) after each feed;
    cancel() stops waiting for the rest (what was stored stays). parallel: parse and clean
    in a helper process (None = when there are PARALLEL_MIN_FEEDS feeds or more).
    strictness: grouping strictness for the new articles (None = the library's, as
    group_pending), like an import's.
    """
    store = FeedStore(library)
    if feed_ids is None:  # local feed files (dropped on the window) are never fetched
        feeds = [f for f in store.list() if f.url.lower().startswith(("http://", "https://"))]
    else:
        feeds = [store.get(f) for f in feed_ids]
    fetcher = fetcher or Fetcher()
    before = fetcher.requests
    outcomes: list[FeedOutcome] = []
    cancelled = False
    if parallel is None:
        parallel = (len(feeds) >= PARALLEL_MIN_FEEDS and (os.cpu_count() or 1) >= 2
                    and not mp.current_process().daemon)
    # spawn, not fork: the app has threads (Qt, SQLite) that a fork would copy half-way.
    helper = (cf.ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"))
              if parallel else None)
    pool = cf.ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="feed-fetch")
    try:
        futures = [pool.submit(_fetch_one, fetcher, feed,
                               known_fingerprints(library._conn, feed.rowid), fetch_pages, cancel,
                               helper)
                   for feed in feeds]
        # Stored in the order of the feed list, not of arrival: article ids (and so grouping)
        # do not depend on network timing.
        for done, future in enumerate(futures, start=1):
            if cancel is not None and cancel():  # a fetch cut short is not the feed's fault
                cancelled = True
                break
            outcomes.append(_store(library, store, future.result()))
            if progress is not None:
                progress(done, len(feeds), outcomes[-1].title)
            if cancel is not None and cancel():
                cancelled = done < len(feeds)
                break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if helper is not None:
            helper.shutdown(wait=True, cancel_futures=True)
    if strictness is None:
        stories = library.group_pending()
    else:
        stories = tuple(f"s{sid}" for sid in sorted(library._group_pending(strictness)))
    return RefreshReport(tuple(outcomes), stories, fetcher.requests - before, cancelled)


def _store(library, store: FeedStore, fetched: _Fetched) -> FeedOutcome:
    """Record the fetch on the feed and store its items (in the Library's thread)."""
    feed, result = fetched.feed, fetched.result
    if fetched.error:
        store.record_fetch(feed, error=fetched.error)
        return FeedOutcome(feed.id, feed.title, feed.url, error=fetched.error)
    if result.moved_to and result.moved_to != feed.url:
        store.change_url(feed.id, result.moved_to)  # moved for good: ask the new address next
    etag = result.headers.get("etag") or feed.etag
    modified = result.headers.get("last-modified") or feed.last_modified
    if fetched.parsed is None:  # 304 Not Modified
        store.record_fetch(feed, error=None, etag=etag, last_modified=modified)
        return FeedOutcome(feed.id, feed.title, feed.url, not_modified=True)
    parsed = fetched.parsed
    store.record_fetch(feed, error=None, title=parsed.title, site_url=parsed.link,
                       etag=result.headers.get("etag"),
                       last_modified=result.headers.get("last-modified"))
    feed = store.get(feed.id)  # the title as now shown (outlet of the new articles)
    stored = store_items(library, feed, fetched.items or [], fetched.built)
    return FeedOutcome(feed.id, feed.title, feed.url, added=len(stored.added),
                       edited=len(stored.edited), unchanged=stored.unchanged,
                       pages=fetched.pages, warning=parsed.warning)


def import_feed_file(library, path: str) -> tuple[FeedOutcome, tuple[str, ...]]:
    """Import a feed file's items offline (a dropped .rss/.atom/.xml/.json): no network.

    The file is subscribed under a file: address, so importing it again adds only new or
    edited items; it is never fetched by refresh (which skips non-web addresses).
    """
    import os
    from pathlib import Path

    from reader.core.feeds.subscriptions import now_iso

    data = Path(path).read_bytes()
    parsed = parse_feed(data, url=path)
    url = Path(os.path.abspath(path)).as_uri()
    feed = store_file_feed(library, url, parsed.title or os.path.basename(path))
    store = FeedStore(library)
    store.record_fetch(feed, error=None, title=parsed.title, site_url=parsed.link, when=now_iso())
    feed = store.get(feed.id)
    stored = store_items(library, feed, [(item, None) for item in parsed.items])
    stories = library.group_pending()
    return FeedOutcome(feed.id, feed.title, url, added=len(stored.added),
                       edited=len(stored.edited), unchanged=stored.unchanged,
                       warning=parsed.warning), stories


def store_file_feed(library, url: str, title: str) -> Feed:
    """The (offline) feed standing for a local feed file, created if new."""
    from reader.core.feeds.subscriptions import now_iso

    store = FeedStore(library)
    found = store.find(url)
    if found is not None:
        return found
    with library._write() as conn:
        rowid = conn.execute("INSERT INTO feeds(url, title, added_at) VALUES (?, ?, ?)",
                             (url, title, now_iso())).lastrowid
    return store.get(rowid)
