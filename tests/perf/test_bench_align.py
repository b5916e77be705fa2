"""Benchmarks for alignment + word diffs + findings (run by `make bench`; prints figures).

Targets on the 2-core reference machine: (a) the seeds' 5-version story and (b) 5 versions x
1,000 words under 50 ms; (c) 20 versions x 5,000 words under 2 s; time roughly linear in the
number of versions at fixed length.
"""

from __future__ import annotations

import pathlib
import random
import statistics
import time

from reader.core.align import align_story
from reader.core.model import StoryGroup
from reader.core.settings import AnalysisSettings
from tests.core.align import seedstory
from tests.core.align.evalsets import fillers, make_set

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "seeds"


def _median_ms(articles, repeat: int) -> float:
    group = StoryGroup(tuple(a.id for a in articles))
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        align_story("s1", group, articles, AnalysisSettings())
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def _pool() -> list[str]:
    """Every sentence of the seeds, in order: realistic news prose to cut bases from."""
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n"):
            out += [s for s in seedstory.split_sentences(para.strip()) if len(s.split()) > 4]
    return out


def _base(words: int, rng: random.Random) -> list[str]:
    pool = _pool()
    out, n, k = [], 0, 0
    while n < words:
        s = pool[k % len(pool)]
        if k >= len(pool):  # second pass over the pool: vary it so texts stay distinct
            s = s.replace(" the ", f" the {rng.choice(['new', 'latest', 'main', 'other'])} ", 1)
        out.append(s)
        n += len(s.split())
        k += 1
    return out


def _versions(n: int, words: int, seed: int = 1):
    rng = random.Random(seed)
    return make_set(f"bench{n}x{words}", _base(words, rng), {}, n, rng, fillers()).articles


def test_bench_align():
    arts = seedstory.legitimate_targets()
    a = _median_ms(arts, 15)
    b = _median_ms(_versions(5, 1000), 15)
    c = _median_ms(_versions(20, 5000), 3)
    print(f"\nalign (a) seeds 5-version story: {a:.1f} ms (target < 50)")
    print(f"align (b) 5 versions x 1,000 words: {b:.1f} ms (target < 50)")
    print(f"align (c) 20 versions x 5,000 words: {c:.0f} ms (target < 2000)")
    print("align: time vs versions at 2,000 words each")
    prev = None
    for n in (2, 5, 10, 20, 40):
        ms = _median_ms(_versions(n, 2000), 3)
        per = ms / n
        note = f" ({ms / prev[1]:.2f}x time for {n / prev[0]:.1f}x versions)" if prev else ""
        print(f"  {n:>2} versions: {ms:8.1f} ms  {per:6.1f} ms/version{note}")
        prev = (n, ms)
