"""Sentence features for matching: content-word stems, bigrams, names and numbers, IDF weights."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import AbstractSet, Iterable, Sequence

from reader.core.align.lexicon import COUNTRY
from reader.core.text.lexicon import fold_numbers, number_key, parse_digits, prepare

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Feature tokens: numbers keep their separators (8,000 and 5.3 are one number each).
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*")
NUMBER_RE = re.compile(r"\d")

# Function words carry no topic; everything else is a content word. Reporting verbs are
# kept but get a low weight from IDF anyway (they occur everywhere).
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves s t don said says say told saying according mr mrs ms one also however
    meanwhile still yet even us""".split()
)

# Term frequency of a country feature (see raw_features).
COUNTRY_WEIGHT = 0.5

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er",
             "es", "ed", "ly", "s")


# Words news outlets use interchangeably for the same thing, in groups. Deliberately small
# and generic (not written from any test text): a wrong group joins unrelated sentences.
SYNONYM_GROUPS = """
attack strike raid assault | kill die dead death deadly | injure wound hurt injury
house home residence dwelling | building structure | blaze fire flame wildfire
start begin launch | stop halt end suspend | continue keep remain persist
rise increase grow climb jump surge raise hike lift boost | fall drop decline decrease slip
ease sink slide plunge | cut reduce lower | buy purchase import | sell export
meet meeting talk talks summit | vow pledge promise | warn caution | help aid assistance support
photo photograph picture image | video footage | show reveal indicate
nation country state | government administration authorities | official authority
big large major huge massive | small minor | nearly almost roughly approximately around
car vehicle | driver motorist | shortage scarce scarcity | queue line
power electricity | price cost | wage pay salary | job work employment
investigate probe inquiry investigation | cause reason | shut close closure
damage destroy ruin wreck | flee escape evacuate | city town | village settlement
demand call urge | allow permit let | ban prohibit prohibition forbid | order require
""".replace("\n", "|").split("|")


def _synonyms() -> dict[str, str]:
    out = {}
    for group in SYNONYM_GROUPS:
        words_ = group.split()
        for w in words_:
            out.setdefault(stem(w), "S:" + words_[0])
    return out


