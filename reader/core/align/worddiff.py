"""Word-level diffs with diff-match-patch in word mode, under the comparison settings.

Words, whitespace runs and punctuation marks are tokens; each distinct token key becomes one
character (the linesToChars trick applied to words), diff_main runs on those characters with
no timeout, diff_cleanupSemantic tidies the result, and the characters are decoded back.

Invariant (tested with Hypothesis): EQUAL+DELETE texts spell the reference exactly and
EQUAL+INSERT texts spell the member exactly. Tokens that differ only in a way the settings
ignore (case, punctuation, quote style, name spelling, whitespace) are emitted as a
DELETE/INSERT pair with `minor=True`, so nothing of either text is lost.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from diff_match_patch import diff_match_patch

from reader.core.align.features import fold_name
from reader.core.model import DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, DiffOp
from reader.core.settings import AnalysisSettings

TOKEN_RE = re.compile(r"[^\W_]+|\s+|_|[^\w\s]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
                         "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-"})

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0


def tokenize(text: str) -> list[str]:
    """Split a text into word, whitespace and punctuation tokens that concatenate back to it."""
    return TOKEN_RE.findall(text)


def token_key(tok: str, settings: AnalysisSettings) -> str:
    """What a token is compared as, under the settings."""
    return _token_key(tok, settings.ignore_case, settings.ignore_punctuation,
                      settings.normalize_quotes, settings.name_variants)


@lru_cache(maxsize=131072)
def _token_key(tok: str, ignore_case: bool, ignore_punctuation: bool, normalize_quotes: bool,
               name_variants: bool) -> str:
    if tok.isspace():
        return " "
    if not tok[0].isalnum():
        if ignore_punctuation:
            return "<p>"
        return tok.translate(_QUOTES) if normalize_quotes else tok
    if name_variants and len(tok) > 4 and (tok[0].isupper() or ignore_case):
        # Case-sensitive comparison still folds only names (capitalised words).
        return "N:" + (fold_name(tok) if ignore_case else tok[0] + fold_name(tok)[1:])
    return tok.lower() if ignore_case else tok


def _is_minor(text: str, settings: AnalysisSettings) -> bool:
    """True when an inserted/deleted text is only whitespace (or punctuation, if ignored)."""
    for tok in tokenize(text):
        if tok.isspace():
            continue
        if settings.ignore_punctuation and not tok[0].isalnum():
            continue
        return False
    return True


def word_diff(reference: str, member: str, settings: AnalysisSettings) -> tuple[DiffOp, ...]:
    """The word diff turning `reference` into `member` (see the module invariant)."""
    if reference == member:
        return (DiffOp(DIFF_EQUAL, member),) if member else ()
    ref_toks, mem_toks = tokenize(reference), tokenize(member)
    codes: dict[str, str] = {}

    flags = (settings.ignore_case, settings.ignore_punctuation, settings.normalize_quotes,
             settings.name_variants)

    def encode(toks: Sequence[str]) -> str:
        out = []
        for tok in toks:
            key = _token_key(tok, *flags)
            ch = codes.get(key)
            if ch is None:
                n = len(codes)
                # Private-use planes: never surrogates, never clash with real text.
                ch = codes[key] = chr(0xF0000 + n) if n < 0xFFFE else chr(0x100000 + n - 0xFFFE)
            out.append(ch)
        return "".join(out)

    diffs = _DMP.diff_main(encode(ref_toks), encode(mem_toks), False)
    _DMP.diff_cleanupSemantic(diffs)
    ops: list[DiffOp] = []
    ri = mi = 0
    for op, chars in diffs:
        n = len(chars)
        if op == DIFF_EQUAL:
            for k in range(n):
                r, m = ref_toks[ri + k], mem_toks[mi + k]
                if r == m:
                    _push(ops, DIFF_EQUAL, m, False)
                else:  # equal only under the settings: keep both spellings
                    _push(ops, DIFF_DELETE, r, True)
                    _push(ops, DIFF_INSERT, m, True)
            ri += n
            mi += n
        elif op == DIFF_DELETE:
            text = "".join(ref_toks[ri:ri + n])
            _push(ops, DIFF_DELETE, text, _is_minor(text, settings))
            ri += n
        else:
            text = "".join(mem_toks[mi:mi + n])
            _push(ops, DIFF_INSERT, text, _is_minor(text, settings))
            mi += n
    return tuple(ops)


def _push(ops: list[DiffOp], op: int, text: str, minor: bool) -> None:
    """Append, merging with the previous op of the same kind and minor flag."""
    if not text:
        return
    if ops and ops[-1].op == op and ops[-1].minor == minor:
        ops[-1] = DiffOp(op, ops[-1].text + text, minor)
        return
    # A minor DELETE/INSERT pair followed by another: keep deletes before inserts per run.
    ops.append(DiffOp(op, text, minor))


def apply_diff(reference: str, ops: Sequence[DiffOp]) -> str:
    """Rebuild the member from the reference and its diff (raises if the diff does not fit)."""
    pos = 0
    out = []
    for d in ops:
        if d.op == DIFF_INSERT:
            out.append(d.text)
            continue
        if reference[pos:pos + len(d.text)] != d.text:
            raise ValueError(f"diff does not fit the reference at {pos}")
        if d.op == DIFF_EQUAL:
            out.append(d.text)
        pos += len(d.text)
    if pos != len(reference):
        raise ValueError("diff does not cover the reference")
    return "".join(out)


def is_unchanged(ops: Sequence[DiffOp]) -> bool:
    """True when the member differs from the reference in no way the settings count."""
    return all(d.op == DIFF_EQUAL or d.minor for d in ops)


def display_ops(ops: Sequence[DiffOp]) -> tuple[DiffOp, ...]:
    """The ops a reader should see: differences the settings ignore shown as plain text.

    A minor DELETE/INSERT pair (quote style, case, a name's spelling…) becomes EQUAL with the
    member's own wording, so the result still spells the member exactly.
    """
    out: list[DiffOp] = []
    for d in ops:
        if d.minor and d.op == DIFF_DELETE:
            continue
        op = DIFF_EQUAL if d.minor else d.op
        if out and out[-1].op == op:
            out[-1] = DiffOp(op, out[-1].text + d.text)
        else:
            out.append(DiffOp(op, d.text))
    return tuple(out)
