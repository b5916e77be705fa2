"""The seeds' "legitimate targets" story, cut from the seed files by hand for alignment tests.

Ingest and grouping are built elsewhere; these tests must not depend on them, so the five
versions are taken here with a small sentence splitter of our own.
"""

from __future__ import annotations

import pathlib
import re

from reader.core.model import Article, StoryGroup

SEEDS = pathlib.Path(__file__).resolve().parents[3] / "seeds"
ABBREV = {"u.s", "u.k", "gen", "gov", "mr", "mrs", "ms", "dr", "st", "sen", "rep", "lt",
          "col", "adm", "sept", "jan", "feb", "aug", "oct", "nov", "dec", "no", "vs", "jr"}
SPLIT_RE = re.compile(r"(?<=[.!?])([\"”’]?)\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not breaking after common abbreviations."""
    out: list[str] = []
    start = 0
    for m in SPLIT_RE.finditer(paragraph):
        end = m.start() + len(m.group(1))
        words = paragraph[start:m.start()].split()
        last = words[-1].rstrip(".").lower() if words else ""
        if last in ABBREV:
            continue
        out.append(paragraph[start:end].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def article(aid: str, source: str, paragraphs: list[str], outlet: str) -> Article:
    """An Article from paragraphs of text."""
    sents: list[str] = []
    paras: list[int] = []
    for p, text in enumerate(paragraphs):
        for s in split_sentences(text):
            sents.append(s)
            paras.append(p)
    return Article(aid, source, 0, "", outlet, None, None, tuple(sents), tuple(paras))


def _read(name: str) -> str:
    return next(SEEDS.glob(name + "_*.txt")).read_text(encoding="utf-8")


def legitimate_targets() -> list[Article]:
    """The five versions: 000 first paragraph, 001 first line, 002, 003 part one, 004."""
    d0 = _read("000").split("\n\n")[0].strip()
    d1 = _read("001").splitlines()[0].strip()
    t2 = [p.strip() for p in _read("002").split("\n\n")[1:] if p.strip()]
    lines3 = _read("003").splitlines()
    start = next(i for i, line in enumerate(lines3) if line.startswith("PARIS:"))
    stop = next(i for i, line in enumerate(lines3) if line.startswith("Nigeria seeks"))
    t3 = [line.strip() for line in lines3[start:stop] if line.strip()]
    lines4 = _read("004").splitlines()
    stop4 = next(i for i, line in enumerate(lines4) if line.startswith("Read also"))
    t4 = [line.strip() for line in lines4[1:stop4] if line.strip()]
    return [
        article("a1", "seeds/000", [d0], "digest-000"),
        article("a2", "seeds/001", [d1], "digest-001"),
        article("a3", "seeds/002", t2, "AP"),
        article("a4", "seeds/003", t3, "Arab News"),
        article("a5", "seeds/004", t4, "Other"),
    ]


def group(articles: list[Article]) -> StoryGroup:
    """A StoryGroup over the articles."""
    return StoryGroup(tuple(a.id for a in articles), "Putin: foreign troops legitimate targets")
