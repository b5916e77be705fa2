"""The ingest helper process: same results as in-process ingest, stops when told to."""

from __future__ import annotations

from dataclasses import replace

import multiprocessing as mp

from reader.core.ingest.api import iter_ingest
from reader.core.library import Library
from reader.core.library.feeder import ingest_results
from tests.core.library.helpers import write_articles


def test_helper_yields_what_iter_ingest_yields(tmp_path):
    write_articles(tmp_path / "in", 12)
    (tmp_path / "in" / "empty.txt").write_text("")
    paths = [str(tmp_path / "in"), str(tmp_path / "missing.txt")]
    inline = list(iter_ingest(paths))
    helped = list(ingest_results(paths, len(inline), parallel=True))
    # The helper also embeds: one float16 vector (768 bytes) per article, the same as in-process.
    assert all(len(r.embeddings) == len(r.articles) for r in helped)
    assert all(len(v) == 768 for r in helped for v in r.embeddings)
    from reader.core.semantic import embed_articles

    first = next(r for r in helped if r.articles)
    expected = embed_articles(first.articles).astype("<f2")
    assert first.embeddings == tuple(v.tobytes() for v in expected)
    assert [replace(r, embeddings=()) for r in helped] == inline
    assert sum(r.rejection is not None for r in helped) == 2
    assert mp.active_children() == []


def test_cancelled_parallel_import_stops_the_helper(tmp_path):
    write_articles(tmp_path / "in", 40)
    seen = []
    with Library.open(tmp_path / "lib.sqlite") as lib:
        summary = lib.import_paths([str(tmp_path / "in")], parallel=True,
                                   progress=lambda d, t, s: seen.append(d),
                                   cancel=lambda: len(seen) >= 5)
        assert summary.cancelled and summary.files == 5 and lib.count_articles() == 5
    assert mp.active_children() == []


def test_parallel_and_inline_imports_store_the_same(tmp_path):
    write_articles(tmp_path / "in", 30)
    stored = []
    for parallel in (False, True):
        with Library.open(tmp_path / f"lib{parallel}.sqlite") as lib:
            lib.import_paths([str(tmp_path / "in")], parallel=parallel)
            stored.append([(a.source, a.title, a.sentences) for a in lib.articles()])
    assert stored[0] == stored[1] and len(stored[0]) == 30
