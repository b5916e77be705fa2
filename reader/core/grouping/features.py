"""Event features of one article: names, numbers, quoted phrases and distinctive words, by zone."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.core.grouping.lexicon import COUNTRIES, REPORTING, fold_table, normalise_numbers
from reader.core.model import Article

# Sentences of the body read for features: later paragraphs drift to background and other
# events, and reading them costs time on long articles.
MAX_BODY_SENTENCES = 30
MAX_BODY_CHARS = 1500
LEDE_SENTENCES = 2

_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*%?")
_QUOTE = re.compile(r"[\"“”«»]([^\"“”«»]{4,240})[\"“”«»]")
_NUMBER = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"(\d[\d,.]*%?)\s+([^\W\d_][\w'’\-]*)")
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
    """Normalised key of one word: light stemming, a spelling-variant fold for names, and the
    lexicon's folds (Russian/Moscow -> russia, tremor -> earthquake).

    The spelling fold (y->i, doubled letters collapsed) makes Zelenskyy, Zelensky and Zelenskiy
    one key; on ordinary words it merges almost nothing that should stay apart.
    """
    key = _stem_cache.get(token)
    if key is not None:
        return key
    w = _stem(token)
    w = _FOLD.get(w, w)
    if len(_stem_cache) < 500_000:
        _stem_cache[token] = w
    return w


def _stem(token: str) -> str:
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
    return _DOUBLE.sub(r"\1", w.replace("y", "i"))


_FOLD = fold_table(_stem)
# Country keys (Russia, Russian, Moscow) are a kind of their own ("c:"): a topic more than a
# name, they do not weigh double and weigh less than other words (scoring.KIND_WEIGHT).
COUNTRY_KEYS = frozenset("w:" + _stem(c) for c in COUNTRIES)


def _number_key(token: str) -> str:
    return token.rstrip(".,").replace(",", "")


# Token -> feature key ("w:…", "n:…") or "" for a word that carries no event information.
_token_keys: dict[str, str] = {}


def token_key(tok: str) -> str:
    """Feature key of one token (cached): stopwords give ""."""
    key = _token_keys.get(tok)
    if key is not None:
        return key
    low = tok.lower()
    if _NUMBER.match(tok):
        num = _number_key(tok)
        key = "n:" + num if num else ""
    elif low in ORDINALS:
        key = "n:" + ORDINALS[low]
    elif low in STOPWORDS or low in REPORTING or len(low) < 2:
        key = ""

    else:
        key = "w:" + word_key(tok)
        if key in COUNTRY_KEYS:
            key = "c:" + key[2:]
    if len(_token_keys) < 1_000_000:
        _token_keys[tok] = key
    return key


# Token -> (feature key, its word part for pairs or None): the lede loop's cache.
_lede_info: dict[str, tuple[str, str | None]] = {}


def _lede_token(tok: str) -> tuple[str, str | None]:
    key = token_key(tok)
    info = (key, key[2:] if key and key[0] in "wc" else None)
    if len(_lede_info) < 1_000_000:
        _lede_info[tok] = info
    return info


def _lede_features(text: str, counts: dict[str, int], surface: dict[str, str],
                   lede: dict[str, None]) -> None:
    """Keys of the lede zone, plus its word pairs ("legitimate targets", "eighth region")."""
    prev = ""
    prev_tok = ""
    info_of = _lede_info.get
    for tok in _WORD.findall(text):
        key, word = info_of(tok) or _lede_token(tok)
        if not key:
            prev = ""
            continue
        lede[key] = None
        if word is None:
            prev = ""
            continue
        if prev:
            bkey = "b:" + prev + " " + word
            counts[bkey] = counts.get(bkey, 0) + 1
            if bkey not in surface:
                surface[bkey] = prev_tok + " " + tok
            lede[bkey] = None
        prev, prev_tok = word, tok


def _quote_features(text: str, counts: dict[str, int], surface: dict[str, str]) -> None:
    """Word pairs inside quotation marks: quoted phrases survive paraphrase of the rest."""
    for quote in _QUOTE.findall(text):
        prev = ""
        prev_tok = ""
        for tok in _WORD.findall(quote):
            key = token_key(tok)
            if not key or key[0] not in "wc":
                prev = ""
                continue
            if prev:
                bkey = "b:" + prev + " " + key[2:]
                counts[bkey] = counts.get(bkey, 0) + 1
                surface.setdefault(bkey, prev_tok + " " + tok)
            prev, prev_tok = key[2:], tok


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


def file_label_titles(articles: list[Article]) -> set[tuple[str, str]]:
    """(source, title) pairs that several articles of one file share."""
    seen: dict[tuple[str, str], int] = {}
    for a in articles:
        seen[(a.source, a.title)] = seen.get((a.source, a.title), 0) + 1
    return {k for k, n in seen.items() if n > 1}


def zones(article: Article, *, use_title: bool = True) -> tuple[str, str]:
    """(lede text, whole read text): headline + first sentences, then the body up to a cap."""
    title = real_title(article) if use_title else ""
    sentences = article.sentences
    lede_text = normalise_numbers(" ".join((title, *sentences[:LEDE_SENTENCES])))
    body: list[str] = []
    chars = 0
    for sentence in sentences[LEDE_SENTENCES:MAX_BODY_SENTENCES]:
        body.append(sentence)
        chars += len(sentence)
        if chars > MAX_BODY_CHARS:
            break
    return lede_text, lede_text + " " + normalise_numbers(" ".join(body))


def people_zone(article: Article, *, use_title: bool = True) -> str:
    """Headline and first sentence: where a report names who the event happened to."""
    title = real_title(article) if use_title else ""
    return " ".join((title, *article.sentences[:1]))


def surface_of(tok: str) -> str:
    """Readable form of a token for reasons: without a possessive 's or a full stop."""
    if tok[0].isdigit():
        return tok.rstrip(".,")
    return tok[:-2] if tok.endswith(("'s", "’s")) else tok


