"""Language-level folding for sentence matching: countries, number words, titles standing for names.

Outlets word one fact differently: "Russia", "Russian", "Moscow" and "the Kremlin" name one
actor; "26", "twenty-six" and "3½"/"three and a half" one number; a story that introduces
"French President Emmanuel Macron" later says "the French president" or "Macron" for him.
These tables are small and generic (not written from any test text).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

# Country | adjective/people | capital | common metonyms, one group per country.
_COUNTRY_GROUPS = """
russia russian russians moscow kremlin | ukraine ukrainian ukrainians kyiv kiev
unitedstates usa american americans washington | unitedkingdom uk britain british briton
britons london | france french paris elysee | germany german germans berlin bundeswehr
italy italian italians rome | spain spanish madrid | poland polish poles warsaw
china chinese beijing | japan japanese tokyo | india indian indians delhi newdelhi
israel israeli israelis jerusalem | iran iranian iranians tehran | iraq iraqi iraqis baghdad
syria syrian syrians damascus | turkey turkish turks ankara turkiye | egypt egyptian cairo
saudiarabia saudi saudis riyadh | uae emirati emiratis abu dhabi unitedarabemirates
qatar qatari doha | lebanon lebanese beirut | jordan jordanian amman | yemen yemeni sanaa
afghanistan afghan afghans kabul | pakistan pakistani islamabad | brazil brazilian brasilia
argentina argentine argentinian | mexico mexican mexicans | canada canadian canadians ottawa
australia australian australians canberra | nigeria nigerian nigerians abuja
southafrica pretoria | kenya kenyan nairobi | ethiopia ethiopian addis | sudan sudanese khartoum
northkorea pyongyang | southkorea seoul | taiwan taiwanese taipei | belarus belarusian minsk
hungary hungarian budapest | austria austrian vienna | netherlands dutch hague amsterdam
belgium belgian brussels | sweden swedish stockholm | norway norwegian oslo
finland finnish helsinki | denmark danish copenhagen | greece greek athens
portugal portuguese lisbon | switzerland swiss bern | romania romanian bucharest
georgia georgian tbilisi | armenia armenian yerevan | azerbaijan azerbaijani baku
venezuela venezuelan caracas | colombia colombian bogota | chile chilean santiago
peru peruvian lima | morocco moroccan rabat | algeria algerian algiers | libya libyan tripoli
"""
# Multi-word names read as one token before the table lookup.
_PHRASES = [(re.compile(p, re.I), r) for p, r in (
    (r"\bUnited States\b", "UnitedStates"), (r"\bUnited Kingdom\b", "UnitedKingdom"),
    (r"\bUnited Arab Emirates\b", "UnitedArabEmirates"), (r"\bSaudi Arabia\b", "SaudiArabia"),
    (r"\bSouth Africa\b", "SouthAfrica"), (r"\bNorth Korea\b", "NorthKorea"),
    (r"\bSouth Korea\b", "SouthKorea"), (r"\bNew Delhi\b", "NewDelhi"),
    (r"\bU\.S\.", "USA"), (r"\bU\.K\.", "UK"))]
# "US" only in capitals: lower-case "us" is a pronoun.
_US = re.compile(r"\bUS\b")


def _countries() -> dict[str, str]:
    out = {}
    for group in _COUNTRY_GROUPS.replace("\n", "|").split("|"):
        names = group.split()
        for n in names:
            out.setdefault(n, "C:" + names[0])
    return out


COUNTRY = _countries()

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_ORDINALS = {w: i + 4 for i, w in enumerate(
    "fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
_ORDINALS.update({w: 10 * (i + 2) for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split())})
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_FRACTIONS = str.maketrans({"½": ".5", "¼": ".25", "¾": ".75"})
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_ORDINALS) | \
    frozenset(_SCALES) | {"dozen"}


def prepare(text: str) -> str:
    """Text with multi-word country names joined and vulgar fractions as decimals (3½ -> 3.5)."""
    for pattern, repl in _PHRASES:
        text = pattern.sub(repl, text)
    if "US" in text:
        text = _US.sub("USA", text)
    if any(c in text for c in "½¼¾"):
        text = re.sub(r"(?<!\d)([½¼¾])", r"0\1", text).translate(_FRACTIONS)
    return text


def number_key(value: float) -> str:
    """The feature key of a number: equal for 8,000 / 8000 / eight thousand."""
    if value == int(value):
        return "#" + str(int(value))
    return "#" + f"{value:.4f}".rstrip("0")


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


def fold_numbers(tokens: Sequence[str]) -> list[str]:
    """Tokens with runs of number words (and digit + scale word) replaced by one digit token.

    "twenty-six" (tokenised twenty, six) -> "26"; "three and a half" -> "3.5"; "8 thousand" and
    "eight thousand" -> "8000"; "a dozen" -> "12"; "fiftieth" -> "50". A lone "one" stays a word
    (it is a pronoun as often as a number).
    """
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        low = tokens[i].lower()
        digit = low[:1].isdigit()
        if not digit and (low not in NUMBER_WORDS or low in _SCALES or low == "one"
                          and not (i + 1 < n and tokens[i + 1].lower() in _SCALES)):
            out.append(tokens[i])
            i += 1
            continue
        total, current, j = 0.0, 0.0, i
        if digit:
            value = parse_digits(low)
            if value is None:
                out.append(tokens[i])
                i += 1
                continue
            current, j = value, i + 1
        while j < n:
            w = tokens[j].lower()
            if w in _UNITS:
                current += _UNITS[w]
            elif w in _TENS:
                current += _TENS[w]
            elif w in _ORDINALS:
                current += _ORDINALS[w]
            elif w == "dozen":
                current = (current or 1) * 12
            elif w == "hundred":
                current = (current or 1) * 100
            elif w in _SCALES:
                total += (current or 1) * _SCALES[w]
                current = 0.0
            elif w == "and" and j + 2 < n and tokens[j + 1].lower() == "a" \
                    and tokens[j + 2].lower() == "half":
                current += 0.5
                j += 3
                break
            else:
                break
            j += 1
        out.append(number_key(total + current)[1:])
        i = max(j, i + 1)
    return out


# Titles that stand for a named person after the first mention ("the chancellor" = Scholz).
TITLES = frozenset(
    """president chancellor minister premier governor mayor king queen pope secretary
    senator general judge ambassador spokesman spokeswoman spokesperson chairman ceo
    prosecutor commander coach""".split())
# Words for a country's top office holder ("the Ukrainian leader" = its president).
LEADER_WORDS = frozenset({"leader", "head"})
_TOP = ("president", "chancellor", "minister", "premier", "king", "queen")
_LOWER_JOINS = frozenset({"da", "de", "van", "von", "bin", "al", "der", "del", "la", "le"})


def _country_before(tokens: Sequence[str], i: int) -> str | None:
    for k in (i - 1, i - 2):
        if k >= 0:
            low = tokens[k].lower().replace("’", "'").removesuffix("'s")
            key = COUNTRY.get(low)
            if key:
                return key
    return None


def title_names(sentences: Sequence[Sequence[str]]) -> list[set[str]]:
    """Per sentence of one article, the names its bare titles refer to ("the French president").

    A first mention "French President Emmanuel Macron" ties (France, president) to Macron; a
    later "the French president", "France's leader" or, when the article has one president,
    "the president" then counts as a mention of Macron. Names are returned in surface form.
    """
    by_pair: dict[tuple[str | None, str], str] = {}
    by_title: dict[str, set[str]] = {}
    top: dict[str, str] = {}
    for toks in sentences:
        for i, tok in enumerate(toks):
            title = tok.lower()
            if title not in TITLES or i + 1 >= len(toks) or not toks[i + 1][:1].isupper():
                continue
            j, name = i + 1, None
            while j < len(toks) and (toks[j][:1].isupper() or toks[j] in _LOWER_JOINS):
                if toks[j][:1].isupper() and toks[j].lower() not in COUNTRY:
                    name = toks[j].removesuffix("'s").removesuffix("’s")
                if toks[j] in _LOWER_JOINS:
                    break  # "Luiz Inacio Lula da Silva" is "Lula"
                j += 1
            if not name:
                continue
            country = _country_before(toks, i)
            by_pair.setdefault((country, title), name)
            by_title.setdefault(title, set()).add(name)
            if country and title in _TOP:
                top.setdefault(country, name)
    out: list[set[str]] = []
    for toks in sentences:
        found: set[str] = set()
        for i, tok in enumerate(toks):
            title = tok.lower()
            if title not in TITLES and title not in LEADER_WORDS:
                continue
            if i + 1 < len(toks) and toks[i + 1][:1].isupper():
                continue  # a first mention itself: the name is there already
            country = _country_before(toks, i)
            name = by_pair.get((country, title))
            if name is None and country and title in LEADER_WORDS | set(_TOP):
                name = top.get(country)
            if name is None and country is None and len(by_title.get(title, ())) == 1:
                name = next(iter(by_title[title]))
            if name:
                found.add(name)
        out.append(found)
    return out
