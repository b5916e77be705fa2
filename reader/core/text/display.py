"""Names and titles made safe to store and print: any OS file name, one escaped line, bounded."""

from __future__ import annotations

import os
import unicodedata

# Titles printed by `import`/`list` (and shown in lists) are cut here: a 2 MB "title" from a
# page of entities must not become a 2 MB terminal line.
TITLE_LIMIT = 200
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def storable_name(name: str) -> str:
    """A file name as valid Unicode text: undecodable bytes (surrogate escapes) become \\xNN.

    Python gives non-UTF-8 file names as lone surrogates, which SQLite and UTF-8 output refuse.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _unsafe(ch: str) -> bool:
    # Cc: C0/C1 controls (ESC starts terminal sequences); Cf: bidi overrides and the like;
    # Cs: lone surrogates; Zl/Zp: line and paragraph separators.
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def safe_name(name: str) -> str:
    """A file name for a terminal or log line: one line, controls escaped, bytes as \\xNN."""
    name = storable_name(name)
    if not any(_unsafe(ch) for ch in name):
        return name
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in name)


def one_line(text: str | None, limit: int | None = TITLE_LIMIT) -> str:
    """Text (a title, an outlet) as one printable line: whitespace collapsed, controls escaped,
    elided with "…" past limit characters."""
    text = text or ""
    if limit is not None and len(text) > 4 * limit:
        text = text[: 4 * limit]  # bound the work on huge strings before splitting them
        cut = True
    else:
        cut = False
    text = " ".join(text.split())
    if any(_unsafe(ch) for ch in text):
        text = "".join(_escape(ch) if _unsafe(ch) else ch for ch in text)
    if limit is not None and (cut or len(text) > limit):
        text = text[: limit - 1].rstrip() + "\u2026"
    return text
