"""Quotations and their speakers, and the same remark quoted with different wording."""

from __future__ import annotations

import re
from typing import Sequence

from reader.core.align.features import fold_name, raw_features, similarity
from reader.core.model import Article, QuoteOccurrence, QuoteVariant

QUOTE_RE = re.compile(r"“([^”]{3,}?)”|\"([^\"]{3,}?)\"|«([^»]{3,}?)»")
SPEECH = (r"said|says|say|told|tells|added|adds|warned|warns|stated|states|wrote|writes|"
          r"maintained|noted|argued|insisted|claimed|declared|announced|replied|explained|"
          r"stressed|urged|hailed|accused|asked|insists|claims|continued|recalled")
NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)*"
TITLES = (r"President|Prime Minister|Minister|Chancellor|spokesman|spokesperson|spokeswoman|"
          r"Gov\.|Governor|leader|envoy|premier|Secretary|Admiral|Gen\.|General|Senator|"
          r"Sen\.|Rep\.|Mayor|King|Queen|Pope|Ambassador|Director|CEO|chief|commander")
# "Name said" / "said Name" / "President Name" / "Name’s comments": a person is mentioned.
PERSON_RES = (
    re.compile(rf"({NAME})\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?:{SPEECH})\b"),
    re.compile(rf"\b(?:{SPEECH})\s+({NAME})"),
    re.compile(rf"\b(?:{TITLES})\s+({NAME})"),
    re.compile(r"\b([A-Z][\w-]+)['’]s\s+(?:comments|remarks|words|warning|statement)"),
)
PRONOUN_RE = re.compile(rf"\b(he|she|He|She)\s+(?:also\s+|later\s+)?(?:{SPEECH})\b")
NOT_PEOPLE = frozenset("the a an but and if in on at of it this that they we i you".split())
MIN_QUOTE_WORDS = 4
LINK_CUTOFF = 0.3


def _speaker_key(name: str | None) -> str | None:
    """A person's surname, folded so spelling variants compare equal."""
    if not name:
        return None
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    parts = [p for p in parts if p.lower().rstrip(".") not in NOT_PEOPLE]
    if not parts:
        return None
    last = re.sub(r"['’]s$", "", parts[-1]).rstrip(".,")
    return last if len(last) > 1 else None


def _mentions(text: str) -> list[tuple[int, str, int]]:
    """(offset, surname, pattern kind) of every person mention; kinds 0-1 are speech verbs."""
    out = []
    for kind, rx in enumerate(PERSON_RES):
        for m in rx.finditer(text):
            key = _speaker_key(m.group(1))
            if key and key.lower() not in NOT_PEOPLE:
                out.append((m.start(1), key, kind))
    return sorted(out)


def _outside_quotes(text: str) -> str:
    """The text with quoted stretches blanked (same length), so names inside are not speakers."""
    return QUOTE_RE.sub(lambda m: " " * len(m.group(0)), text)


def _speaker(bare: str, mentions: list[tuple[int, str, int]], last_person: str | None) -> str | None:
    """Who speaks in a sentence: a named speaker, or the person a pronoun refers back to."""
    pronoun = PRONOUN_RE.search(bare)
    if pronoun is not None:
        before = [k for off, k, _ in mentions if off < pronoun.start()]
        return before[-1] if before else last_person
    speech = [k for _, k, kind in mentions if kind < 2]
    if speech:
        return speech[0]
    return mentions[-1][1] if mentions else None


def extract_quotes(article: Article) -> list[QuoteOccurrence]:
    """Quotations of at least a few words in an article, each with its speaker if found."""
    out: list[QuoteOccurrence] = []
    last_person: str | None = None
    for i, sentence in enumerate(article.sentences):
        bare = _outside_quotes(sentence)
        mentions = _mentions(bare)
        quotes = [(m.start(), next(g for g in m.groups() if g)) for m in QUOTE_RE.finditer(sentence)]
        speaker = _speaker(bare, mentions, last_person) if quotes else None
        for _, quote in quotes:
            if len(quote.split()) >= MIN_QUOTE_WORDS:
                out.append(QuoteOccurrence(article.id, i, quote.strip(), speaker))
        if mentions:
            last_person = mentions[-1][1]
    return out


def _norm(quote: str) -> str:
    return re.sub(r"[^\w]+", " ", quote.lower()).strip()


def _candidates(vecs: list[dict[str, float]]) -> list[tuple[int, int]]:
    """Quote pairs sharing a word that is not everywhere (an inverted index, not all pairs)."""
    postings: dict[str, list[int]] = {}
    for k, vec in enumerate(vecs):
        for f in vec:
            if "|" not in f:
                postings.setdefault(f, []).append(k)
    cap = max(20, len(vecs) // 4)
    pairs: set[tuple[int, int]] = set()
    for plist in postings.values():
        if len(plist) <= cap:
            for i, a in enumerate(plist):
                for b in plist[i + 1:]:
                    pairs.add((a, b))
    return sorted(pairs)


def quote_variants(articles: Sequence[Article]) -> tuple[QuoteVariant, ...]:
    """Groups of quotes from different versions that render one remark in different words."""
    occs = [q for a in articles for q in extract_quotes(a)]
    if len(occs) < 2:
        return ()
    vecs = [raw_features(q.quote) for q in occs]
    parent = list(range(len(occs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[tuple[int, int], float] = {}
    for a, b in _candidates(vecs):
        qa, qb = occs[a], occs[b]
        if qa.article_id == qb.article_id:
            continue
        ka = fold_name(qa.speaker) if qa.speaker else None
        kb = fold_name(qb.speaker) if qb.speaker else None
        if ka and kb and ka != kb:
            continue  # one remark has one speaker
        s = similarity(vecs[a], vecs[b])
        if s >= LINK_CUTOFF:
            parent[find(a)] = find(b)
            best[(a, b)] = s
    groups: dict[int, list[int]] = {}
    for k in range(len(occs)):
        groups.setdefault(find(k), []).append(k)
    out = []
    for members in groups.values():
        if len(members) < 2 or len({_norm(occs[k].quote) for k in members}) < 2:
            continue
        if len({occs[k].article_id for k in members}) < 2:
            continue
        sims = [s for (a, b), s in best.items() if a in members and b in members]
        speakers = [occs[k].speaker for k in members if occs[k].speaker]
        speaker = max(set(speakers), key=lambda s: (speakers.count(s), s)) if speakers else None
        ordered = sorted((occs[k] for k in members), key=lambda q: (q.article_id, q.sentence))
        out.append(QuoteVariant(speaker, tuple(ordered), min(sims) if sims else 0.0))
    out.sort(key=lambda v: (v.occurrences[0].article_id, v.occurrences[0].sentence))
    return tuple(out)
