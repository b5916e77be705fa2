"""Conflicting specifics: ledes that give different numbers for the same thing name other events.

Two reports of one event may word everything differently, but they do not disagree on which
test flight it was, the magnitude of the quake or how many basis points the rate moved. Two
events of one series (the seventh and the eighth flight, the first and the second strike day)
share almost every word and differ exactly there. So each lede's specifics are read as
unit -> values ("o:test" -> {7}, "u:earthquak" -> {7.8}, "u:categori" -> {4}) and a pair whose
ledes share a unit with no value in common is penalised (see scoring.pair_score).
"""

from __future__ import annotations

import re

from reader.core.grouping.features import STOPWORDS, word_key

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
        if tok in _ORDINAL_WORDS or _ORDINAL_DIGITS.match(tok):
            m = _ORDINAL_DIGITS.match(tok)
            value = float(m.group(1)) if m else float(_ORDINAL_WORDS[tok])
            _ordinal_units(low, i, value, put)
            continue
        if not tok[0].isdigit():
            continue
        value = _number(tok)
        if value is None or _is_year(tok, value):
            continue
        if i and low[i - 1] in _PREFIX_UNITS:
            put("u:" + word_key(low[i - 1]), value)
        j = i + 1
        if j < len(low) and low[j] in _SCALE:
            value *= _SCALE[low[j]]
            j += 1
        if tok.endswith("%") or (j < len(low) and low[j] in _PERCENT):
            put("u:%", value)
            continue
        # Count nouns are lower case; "737 MAX" or "Flight 1282 Portland" name things.
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
    for unit, values in a.items():
        other = b.get(unit)
        if other is None:
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
    if agreed and factor == 1.0:
        return AGREE_FACTOR
    return factor
