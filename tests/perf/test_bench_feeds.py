"""Benchmark: refresh 200 feeds x 20 items from a local server into a fresh library.

Run with `make bench`. The server runs in this process (a thread per connection, on
127.0.0.1, random port); the refresh runs in a child process so its time and peak RSS are
its own. Prints: time, requests/s, peak RSS, time spent grouping what arrived, and a second
(conditional, all 304) refresh.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from tests.feedserver import FeedServer, Route, paragraphs, rss
from tests.perf.test_bench_import import OUTLETS, CorpusWriter

N_FEEDS = 200
ITEMS_PER_FEED = 20


def _body(text: str) -> tuple[str, list[str]]:
    """Title and paragraphs of a generated article file (front matter / byline dropped)."""
    if text.startswith("---"):
        head, _, rest = text[3:].partition("\n---\n")
        title = next(line.split(":", 1)[1].strip().strip('"') for line in head.splitlines()
                     if line.startswith("title:"))
        return title, [p for p in rest.split("\n\n") if p.strip()]
    parts = [p for p in text.split("\n\n") if p.strip()]
    return parts[0].strip(), parts[2:]


def _feeds() -> dict[str, bytes]:
    """200 RSS documents of 20 items; a story's versions land in different feeds."""
    writer = CorpusWriter(seed=11)
    items: list[dict] = []
    n = 0
    while len(items) < N_FEEDS * ITEMS_PER_FEED:
        for v, (_name, text) in enumerate(writer.story(n)):
            title, paras = _body(text)
            items.append({"guid": f"story{n}-v{v}", "title": title,
                          "link": f"http://example.invalid/{n}/{v}",
                          "date": "Tue, 02 Sep 2025 08:00:00 GMT", "html": paragraphs(*paras)})
        n += 1
    items = items[:N_FEEDS * ITEMS_PER_FEED]
    feeds: dict[str, list[dict]] = {f"/feed{k:03d}.xml": [] for k in range(N_FEEDS)}
    paths = list(feeds)
    for i, item in enumerate(items):  # round robin: versions of a story in different feeds
        feeds[paths[i % N_FEEDS]].append(item)
    return {p: rss(f"{OUTLETS[k % len(OUTLETS)]} {k}", its)
            for k, (p, its) in enumerate(feeds.items())}


CHILD = """
import json, resource, sys, time
from reader.core.feeds import FeedStore, Fetcher, refresh_feeds
from reader.core.library.library import Library

grouping = [0.0]
original = Library.group_pending
def timed(self, *a, **k):
    t = time.perf_counter()
    try:
        return original(self, *a, **k)
    finally:
        grouping[0] += time.perf_counter() - t
Library.group_pending = timed

urls = json.loads(sys.argv[2])
with Library.open(sys.argv[1]) as lib:
    store = FeedStore(lib)
    for url in urls:
        store.add(url)
    out = {}
    for run in ("first", "second"):
        grouping[0] = 0.0
        fetcher = Fetcher()
        t0 = time.perf_counter()
        report = refresh_feeds(lib, fetcher=fetcher)
        out[run] = {"seconds": time.perf_counter() - t0, "requests": report.requests,
                    "added": report.added, "failed": len(report.failed),
                    "not_modified": sum(o.not_modified for o in report.outcomes),
                    "grouping_seconds": grouping[0]}
    out["stories"] = lib.count_stories()
    out["articles"] = lib.count_articles()
    out["multi"] = sum(1 for r in lib.stories() if r.n_versions > 1)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def test_bench_refresh_200_feeds(tmp_path):
    t = time.perf_counter()
    docs = _feeds()
    size = sum(len(d) for d in docs.values())
    print(f"\ngenerated {len(docs)} feeds x {ITEMS_PER_FEED} items ({size / 2**20:.1f} MB) "
          f"in {time.perf_counter() - t:.1f} s")
    with FeedServer() as server:
        for path, body in docs.items():
            server.routes[path] = Route(body, etag=f'"{path}"')
        urls = [server.url(p) for p in docs]
        proc = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "bench.sqlite"),
                               json.dumps(urls)], capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    first, second = result["first"], result["second"]
    print(f"first refresh: {first['requests']} requests, {first['added']} articles in "
          f"{first['seconds']:.1f} s = {first['requests'] / first['seconds']:.0f} requests/s, "
          f"{first['added'] / first['seconds']:.0f} articles/s; grouping "
          f"{first['grouping_seconds']:.1f} s of it -> {result['stories']} stories "
          f"({result['multi']} with several versions)")
    print(f"second refresh (conditional GET): {second['not_modified']} not modified, "
          f"{second['added']} added, {second['seconds']:.2f} s = "
          f"{second['requests'] / second['seconds']:.0f} requests/s")
    print(f"peak RSS of the refreshing process: {result['peak_rss_mb']:.0f} MB")
    assert first["failed"] == 0 and first["added"] == N_FEEDS * ITEMS_PER_FEED
    assert second["not_modified"] == N_FEEDS and second["added"] == 0
