"""The feed HTTP client against the local server: caps, redirects, retries, conditional GET."""

from __future__ import annotations

import threading

from reader.core.feeds import USER_AGENT, Fetcher


def test_plain_get_sends_an_honest_user_agent(server, fetcher):
    result = fetcher.fetch(server.url("/wire-a.xml"))
    assert result.ok and result.status == 200 and b"Alpha News" in result.body
    assert server.log[-1][1]["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("Parallax/")


def test_gzip_body_is_decompressed(server, fetcher):
    result = fetcher.fetch(server.url("/gzip.xml"))
    assert result.headers["content-encoding"] == "gzip"
    assert result.body.startswith(b"<?xml") and b"Zipped" in result.body
    assert "gzip" in server.log[-1][1]["accept-encoding"]


def test_second_request_with_etag_gets_304(server, fetcher):
    first = fetcher.fetch(server.url("/etag.xml"))
    assert first.status == 200 and first.headers["etag"] == '"v1"'
    second = fetcher.fetch(server.url("/etag.xml"), etag=first.headers["etag"],
                           last_modified=first.headers["last-modified"])
    assert second.status == 304 and second.ok and second.body == b""
    sent = server.log[-1][1]
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"]


def test_404_and_500_are_errors_and_500_is_retried(server, fetcher, sleeps):
    missing = fetcher.fetch(server.url("/nothing-here.xml"))
    assert missing.status == 404 and missing.error == "HTTP 404 Not Found"
    assert missing.attempts == 1
    broken = fetcher.fetch(server.url("/e500.xml"))
    assert broken.status == 500 and broken.error.startswith("HTTP 500")
    assert server.hits("/e500.xml") == 3 and broken.attempts == 3  # retries=2
    assert sleeps.delays == [1.0, 2.0]  # exponential backoff, slept through the injected sleep


def test_429_honours_retry_after_then_succeeds(server, fetcher, sleeps):
    result = fetcher.fetch(server.url("/busy.xml"))
    assert result.status == 200 and result.ok and result.attempts == 2
    assert sleeps.delays == [7.0]


def test_retry_after_longer_than_we_wait_is_reported_at_once(server, sleeps):
    fetcher = Fetcher(retries=3, max_retry_after=5, sleep=sleeps)
    result = fetcher.fetch(server.url("/busy.xml"))
    assert result.status == 429 and not result.ok and sleeps.delays == []


def test_redirect_is_followed_and_loop_is_stopped(server, fetcher):
    moved = fetcher.fetch(server.url("/moved.xml"))
    assert moved.ok and moved.url.endswith("/gzip.xml")
    loop = fetcher.fetch(server.url("/loop-a"))
    assert not loop.ok and loop.error == "redirect loop"
    assert server.hits("/loop-a") + server.hits("/loop-b") <= 5


def test_redirect_cap(server, fetcher):
    for i in range(10):
        server.routes[f"/hop{i}"] = type(server.routes["/loop-a"])(
            status=302, headers={"Location": f"/hop{i + 1}"})
    result = fetcher.fetch(server.url("/hop0"))
    assert result.error == "more than 4 redirects"
    assert server.hits("/hop5") == 0


def test_never_ending_response_times_out(server, fetcher):
    result = fetcher.fetch(server.url("/endless.xml"))
    assert not result.ok and "longer than 0.5 s" in result.error


def test_body_over_the_cap_is_refused(server, fetcher):
    streamed = fetcher.fetch(server.url("/huge.xml"))
    assert not streamed.ok and "limit" in streamed.error and streamed.body == b""
    declared = fetcher.fetch(server.url("/huge-declared.xml"))
    assert not declared.ok and "limit" in declared.error


def test_refused_connection_and_bad_scheme_are_one_line_errors(fetcher):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = fetcher.fetch(f"http://127.0.0.1:{port}/feed.xml")
    assert result.status == 0 and "refused" in result.error
    assert "not a web address" in fetcher.fetch("file:///etc/passwd").error


def test_at_most_per_host_requests_at_a_time(server):
    lock = threading.Condition()
    state = {"now": 0, "peak": 0}
    release = threading.Event()
    from tests.feedserver import Route

    def body():
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
            lock.notify_all()
        release.wait(2)  # held open until every request has been issued (or 2 s)
        with lock:
            state["now"] -= 1
        return b"<rss/>"

    server.routes["/slow.xml"] = Route(body)
    fetcher = Fetcher(per_host=2)
    threads = [threading.Thread(target=fetcher.fetch, args=(server.url("/slow.xml"),))
               for _ in range(6)]
    for t in threads:
        t.start()
    with lock:  # two requests are inside the handler at once before any is let go
        assert lock.wait_for(lambda: state["now"] >= 2, timeout=10)
    release.set()
    for t in threads:
        t.join()
    assert state["peak"] == 2 and server.hits("/slow.xml") == 6


def test_cancel_interrupts_a_download(server):
    calls = {"n": 0}

    def cancel():
        calls["n"] += 1
        return calls["n"] > 3  # after a few chunks of the never-ending body

    result = Fetcher(total_timeout=60).fetch(server.url("/endless.xml"), cancel=cancel)
    assert result.error == "cancelled" and calls["n"] == 4


def test_a_server_that_stops_sending_times_out(server, fetcher):
    result = fetcher.fetch(server.url("/stalled.xml"))
    assert not result.ok and result.error == "timed out after 0.5 s"
