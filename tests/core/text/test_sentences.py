"""Sentence splitter: table-driven cases for abbreviations, initials, numbers and quotations."""

from __future__ import annotations

import pytest

from reader.core.text import sentence_spans, split_sentences

CASES = [
    # (id, text, expected sentences)
    ("plain", "Putin spoke. Macron answered! Did Zelensky agree? Nobody knows.",
     ["Putin spoke.", "Macron answered!", "Did Zelensky agree?", "Nobody knows."]),
    ("us-gen", "An official said U.S. Gen. Alexus Grynkewich took part. He met them.",
     ["An official said U.S. Gen. Alexus Grynkewich took part.", "He met them."]),
    ("gov", "Ryazan regional Gov. Pavel Malkov said debris fell. Residents were warned.",
     ["Ryazan regional Gov. Pavel Malkov said debris fell.", "Residents were warned."]),
    ("titles",
     "Dr. Smith met Mr. Jones and Mrs. Lee at St. Paul's. Sen. Vance and Rep. Ortiz came.",
     ["Dr. Smith met Mr. Jones and Mrs. Lee at St. Paul's.", "Sen. Vance and Rep. Ortiz came."]),
    ("jr", "Martin Luther King Jr. spoke in 1963. The crowd listened.",
     ["Martin Luther King Jr. spoke in 1963.", "The crowd listened."]),
    ("initials", "J. D. Vance and J.D. Salinger never met. It is true.",
     ["J. D. Vance and J.D. Salinger never met.", "It is true."]),
    ("number-abbrev", "He lives at No. 5 Downing Street. Jan. 6 was a Friday.",
     ["He lives at No. 5 Downing Street.", "Jan. 6 was a Friday."]),
    ("decimal", "Growth was 3.5 percent in 2024. Inflation hit 2.1%.",
     ["Growth was 3.5 percent in 2024.", "Inflation hit 2.1%."]),
    ("am-pm", "The blast came at 9 a.m. Friday and again at 3 p.m. The city was calm.",
     ["The blast came at 9 a.m. Friday and again at 3 p.m.", "The city was calm."]),
    ("us-end", "He flew to the U.S. The trip was long.",
     ["He flew to the U.S.", "The trip was long."]),
    ("us-mid", "U.S. President Donald Trump spoke.", ["U.S. President Donald Trump spoke."]),
    ("ellipsis-inside", "He paused… and then went on. It was late.",
     ["He paused… and then went on.", "It was late."]),
    ("ellipsis-dots-inside", "He paused... and then went on. It was late.",
     ["He paused... and then went on.", "It was late."]),
    ("quote-comma-said",
     "\u201cIf any troops appear there, we assume that they will be legitimate targets,\u201d "
     "he said. "
     "Peskov agreed.",
     ["\u201cIf any troops appear there, we assume that they will be legitimate targets,\u201d "
      "he said.", "Peskov agreed."]),
    ("quote-ends-sentence",
     "Moscow called it \u201cunacceptable.\u201d Putin's comments came later.",
     ["Moscow called it \u201cunacceptable.\u201d", "Putin's comments came later."]),
    ("straight-quote-ends-sentence",
     'Putin said troops would be targets "especially now while fighting is ongoing." '
     "Putin made the remarks in Vladivostok.",
     ['Putin said troops would be targets "especially now while fighting is ongoing."',
      "Putin made the remarks in Vladivostok."]),
    # Issue 11 (8): each sentence of a quote is its own unit.
    ("inside-quote",
     "\u201cPrivate homes were damaged. Windows were shattered,\u201d he wrote. Nobody died.",
     ["\u201cPrivate homes were damaged.", "Windows were shattered,\u201d he wrote.",
      "Nobody died."]),
    ("exclaim-quote-attribution", "\u201cWe will win!\u201d Putin said. Then he left.",
     ["\u201cWe will win!\u201d Putin said.", "Then he left."]),
    ("nbsp", "Putin\u00a0said so.\u00a0He left.", ["Putin\u00a0said so.", "He left."]),
    ("newline-ends", "No final stop here\nNext line.", ["No final stop here", "Next line."]),
    ("stray-space-period", "They met in Washington . It rained.",
     ["They met in Washington .", "It rained."]),
    ("lowercase-after-abbrev", "Prices rose, e.g. for bread. Then they fell.",
     ["Prices rose, e.g. for bread.", "Then they fell."]),
    ("digit-start", "The vote was close. 26 countries signed.",
     ["The vote was close.", "26 countries signed."]),
    ("empty", "", []),
    ("spaces-only", " \u00a0 \n ", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_spans_point_at_the_sentences() -> None:
    text = "  Putin spoke.  Macron answered.\nA new line "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Putin spoke.", "Macron answered.", "A new line"]
    assert all(a < b for a, b in spans)


def test_unclosed_quote_does_not_swallow_the_rest() -> None:
    text = "\u201cWe will not yield. The war goes on. Nobody closed this quote"
    assert split_sentences(text) == [
        "\u201cWe will not yield.", "The war goes on.", "Nobody closed this quote"]
