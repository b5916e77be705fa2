"""Figures inside a passage that versions give differently for the same thing."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence

from reader.core.align.features import STOPWORDS, stem
from reader.core.model import NumberDisagreement, NumberValue

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
# A hedge makes a figure approximate: "more than two dozen" does not contradict "26".
HEDGES = frozenset("about around nearly almost over more than some approximately roughly "
                   "least up under less fewer estimated dozens hundreds thousands".split())
NUM_RE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)([½¼¾])?(%| percent)?"
    r"|\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.IGNORECASE,
)
TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
UNIT_SPAN = 4


def _unit_words(after: str) -> dict[str, str]:
    """Content stems (with the word as written) right after a figure: what it counts."""
    out: dict[str, str] = {}
    for tok in TOKEN_RE.findall(after):
        if not tok[0].isalnum():
            if tok in "-":
                continue
            break
        low = tok.lower()
        if low.isdigit() or low in SMALL:
            break  # the next figure's words are not this one's
        if low in SCALE or low in STOPWORDS:
            continue
        word = re.sub(r"['’]s$", "", low)
        out[stem(word)] = word
        if len(out) >= UNIT_SPAN:
            break
    return out


def extract_numbers(text: str) -> list[tuple[float, str, frozenset[str], bool]]:
    """(value, text, unit stems, approximate) for every figure in a text."""
    return [(v, t, frozenset(u), a) for v, t, u, a in _extract(text)]


@lru_cache(maxsize=4096)
def _extract(text: str) -> tuple[tuple[float, str, dict[str, str], bool], ...]:
    out = []
    for m in NUM_RE.finditer(text):
        before = text[: m.start()].split()
        prev = before[-1].lower().strip(".,") if before else ""
        prev2 = before[-2].lower() if len(before) > 1 else ""
        approx = prev in HEDGES or prev2 in HEDGES
        if m.group(4):
            if prev in ("the", "a") or m.group(4).lower() == "one":
                continue  # "the one who", "one of": rarely a count worth comparing
            value = float(SMALL[m.group(4).lower()])
        else:
            value = float(m.group(1).replace(",", "")) + FRACTIONS.get(m.group(2) or "", 0.0)
        after = text[m.end():]
        scale = re.match(r"\s+(thousand|million|billion|trillion)\b", after, re.IGNORECASE)
        if scale:
            value *= SCALE[scale.group(1).lower()]
        units = _unit_words(after)
        if m.group(3):
            units["%"] = "percent"
        if text[max(0, m.start() - 1):m.start()] in ("$", "€", "£", "¥"):
            units[text[m.start() - 1]] = "money"
        if prev.rstrip(".")[:3] in MONTHS and prev.rstrip(".").isalpha():
            units = {"date": "date"}  # "Sept. 5": the day of a date
        elif not m.group(4) and 1900 <= value <= 2100 and value == int(value) and "%" not in units:
            units["year"] = "year"
        if after[:5].startswith(("-year", " year")) and "old" in after[:15]:
            units = {"age": "age"}
        if not units:
            continue
        out.append((value, m.group(0), units, approx))
    return tuple(out)


def number_disagreements(
    passage_id: str,
    texts: Mapping[str, str],
    first_sentence: Mapping[str, int],
) -> list[NumberDisagreement]:
    """Figures about the same thing (shared unit words) that versions of a passage give differently.

    A figure only one version gives is not a disagreement; neither is a hedged one.
    """
    found_raw = {aid: [n for n in _extract(t) if not n[3]] for aid, t in texts.items()}
    words = {k: w for nums in found_raw.values() for n in nums for k, w in n[2].items()}
    found = {aid: [(v, t, frozenset(u), a) for v, t, u, a in nums] for aid, nums in found_raw.items()}
    ids = sorted(found)
    out: list[NumberDisagreement] = []
    seen: set[frozenset] = set()
    for x, a in enumerate(ids):
        for b in ids[x + 1:]:
            for va, ta, ua, _ in found[a]:
                for vb, tb, ub, _ in found[b]:
                    shared = ua & ub
                    if not shared or va == vb:
                        continue
                    # Only a disagreement if neither version also gives the other's figure.
                    if any(v == vb and u & shared for v, _, u, _ in found[a]):
                        continue
                    if any(v == va and u & shared for v, _, u, _ in found[b]):
                        continue
                    key = frozenset({(a, ta), (b, tb)})
                    if key in seen:
                        continue
                    seen.add(key)
                    about = " ".join(sorted(words[k] for k in shared))
                    out.append(NumberDisagreement(passage_id, about, (
                        NumberValue(a, first_sentence[a], ta, va),
                        NumberValue(b, first_sentence[b], tb, vb),
                    )))
    return _merge_same_about(out)


def _merge_same_about(items: Sequence[NumberDisagreement]) -> list[NumberDisagreement]:
    """One entry per passage and subject, listing every version's figure once."""
    merged: dict[str, list[NumberValue]] = {}
    order: list[str] = []
    pid = items[0].passage_id if items else ""
    for d in items:
        if d.about not in merged:
            merged[d.about] = []
            order.append(d.about)
        for v in d.values:
            if all((v.article_id, v.text) != (w.article_id, w.text) for w in merged[d.about]):
                merged[d.about].append(v)
    return [NumberDisagreement(pid, about, tuple(merged[about])) for about in order]
