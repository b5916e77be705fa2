"""A report that average link leaves alone joins the story that is clearly its own."""

from __future__ import annotations

from reader.core.grouping.cluster import attach_strays

THR = 0.2


def _run(scores: dict[tuple[int, int], float], clusters, movable=lambda m: True,
         files=lambda m: ""):
    edges = list(scores)

    def score(a: int, b: int) -> float:
        return scores.get((a, b) if a < b else (b, a), 0.0)

    return attach_strays([list(c) for c in clusters], movable, edges, score, {}, THR, files)


# Story 0-3; report 9 matches two of its four versions well (0.30, 0.25) and two weakly:
# average 0.14, under the threshold, but 0.7 of it and far above any other story.
STRAY = {(0, 9): 0.30, (1, 9): 0.25, (2, 9): 0.01, (3, 9): 0.0, (4, 9): 0.02, (5, 9): 0.01}
STORIES = [[0, 1, 2, 3], [4, 5], [9]]


def test_stray_joins_the_story_it_is_clearly_closest_to():
    assert _run(STRAY, STORIES) == [[0, 1, 2, 3, 9], [4, 5]]


def test_stray_stays_alone_when_another_story_comes_close():
    close = {**STRAY, (4, 9): 0.2, (5, 9): 0.05}
    assert _run(close, STORIES) == STORIES


def test_stray_needs_one_version_above_the_threshold():
    weak = {**STRAY, (0, 9): 0.19, (1, 9): 0.19, (2, 9): 0.15}
    assert _run(weak, STORIES) == STORIES


def test_stray_stays_alone_below_the_average_floor():
    thin = {(0, 9): 0.25, (1, 9): 0.0, (2, 9): 0.0, (3, 9): 0.0}
    assert _run(thin, STORIES) == STORIES  # average 0.06 < 0.6 x 0.2


def test_what_may_not_move_does_not():
    # An article of a story that already exists, a short text, or a part of a file that
    # already has a part in the story.
    assert _run(STRAY, STORIES, movable=lambda m: m != 9) == STORIES
    assert _run(STRAY, STORIES, files=lambda m: "digest.txt" if m in (3, 9) else "") \
        == STORIES


def test_a_pair_of_strays_joins_as_one():
    # Reports 8 and 9 tell one aspect of story 0-3 (average link kept the pair apart): 8
    # matches one version above the threshold, the pair's average link is 0.6 of it.
    pair = {(8, 9): 0.5, (0, 8): 0.3, (1, 8): 0.2, (2, 8): 0.1, (3, 8): 0.1,
            (0, 9): 0.1, (1, 9): 0.1, (2, 9): 0.05, (3, 9): 0.05, (4, 9): 0.01}
    assert _run(pair, [[0, 1, 2, 3], [4, 5], [8, 9]]) == [[0, 1, 2, 3, 8, 9], [4, 5]]
    # Not when one of them may not move, nor into a cluster no larger than itself.
    assert _run(pair, [[0, 1, 2, 3], [4, 5], [8, 9]], movable=lambda m: m != 8) == \
        [[0, 1, 2, 3], [4, 5], [8, 9]]
    assert _run({(0, 8): 0.9, (1, 9): 0.9}, [[0, 1], [8, 9]]) == [[0, 1], [8, 9]]


def test_strays_do_not_join_each_other():
    assert _run({(1, 2): 0.9}, [[1], [2]]) == [[1], [2]]


def test_index_attaches_a_long_stray_but_not_a_short_one(monkeypatch):
    """Through the index, with the pair scores above: a report long enough to judge joins;
    a two-line brief with the same scores stays alone."""
    import numpy as np

    from reader.core.grouping import StoryIndex
    from reader.core.grouping import index as index_module
    from tests.core.grouping.helpers import make_article

    table = {(0, 1): 0.9, (0, 2): 0.9, (0, 3): 0.9, (1, 2): 0.9, (1, 3): 0.9, (2, 3): 0.9,
             **{(a, 4): s for (a, _), s in STRAY.items() if a < 4}}
    # Each article's "embedding" is its number, so the patched score can look pairs up.
    monkeypatch.setattr(index_module, "pair_score", lambda va, vb: table.get(
        tuple(sorted((int(np.argmax(va.emb)), int(np.argmax(vb.emb))))), 0.0))
    sentence = "Flood waters rose in the river valley town on Monday, officials said. "

    def groups(stray_sentences: int):
        arts = [make_article(f"a{i}", f"f{i}.txt", 0, "Flood in the valley", "X", None,
                             [sentence * (12 if i < 4 else stray_sentences)])
                for i in range(5)]
        index = StoryIndex()
        index.add(arts, list(np.eye(5, dtype=np.float32)))
        return sorted(sorted(g.article_ids) for g in index.groups())

    assert groups(12) == [["a0", "a1", "a2", "a3", "a4"]]
    assert groups(2) == [["a0", "a1", "a2", "a3"], ["a4"]]
