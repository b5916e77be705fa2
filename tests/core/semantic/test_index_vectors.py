"""The grouping index keeps each article's vector: a saved and restored index scores the same."""

from __future__ import annotations

import numpy as np

from reader.core.grouping import StoryIndex
from reader.core.semantic import embed_articles
from tests.core.grouping.helpers import load_corpus


def test_restored_index_keeps_vectors_and_groups_alike():
    articles, _ = load_corpus("paraphrase_2024.txt")
    half = len(articles) // 2
    vecs = embed_articles(articles)
    index = StoryIndex()
    index.add(articles[:half], vecs[:half])
    restored = StoryIndex.from_bytes(index.to_bytes())
    kept = [v for v in restored._emb if v is not None]
    assert len(kept) == half
    assert all(np.linalg.norm(v) > 0.99 for v in kept)
    index.add(articles[half:], vecs[half:])
    restored.add(articles[half:], vecs[half:])
    assert [g.article_ids for g in index.groups()] == [g.article_ids for g in restored.groups()]
