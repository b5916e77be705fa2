"""Article metadata helpers: dates in the forms news pages print them, short titles, outlets."""

from __future__ import annotations

import datetime as _dt
import os
import re

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_SLASHED = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
# "27/09/2013", "3 / 27 / 2012" (some pages space the slashes): day and month are told apart
# only when one of them is over 12; "9/10/2010" could be either and gives no date.
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s?[/.]\s?(\d{1,2})\s?[/.]\s?(\d{4})(?![\d/])")

# A short title stops at the first clause break once it has this many words.
_TITLE_MIN_WORDS = 6
_TITLE_MAX_WORDS = 12
_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _iso(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD if the parts form a real date."""
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first absolute date in text as YYYY-MM-DD ('Updated 23 October 2025'), or None."""
    if not text or len(text) > 500:
        text = (text or "")[:500]
    m = _ISO.search(text) or _SLASHED.search(text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DAY_MONTH_YEAR.search(text)
    if m:
        return _iso(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MONTH_DAY_YEAR.search(text)
    if m:
        return _iso(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _NUMERIC.search(text)
    if m:
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if first > 12 >= second:
            return _iso(year, second, first)
        if second > 12 >= first:
            return _iso(year, first, second)
    return None


def short_title(sentence: str) -> str:
    """A headline-sized title from a lede sentence: its first clause, about ten words."""
    words = sentence.split()
    if len(words) <= _TITLE_MAX_WORDS:
        return sentence.rstrip(" .")
    taken: list[str] = []
    for word in words[:_TITLE_MAX_WORDS]:
        if len(taken) >= _TITLE_MIN_WORDS and word in _DASHES:
            return " ".join(taken)  # "… ended — officials said": stop before the dash
        taken.append(word)
        if len(taken) >= _TITLE_MIN_WORDS and word[-1] in ",;:":
            return " ".join(taken)[:-1]
    return " ".join(taken).rstrip(",;:") + "\u2026"


def outlet_from_source(source: str) -> str:
    """A recognisable, editable default outlet: the file name without its extension."""
    from reader.core.text.display import storable_name

    stem = os.path.splitext(os.path.basename(source.rstrip("/\\")))[0]
    return storable_name(stem or source or "unknown")
