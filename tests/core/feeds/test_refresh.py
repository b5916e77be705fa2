"""Refreshing feeds into the library: formats, errors, grouping across outlets, edits."""

from __future__ import annotations

from reader.core.feeds import FeedStore, Fetcher, refresh_feeds
from tests.core.feeds import stories


def _subscribe(library, server, *paths):
    store = FeedStore(library)
    return [store.add(server.url(p))[0] for p in paths]


def test_same_story_from_three_feeds_is_one_story(library, server, fetcher):
    feeds = _subscribe(library, server, "/wire-a.xml", "/wire-b.atom", "/wire-c.json")
    report = refresh_feeds(library, fetcher=fetcher)
    assert not report.failed and report.added == 4
    titles = {f.title for f in FeedStore(library).list()}
    assert titles == {"Alpha News", "Beta Herald", "Gamma Daily"}
    rows = library.stories()
    bridge = [r for r in rows if "bridge" in r.title.lower()]
    assert len(bridge) == 1, [(r.title, r.outlets) for r in rows]
    assert set(bridge[0].outlets) == {"Alpha News", "Beta Herald", "Gamma Daily"}
    orchestra = [r for r in rows if "orchestra" in r.title.lower()]
    assert len(orchestra) == 1 and orchestra[0].outlets == ("Alpha News",)
    art = library.articles([a for a in bridge[0].article_ids])
    alpha = next(a for a in art if a.outlet == "Alpha News")
    assert alpha.date == "2025-09-02" and alpha.url == "http://example.invalid/alpha/bridge"
    assert alpha.sentences[0].startswith("The Harrow Valley railway bridge reopened")
    gamma = next(a for a in art if a.outlet == "Gamma Daily")
    assert not any("alert" in s or "tracker" in s for s in gamma.sentences)  # sanitised
    assert {f.id for f in feeds} == {o.feed_id for o in report.outcomes}


def test_refreshing_again_adds_no_duplicates(library, server, fetcher):
    _subscribe(library, server, "/wire-a.xml", "/wire-b.atom")
    first = refresh_feeds(library, fetcher=fetcher)
    n = library.count_articles()
    second = refresh_feeds(library, fetcher=fetcher)
    assert first.added == 3 and second.added == 0 and second.edited == 0
    assert library.count_articles() == n
    assert sum(o.unchanged for o in second.outcomes) == 3


def test_changed_item_text_becomes_a_second_version(library, server, fetcher):
    (feed,) = _subscribe(library, server, "/harvest.xml")
    refresh_feeds(library, fetcher=fetcher)
    server.harvest["text"] = stories.HARVEST_V2
    report = refresh_feeds(library, fetcher=fetcher)
    assert report.edited == 1 and report.added == 0
    (row,) = library.stories()
    assert row.n_versions == 2
    first, second = library.articles(list(row.article_ids))
    assert first.outlet == "Delta Farm Post"
    assert second.outlet.startswith("Delta Farm Post (edit 1, 20")
    assert any("33 million tonnes" in s for s in second.sentences)
    assert not any("33 million" in s for s in first.sentences)
    # A third refresh with the same text adds nothing.
    assert refresh_feeds(library, fetcher=fetcher).edited == 0


def test_conditional_get_on_second_refresh(library, server, fetcher):
    _subscribe(library, server, "/etag.xml")
    refresh_feeds(library, fetcher=fetcher)
    report = refresh_feeds(library, fetcher=fetcher)
    (outcome,) = report.outcomes
    assert outcome.not_modified and outcome.error is None
    assert server.log[-1][1].get("if-none-match") == '"v1"'
    (feed,) = FeedStore(library).list()
    assert feed.last_success and feed.last_error is None and feed.etag == '"v1"'


def test_failing_feeds_record_their_error_and_do_not_stop_the_others(library, server, fetcher):
    _subscribe(library, server, "/missing.xml", "/e500.xml", "/busy.xml", "/loop-a",
               "/endless.xml", "/huge.xml", "/garbage.xml", "/gzip.xml")
    report = refresh_feeds(library, fetcher=fetcher)
    errors = {o.url.rsplit("/", 1)[1]: o.error for o in report.outcomes}
    assert errors["missing.xml"] == "HTTP 404 Not Found"
    assert errors["e500.xml"].startswith("HTTP 500")
    assert errors["busy.xml"] is None  # 429 then success after Retry-After
    assert errors["loop-a"] == "redirect loop"
    assert "longer than" in errors["endless.xml"]
    assert "limit" in errors["huge.xml"]
    assert errors["garbage.xml"].startswith("not a feed")
    assert errors["gzip.xml"] is None
    by_url = {f.url.rsplit("/", 1)[1]: f for f in FeedStore(library).list()}
    assert by_url["missing.xml"].last_error == "HTTP 404 Not Found"
    assert by_url["missing.xml"].last_success is None
    assert by_url["gzip.xml"].last_success and by_url["gzip.xml"].last_error is None


