"""Segmentation rules: multi-article pages, wire digests, and articles that must stay whole."""

from __future__ import annotations

from reader.core.ingest import articles_from_text

ARTICLE_A = """Flooding forces thousands from homes in northern Italy

Updated 12 May 2024
Share

Flooding forces thousands from homes in northern Italy

MILAN: Heavy rain has forced more than 4,000 people from their homes in northern Italy, officials said on Sunday.
Rivers burst their banks in three provinces overnight.
Regional governor Marco Bianchi said the army had been called in to help.
Bianchi said the damage would run into hundreds of millions of euros.
"""

ARTICLE_B = """Tech giant unveils cheaper electric car

Updated 3 min ago
Follow

Tech giant unveils cheaper electric car

SEOUL: A South Korean technology group unveiled a cheaper electric car on Monday, hoping to win buyers in Europe.
The company said the car would cost under 25,000 euros.
Analysts said the price could unsettle rivals.
"""

DIGEST = """Heavy rain has forced more than 4,000 people from their homes in northern Italy, officials said Sunday. Rivers burst their banks in three provinces overnight. Regional governor Marco Bianchi said the army had been called in to help.

South Korean carmaker Hyundai unveiled a cheaper electric car on Monday, hoping to win buyers in Europe. The company said the car would cost under 25,000 euros. Analysts said the price could unsettle rivals in the segment.

Brazilian President Luiz Inacio Lula da Silva will visit China next month to sign trade deals, his office said Tuesday. The trip follows a year of record soybean exports. Officials expect agreements on rail and energy.

The World Health Organization has declared the end of a cholera outbreak in southern Malawi after no new cases for six weeks. The outbreak killed more than 200 people. Health workers vaccinated nearly a million residents.
"""

DRIFTING = """Rain and politics dominate a tense week in Rome

Heavy rain has forced more than 4,000 people from their homes in northern Italy, officials said on Sunday. Rivers burst their banks in three provinces overnight.

The government has promised emergency funds. Prime Minister Giorgia Meloni said 200 million euros would be released this week.

Meloni also faces a row over judicial reform. Opposition leaders accused her of weakening the courts.

She rejected the criticism in a television interview. "We are doing what voters asked," she said.

Meanwhile, the rain is expected to ease by Wednesday. Forecasters warned of landslides in the Alps.

Economists said the floods could shave a tenth of a point off growth. The central bank has not commented.
"""


def test_two_articles_each_with_a_headline_block() -> None:
    arts = articles_from_text(ARTICLE_A + "\n\n" + ARTICLE_B, "page.txt")
    assert [a.title for a in arts] == ["Flooding forces thousands from homes in northern Italy",
                                       "Tech giant unveils cheaper electric car"]
    assert arts[0].sentences[0].startswith("Heavy rain")
    assert arts[0].sentences[-1].startswith("Bianchi said")
    assert arts[1].sentences[0].startswith("A South Korean technology group")
    assert [a.part for a in arts] == [0, 1]
    assert arts[0].date == "2024-05-12"


def test_summary_points_above_the_stamp_do_not_split_the_page() -> None:
    # Daily Mail style: headline, summary points (long unpunctuated lines), then a headline-
    # like last point right above the stamp. One article, not two.
    page = ("Chaos in Brooklyn as teenagers riot after vigil\n\n"
            "Chaos in Brooklyn as 100 teenagers riot on the streets following a vigil for a "
            "16-year-old who was shot dead by plainclothes police officers\n\n"
            "Two plainclothes officers shot and killed a 16-year-old Brooklyn resident after "
            "police say he pointed a gun at officers on Saturday\n\n"
            "Peaceful protest turned chaotic tonight\n\n"
            "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013\n\n"
            "An orderly protest over the death of a teenager turned into a riot in Brooklyn "
            "tonight.\n\nBetween 60 and 100 rioters threw bottles at police, witnesses said.\n\n"
            "One person has been arrested, though no injuries have been reported.\n")
    (article,) = articles_from_text(page, "page.txt")
    assert article.title == "Chaos in Brooklyn as teenagers riot after vigil"
    assert article.sentences[-1].startswith("One person has been arrested")


