"""Word diffs under the comparison settings, number disagreements and quote extraction."""

from __future__ import annotations

import pytest

from reader.core.align.numbers import extract_numbers, number_disagreements
from reader.core.align.quotes import extract_quotes
from reader.core.align.worddiff import is_unchanged, word_diff
from reader.core.model import DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, Article
from reader.core.settings import AnalysisSettings

PLAIN = AnalysisSettings(normalize_quotes=False, name_variants=False)


def _changed(ops):
    return [(d.op, d.text) for d in ops if d.op != DIFF_EQUAL and not d.minor]


def test_word_mode_reports_whole_words():
    ops = word_diff("Putin said on Friday that troops are targets.",
                    "Putin warned on Friday that troops are targets.", PLAIN)
    assert _changed(ops) == [(DIFF_DELETE, "said"), (DIFF_INSERT, "warned")]


@pytest.mark.parametrize("opts,ref,member", [
    (AnalysisSettings(ignore_case=True), "The Troops said", "the troops said"),
    (AnalysisSettings(ignore_punctuation=True), "Troops, he said.", "Troops he said"),
    (AnalysisSettings(normalize_quotes=True), "“legitimate targets” — Moscow’s",
     '"legitimate targets" - Moscow\'s'),
    (AnalysisSettings(name_variants=True), "Zelenskyy said", "Zelenskiy said"),
    (AnalysisSettings(name_variants=True), "Zelensky said", "Zelenskyy said"),
])
def test_settings_make_differences_minor(opts, ref, member):
    ops = word_diff(ref, member, opts)
    assert is_unchanged(ops), ops
    assert not is_unchanged(word_diff(ref, member, PLAIN.with_changes(normalize_quotes=False)))


def test_identical_texts_skip_diffing():
    assert word_diff("Same words.", "Same words.", PLAIN) == (word_diff("Same words.", "Same words.", PLAIN)[0],)


def test_numbers_disagree_on_the_same_thing_only():
    texts = {"a": "Russia attacked with 157 drones and seven missiles.",
             "b": "Russia attacked with 150 drones and seven missiles."}
    found = number_disagreements("p1", texts, {"a": 0, "b": 3})
    assert len(found) == 1
    assert {(v.article_id, v.value) for v in found[0].values} == {("a", 157.0), ("b", 150.0)}
    assert "drone" in found[0].about


@pytest.mark.parametrize("a,b", [
    ("26 of Ukraine's allies pledged troops.", "26 countries pledged troops."),
    ("He said 26 countries pledged.", "He said more than two dozen countries pledged."),
    ("Russia fired 157 drones.", "Russia fired 157 drones and 121 were downed."),
])
def test_numbers_that_agree_or_are_missing_are_not_disagreements(a, b):
    assert number_disagreements("p1", {"a": a, "b": b}, {"a": 0, "b": 0}) == []


def test_ages_dates_and_sums():
    assert number_disagreements("p", {"a": "The 45-year-old man died.", "b": "The 47-year-old man died."},
                                {"a": 0, "b": 0})
    assert number_disagreements("p", {"a": "It happened on Sept. 5.", "b": "It happened on Sept. 6."},
                                {"a": 0, "b": 0})
    assert number_disagreements("p", {"a": "It cost $2 million.", "b": "It cost $3 million."},
                                {"a": 0, "b": 0})
    assert extract_numbers("3½-year invasion")[0][0] == 3.5


def test_quote_speakers_named_pronoun_and_said_that():
    art = Article("x", "x", 0, "", "o", None, None, (
        "Russian President Vladimir Putin spoke on Friday.",
        "“We will not allow this to happen again,” he said at the forum.",
        'Peskov said that "nothing has been decided on this matter yet."',
        '"The talks were very productive indeed," Macron told reporters.',
    ))
    got = {q.sentence: q.speaker for q in extract_quotes(art)}
    assert got == {1: "Putin", 2: "Peskov", 3: "Macron"}
