"""Event features of one article: names, numbers, quoted phrases and distinctive words, by zone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.model import Article

# Sentences of the body read for features: later paragraphs drift to background and other
# events, and reading them costs time on long articles.
MAX_BODY_SENTENCES = 30
MAX_BODY_WORDS = 700
LEDE_SENTENCES = 2
# Whole runs of capitalised words ("PARIS Russian President Vladimir Putin") as one feature:
# brittle across outlets, so off; single names already carry the evidence.
ENTITY_PHRASES = False

_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*%?")
_QUOTE = re.compile(r"[\"“”«»]([^\"“”«»]{4,240})[\"“”«»]")
_NUMBER = re.compile(r"\d")
_DOUBLE = re.compile(r"(.)\1+")

STOPWORDS = frozenset(
    """a about above after again against all almost also although am among an and another any
    are around as at be became because been before being below between both but by can could
    did do does doing done down during each either else even ever every few for from further
    had has have having he her here hers herself him himself his how however i if in into is it
    its itself just least less like made make makes many may me might more most much must my
    near nearly neither no nor not now of off often on once one only or other others our ours
    out over own per perhaps rather same several she should since so some such than that the
    their theirs them themselves then there these they this those though through thus to too
    toward towards under until up upon us very via was we were what whatever when where whether
    which while who whom whose why will with within without would yet you your yours
    said says say saying told tell according added adding asked also already still last next
    new year years week weeks day days time times mr mrs ms dr st including include includes
    get got go going went come came take took give gave us u.s well way back first second
    third two three four five six seven eight nine ten many much lot told report reported
    reports statement thursday's friday's""".split()
)


# Ordinals name which of a series an event is ("seventh test flight", "eighth region"),
# so they count as numbers; first/second/third are too often idiom ("for the second time").
ORDINALS = {
    w: f"{i}th" for i, w in enumerate(
        "fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=4)
}


@dataclass(frozen=True, slots=True)
class RawFeatures:
    """Feature keys of one article: term counts over the read text, and the lede's keys."""

    counts: dict[str, int]
    lede: frozenset[str]
    # A readable form of each key, for StoryGroup.reasons.
    surface: dict[str, str]


_stem_cache: dict[str, str] = {}


