"""StoryIndex: incremental adds join existing stories, keys are stable, the blob round-trips."""

from __future__ import annotations

import pytest

from reader.core.grouping import StoryIndex, group_stories
from tests.core.grouping.helpers import load_corpus


def test_later_versions_join_the_existing_stories():
    articles, labels = load_corpus("europe_week.txt")
    first, later = [], []
    seen: set[str] = set()
    for a in articles:
        (later if labels[a.id] in seen else first).append(a)
        seen.add(labels[a.id])
    index = StoryIndex()
    keys = index.add(first)
    story_of_label = {labels[a]: k for a, k in keys.items()}
    assert len(set(keys.values())) == len(first)  # one version of each story so far
    added = index.add(later)
    joined = sum(added[a.id] == story_of_label[labels[a.id]] for a in later)
    # All but the hardest paraphrase (the December ECB pair) join their story.
    assert joined >= len(later) - 1
    assert {k for k in added.values()} <= set(keys.values()) | set(added.values())
    # Existing stories keep their keys.
    assert all(index.story_of(a) == k for a, k in keys.items())


def test_incremental_and_batch_agree_on_the_corpus():
    articles, _ = load_corpus("conflict_politics.txt")
    index = StoryIndex()
    for start in range(0, len(articles), 7):
        index.add(articles[start:start + 7])
    incremental = {frozenset(g.article_ids) for g in index.groups()}
    batch = {frozenset(g.article_ids) for g in group_stories(articles)}
    assert len(incremental ^ batch) <= 2


def test_adding_an_article_twice_changes_nothing():
    articles, _ = load_corpus("undated_week.txt")
    index = StoryIndex()
    keys = index.add(articles)
    before = index.groups()
    assert index.add(articles[:5]) == {a.id: keys[a.id] for a in articles[:5]}
    assert index.groups() == before
    assert len(index) == len(articles)


def test_blob_is_compact_and_restores(tmp_path):
    articles, _ = load_corpus("europe_week.txt")
    index = StoryIndex(0.3)
    index.add(articles)
    blob = index.to_bytes()
    path = tmp_path / "index.bin"
    path.write_bytes(blob)
    restored = StoryIndex.from_bytes(path.read_bytes())
    assert restored.groups() == index.groups()
    assert restored.strictness == 0.3
    assert len(blob) < 2000 * len(articles)


def test_from_bytes_rejects_other_data():
    with pytest.raises(ValueError):
        StoryIndex.from_bytes(b"not an index")


def test_story_reasons_name_the_shared_specifics():
    articles, labels = load_corpus("europe_week.txt")
    groups = group_stories(articles)
    (ciaran,) = [g for g in groups if {labels[a] for a in g.article_ids} == {"storm-ciaran"}]
    assert "Storm Ciaran" in ciaran.reasons or "Ciaran" in ciaran.reasons
    assert ciaran.title == "Storm Ciaran batters southern England and Channel coast, one dead"
    singles = [g for g in groups if len(g.article_ids) == 1]
    assert singles and all(g.reasons == () for g in singles)
