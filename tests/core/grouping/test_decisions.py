"""apply_decisions: move, split, merge, rename, in order; stale decisions are ignored."""

from __future__ import annotations

from reader.core.grouping import apply_decisions
from reader.core.model import Decision, StoryGroup

GROUPS = [
    StoryGroup(("a1", "a2", "a3"), "Storm", ("Ciaran",)),
    StoryGroup(("a4", "a5"), "Rates", ("ECB",)),
    StoryGroup(("a6",), "Quake"),
]


def as_sets(groups):
    return sorted(sorted(g.article_ids) for g in groups)


def test_move_puts_the_article_in_the_other_story():
    out = apply_decisions(GROUPS, [Decision("move", "a3", "a6")])
    assert as_sets(out) == [["a1", "a2"], ["a3", "a6"], ["a4", "a5"]]


def test_split_makes_a_story_of_its_own_titled_by_the_article():
    out = apply_decisions(GROUPS, [Decision("split", "a2")], titles={"a2": "Own headline"})
    assert ["a2"] in as_sets(out)
    assert [g.title for g in out if g.article_ids == ("a2",)] == ["Own headline"]


def test_merge_joins_both_stories_and_moving_the_last_member_drops_the_story():
    out = apply_decisions(GROUPS, [Decision("merge", "a1", "a5"), Decision("move", "a6", "a1")])
    assert as_sets(out) == [["a1", "a2", "a3", "a4", "a5", "a6"]]
    assert out[0].title == "Storm"


def test_rename_and_order_matters():
    decisions = [Decision("rename", "a4", None, "Lagarde pauses"), Decision("split", "a4"),
                 Decision("rename", "a5", None, "ECB holds")]
    out = {g.article_ids: g.title for g in apply_decisions(GROUPS, decisions)}
    assert out[("a5",)] == "ECB holds"
    assert out[("a4",)] == "Lagarde pauses"


def test_decisions_on_missing_articles_are_ignored():
    decisions = [Decision("move", "gone", "a1"), Decision("merge", "a1", "gone"),
                 Decision("split", "gone"), Decision("rename", "gone", None, "x")]
    assert apply_decisions(GROUPS, decisions) == GROUPS
