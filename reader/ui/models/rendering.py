"""Turn core results into display text/HTML: presentation only, no analysis."""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from typing import Mapping

from reader.core.align.cells import (CHANGED, GAP, SAME, SHARED, CellMarks, Mark, cell_marks,
                                     plain)
from reader.core.align import figures
from reader.core.align.worddiff import is_unchanged
from reader.core.model import Article, Passage, Story
from reader.core.text.display import one_line, safe_name
from reader.ui.theme import DiffPalette

# A cell shows at most this many characters of a passage (and of the words it lacks). Laying
# text out costs Qt time that grows faster than its length (a 2 MB "sentence" froze the window
# for minutes); a cell is for comparing, the reader view holds the whole text.
CELL_CHARS = 3000
MISSING_CHARS = 300


def cell_cut_note(hidden: int) -> str:
    """What a cut cell ends with: how much is not shown, and where to read it."""
    return f" \u2026 [{hidden:,} more characters: read them in the reader view]"


def _capped(cell: CellMarks) -> CellMarks:
    """The cell cut to CELL_CHARS characters of text, with a note saying how much is hidden."""
    total = sum(len(m.text) for m in cell.marks)
    long_missing = any(len(m.missing) > MISSING_CHARS for m in cell.marks)
    if total <= CELL_CHARS and not long_missing:
        return cell
    out, used = [], 0
    for m in cell.marks:
        if used >= CELL_CHARS:
            break
        take = m.text[:CELL_CHARS - used]
        used += len(take)
        missing = m.missing if len(m.missing) <= MISSING_CHARS else \
            m.missing[:MISSING_CHARS] + "\u2026"
        out.append(m if (take == m.text and missing == m.missing)
                   else replace(m, text=take, missing=missing))
    if total > used:
        out.append(Mark(SAME, cell_cut_note(total - used)))
    return replace(cell, marks=tuple(out))


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story with its articles, as the comparison views need it."""

    story: Story
    articles: Mapping[str, Article]
    chosen_reference: str | None = None  # the user's reference (article id or outlet), if any

    @property
    def version_ids(self) -> tuple[str, ...]:
        """The story's versions in story order."""
        return tuple(a for a in self.story.article_ids if a in self.articles)

    def passage_text(self, passage: Passage, article_id: str) -> str | None:
        """The member's sentences of this passage joined, or None if the version lacks it."""
        idx = passage.members.get(article_id)
        if idx is None:
            return None
        sentences = self.articles[article_id].sentences
        return " ".join(sentences[i] for i in idx if 0 <= i < len(sentences))

    @property
    def single(self) -> bool:
        """A story of one version: nothing to compare yet."""
        return len(self.version_ids) < 2

    def share_kind(self, passage: Passage) -> str:
        """unique, some or all: how many of the story's versions have this passage
        ("single" when the story has one version, so nothing is unique yet)."""
        if self.single:
            return "single"
        n = len(passage.members)
        if n <= 1:
            return "unique"
        return "all" if n >= len(self.version_ids) else "some"

    def is_difference(self, passage: Passage) -> bool:
        """Whether versions differ here: someone lacks it, or a member's words differ."""
        if self.single:
            return False
        if len(passage.members) < len(self.version_ids):
            return True
        return not all(is_unchanged(ops) for ops in passage.diffs.values())

    def unique_share(self, article_id: str) -> float | None:
        """Share (0..1) of this version's words no other version has (core definition);
        None for a story of one version."""
        return figures.unique_share(self.story, self.articles, article_id)

    @property
    def identical(self) -> dict[str, str]:
        """Versions whose text repeats an earlier version's word for word -> that version."""
        return figures.identical_to([self.articles[a] for a in self.display_ids])

    def quotes_differ(self, passage: Passage, article_id: str) -> bool:
        """Whether this version's text here holds a quote other versions word differently."""
        mine = set(passage.members.get(article_id, ()))
        return bool(mine) and any(o.article_id == article_id and o.sentence in mine
                                  for qv in self.story.quote_variants for o in qv.occurrences)

    def label(self, article_id: str) -> str:
        """The outlet name as the views show it (the core's labels: unique in the story)."""
        return one_line(figures_labels(self)[article_id], 60)

    def header_text(self, article_id: str) -> str:
        """Column header: outlet; date · words; unique share (and whether it is the reference)."""
        art = self.articles[article_id]
        # Short lines: a narrow column shows each whole (the header does not wrap).
        lines = [self.label(article_id), art.date or "date unknown", f"{art.word_count} words"]
        if self.single:
            lines += ["only version", ""]
        else:
            lines.append(f"{figures.percent(self.unique_share(article_id))} unique")
            twin = self.identical.get(article_id)
            if self.is_reference(article_id):
                lines.append("◆ reference")
            elif twin is not None:
                lines.append(f"= {self.label(twin)}")  # identical (tooltip says so)
            else:
                lines.append("")
        return "\n".join(lines)

    def header_tooltip(self, article_id: str) -> str:
        """Column header tooltip: title, source and what the figures mean."""
        art = self.articles[article_id]
        lines = [self.label(article_id), one_line(art.title),
                 one_line(art.url) if art.url else safe_name(art.source)]
        twin = self.identical.get(article_id)
        if twin is not None:
            lines.append(f"Identical, word for word, to {self.label(twin)}.")
        if self.single:
            lines.append(figures.NOTHING_TO_COMPARE)
        else:
            lines.append(figures.UNIQUE_SHARE_MEANS)
            if self.is_reference(article_id):
                lines.append("Reference: the other columns mark their differences against it.")
        return "\n".join(x for x in lines if x)

    def cell_tooltip(self, passage: Passage, article_id: str) -> str:
        """A cell's tooltip in words: who has this passage."""
        name = self.label(article_id)
        if self.single:
            return f"{name}: {figures.NOTHING_TO_COMPARE}"
        n, total = len(passage.members), len(self.version_ids)
        if article_id not in passage.members:
            return f"{name} does not have this passage ({n} of {total} versions do)"
        if n == 1:
            return f"Only {name} has this passage"
        if article_id == passage.reference:
            return f"{name} (reference wording) · {n} of {total} versions have this passage"
        return f"{name} · {n} of {total} versions have this passage"

    def is_reference(self, article_id: str) -> bool:
        """Whether most multi-member passages diff against this version."""
        return article_id == self.reference_id

    @property
    def reference_id(self) -> str | None:
        """The version most multi-member passages diff against (core definition)."""
        return figures.reference_of(self.story, self.articles, self.chosen_reference)

    @property
    def display_ids(self) -> tuple[str, ...]:
        """Versions in the order every view and report shows them (core definition)."""
        return figures.column_order(self.story, self.articles, self.chosen_reference)


