"""Issue 4's checks on the seeds' "legitimate targets" story (five versions)."""

from __future__ import annotations

import pytest

from reader.core.align import align_story
from reader.core.align.worddiff import word_diff
from reader.core.model import DIFF_EQUAL, Story
from reader.core.settings import AnalysisSettings
from tests.core.align.seedstory import group, legitimate_targets

DIGEST, DIGEST2, AP, ARAB, OTHER = "a1", "a2", "a3", "a4", "a5"


@pytest.fixture(scope="module")
def story() -> tuple[Story, dict]:
    arts = legitimate_targets()
    return align_story("s1", group(arts), arts, AnalysisSettings()), {a.id: a for a in arts}


def _find(arts: dict, aid: str, needle: str) -> int:
    hits = [i for i, s in enumerate(arts[aid].sentences) if needle in s]
    assert len(hits) == 1, (aid, needle, hits)
    return hits[0]


def _passage_of(story: Story, aid: str, idx: int):
    return next(p for p in story.passages if idx in p.members.get(aid, ()))


def test_every_digest_sentence_shares_a_passage_with_ap(story):
    st, arts = story
    assert len(arts[DIGEST].sentences) == 5
    for i in range(5):
        assert AP in _passage_of(st, DIGEST, i).members, arts[DIGEST].sentences[i]


def test_digest_sentences_three_and_four_match_one_ap_sentence(story):
    st, arts = story
    troops = _find(arts, AP, "If any troops appear there")
    p = _passage_of(st, AP, troops)
    assert p.members[AP] == (troops,)
    assert p.members[DIGEST] == (2, 3)


def test_identical_digests_share_passages_without_word_differences(story):
    st, arts = story
    settings = AnalysisSettings()
    for i in range(5):
        p = _passage_of(st, DIGEST, i)
        assert p.members[DIGEST] == p.members[DIGEST2]
        assert p.diffs[DIGEST] == p.diffs[DIGEST2]
        a = " ".join(arts[DIGEST].sentences[k] for k in p.members[DIGEST])
        b = " ".join(arts[DIGEST2].sentences[k] for k in p.members[DIGEST2])
        assert all(d.op == DIFF_EQUAL for d in word_diff(a, b, settings))


@pytest.mark.parametrize("aid,needle", [
    (AP, "legally binding documents"),
    (ARAB, "Friedrich Merz"),
    (ARAB, "Giorgia Meloni"),
    (OTHER, "the United States, the United Kingdom, and Poland"),
])
def test_added_by_one_outlet_alone(story, aid, needle):
    st, arts = story
    p = _passage_of(st, aid, _find(arts, aid, needle))
    assert list(p.members) == [aid]
    assert p.id in st.findings[aid].added
    for other in arts:
        if other != aid:
            assert p.id in st.findings[other].omitted_any


def test_low_overlap_paraphrase_shares_a_passage(story):
    st, arts = story
    mine = _find(arts, OTHER, "security guarantees should apply to both Russia and Ukraine")
    theirs = _find(arts, AP, "security guarantees would be needed for both Russia and Ukraine")
    assert theirs in _passage_of(st, OTHER, mine).members.get(AP, ())


def test_quote_variant_links_the_two_translations_of_putins_remark(story):
    st, arts = story
    ap = _find(arts, AP, "If any troops appear there")
    arab = _find(arts, ARAB, "If some troops appear there")
    linked = [
        v for v in st.quote_variants
        if {(o.article_id, o.sentence) for o in v.occurrences} >= {(AP, ap), (ARAB, arab)}
    ]
    assert len(linked) == 1
    variant = linked[0]
    assert variant.speaker == "Putin"
    for o in variant.occurrences:
        if (o.article_id, o.sentence) in {(AP, ap), (ARAB, arab)}:
            assert o.speaker == "Putin"
            assert "legitimate targets" in o.quote


def test_omitted_means_shared_by_two_others(story):
    st, arts = story
    by_id = {p.id: p for p in st.passages}
    for aid, f in st.findings.items():
        for pid in f.omitted:
            assert aid not in by_id[pid].members and len(by_id[pid].members) >= 2
        assert set(f.omitted) <= set(f.omitted_any)
        assert [pos.sentence for pos in f.positions] == sorted(pos.sentence for pos in f.positions)


def test_reference_setting_picks_the_outlet(story):
    _, arts = story
    settings = AnalysisSettings(reference="Arab News")
    st = align_story("s1", group(list(arts.values())), list(arts.values()), settings)
    for p in st.passages:
        if ARAB in p.members:
            assert p.reference == ARAB


def test_single_version_story_is_cheap_and_complete():
    art = legitimate_targets()[2]
    st = align_story("s9", group([art]), [art], AnalysisSettings())
    assert [p.members[art.id] for p in st.passages] == [(i,) for i in range(len(art.sentences))]
    assert st.findings[art.id].added == () and len(st.findings[art.id].positions) == len(art.sentences)
