"""Class 6: a big article already in the library does not make later imports quadratic.

Counts SQLite virtual-machine steps (deterministic, unlike a stopwatch): importing the same
small files must cost about as many steps after a library held one big article (and was
closed, so PRAGMA optimize recorded one-row statistics) as into an empty one.
The wall-clock figures are in tests/perf/test_bench_hostile.py (`make bench`).
"""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library
from tests.core.library.helpers import write_articles
from tests.perf.test_bench_hostile import _write_big

N = 1500
STEP = 1000


def _steps(lib_path: Path, folder: Path) -> int:
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0

    with Library.open(lib_path) as lib:
        lib._conn.set_progress_handler(tick, STEP)
        lib.import_paths([str(folder)], parallel=False)
        lib._conn.set_progress_handler(None, STEP)
    return counted[0] * STEP


def test_import_after_a_big_article_costs_no_more_sql_work(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("reader.core.library.library.GROUP_BATCH", 300)
    small = tmp_path / "small"
    write_articles(small, N)
    big = tmp_path / "big"
    big.mkdir()
    _write_big(big / "enormous.txt", size=256 * 1024)
    fresh = _steps(tmp_path / "fresh.sqlite", small)
    loaded = tmp_path / "loaded.sqlite"
    with Library.open(loaded) as lib:
        lib.import_paths([str(big)], parallel=False)
    after = _steps(loaded, small)
    assert after <= 1.5 * fresh, (after, fresh)
