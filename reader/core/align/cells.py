"""What one version's cell shows: its own words, marked against the passage reference.

Every view and report renders a member's wording from these marks, so they all follow the
same rules:

- the text of a cell is the member's own text, exactly (the marks concatenate back to it);
- words the member has where the reference has others are *changed* (the reference's words
  ride along in `missing`, for a tooltip or a bracket, never glued into the text);
- words the member adds are *added*; words of the reference the member lacks are a *gap*
  mark with no text of its own (its `missing` holds them);
- a member that shares little wording with the reference (below REWORDED_BELOW, the way
  calibre's diff viewer word-diffs only pairs above a similarity cutoff) is *reworded*: no
  word diff, only the names and figures it shares with the reference are marked;
- a change that involves a figure is flagged `number`, one inside quotation marks `quote`,
  so renderers can make those disagreements stand out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Sequence

from reader.core.align.worddiff import display_ops
from reader.core.model import DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, DiffOp, count_words

SAME, ADDED, CHANGED, GAP, SHARED = "same", "added", "changed", "gap", "shared"

# Word overlap (Dice over words, 0..1) under which a member counts as reworded.
REWORDED_BELOW = 0.5

_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_DIGIT = re.compile(r"\d")
_OPEN = "“‘«„"
_COMMON = frozenset("the a an and but he she it they we i in on at of for to as this that "
                    "these those his her its their our there when while after before if "
                    "some any".split())
_CLOSE = "”’»"
_QUOTES = _OPEN + _CLOSE + '"'
_QUOTE_CHAR = re.compile("[" + re.escape(_QUOTES) + "]")


@dataclass(frozen=True, slots=True)
class Mark:
    """A run of the member's text (empty for a gap) and what it is against the reference."""

    kind: str  # SAME, ADDED, CHANGED, GAP or SHARED
    text: str
    missing: str = ""  # reference words this version lacks here (CHANGED, GAP)
    number: bool = False  # the change involves a figure
    quote: bool = False  # the change is inside a quotation


@dataclass(frozen=True, slots=True)
class CellMarks:
    """The marks of one member's cell, and whether it is reworded rather than edited."""

    marks: tuple[Mark, ...]
    reworded: bool = False
    overlap: float = 1.0  # word overlap with the reference, 0..1

    @property
    def text(self) -> str:
        """The member's own text (gaps add nothing)."""
        return "".join(m.text for m in self.marks)

    @property
    def changed(self) -> bool:
        """Whether anything is marked at all."""
        return self.reworded or any(m.kind != SAME for m in self.marks)


def plain(text: str) -> CellMarks:
    """A cell with nothing marked (the reference, or a passage only one version has)."""
    return CellMarks((Mark(SAME, text),) if text else ())


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _count(text: str) -> int:
    """Words of a text for the overlap share (whitespace words past 10,000 characters: the
    share is the same to a per cent, and a 2 MB sentence is counted in milliseconds)."""
    return len(_WORD.findall(text)) if len(text) <= 10_000 else count_words(text)


class _QuoteDepth:
    """inside[i]: whether character i of a text is inside quotation marks.

    Only the quote characters are walked (a regex finds them), so a 2 MB sentence costs
    milliseconds; a lookup is a bisect into where the state changes.
    """

    def __init__(self, text: str) -> None:
        self._len = len(text)
        self._at: list[int] = []
        self._state: list[bool] = []
        depth, straight = 0, False
        if not any(q in text for q in _QUOTES):  # one C scan per mark: most text has none
            return
        for m in _QUOTE_CHAR.finditer(text):
            ch = m.group()
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                if not depth:
                    continue  # an apostrophe, or a stray close: nothing changes
                depth -= 1
            else:
                straight = not straight
            self._at.append(m.start())
            self._state.append(depth > 0 or straight)

    def __len__(self) -> int:
        return self._len

    def _inside(self, i: int) -> bool:
        k = bisect_right(self._at, i) - 1
        return k >= 0 and self._state[k]

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop = key.start or 0, min(self._len, key.stop)
            if start >= stop:
                return []
            # Inside at the start, or a change of state within the span that leaves it inside.
            lo, hi = bisect_left(self._at, start), bisect_left(self._at, stop)
            return [self._inside(start) or any(self._state[lo:hi])]
        return self._inside(key)


def _quote_depth(text: str) -> _QuoteDepth:
    """inside[i]: whether character i of `text` is inside quotation marks."""
    return _QuoteDepth(text)


def overlap(ops: Sequence[DiffOp]) -> float:
    """Word overlap of member and reference: 2·shared words / (reference + member words)."""
    shown = display_ops(ops)
    same = sum(_count(o.text) for o in shown if o.op == DIFF_EQUAL)
    ref = same + sum(_count(o.text) for o in shown if o.op == DIFF_DELETE)
    mem = same + sum(_count(o.text) for o in shown if o.op == DIFF_INSERT)
    return 2 * same / (ref + mem) if ref + mem else 1.0


