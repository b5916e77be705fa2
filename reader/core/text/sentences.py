"""A fast rule-based sentence splitter for news prose, with character spans.

Rule-based rather than statistical because ingest must handle thousands of files a second:
one regex pass finds candidate ends ("." "!" "?" "…" plus closing quotes, then space, then
something that can start a sentence), and a few cheap checks veto the false ones:
abbreviations and titles ("Gen.", "Gov.", "Jr."), initials ("J. D. Vance"), numbered
abbreviations ("No. 5"), dotted acronyms ("U.S.", "a.m.") unless a typical sentence opener
follows.

A quotation of several sentences is split like any other prose ("Homes were damaged. |
Windows were shattered," he wrote.): each sentence of a quote is its own unit, so a version
that drops one sentence of a long quote shows as an omission. A quote's sentences stay
adjacent in their paragraph; reader.core.align.quotes joins them back to find the remark.
"""

from __future__ import annotations

import re

# Candidate end: terminal punctuation, optional closing quotes/brackets, whitespace
# (\s includes non-breaking spaces for str patterns).
_CANDIDATE = re.compile(r"(\.\.\.|[.!?\u2026]+)([\"'\u201d\u2019\u00bb)\]]*)\s+")
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018\u00ab(\[]*([^\s.,;:!?\"'\u201d\u2019)]*)")
_LINES = re.compile(r"[^\n]+")
# Chinese and Japanese end sentences with full-width marks and no space after them.
_CJK_END = re.compile("[\u3002\uff01\uff1f]+[\u300d\u300f\uff09\u3011\u3015\u201d\"]*(?=\\s*\\S)")
_CJK_MARKS = ("\u3002", "\uff01", "\uff1f")
_CJK_OPENERS = "\u300c\u300e\uff08\u3010\u3014\u201c"

# Titles and abbreviations that (practically) never end a sentence in news copy.
_NEVER_FINAL = frozenset("""
mr mrs ms messrs mme mlle dr prof gen gens gov sen sens rep reps lt col capt cpt cmdr cdr
sgt maj adm brig cpl pvt rev hon st ste mt ft jr sr supt insp det pres fr msgr atty amb
gov-elect lt-gen maj-gen vs v cf approx dept est
""".split())
# Abbreviations that stand before a number ("No. 5", "Jan. 6", "Fig. 3").
_BEFORE_NUMBER = frozenset("""
no nos nr art arts vol vols fig figs pp p ch sec para op ed
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Ambiguous abbreviations: they can end a sentence, so split only before a typical opener.
_AMBIGUOUS = frozenset("inc ltd co corp plc bros etc al".split())
# Words that typically open a sentence; after "U.S." or "a.m." they mean a new sentence.
_OPENERS = frozenset("""
The A An He She It They We I You His Her Its Their Our My This That These Those There Here
But And So Yet Or Nor In On At As After Before When While If Meanwhile However Still Also
Then Now Earlier Later Last Next Some Many Most Both All What Why How Who Where For With By
According Despite Since During Under Over One Two Three Officials Police Such Asked Neither
Several Other Another Each Every Instead Although Though Because Unlike Among Until Once
""".split())
# Speech verbs: a "!" or "?" quotation followed by 'Putin said.' is one sentence.
_SPEECH = frozenset("""
said says say told tells added adds asked asks wrote writes stated states declared declares
explained explains continued continues insisted insists noted notes replied replies warned
warns according argued argues shouted shouts cried cries tweeted posted recalled
""".split())

def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """Veto false sentence ends; m is a _CANDIDATE match not at the end of the text."""
    nxt = m.end()
    first = text[nxt]
    if not (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018\u00ab([" or (
            first.isalpha() and not first.islower())):
        return False
    punct, closers = m.group(1), m.group(2)
    next_word = _NEXT_WORD.match(text, nxt)
    word_after = next_word.group(1) if next_word else ""
    if closers and any(c in closers for c in "\"\u201d\u00bb") and punct in "!?":
        # '"We will win!" Putin said.' — the attribution belongs to the quotation.
        tail = text[nxt:nxt + 40].split()[:3]
        if any(w.strip(".,;:").lower() in _SPEECH for w in tail):
            return False
    if punct == "." and not closers:
        # The word before the period; rfind keeps this O(word) instead of O(line).
        start = m.start()
        space = max(text.rfind(" ", 0, start), text.rfind("\u00a0", 0, start),
                    text.rfind("\t", 0, start))
        prev = text[space + 1:start].lstrip("(\"'\u201c\u2018[")
        low = prev.lower()
        if low in _NEVER_FINAL:
            return False
        if low in _BEFORE_NUMBER and first.isdigit():
            return False
        if len(prev) == 1 and prev.isupper():
            return False  # an initial: "J. D. Vance"
        if "." in prev or low in _AMBIGUOUS:
            # "U.S." "a.m." "Inc." end a sentence only when a typical opener follows.
            return word_after in _OPENERS or first in "\"\u201c"
    elif punct in ("...", "\u2026") or (punct.startswith(".") and len(punct) > 1):
        # An ellipsis mid-text is a pause; it ends a sentence before a clear opener.
        return word_after in _OPENERS or first in "\"\u201c"
    return True


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of one line text[start:end]."""
    line = text[start:end]
    out: list[tuple[int, int]] = []
    begin = 0
    for m in _CANDIDATE.finditer(line):
        if m.end() >= len(line):
            break
        if _is_boundary(line, m):
            out.append((begin, m.end(2)))
            begin = m.end()
    out.append((begin, len(line)))
    if any(mark in line for mark in _CJK_MARKS):
        out = [piece for a, b in out for piece in _cjk_pieces(line, a, b)]
    result = []
    for a, b in out:
        # Trim surrounding whitespace so spans cover exactly the sentence text.
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if a < b:
            result.append((start + a, start + b))
    return result


def _cjk_pieces(line: str, a: int, b: int) -> list[tuple[int, int]]:
    """line[a:b] cut after each CJK full stop, exclamation or question mark.

    A quotation closed right after its mark and followed by more text (「…！」と話した)
    continues the sentence, as "…," he said does in English.
    """
    out, begin = [], a
    for m in _CJK_END.finditer(line, a, b):
        end = m.end()
        if end >= b or (m.group()[-1] not in _CJK_MARKS and not line[end].isspace()
                        and line[end] not in _CJK_OPENERS):
            continue
        out.append((begin, end))
        begin = end
    out.append((begin, b))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of text; a line break always ends one."""
    spans: list[tuple[int, int]] = []
    for line in _LINES.finditer(text):
        spans.extend(_line_spans(text, line.start(), line.end()))
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of text, in order, with their original wording."""
    return [text[a:b] for a, b in sentence_spans(text)]
