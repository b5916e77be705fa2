"""Class 1 for `parallax group` / `compare` too: a file that never finishes reading is skipped."""

from __future__ import annotations

import os
import threading

from reader.core.ingest import api, guarded
from reader.core.pipeline import analyze_paths
from tests.hostile.helpers import GOOD


def test_a_stuck_file_is_skipped_and_the_rest_analysed(tmp_path, monkeypatch):
    monkeypatch.setattr(guarded, "FILE_TIME_LIMIT_S", 1.0)
    release = threading.Event()
    real = api._ingest_file

    def maybe_hang(path: str):
        if os.path.basename(path) == "hang.txt":
            release.wait()  # like a read from a hung mount
        return real(path)

    monkeypatch.setattr(api, "_ingest_file", maybe_hang)
    for name in ("a.txt", "b.txt", "hang.txt", "x.txt"):
        (tmp_path / name).write_text(GOOD.replace("river", f"river {name[0]}"), encoding="utf-8")
    try:
        doc = analyze_paths([str(tmp_path)])
    finally:
        release.set()  # let the abandoned thread finish
    assert [os.path.basename(r.source) for r in doc.rejected] == ["hang.txt"]
    assert "took longer than 1 s to read; skipped" in doc.rejected[0].reason
    assert sorted(os.path.basename(a.source) for a in doc.articles) == ["a.txt", "b.txt", "x.txt"]
    assert sum(len(s.article_ids) for s in doc.stories) == 3
