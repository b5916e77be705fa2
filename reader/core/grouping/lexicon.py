"""Grouping's language folds: its country set, news synonyms, reporting verbs.

Outlets name one fact in different words: "Russian", "Russia" and "Moscow"; "quake" and
"tremor"; "ninety" and "90". Folding these to one key lets low-overlap paraphrases share
features; folding a common word only lowers its IDF, so precision costs little. Country forms
and number words come from the shared reader.core.text.lexicon (alignment reads the same);
synonyms and reporting verbs are grouping's own.
"""

from __future__ import annotations

from reader.core.text.lexicon import AMBIGUOUS, country_forms, normalise_numbers

__all__ = ["COUNTRIES", "COUNTRY_FORMS", "REPORTING", "SYNONYMS", "fold_table",
           "normalise_numbers"]

# Countries grouping folds, from the shared table: the ambiguous forms are skipped (a venue
# such as "talks in Paris" or the US state of Washington is not the state), and only the
# countries listed here are folded (see GROUPING_COUNTRIES).
GROUPING_COUNTRIES: frozenset[str] | None = None
COUNTRY_FORMS = country_forms(AMBIGUOUS, merge_parts=True, only=GROUPING_COUNTRIES)
# Country keys (the form every other form of a country folds to).
COUNTRIES = frozenset(COUNTRY_FORMS.values())

# Light synonym groups for news words: the first word is the key. Words with a common second
# sense ("fire", "strike", "poll", "forces") are left out on purpose.
SYNONYMS = """
earthquake quake tremor temblor
dismiss sack oust
resign quit
ship vessel freighter
prison jail
soldier troop servicemen serviceman
prisoner captive
explosion blast
flood floods flooding deluge
rain rainfall downpour
funeral burial
victory win won triumph
spacecraft capsule spaceship
plane aircraft airliner jet
lawmakers legislators
killed dead died death deaths fatalities
""".strip().splitlines()

# Reporting verbs carry no event information; folded away like "said".
REPORTING = frozenset(
    "stated announced warned noted explained stressed insisted confirmed declared".split())


def fold_table(stem) -> dict[str, str]:
    """Stemmed form -> stemmed key of its group, for the word_key of features.py."""
    table: dict[str, str] = {}
    for form, country in COUNTRY_FORMS.items():
        table[stem(form)] = stem(country)
    for line in SYNONYMS:
        words = line.split()
        key = stem(words[0])
        for w in words[1:]:
            table.setdefault(stem(w), key)
    return table
