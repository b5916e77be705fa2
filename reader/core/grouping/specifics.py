"""Conflicting specifics: ledes that give different numbers for the same thing name other events.

Two reports of one event may word everything differently, but they do not disagree on which
test flight it was, the magnitude of the quake or how many basis points the rate moved. Two
events of one series (the seventh and the eighth flight, the first and the second strike day)
share almost every word and differ exactly there. So each lede's specifics are read as
unit -> values ("o:test" -> {7}, "u:earthquak" -> {7.8}, "u:categori" -> {4}) and a pair whose
ledes share a unit with no value in common is penalised (see scoring.pair_score).

Who is a specific too. Reports of two events of one kind put other people in the same words:
"the Saints placed running back Reggie Bush on injured reserve" / "... placed running back
Pierre Thomas on injured reserve", "defensive tackle Jamal Williams was arrested" / "receiver
Vincent Jackson was arrested". So each full name (two or three capitalised words) in a report's
headline and first sentence is read as a unit of its role (the content word just before it:
"running", "receiver") and of what it does (the content word just after: "arrested",
"injured") -> the name's words, and two reports that give the same role or act to names with no
word in common, neither named in the other's headline and first sentence, are penalised like a
disagreeing figure. Versions of one event share the name ("Reggie Bush" / "RB Bush") or name
both people; a name followed by "said" is a source, which outlets choose for themselves, and is
left out.
On ECB+ (two events of one kind per topic) this took grouping ARI from 0.832 to 0.843 and
changed nothing on the other sets.
"""

from __future__ import annotations

import re
import zlib

from reader.core.grouping.features import STOPWORDS, word_key
from reader.core.grouping.lexicon import COUNTRIES, REPORTING

# Values closer than this (relative) agree: "1.1 million" and "1.12 million" are one count.
TOLERANCE = 0.05
# Score multiplier for ledes that disagree on a specific, and for a disagreement about "first".
CONFLICT_FACTOR = 0.5
FIRST_FACTOR = 0.75
# Ledes that give the same figure for the same thing (and no other) are likelier one event.
AGREE_FACTOR = 1.3
# Which of a numbered series (the seventh or the eighth flight) is the surest sign of two events.
ORDINAL_FACTOR = 0.15
# Words after an ordinal read as what it counts ("seventh test flight" -> test, flight).
ORDINAL_WINDOW = 3

_ORDINAL_WORDS = {
    w: i for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
        .split(), start=1)
}
_ORDINAL_DIGITS = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")
_TOKEN = re.compile(r"\d[\d,.]*(?:st|nd|rd|th)?%?|[^\W\d_][\w'’]*|[%$€£]")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
          "mn": 1e6}
# Words that after an ordinal make it idiom, not a count ("for the first time").
_ORDINAL_STOP = frozenset("time times half quarter place ever".split())
# Words before a number that name what it measures ("magnitude 6.8", "Category 4").
_PREFIX_UNITS = frozenset(
    "magnitude category flight round level stage phase article grade terminal no".split())
# Stopwords that an ordinal may count ("the second day of strikes"); other stopwords end it.
_COUNTED = frozenset(("day", "week", "year"))
# Counts of people are estimates that outlets and updates revise (tolls, crowds): no conflict.
_REVISED = frozenset(word_key(w) for w in
                     "people dead death killed injured wounded casualties victims protesters "
                     "marchers demonstrators residents".split())
# Small words between a number and its unit that do not end the unit search.
_PERCENT = frozenset(("percent", "per"))

# Score multiplier for ledes that give one role or act to different people.
PEOPLE_FACTOR = 0.5
# A full name: this many capitalised words (one alone is too often a place or a brand).
_NAME_WORDS = (2, 3)
# Every name word of a lede, under this unit, so that a name the other lede mentions anywhere
# (in another role) is no conflict.
_ALL_NAMES = "p:*"
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'\u2019\-]*|\d[\d,.]*|[^\w\s]")
_SENTENCE_END = frozenset(".!?\"\u201c")
# Verbs after a name that make it a source ("fire chief John Smith said"), not the event's actor.
_SOURCE_VERBS = REPORTING | frozenset(
    "said says say saying told tells tell according added adding asked".split())
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split())

Specifics = dict[str, tuple[float, ...]]


def _number(tok: str) -> float | None:
    text = tok.rstrip(".,%").replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _is_year(tok: str, value: float) -> bool:
    # Years place an event in time, which the date check already does; they are not counts.
    return value.is_integer() and 1900 <= value <= 2100 and "," not in tok and "." not in tok


