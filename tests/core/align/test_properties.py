"""Hypothesis properties: passages partition sentences, diffs rebuild members, order does not matter."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from reader.core.align import align_story
from reader.core.align.worddiff import apply_diff, word_diff
from reader.core.model import DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, Article, StoryGroup
from reader.core.settings import AnalysisSettings
from tests.core.align.evalsets import bases

BASE = [s for b in bases().values() for s in b]
WORDS = ["Putin", "Zelenskyy", "Zelensky", "said", "says", "troops", "“targets”", '"targets"',
         "Ukraine’s", "Ukraine's", "—", "–", "-", "157", "drones", ",", ".", "the", "THE", "a"]

settings_st = st.builds(
    AnalysisSettings,
    ignore_case=st.booleans(), ignore_punctuation=st.booleans(),
    normalize_quotes=st.booleans(), name_variants=st.booleans(),
)
text_st = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join) | st.text(max_size=60)


@given(text_st, text_st, settings_st)
@hsettings(max_examples=300, deadline=None)
def test_word_diff_rebuilds_both_texts(ref, member, opts):
    ops = word_diff(ref, member, opts)
    assert apply_diff(ref, ops) == member
    assert "".join(d.text for d in ops if d.op != DIFF_INSERT) == ref
    assert "".join(d.text for d in ops if d.op != DIFF_DELETE) == member
    assert all(d.op != DIFF_EQUAL or not d.minor for d in ops)


@st.composite
def version_sets(draw):
    """2-6 versions drawn from real sentences: shared, dropped, edited, reordered a little."""
    seed = draw(st.integers(0, 10_000))
    rng = random.Random(seed)
    n = draw(st.integers(2, 6))
    start = rng.randrange(len(BASE) - 12)
    core = BASE[start:start + 12]
    arts = []
    for v in range(n):
        sents = [s for s in core if rng.random() > 0.3]
        sents = [s.replace("said", "told reporters") if rng.random() < 0.2 else s for s in sents]
        if rng.random() < 0.5:
            sents.insert(rng.randrange(len(sents) + 1), rng.choice(BASE))
        if len(sents) > 3 and rng.random() < 0.3:
            i = rng.randrange(len(sents) - 1)
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
        sents = sents or [core[0]]
        arts.append(Article(f"a{v + 1}", f"src{v}", 0, "", f"outlet{v}", None, None, tuple(sents)))
    return arts


def _members(story):
    return {frozenset((aid, i) for aid, idx in p.members.items() for i in idx)
            for p in story.passages}


@given(version_sets(), settings_st, st.randoms(use_true_random=False))
@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_passages_partition_rebuild_and_ignore_input_order(arts, opts, rnd):
    g = StoryGroup(tuple(a.id for a in arts))
    story = align_story("s1", g, arts, opts)
    by_id = {a.id: a for a in arts}
    seen = {a.id: [] for a in arts}
    for p in story.passages:
        assert p.members and p.reference in p.members
        ref = " ".join(by_id[p.reference].sentences[i] for i in p.members[p.reference])
        for aid, idx in p.members.items():
            seen[aid] += idx
            text = " ".join(by_id[aid].sentences[i] for i in idx)
            assert apply_diff(ref, p.diffs[aid]) == text
    for a in arts:
        assert sorted(seen[a.id]) == list(range(len(a.sentences)))
    shuffled = list(arts)
    rnd.shuffle(shuffled)
    again = align_story("s1", g, shuffled, opts)
    assert _members(again) == _members(story)
