"""Benchmark (issue 12, class 6): a big article must not slow later imports.

Imports N_FILES small generated files with `parallax import` into an empty library, then the
same number into a library that already holds one 5 MB article (imported, and the library
closed, first: closing runs PRAGMA optimize, which records table statistics from that one-row
library). Prints both times; the second must stay within 1.5x of the first.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

from tests.core.library.helpers import article_text

N_FILES = int(os.environ.get("PARALLAX_BENCH_FILES", "20000"))
BIG_BYTES = 5 * 1024 * 1024
MAX_RATIO = 1.5
ROOT = Path(__file__).resolve().parents[2]


def _write_small(folder: Path, n: int) -> None:
    for i in range(n):
        sub = folder / f"batch{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(article_text(i), encoding="utf-8")


def _write_big(path: Path, size: int = BIG_BYTES) -> None:
    rng = random.Random(5)
    words = [article_text(i).split()[3] for i in range(400)]
    out, limit, size = [], size, 0
    while size < limit:
        sentence = " ".join(rng.choice(words) for _ in range(14)).capitalize() + "."
        out.append(sentence)
        size += len(sentence) + 1
        if len(out) % 6 == 0:
            out.append("\n\n")
    path.write_text("Enormous report on everything\n\n" + " ".join(out) + "\n", encoding="utf-8")


def _import(library: Path, folder: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reader", "import", "--library", str(library),
                           str(folder)], capture_output=True, text=True, env=env, timeout=3600)
    elapsed = time.perf_counter() - t
    assert done.returncode == 0, done.stderr[-2000:]
    return elapsed


def test_bench_import_after_a_big_article(tmp_path):
    small = tmp_path / "small"
    _write_small(small, N_FILES)
    big = tmp_path / "big" / "enormous.txt"
    big.parent.mkdir()
    _write_big(big)
    fresh = _import(tmp_path / "fresh.sqlite", small)
    loaded = tmp_path / "loaded.sqlite"
    big_time = _import(loaded, big.parent)
    after = _import(loaded, small)
    ratio = after / fresh
    print(f"\nimport {N_FILES} small files: {fresh:.1f} s into an empty library, "
          f"{after:.1f} s into one holding a {big.stat().st_size / 2**20:.0f} MB article "
          f"({ratio:.2f}x; limit {MAX_RATIO}x); the big article itself took {big_time:.1f} s")
    assert ratio <= MAX_RATIO


def test_bench_two_megabyte_sentence_side_by_side(qtbot):
    from tests.hostile.test_long_sentence import huge_view, render_ms

    times = sorted(render_ms(qtbot, huge_view())[0] for _ in range(3))
    print(f"\nside-by-side view of a 2 MB sentence (2 versions): median {times[1]:.0f} ms to "
          f"set, lay out and paint (runs: {', '.join(f'{t:.0f}' for t in times)} ms; "
          f"limit 100 ms)")
    assert times[1] < 100
