"""The HTML report in a real browser: headless Chromium renders it fully and fetches nothing.

Chromium is pointed at a recording proxy on localhost (with loopback not bypassed), so any
request the page would make, to any host, reaches the recorder; a control page with an external
image proves the recorder sees requests.
"""

from __future__ import annotations

import http.server
import shutil
import subprocess
import threading

import pytest

from reader.core.report.html import render_html
from tests.core.report.sample import small_doc

# Chromium's own service calls (component updater, clock, accounts), which it makes even with
# the flags below and whatever the page is; the report has no URL at all (test_html checks).
BROWSER_SERVICES = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com")

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync")


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def _record(self):
        _Recorder.seen.append(f"{self.command} {self.path}")
        self.send_error(502)

    do_GET = do_POST = do_HEAD = do_CONNECT = _record

    def log_message(self, *args):  # keep test output clean
        pass


def _host(request_line: str) -> str:
    target = request_line.split(" ", 1)[1]
    target = target.split("://", 1)[-1]
    return target.split("/", 1)[0].split(":", 1)[0].lower()


def _page_requests(seen: list[str]) -> list[str]:
    """Requests other than Chromium's own background service calls."""
    return [s for s in seen
            if not any(_host(s) == d or _host(s).endswith("." + d) for d in BROWSER_SERVICES)]


@pytest.fixture
def proxy():
    _Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], _Recorder.seen
    server.shutdown()
    server.server_close()


def _chromium(tmp_path, port: int, url: str, *extra: str) -> subprocess.CompletedProcess:
    exe = shutil.which("chromium") or "/usr/bin/chromium"
    if not shutil.which(exe):
        pytest.fail("chromium is missing: install Debian's chromium package (make sysdeps)")
    profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
    profile.mkdir()
    return subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                           f"--proxy-server=http://127.0.0.1:{port}",
                           "--proxy-bypass-list=<-loopback>", *extra, url],
                          capture_output=True, text=True, timeout=90)


def test_report_renders_offline_with_screenshot(tmp_path, proxy):
    port, seen = proxy
    page = tmp_path / "report.html"
    page.write_text(render_html(small_doc(), generated_at="T"), encoding="utf-8")
    dom = _chromium(tmp_path, port, page.as_uri(), "--dump-dom").stdout
    # The whole page is there: the last story and the closing footer.
    assert "Rain is expected tomorrow." in dom and "Inputs that were not read" in dom
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, port, page.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20000
    assert _page_requests(seen) == [], f"the report made network requests: {seen}"


def test_recorder_catches_an_external_resource(tmp_path, proxy):
    port, seen = proxy
    page = tmp_path / "control.html"
    page.write_text('<html><body><img src="http://parallax.invalid/x.png"></body></html>',
                    encoding="utf-8")
    _chromium(tmp_path, port, page.as_uri(), "--dump-dom")
    assert any("parallax.invalid" in s for s in _page_requests(seen)), seen
