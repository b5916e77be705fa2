"""Issue 11 (8): each sentence of a multi-sentence quote is its own unit, so a version that
drops one sentence of a quote shows that sentence as omitted."""

from __future__ import annotations

from dataclasses import replace

from reader.core.align import align_story
from reader.core.align.quotes import extract_quotes
from reader.core.ingest import articles_from_text
from reader.core.model import StoryGroup
from reader.core.settings import AnalysisSettings

QUOTE = ["The harbour will reopen to ships within a week.",
         "Divers have cleared most of the wreckage from the channel.",
         "We still need two cranes from Rotterdam to lift the last hull.",
         "Nobody should expect full traffic before the end of the month.",
         "Insurers will decide on the claims after that."]
LEAD = "A cargo ship sank in the port of Gdansk on Tuesday, blocking the main channel."
TAIL = "The port handled 80 million tonnes of cargo last year."


def _article(aid: str, outlet: str, quote: list[str]):
    text = (f"{LEAD}\n“{' '.join(quote)[:-1]},” the port director Anna Nowak told reporters.\n"
            f"{TAIL}\n")
    (art,) = articles_from_text(text, f"{outlet}.txt")
    return replace(art, id=aid, outlet=outlet)


def _story():
    full_a = _article("a1", "Wire", QUOTE)
    full_b = _article("a2", "Daily", QUOTE)
    trimmed = _article("a3", "Herald", QUOTE[:2] + QUOTE[3:])  # drops the cranes sentence
    arts = [full_a, full_b, trimmed]
    story = align_story("s1", StoryGroup(tuple(a.id for a in arts), "Ship sinks"), arts,
                        AnalysisSettings())
    return story, {a.id: a for a in arts}


def test_a_quote_of_five_sentences_is_five_units():
    art = _article("a1", "Wire", QUOTE)
    assert len(art.sentences) == 1 + 5 + 1
    assert art.sentences[1].startswith("“The harbour will reopen")
    assert art.sentences[3] == QUOTE[2]
    # Kept together in the text: one paragraph.
    assert len(set(art.paragraphs[1:6])) == 1


def test_dropping_one_sentence_of_a_quote_is_an_omission():
    story, arts = _story()
    omitted = story.findings["a3"].omitted
    texts = [arts["a1"].sentences[i] for p in story.passages if p.id in omitted
             for i in p.members.get("a1", ())]
    assert texts == [QUOTE[2]]
    assert "cranes" not in " ".join(arts["a3"].sentences)


def test_the_remark_is_still_found_whole_with_its_speaker():
    (occ,) = extract_quotes(_article("a1", "Wire", QUOTE))
    assert occ.quote.startswith("The harbour will reopen") and "Insurers will decide" in occ.quote
    assert occ.sentence == 1 and occ.speaker == "Nowak"
