"""Conflicting specifics: which ledes disagree on an ordinal or a number of the same unit."""

from __future__ import annotations

import pytest

from reader.core.grouping import group_stories
from reader.core.grouping.specifics import (
    AGREE_FACTOR,
    CONFLICT_FACTOR,
    FIRST_FACTOR,
    ORDINAL_FACTOR,
    PEOPLE_FACTOR,
    conflict_factor,
    lede_people,
    lede_specifics,
)
from tests.core.grouping.helpers import make_article


def factor(a: str, b: str, read=lede_specifics) -> float:
    return conflict_factor(read(a), read(b))


@pytest.mark.parametrize("a, b, expected", [
    # Numbered series: which flight, which strike day.
    ("Starship broke apart on its seventh test flight on Thursday.",
     "Starship tumbled on the eighth test flight, breaking up over the Bahamas.",
     ORDINAL_FACTOR),
    ("The first day of nationwide strikes drew crowds.",
     "Turnout grew on the second day of nationwide strikes.", FIRST_FACTOR),
    # Same unit, different measure.
    ("A magnitude 6.8 earthquake struck the High Atlas.",
     "A 6.3-magnitude quake hit Herat.", CONFLICT_FACTOR),
    ("Helene made landfall as a Category 4 storm.", "Milton came ashore as a Category 3 storm.",
     CONFLICT_FACTOR),
    ("The Fed cut rates by 50 basis points.", "The Fed cut by 25 basis points.",
     CONFLICT_FACTOR),
    # Agreement raises the score; rounding and revised counts are not conflicts.
    ("Starship exploded on its seventh test flight.", "The seventh test flight ended early.",
     AGREE_FACTOR),
    ("Tusk's coalition won 248 of the 460 seats.", "The coalition won 248 seats.",
     AGREE_FACTOR),
    ("The tariff is 25% on steel.", "A 25% tariff on cars.", 1.0),
    ("More than 1.1 million people marched.", "Police counted 1.12 million marchers.", 1.0),
    ("The quake killed 128 people.", "The toll rose to 140 people.", 1.0),
    ("The FAA grounded 171 Boeing 737 MAX 9 planes.", "171 MAX 9 jets were grounded.", 1.0),
    ("It was caught for the first time.", "It was caught for the second time.", 1.0),
    ("No numbers here.", "The eighth test flight.", 1.0),
    # A magnitude however it is written.
    ("An earthquake with a magnitude of 5.6 on the Richter scale shook Qeshm.",
     "A quake measuring 5.9 on the Richter scale hit southern Iran.", CONFLICT_FACTOR),
    ("A magnitude of at least 5.9 was recorded.", "A 5.9 magnitude earthquake struck.",
     AGREE_FACTOR),
    # Words of origin between a count and what it counts.
    ("The navy arrested 23 Somali and Yemeni pirates.", "The navy captured 26 Somali pirates.",
     CONFLICT_FACTOR),
    ("Troops killed 5 Afghan civilians.", "Troops killed 5 civilians.", AGREE_FACTOR),
])
def test_conflict_factor(a, b, expected):
    assert factor(a, b) == expected


def test_years_are_not_counts():
    assert lede_specifics("The first cut since 2020 came in 2024.") == {
        "o:cut": (1.0,)}


def test_numbered_events_without_dates_stay_apart():
    """Two undated reports of consecutive test flights share almost every word but the ordinal."""
    text = ("SpaceX lost its Starship upper stage minutes into the {n} test flight from "
            "Starbase, Texas, and the Super Heavy booster was caught by the launch tower arms. "
            "Debris fell over the {place} and the FAA briefly halted flights at Florida "
            "airports.")
    arts = [make_article(f"a{i}", f"f{i}.txt", 0, f"Starship lost on {n} flight", outlet, None,
                         [text.format(n=n, place=place)])
            for i, (n, place, outlet) in enumerate([
                ("seventh", "Turks and Caicos", "A"), ("seventh", "Turks and Caicos", "B"),
                ("eighth", "Bahamas", "C"), ("eighth", "Bahamas", "D")])]
    groups = sorted(sorted(g.article_ids) for g in group_stories(arts))
    assert groups == [["a0", "a1"], ["a2", "a3"]]


@pytest.mark.parametrize("a, b, expected", [
    # One role, one act, two people: two events of one kind.
    ("The New Orleans Saints placed running back Reggie Bush on injured reserve Wednesday.",
     "The Saints placed running back Pierre Thomas on injured reserve on Wednesday.",
     PEOPLE_FACTOR),
    ("San Diego Chargers defensive tackle Jamal Williams was arrested on suspicion of DUI.",
     "San Diego Chargers receiver Vincent Jackson was arrested on suspicion of drunk driving.",
     PEOPLE_FACTOR),
    # The same person named differently, or both people named: no conflict.
    ("The Saints placed running back Reggie Bush on injured reserve.",
     "The Saints placed RB Bush on injured reserve.", 1.0),
    ("The Saints placed running back Reggie Bush on injured reserve after Pierre Thomas "
     "returned.", "The Saints placed running back Pierre Thomas on injured reserve.", 1.0),
    # Sources quoted by different outlets are not the event's people.
    ("Three people died, fire chief John Smith said on Monday.",
     "Three people died, fire chief Mary Jones said on Monday.", 1.0),
    # Different roles and acts: nothing to compare.
    ("Actress Tara Reid checked into rehab.", "Lawyer Mark Heller told the judge.", 1.0),
])
def test_people_in_the_same_role(a, b, expected):
    assert factor(a, b, read=lede_people) == expected


def test_people_units():
    units = lede_people("The Saints placed running back Reggie Bush on injured reserve.")
    # (Role: the content word before the name, "back" being a stopword; act: the one after.)
    assert {u for u in units if u != "p:*"} == {"p:L:run", "p:R:injur"}
    # One capitalised word, an acronym, a weekday or a sentence-opening name is no unit.
    assert lede_people("Officials said Bush was placed on IR by the NFL on Monday.") == {}
    assert lede_people("Reggie Bush was placed on injured reserve.") == {}


def test_same_kind_of_event_with_other_people_stays_two_stories():
    """Four outlets on two players placed on injured reserve, in their own words."""
    texts = [
        ("Saints put Reggie Bush on injured reserve",
         "The New Orleans Saints placed running back Reggie Bush on injured reserve on "
         "Wednesday, ending his season with a sprained knee. The team plays its final two games "
         "without him."),
        ("Bush's season over",
         "New Orleans placed running back Reggie Bush on injured reserve Wednesday after a "
         "knee sprain. He will miss the last two regular-season games."),
        ("Saints lose Pierre Thomas for the playoffs",
         "The New Orleans Saints placed running back Pierre Thomas on injured reserve on "
         "Wednesday because of an ankle injury. The team heads into the playoffs without him."),
        ("Thomas to injured reserve",
         "New Orleans placed running back Pierre Thomas on injured reserve Wednesday with an "
         "injured ankle. He will miss the playoffs."),
    ]
    arts = [make_article(f"a{i}", f"f{i}.txt", 0, title, "ABCD"[i], None, [body])
            for i, (title, body) in enumerate(texts)]
    groups = sorted(sorted(g.article_ids) for g in group_stories(arts))
    assert groups == [["a0", "a1"], ["a2", "a3"]]
