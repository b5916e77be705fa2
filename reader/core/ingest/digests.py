"""Wire digests told apart from articles by meaning: neighbouring ledes of a digest are unrelated.

A digest is a list of one- or two-sentence ledes of different stories; an article laid out
one sentence per paragraph reads the same on the surface. What separates them is that an
article's neighbouring paragraphs are about one thing (encoder cosine mostly 0.2-0.9) while
a digest's are not (mostly below 0.2): measured on real digests and articles, the mean of the
first dozen neighbour cosines split the two with a wide gap.
"""

from __future__ import annotations

from statistics import fmean
from typing import Sequence

from reader.core.ingest.segment import _register_names, _refers_back, opens_like_lede

# Cheap gate first: most of the paragraphs must open like a lede (no "He said", no bare
# surname introduced earlier), or the file is not even looked at by the encoder.
LEDE_SHARE = 0.6
MIN_PARAGRAPHS = 3
# Digest ledes are one or two sentences; a paragraph of more is article prose.
MAX_SENTENCES = 3
# Neighbours looked at to decide, and the decision: low mean cosine, nearly all pairs low.
PROBE = 8
MEAN_BELOW = 0.14
LOW = 0.25
LOW_SHARE = 0.85
# Inside a digest, neighbours this close stay one item (a lede and its second paragraph).
JOIN_ABOVE = 0.45
WORDS = 45
# A headline this close to one of the first paragraphs heads an article, not a digest.
HEADLINE_TIES = 0.45
HEADLINE_REACH = 3


def lede_share(paragraphs: Sequence[Sequence[str]]) -> float:
    """Share of paragraphs after the first whose first sentence opens like a new story."""
    names: set[str] = set()
    ledes = 0
    for k, sentences in enumerate(paragraphs):
        if k and sentences and opens_like_lede(sentences[0], names) \
                and not _refers_back(list(sentences), names):
            ledes += 1
        for sentence in sentences:
            _register_names(sentence, names)
    return ledes / max(1, len(paragraphs) - 1)


_STOP = frozenset("""about after again against also because before being between could
during every first their there these those under until where which while would people
police officials""".split())
# Neighbours sharing words (a name, or two longer words) are one story's paragraphs: an
# article with more linked neighbours than this is not sent to the encoder at all.
LINKED_SHARE = 0.25


def _words(text: str) -> tuple[set[str], set[str]]:
    """(names, longer words) of a paragraph, lower-cased; names skip the first word."""
    tokens = [t.strip(".,;:!?\"'()“”‘’") for t in text.split()]
    names = {t.lower() for t in tokens[1:] if len(t) > 2 and t[:1].isupper()}
    longer = {t.lower() for t in tokens if len(t) >= 5 and t.lower() not in _STOP}
    return names, longer


def linked_share(texts: Sequence[str]) -> float:
    """Share of neighbouring paragraphs that share a name or two longer words."""
    words = [_words(t) for t in texts]
    links = sum(bool(a[0] & b[0]) or len(a[1] & b[1]) >= 2 for a, b in zip(words, words[1:]))
    return links / max(1, len(texts) - 1)


def semantic_digest_items(paragraphs: Sequence[Sequence[str]], encoder=None, *,
                          headline: str | None = None) -> list[list[int]] | None:
    """Paragraph indices of each story when the paragraphs are a digest, else None.

    `headline`: the text's first line when it reads as a headline. An article's headline
    tells what its first paragraphs tell; a digest page's title ("News in brief") does not.
    """
    n = len(paragraphs)
    if n < MIN_PARAGRAPHS or any(not p or len(p) > MAX_SENTENCES for p in paragraphs):
        return None
    if lede_share(paragraphs) < LEDE_SHARE:
        return None
    texts = [" ".join(" ".join(p).split()[:WORDS]) for p in paragraphs]
    if linked_share(texts[:PROBE + 1]) > LINKED_SHARE:
        return None
    if encoder is None:
        from reader.core.semantic import EncoderUnavailable, default_encoder

        try:
            encoder = default_encoder()
        except EncoderUnavailable:
            return None
    probe = encoder.embed(texts[:PROBE + 1])
    cos = [float(probe[i] @ probe[i + 1]) for i in range(len(probe) - 1)]
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
        if cos[k - 1] > JOIN_ABOVE:
            items[-1].append(k)
        else:
            items.append([k])
    return items
