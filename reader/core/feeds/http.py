"""The one network client: conditional GET, gzip, caps, per-host limits, polite retries."""

from __future__ import annotations

import email.utils
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from reader import __version__

USER_AGENT = f"Parallax/{__version__} (desktop news reader; feed refresh)"
ACCEPT_FEED = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one GET came back with: status 0 means no HTTP answer (see `error`)."""

    url: str  # after redirects
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    error: str | None = None
    attempts: int = 1
    moved_to: str | None = None  # set when every redirect on the way was permanent (301/308)

    @property
    def ok(self) -> bool:
        """A usable answer: 200 with a body, or 304 (unchanged)."""
        return self.error is None and self.status in (200, 304)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by Fetcher itself, so it can cap and report them."""

    def redirect_request(self, *args, **kwargs):  # noqa: D102 (urllib API)
        return None


class _FetchError(Exception):
    """A failure that is reported as one line, not retried."""


class Fetcher:
    """Thread-safe GETs for feeds and article pages; `sleep` and `clock` are injectable."""

    def __init__(self, *, timeout: float = 20.0, total_timeout: float = 60.0,
                 max_bytes: int = 10 * 1024 * 1024, max_redirects: int = 5,
                 per_host: int = 2, retries: int = 3, backoff: float = 2.0,
                 max_retry_after: float = 120.0, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.timeout, self.total_timeout = timeout, total_timeout
        self.max_bytes, self.max_redirects = max_bytes, max_redirects
        self.per_host, self.retries, self.backoff = per_host, retries, backoff
        self.max_retry_after, self.user_agent = max_retry_after, user_agent
        self._sleep, self._clock = sleep, clock
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self._opener = urllib.request.build_opener(_NoRedirect())
        self.requests = 0  # HTTP requests sent (for benchmarks)

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              accept: str = ACCEPT_FEED,
              cancel: Callable[[], bool] | None = None) -> FetchResult:
        """GET url (following up to max_redirects), retrying 429/5xx with backoff."""
        attempt = 0
        while True:
            attempt += 1
            result = self._follow(url, etag, last_modified, accept, cancel)
            result = FetchResult(result.url, result.status, result.body, result.headers,
                                 result.error, attempt, result.moved_to)
            if result.status not in RETRY_STATUSES or attempt > self.retries:
                return result
            if cancel is not None and cancel():
                return result
            delay = self._retry_delay(result.headers.get("retry-after"), attempt)
            if delay is None:  # the server asks for longer than we wait: report it now
                return result
            self._sleep(delay)

    def _retry_delay(self, retry_after: str | None, attempt: int) -> float | None:
        """Seconds to wait before the next attempt: the server's Retry-After, else backoff."""
        delay = self.backoff * (2 ** (attempt - 1))
        if retry_after:
            value = retry_after.strip()
            if value.isdigit():
                delay = float(value)
            else:
                when = email.utils.parsedate_to_datetime(value) if value else None
                if when is not None:
                    delay = max(0.0, when.timestamp() - time.time())
        return None if delay > self.max_retry_after else delay

    def _follow(self, url: str, etag, last_modified, accept, cancel) -> FetchResult:
        seen = [url]
        permanent = True
        for _ in range(self.max_redirects + 1):
            result = self._once(url, etag, last_modified, accept, cancel)
            location = result.headers.get("location")
            if result.status not in _REDIRECTS or not location:
                if len(seen) > 1 and permanent and result.error is None:
                    return FetchResult(result.url, result.status, result.body, result.headers,
                                       moved_to=url)
                return result
            permanent = permanent and result.status in (301, 308)
            url = urllib.parse.urljoin(url, location)
            if url in seen:
                return FetchResult(url, result.status, error="redirect loop")
            seen.append(url)
        return FetchResult(url, 0, error=f"more than {self.max_redirects} redirects")

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = urllib.parse.urlsplit(url).netloc.lower()
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.BoundedSemaphore(self.per_host)
            return slot

    def _once(self, url: str, etag, last_modified, accept, cancel=None) -> FetchResult:
        scheme = urllib.parse.urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            return FetchResult(url, 0, error=f"not a web address ({scheme or 'no'} scheme)")
        headers = {"User-Agent": self.user_agent, "Accept": accept,
                   "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        with self._host_slot(url):
            with self._lock:
                self.requests += 1
            try:
                response = self._opener.open(request, timeout=self.timeout)
            except urllib.error.HTTPError as exc:
                hdrs = {k.lower(): v for k, v in (exc.headers or {}).items()}
                exc.close()
                error = None if exc.code in (304, *_REDIRECTS) else _status_text(exc.code)
                return FetchResult(url, exc.code, b"", hdrs, error)
            except urllib.error.URLError as exc:
                return FetchResult(url, 0, error=_reason_text(exc.reason))
            except TimeoutError:
                return FetchResult(url, 0, error=f"timed out after {self.timeout:g} s")
            except (OSError, http.client.HTTPException, ValueError) as exc:
                return FetchResult(url, 0, error=_reason_text(exc))
            with response:
                hdrs = {k.lower(): v for k, v in response.headers.items()}
                try:
                    body = self._read(response, hdrs, cancel)
                except _FetchError as exc:
                    return FetchResult(url, response.status, b"", hdrs, str(exc))
                except TimeoutError:
                    return FetchResult(url, response.status, b"", hdrs,
                                       f"timed out after {self.timeout:g} s")
                except (OSError, http.client.HTTPException) as exc:
                    return FetchResult(url, response.status, b"", hdrs, _reason_text(exc))
        return FetchResult(url, response.status, body, hdrs)

    def _read(self, response, hdrs: Mapping[str, str], cancel=None) -> bytes:
        """The body, decompressed, within the size cap and the total time limit."""
        cap = self.max_bytes
        length = hdrs.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            raise _FetchError(f"larger than the {_size(cap)} limit")
        encoding = hdrs.get("content-encoding", "").lower().strip()
        inflater = None
        if encoding in ("gzip", "x-gzip"):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            inflater = zlib.decompressobj()
        deadline = self._clock() + self.total_timeout
        parts: list[bytes] = []
        size = 0
        while True:
            chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
            if not chunk:
                break
            if inflater is not None:
                try:
                    # max_length bounds what one chunk may inflate to (a gzip bomb).
                    chunk = inflater.decompress(chunk, cap + 1 - size)
                except zlib.error:
                    raise _FetchError("corrupt compressed body") from None
            parts.append(chunk)
            size += len(chunk)
            if size > cap:
                raise _FetchError(f"larger than the {_size(cap)} limit")
            if self._clock() > deadline:
                raise _FetchError(f"took longer than {self.total_timeout:g} s")
            if cancel is not None and cancel():
                raise _FetchError(CANCELLED)
        return b"".join(parts)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB" if n >= 1024 * 1024 else f"{n / 1024:g} KB"


def _status_text(code: int) -> str:
    reason = http.client.responses.get(code, "")
    return f"HTTP {code} {reason}".strip()


def _reason_text(reason) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split()) or type(reason).__name__