def test_malformed_xml_and_wrong_charset_are_still_read(library, server, fetcher):
    _subscribe(library, server, "/malformed.xml", "/charset.xml")
    report = refresh_feeds(library, fetcher=fetcher)
    assert not report.failed
    malformed = next(o for o in report.outcomes if o.url.endswith("/malformed.xml"))
    assert malformed.added == 2 and "not well-formed" in malformed.warning
    orchestra = next(a for a in library.articles() if a.outlet == "Broken"
                     and "Veldenbrück" in a.title)
    assert any("twelve concerts" in s for s in orchestra.sentences)
    zurich = next(a for a in library.articles() if a.outlet == "Zürich Zeitung")
    assert zurich.title == "Grüße aus Zürich"
    assert "Münsterhof" in zurich.sentences[0]


def test_summary_only_items_fetch_the_page_or_keep_the_summary(library, server, fetcher):
    _subscribe(library, server, "/summary.xml")
    report = refresh_feeds(library, fetcher=fetcher)
    assert report.added == 2 and report.outcomes[0].pages == 2
    arts = {a.title: a for a in library.articles()}
    full = arts["Orchestra tour"]
    assert any("twelve concerts" in s for s in full.sentences)  # from the page
    assert arts["Gone page"].sentences == ("A summary whose page has gone.",)
    # Unchanged items are not fetched again.
    refresh_feeds(library, fetcher=fetcher)
    assert server.hits("/page/orchestra.html") == 1


def test_only_web_feeds_are_fetched_and_only_their_urls(library, server, fetcher):
    _subscribe(library, server, "/wire-a.xml")
    refresh_feeds(library, fetcher=fetcher)
    assert {p for p, _ in server.log} == {"/wire-a.xml"}  # no images, no item links


def test_cancel_stops_before_the_remaining_feeds(library, server):
    _subscribe(library, server, "/wire-a.xml", "/wire-b.atom", "/wire-c.json", "/gzip.xml")
    report = refresh_feeds(library, fetcher=Fetcher(), workers=1, cancel=lambda: True)
    assert report.cancelled and len(report.outcomes) < 4


def test_story_list_filters_by_feed_folder_and_new_since_last_visit(library, server, fetcher):
    from reader.core.library.visits import last_visit, record_visit

    store = FeedStore(library)
    alpha, _ = store.add(server.url("/wire-a.xml"), folder="Wires")
    beta, _ = store.add(server.url("/wire-b.atom"), folder="Wires")
    harvest, _ = store.add(server.url("/harvest.xml"))
    refresh_feeds(library, [alpha.id, harvest.id], fetcher=fetcher)
    assert last_visit(library) is None
    visit = record_visit(library, "2000-01-01T00:00:00+00:00")
    assert last_visit(library) == visit
    all_titles = {r.title for r in library.stories()}
    assert len(all_titles) == 3
    only_harvest = library.stories(feed_ids=[harvest.id])
    assert [r.outlets for r in only_harvest] == [("Delta Farm Post",)]
    wires = [f.id for f in store.list(folder="Wires")]
    assert {r.title for r in library.stories(feed_ids=wires)} == all_titles - {
        only_harvest[0].title}
    # Everything was added after the recorded visit; nothing after a later one.
    assert len(library.stories(added_since=visit)) == 3
    assert library.stories(added_since="2999-01-01T00:00:00+00:00") == []
    # Pretend what is there came in a while ago, visit, then a new feed item arrives.
    with library._write() as conn:
        conn.execute("UPDATE articles SET added_at = '2001-01-01T00:00:00+00:00'")
    visit = record_visit(library, "2010-01-01T00:00:00+00:00")
    refresh_feeds(library, [beta.id], fetcher=fetcher)
    (new,) = library.stories(added_since=visit)
    assert "Beta Herald" in new.outlets and "Alpha News" in new.outlets


def test_a_refresh_cut_off_after_storing_articles_does_not_duplicate_them(
        library, server, fetcher, monkeypatch):
    """Articles committed but not yet linked to their feed are linked by the next refresh."""
    from reader.core.feeds import items as items_mod

    _subscribe(library, server, "/wire-a.xml")
    real = library._store_file

    calls = []

    def store_then_crash(*args, **kwargs):
        out = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == 2:  # both articles committed, then killed before the bookkeeping
            raise KeyboardInterrupt
        return out

    monkeypatch.setattr(library, "_store_file", store_then_crash)
    try:
        refresh_feeds(library, fetcher=fetcher)
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(library, "_store_file", real)
    assert library.count_articles() == 2
    report = refresh_feeds(library, fetcher=fetcher)
    assert library.count_articles() == 2 and report.added == 0
    (feed,) = FeedStore(library).list()
    assert feed.items == 2
    assert len(library.stories(feed_ids=[feed.id])) == 2
    assert items_mod.known_fingerprints(library._conn, feed.rowid)


