"""Small article files for library tests, written into a tmp folder."""

from __future__ import annotations

import pathlib

OUTLETS = ("Reuters", "AP", "AFP", "BBC")
WORDS = ("minister", "harbour", "council", "river", "budget", "election", "storm", "bridge",
         "vaccine", "court", "festival", "mine", "airport", "strike", "summit", "treaty")


def article_text(n: int, sentences: int = 4) -> str:
    """A distinct small article: a headline line and a few sentences, unique to n."""
    w = WORDS[n % len(WORDS)]
    body = " ".join(
        f"The {w} report number {n} sentence {k} says officials met on day {n + k}."
        for k in range(sentences))
    return f"Story {n} about the {w}\n\n{body}\n"


def write_articles(folder: pathlib.Path, count: int, start: int = 0) -> list[pathlib.Path]:
    """Write `count` distinct article files into folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"{n:05d}_{OUTLETS[n % len(OUTLETS)]}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        paths.append(path)
    return paths
