"""Language-level folds for grouping: country forms, news synonyms, numbers written in words.

Outlets name one fact in different words: "Russian", "Russia" and "Moscow"; "quake" and
"tremor"; "ninety" and "90"; "three and a half years" and "3½ years". Folding these to one key
lets low-overlap paraphrases share features. The tables are small and general (no event
names), and folding a common word only lowers its IDF, so precision costs little.
"""

from __future__ import annotations

import re

# Country -> its adjective/people forms and capital (or seat of government) as outlets use them
# for the state. Ambiguous capitals (Washington, Paris as a venue of summits) are left out.
COUNTRIES = {
    "russia": "russian russians moscow kremlin",
    "ukraine": "ukrainian ukrainians kyiv kiev",
    "france": "french frenchman élysée elysee",
    "germany": "german germans berlin",
    "britain": "british briton britons uk",
    "spain": "spanish spaniards madrid",
    "italy": "italian italians rome",
    "poland": "polish poles warsaw",
    "japan": "japanese tokyo",
    "china": "chinese beijing",
    "taiwan": "taiwanese taipei",
    "india": "indian indians delhi",
    "israel": "israeli israelis",
    "iran": "iranian iranians tehran",
    "turkey": "turkish ankara türkiye turkiye",
    "australia": "australian australians canberra",
    "canada": "canadian canadians ottawa",
    "mexico": "mexican mexicans",
    "brazil": "brazilian brazilians brasilia",
    "egypt": "egyptian egyptians cairo",
    "syria": "syrian syrians damascus",
    "lebanon": "lebanese beirut",
    "pakistan": "pakistani pakistanis islamabad",
    "korea": "korean koreans seoul pyongyang",
    "netherlands": "dutch hague",
    "greece": "greek greeks athens",
    "hungary": "hungarian hungarians budapest",
    "sweden": "swedish swedes stockholm",
    "emirates": "emirati emiratis uae",
    "europe": "european europeans",
}

# Light synonym groups for news words: the first word is the key. Words with a common second
# sense ("fire", "strike", "poll", "forces") are left out on purpose.
SYNONYMS = """
earthquake quake tremor temblor
dismiss sack oust
resign quit
ship vessel freighter
prison jail
soldier troop servicemen serviceman
prisoner captive
explosion blast
flood floods flooding deluge
rain rainfall downpour
funeral burial
victory win won triumph
spacecraft capsule spaceship
plane aircraft airliner jet
lawmakers legislators
killed dead died death deaths fatalities
""".strip().splitlines()

# Reporting verbs carry no event information; folded away like "said".
REPORTING = frozenset(
    "stated announced warned noted explained stressed insisted confirmed declared".split())

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_SMALL = "|".join(sorted(_UNITS, key=len, reverse=True))
_WORDNUM = rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{_SMALL}))?|(?:{_SMALL}))"
_DIGIT_WORD = "zero|one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORDS = re.compile(
    rf"\b{_WORDNUM}(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_WORDNUM})?)*"
    rf"(?:\s+point(?:\s+(?:{_DIGIT_WORD}))+)?(?:\s+and\s+a\s+half)?\b",
    re.IGNORECASE,
)
_HALF = re.compile(r"(\d)\s?½")
# Substrings one of which any convertible run contains: a cheap test that spares most texts the
# regex (which tries every position and costs ~0.3 ms per article).
_MARKERS = (*_TENS, "teen", "hundred", "thousand", " ten ", " ten-", "eleven", "twelve", " point ",
            "a half")


def _number_value(words: list[str]) -> tuple[float, bool]:
    """Value of a run of number words, and whether it is a compound worth converting."""
    total = current = 0.0
    compound = False
    decimals = ""
    in_point = False
    for w in words:
        if w == "point":
            in_point = compound = True
        elif in_point:
            decimals += str(_UNITS[w])
        elif w in ("hundred", "thousand"):
            compound = True
            if w == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * 1000
                current = 0.0
        elif w in _TENS:
            current += _TENS[w]
        elif w in _UNITS:
            current += _UNITS[w]
    value = total + current
    if decimals:
        value = float(f"{int(value)}.{decimals}")
    return value, compound


def _replace(match: re.Match) -> str:
    text = match.group(0)
    words = [w for w in re.split(r"[-\s]+", text.lower()) if w not in ("and", "a")]
    half = text.lower().endswith("half")
    if half:
        words = words[:-1]
    value, compound = _number_value(words)
    # One to nine stay words: style guides spell them out, so outlets agree on them already,
    # and "one of", "two sides" are idiom more often than counts.
    if value < 10 and not (compound or half):
        return text
    if half:
        value += 0.5
    return f"{value:g}" if value != int(value) else str(int(value))


def normalise_numbers(text: str) -> str:
    """Numbers written in words as digits: "ninety-five" -> "95", "3½" -> "3.5"."""
    if "½" in text:
        text = _HALF.sub(r"\1.5", text)
    low = " " + text.lower()
    if not any(m in low for m in _MARKERS):
        return text
    return _NUMBER_WORDS.sub(_replace, text)


def fold_table(stem) -> dict[str, str]:
    """Stemmed form -> stemmed key of its group, for the word_key of features.py."""
    table: dict[str, str] = {}
    for country, forms in COUNTRIES.items():
        key = stem(country)
        for form in forms.split():
            table[stem(form)] = key
    for line in SYNONYMS:
        words = line.split()
        key = stem(words[0])
        for w in words[1:]:
            table.setdefault(stem(w), key)
    return table
