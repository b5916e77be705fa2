"""Grouping's lexicon folds: country forms, news synonyms and numbers in words reach one key.

The number reader itself is tested with the shared lexicon (tests/core/text/test_lexicon.py)."""

from __future__ import annotations

from reader.core.grouping.features import extract, token_key, word_key
from reader.core.grouping.lexicon import normalise_numbers
from reader.core.grouping.specifics import lede_specifics
from tests.core.grouping.helpers import make_article


def test_country_forms_fold_to_one_key():
    keys = {token_key(w) for w in ("Russia", "Russian", "Russians", "Moscow", "Kremlin")}
    assert len(keys) == 1
    assert keys.pop().startswith("c:")
    assert token_key("Kyiv") == token_key("Ukraine") == token_key("Ukrainian")
    assert token_key("Kyiv") != token_key("Moscow")
    # Grouping reads single words: North and South Korea are "Korea".
    assert token_key("Pyongyang") == token_key("Seoul") == token_key("Korean")


def test_grouping_skips_ambiguous_country_forms():
    # "talks in Paris", the state of Washington: a venue or a place, not the state.
    assert token_key("Paris") == "w:paris" and token_key("French").startswith("c:")
    assert token_key("Washington") == "w:washington"


def test_news_synonyms_fold_and_reporting_verbs_carry_nothing():
    assert word_key("tremor") == word_key("earthquake") == word_key("quakes")
    assert word_key("sacked") == word_key("dismissed")
    assert word_key("jail") == word_key("prison")
    assert word_key("prison") != word_key("earthquake")
    assert token_key("announced") == token_key("warned") == ""


def test_reworded_reports_share_their_specifics_and_features():
    a = make_article("x1", "a.txt", 0, "Ninety defenders come home", "A", None,
                     ["Ninety Ukrainian troops returned from Russian captivity."])
    b = make_article("x2", "b.txt", 0, "Kyiv and Moscow swap 90 soldiers", "B", None,
                     ["Russia and Ukraine exchanged 90 prisoners each."])
    fa, fb = extract(a), extract(b)
    shared = fa.lede & fb.lede
    assert {"n:90", token_key("Kyiv"), token_key("Moscow"), token_key("troops")} <= shared
    # The index reads specifics from the normalised lede (features.zones).
    text = normalise_numbers("a magnitude seven point four quake")
    assert lede_specifics(text)["u:magnitud"] == (7.4,)