def cell_marks(ops: Sequence[DiffOp] | None, member: str, reference: str = "") -> CellMarks:
    """The marks of a member's text against the reference, from the passage's word diff.

    Falls back to an unmarked cell when the ops do not spell the member (a renderer must
    never show words the outlet did not write).
    """
    if not ops:
        return plain(member)
    shown = display_ops(ops)
    if "".join(o.text for o in shown if o.op != DIFF_DELETE) != member:
        return plain(member)
    share = overlap(ops)
    if share < REWORDED_BELOW:
        ref_text = reference or "".join(o.text for o in shown if o.op != DIFF_INSERT)
        return CellMarks(_reworded(member, ref_text), True, share)
    inside = _quote_depth(member)
    marks: list[Mark] = []
    pos, i = 0, 0
    while i < len(shown):
        op = shown[i]
        nxt = shown[i + 1] if i + 1 < len(shown) else None
        if op.op == DIFF_EQUAL:
            marks.append(Mark(SAME, op.text))
            pos += len(op.text)
        elif op.op == DIFF_DELETE and nxt is not None and nxt.op == DIFF_INSERT:
            pos = _changed(marks, nxt.text, op.text, pos, inside)
            i += 1
        elif op.op == DIFF_INSERT and nxt is not None and nxt.op == DIFF_DELETE:
            pos = _changed(marks, op.text, nxt.text, pos, inside)
            i += 1
        elif op.op == DIFF_INSERT:
            pos = _changed(marks, op.text, "", pos, inside)
        else:  # a deletion on its own: a gap, placed where the member's text joins
            missing = _missing(op.text)
            if missing:
                at = min(pos, len(inside) - 1)
                marks.append(Mark(GAP, "", missing, bool(_DIGIT.search(missing)),
                                  at >= 0 and inside[at]))
        i += 1
    return CellMarks(tuple(_merge(marks)), False, share)


def _missing(text: str) -> str:
    """The reference's words a gap stands for, without the joining comma or spaces."""
    return text.strip().lstrip(",;:").strip()


def _changed(marks: list[Mark], new: str, old: str, pos: int, inside: list[bool]) -> int:
    """Append the member's words `new` (replacing the reference's `old`), spaces kept plain."""
    core = new.strip()
    lead = new[: len(new) - len(new.lstrip())]
    trail = new[len(new.rstrip()):]
    if not core or (not _words(core) and _words(old)):
        # Only spaces, or punctuation where the reference has words: the member's text as
        # it is, and a gap for the words it lacks.
        marks.append(Mark(SAME, new))
        if _missing(old):
            marks.append(Mark(GAP, "", _missing(old), bool(_DIGIT.search(old))))
        return pos + len(new)
    if lead:
        marks.append(Mark(SAME, lead))
    start = pos + len(lead)
    quoted = any(inside[start:start + len(core)])
    kind = CHANGED if old.strip() else ADDED
    marks.append(Mark(kind, core, old.strip(), bool(_DIGIT.search(core + old)), quoted))
    if trail:
        marks.append(Mark(SAME, trail))
    return pos + len(new)


def _merge(marks: list[Mark]) -> list[Mark]:
    out: list[Mark] = []
    for m in marks:
        if out and m.kind == SAME and out[-1].kind == SAME:
            out[-1] = Mark(SAME, out[-1].text + m.text)
        elif m.text or m.kind == GAP:
            out.append(m)
    return out


def _reworded(member: str, reference: str) -> tuple[Mark, ...]:
    """A reworded member: its names and figures that the reference also has are SHARED;
    a figure the reference does not give is ADDED."""
    ref_words = {w.lower() for w in _words(reference)}
    inside = _quote_depth(member)
    marks: list[Mark] = []
    last = 0
    for m in _WORD.finditer(member):
        word = m.group()
        figure = bool(_DIGIT.search(word))
        name = word[0].isupper() and len(word) > 1 and word.lower() not in _COMMON
        if not (figure or name):
            continue
        if word.lower() in ref_words:
            mark = Mark(SHARED, word, number=figure)
        elif figure:
            # A figure the reference does not give: marked, but not paired with the
            # reference's figures (a reworded sentence need not be about the same count).
            mark = Mark(ADDED, word, "", True, inside[m.start()])
        else:
            continue
        marks.append(Mark(SAME, member[last:m.start()]))
        marks.append(mark)
        last = m.end()
    marks.append(Mark(SAME, member[last:]))
    return tuple(_merge(marks))
