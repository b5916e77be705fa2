"""Shared language tables: the forms of a country's name, and numbers written in words.

Outlets name one actor and one fact in different words: "Russia", "Russian", "Moscow" and "the
Kremlin"; "26", "twenty-six"; "3½", "three and a half". Grouping (reader.core.grouping) and
alignment (reader.core.align) both fold these, each with its own policy, from the one table and
the one number reader here. The tables are small and generic (no event names, no test text).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet, Sequence

# One line per country (or bloc): its key first, then adjective/people forms, capital or seat
# of government, and metonyms. Multi-word names are written joined (see prepare()).
_COUNTRY_LINES = """
russia russian russians moscow kremlin
ukraine ukrainian ukrainians kyiv kiev
unitedstates usa american americans washington
britain unitedkingdom uk british briton britons london
france french frenchman paris elysee élysée
germany german germans berlin bundeswehr
italy italian italians rome
spain spanish spaniards madrid
poland polish poles warsaw
china chinese beijing
japan japanese tokyo
india indian indians delhi newdelhi
israel israeli israelis jerusalem
iran iranian iranians tehran
iraq iraqi iraqis baghdad
syria syrian syrians damascus
turkey turkish turks ankara turkiye türkiye
egypt egyptian egyptians cairo
saudiarabia saudi saudis riyadh
emirates uae emirati emiratis abudhabi unitedarabemirates
qatar qatari doha
lebanon lebanese beirut
jordan jordanian amman
yemen yemeni sanaa
afghanistan afghan afghans kabul
pakistan pakistani pakistanis islamabad
brazil brazilian brazilians brasilia
argentina argentine argentinian
mexico mexican mexicans
canada canadian canadians ottawa
australia australian australians canberra
nigeria nigerian nigerians abuja
southafrica pretoria
kenya kenyan nairobi
ethiopia ethiopian addis
sudan sudanese khartoum
korea korean koreans
northkorea pyongyang
southkorea seoul
taiwan taiwanese taipei
belarus belarusian minsk
hungary hungarian hungarians budapest
austria austrian vienna
netherlands dutch hague amsterdam
belgium belgian brussels
sweden swedish swedes stockholm
norway norwegian oslo
finland finnish helsinki
denmark danish copenhagen
greece greek greeks athens
portugal portuguese lisbon
switzerland swiss bern
romania romanian bucharest
georgia georgian tbilisi
armenia armenian yerevan
azerbaijan azerbaijani baku
venezuela venezuelan caracas
colombia colombian bogota
chile chilean santiago
peru peruvian lima
morocco moroccan rabat
algeria algerian algiers
libya libyan tripoli
europe european europeans
"""


def _parse_countries() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in _COUNTRY_LINES.strip().splitlines():
        key, *forms = line.split()
        out[key] = (key, *forms)
    return out


# Country key -> every form naming it (the key itself first).
COUNTRIES: dict[str, tuple[str, ...]] = _parse_countries()
# Forms that often name something other than the state: a venue ("talks in Paris"), a US state
# (Georgia, Washington), a person (Jordan). A consumer whose features are coarse skips them.
AMBIGUOUS = frozenset(
    "washington paris london jerusalem georgia georgian jordan santiago".split())
# Parts of a country a consumer that reads single words ("North Korea" is "korea") merges.
PARTS = {"northkorea": "korea", "southkorea": "korea"}


def country_forms(skip: AbstractSet[str] = frozenset(), *, merge_parts: bool = False,
                  only: AbstractSet[str] | None = None) -> dict[str, str]:
    """Form -> country key, without the forms in `skip`, for the keys in `only` (all if None).

    `merge_parts` folds the parts of a country into it (Pyongyang and Seoul to "korea").
    """
    out: dict[str, str] = {}
    for key, forms in COUNTRIES.items():
        whole = PARTS.get(key, key) if merge_parts else key
        if only is not None and whole not in only:
            continue
        for form in forms:
            if form not in skip:
                out.setdefault(form, whole)
    return out


# Multi-word names read as one token before a table lookup.
_PHRASES = [(re.compile(p, re.I), r) for p, r in (
    (r"\bUnited States\b", "UnitedStates"), (r"\bUnited Kingdom\b", "UnitedKingdom"),
    (r"\bUnited Arab Emirates\b", "UnitedArabEmirates"), (r"\bSaudi Arabia\b", "SaudiArabia"),
    (r"\bSouth Africa\b", "SouthAfrica"), (r"\bNorth Korea\b", "NorthKorea"),
    (r"\bSouth Korea\b", "SouthKorea"), (r"\bNew Delhi\b", "NewDelhi"),
    (r"\bAbu Dhabi\b", "AbuDhabi"), (r"\bU\.S\.", "USA"), (r"\bU\.K\.", "UK"))]
# Any of the phrases, as one search: most sentences name none, and one pass over the text is
# much cheaper than a sub() per phrase. Exact: a replacement never creates a later phrase.
_ANY_PHRASE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _PHRASES), re.I)
# "US" only in capitals: lower-case "us" is a pronoun.
_US = re.compile(r"\bUS\b")
_FRACTION_VALUES = {"½": ".5", "¼": ".25", "¾": ".75"}
_FRACTION = re.compile(r"(\d)?\s?([½¼¾])")


def fractions(text: str) -> str:
    """Vulgar fractions as decimals: "3½" and "3 ½" -> "3.5", a lone "¾" -> "0.75"."""
    if "½" not in text and "¼" not in text and "¾" not in text:
        return text
    return _FRACTION.sub(
        lambda m: (m.group(1) or (" " if m.group(0)[:1].isspace() else "") + "0")
        + _FRACTION_VALUES[m.group(2)], text)


def prepare(text: str) -> str:
    """Text with multi-word country names joined (United States -> UnitedStates) and fractions
    as decimals, ready for a word tokeniser."""
    if _ANY_PHRASE.search(text):
        for pattern, repl in _PHRASES:
            text = pattern.sub(repl, text)
    if "US" in text:
        text = _US.sub("USA", text)
    return fractions(text)


# --- numbers -------------------------------------------------------------------------------

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
ORDINALS = {w: i for i, w in enumerate(
    "fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth".split(), start=4)}
ORDINALS.update({w: 10 * i for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(),
    start=2)})
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
# Words that may start a run of number words ("hundred" alone is not a number).
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(ORDINALS) | \
    frozenset(SCALES) | {"dozen"}
_DIGIT_WORDS = {w: str(v) for w, v in UNITS.items() if v < 10}


@lru_cache(maxsize=65536)
def parse_digits(token: str) -> float | None:
    """The value of a digit token: 8,000 and 100,000 as thousands, 5.3 as a decimal, 50th as 50."""
    tok = re.sub(r"(st|nd|rd|th)$", "", token.lower())
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", tok):
        tok = tok.replace(",", "")
    tok = tok.replace(",", ".")
    try:
        return float(tok)
    except ValueError:
        return None


def number_key(value: float) -> str:
    """The feature key of a number: equal for 8,000 / 8000 / eight thousand."""
    return "#" + format_number(value)


def format_number(value: float) -> str:
    """A number as digits: 26, 3.5, 8000 (no exponent, no trailing zeros)."""
    if value == int(value):
        return str(int(value))
    return f"{value:.4f}".rstrip("0")


def read_number(words: Sequence[str], i: int, *, ordinals: bool = True
                ) -> tuple[float, int, bool] | None:
    """The number a run of lower-case words starting at words[i] spells, or None.

    Returns (value, index after the run, compound); compound is true when the run uses a scale
    word, "dozen", "point" decimals or "and a half" (a count no style guide spells out). A
    digit token may start the run ("8 thousand"). Understood: "twenty-six" (as twenty, six),
    "two hundred and forty", "seven point four", "three and a half", "a dozen" (dozen), and
    with `ordinals` "fiftieth" (a run then ends on its ordinal).
    """
    n = len(words)
    first = words[i]
    total = current = 0.0
    compound = False
    last = ""  # kind of the previous word: "", unit, teen, tens, hundred, scale, and
    j = i
    if first[:1].isdigit():
        value = parse_digits(first)
        if value is None:
            return None
        current, last, j = value, "digits", i + 1
    while j < n:
        w = words[j]
        if w in UNITS or w in TENS or (ordinals and w in ORDINALS):
            value = UNITS.get(w, TENS.get(w, ORDINALS.get(w, 0)))
            if value < 10:
                ok = last in ("", "tens", "hundred", "scale", "and")
            else:
                ok = last in ("", "hundred", "scale", "and")
            if not ok:
                break
            current += value
            j += 1
            if w in ORDINALS:
                break
            last = "tens" if w in TENS else "unit"
        elif w == "dozen":
            current = (current or 1) * 12
            compound, last = True, "unit"
            j += 1
        elif w in SCALES:
            if last in ("", "and"):
                break
            if w == "hundred":
                current = (current or 1) * 100
                last = "hundred"
            else:
                total += (current or 1) * SCALES[w]
                current, last = 0.0, "scale"
            compound = True
            j += 1
        elif w == "and" and last not in ("", "and"):
            if j + 2 < n and words[j + 1] == "a" and words[j + 2] == "half":
                current += 0.5
                compound = True
                j += 3
                break
            if last in ("hundred", "scale") and j + 1 < n and \
                    (words[j + 1] in UNITS or words[j + 1] in TENS):
                last = "and"
                j += 1
            else:
                break
        elif w == "point" and last in ("unit", "tens") and j + 1 < n \
                and words[j + 1] in _DIGIT_WORDS:
            j += 1
            decimals = ""
            while j < n and words[j] in _DIGIT_WORDS:
                decimals += _DIGIT_WORDS[words[j]]
                j += 1
            current = float(f"{int(current)}.{decimals}")
            compound = True
            break
        else:
            break
    if j == i:
        return None
    return total + current, j, compound


def fold_numbers(tokens: Sequence[str]) -> list[str]:
    """Tokens with runs of number words (and digit + scale word) replaced by one digit token.

    The token-level use of read_number, for a sentence matcher: "twenty-six" (tokenised twenty,
    six) -> "26"; "three and a half" -> "3.5"; "8 thousand" and "eight thousand" -> "8000";
    "a dozen" -> "12"; "fiftieth" -> "50"; digit tokens normalised (8,000 -> 8000). A lone "one"
    stays a word (it is a pronoun as often as a number).
    """
    out: list[str] = []
    lows = [t.lower() for t in tokens]
    i, n = 0, len(tokens)
    while i < n:
        low = lows[i]
        if low[:1].isdigit() or (low in NUMBER_WORDS and low not in SCALES and not (
                low == "one" and not (i + 1 < n and lows[i + 1] in SCALES))):
            found = read_number(lows, i)
            if found is not None:
                out.append(format_number(found[0]))
                i = found[1]
                continue
        out.append(tokens[i])
        i += 1
    return out


_ALTS = "|".join(sorted((*UNITS, *TENS, *SCALES), key=len, reverse=True))
# A run of number words in running text, joined by spaces or hyphens.
_RUN = re.compile(rf"\b(?:{_ALTS})\b(?:[-\s]+(?:{_ALTS}|and|a|half|point)\b)*", re.IGNORECASE)
_SPLIT = re.compile(r"[^\s-]+")
# Substrings one of which any run worth converting contains: a cheap test that spares most
# texts the regex (which tries every position and costs ~0.3 ms per article).
_MARKERS = (*TENS, "teen", "hundred", "thousand", " million", " billion", " ten ", " ten-",
            "eleven", "twelve", " point ", "a half")


def _spell(value: float) -> str:
    # Millions as outlets write them ("2 million", "1.5 billion"), so both spellings agree.
    for word in ("billion", "million"):
        scaled = value / SCALES[word]
        if scaled >= 1 and abs(scaled * 100 - round(scaled * 100)) < 1e-9:
            return f"{format_number(scaled)} {word}"
    return format_number(value)


def _replace_run(match: re.Match) -> str:
    text = match.group(0)
    spans = [(m.start(), m.end()) for m in _SPLIT.finditer(text)]
    words = [text[a:b].lower() for a, b in spans]
    pieces: list[str] = []
    done = 0  # text[:done] is already in pieces
    i = 0
    while i < len(words):
        found = read_number(words, i, ordinals=False) if words[i] in NUMBER_WORDS else None
        if found is None:
            i += 1
            continue
        value, j, compound = found
        # One to nine stay words: style guides spell them out, so outlets agree on them
        # already, and "one of", "two sides" are idiom more often than counts.
        if value >= 10 or compound:
            pieces.append(text[done:spans[i][0]])
            pieces.append(_spell(value))
            done = spans[j - 1][1]
        i = j
    pieces.append(text[done:])
    return "".join(pieces)


def normalise_numbers(text: str) -> str:
    """Numbers written in words as digits in running text: "ninety-five" -> "95",
    "two hundred and forty" -> "240", "3½" -> "3.5", "two million" -> "2 million".

    The text-level use of read_number, for word-counting features: one to nine stay words
    unless part of a larger number, ordinals are left alone.
    """
    text = fractions(text)
    low = " " + text.lower()
    if not any(m in low for m in _MARKERS):
        return text
    return _RUN.sub(_replace_run, text)
