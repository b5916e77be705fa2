"""Alignment quality on generated version sets with known truth, held to floors."""

from __future__ import annotations

from reader.core.align import align_story
from reader.core.model import StoryGroup
from reader.core.settings import AnalysisSettings
from tests.core.align.evalsets import precision_recall, score, version_sets

# Measured when the floors were set: added P 0.90 R 0.97, omitted P 0.70 R 0.80,
# aligned pairs P 0.97 R 0.86. Floors leave a little room for tuning, not for regressions.
FLOORS = {"added": (0.85, 0.92), "omitted": (0.62, 0.72), "pairs": (0.93, 0.80)}


def test_added_omitted_and_pairs_meet_floors():
    counts = []
    for vs in version_sets():
        g = StoryGroup(tuple(a.id for a in vs.articles))
        counts.append(score(vs, align_story("s1", g, vs.articles, AnalysisSettings())))
    figures = precision_recall(counts)
    for key, (p_floor, r_floor) in FLOORS.items():
        precision, recall = figures[key]
        assert precision >= p_floor and recall >= r_floor, (key, figures[key])


def test_scorer_punishes_a_broken_aligner():
    """The scorer is honest: one passage per sentence finds no shared content."""
    vs = version_sets()[1]
    from reader.core.align.api import _findings
    from reader.core.model import Passage, Story
    passages = [Passage(f"p{k}", {a.id: (i,)}, a.id)
                for k, (a, i) in enumerate((a, i) for a in vs.articles
                                           for i in range(len(a.sentences)))]
    story = Story("s", "", tuple(a.id for a in vs.articles), tuple(passages),
                  _findings(vs.articles, passages))
    figures = precision_recall([score(vs, story)])
    assert figures["pairs"][1] == 0.0 and figures["added"][0] < 0.5
