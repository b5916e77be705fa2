"""Cleaning rules, one table-driven golden case each, on small realistic examples."""

from __future__ import annotations

import pytest

from reader.core.ingest import articles_from_text

BODY = ("The central bank raised its key rate by half a point on Tuesday. "
        "Officials said inflation had proved more stubborn than expected.")
BODY_SENTENCES = ["The central bank raised its key rate by half a point on Tuesday.",
                  "Officials said inflation had proved more stubborn than expected."]
MORE = "Markets fell after the announcement. The currency gained against the dollar."
MORE_SENTENCES = ["Markets fell after the announcement.",
                  "The currency gained against the dollar."]
HEAD = "Central bank raises rates again as inflation lingers"

CASES = [
    ("share-buttons",
     f"{HEAD}\n\nShare\nTweet\nEmail\nShort Url\nCopy link\n\n{BODY}\n\nFollow us on Twitter\n"
     f"Sign up for our newsletter\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("updated-published-stamps",
     f"{HEAD}\nUpdated 5 March 2024, 10:15 GMT\nPublished 2 hours ago\n\n{BODY}\n\n"
     f"Last updated: Sept. 5, 2025\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("bare-date-and-relative-time",
     f"{HEAD}\nTuesday 5 March 2024 10:15\n3 min read\n\n{BODY}\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("byline",
     f"{HEAD}\nBy Jane Doe and John O'Roe\n\n{BODY}\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("caption-cut-off-with-ellipsis",
     f"{HEAD}\n\n{BODY}\n\nThe governor, left, and the finance minister speak to reporters "
     f"after the meeting of the monetary poli\u2026\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("caption-cut-off-with-three-dots",
     f"{HEAD}\n\n{BODY}\nTraders watch screens at the exchange in Frankfurt on Tues...\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("caption-with-credit",
     f"{HEAD}\n\nThe bank's headquarters in the capital on Monday. (FILE/AFP)\n\n{BODY}\n\n"
     f"A trader reacts to the decision. (AP Photo/Michael Probst)\n\n{MORE}\n"
     f"Shoppers in a market in the city centre. (Reuters)",
     BODY_SENTENCES + MORE_SENTENCES),
    ("photo-credit-lines",
     f"{HEAD}\nPhoto: Getty Images\nImage caption: the governor\n\n{BODY}\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("read-also-and-its-link-titles",
     f"{HEAD}\n\n{BODY}\nRead also:\n- Tobacco industry changes are disregarded by health editors"
     f"\n- Trump's Policies: Tariffs, AI, Surveillance\n- Elon Musk praises a debate performance"
     f"\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("related-header-with-plain-link-titles",
     f"{HEAD}\n\n{BODY}\n\nRelated\n\nWhy the currency keeps falling\n\nFive charts on prices"
     f"\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("more-from-header",
     f"{HEAD}\n\n{BODY}\n\n{MORE}\n\nMore from The Daily Ledger\n\u2022 A new finance minister"
     f"\n\u2022 Oil prices rise",
     BODY_SENTENCES + MORE_SENTENCES),
    ("inline-read-also",
     f"{HEAD}\n\n{BODY}\nRead more: Why the currency keeps falling\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("fact-box-repeating-the-body",
     f"{HEAD}\n\n{BODY}\n\nFASTFACTS\n\n\u2022 The central bank raised its key rate by half a "
     f"point on Tuesday.\n\n\u2022 Officials said inflation had proved more stubborn than "
     f"expected.\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("fact-box-before-the-body-keeps-the-body-copy",
     f"{HEAD}\n\nKey points\n\u2022 Officials said inflation had proved more stubborn than "
     f"expected.\n\n{BODY}\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("fact-box-item-adding-a-fact-stays",
     f"{HEAD}\n\n{BODY}\n\nKey facts\n\u2022 The rate now stands at 4.5 percent.\n\n{MORE}",
     BODY_SENTENCES + ["The rate now stands at 4.5 percent."] + MORE_SENTENCES),
    ("repeated-headline-lines",
     f"{HEAD}\n\nShort Url\nUpdated 23 October 2025\nFollow\n\n{HEAD}\n\n{BODY}\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("standfirst-bullet-repeating-the-body",
     f"{HEAD}\n\n  \u2022 The central bank raised its key rate by half a point\n\n{BODY}\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("dateline-colon",
     f"{HEAD}\n\nFRANKFURT:\u00a0{BODY}\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("dateline-wire",
     f"{HEAD}\n\nFRANKFURT, Germany (AP) \u2014 {BODY}\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("dateline-reuters",
     f"{HEAD}\n\nLONDON, Sept 5 (Reuters) - {BODY}\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("credits-and-copyright",
     f"{HEAD}\n\n{BODY}\n{MORE}\n(Reporting by Jane Doe; Editing by John Roe)\n"
     f"\u00a9 2025 The Daily Ledger. All rights reserved.",
     BODY_SENTENCES + MORE_SENTENCES),
    ("advertisement",
     f"{HEAD}\n\n{BODY}\n\nAdvertisement\n\nStory continues below advertisement\n\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("crosshead-inside-the-body",
     f"{HEAD}\n\n{BODY}\n\u2018Stubborn prices\u2019\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("line-broken-mid-sentence",
     f"{HEAD}\n\nThe central bank raised its key rate by half a point \non Tuesday. "
     f"Officials said inflation had proved more stubborn than expected.\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("hard-wrapped-paragraphs",
     f"{HEAD}\n\nThe central bank raised its key rate by half a point on\nTuesday. Officials said"
     f" inflation had proved more stubborn than\nexpected.\n\nMarkets fell after the "
     f"announcement. The currency gained\nagainst the dollar. Analysts had expected a smaller "
     f"move\nfrom the bank this month.\n\nThe next meeting is in June. Few expect another "
     f"increase\nbefore the summer holidays begin.",
     BODY_SENTENCES + MORE_SENTENCES + [
         "Analysts had expected a smaller move from the bank this month.",
         "The next meeting is in June.",
         "Few expect another increase before the summer holidays begin."]),
    ("whitespace-normalised",
     f"{HEAD}\n\nThe central\u00a0bank raised  its key rate by half a point on Tuesday.\t\n"
     f"\u200bOfficials said inflation had proved more stubborn than expected.\r\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("bbc-style-image-lines",
     f"{HEAD}\n\nImage source, Getty Images\nImage caption, The governor at the press "
     f"conference\n\n{BODY}\n\nMedia caption, Watch the announcement\n{MORE}",
     BODY_SENTENCES + MORE_SENTENCES),
    ("guardian-style-photograph-credit",
     f"{HEAD}\n\nThe governor at the press conference. Photograph: Jane Doe/Reuters\n\n{BODY}"
     f"\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("agency-only-line", f"{HEAD}\nReuters\n\n{BODY}\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("newsletter-prompt",
     f"{HEAD}\n\n{BODY}\nSign up for our daily business newsletter to get the latest news in "
     f"your inbox.\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("date-with-reading-time",
     f"{HEAD}\nSep 5, 2025 \u00b7 3 min read\n\n{BODY}\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("dateline-cnn", f"{HEAD}\n\n(CNN) \u2014 {BODY}\n{MORE}", BODY_SENTENCES + MORE_SENTENCES),
    ("repeated-sentence",
     f"{HEAD}\n\n{BODY}\n\n{MORE}\n\nOfficials said inflation had proved more stubborn than "
     "expected.",
     BODY_SENTENCES + MORE_SENTENCES),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cleaning_rule(text: str, expected: list[str]) -> None:
    (article,) = articles_from_text(text, "ledger.txt")
    assert list(article.sentences) == expected
    assert article.title == HEAD


@pytest.mark.parametrize(("text", "date"), [
    (f"{HEAD}\nUpdated 23 October 2025\n\n{BODY}", "2025-10-23"),
    (f"{HEAD}\nPublished: Sept. 5, 2025 10:30 AM\n\n{BODY}", "2025-09-05"),
    (f"{HEAD}\nLast updated 2024-03-05T10:15:00Z\n\n{BODY}", "2024-03-05"),
    (f"{HEAD}\nUpdated 8 sec ago\n\n{BODY}", None),
    # A page's stamp line above its headline (BBC style, blog software, wire archives).
    (f"9 September 2013 Last updated at 14:39 GMT\n\n{HEAD}\n\n{BODY}", "2013-09-09"),
    (f"12 January 2010 @ 09:29 pm\n\n{HEAD}\n\n{BODY}", "2010-01-12"),
    (f"February 29, 2012, 7:32 p.m. ET\n\n{HEAD}\n\n{BODY}", "2012-02-29"),
    (f"3 / 27 / 2012 @ 10: 05AM\n\n{HEAD}\n\n{BODY}", "2012-03-27"),
    (f"8:24am:\n\n{HEAD}\n\n{BODY}", None),
    # A stamp glued to the front of the headline.
    (f"27/09/2013-{HEAD}\n\n{BODY}", "2013-09-27"),
    # Stamps run into the first paragraph.
    (f"{HEAD}\n\nUpdated: May 24, 2005, 3:23 PM ET {BODY}", "2005-05-24"),
    (f"{HEAD}\n\nUPDATED 05/03/2013 at 11:00 AM EDT Originally published 05/03/2013 at "
     f"10:20 AM EDT {BODY}", None),
])
def test_stamp_date_is_parsed_before_the_stamp_is_dropped(text: str, date: str | None) -> None:
    (article,) = articles_from_text(text, "ledger.txt")
    assert article.date == date
    assert article.title == HEAD
    assert list(article.sentences) == BODY_SENTENCES


@pytest.mark.parametrize(("paragraph", "kept", "date"), [
    # A stamp run onto the end of a paragraph, or a bare date opening it.
    # (Long lines: a short unpunctuated line is a crosshead, and crossheads are dropped.)
    ("The governor defended the decision to raise the key rate again in a statement to "
     "journalists and investors updated 12 / 19 / 2005 2:48:40 PM ET",
     "The governor defended the decision to raise the key rate again in a statement to "
     "journalists and investors", None),
    ("Markets rallied after the bank's decision, and the currency rose against the dollar and "
     "the euro! Sun., Aug. 4, 2013 11:29 AM PDT",
     "Markets rallied after the bank's decision, and the currency rose against the dollar and "
     "the euro!", None),
    ("July 28, 2004 Anna Weber, the governor who raised the rate, defended the decision.",
     "Anna Weber, the governor who raised the rate, defended the decision.", "2004-07-28"),
    ("June 11, 2012 at 12:36 PM ET After a long meeting, the bank's board voted for the rise.",
     "After a long meeting, the bank's board voted for the rise.", "2012-06-11"),
    # Dates that belong to the sentence stay.
    ("2 October 2013, 15:39 On October 1-2 the bank's board met to weigh the rise.",
     "On October 1-2 the bank's board met to weigh the rise.", "2013-10-02"),
    ("The next vote on the bank's key rate, which most analysts expect to bring another rise "
     "in borrowing costs, is set for March 14, 2013",
     "The next vote on the bank's key rate, which most analysts expect to bring another rise "
     "in borrowing costs, is set for March 14, 2013", None),
    ("The previous vote on the bank's key rate was held on March 14, 2013.",
     "The previous vote on the bank's key rate was held on March 14, 2013.", None),
    ("On May 2, 2013 Officials at the bank first warned about inflation.",
     "On May 2, 2013 Officials at the bank first warned about inflation.", None),
])
def test_stamps_run_into_a_paragraph_are_cut(paragraph: str, kept: str, date: str | None):
    (article,) = articles_from_text(f"{HEAD}\n\n{BODY}\n\n{paragraph}", "x.txt")
    assert " ".join(article.sentences) == f"{BODY} {kept}"
    assert article.date == date


def test_words_like_stamps_that_open_prose_stay() -> None:
    body = "Updated figures show prices rose 3.5% in May. Published reports say so."
    (article,) = articles_from_text(f"{HEAD}\n\n{body}", "x.txt")
    assert " ".join(article.sentences) == body


def test_wording_of_what_stays_is_untouched() -> None:
    body = "\u201cWe\u2019re not done,\u201d the governor said \u2014 twice. Prices rose 3.5%."
    (article,) = articles_from_text(f"{HEAD}\n\n{body}", "x.txt")
    assert " ".join(article.sentences) == body