def phrase_features(lede_text: str, text: str) -> tuple[dict[str, int], dict[str, str],
                                                       dict[str, None]]:
    """Multi-word features and the lede's keys: (counts, readable forms, lede keys).

    Word pairs and number-unit pairs come from the lede (they name the event), word pairs
    also from quotations anywhere in the read text. The lede keys keep their reading order
    (a dict, not a set): the index numbers new features in that order, and a set's order
    would change with Python's string hash seed from one run to the next.
    """
    counts: dict[str, int] = {}
    surface: dict[str, str] = {}
    lede: dict[str, None] = {}
    _lede_features(lede_text, counts, surface, lede)
    for num, nxt in _NUMBER_WORD.findall(lede_text):
        nkey = token_key(nxt)
        if nkey and nkey[0] == "w":
            key = "n:" + _number_key(num) + " " + nkey[2:]
            counts[key] = counts.get(key, 0) + 1
            surface.setdefault(key, num.rstrip(".,") + " " + nxt)
            lede[key] = None
    if '"' in text or "“" in text:
        _quote_features(text, counts, surface)
    return counts, surface, lede


def extract(article: Article, *, use_title: bool = True) -> RawFeatures:
    """All features of one article by key (the index does the same with a faster token path)."""
    lede_text, text = zones(article, use_title=use_title)
    counts, surface, lede = phrase_features(lede_text, text)
    for tok, c in Counter(_WORD.findall(text)).items():
        key = token_key(tok)
        if not key:
            continue
        # A capitalised word is usually a name: names weigh double.
        if tok[0].isupper() and key[0] == "w":
            c += c
        counts[key] = counts.get(key, 0) + c
        surface.setdefault(key, surface_of(tok))
    return RawFeatures(counts, frozenset(lede), surface)


def tokens(text: str) -> Counter:
    """Occurrences of each distinct token in a text."""
    return Counter(_WORD.findall(text))


def token_list(text: str) -> list[str]:
    """Every token of a text, in order."""
    return _WORD.findall(text)