@lru_cache(maxsize=65536)
def fold_name(word: str) -> str:
    """A key equal for transliteration variants of a name (Zelenskyy/Zelensky/Zelenskiy)."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters: Zelenskyy -> zelensky
    for end in ("iy", "yi", "ij", "y", "i"):
        if len(w) > 5 and w.endswith(end):
            return w[: -len(end)]
    return w


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem so that inflections meet (guarantees/guarantee, deployed/deploying)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suf in _SUFFIXES:
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    # Truncation catches derivations the suffix list misses (legitimate/legitimacy).
    return w[:7]


_SYNONYMS = _synonyms()


def words(text: str) -> list[str]:
    """The word tokens of a text (letters/digits, inner apostrophes kept)."""
    return WORD_RE.findall(text)


@dataclass(frozen=True, slots=True)
class Features:
    """The matching features of one sentence text and their raw counts."""

    terms: dict[str, float]  # feature -> term frequency (before IDF)


def tokens(text: str) -> list[str]:
    """Feature tokens of a sentence: words, numbers (number words folded to digits), countries joined."""
    return fold_numbers(TOKEN_RE.findall(prepare(text)))


def raw_features(text: str, names: AbstractSet[str] = frozenset(),
                 also: Iterable[str] = (), *, toks: Sequence[str] | None = None
                 ) -> dict[str, float]:
    """Unigram stems, adjacent content bigrams, names (folded) and numbers of a sentence.

    `names`: folded names seen mid-sentence in the story, so that a sentence-initial "Macron"
    is the same name; `also`: names the sentence's bare titles refer to (lexicon.title_names);
    `toks`: tokens(text) when the caller has them already (tokenising is the costly part).
    """
    feats: Counter[str] = Counter()
    if toks is None:
        toks = tokens(text)
    content: list[str] = []
    for i, tok in enumerate(toks):
        low = tok.lower()
        if low in STOPWORDS:
            continue
        # isalpha() first: a cheap, exact "no digit" for most tokens (digits are not alpha).
        if not tok.isalpha() and NUMBER_RE.search(tok):
            value = parse_digits(tok)
            key = "#" + (re.sub(r"[,.]", "", tok) if value is None else lexicon_number(value))
            feats[key] += 1.5  # numbers identify a fact strongly
            content.append(key)
            continue
        if len(low) < 2:
            continue
        country = COUNTRY.get(low.replace("’", "'").removesuffix("'s"))
        if country:
            # Russia / Russian / Moscow / the Kremlin: one actor. Counted once and light: a
            # story's countries are its topic, shared by its sentences whatever fact they tell.
            feats[country] = COUNTRY_WEIGHT
            content.append(country)
            continue
        if tok[0].isupper() and (i > 0 or fold_name(tok) in names):
            key = "N:" + fold_name(tok)
        else:
            key = stem(tok)
            key = _SYNONYMS.get(key, key)
        feats[key] += 1.0
        content.append(key)
    for a, b in zip(content, content[1:]):
        feats[a + "|" + b] += 0.7  # phrase overlap: copied wording, not just shared topic
    for name in also:
        key = "N:" + fold_name(name)
        if key not in feats:
            feats[key] = 1.0
    return dict(feats)


def lexicon_number(value: float) -> str:
    """Number key without the leading '#'."""
    return number_key(value)[1:]


def story_names(texts: Iterable[str]) -> frozenset[str]:
    """Folded names written capitalised mid-sentence anywhere in the texts."""
    return story_names_of(tokens(text) for text in texts)


def story_names_of(token_lists: Iterable[Sequence[str]]) -> frozenset[str]:
    """story_names() of texts already tokenised with tokens()."""
    out = set()
    for toks in token_lists:
        for tok in toks[1:]:
            if tok[:1].isupper() and tok.lower() not in STOPWORDS:
                out.add(fold_name(tok))
    return frozenset(out)


def idf_weights(feature_sets: Iterable[dict[str, float]], total: int) -> dict[str, float]:
    """Inverse document frequency of every feature, counting sentences as documents."""
    df: Counter[str] = Counter()
    for feats in feature_sets:
        df.update(feats.keys())
    return {f: math.log((total + 1) / (n + 0.5)) + 0.1 for f, n in df.items()}


def weighted(feats: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
    """Feature weights: term frequency times IDF."""
    return {f: tf * idf[f] for f, tf in feats.items()}


def norms(vec: dict[str, float]) -> tuple[float, float]:
    """Euclidean norm and total mass of a weighted feature vector."""
    return math.sqrt(sum(w * w for w in vec.values())), sum(vec.values())


def similarity(a: dict[str, float], b: dict[str, float],
               na: tuple[float, float] | None = None, nb: tuple[float, float] | None = None) -> float:
    """Mix of cosine and containment of weighted features, 0..1.

    Cosine alone punishes a short sentence paraphrased inside a long one; containment alone
    lets any short sentence match. Their mean separates paraphrases from same-topic sentences.
    `na`/`nb` are the vectors' precomputed norms() when the caller has them.
    """
    if len(a) > len(b):
        a, b, na, nb = b, a, nb, na
    overlap = 0.0
    dot = 0.0
    for f, wa in a.items():
        wb = b.get(f)
        if wb is not None:
            overlap += min(wa, wb)
            dot += wa * wb
    if dot == 0.0:
        return 0.0
    norm_a, mass_a = na or norms(a)
    norm_b, mass_b = nb or norms(b)
    cosine = dot / (norm_a * norm_b)
    small = min(mass_a, mass_b)
    contain = overlap / small if small else 0.0
    return min(1.0, 0.5 * cosine + 0.5 * contain)


def merge_features(parts: Sequence[dict[str, float]]) -> dict[str, float]:
    """Features of several sentences read as one text."""
    out: dict[str, float] = {}
    for feats in parts:
        for f, w in feats.items():
            out[f] = out.get(f, 0.0) + w
    return out
