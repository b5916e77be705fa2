"""Digests of one-sentence ledes split by meaning; one-sentence-per-paragraph articles stay whole."""

from __future__ import annotations

from reader.core.ingest import ingest_paths

DIGEST = """Voters in Turkmenistan cast ballots Sunday in a parliamentary election hailed by the \
government as an exercise in democracy but dismissed by critics as a sham.

Australian actor Hugh Jackman was named on Friday as host of February's Oscars in a departure \
from the tradition of picking comedians.

A powerful earthquake centered near The Geysers shook communities on Cobb and startled \
residents in other parts of the county.

The Indian navy captured 23 pirates who threatened a merchant vessel in the Gulf of Aden on \
Saturday, the government said.
"""

ARTICLE = """Quake shakes Northern California wine country

A magnitude 4.6 earthquake centered near The Geysers shook communities on Cobb early Monday.

The quake struck at 6:12 a.m. about two miles from The Geysers geothermal field, the U.S. \
Geological Survey said.

Residents of Cobb and Middletown reported items falling from shelves but no serious damage.

The Geysers area records frequent small earthquakes linked to geothermal energy production.
"""


def test_digest_of_single_sentence_ledes_is_split(tmp_path):
    path = tmp_path / "digest.txt"
    path.write_text(DIGEST, encoding="utf-8")
    result = ingest_paths([str(path)])
    assert len(result.articles) == 4
    assert [a.sentences[0][:12] for a in result.articles] == [
        "Voters in Tu", "Australian a", "A powerful e", "The Indian n"]


def test_article_one_sentence_per_paragraph_stays_whole(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = ingest_paths([str(path)])
    assert len(result.articles) == 1
    assert len(result.articles[0].sentences) == 4


def test_digest_under_a_page_title_is_split(tmp_path):
    path = tmp_path / "briefing.md"
    path.write_text('---\ntitle: "Morning briefing"\noutlet: Wire\n---\n\n' + DIGEST,
                    encoding="utf-8")
    result = ingest_paths([str(path)])
    assert len(result.articles) == 4
    assert {a.outlet for a in result.articles} == {"Wire"}


def test_article_under_a_page_title_stays_whole(tmp_path):
    title, body = ARTICLE.split("\n\n", 1)
    path = tmp_path / "quake.md"
    path.write_text(f'---\ntitle: "{title}"\noutlet: Local\n---\n\n{body}', encoding="utf-8")
    result = ingest_paths([str(path)])
    assert len(result.articles) == 1
    assert result.articles[0].title == title
