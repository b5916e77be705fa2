"""Fixtures for feed tests: the local server with every fixture route, a library, a fetcher."""

from __future__ import annotations

import json

import pytest

from reader.core.feeds import Fetcher
from reader.core.library import Library
from tests.core.feeds import stories
from tests.feedserver import FeedServer, Route, atom, paragraphs, rss

DATE = "Tue, 02 Sep 2025 08:00:00 GMT"


def bridge_item(outlet: str, sentences: list[str]) -> dict:
    return {"guid": f"{outlet}-bridge", "title": "Harrow Valley rail bridge reopens",
            "link": f"http://example.invalid/{outlet}/bridge", "date": DATE,
            "html": paragraphs(*sentences)}


def orchestra_item() -> dict:
    return {"guid": "orchestra", "title": "Veldenbrück orchestra to tour South America",
            "link": "http://example.invalid/orchestra", "date": DATE,
            "html": paragraphs(*stories.ORCHESTRA)}


class Recorder:
    """An injected sleep: records the delays instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    """No feed test may reach any address but 127.0.0.1: other lookups fail loudly."""
    import socket

    real = socket.getaddrinfo

    def guarded(host, *args, **kwargs):
        if host not in ("127.0.0.1", b"127.0.0.1"):
            raise AssertionError(f"a test tried to reach {host!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture
def server():
    with FeedServer() as srv:
        harvest = {"text": stories.HARVEST_V1}
        srv.harvest = harvest  # tests swap the text between refreshes
        r = srv.routes
        r["/wire-a.xml"] = Route(rss("Alpha News", [bridge_item("alpha", stories.BRIDGE_A),
                                                     orchestra_item()]))
        r["/wire-b.atom"] = Route(atom("Beta Herald", [
            {**bridge_item("beta", stories.BRIDGE_B), "iso": "2025-09-02T09:00:00Z"}]),
            content_type="application/atom+xml")
        r["/wire-c.json"] = Route(json.dumps({
            "version": "https://jsonfeed.org/version/1.1", "title": "Gamma Daily",
            "items": [{"id": "gamma-bridge", "url": "http://example.invalid/gamma/bridge",
                       "title": "Rail bridge over the Harrow Valley reopens",
                       "date_published": "2025-09-02T10:00:00Z",
                       "content_html": paragraphs(*stories.BRIDGE_C)
                       + "<script>alert('x')</script><img src='http://tracker.invalid/p.gif'>"}],
        }).encode(), content_type="application/feed+json")
        r["/harvest.xml"] = Route(lambda: rss("Delta Farm Post", [{
            "guid": "harvest-1", "title": "Record wheat harvest expected",
            "link": "http://example.invalid/harvest", "date": DATE,
            "html": paragraphs(*harvest["text"])}]))
        r["/gzip.xml"] = Route(rss("Zipped", [orchestra_item()]), gzip=True)
        r["/etag.xml"] = Route(rss("Tagged", [orchestra_item()]), etag='"v1"')
        # Not well-formed: a bare "&", an unclosed <b>, no closing channel/rss tags.
        r["/malformed.xml"] = Route(rss("Broken", [orchestra_item()])[:-len("</channel></rss>")]
                                    + b"<item><title>Fish & chips <b>bold</title></item>")
        r["/garbage.xml"] = Route(b"<html><body>this is no feed at all", content_type="text/html")
        latin = rss("Zürich Zeitung", [{"guid": "z1", "title": "Grüße aus Zürich",
                                         "link": "http://example.invalid/z",
                                         "html": paragraphs(
                                             "Die Bürger von Zürich feierten am Samstag ein "
                                             "großes Fest auf dem Münsterhof.")}],
                    encoding="latin-1", declared="utf-8")
        r["/charset.xml"] = Route(latin, content_type="application/rss+xml")
        r["/e500.xml"] = Route(status=500)
        r["/busy.xml"] = Route(rss("Busy", [orchestra_item()]), statuses=[429],
                               headers={"Retry-After": "7"})
        r["/loop-a"] = Route(status=302, headers={"Location": "/loop-b"})
        r["/loop-b"] = Route(status=302, headers={"Location": "/loop-a"})
        r["/moved.xml"] = Route(status=301, headers={"Location": "/gzip.xml"})
        r["/endless.xml"] = Route(endless=True)
        r["/stalled.xml"] = Route(stall=True)
        r["/huge.xml"] = Route(b"<rss>" + b" " * 300_000 + b"</rss>", no_length=True)
        r["/huge-declared.xml"] = Route(b"<rss>" + b" " * 300_000 + b"</rss>")
        r["/summary.xml"] = Route(rss("Epsilon Wire", [
            {"guid": "s1", "title": "Orchestra tour", "link": srv.url("/page/orchestra.html"),
             "summary": "The city orchestra will tour South America."},
            {"guid": "s2", "title": "Gone page", "link": srv.url("/page/missing.html"),
             "summary": "A summary whose page has gone."}]))
        r["/page/orchestra.html"] = Route(
            ("<html><head><title>Orchestra tour</title></head><body><article>"
             "<h1>Veldenbrück orchestra to tour South America</h1>"
             + paragraphs(*stories.ORCHESTRA) + "</article></body></html>").encode(),
            content_type="text/html; charset=utf-8")
        r["/subs.opml"] = Route(
            ("<?xml version='1.0'?><opml version='2.0'><head><title>s</title></head><body>"
             f"<outline text='Wires'><outline type='rss' text='Alpha' "
             f"xmlUrl='{srv.url('/wire-a.xml')}'/>"
             f"<outline type='rss' text='Beta' xmlUrl='{srv.url('/wire-b.atom')}'/></outline>"
             f"<outline type='rss' text='Gamma' xmlUrl='{srv.url('/wire-c.json')}'/>"
             "<outline type='rss' text='Bad' xmlUrl='ftp://nope.invalid/x'/>"
             "</body></opml>").encode(), content_type="text/x-opml")
        yield srv


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as lib:
        yield lib


@pytest.fixture
def sleeps():
    return Recorder()


@pytest.fixture
def fetcher(sleeps):
    """Short limits so the timeout and size-cap cases finish fast; no real waiting."""
    return Fetcher(timeout=0.5, total_timeout=0.5, max_bytes=100_000, max_redirects=4,
                   retries=2, backoff=1.0, sleep=sleeps)
