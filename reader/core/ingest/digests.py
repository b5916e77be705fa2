"""Wire digests told apart from articles by meaning: neighbouring ledes of a digest are unrelated.

A digest is a list of one- or two-sentence ledes of different stories; an article laid out
one sentence per paragraph reads the same on the surface. What separates them is that an
article's neighbouring paragraphs are about one thing (encoder cosine mostly 0.2-0.9) while
a digest's are not (mostly below 0.2): measured on real digests and articles, the mean of the
first dozen neighbour cosines split the two with a wide gap.
"""

from __future__ import annotations

import re
from statistics import fmean
from typing import Sequence

from reader.core.grouping.features import STOPWORDS

from reader.core.ingest.segment import (
    _refers_back,
    _register_names,
    continues,
    opens_like_lede,
)
from reader.core.text.sentences import split_sentences

# Cheap gate first: most of the paragraphs must open like a lede (no "He said", no bare
# surname introduced earlier), or the file is not even looked at by the encoder.
LEDE_SHARE = 0.6
MIN_PARAGRAPHS = 3
# Digest ledes are one or two sentences; a paragraph of more is article prose.
MAX_SENTENCES = 3
# Neighbours looked at to decide, and the decision: low mean cosine, most pairs low. (Two
# neighbouring items of one digest may be related, two Ukraine items or two court cases: with
# 0.85, one such pair among six or seven kept a whole digest as one article.)
PROBE = 8
FIRST_LOOK = 3
MEAN_BELOW = 0.14
LOW = 0.25
LOW_SHARE = 0.75
# Inside a digest, neighbours this close stay one item (a lede and its second paragraph).
JOIN_ABOVE = 0.45
WORDS = 45
# A headline this close to one of the first paragraphs heads an article, not a digest.
HEADLINE_TIES = 0.45
HEADLINE_REACH = 3


_OPENING_QUOTES = "\"'\u201c\u2018"


def lede_share(paragraphs: Sequence[Sequence[str]]) -> float:
    """Share of paragraphs after the first whose first sentence opens like a new story."""
    names: set[str] = set()
    ledes = 0
    for k, sentences in enumerate(paragraphs):
        # (A lede may open on a quoted name: "“The “Mean Girls” star fooled ...".)
        if k and sentences and opens_like_lede(sentences[0].lstrip(_OPENING_QUOTES), names) \
                and not _refers_back(list(sentences), names):
            ledes += 1
        for sentence in sentences:
            _register_names(sentence, names)
    return ledes / max(1, len(paragraphs) - 1)


# Neighbours sharing a content word (four letters or more, not a stopword) are usually one
# story's paragraphs; an article with more linked neighbours than this is not sent to the
# encoder at all. Two-sentence ledes of different stories often share an everyday word
# ("police", "Wednesday"): at 0.4, a third of the digests made of real two-sentence ledes
# stopped here; at 0.6 the encoder judges them, and articles still stay whole.
LINKED_SHARE = 0.6
_CONTENT = re.compile(r"[^\W\d_][\w'\u2019-]{3,}")


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _CONTENT.findall(text)} - STOPWORDS


def linked_share(texts: Sequence[str], stop_above: float = 1.0) -> float:
    """Share of neighbouring paragraphs that share a content word (counting stops once the
    share is sure to pass `stop_above`: an article is told in its first few paragraphs)."""
    pairs = max(1, len(texts) - 1)
    links = 0
    prev = _content_words(texts[0]) if texts else set()
    for text in texts[1:]:
        words = _content_words(text)
        links += bool(prev & words)
        if links / pairs > stop_above:
            break
        prev = words
    return links / pairs


def unrelated_stories(texts: Sequence[str], encoder=None) -> bool:
    """Whether neighbouring texts (the headline and first paragraph of each item of a page)
    tell unrelated stories, by the same test as a digest's ledes; False without an encoder."""
    if len(texts) < 2:
        return False
    if encoder is None:
        from reader.core.semantic import EncoderUnavailable, default_encoder

        try:
            encoder = default_encoder()
        except EncoderUnavailable:
            return False
    vectors = encoder.embed([" ".join(t.split()[:WORDS]) for t in texts[:PROBE + 1]])
    cos = [float(vectors[i] @ vectors[i + 1]) for i in range(len(vectors) - 1)]
    return fmean(cos) < MEAN_BELOW and sum(c < LOW for c in cos) >= LOW_SHARE * len(cos)


def semantic_digest_items(texts: Sequence[str], encoder=None, *,
                          headline: str | None = None) -> list[list[int]] | None:
    """Indices of the paragraphs of each story when the paragraph texts are a digest, else None.

    `headline`: the text's first line when it reads as a headline. An article's headline
    tells what its first paragraphs tell; a digest page's title ("News in brief") does not.
    The cheap checks come first (shared words, then sentences and ledes): most articles never
    reach the encoder.
    """
    n = len(texts)
    if n < MIN_PARAGRAPHS:
        return None
    texts = [" ".join(t.split()[:WORDS]) for t in texts]
    if linked_share(texts[:PROBE + 1], stop_above=LINKED_SHARE) > LINKED_SHARE:
        return None
    paragraphs = [split_sentences(t) for t in texts]
    if any(not p or len(p) > MAX_SENTENCES for p in paragraphs):
        return None
    if lede_share(paragraphs) < LEDE_SHARE:
        return None
    if encoder is None:
        from reader.core.semantic import EncoderUnavailable, default_encoder

        try:
            encoder = default_encoder()
        except EncoderUnavailable:
            return None
    # The first few neighbours usually settle it (an article's are close): embed the rest
    # only when they look like a digest.
    probe = encoder.embed(texts[:FIRST_LOOK + 1])
    cos = [float(probe[i] @ probe[i + 1]) for i in range(len(probe) - 1)]
    if fmean(cos) >= 2 * MEAN_BELOW:
        return None
    if len(texts) > FIRST_LOOK + 1:
        more = encoder.embed(texts[FIRST_LOOK:PROBE + 1])
        cos += [float(more[i] @ more[i + 1]) for i in range(len(more) - 1)]
        probe = list(probe) + list(more[1:])
    if fmean(cos) >= MEAN_BELOW or sum(c < LOW for c in cos) < LOW_SHARE * len(cos):
        return None
    if headline:
        head = encoder.embed([headline])[0]
        if max(float(head @ v) for v in probe[:HEADLINE_REACH]) >= HEADLINE_TIES:
            return None
    if n > PROBE + 1:
        rest = encoder.embed(texts[PROBE:])
        cos += [float(rest[i] @ rest[i + 1]) for i in range(len(rest) - 1)]
    items = [[0]]
    for k in range(1, n):
        # A paragraph that can only continue ("It said the risk…") joins the item before it at
        # a lower closeness; one about something else is an item that opens oddly ("He was
        # known as the 'Oddfather'…": real digests have them).
        if cos[k - 1] > JOIN_ABOVE or (cos[k - 1] > LOW and continues(paragraphs[k][0])):
            items[-1].append(k)
        else:
            items.append([k])
    return items
