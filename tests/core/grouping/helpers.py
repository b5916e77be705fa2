"""Load the grouping test corpora (hand-written and hand-split seeds) as Article objects."""

from __future__ import annotations

import json
import pathlib
import re

from reader.core.model import Article

DATA = pathlib.Path(__file__).resolve().parents[2] / "data" / "grouping"
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")
_ABBREVIATIONS = ("U.S.", "Gen.", "Sen.", "Adm.", "Mr.", "Mrs.", "Dr.", "St.", "Gov.", "U.N.")


def split_sentences(paragraph: str) -> list[str]:
    """Naive sentence split that keeps common abbreviations whole."""
    out: list[str] = []
    for piece in _SENTENCE.split(paragraph):
        if out and out[-1].endswith(_ABBREVIATIONS):
            out[-1] += " " + piece
        elif piece:
            out.append(piece)
    return out


def make_article(aid: str, source: str, part: int, title: str, outlet: str,
                 date: str | None, paragraphs: list[str]) -> Article:
    """An Article from paragraphs of text, as ingest would produce it."""
    sentences: list[str] = []
    para_idx: list[int] = []
    for i, para in enumerate(paragraphs):
        for s in split_sentences(para):
            sentences.append(s)
            para_idx.append(i)
    return Article(aid, source, part, title or sentences[0][:80], outlet, date, None,
                   tuple(sentences), tuple(para_idx))


def load_seed_split() -> tuple[list[Article], dict[str, str]]:
    """The seeds split by hand into 23 articles, and each article's story label."""
    data = json.loads((DATA / "seeds_split.json").read_text(encoding="utf-8"))
    articles, labels = [], {}
    for i, a in enumerate(data["articles"], start=1):
        art = Article(f"a{i}", a["source"], a["part"], a["title"], a["outlet"], a["date"], None,
                      tuple(a["sentences"]), tuple(a["paragraphs"]))
        articles.append(art)
        labels[art.id] = a["story"]
    return articles, labels


def load_corpus(name: str) -> tuple[list[Article], dict[str, str]]:
    """A hand-written corpus file: `=== story=… | outlet=… | date=… | title=…` headers."""
    text = (DATA / name).read_text(encoding="utf-8")
    articles, labels = [], {}
    blocks = re.split(r"^=== ", text, flags=re.M)[1:]
    for n, block in enumerate(blocks, start=1):
        header, _, body = block.partition("\n")
        meta = dict(
            (k.strip(), v.strip())
            for k, _, v in (field.partition("=") for field in header.split(" | "))
        )
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        source = f"{name}#{n}" if not meta.get("file") else f"{name}/{meta['file']}"
        part = int(meta.get("part", 0))
        aid = f"{name.split('.')[0]}-{n}"
        articles.append(make_article(aid, source, part, meta.get("title", ""),
                                     meta.get("outlet", "?"), meta.get("date") or None,
                                     paragraphs))
        labels[aid] = meta["story"]
    return articles, labels
