"""Differences the settings ignore are shown as plain text, and the member still reads right."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.worddiff import apply_diff, display_ops, is_unchanged, word_diff
from reader.core.model import DIFF_EQUAL
from reader.core.settings import AnalysisSettings

LOOSE = AnalysisSettings(normalize_quotes=True, name_variants=True, ignore_case=True)


def _member(ops):
    return "".join(d.text for d in ops if d.op != -1)


def test_quote_style_only_difference_displays_as_equal():
    ref = 'Putin said “we assume that they will be legitimate targets” today.'
    mem = 'Putin said "we assume that they will be legitimate targets" today.'
    ops = word_diff(ref, mem, LOOSE)
    assert any(d.minor for d in ops), "the aligner flags the quote-style change as minor"
    shown = display_ops(ops)
    assert [d.op for d in shown] == [DIFF_EQUAL]
    assert shown[0].text == mem
    assert is_unchanged(ops)


def test_real_changes_stay_visible_next_to_minor_ones():
    ref = "Zelenskyy said “Russian oil has no future” on Friday."
    mem = 'Zelensky said "Russian gas has no future" on Thursday.'
    shown = display_ops(word_diff(ref, mem, LOOSE))
    changed = {d.text.strip() for d in shown if d.op != DIFF_EQUAL}
    assert {"oil", "gas", "Friday", "Thursday"} <= changed
    assert "Zelensky" not in changed and "Zelenskyy" not in changed


words = st.lists(st.sampled_from(["Putin", "putin", "“troops”", '"troops"', "said", "Zelensky",
                                  "Zelenskyy", "–", "-", "it’s", "it's", "war", "."]),
                 min_size=1, max_size=12)


@given(words, words)
def test_display_ops_spell_the_member(ref_words, mem_words):
    ref, mem = " ".join(ref_words), " ".join(mem_words)
    ops = word_diff(ref, mem, LOOSE)
    assert apply_diff(ref, ops) == mem
    assert _member(display_ops(ops)) == mem
