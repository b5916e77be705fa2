"""Conflicting specifics: which ledes disagree on an ordinal or a number of the same unit."""

from __future__ import annotations

import pytest

from reader.core.grouping import group_stories
from reader.core.grouping.specifics import (
    AGREE_FACTOR,
    CONFLICT_FACTOR,
    FIRST_FACTOR,
    ORDINAL_FACTOR,
    conflict_factor,
    lede_specifics,
)
from tests.core.grouping.helpers import make_article


def factor(a: str, b: str) -> float:
    return conflict_factor(lede_specifics(a), lede_specifics(b))


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
