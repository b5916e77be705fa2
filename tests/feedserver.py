"""A local HTTP server on 127.0.0.1 (random port) serving fixture feeds and pages for tests."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """A canned answer; `body` may be a callable returning bytes (so tests can change it)."""

    body: bytes | Callable[[], bytes] = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    etag: str | None = None  # answer 304 when the client sends it back
    statuses: list[int] = field(default_factory=list)  # consumed first, one per request
    endless: bool = False  # headers, then a trickle of bytes that never ends
    stall: bool = False  # headers, then silence until the server stops
    no_length: bool = False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802 (http.server API)
        server: FeedServer = self.server.owner  # type: ignore[attr-defined]
        path = self.path.split("?")[0]
        server.log.append((path, {k.lower(): v for k, v in self.headers.items()}))
        route = server.routes.get(path)
        if route is None:
            return self._send(404, {"Content-Type": "text/plain"}, b"not found")
        status = route.statuses.pop(0) if route.statuses else route.status
        headers = {"Content-Type": route.content_type, **route.headers}
        if status != 200:
            return self._send(status, headers, b"")
        if route.etag:
            headers["ETag"] = route.etag
            headers["Last-Modified"] = formatdate(0, usegmt=True)
            if self.headers.get("If-None-Match") == route.etag:
                return self._send(304, {"ETag": route.etag}, b"")
        if route.endless:
            return self._endless(headers, server.stop)
        if route.stall:
            self.send_response(200)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            server.stop.wait()  # says nothing more until the test's server shuts down
            self.close_connection = True
            return
        body = route.body() if callable(route.body) else route.body
        if route.gzip:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        if route.no_length:
            self.send_response(200)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:
                pass
            self.close_connection = True
            return
        self._send(200, headers, body)

    def _send(self, status, headers, body):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def _endless(self, headers, stop: threading.Event):
        self.send_response(200)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            self.wfile.write(b"<?xml version='1.0'?><rss><channel>")
            self.wfile.flush()
            # Simulates a server that never finishes: a byte now and then until told to stop.
            while not stop.wait(0.02):
                self.wfile.write(b" ")
                self.wfile.flush()
        except OSError:
            pass


class FeedServer:
    """Start with `with FeedServer() as srv:`; `srv.url(path)`, `srv.routes`, `srv.log`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.owner = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def rss(title: str, items: list[dict], *, encoding: str = "utf-8", declared: str | None = None
        ) -> bytes:
    """An RSS 2.0 document; items are dicts of guid, title, link, date, html (escaped here)."""
    parts = [f'<?xml version="1.0" encoding="{declared or encoding}"?>',
             '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
             f"<channel><title>{escape(title)}</title><link>http://example.invalid/</link>"]
    for it in items:
        parts.append("<item>")
        for tag in ("title", "link", "guid"):
            if it.get(tag):
                parts.append(f"<{tag}>{escape(it[tag])}</{tag}>")
        if it.get("date"):
            parts.append(f"<pubDate>{it['date']}</pubDate>")
        if it.get("html"):
            parts.append(f"<content:encoded>{escape(it['html'])}</content:encoded>")
        if it.get("summary"):
            parts.append(f"<description>{escape(it['summary'])}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode(encoding)


def atom(title: str, items: list[dict]) -> bytes:
    """An Atom 1.0 document."""
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{escape(title)}</title><id>urn:test:{escape(title)}</id>"
             "<updated>2025-09-05T10:00:00Z</updated>"]
    for it in items:
        parts.append(f"<entry><id>{escape(it['guid'])}</id><title>{escape(it['title'])}</title>"
                     f"<link href=\"{escape(it['link'])}\"/>"
                     f"<updated>{it.get('iso', '2025-09-05T10:00:00Z')}</updated>"
                     f"<content type=\"html\">{escape(it['html'])}</content></entry>")
    parts.append("</feed>")
    return "\n".join(parts).encode("utf-8")


def paragraphs(*texts: str) -> str:
    """Paragraphs as feed HTML."""
    return "".join(f"<p>{escape(t)}</p>" for t in texts)
