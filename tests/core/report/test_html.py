"""The HTML report: escaping, word-level marks, accessibility, self-containment, layouts."""

from __future__ import annotations

import glob
import re
from html.parser import HTMLParser

from reader import __version__
from reader.core.report.html import render_html
from tests.conftest import SEEDS
from tests.core.report.sample import seed_story_doc, small_doc

EXTERNAL = ("http://", "https://", "src=", "@import", "url(", "<script", "<link")


class _Tags(HTMLParser):
    """Collects tag names and attributes to check structure without regexes over HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_article_text_is_escaped():
    html = render_html(small_doc(), generated_at="2025-01-01 00:00 UTC")
    assert "Daily &lt;Times&gt;" in html and "<Times>" not in html
    assert "Putin warns &lt;foreign&gt; troops" in html
    assert "the remark &amp; the timing | matter" in html
    assert "&quot;legitimate targets&quot;" in html


def test_word_differences_use_ins_and_del():
    html = render_html(small_doc(), ["s1"])
    # A column is the outlet's own text: "25" marked as a figure that differs, the
    # reference's "26" a separate bracketed note, never glued on ("2625").
    assert '<ins class="num" title="reference: 26">25</ins> <span class="gap">[reference: 26]' \
        in html
    assert '<ins class="chg">foreign</ins> troops' in html
    aligned = html.split("<h3>Aligned text</h3>", 1)[1]
    assert "<del>" not in aligned
    # Differences are marked by more than colour: the CSS underlines and strikes them.
    assert re.search(r"ins \{[^}]*text-decoration: underline", html)
    assert re.search(r"del \{[^}]*text-decoration: line-through", html)
    assert "— not in this version" in html and "+ only here" in html


def test_self_contained_accessible_light_dark_print():
    html = render_html(small_doc())
    for needle in EXTERNAL:
        assert needle not in html, needle
    tags = parse(html)
    names = [t for t, _ in tags.tags]
    assert ("html", {"lang": "en"}) in tags.tags
    assert names.count("h1") == 1 and "h2" in names and "h3" in names
    assert all(a.get("scope") in ("col", "row", "rowgroup") for t, a in tags.tags if t == "th")
    assert "@media (prefers-color-scheme: dark)" in html and "@media print" in html
    # Every internal link points at an element of the page.
    ids = {a["id"] for _, a in tags.tags if "id" in a}
    hrefs = [a["href"] for t, a in tags.tags if t == "a" and "href" in a]
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)


def test_url_is_shown_as_text_never_as_a_link():
    from dataclasses import replace

    doc = small_doc()
    art = replace(doc.articles[0], url="https://example.org/a?x=1&y=<2>")
    doc = replace(doc, articles=(art,) + doc.articles[1:])
    html = render_html(doc)
    assert "https://example.org/a?x=1&amp;y=&lt;2&gt;" in html
    tags = parse(html)
    for _, attrs in tags.tags:
        assert not any("example.org" in (v or "") for v in attrs.values())


def test_three_versions_side_by_side_more_passage_by_passage():
    three = render_html(small_doc(), ["s1"])
    assert '<table class="aligned">' in three and 'class="passage"' not in three
    paths = sorted(glob.glob(str(SEEDS / "*")))[:4]
    four = render_html(seed_story_doc(paths, 4))
    assert '<table class="aligned">' not in four
    assert four.count('<div class="passage">') == len(seed_story_doc(paths, 4).stories[0].passages)


def test_sections_present_for_a_multi_version_story():
    html = render_html(small_doc(), ["s1"], generated_at="GEN-TIME")
    for heading in ("Versions", "Overlap between versions", "Coverage map",
                    "What each version added and left out", "Quotes worded differently",
                    "Numbers that disagree", "Positions: what one leads with and another buries",
                    "Aligned text"):
        assert f"<h3>{heading}</h3>" in html, heading
    assert "GEN-TIME" in html and f"Parallax {__version__}" in html
    assert "Grouping strictness" in html
    # A quote wording is the outlet's own words; what it lacks is a separate bracket.
    assert 'legitimate targets <span class="gap">[‸ lacks: for us]</span>' in html


def test_qt_flavor_avoids_tags_qt_does_not_know():
    html = render_html(small_doc(), flavor="qt")
    assert "<ins>" not in html and "<del>" not in html and "@media" not in html
    assert "text-decoration:underline" in html and 'class="gap"' in html


def test_pdf_flavour_shows_file_names_browser_flavour_whole_paths():
    """Qt cannot wrap a long path in a table (it squeezes the titles), browsers can."""
    from dataclasses import replace

    doc = small_doc()
    long_source = "/very/long/folder/of/saved/articles/outlet-a/story.txt"
    doc = replace(doc, articles=(replace(doc.articles[0], source=long_source, url=None),)
                  + doc.articles[1:])
    assert long_source in render_html(doc)
    qt = render_html(doc, flavor="qt")
    # The file name only, with break chances after _ - . / (Qt wraps only at spaces).
    assert long_source not in qt and ">story.\u200btxt<" in qt