def test_parsing_in_a_helper_process_stores_the_same_articles(tmp_path, server, fetcher):
    from reader.core.library import Library

    results = []
    for parallel in (False, True):
        with Library.open(tmp_path / f"lib-{parallel}.sqlite") as lib:
            _subscribe(lib, server, "/wire-a.xml", "/wire-b.atom", "/wire-c.json",
                       "/harvest.xml")
            report = refresh_feeds(lib, fetcher=fetcher, parallel=parallel)
            assert report.added == 5 and not report.failed
            results.append(sorted((a.outlet, a.title, a.date, a.url, a.sentences)
                                  for a in lib.articles()))
            results.append(sorted((r.title, r.outlets) for r in lib.stories()))
    assert results[0] == results[2] and results[1] == results[3]
    assert any("Alpha News" in outlets and len(outlets) == 3 for _t, outlets in results[1])


def test_text_changed_back_is_a_third_version_and_markup_only_changes_are_none(
        library, server, fetcher):
    from tests.feedserver import Route, rss

    def feed(sentences, markup="p"):
        html = "".join(f"<{markup}>{t}</{markup}>" for t in sentences)
        return rss("Delta Farm Post", [{"guid": "h", "title": "Harvest", "link":
                                        "http://example.invalid/h", "html": html}])

    body = {"doc": feed(stories.HARVEST_V1)}
    server.routes["/h.xml"] = Route(lambda: body["doc"])
    _subscribe(library, server, "/h.xml")
    counts = []
    # Second document: the same sentences in one paragraph (the feed text changed, the
    # article's sentences did not).
    for doc in (feed(stories.HARVEST_V1), feed([" ".join(stories.HARVEST_V1)], markup="div"),
                feed(stories.HARVEST_V2), feed(stories.HARVEST_V1)):
        body["doc"] = doc
        refresh_feeds(library, fetcher=fetcher)
        counts.append(library.count_articles())
    assert counts == [1, 1, 2, 3]  # layout-only change: nothing; back to v1: a third version
    (item_fp,) = [fp for (fp,) in library._conn.execute("SELECT fingerprint FROM feed_items")]
    assert item_fp  # the stored fingerprint follows the feed's latest text
    (row,) = library.stories()
    outlets = [a.outlet for a in library.articles(list(row.article_ids))]
    assert outlets[0] == "Delta Farm Post"
    assert outlets[1].startswith("Delta Farm Post (edit 1, ")
    assert outlets[2].startswith("Delta Farm Post (edit 2, ")


def test_permanent_redirect_updates_the_feed_address_temporary_does_not(library, server, fetcher):
    from tests.feedserver import Route

    server.routes["/temp.xml"] = Route(status=302, headers={"Location": "/etag.xml"})
    moved, temp = _subscribe(library, server, "/moved.xml", "/temp.xml")
    report = refresh_feeds(library, fetcher=fetcher)
    assert not report.failed
    store = FeedStore(library)
    assert store.get(moved.id).url == server.url("/gzip.xml")  # 301
    assert store.get(temp.id).url == server.url("/temp.xml")  # 302


def test_refresh_groups_with_the_strictness_given(library, server, fetcher):
    _subscribe(library, server, "/wire-a.xml", "/wire-b.atom", "/wire-c.json")
    refresh_feeds(library, fetcher=fetcher, strictness=0.9)
    assert library._keeper._index.strictness == 0.9  # the new library's index is built at 0.9


def test_two_items_of_one_feed_about_one_event_can_share_a_story(library, server, fetcher):
    """Each item is its own source (like a file): one outlet's two reports may group."""
    from tests.core.feeds.conftest import bridge_item
    from tests.feedserver import Route, rss

    server.routes["/two.xml"] = Route(rss("Alpha News", [
        bridge_item("first", stories.BRIDGE_A), bridge_item("second", stories.BRIDGE_B),
        {**bridge_item("third", stories.ORCHESTRA), "title": "Orchestra to tour"}]))
    _subscribe(library, server, "/two.xml")
    refresh_feeds(library, fetcher=fetcher)
    sizes = sorted(r.n_versions for r in library.stories())
    assert sizes == [1, 2]
    sources = {a.source for a in library.articles()}
    assert len(sources) == 3 and all(s.startswith(server.url("/two.xml") + "#") for s in sources)
