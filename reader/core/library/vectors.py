"""Stored sentence-encoder vectors: computed once per article, read back for every regrouping."""

from __future__ import annotations

import sqlite3
from typing import Sequence

import numpy as np

from reader.core.model import Article

MODEL_KEY = "embedding_model"
_DTYPE = "<f2"
_CHUNK = 500


def model_tag() -> str:
    """Names the shipped model (the vectors of another model are not comparable)."""
    from reader.core.semantic.encoder import MODEL_TAG

    return MODEL_TAG


def vectors_for(conn: sqlite3.Connection, rowids: Sequence[int],
                articles: Sequence[Article]) -> list | None:
    """One unit vector (or None) per article: stored ones, the rest computed and stored.

    Runs inside the caller's write transaction. None when the encoder is unavailable, so
    grouping falls back to features alone rather than failing.
    """
    from reader.core.semantic import EncoderUnavailable, embed_articles

    _forget_other_models(conn)
    stored = load_vectors(conn, rowids)
    missing = [i for i, r in enumerate(rowids) if r not in stored]
    if missing:
        try:
            fresh = embed_articles([articles[i] for i in missing])
        except EncoderUnavailable:
            return None if not stored else [stored.get(r) for r in rowids]
        rows = []
        for i, vec in zip(missing, fresh):
            stored[rowids[i]] = vec
            rows.append((rowids[i], vec.astype(_DTYPE).tobytes()))
        conn.executemany("INSERT OR REPLACE INTO embeddings(article_id, vector) VALUES (?, ?)",
                         rows)
    return [stored.get(r) for r in rowids]


def load_vectors(conn: sqlite3.Connection, rowids: Sequence[int]) -> dict[int, np.ndarray]:
    """Stored vectors of these articles, as float32 rows by article rowid."""
    out: dict[int, np.ndarray] = {}
    ids = list(rowids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for rowid, blob in conn.execute(
                f"SELECT article_id, vector FROM embeddings WHERE article_id IN ({marks})", chunk):
            out[rowid] = np.frombuffer(blob, dtype=_DTYPE).astype(np.float32)
    return out


def _forget_other_models(conn: sqlite3.Connection) -> None:
    """Drop vectors another model made (after an update that changes the model)."""
    tag = model_tag()
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (MODEL_KEY,)).fetchone()
    if row is not None and row[0] == tag:
        return
    if row is not None:
        conn.execute("DELETE FROM embeddings")
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) "
                 "DO UPDATE SET value = excluded.value", (MODEL_KEY, tag))