def lede_specifics(text: str) -> Specifics:
    """Unit -> values of the numbers and ordinals of a lede."""
    toks = _TOKEN.findall(text)
    low = [t.lower() for t in toks]
    out: dict[str, set[float]] = {}
    # A number waiting for the unit of a later one: "248 of the 460 seats".
    pending: list[tuple[int, float]] = []

    def put(unit: str, value: float) -> None:
        out.setdefault(unit, set()).add(value)

    for i, tok in enumerate(low):
        # (Most tokens are words: one dict look-up settles them.)
        if not tok[0].isdigit():
            if tok in _ORDINAL_WORDS:
                _ordinal_units(low, i, float(_ORDINAL_WORDS[tok]), put)
            continue
        m = _ORDINAL_DIGITS.match(tok)
        if m:
            _ordinal_units(low, i, float(m.group(1)), put)
            continue
        value = _number(tok)
        if value is None or _is_year(tok, value):
            continue
        prefix = _prefix_unit(low, i)
        if prefix:
            put("u:" + word_key(prefix), value)
        elif "richter" in low[i + 1:i + 5]:
            put(_MAGNITUDE, value)  # "measuring 5.6 on the Richter scale"
        j = i + 1
        if j < len(low) and low[j] in _SCALE:
            value *= _SCALE[low[j]]
            j += 1
        if tok.endswith("%") or (j < len(low) and low[j] in _PERCENT):
            put("u:%", value)
            continue
        # Count nouns are lower case; "737 MAX" or "Flight 1282 Portland" name things. Words
        # of origin may come between ("26 Somali pirates", "23 Somali and Yemeni pirates").
        k = _past_origins(toks, low, j)
        if k > j and k < len(low) and toks[k][0].islower() and low[k] not in STOPWORDS:
            j = k
        if j < len(low) and toks[j][0].islower() and low[j] not in STOPWORDS:
            unit = word_key(low[j])
            if unit not in _REVISED:
                put("u:" + unit, value)
                for at, earlier in pending:
                    if i - at <= 4:
                        put("u:" + unit, earlier)
            pending.clear()
        elif j < len(low) and low[j] == "of":
            pending.append((i, value))
    return {u: tuple(sorted(v)) for u, v in out.items()}


# Words between a measure's name and its figure ("magnitude of at least 5.9").
_BETWEEN = frozenset("of at least about around nearly some".split())
_MAGNITUDE = "u:" + word_key("magnitude")


def _prefix_unit(low: list[str], i: int) -> str | None:
    """The measure named just before the number at i ("magnitude 6.8", "Category 4", and
    "magnitude of at least 5.9")."""
    k = i - 1
    while k >= 0 and i - k <= 4 and low[k] in _BETWEEN:
        k -= 1
    if k >= 0 and low[k] in _PREFIX_UNITS and (k == i - 1 or low[k] == "magnitude"):
        return low[k]
    return None


# Capitalised words (at most this many) between a number and its count noun.
_ORIGIN_WORDS = 3


def _past_origins(toks: list[str], low: list[str], j: int) -> int:
    """Index after the run of title-case words (and "and") from toks[j], or j when none."""
    k = j
    seen = 0
    while k < len(toks) and seen < _ORIGIN_WORDS:
        tok = toks[k]
        if tok[0].isupper() and not tok.isupper() and tok[0].isalpha():
            seen += 1
        elif not (seen and low[k] == "and"):
            break
        k += 1
    return k if seen and low[k - 1] != "and" else j


def _ordinal_units(low: list[str], i: int, value: float, put) -> None:
    """The words an ordinal counts: up to ORDINAL_WINDOW content words after it."""
    seen = 0
    for nxt in low[i + 1:i + 1 + 2 * ORDINAL_WINDOW]:
        if nxt in _ORDINAL_STOP or not nxt[0].isalpha():
            break
        if nxt == "of":
            continue
        if nxt in STOPWORDS and nxt not in _COUNTED:
            break
        put("o:" + word_key(nxt), value)
        seen += 1
        if seen == ORDINAL_WINDOW:
            break


def _name_key(token: str) -> str:
    low = token.lower().replace("\u2019", "'")
    return low[:-2] if low.endswith("'s") else low


# Capitalised token -> (whether it can be part of a name, True, its key, the key as a number):
# names recur, and every lede passes here. Other tokens all share _LOWER.
_TOKEN_INFO: dict[str, tuple[bool, bool, str, float]] = {}
_LOWER = (False, False, "", 0.0)


