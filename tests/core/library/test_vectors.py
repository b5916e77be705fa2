"""Encoder vectors are stored once per article; regrouping and reopening compute none again."""

from __future__ import annotations

import sqlite3

import numpy as np

import reader.core.semantic.texts as texts
from reader.core.library import Library
from tests.core.library.helpers import write_articles


def _count(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]


def test_import_stores_one_vector_per_article_and_regroup_reuses_them(tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 6)
    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        lib.import_paths([str(tmp_path / "in")])
    assert _count(db) == 6
    calls = []
    real = texts.embed_articles
    monkeypatch.setattr(texts, "embed_articles", lambda arts, *a, **k: (
        calls.append(len(arts)), real(arts, *a, **k))[1])
    import reader.core.semantic as semantic
    monkeypatch.setattr(semantic, "embed_articles", texts.embed_articles)
    with Library.open(db) as lib:
        lib.regroup()
    assert calls == []  # every vector came from the table
    write_articles(tmp_path / "more", 2, start=6)
    with Library.open(db) as lib:
        lib.import_paths([str(tmp_path / "more")])
    assert calls == [2] and _count(db) == 8


def test_a_library_without_vectors_fills_them_in_when_next_grouped(tmp_path):
    write_articles(tmp_path / "in", 4)
    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        lib.import_paths([str(tmp_path / "in")])
    with sqlite3.connect(db) as conn:  # as a library from before the embeddings table
        conn.execute("DELETE FROM embeddings")
    with Library.open(db) as lib:
        lib.regroup()
    assert _count(db) == 4
    with sqlite3.connect(db) as conn:
        blob = conn.execute("SELECT vector FROM embeddings LIMIT 1").fetchone()[0]
    vec = np.frombuffer(blob, dtype="<f2").astype(np.float32)
    assert abs(float(np.linalg.norm(vec)) - 1.0) < 0.01


def test_vectors_of_another_model_are_dropped(tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 3)
    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        lib.import_paths([str(tmp_path / "in")])
    import reader.core.semantic.encoder as encoder
    monkeypatch.setattr(encoder, "MODEL_TAG", "another-model:0")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE embeddings SET vector = zeroblob(768)")
    with Library.open(db) as lib:
        lib.regroup()
    with sqlite3.connect(db) as conn:
        blobs = [b for (b,) in conn.execute("SELECT vector FROM embeddings")]
        tag = conn.execute("SELECT value FROM meta WHERE key = 'embedding_model'").fetchone()[0]
    assert tag == "another-model:0"
    assert all(np.frombuffer(b, dtype="<f2").any() for b in blobs)
