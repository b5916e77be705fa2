"""Turn what a user types into a safe FTS5 query: any text is valid, nothing is syntax."""

from __future__ import annotations

import re
import unicodedata

# Runs of letters and digits: what the unicode61 tokenizer keeps as words; everything else
# (quotes, operators, punctuation, emoji) only separates them.
_WORD = re.compile(r"[^\W_]+")


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression requiring every word of `text` (AND), or None if it has none.

    Each whitespace-separated chunk becomes a quoted phrase of its words, so `AND`, `NEAR`,
    `*`, `"`, `:` or `(` typed by the user are words or separators, never operators, and
    "U.S." still finds "U.S.". A trailing `*` keeps its usual meaning, a prefix search
    ("refug*" finds refugee and refugees).
    """
    terms: list[str] = []
    for chunk in unicodedata.normalize("NFC", text or "").split():
        words = _WORD.findall(chunk)
        if not words:  # an empty phrase would make the whole AND match nothing
            continue
        phrase = '"' + " ".join(words) + '"'
        terms.append(phrase + "*" if chunk.endswith("*") else phrase)
    return " ".join(terms) if terms else None
