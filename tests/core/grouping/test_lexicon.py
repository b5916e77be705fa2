"""Lexicon folds: country forms, news synonyms and numbers in words reach one feature key."""

from __future__ import annotations

import pytest

from reader.core.grouping.features import extract, token_key, word_key
from reader.core.grouping.lexicon import normalise_numbers
from reader.core.grouping.specifics import lede_specifics
from tests.core.grouping.helpers import make_article


@pytest.mark.parametrize("text, expected", [
    ("Ninety Ukrainian servicemen", "90 Ukrainian servicemen"),
    ("shot down twenty-one of twenty-eight drones", "shot down 21 of 28 drones"),
    ("won two hundred and forty seats", "won 240 seats"),
    ("a tremor of seven point four", "a tremor of 7.4"),
    ("three and a half years after", "3.5 years after"),
    ("its 3½-year invasion", "its 3.5-year invasion"),
    ("the first in seventeen years", "the first in 17 years"),
    ("one hundred people", "100 people"),
    # One to nine stay words: idiom more often than counts.
    ("one of the two sides", "one of the two sides"),
    ("a five-storey building", "a five-storey building"),
])
def test_numbers_in_words_become_digits(text, expected):
    assert normalise_numbers(text) == expected


def test_country_forms_fold_to_one_key():
    keys = {token_key(w) for w in ("Russia", "Russian", "Russians", "Moscow", "Kremlin")}
    assert len(keys) == 1
    assert keys.pop().startswith("c:")
    assert token_key("Kyiv") == token_key("Ukraine") == token_key("Ukrainian")
    assert token_key("Kyiv") != token_key("Moscow")


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
