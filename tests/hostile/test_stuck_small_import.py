"""Class 1 for small imports too: a file that never finishes reading is skipped, the rest read."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from reader.core.ingest import api
from reader.core.library import feeder
from tests.hostile.helpers import GOOD


def test_a_stuck_file_in_a_small_in_process_import_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(feeder, "FILE_TIME_LIMIT_S", 1.0)
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
        results = list(feeder.ingest_results([str(tmp_path)], 4, parallel=False))
    finally:
        release.set()  # let the abandoned thread finish
    assert [Path(r.source).name for r in results] == ["a.txt", "b.txt", "hang.txt", "x.txt"]
    assert "took longer than 1 s to read; skipped" in results[2].rejection.reason
    assert all(r.articles for i, r in enumerate(results) if i != 2)
