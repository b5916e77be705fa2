"""A third, UNTUNED family of version sets: the same facts as different outlets print them.

tests/data/align/outlets.json holds, per story, facts in reading order and per fact two or
three renderings written the way different outlets (or translations) word it: country vs
demonym vs capital (Russia/Russian/Moscow), numbers in digits or words ("26"/"twenty-six",
"3½"/"three and a half"), titles vs names ("the French president"/"Macron"). Every version
picks a rendering per fact at random, drops some facts, sometimes swaps two facts after the
lede and inserts sentences from OTHER stories on the same topic. The aligner is never tuned on
this family: its figures are recorded before and after a change, to catch overfitting.
"""

from __future__ import annotations

import random

from tests.core.align.evalsets import VersionSet, add_version, family_sets


def make_set(name: str, story: dict, n_versions: int, rng: random.Random,
             drop: float = 0.2) -> VersionSet:
    """One version set from a story's facts and renderings."""
    facts_text: list[list[str]] = story["facts"]
    distractors: list[str] = story["distractors"]
    arts, truth = [], {}
    for v in range(n_versions):
        order = list(range(len(facts_text)))
        if rng.random() < 0.3:  # an outlet tells two later facts the other way round
            k = rng.randrange(1, len(order) - 1)
            order[k], order[k + 1] = order[k + 1], order[k]
        sents: list[str] = []
        facts: list[frozenset[str]] = []
        for i in order:
            if rng.random() < 0.1:
                d = rng.randrange(len(distractors))
                if frozenset({f"x{d}"}) not in facts:
                    sents.append(distractors[d])
                    facts.append(frozenset({f"x{d}"}))
            if rng.random() < drop:
                continue
            sents.append(rng.choice(facts_text[i]))
            facts.append(frozenset({f"b{i}"}))
        add_version(arts, truth, name, v, sents, facts)
    return VersionSet(name, arts, truth)


def version_sets(seed: int = 23) -> list[VersionSet]:
    """The outlets family: every story at 3, 5 and 8 versions, twice with different draws."""
    return family_sets("outlets.json", seed, make_set)
