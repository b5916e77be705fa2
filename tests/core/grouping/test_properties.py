"""Hypothesis properties: order independence, partitions, decisions that survive regrouping."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.grouping import StoryIndex, apply_decisions, group_stories
from reader.core.model import Decision
from tests.core.grouping.helpers import load_corpus, load_seed_split

EUROPE, _ = load_corpus("europe_week.txt")
UNDATED, _ = load_corpus("undated_week.txt")
SEEDS, _ = load_seed_split()
POOL = EUROPE + UNDATED + SEEDS

SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def partition(groups) -> set[frozenset[str]]:
    """Groups as a set of sets of article ids."""
    return {frozenset(g.article_ids) for g in groups}


def assert_partition(groups, ids) -> None:
    seen = [a for g in groups for a in g.article_ids]
    assert sorted(seen) == sorted(ids)
    assert all(g.article_ids for g in groups)


subsets = st.lists(st.sampled_from(POOL), min_size=1, max_size=25, unique_by=lambda a: a.id)


@SETTINGS
@given(subsets, st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_input_order(articles, rnd):
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    first = group_stories(articles)
    assert_partition(first, [a.id for a in articles])
    assert partition(first) == partition(group_stories(shuffled))


@SETTINGS
@given(subsets, st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_ids_given_by_input_position(articles, rnd):
    # The pipeline numbers articles a1, a2, … in input order: reordering files renumbers them.
    from dataclasses import replace

    shuffled = list(articles)
    rnd.shuffle(shuffled)
    renamed = [replace(a, id=f"a{i}") for i, a in enumerate(shuffled, start=1)]
    original_of = {r.id: a.id for r, a in zip(renamed, shuffled)}
    regrouped = {frozenset(original_of[x] for x in g.article_ids) for g in group_stories(renamed)}
    assert regrouped == partition(group_stories(articles))


@SETTINGS
@given(subsets, st.floats(min_value=0.0, max_value=1.0))
def test_every_article_in_exactly_one_story_at_any_strictness(articles, strictness):
    assert_partition(group_stories(articles, strictness=strictness), [a.id for a in articles])


def decisions_for(ids: list[str]):
    """Decisions naming the given article ids (and sometimes an id no longer present)."""
    some_id = st.sampled_from(ids + ["gone-1"])
    return st.lists(
        st.one_of(
            st.builds(Decision, st.just("move"), some_id, some_id),
            st.builds(Decision, st.just("split"), some_id),
            st.builds(Decision, st.just("merge"), some_id, some_id),
            st.builds(Decision, st.just("rename"), some_id, st.none(), st.text(min_size=1,
                                                                               max_size=8)),
        ),
        max_size=8,
    )


def check_last_decision(groups, decision: Decision) -> None:
    """The effect of the last decision holds in the result."""
    where = {a: g for g in groups for a in g.article_ids}
    if decision.article_id not in where:
        return
    group = where[decision.article_id]
    if decision.kind in ("move", "merge") and decision.other_id in where:
        assert decision.other_id in group.article_ids
    elif decision.kind == "split":
        assert group.article_ids == (decision.article_id,)
    elif decision.kind == "rename":
        assert group.title == decision.title


@SETTINGS
@given(st.data())
def test_decisions_survive_regrouping_with_more_articles(data):
    articles = data.draw(subsets)
    ids = [a.id for a in articles]
    decisions = data.draw(decisions_for(ids))
    more = data.draw(subsets)
    combined = list({a.id: a for a in articles + more}.values())
    for batch in (articles, combined):
        result = apply_decisions(group_stories(batch), decisions)
        assert_partition(result, [a.id for a in batch])
        if decisions:
            check_last_decision(result, decisions[-1])


@SETTINGS
@given(st.data())
def test_independent_decisions_all_hold(data):
    articles = data.draw(subsets.filter(lambda xs: len(xs) >= 4))
    ids = [a.id for a in articles]
    chosen = data.draw(st.permutations(ids))
    # Decisions on disjoint articles: every one of them must still hold at the end.
    decisions = [Decision("split", chosen[0]), Decision("merge", chosen[1], chosen[2])]
    groups = group_stories(articles)
    result = apply_decisions(groups, decisions)
    assert_partition(result, ids)
    for d in decisions:
        check_last_decision(result, d)


@SETTINGS
@given(subsets, st.integers(min_value=1, max_value=4))
def test_adding_in_batches_gives_a_valid_partition(articles, batches):
    index = StoryIndex()
    keys: dict[str, str] = {}
    for i in range(batches):
        keys.update(index.add(articles[i::batches]))
    groups = index.groups()
    assert_partition(groups, [a.id for a in articles])
    for g in groups:
        assert len({keys[a] for a in g.article_ids}) == 1


@SETTINGS
@given(subsets, subsets)
def test_index_round_trips_through_bytes(first, second):
    index = StoryIndex(0.4)
    index.add(first)
    restored = StoryIndex.from_bytes(index.to_bytes())
    assert restored.strictness == 0.4
    assert restored.groups() == index.groups()
    fresh = [a for a in second if a.id not in {x.id for x in first}]
    assert restored.add(fresh) == index.add(fresh)
    assert restored.groups() == index.groups()