def test_headline_repeated_without_stamps_starts_an_article() -> None:
    page = ("Flood waters rise\n\nFlood waters rise\n\nThe river rose two metres overnight. "
            "Villages were evacuated.\nThe mayor said help was coming.\n\n"
            "Carmaker cuts prices\n\nCarmaker cuts prices\n\nThe company cut prices by a fifth. "
            "Dealers welcomed it.\nRivals are expected to follow.")
    arts = articles_from_text(page, "page.txt")
    assert [a.title for a in arts] == ["Flood waters rise", "Carmaker cuts prices"]
    assert len(arts[1].sentences) == 3


def test_wire_digest_with_blank_lines_splits_every_lede() -> None:
    arts = articles_from_text(DIGEST, "digest.txt")
    assert len(arts) == 4
    assert [a.sentences[0].split()[0] for a in arts] == ["Heavy", "South", "Brazilian", "The"]
    assert all(len(a.sentences) == 3 for a in arts)
    # Short titles come from each item's first sentence.
    assert arts[0].title == "Heavy rain has forced more than 4,000 people from their homes in\u2026"
    assert arts[2].title == ("Brazilian President Luiz Inacio Lula da Silva will visit China next"
                             " month\u2026")


def test_wire_digest_one_item_per_line() -> None:
    arts = articles_from_text(DIGEST.replace("\n\n", "\n"), "digest.txt")
    assert len(arts) == 4


def test_digest_item_with_a_continuation_paragraph_keeps_it() -> None:
    text = DIGEST.replace(
        "Health workers vaccinated nearly a million residents.",
        "Health workers vaccinated nearly a million residents.\n\nIt said the risk of a new "
        "outbreak remained high during the rainy season, when wells are often contaminated.")
    arts = articles_from_text(text, "digest.txt")
    assert len(arts) == 4
    assert arts[-1].sentences[-1].startswith("It said the risk")
    assert arts[-1].paragraphs[-1] == 1


def test_ordinary_article_drifting_between_topics_stays_whole() -> None:
    arts = articles_from_text(DRIFTING, "rome.txt")
    assert len(arts) == 1
    assert arts[0].title == "Rain and politics dominate a tense week in Rome"
    assert len(arts[0].sentences) == 12


def test_ordinary_article_without_headline_stays_whole() -> None:
    body = DRIFTING.split("\n", 2)[2]
    assert len(articles_from_text(body, "rome.txt")) == 1


def test_crossheads_do_not_split_an_article() -> None:
    text = DRIFTING.replace("Meloni also faces", "Court reform row\n\nMeloni also faces")
    (art,) = articles_from_text(text, "rome.txt")
    assert "Court reform row" not in " ".join(art.sentences)


def test_sentence_headline_first_line() -> None:
    text = ("Western forces in Ukraine could be legitimate targets, according to a warning.\n"
            "Tensions escalated as world powers announced plans for guarantees. The Kremlin "
            "warned that any troops would be targets.\nThe coalition met in Paris.")
    (art,) = articles_from_text(text, "warn.txt")
    assert art.title == text.split("\n")[0]
    assert art.sentences[0].startswith("Tensions escalated")


def test_short_lede_is_not_mistaken_for_a_headline() -> None:
    text = ("The central bank raised rates on Tuesday.\nOfficials said inflation was stubborn. "
            "Markets fell.\nThe currency rose.")
    (art,) = articles_from_text(text, "bank.txt")
    assert art.sentences[0] == "The central bank raised rates on Tuesday."


def test_markdown_top_level_headings_separate_articles(tmp_path) -> None:
    from reader.core.ingest import ingest_paths

    md = tmp_path / "two.md"
    md.write_text("# Flood waters rise\n\nThe river rose two metres overnight. Villages were "
                  "evacuated.\n\nThe mayor said help was coming.\n\n## Aid\n\nAid arrived on "
                  "Monday.\n\n# Carmaker cuts prices\n\nThe company cut prices by a fifth. "
                  "Dealers welcomed it.\n", encoding="utf-8")
    arts = ingest_paths([str(md)]).articles
    assert [a.title for a in arts] == ["Flood waters rise", "Carmaker cuts prices"]
    assert "Aid" not in arts[0].sentences


