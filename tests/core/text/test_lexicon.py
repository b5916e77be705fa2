"""The shared lexicon: one country table and one number-word reader for grouping and alignment."""

from __future__ import annotations

import pytest

from reader.core.text.lexicon import (
    AMBIGUOUS, COUNTRIES, country_forms, fold_numbers, fractions, normalise_numbers, prepare,
    read_number)


def test_country_forms_fold_to_their_country():
    forms = country_forms()
    assert {forms[w] for w in ("russia", "russian", "moscow", "kremlin")} == {"russia"}
    assert forms["kyiv"] == "ukraine" != forms["moscow"]
    assert forms["washington"] == forms["american"] == "unitedstates"
    # Every key is a form of itself; a form names one country only.
    assert all(forms[key] == key for key in COUNTRIES)


def test_ambiguous_forms_can_be_skipped():
    assert {"washington", "paris", "london"} <= AMBIGUOUS
    skipped = country_forms(AMBIGUOUS)
    assert "paris" not in skipped and skipped["french"] == "france"


def test_country_parts_merge_for_word_readers_and_filter():
    assert country_forms()["pyongyang"] == "northkorea"
    merged = country_forms(merge_parts=True)
    assert merged["pyongyang"] == merged["seoul"] == merged["korean"] == "korea"
    only = country_forms(only={"russia"})
    assert set(only.values()) == {"russia"}


def test_prepare_joins_country_names_and_reads_fractions():
    assert prepare("the United States and U.K. and US, not us") == \
        "the UnitedStates and UK and USA, not us"
    assert prepare("talks in Abu Dhabi") == "talks in AbuDhabi"
    assert fractions("a 3½-year war, 3 ¼ miles, ¾ of them") == \
        "a 3.5-year war, 3.25 miles, 0.75 of them"


@pytest.mark.parametrize("words, expected", [
    ("twenty six", (26, 2, False)),
    ("two hundred and forty seats", (240, 4, True)),
    ("seven point four", (7.4, 3, True)),
    ("three and a half years", (3.5, 4, True)),
    ("8,000 people", (8000, 1, False)),
    ("8 thousand people", (8000, 2, True)),
    ("two million five hundred thousand", (2_500_000, 5, True)),
    ("a dozen", None),  # a run starts on a number word, not on "a"
    ("dozen", (12, 1, True)),
    ("twenty fifth", (25, 2, False)),
    ("five six", (5, 1, False)),  # two numbers in a row are not one
    ("hundred", None),
])
def test_read_number(words, expected):
    assert read_number(words.split(), 0) == expected


def test_read_number_can_leave_ordinals():
    assert read_number(["twenty", "fifth"], 0, ordinals=False) == (20, 1, False)
    assert read_number(["fifth"], 0, ordinals=False) is None


def test_fold_numbers_for_tokens():
    assert fold_numbers("twenty six prisoners".split()) == ["26", "prisoners"]
    assert fold_numbers("eight thousand and 8,000".split()) == ["8000", "and", "8000"]
    assert fold_numbers("the fiftieth swap".split()) == ["the", "50", "swap"]
    assert fold_numbers("one of them".split()) == ["one", "of", "them"]  # a pronoun
    assert fold_numbers("one million".split()) == ["1000000"]


@pytest.mark.parametrize("text, expected", [
    ("Ninety Ukrainian servicemen", "90 Ukrainian servicemen"),
    ("shot down twenty-one of twenty-eight drones", "shot down 21 of 28 drones"),
    ("won two hundred and forty seats", "won 240 seats"),
    ("a tremor of seven point four", "a tremor of 7.4"),
    ("three and a half years after", "3.5 years after"),
    ("its 3½-year invasion", "its 3.5-year invasion"),
    ("the first in seventeen years", "the first in 17 years"),
    ("one hundred people", "100 people"),
    # Millions as outlets write them in digits.
    ("two million people and twenty-five million more", "2 million people and 25 million more"),
    # One to nine stay words: idiom more often than counts; ordinals are left alone.
    ("one of the two sides", "one of the two sides"),
    ("a five-storey building", "a five-storey building"),
    ("the fifth round", "the fifth round"),
])
def test_numbers_in_words_become_digits(text, expected):
    assert normalise_numbers(text) == expected


def test_both_readers_agree_on_values():
    for text in ("twenty-six", "two hundred and forty", "three and a half", "seven point four",
                 "ninety thousand"):
        assert fold_numbers(text.replace("-", " ").split()) == [normalise_numbers(text)]
