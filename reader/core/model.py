"""Immutable data classes that cross module boundaries: the contract of the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from reader.core.settings import AnalysisSettings

# Word-diff operation codes, as diff-match-patch uses them.
DIFF_DELETE = -1
DIFF_EQUAL = 0
DIFF_INSERT = 1


_ASCII_OTHER_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"


def count_words(text: str) -> int:
    """len(text.split()) without building the list (a 2 MB sentence is counted in ~2 ms)."""
    if not text:
        return 0
    # When the only whitespace is single ASCII spaces between words, the words are the
    # spaces plus one; anything else takes the exact slow path. (Printable means no
    # whitespace but the ASCII space; ASCII text is checked for its few other spaces.)
    if text.isascii():
        simple = not any(ch in text for ch in _ASCII_OTHER_SPACE)
    else:
        simple = text.isprintable()
    if simple and "  " not in text and text[0] != " " != text[-1]:
        return text.count(" ") + 1
    return len(text.split())


@dataclass(frozen=True, slots=True)
class Article:
    """One article: cleaned sentences in reading order plus its metadata."""

    id: str
    source: str
    part: int
    title: str
    outlet: str
    date: str | None
    url: str | None
    sentences: tuple[str, ...]
    # Paragraph number (0-based) of each sentence, same length as `sentences`.
    paragraphs: tuple[int, ...] = ()
    # Stable fingerprint of the cleaned content, used to skip duplicates.
    content_hash: str = ""

    @property
    def word_count(self) -> int:
        """Number of whitespace-separated words in the article body."""
        return sum(count_words(s) for s in self.sentences)

    @property
    def text(self) -> str:
        """The body as plain text, one paragraph per line."""
        if not self.paragraphs or len(self.paragraphs) != len(self.sentences):
            return " ".join(self.sentences)
        lines: list[list[str]] = []
        last = None
        for sentence, para in zip(self.sentences, self.paragraphs):
            if para != last:
                lines.append([])
                last = para
            lines[-1].append(sentence)
        return "\n".join(" ".join(line) for line in lines)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that produced no article, with a one-line reason a user can act on."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingest made of some paths: articles (ids not yet assigned) and rejections."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejection, ...]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What ingest made of one file: its articles, or the reason it was rejected."""

    source: str
    articles: tuple[Article, ...] = ()
    rejection: Rejection | None = None
    # Sentence-encoder vectors of the articles (float16 bytes, same order), when the ingest
    # helper computed them next to reading; empty otherwise (grouping computes them then).
    embeddings: tuple[bytes, ...] = ()


@dataclass(frozen=True, slots=True)
class Decision:
    """A user's grouping decision, anchored on articles so it survives regrouping.

    kind: "move"   put `article_id` in the story of `other_id`
          "split"  put `article_id` alone in a story of its own
          "merge"  join the stories of `article_id` and `other_id`
          "rename" the story of `article_id` is titled `title`
    """

    kind: str
    article_id: str
    other_id: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """Articles that report the same event, and the terms that tied them together."""

    article_ids: tuple[str, ...]
    title: str = ""
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One word-diff operation of a member sentence against the passage reference."""

    op: int  # DIFF_DELETE, DIFF_EQUAL or DIFF_INSERT
    text: str
    # True when this DELETE/INSERT differs only in a way the settings ignore (case, quote
    # style, punctuation, name spelling, whitespace): show it as equal.
    minor: bool = False


@dataclass(frozen=True, slots=True)
class Passage:
    """Sentences across versions that say the same thing.

    `members` maps article id to the (sorted) indices of its sentences in this passage.
    `reference` is the article whose text the word diffs are computed against;
    `diffs[article_id]` turns the reference text into that member's text.
    """

    id: str
    members: Mapping[str, tuple[int, ...]]
    reference: str
    diffs: Mapping[str, tuple[DiffOp, ...]] = field(default_factory=dict)
    # Similarity of the members (0..1); 1.0 for a single-member passage.
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Position:
    """Where a passage sits in one version: sentence and paragraph index, and relative place."""

    passage_id: str
    sentence: int
    paragraph: int
    relative: float  # 0.0 = lede, 1.0 = last sentence


@dataclass(frozen=True, slots=True)
class VersionFindings:
    """What one version added and omitted relative to the others in its story."""

    added: tuple[str, ...]
    # Passages two or more other versions share and this one lacks.
    omitted: tuple[str, ...]
    # Any passage this version lacks (superset of `omitted`).
    omitted_any: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteOccurrence:
    """A quotation in one version: which sentence, the quoted words, and its speaker."""

    article_id: str
    sentence: int
    quote: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """The same remark quoted with different wording in several versions."""

    speaker: str | None
    occurrences: tuple[QuoteOccurrence, ...]
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class NumberValue:
    """A figure as one version gives it."""

    article_id: str
    sentence: int
    text: str
    value: float | None = None


@dataclass(frozen=True, slots=True)
class NumberDisagreement:
    """Versions giving different figures for the same thing inside one passage."""

    passage_id: str
    about: str
    values: tuple[NumberValue, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """A grouped and aligned story: its versions, passages and findings."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    passages: tuple[Passage, ...] = ()
    findings: Mapping[str, VersionFindings] = field(default_factory=dict)
    quote_variants: tuple[QuoteVariant, ...] = ()
    number_disagreements: tuple[NumberDisagreement, ...] = ()
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """The whole analysis: what the JSON document (schema parallax/1) serialises."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    rejected: tuple[Rejection, ...]
    settings: AnalysisSettings | None = None

    def article(self, article_id: str) -> Article:
        """The article with this id (KeyError if absent)."""
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def articles_by_id(self) -> dict[str, Article]:
        """All articles keyed by id."""
        return {a.id: a for a in self.articles}

