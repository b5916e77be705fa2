"""Segmentation: where articles start in a file, headline detection, and wire digests.

Two shapes of multi-article file are handled, both from general news-page structure rather
than from any particular outlet:

- a page with several full articles, each opened by a headline block: a short headline line
  that is repeated a few lines later, or followed by stamps/share buttons/bylines;
- a wire digest: paragraphs that each open like a lede (a named subject introduced in full),
  with no headline, several sentences each, and no pronoun or bare-surname openings that
  would tie a paragraph to the one before it.
"""

from __future__ import annotations

from typing import Callable

import re
from statistics import median

from reader.core.ingest.clean import (
    BLANK, DROPPED_KINDS, HEADER_KINDS, TEXT, TITLE, Line, ends_open, fold,
)
from reader.core.text.sentences import split_sentences

# How far after a headline its repeat or its stamps/share buttons may appear.
_REPEAT_WINDOW = 8
_HEADER_WINDOW = 4
# Body lines needed before a headline may start a new article (else it is the top block).
_MIN_BODY_LINES = 2

# Openers that tie a paragraph to what came before: never the lede of a new story.
_CONTINUATIONS = frozenset("""
he she they it its his her their them we i you this that these those such there here
but and or so yet also meanwhile elsewhere however still then later earlier further
furthermore moreover additionally instead separately following asked speaking in_addition
nonetheless nevertheless besides otherwise thus therefore hence accordingly likewise
similarly both neither either another other others the_official the_spokesman the_statement
""".split())
_NAME_RUN = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+)+[A-Z][\w'\u2019.-]*")
_NOT_SURNAME = re.compile(
    r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(January|February|March|April|May|June|July|"
    r"August|September|October|November|December)$|(ean|ian|ese|ish|ic|ern)$")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_WEEKDAY = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_REPORTING = re.compile(r"\b(said|says|told|announced|reported)\b")
# A digest needs most paragraphs to open like ledes.
_DIGEST_LEDE_SHARE = 0.75
_DIGEST_MIN_PARAGRAPHS = 3
_DIGEST_MIN_MEDIAN_WORDS = 30
_DIGEST_MULTI_SENTENCE_SHARE = 0.7
# Items of a "news in brief" page with headlines are short.
_HEADED_MAX_PARAGRAPHS = 3
_HEADED_MAX_SENTENCES = 10
# Share of headed items that must open like a lede before their meaning is consulted.
HEADED_LEDE_SHARE = 0.6


def _bare(token: str) -> str:
    """A capitalised token without possessive or trailing punctuation."""
    return _POSSESSIVE.sub("", token.strip(".,;:!?\"'\u201c\u201d\u2018\u2019()"))


def find_article_starts(lines: list[Line], headlines: frozenset[str] = frozenset()) -> list[int]:
    """Indices of the lines that open an article; the first is always 0."""
    nonblank = [i for i, line in enumerate(lines) if line.kind != BLANK]
    keys: dict[int, str] = {}

    def _key(i: int) -> str:
        # Each line is folded at most once, however many windows it falls in.
        if i not in keys:
            keys[i] = fold(lines[i].text)
        return keys[i]

    starts = [0]
    body_lines = 0
    for pos, i in enumerate(nonblank):
        line = lines[i]
        if line.kind != TITLE and line.text not in headlines:
            # Unpunctuated long lines are a headline block's summary points (Daily Mail
            # style, above the stamp), not body text that a new headline could end.
            body_lines += line.kind == TEXT and not ends_open(line.text)
            continue
        if body_lines < _MIN_BODY_LINES:
            continue
        after = nonblank[pos + 1:pos + 1 + _REPEAT_WINDOW]
        stamped = any(lines[j].kind in HEADER_KINDS for j in after[:_HEADER_WINDOW])
        repeated = False
        if not stamped:
            key = _key(i)
            repeated = any(_key(j) == key for j in after if lines[j].kind == TITLE)
        if line.text in headlines or repeated or stamped:
            starts.append(i)
            body_lines = 0
    return starts


def _is_sentence_headline(text: str, next_text: str | None) -> bool:
    """A first line that is a headline written as a sentence ('X could be targets, Y says.')."""
    if next_text is None or not text.endswith("."):
        return False
    if len(text.split()) > 18 or _WEEKDAY.search(text) or _REPORTING.search(text):
        return False
    if len(split_sentences(text)) != 1:
        return False
    return len(split_sentences(next_text)) >= 2


def detect_title(lines: list[Line], allow_sentence: bool = True) -> int | None:
    """Index of the headline line at the top of an article's lines, or None."""
    content = [i for i, line in enumerate(lines) if line.kind not in DROPPED_KINDS]
    if not content:
        return None
    first = lines[content[0]]
    if first.kind == TITLE:
        return content[0]
    if allow_sentence and first.kind == TEXT and not first.bullet:
        nxt = lines[content[1]] if len(content) > 1 else None
        if _is_sentence_headline(first.text, nxt.text if nxt and nxt.kind == TEXT else None):
            return content[0]
    return None


def _register_names(sentence: str, names: set[str]) -> None:
    """Remember the surname-like last token of every multi-word capitalised name."""
    for m in _NAME_RUN.finditer(sentence):
        last = _bare(m.group(0).split()[-1])
        # "Earlier Thursday", "Western European": days, months and demonyms are not people.
        if len(last) > 2 and not _NOT_SURNAME.search(last):
            names.add(last)


def _bare_mentions(sentence: str) -> set[str]:
    """Capitalised words standing alone ('... Sharkey said'): possible back-references."""
    found: set[str] = set()
    run: list[str] = []
    for word in sentence.split() + [""]:
        if word[:1].isupper():
            run.append(word)
            continue
        if len(run) == 1:
            found.add(_bare(run[0]))
        run = []
    return found


def _refers_back(sentences: list[str], names: set[str]) -> bool:
    """Whether a paragraph names, by surname alone, someone introduced only before it."""
    own: set[str] = set()
    bare: set[str] = set()
    for sentence in sentences:
        _register_names(sentence, own)
        bare |= _bare_mentions(sentence)
    return bool((bare & names) - own)


def continues(sentence: str) -> bool:
    """Whether a sentence can only continue a story ("It said…", "But…", lower case)."""
    words = sentence.split()
    if not words or not (sentence[0].isupper() or sentence[0].isdigit()):
        return True
    opener = _bare(words[0]).lower()
    pair = f"{opener}_{_bare(words[1]).lower()}" if len(words) > 1 else opener
    return opener in _CONTINUATIONS or pair in _CONTINUATIONS


def opens_like_lede(sentence: str, names: set[str]) -> bool:
    """Whether a paragraph's first sentence could open a new story (not a continuation)."""
    words = sentence.split()
    if len(words) < 10 or continues(sentence):
        return False
    # A surname on its own ("Putin's comments ...") refers back to someone already introduced.
    run = 0
    for word in words:
        if not word[:1].isupper():
            break
        run += 1
    return not (run == 1 and _bare(words[0]) in names)


def digest_items(paragraphs: list[list[str]]) -> list[list[int]] | None:
    """Paragraph indices of each story when the paragraphs form a wire digest, else None."""
    n = len(paragraphs)
    if n < _DIGEST_MIN_PARAGRAPHS:
        return None
    multi = sum(len(p) >= 2 for p in paragraphs)
    if multi < _DIGEST_MULTI_SENTENCE_SHARE * n:
        return None
    if median(sum(len(s.split()) for s in p) for p in paragraphs) < _DIGEST_MIN_MEDIAN_WORDS:
        return None
    names: set[str] = set()
    items: list[list[int]] = []
    ledes = 0
    for k, sentences in enumerate(paragraphs):
        lede = k == 0 or (opens_like_lede(sentences[0], names)
                          and not _refers_back(sentences, names))
        if lede:
            items.append([k])
            ledes += k > 0
        else:
            items[-1].append(k)
        for sentence in sentences:
            _register_names(sentence, names)
    if ledes < _DIGEST_LEDE_SHARE * (n - 1):
        return None
    return items


def headed_items(lines: list[Line],
                 unrelated: Callable[[list[str]], bool] | None = None,
                 ) -> list[tuple[int, int]] | None:
    """(headline index, end) of each item when lines are a digest of short headed stories.

    A "news in brief" page: three or more headline lines, each followed by one to three
    paragraphs that open like a lede. Crossheads inside one article fail this: the text under
    them continues the story ("He said ...", a bare surname) or runs long. Real digests have
    the odd item that opens otherwise ("And the next host is…", a deck line under the
    headline): when at least HEADED_LEDE_SHARE of the items open like ledes, `unrelated` (the
    items' texts -> whether they tell unrelated stories, by meaning) decides.
    """
    heads = [i for i, line in enumerate(lines) if line.kind == TITLE]
    if len(heads) < _DIGEST_MIN_PARAGRAPHS:
        return None
    if any(line.kind == TEXT for line in lines[:heads[0]]):
        return None  # prose before the first headline: not a page of headed items
    names: set[str] = set()
    bounds = heads + [len(lines)]
    items: list[tuple[int, int]] = []
    ledes: list[str] = []
    odd = 0
    for a, b in zip(bounds, bounds[1:]):
        texts = [line.text for line in lines[a + 1:b] if line.kind == TEXT]
        if not 1 <= len(texts) <= _HEADED_MAX_PARAGRAPHS:
            return None
        sentences = [split_sentences(t) for t in texts]
        if sum(map(len, sentences)) > _HEADED_MAX_SENTENCES or not sentences[0]:
            return None
        if not opens_like_lede(sentences[0][0], names):
            odd += 1
        for group in sentences:
            for sentence in group:
                _register_names(sentence, names)
        items.append((a, b))
        ledes.append(f"{lines[a].text}. {texts[0]}")
    if not odd:
        return items
    if unrelated is None or len(items) - odd < HEADED_LEDE_SHARE * len(items):
        return None
    return items if unrelated(ledes) else None