def word_key(token: str) -> str:
    """Normalised key of one word: light stemming plus a spelling-variant fold for names.

    The fold (y->i, doubled letters collapsed) makes Zelenskyy, Zelensky and Zelenskiy one key;
    on ordinary words it merges almost nothing that should stay apart.
    """
    key = _stem_cache.get(token)
    if key is not None:
        return key
    w = token.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith("sses"):
            w = w[:-2]
        elif w.endswith(("ches", "shes", "xes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        if len(w) > 5 and w.endswith("ing"):
            w = w[:-3]
        elif len(w) > 4 and w.endswith("ed"):
            w = w[:-2]
        if len(w) > 4 and w.endswith("e"):
            w = w[:-1]
    w = _DOUBLE.sub(r"\1", w.replace("y", "i"))
    if len(_stem_cache) < 500_000:
        _stem_cache[token] = w
    return w


def _number_key(token: str) -> str:
    return token.rstrip(".,").replace(",", "")


def _zone_features(
    text: str,
    counts: dict[str, int],
    surface: dict[str, str],
    lede: set[str] | None,
) -> int:
    """Add the features of one sentence to counts (and lede); return its word count."""
    tokens = _WORD.findall(text)
    prev_key = None
    prev_tok = ""
    cap_run: list[str] = []
    cap_surface: list[str] = []
    n = len(tokens)

    def flush_entity() -> None:
        if ENTITY_PHRASES and len(cap_run) >= 2:
            key = "e:" + " ".join(cap_run)
            counts[key] = counts.get(key, 0) + 1
            surface.setdefault(key, " ".join(cap_surface))
            if lede is not None:
                lede.add(key)
        cap_run.clear()
        cap_surface.clear()

    for i, tok in enumerate(tokens):
        if _NUMBER.match(tok):
            flush_entity()
            num = _number_key(tok)
            if not num:
                continue
            key = "n:" + num
            counts[key] = counts.get(key, 0) + 1
            surface.setdefault(key, tok.rstrip(".,"))
            if i + 1 < n and not _NUMBER.match(tokens[i + 1]):
                nxt = tokens[i + 1]
                if nxt.lower() not in STOPWORDS:
                    key2 = "n:" + num + " " + word_key(nxt)
                    counts[key2] = counts.get(key2, 0) + 1
                    surface.setdefault(key2, tok.rstrip(".,") + " " + nxt)
                    if lede is not None:
                        lede.add(key2)
            if lede is not None:
                lede.add(key)
            prev_key = None
            continue
        low = tok.lower()
        if low in ORDINALS:
            flush_entity()
            key = "n:" + ORDINALS[low]
            counts[key] = counts.get(key, 0) + 1
            surface.setdefault(key, tok)
            if lede is not None:
                lede.add(key)
            prev_key = None
            continue
        if low in STOPWORDS or len(low) < 2:
            flush_entity()
            prev_key = None
            continue
        key = word_key(tok)
        wkey = "w:" + key
        capital = tok[0].isupper()
        # A capitalised word inside a sentence is a name: count it twice so names weigh more.
        bonus = 1 if capital and i > 0 else 0
        counts[wkey] = counts.get(wkey, 0) + 1 + bonus
        if wkey not in surface:
            surface[wkey] = tok[:-2] if tok.endswith(("'s", "’s")) else tok
        if capital:
            cap_run.append(key)
            cap_surface.append(surface[wkey])
        else:
            flush_entity()
        if lede is not None:
            lede.add(wkey)
            # Word pairs of the lede name the event ("legitimate targets", "eighth region").
            if prev_key is not None:
                bkey = "b:" + prev_key + " " + key
                counts[bkey] = counts.get(bkey, 0) + 1
                surface.setdefault(bkey, prev_tok + " " + tok)
                lede.add(bkey)
        prev_key, prev_tok = key, tok
    flush_entity()
    return n


def _quote_features(text: str, counts: dict[str, int], surface: dict[str, str]) -> None:
    """Word pairs inside quotation marks: quoted phrases survive paraphrase of the rest."""
    for quote in _QUOTE.findall(text):
        prev_key = None
        prev_tok = ""
        for tok in _WORD.findall(quote):
            low = tok.lower()
            if low in STOPWORDS or _NUMBER.match(tok):
                prev_key = None
                continue
            key = word_key(tok)
            if prev_key is not None:
                bkey = "b:" + prev_key + " " + key
                counts[bkey] = counts.get(bkey, 0) + 1
                surface.setdefault(bkey, prev_tok + " " + tok)
            prev_key, prev_tok = key, tok


def real_title(article: Article) -> str:
    """The article's headline, or "" when the title is only the start of its own text."""
    title = " ".join(article.title.split())
    if not title or " " not in title:
        return ""
    if article.sentences:
        first = " ".join(article.sentences[0].split())
        stem = title.rstrip(".…").rstrip()
        if first.startswith(stem) or stem.startswith(first):
            return ""
    return title


def extract(article: Article, *, use_title: bool = True) -> RawFeatures:
    """Features of one article; the headline and first sentences form the lede zone."""
    counts: dict[str, int] = {}
    surface: dict[str, str] = {}
    lede: set[str] = set()
    title = real_title(article) if use_title else ""
    if title:
        _zone_features(title, counts, surface, lede)
        _quote_features(title, counts, surface)
    words = 0
    for i, sentence in enumerate(article.sentences[:MAX_BODY_SENTENCES]):
        words += _zone_features(sentence, counts, surface, lede if i < LEDE_SENTENCES else None)
        if '"' in sentence or "“" in sentence:
            _quote_features(sentence, counts, surface)
        if words > MAX_BODY_WORDS:
            break
    return RawFeatures(counts, frozenset(lede), surface)
