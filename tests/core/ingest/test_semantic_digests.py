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


# A news-in-brief page where one item opens oddly ("And the host is: ..."), as real digests do.
ODD_BRIEFS = """Italy floods force thousands from homes

Heavy rain has forced more than 4,000 people from their homes in northern Italy, officials \
said Sunday. Rivers burst their banks in three provinces.

Hyundai unveils cheaper electric car

South Korean carmaker Hyundai unveiled a cheaper electric car on Monday, hoping to win buyers \
in Europe. The company said it would cost under 25,000 euros.

Oscars pick a host

And the host is: comedian Ellen DeGeneres will present next year's Academy Awards, the \
academy said. She hosted the show once before.

Lula to visit China

Brazilian President Luiz Inacio Lula da Silva will visit China next month to sign trade deals, \
his office said Tuesday.
"""

# One article under crossheads, one section opening oddly: its sections tell one story.
CROSSHEADS = """Flood waters rise across the north

The river rose two metres overnight in the north of Italy, forcing thousands of people from \
their homes, officials said on Sunday.

Evacuations

The army was called in on Sunday night to help move residents from the lowest streets of \
the flooded town.

Rescue

And in three villages along the river, rescuers in boats reached families stranded on \
rooftops by the flood.

Damage

Repairing the roads and bridges the flood destroyed will take months, the regional governor \
said on Monday.
"""


def test_brief_page_with_an_oddly_opening_item_is_split(tmp_path):
    path = tmp_path / "briefs.txt"
    path.write_text(ODD_BRIEFS, encoding="utf-8")
    arts = ingest_paths([str(path)]).articles
    assert [a.title for a in arts] == ["Italy floods force thousands from homes",
                                       "Hyundai unveils cheaper electric car",
                                       "Oscars pick a host", "Lula to visit China"]
    assert arts[2].sentences[0].startswith("And the host is")


def test_article_under_crossheads_with_an_odd_section_stays_whole(tmp_path):
    path = tmp_path / "flood.txt"
    path.write_text(CROSSHEADS, encoding="utf-8")
    (art,) = ingest_paths([str(path)]).articles
    assert art.title == "Flood waters rise across the north"
    assert len(art.sentences) == 4


def test_unrelated_stories_by_meaning():
    from reader.core.ingest.digests import unrelated_stories

    def items(page: str) -> list[str]:
        blocks = [b.replace("\n", " ") for b in page.strip().split("\n\n")]
        return [f"{head}. {body}" for head, body in zip(blocks[::2], blocks[1::2])]

    briefs, flood = items(ODD_BRIEFS), items(CROSSHEADS)
    assert unrelated_stories(briefs)
    assert not unrelated_stories(flood)
    assert not unrelated_stories(briefs[:1])


def test_three_item_digest_with_dated_and_quoted_ledes_is_split(tmp_path):
    # Items that open on a date, or on a quoted title, are ledes once the date is cut.
    digest = (
        "Microsoft has just released an emergency security update for Internet Explorer to "
        "patch a flaw affecting all versions of the company's browser.\n\n"
        "July 28, 2004 Fred LaRue, a high-ranking Nixon administration official who served a "
        "prison term for his role in Watergate, has died.\n\n"
        "May 2, 2013 | 5: 03pm \u201cThe \u201cMean Girls\u201d star fooled a Superior Court "
        "judge and her own lawyer by pretending to check into a rehabilitation facility.\n")
    path = tmp_path / "digest.txt"
    path.write_text(digest, encoding="utf-8")
    result = ingest_paths([str(path)])
    assert [a.sentences[0][:12] for a in result.articles] == [
        "Microsoft ha", "Fred LaRue, ", "\u201cThe \u201cMean G"]