def figures_labels(view: StoryView) -> dict[str, str]:
    """Outlet names made unique inside the story (the reports' labels, same function)."""
    return figures.labels([view.articles[a] for a in view.version_ids])


# The last cells' marks: a cell is sized (measure_text) and painted (diff_html) from the same
# marks, which cost a pass over the text; held with the objects they were made from.
_MARKS_CACHE: dict[tuple[int, int, str], tuple[StoryView, Passage, CellMarks | None]] = {}
_MARKS_CACHE_SIZE = 512


def cell_marks_of(view: StoryView, passage: Passage, article_id: str) -> CellMarks | None:
    """The core's marks of a member's cell (None if the version lacks the passage)."""
    key = (id(view), id(passage), article_id)
    hit = _MARKS_CACHE.get(key)
    if hit is not None and hit[0] is view and hit[1] is passage:
        return hit[2]
    if len(_MARKS_CACHE) >= _MARKS_CACHE_SIZE:
        _MARKS_CACHE.clear()
    marks = _cell_marks(view, passage, article_id)
    _MARKS_CACHE[key] = (view, passage, marks)
    return marks


def _cell_marks(view: StoryView, passage: Passage, article_id: str) -> CellMarks | None:
    plain_text = view.passage_text(passage, article_id)
    if plain_text is None:
        return None
    ops = passage.diffs.get(article_id)
    if article_id == passage.reference or not ops:
        return _capped(plain(plain_text))
    return _capped(cell_marks(ops, plain_text,
                              view.passage_text(passage, passage.reference) or ""))