def _token_info(tok: str) -> tuple[bool, bool, str, float]:
    info = _TOKEN_INFO.get(tok)
    if info is None:
        key = _name_key(tok)
        capital = tok[0].isupper()
        # Capitalised with a lower-case letter (not an acronym: "NFL", "WR"), not "The".
        name = (capital and tok[0].isalpha() and not tok.isupper()
                and key not in STOPWORDS)
        info = (name, capital, key, float(zlib.crc32(key.encode("utf-8"))))
        if len(_TOKEN_INFO) < 200_000:
            _TOKEN_INFO[tok] = info
    return info


def _context_word(tokens: list[str], reverse: bool) -> str | None:
    """The first content word next to a name (before it: up to 2 words; after: up to 3), or
    None when a punctuation mark comes first; a reporting verb after it is returned as is."""
    for tok in (reversed(tokens) if reverse else tokens):
        if not tok[0].isalnum():
            return None
        key = _name_key(tok)
        if not reverse and key in _SOURCE_VERBS:
            return key
        if key not in STOPWORDS:
            return word_key(key)
    return None


def lede_people(text: str) -> Specifics:
    """Role and act units of the full names in a text (a headline and first sentence:
    "p:L:receiv", "p:R:arest") -> the names' words (as numbers), and every capitalised word
    under "p:*"; {} for a text with no full name in a role."""
    toks = _NAME_TOKEN.findall(text)
    infos = [_token_info(t) if t[0].isupper() else _LOWER for t in toks]
    out: dict[str, set[float]] = {}
    n = len(toks)
    i = 0
    while i < n:
        if not infos[i][0]:
            i += 1
            continue
        j = i + 1
        while j < n and infos[j][0]:
            j += 1
        # A name that opens a sentence may be a capitalised first word ("Police Chief ...").
        if _NAME_WORDS[0] <= j - i <= _NAME_WORDS[1] and i and toks[i - 1][0] \
                not in _SENTENCE_END:
            _person(toks, infos, i, j, out)
        i = j
    if not out:
        return {}
    out[_ALL_NAMES] = {info[3] for info in infos if info[1]}
    return {u: tuple(sorted(v)) for u, v in out.items()}


def _person(toks: list[str], infos: list, i: int, j: int, out: dict[str, set[float]]) -> None:
    """Add the units of the name toks[i:j]."""
    if any(info[2] in _NOT_NAMES or info[2] in COUNTRIES for info in infos[i:j]):
        return
    act = _context_word(toks[j:j + 3], reverse=False)
    if act in _SOURCE_VERBS:
        return  # a source ("fire chief John Smith said"): outlets quote different ones
    role = _context_word(toks[max(0, i - 2):i], reverse=True)
    values = {info[3] for info in infos[i:j]}
    if role:
        out.setdefault("p:L:" + role, set()).update(values)
    if act:
        out.setdefault("p:R:" + act, set()).update(values)


def _people_differ(a: Specifics, b: Specifics) -> bool:
    """Whether two reports give one role or act to people the other does not name at all (in
    its headline and first sentence)."""
    every_a = a.get(_ALL_NAMES)
    every_b = b.get(_ALL_NAMES)
    if not every_a or not every_b:
        return False
    for unit, values in a.items():
        if unit[0] != "p" or unit == _ALL_NAMES:
            continue
        other = b.get(unit)
        if other is None or any(v in other for v in values):
            continue
        if not any(v in every_b for v in values) and not any(v in every_a for v in other):
            return True
    return False


def _agree(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    for x in a:
        for y in b:
            if abs(x - y) <= TOLERANCE * max(abs(x), abs(y)):
                return True
    return False


def conflict_factor(a: Specifics, b: Specifics) -> float:
    """Score multiplier for two ledes' specifics: 1.0 unless they disagree on a shared unit.

    The strongest disagreement counts once (one phrase gives several units). "First" is often
    background ("had led the first round"), so a disagreement about it weighs least; numbers
    may be given in other terms or revised, so they weigh less than a series' ordinal.
    """
    if not a or not b:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    factor = 1.0
    agreed = False
    people = False
    for unit, values in a.items():
        other = b.get(unit)
        if other is None:
            continue
        if unit[0] == "p":
            people = people or unit != _ALL_NAMES
            continue
        if _agree(values, other):
            # Percentages recur across a topic's events (the same tariff rate, the same
            # interest rate): they may disagree, but agreeing on one says little.
            agreed = agreed or unit != "u:%"
            continue
        if unit[0] == "o" and (values == (1.0,) or other == (1.0,)):
            factor = min(factor, FIRST_FACTOR)
        elif unit[0] == "o":
            factor = min(factor, ORDINAL_FACTOR)
        else:
            factor = min(factor, CONFLICT_FACTOR)
    if people and _people_differ(a, b):
        factor = min(factor, PEOPLE_FACTOR)
    if agreed and factor == 1.0:
        return AGREE_FACTOR
    return factor
