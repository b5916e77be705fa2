"""Benchmark: import 10,000 generated article files into a fresh library (files/s, peak RSS),
sentence-encoder vectors included (each article is embedded once, at import).

Run with `make bench`. The import runs in a child process so its peak RSS is its own, not
the generator's. Figures are printed; they are noisy on a shared 2-core machine.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

N_FILES = 10_000
# Issue 10: >= 150 files/s with embeddings (400 was the target before them).
TARGET_FILES_PER_S = 150
TARGET_PEAK_RSS_MB = 500

OUTLETS = ("Reuters", "Associated Press", "AFP", "Al Jazeera", "BBC News", "The Guardian",
           "Deutsche Welle", "NPR")
_COMMON = ("the of and to in a that said on for with was is as by at from his it an were "
           "are which this be has have had not after its but they who their been more "
           "also would over new two first one will about against government officials "
           "people president minister country year week police military city state "
           "told statement talks forces killed report according security support").split()


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """Real English words (whole words of the encoder's WordPiece vocabulary), so the sentence
    encoder sees news-like token counts (~65 per lede; made-up words cost it ~110)."""
    from reader.resources import resource_path

    vocab = json.loads(resource_path("model", "tokenizer.json").read_text("utf-8"))
    words = sorted(w for w in vocab["model"]["vocab"]
                   if w.isascii() and w.isalpha() and w.islower() and len(w) >= 4)
    return sorted(rng.sample(words, size))


class CorpusWriter:
    """Stories of 1-8 versions: shared sentences, light edits, own additions, 200-900 words."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(self.rng, 6000)
        self.names = [w.capitalize() for w in self.rng.sample(self.vocab, 1500)]

    def _sentence(self, topic: list[str]) -> str:
        rng = self.rng
        words = []
        for _ in range(rng.randint(12, 28)):
            r = rng.random()
            if r < 0.55:
                words.append(rng.choice(_COMMON))
            elif r < 0.8:
                words.append(rng.choice(topic))
            elif r < 0.9:
                words.append(rng.choice(self.names))
            elif r < 0.95:
                words.append(str(rng.randint(2, 2000)))
            else:
                words.append(rng.choice(self.vocab))
        if rng.random() < 0.2:
            words.insert(rng.randint(1, len(words) - 1), '"' + " ".join(words[:4]) + ',"')
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def _edit(self, sentence: str) -> str:
        words = sentence.split()
        for _ in range(self.rng.randint(1, 3)):
            words[self.rng.randrange(1, len(words))] = self.rng.choice(_COMMON)
        return " ".join(words)

    def _open(self, paragraph: str, first_sentence: int, person: tuple[str, str]) -> str:
        """Open paragraphs as news does: the lede names someone in full, later paragraphs
        go on with a surname, a pronoun, a quote or a connective."""
        first, surname = person
        rest = paragraph[0].lower() + paragraph[1:]
        if first_sentence == 0:
            return f"{first} {surname}, the {self.rng.choice(_COMMON)} minister, said {rest}"
        opener = self.rng.choice((f"{surname} said", f"{surname} added that", "He said",
                                  "She said", "But", "Meanwhile,", "“It is clear,” "
                                  f"{surname} said, adding that", "They said", "It said"))
        return f"{opener} {rest}"

    def story(self, n: int) -> list[tuple[str, str]]:
        """The versions of story n as (file name, text)."""
        rng = self.rng
        topic = rng.sample(self.vocab, 40) + rng.sample(self.names, 6)
        person = (rng.choice(self.names), rng.choice(self.names))
        target = rng.randint(200, 900)
        base, words = [], 0
        while words < target:
            base.append(self._sentence(topic))
            words += len(base[-1].split())
        headline = " ".join(rng.sample(topic, 6)).capitalize()
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        versions = []
        for v in range(rng.choice((1, 1, 2, 2, 3, 4, 5, 6, 7, 8))):
            outlet = OUTLETS[(n + v) % len(OUTLETS)]
            body = [self._edit(s) if rng.random() < 0.15 else s
                    for s in base if rng.random() > 0.15]
            for _ in range(rng.randint(0, 4)):
                body.insert(rng.randint(0, len(body)), self._sentence(topic))
            paragraphs = [self._open(" ".join(body[i:i + 3]), i, person)
                          for i in range(0, len(body), 3)]
            title = headline if v == 0 else self._edit(headline + " " + rng.choice(topic))
            if v % 2 == 0:
                head = (f"---\ntitle: \"{title}\"\noutlet: {outlet}\ndate: {day}\n"
                        f"url: https://example.org/{n}/{v}\n---\n\n")
                versions.append((f"s{n:05d}_v{v}.md", head + "\n\n".join(paragraphs) + "\n"))
            else:
                text = f"{title}\n\n{outlet} | {day}\n\n" + "\n\n".join(paragraphs) + "\n"
                versions.append((f"s{n:05d}_v{v}.txt", text))
        return versions

    def write(self, folder: Path, n_files: int) -> int:
        """Write exactly n_files files into folder (in sub-folders of 1,000); return words."""
        written = words = n = 0
        while written < n_files:
            for name, text in self.story(n)[: n_files - written]:
                sub = folder / f"batch{written // 1000:02d}"
                sub.mkdir(parents=True, exist_ok=True)
                (sub / name).write_text(text, encoding="utf-8")
                written += 1
                words += len(text.split())
            n += 1
        return words


CHILD = """
import json, resource, sys, time
from reader.core.library import Library
from reader.core.library.library import Library as L

grouping = [0.0]
original = L._group_pending
def timed(self, *a, **k):
    t = time.perf_counter()
    try:
        return original(self, *a, **k)
    finally:
        grouping[0] += time.perf_counter() - t
L._group_pending = timed

t0 = time.perf_counter()
with Library.open(sys.argv[1]) as lib:
    summary = lib.import_paths([sys.argv[2]])
    elapsed = time.perf_counter() - t0
    out = {"seconds": elapsed, "files": summary.files, "added": len(summary.added),
           "rejected": len(summary.rejected), "stories": lib.count_stories(),
           "grouping_seconds": grouping[0],
           "vectors": lib._conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0],
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
           "helper_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
print(json.dumps(out))
"""


def test_bench_import_10k(tmp_path):
    folder = tmp_path / "corpus"
    t = time.perf_counter()
    words = CorpusWriter().write(folder, N_FILES)
    print(f"\ngenerated {N_FILES} files ({words / N_FILES:.0f} words/file on average) "
          f"in {time.perf_counter() - t:.1f} s")
    db = tmp_path / "bench.sqlite"
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db), str(folder)],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    rate = result["files"] / result["seconds"]
    print(f"import: {result['files']} files -> {result['added']} articles, "
          f"{result['rejected']} rejected, {result['stories']} stories "
          f"in {result['seconds']:.1f} s = {rate:.0f} files/s "
          f"(target >= {TARGET_FILES_PER_S}); grouping {result['grouping_seconds']:.1f} s of it, "
          f"embedding included ({result['vectors']} vectors stored)")
    print(f"peak RSS of the importing process: {result['peak_rss_mb']:.0f} MB, of its "
          f"ingest helper: {result['helper_peak_rss_mb']:.0f} MB "
          f"(target < {TARGET_PEAK_RSS_MB} MB); library file {db.stat().st_size / 2**20:.0f} MB")
    assert result["files"] == N_FILES and result["added"] > 0
    assert result["vectors"] == result["added"]
    assert rate >= TARGET_FILES_PER_S
    assert result["peak_rss_mb"] < TARGET_PEAK_RSS_MB
    assert result["helper_peak_rss_mb"] < TARGET_PEAK_RSS_MB