BRIEFS = """Italy floods force thousands from homes

Heavy rain has forced more than 4,000 people from their homes in northern Italy, officials said Sunday. Rivers burst their banks in three provinces.

Hyundai unveils cheaper electric car

South Korean carmaker Hyundai unveiled a cheaper electric car on Monday, hoping to win buyers in Europe. The company said it would cost under 25,000 euros.

Lula to visit China

Brazilian President Luiz Inacio Lula da Silva will visit China next month to sign trade deals, his office said Tuesday.
"""


def test_news_in_brief_page_with_item_headlines() -> None:
    arts = articles_from_text(BRIEFS, "briefs.txt")
    assert [a.title for a in arts] == ["Italy floods force thousands from homes",
                                       "Hyundai unveils cheaper electric car",
                                       "Lula to visit China"]
    assert [len(a.sentences) for a in arts] == [2, 2, 1]


def test_news_in_brief_page_under_a_page_headline() -> None:
    arts = articles_from_text("World news in brief\nUpdated 12 May 2024\n\n" + BRIEFS, "b.txt")
    assert [a.title for a in arts][0] == "Italy floods force thousands from homes"
    assert len(arts) == 3
    assert all(a.date == "2024-05-12" for a in arts)


def test_article_with_three_crossheads_stays_whole() -> None:
    text = DRIFTING.replace("Meloni also faces", "Court row\n\nMeloni also faces").replace(
        "She rejected", "Interview\n\nShe rejected").replace(
        "Economists said", "Growth\n\nEconomists said")
    (art,) = articles_from_text(text, "rome.txt")
    assert len(art.sentences) == 12


NO_HEADLINE_ARTICLE = """Water companies in England discharged raw sewage into rivers and seas for more than 3.6m hours last year, according to figures published on Tuesday. Campaigners accused ministers of dragging their feet.

Environment Agency chief executive Philip Duffy said the number of spills rose by 54% compared with 2022. The agency said heavy rainfall explained part of the increase.

Campaigner Feargal Sharkey said the figures were an outrage and accused the government of protecting the companies. He called for the firms to be brought back into public ownership.

The environment secretary, Steve Barclay, said the government was holding water companies to account. Fines would be ringfenced for river clean-up, and the agency would publish more data in the summer, Duffy said.

Water UK, the industry body, said its members had a plan to triple investment and cut spills by 40% by 2030. Campaigners including Sharkey called the plan too little, too late.
"""


def test_article_without_headline_whose_paragraphs_refer_back_stays_whole() -> None:
    # Every paragraph names its subject in full, as digest items do, but later paragraphs
    # mention people introduced earlier by surname alone ("Duffy said", "Sharkey").
    (art,) = articles_from_text(NO_HEADLINE_ARTICLE, "water.txt")
    assert len(art.sentences) == 10


def test_front_matter_title_keeps_lede_like_paragraphs_as_one_article(tmp_path):
    """A page whose metadata names its headline is one article, not a wire digest."""
    import pathlib

    from reader.core.ingest import ingest_paths

    digest = (pathlib.Path(__file__).parents[3] / "seeds" / "001_117a44706a92ffc7.txt").read_text(
        encoding="utf-8")
    front = "---\ntitle: Ukraine week in review\noutlet: Example News\n---\n\n"
    (tmp_path / "with-title.md").write_text(front + digest, encoding="utf-8")
    (tmp_path / "digest.txt").write_text(digest, encoding="utf-8")
    result = ingest_paths([str(tmp_path / "with-title.md"), str(tmp_path / "digest.txt")])
    titled = [a for a in result.articles if a.source.endswith("with-title.md")]
    untitled = [a for a in result.articles if a.source.endswith("digest.txt")]
    assert [a.title for a in titled] == ["Ukraine week in review"]
    assert len(untitled) == 10, "without a headline the same paragraphs read as a digest"
