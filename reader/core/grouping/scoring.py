"""How alike two articles are as reports of one event: weighted lede and body containment."""

from __future__ import annotations

import math
from datetime import date

from reader.core.grouping.specifics import Specifics, conflict_factor

# Weight of the lede (headline + first sentences) against the whole read text in a pair score.
LEDE_SHARE = 0.5
# Extra weight of lede features inside the whole-text vector.
LEDE_BOOST = 2.0
# Names, numbers and word pairs say more about an event than single words; countries (which
# set a topic: every report of a war names both sides) less.
KIND_WEIGHT = {"w": 1.0, "e": 1.5, "n": 1.4, "b": 0.6, "c": 0.6}
# Pseudo-documents added to the corpus size so that IDF is sane on a handful of articles.
IDF_PRIOR_DOCS = 50
# A containment denominator below this (in weight units) would let a tiny text match anything.
MIN_MASS = 12.0
# Share of the pair score that comes from the sentence encoder (headline + lede meaning), when
# both articles have an embedding: it hears "re-elected leader" in "wins another term".
SEM_WEIGHT = 0.5
# Cosines below this say nothing (unrelated news sits at 0.0-0.3); above it they scale to 0..1.
SEM_FLOOR = 0.3


def idf(df: int, n_docs: int) -> float:
    """Inverse document frequency, smoothed for small corpora."""
    return math.log((n_docs + IDF_PRIOR_DOCS) / (df + 0.5))


def tf_weight(count: int) -> float:
    """Sub-linear term frequency: a word repeated ten times is not ten times the evidence."""
    return 1.0 + math.log(count)


def threshold(strictness: float) -> float:
    """Pair/story similarity needed to join a story, from the 0..1 strictness knob."""
    s = min(1.0, max(0.0, strictness))
    # Loose (0.05) at 0.0; 0.195 at the default 0.5, low enough for paraphrased versions now
    # that conflicting specifics keep a series' events apart; near copies only (0.62) at 1.0.
    if s <= 0.5:
        return 0.05 + 0.29 * s
    return 0.195 + 0.85 * (s - 0.5)


def day_number(value: str | None) -> int | None:
    """Day ordinal of an ISO date string (only its first 10 characters), or None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def date_factor(day_a: int | None, day_b: int | None) -> float:
    """Penalty for articles published days apart: they rarely report the same event."""
    if day_a is None or day_b is None:
        return 1.0
    gap = abs(day_a - day_b)
    if gap <= 1:
        return 1.0
    if gap == 2:
        return 0.85
    if gap == 3:
        return 0.6
    return 0.3


def containment(a: dict[int, float], b: dict[int, float], mass_a: float, mass_b: float) -> float:
    """Share of the smaller vector's weight that the other one covers (weighted min overlap)."""
    if len(a) > len(b):
        a, b = b, a
    overlap = 0.0
    for f in a.keys() & b.keys():
        wa = a[f]
        wb = b[f]
        overlap += wa if wa < wb else wb
    if overlap == 0.0:
        return 0.0
    return overlap / max(min(mass_a, mass_b), MIN_MASS)


def pair_score(va: "Vector", vb: "Vector") -> float:
    """Similarity of two articles in 0..1: lede against lede, whole against whole, by date."""
    lede = containment(va.lede, vb.lede, va.lede_mass, vb.lede_mass)
    full = containment(va.full, vb.full, va.mass, vb.mass)
    score = LEDE_SHARE * lede + (1.0 - LEDE_SHARE) * full
    if va.emb is not None and vb.emb is not None:
        # Meaning hears a pair the words missed ("re-elected" / "wins another term"); it is
        # weighed by whether the ledes' specifics agree, or every rehab story would be one.
        sem = semantic(va.emb, vb.emb)
        score *= 1.0 - SEM_WEIGHT
        if sem > 0.0:  # (agreement is the costly part: unrelated pairs skip it)
            score += SEM_WEIGHT * sem * agreement(va, vb)
    score *= date_factor(va.day, vb.day)
    if va.specs and vb.specs:
        # Ledes that disagree on a specific (which flight, what magnitude) rarely report one
        # event; a penalty, not a veto, since an outlet may give a figure in other terms.
        score *= conflict_factor(va.specs, vb.specs)
    return score


def semantic(a, b) -> float:
    """Encoder cosine of two unit vectors, rescaled so unrelated news scores 0."""
    cos = float(a @ b)
    return max(0.0, (cos - SEM_FLOOR) / (1.0 - SEM_FLOOR))


# Lede coverage (see agreement) at which the encoder's opinion counts in full.
AGREE_FULL = 0.3


def agreement(va: "Vector", vb: "Vector") -> float:
    """Whether each lede's specifics (rare words: who, where, which) appear in the other text.

    The encoder hears that two ledes tell the same kind of event; it cannot tell Tara Reid's
    rehab from Lindsay Lohan's. Each lede's heaviest features are mostly its names, places and
    figures, so the share of them the other article mentions at all says "same event".
    """
    ab = containment_one(va.lede, vb.full, va.lede_mass)
    ba = containment_one(vb.lede, va.full, vb.lede_mass)
    return min(1.0, min(ab, ba) / AGREE_FULL)


def containment_one(a: dict[int, float], b: dict[int, float], mass_a: float) -> float:
    """Share of a's weight whose features b has at all."""
    if mass_a <= 0.0:
        return 1.0
    return sum(w for f, w in a.items() if f in b) / mass_a


class Vector:
    """IDF-weighted features of one article (and its embedding, if any), ready for scoring."""

    __slots__ = ("full", "lede", "mass", "lede_mass", "day", "specs", "emb")

    def __init__(self, full: dict[int, float], lede: dict[int, float], day: int | None,
                 mass: float | None = None, lede_mass: float | None = None,
                 specs: Specifics | None = None, emb=None) -> None:
        self.emb = emb
        self.full = full
        self.lede = lede
        self.mass = sum(full.values()) if mass is None else mass
        self.lede_mass = sum(lede.values()) if lede_mass is None else lede_mass
        self.day = day
        self.specs = specs


def unit_vector(row):
    """A float32 copy of an embedding row, or None for a zero row (no text was embedded)."""
    import numpy as np

    vec = np.asarray(row, dtype=np.float32)
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else None
