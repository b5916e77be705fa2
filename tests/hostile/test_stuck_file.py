"""Class 1: no single file stalls an import: a file the helper is stuck in is skipped."""

from __future__ import annotations

from pathlib import Path

from reader.core.library import feeder
from tests.hostile.helpers import GOOD
from tests.hostile.stuck_helper import hanging_helper


def test_a_file_that_never_finishes_is_skipped_and_the_rest_imported(tmp_path, monkeypatch):
    monkeypatch.setattr(feeder, "FILE_TIME_LIMIT_S", 2.0)
    for name in ("a.txt", "b.txt", "hang.txt", "x.txt", "y.txt"):
        (tmp_path / name).write_text(GOOD.replace("river", f"river {name[0]}"),
                                     encoding="utf-8")
    results = list(feeder.ingest_results([str(tmp_path)], 5, parallel=True,
                                         helper=hanging_helper))
    assert [Path(r.source).name for r in results] == ["a.txt", "b.txt", "hang.txt", "x.txt",
                                                      "y.txt"]
    stuck = results[2]
    assert stuck.articles == () and "took longer than 2 s to read; skipped" in \
        stuck.rejection.reason
    assert all(r.articles for r in results if r is not stuck)