REWORDED_LABEL = "reworded"
QUOTE_LABEL = "quote differs"  # a core quote-variant finding: Findings lists the wordings
GAP_SIGN = "‸"  # where the reference has words this version lacks


def gap_tooltip(mark: Mark) -> str:
    """What a gap or a changed run stands for, in words."""
    if mark.kind == GAP:
        return f"The reference has here, and this version lacks:\n{mark.missing}"
    if mark.kind == CHANGED:
        return f"The reference has instead: {mark.missing}"
    return ""


def marks_html(cell: CellMarks, pal: DiffPalette, inline_missing: bool = False) -> str:
    """A cell's HTML: the member's own words; changes marked in place, what the version lacks
    as a separate caret (hover shows the words) or, inline, as a bracketed struck run."""
    parts = []
    if cell.reworded:
        parts.append(f'<span style="color:{pal.muted}; font-style:italic;">'
                     f"[{REWORDED_LABEL}]</span> ")
    for n, m in enumerate(cell.marks):
        text = escape(m.text)
        if m.kind == SAME:
            parts.append(text)
        elif m.kind == SHARED:
            parts.append(f'<span style="background-color:{pal.some_bg};">{text}</span>')
        elif m.kind == GAP:
            if inline_missing:
                parts.append(f' <span style="color:{pal.muted}; background-color:{pal.delete_bg};'
                             f' text-decoration: line-through;">[{escape(m.missing)}]</span> ')
            else:
                parts.append(f'&#8202;<a href="gap:{n}" style="color:{pal.marker}; '
                             f'text-decoration:none; font-weight:bold;">{GAP_SIGN}</a>&#8202;')
        else:  # ADDED or CHANGED
            style = f"background-color:{pal.insert_bg}; text-decoration: underline;"
            if m.number:
                style = (f"background-color:{pal.delete_bg}; font-weight:bold; "
                         "text-decoration: underline;")
            if m.quote:
                style += " font-style:italic;"
            if m.kind == CHANGED:
                parts.append(f'<a href="gap:{n}" style="color:{pal.text}; {style}">{text}</a>')
            else:
                parts.append(f'<span style="{style}">{text}</span>')
            if inline_missing and m.kind == CHANGED:
                parts.append(f' <span style="color:{pal.muted}; background-color:{pal.delete_bg};'
                             f' text-decoration: line-through;">[{escape(m.missing)}]</span>')
    return "".join(parts)


def diff_html(view: StoryView, passage: Passage, article_id: str, pal: DiffPalette,
              inline_missing: bool = False) -> str | None:
    """Cell HTML of a version (None if it lacks the passage); a quote the versions word
    differently (a core finding) is flagged at the top of the cell."""
    cell = cell_marks_of(view, passage, article_id)
    if cell is None:
        return None
    flag = ""
    if view.quotes_differ(passage, article_id):
        flag = (f'<span style="color:{pal.marker}; font-weight:bold;">[{QUOTE_LABEL}]</span> ')
    return flag + marks_html(cell, pal, inline_missing)


def measure_text(view: StoryView, passage: Passage, article_id: str,
                 inline_missing: bool = False) -> str | None:
    """The characters a cell shows (its own text, labels and gap signs), for sizing."""
    cell = cell_marks_of(view, passage, article_id)
    if cell is None:
        return None
    out = [f"[{REWORDED_LABEL}] "] if cell.reworded else []
    if view.quotes_differ(passage, article_id):
        out.insert(0, f"[{QUOTE_LABEL}] ")
    for m in cell.marks:
        if m.kind == GAP:
            out.append(f" [{m.missing}] " if inline_missing else f" {GAP_SIGN} ")
        else:
            out.append(m.text)
            if inline_missing and m.kind == CHANGED:
                out.append(f" [{m.missing}]")
    return "".join(out)
