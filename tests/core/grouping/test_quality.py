"""Grouping quality on hand-written multi-outlet corpora, scored with B-cubed F1 and ARI."""

from __future__ import annotations

import pytest

from reader.core.grouping import group_stories
from reader.core.grouping.quality import adjusted_rand, bcubed, labels_of
from tests.core.grouping.helpers import load_corpus

# Floors (F1, ARI) set just below today's figures on each set, so a regression fails the test.
# series_month.txt and followups_2023.txt were measured before any tuning on them (series_month
# F1 0.819 ARI 0.656 before the specifics check; followups_2023 F1 0.769 ARI 0.522 before the
# threshold moved); their low recall is paraphrase the method does not yet catch.
FLOORS = {
    "europe_week.txt": (0.97, 0.96),
    "conflict_politics.txt": (0.98, 0.98),
    "undated_week.txt": (0.98, 0.98),
    "series_month.txt": (0.90, 0.80),
    "followups_2023.txt": (0.78, 0.58),
    # Round 2, never tuned on: low-overlap rewordings (F1 0.613 ARI 0.163 before round 2's
    # lexicon folds, 0.690 / 0.358 after).
    "paraphrase_2024.txt": (0.68, 0.35),
}
CORPORA = list(FLOORS)


def score(name: str, strictness: float = 0.5) -> tuple[float, float, float, float]:
    """(precision, recall, F1, ARI) of the grouping of one corpus."""
    articles, labels = load_corpus(name)
    groups = group_stories(articles, strictness=strictness)
    predicted = labels_of(g.article_ids for g in groups)
    p, r, f = bcubed(predicted, labels)
    return p, r, f, adjusted_rand(predicted, labels)


@pytest.mark.parametrize("name", CORPORA)
def test_grouping_quality_floor(name):
    p, r, f1, ari = score(name)
    min_f1, min_ari = FLOORS[name]
    assert f1 >= min_f1, (name, p, r, f1, ari)
    assert ari >= min_ari, (name, p, r, f1, ari)


def test_strictness_moves_the_threshold():
    loose = score("europe_week.txt", 0.0)
    strict = score("europe_week.txt", 1.0)
    # Strict grouping keeps stories pure but splits paraphrased versions.
    assert strict[0] == 1.0
    assert strict[1] < score("europe_week.txt", 0.5)[1]
    assert loose[1] >= strict[1]


def test_scorer_on_known_partitions():
    truth = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(truth, truth) == (1.0, 1.0, 1.0)
    assert adjusted_rand(truth, truth) == 1.0
    everything = {"a": 0, "b": 0, "c": 0, "d": 0}
    p, r, _ = bcubed(everything, truth)
    assert (p, r) == (0.5, 1.0)
    singles = {"a": 1, "b": 2, "c": 3, "d": 4}
    p, r, _ = bcubed(singles, truth)
    assert (p, r) == (1.0, 0.5)
    assert adjusted_rand(singles, truth) == 0.0
