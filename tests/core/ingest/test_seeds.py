"""The five seed files: article counts, titles, no boilerplate, no repeated sentence."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from reader.core.ingest import ingest_paths
from reader.core.model import Article
from reader.core.text.normalize import fold_for_hash

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module")
def by_file(tmp_path_factory) -> dict[str, list[Article]]:
    # The seed texts on their own, without seeds/sources.csv (tested in test_manifest.py):
    # what ingest makes of the files themselves.
    bare = tmp_path_factory.mktemp("bare-seeds")
    for path in SEEDS.glob("*.txt"):
        (bare / path.name).write_bytes(path.read_bytes())
    result = ingest_paths([str(bare)])
    assert result.rejected == ()
    files: dict[str, list[Article]] = {}
    for article in result.articles:
        files.setdefault(Path(article.source).name[:3], []).append(article)
    return files


def test_seeds_give_23_articles(by_file: dict[str, list[Article]]) -> None:
    counts = {name: len(arts) for name, arts in by_file.items()}
    # 000 is a 9-item wire digest (its two non-story lines are an "Updated" stamp and a
    # cut-off caption); 001 is a 10-line digest; 003 holds two full articles.
    assert counts == {"000": 9, "001": 10, "002": 1, "003": 2, "004": 1}
    assert sum(counts.values()) == 23


def test_parts_are_numbered_in_file_order(by_file: dict[str, list[Article]]) -> None:
    for arts in by_file.values():
        assert [a.part for a in arts] == list(range(len(arts)))


def test_headline_titles(by_file: dict[str, list[Article]]) -> None:
    assert by_file["002"][0].title == (
        "Putin says foreign troops deployed to Ukraine would be legitimate targets")
    assert [a.title for a in by_file["003"]] == [
        "Putin says any Western troops in Ukraine would be target for Russian army",
        "Nigeria seeks French help to combat insecurity, says Macron",
    ]
    assert by_file["004"][0].title == ("Western forces stationed in Ukraine could be considered "
                                       "legitimate targets, according to Putin's warning.")


def test_titles_are_not_body_sentences(by_file: dict[str, list[Article]]) -> None:
    for name in ("002", "003", "004"):
        for article in by_file[name]:
            keys = {fold_for_hash(s) for s in article.sentences}
            assert fold_for_hash(article.title) not in keys


def test_digest_items_have_short_titles_from_their_lede(by_file) -> None:
    for article in by_file["000"] + by_file["001"]:
        assert 3 <= len(article.title.split()) <= 14
        assert article.sentences[0].startswith(article.title.rstrip("\u2026"))


def test_digest_items_are_the_stories(by_file: dict[str, list[Article]]) -> None:
    firsts = [a.sentences[0].split()[:3] for a in by_file["001"]]
    assert firsts[0] == ["Russian", "President", "Vladimir"]
    assert firsts[-1] == ["Ukrainian", "President", "Volodymyr"]
    kim = by_file["000"][2]
    assert kim.sentences[0].startswith("North Korean leader Kim Jong Un")
    assert kim.sentences[-1] == "China borders North Korea and is its closest ally."


def test_two_article_page_splits_between_putin_and_nigeria(by_file) -> None:
    putin, nigeria = by_file["003"]
    assert putin.sentences[0].startswith("Russian President Vladimir Putin warned on Friday")
    assert not any("Nigeria" in s for s in putin.sentences)
    assert nigeria.sentences[0].startswith("Nigerian President Bola Tinubu")
    assert nigeria.sentences[-1].endswith("Britain has trained Nigerian troops.")
    assert putin.date == "2025-10-23"  # parsed from "Updated 23 October 2025"


# Distinctive pieces of boilerplate: none may appear anywhere in a sentence.
BOILERPLATE = ["Short Url", "Read also", "Tobacco industry", "Trump's Policies: Tariffs",
               "Uncovering Political Ad Transparency", "Elon Musk praises", "FASTFACTS",
               "(FILE/AFP)", "Coali\u2026", "\u2022", "First concrete step", "Play for time",
               "PARIS:", "LAGOS:", "8 sec ago", "Updated 23"]
# Button/stamp words that are also ordinary words ("Following the meeting"): no sentence
# may be, or start with, the bare word.
BUTTON_WORDS = ["Follow", "Updated", "Share"]


@pytest.mark.parametrize("needle", BOILERPLATE)
def test_no_boilerplate_survives(by_file: dict[str, list[Article]], needle: str) -> None:
    for arts in by_file.values():
        for article in arts:
            for sentence in article.sentences:
                assert needle not in sentence, (article.source, sentence)


@pytest.mark.parametrize("word", BUTTON_WORDS)
def test_no_button_line_survives(by_file: dict[str, list[Article]], word: str) -> None:
    for arts in by_file.values():
        for article in arts:
            for sentence in article.sentences:
                assert sentence != word and not sentence.startswith(word + " "), sentence


def test_no_sentence_repeated_inside_an_article(by_file) -> None:
    for arts in by_file.values():
        for article in arts:
            counts = Counter(fold_for_hash(s) for s in article.sentences)
            assert max(counts.values()) == 1, article.title


def test_broken_line_is_rejoined_and_fact_box_is_gone(by_file) -> None:
    nigeria = by_file["003"][1]
    assert any("mass kidnappings from schools and a church." in s for s in nigeria.sentences)
    trump = [s for s in nigeria.sentences if s.startswith("US President Donald Trump has raised")]
    assert len(trump) == 1


def test_standfirst_repeating_the_body_is_dropped(by_file) -> None:
    putin = by_file["003"][0]
    rejected = [s for s in putin.sentences if s.startswith("Russia rejected the notion")]
    assert len(rejected) == 1 and rejected[0].endswith("after any eventual peace deal with Moscow.")


def test_paragraph_indices_follow_the_sentences(by_file) -> None:
    for arts in by_file.values():
        for article in arts:
            assert len(article.paragraphs) == len(article.sentences)
            assert article.paragraphs[0] == 0
            assert all(0 <= b - a <= 1 for a, b in zip(article.paragraphs, article.paragraphs[1:]))


def test_metadata_defaults(by_file: dict[str, list[Article]]) -> None:
    for name, arts in by_file.items():
        for article in arts:
            assert article.outlet.startswith(name + "_")
            assert article.url is None
            assert len(article.content_hash) == 40
            assert article.id == ""


def test_identical_wire_copy_from_two_files_stays_two_versions(by_file) -> None:
    # 000 and 001 both carry the same Putin item; they are two versions, not duplicates.
    assert by_file["000"][0].sentences == by_file["001"][0].sentences
    assert by_file["000"][0].content_hash != by_file["001"][0].content_hash


def test_importing_the_same_file_twice_gives_it_once() -> None:
    path = str(SEEDS / "002_c38db90396eb2944.txt")
    result = ingest_paths([path, path, str(SEEDS)])
    assert sum(a.source == path for a in result.articles) == 1
    assert len(result.articles) == 23
