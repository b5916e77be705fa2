"""Quotations and their speakers, and the same remark quoted with different wording."""

from __future__ import annotations

import re
from typing import Callable, Sequence

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
MIN_QUOTE_WORDS = 5  # shorter quoted phrases are mostly names and scare quotes
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


def _speaker(bare: str, mentions: list[tuple[int, str, int]],
             last_person: Callable[[], str | None]) -> str | None:
    """Who speaks in a sentence: a named speaker, or the person a pronoun refers back to."""
    pronoun = PRONOUN_RE.search(bare)
    if pronoun is not None:
        before = [k for off, k, _ in mentions if off < pronoun.start()]
        return before[-1] if before else last_person()
    speech = [k for _, k, kind in mentions if kind < 2]
    if speech:
        return speech[0]
    return mentions[-1][1] if mentions else None


_MAX_QUOTE_SENTENCES = 8  # a quote left open longer than this is a stray quote mark


def _open(sentence: str) -> bool:
    """Whether a sentence leaves a quotation open (its next sentence continues the quote)."""
    return sentence.count("“") > sentence.count("”") or sentence.count('"') % 2 == 1 or \
        sentence.count("«") > sentence.count("»")


def quote_runs(article: Article) -> list[tuple[int, str]]:
    """(first sentence, text) of each sentence, or of a run of sentences of one paragraph that
    a quotation spans: the splitter makes each sentence of a quote its own unit, and a remark
    is found again here by joining them."""
    sents, paras = article.sentences, article.paragraphs
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(sents):
        j, text = i, sents[i]
        if _open(text):
            while (j + 1 < len(sents) and j - i < _MAX_QUOTE_SENTENCES and _open(text)
                   and (not paras or len(paras) != len(sents) or paras[j + 1] == paras[i])):
                j += 1
                text = f"{text} {sents[j]}"
            if _open(text):  # never closed: a stray mark, read the sentence on its own
                j, text = i, sents[i]
        out.append((i, text))
        i = j + 1
    return out


def extract_quotes(article: Article) -> list[QuoteOccurrence]:
    """Quotations of at least a few words in an article, each with its speaker if found
    (a quotation over several sentences is found whole, at its first sentence)."""
    out: list[QuoteOccurrence] = []
    for i, sentence in quote_runs(article):
        if '"' not in sentence and "“" not in sentence and "«" not in sentence:
            continue  # most sentences quote no one: skip the costly speaker search
        quotes = [next(g for g in m.groups() if g) for m in QUOTE_RE.finditer(sentence)]
        quotes = [q.strip() for q in quotes if len(q.split()) >= MIN_QUOTE_WORDS]
        if not quotes:
            continue
        bare = _outside_quotes(sentence)
        speaker = _speaker(bare, _mentions(bare), lambda: _last_person(article, i))
        out += [QuoteOccurrence(article.id, i, q, speaker) for q in quotes]
    return out


def _last_person(article: Article, i: int, reach: int = 3) -> str | None:
    """The person last mentioned in the few sentences before sentence i ("he" refers back)."""
    for k in range(i - 1, max(-1, i - 1 - reach), -1):
        mentions = _mentions(_outside_quotes(article.sentences[k]))
        if mentions:
            return mentions[-1][1]
    return None


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
    # Identical wordings (with the same speaker) are compared once: copies are common.
    keys: dict[tuple[str, str | None], int] = {}
    uniq: list[list[QuoteOccurrence]] = []
    for q in occs:
        k = (_norm(q.quote), fold_name(q.speaker) if q.speaker else None)
        if k not in keys:
            keys[k] = len(uniq)
            uniq.append([])
        uniq[keys[k]].append(q)
    vecs = [raw_features(group[0].quote) for group in uniq]
    parent = list(range(len(uniq)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[tuple[int, int], float] = {}
    for a, b in _candidates(vecs):
        sa, sb = uniq[a][0].speaker, uniq[b][0].speaker
        if sa and sb and fold_name(sa) != fold_name(sb):
            continue  # one remark has one speaker
        if {q.article_id for q in uniq[a]} == {q.article_id for q in uniq[b]} == {uniq[a][0].article_id}:
            continue  # two remarks of one version are not variants of each other
        s = similarity(vecs[a], vecs[b])
        if s >= LINK_CUTOFF:
            parent[find(a)] = find(b)
            best[(a, b)] = s
    groups: dict[int, list[int]] = {}
    for k in range(len(uniq)):
        groups.setdefault(find(k), []).append(k)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue  # one wording: not a variant
        found = [q for k in members for q in uniq[k]]
        if len({q.article_id for q in found}) < 2 or len({_norm(q.quote) for q in found}) < 2:
            continue  # one wording (perhaps with speakers found differently) is no variant
        sims = [s for (a, b), s in best.items() if a in members and b in members]
        speakers = [q.speaker for q in found if q.speaker]
        speaker = max(set(speakers), key=lambda s: (speakers.count(s), s)) if speakers else None
        ordered = sorted(found, key=lambda q: (q.article_id, q.sentence, q.quote))
        out.append(QuoteVariant(speaker, tuple(ordered), min(sims) if sims else 0.0))
    out.sort(key=lambda v: (v.occurrences[0].article_id, v.occurrences[0].sentence))
    return tuple(out)
