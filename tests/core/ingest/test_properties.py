"""Property tests: any bytes or any text becomes articles or one rejection, never an exception."""

from __future__ import annotations

import random
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.ingest import articles_from_text, ingest_paths
from reader.core.model import Article
from reader.core.text import split_sentences
from reader.core.text.normalize import fold_for_hash

# Text from every corner of Unicode, weighted towards what breaks parsers: controls, RTL
# marks and scripts, emoji, quotes, bullets and line separators.
TRICKY = st.sampled_from(list(
    "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u200b\u200e\u200f\u202e\u2028\u2029\ufeff\u00a0"
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \U0001f600\U0001f1fa\U0001f1f8"
    "\u201c\u201d\u2018\u2019\"'\u2022\u2026.!?:;-\n\n\r\t#*_>[]()"))
WORDS = st.sampled_from(["Putin", "said", "U.S.", "Gen.", "Share", "Follow", "Updated",
                         "Read also:", "FASTFACTS", "PARIS:", "(FILE/AFP)", "the", "troops",
                         "\u2022 ", "- ", "\n", "\n\n", ". ", "\u2026", "3.5", "---\n"])
TEXT = st.lists(st.one_of(st.text(max_size=30), TRICKY, WORDS), max_size=60).map("".join)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def _check_articles(articles: tuple[Article, ...]) -> None:
    for part, article in enumerate(articles):
        assert article.part == part
        assert article.sentences and article.title
        assert len(article.paragraphs) == len(article.sentences)
        keys = [fold_for_hash(s) for s in article.sentences]
        assert len(keys) == len(set(keys))
        for sentence in article.sentences:
            assert sentence == sentence.strip() and "\n" not in sentence
        assert len(article.content_hash) == 40


def _check_file(path: Path) -> None:
    result = ingest_paths([str(path)])
    if result.articles:
        assert result.rejected == ()
        _check_articles(result.articles)
    else:
        (rejection,) = result.rejected
        assert rejection.reason and "\n" not in rejection.reason


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_as_a_file(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    _check_file(path)


@SETTINGS
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]),
       suffix=st.sampled_from([".txt", ".md"]))
def test_any_unicode_as_a_file(tmp_path: Path, text: str, encoding: str, suffix: str) -> None:
    path = tmp_path / f"f{suffix}"
    # Lone surrogates cannot be encoded: they are written escaped, as broken tools do.
    path.write_bytes(text.encode(encoding, errors="surrogatepass"
                                 if encoding.startswith("utf-8") else "replace"))
    _check_file(path)


@SETTINGS
@given(text=TEXT)
def test_any_unicode_pasted(text: str) -> None:
    _check_articles(articles_from_text(text, "clipboard"))


@SETTINGS
@given(text=TEXT)
def test_splitter_keeps_every_visible_character(text: str) -> None:
    joined = "".join(split_sentences(text))
    assert "".join(joined.split()) == "".join(text.split())


def test_one_line_file(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("Putin spoke. " * 50_000, encoding="utf-8")  # 650 KB, no newline
    result = ingest_paths([str(path)])
    (article,) = result.articles
    assert article.sentences == ("Putin spoke.",)


def test_100_000_line_file(tmp_path: Path) -> None:
    rng = random.Random(7)
    words = ("troops minister said Friday the of in to Ukraine Russia peace talks army city "
             "officials forces government week deal border").split()
    lines = []
    for i in range(100_000):
        n = rng.randint(0, 14)
        lines.append(" ".join([f"Name{i}"] + rng.choices(words, k=n)) + rng.choice([".", "", "?"]))
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    # CPU time, not wall time: the bound must hold on a busy shared machine too.
    start = time.process_time()
    result = ingest_paths([str(path)])
    elapsed = time.process_time() - start
    assert result.articles or result.rejected
    _check_articles(result.articles)
    assert elapsed < 30, f"100,000 lines took {elapsed:.1f}s of CPU: not linear any more?"
