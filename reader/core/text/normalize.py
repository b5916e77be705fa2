"""Whitespace and character normalisation that keeps the wording intact."""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters and the BOM carry no text; soft hyphens only mark break points.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0/C1 controls other than tab/newline are noise in text files (form feeds, bells, ...).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Unicode line separators are line breaks.
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Lone surrogates cannot be encoded; they come from broken decoders or escaped input.
_SURROGATES = re.compile(r"[\ud800-\udfff]")

_QUOTE_FOLD = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
}


def normalize_lines(text: str) -> str:
    """Unify line breaks and drop invisible/control characters, keeping every visible word."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    # Replace controls with a space rather than nothing so words never glue together.
    text = _CONTROLS.sub(" ", text)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    return text


def normalize_whitespace(line: str) -> str:
    """Collapse runs of spaces (including non-breaking ones) and trim the line."""
    # str.split() splits on every Unicode space (NBSP, thin, ideographic...) and is faster
    # than a regex substitution.
    return " ".join(line.split())


def fold_for_hash(text: str) -> str:
    """A comparison key: NFKC, quotes/dashes folded, lower case, single spaces."""
    if text.isascii():  # the common case, and much faster than NFKC + translate
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text)
    # A few C-speed replaces beat str.translate with a dict (a Python lookup per character).
    for char, plain in _QUOTE_FOLD.items():
        if char in text:
            text = text.replace(char, plain)
    return " ".join(text.casefold().split())
