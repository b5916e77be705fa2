"""Feed parsing: every dialect to the same items; feed HTML reduced to inert text."""

from __future__ import annotations

import json

import pytest

from reader.core.feeds import FeedError, parse_feed
from reader.core.feeds.parse import SUMMARY_WORDS, html_to_text

RSS10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.invalid/"><title>RDF Times</title>
<link>http://example.invalid/</link><description>d</description></channel>
<item rdf:about="http://example.invalid/1"><title>First</title>
<link>http://example.invalid/1</link><dc:date>2025-03-04T05:06:07Z</dc:date>
<description>One sentence here.</description></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
<link>http://example.invalid/</link><description>d</description>
<item><title>Oldie</title><link>http://example.invalid/o</link>
<description>Text of the old item.</description></item></channel></rss>"""


def test_rss_1_0_and_0_91():
    rdf = parse_feed(RSS10)
    assert rdf.title == "RDF Times"
    (item,) = rdf.items
    assert (item.key, item.title, item.date) == ("http://example.invalid/1", "First",
                                                 "2025-03-04")
    assert item.summary_only  # a short description and no full content
    old = parse_feed(RSS091)
    assert old.title == "Old Wire" and old.items[0].text == "Text of the old item."
    assert old.items[0].key == "http://example.invalid/o"  # no guid: the link


def test_json_feed_content_text_and_dates():
    doc = {"version": "https://jsonfeed.org/version/1", "title": "J",
           "items": [{"id": 7, "url": "http://example.invalid/7",
                      "content_text": "Para one.\n\nPara <two>.",
                      "date_published": "2025-01-02T23:59:00-05:00"}]}
    (item,) = parse_feed(json.dumps(doc).encode()).items
    assert item.key == "7" and item.text == "Para one.\n\nPara <two>."
    assert item.date == "2025-01-02"
    with pytest.raises(FeedError):
        parse_feed(b'{"items": []}')
    with pytest.raises(FeedError):
        parse_feed(b"{not json")


def test_html_is_reduced_to_text_without_scripts_or_remote_content():
    html = ("<p>Hello <b>world</b>.</p><script>steal()</script><img src='http://x/p.gif'>"
            "<iframe src='http://x'>frame text</iframe><style>p{}</style><p>Second &amp; last."
            "</p>")
    assert html_to_text(html) == "Hello world.\n\nSecond & last."


def test_only_web_links_are_kept():
    body = (b"<rss version='2.0'><channel><title>T</title>"
            b"<item><guid>a</guid><title>a</title><link>javascript:alert(1)</link>"
            b"<description>x</description></item>"
            b"<item><guid>b</guid><title>b</title><link>file:///etc/passwd</link>"
            b"<description>y</description></item>"
            b"<item><guid>c</guid><title>c</title><link>https://example.invalid/c</link>"
            b"<description>z</description></item></channel></rss>")
    assert [i.link for i in parse_feed(body).items] == [None, None, "https://example.invalid/c"]


def test_long_description_is_not_taken_for_a_summary():
    words = " ".join(["word"] * (SUMMARY_WORDS + 10))
    body = (f"<rss version='2.0'><channel><title>T</title><item><guid>g</guid>"
            f"<title>t</title><description>{words}</description></item></channel></rss>")
    (item,) = parse_feed(body.encode()).items
    assert not item.summary_only


def test_same_item_same_fingerprint_changed_text_new_fingerprint():
    a = parse_feed(RSS091).items[0]
    b = parse_feed(RSS091.replace(b"old item", b"old item, corrected")).items[0]
    assert a.key == b.key and a.fingerprint != b.fingerprint
    assert parse_feed(RSS091).items[0].fingerprint == a.fingerprint
