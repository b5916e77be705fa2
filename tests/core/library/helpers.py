"""Small article files for library tests, written into a tmp folder.

Each article is made of its own pseudo-words, so no grouping algorithm has a reason to put
two of them in the same story: the tests control grouping themselves where they need to.
"""

from __future__ import annotations

import pathlib
import random

OUTLETS = ("Reuters", "AP", "AFP", "BBC")
WORDS = ("minister", "harbour", "council", "river", "budget", "election", "storm", "bridge",
         "vaccine", "court", "festival", "mine", "airport", "strike", "summit", "treaty")
_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do", "fa", "gu", "pe",
              "sa", "ti", "wo", "xe", "yu", "ha", "jo")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4)))


def article_text(n: int, sentences: int = 4) -> str:
    """A distinct small article: a headline line naming WORDS[n % 16], then its sentences."""
    rng = random.Random(n)
    body = []
    for _ in range(sentences):
        words = [_word(rng) for _ in range(rng.randint(8, 12))]
        body.append(words[0].capitalize() + " " + " ".join(words[1:]) + ".")
    headline = f"{_word(rng).capitalize()} {WORDS[n % len(WORDS)]} {_word(rng)} {_word(rng)}"
    return f"{headline}\n\n{' '.join(body)}\n"


def write_articles(folder: pathlib.Path, count: int, start: int = 0) -> list[pathlib.Path]:
    """Write `count` distinct article files into folder (outlet in the name); return paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"{n:05d}_{OUTLETS[n % len(OUTLETS)]}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        paths.append(path)
    return paths
