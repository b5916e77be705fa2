"""Benchmark: ingest a generated folder of 2,000 realistic short article files (files/s).

Run with `make bench`. Figures are printed; they are noisy on a shared 2-core machine.
Target: well above 1,000 files/s.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from reader.core.ingest import ingest_paths

N_FILES = 2_000
TARGET_FILES_PER_S = 1_000

_NAMES = ["Vladimir Putin", "Emmanuel Macron", "Volodymyr Zelenskyy", "Keir Starmer",
          "Giorgia Meloni", "Friedrich Merz", "Bola Tinubu", "Xi Jinping", "Donald Trump"]
_TITLES = ["President", "Prime Minister", "Foreign Minister", "Gov.", "U.S. Gen.", "Dr."]
_PLACES = ["Paris", "Kyiv", "Moscow", "Lagos", "Washington", "Beijing", "Rome", "Berlin"]
_VERBS = ["said", "warned", "told reporters", "added", "insisted", "wrote on social media"]
_CLAUSES = ["that talks would continue next week", "the deal was not yet final",
            "troops would stay near the border", "sanctions could follow within days",
            "the economy grew 3.5 percent last year", "the vote was set for 9 a.m. Friday",
            "aid would reach the region by the end of the month"]
_BOILER = ["Share", "Follow", "Short Url", "Updated 23 October 2025", "Advertisement"]


def _sentence(rng: random.Random) -> str:
    name = rng.choice(_NAMES)
    kind = rng.random()
    if kind < 0.3:
        return (f"\u201c{rng.choice(_CLAUSES).capitalize()},\u201d {name.split()[-1]} "
                f"{rng.choice(_VERBS)} in {rng.choice(_PLACES)}.")
    if kind < 0.6:
        return (f"{rng.choice(_TITLES)} {name} {rng.choice(_VERBS)} on Monday "
                f"{rng.choice(_CLAUSES)}.")
    return (f"Officials in {rng.choice(_PLACES)} {rng.choice(_VERBS)} {rng.choice(_CLAUSES)}, "
            f"and {rng.choice(_CLAUSES)}.")


def _article(rng: random.Random) -> str:
    head = f"{rng.choice(_NAMES)} visits {rng.choice(_PLACES)} as talks resume"
    lines = [head, "", rng.choice(_BOILER), rng.choice(_BOILER), "", head, ""]
    for _ in range(rng.randint(6, 12)):
        lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        lines.append("")
    if rng.random() < 0.3:
        lines += ["Read also:", "- Another headline about the talks", "- Markets react"]
    return "\n".join(lines)


def test_bench_ingest(tmp_path: Path) -> None:
    rng = random.Random(11)
    total_bytes = 0
    for i in range(N_FILES):
        text = _article(rng)
        total_bytes += len(text.encode())
        (tmp_path / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    cpu = time.process_time()
    result = ingest_paths([str(tmp_path)])
    cpu = time.process_time() - cpu
    elapsed = time.perf_counter() - start
    rate = N_FILES / elapsed
    print(f"\ningest: {N_FILES} files ({total_bytes / N_FILES / 1024:.1f} KB avg) in "
          f"{elapsed:.2f} s wall / {cpu:.2f} s CPU = {rate:.0f} files/s wall, "
          f"{N_FILES / cpu:.0f} files/s CPU (target > {TARGET_FILES_PER_S}); "
          f"{len(result.articles)} articles, {len(result.rejected)} rejected")
    assert not result.rejected
    assert len(result.articles) == N_FILES  # one article per file: nothing over-split
