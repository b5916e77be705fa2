"""Turn core results into display text/HTML: presentation only, no analysis."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Mapping

from reader.core.align.worddiff import display_ops, is_unchanged
from reader.core.model import (DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, Article, Passage, Story,
                               count_words)
from reader.core.text.display import one_line
from reader.ui.theme import DiffPalette

# A cell shows at most this many characters of a passage. Laying text out costs Qt time
# that grows faster than its length (a 2 MB "sentence" froze the window for minutes); a
# cell is for comparing, the reader view holds the whole text.
CELL_CHARS = 3000


def cell_cut_note(hidden: int) -> str:
    """What a cut cell ends with: how much is not shown, and where to read it."""
    return f" \u2026 [{hidden:,} more characters: read them in the reader view]"


def _cap_ops(ops):
    """display ops cut to CELL_CHARS characters: (ops, characters left out)."""
    out, used, total = [], 0, 0
    for op in ops:
        total += len(op.text)
        if used < CELL_CHARS:
            take = op.text[: CELL_CHARS - used]
            used += len(take)
            out.append(op if len(take) == len(op.text) else type(op)(op.op, take))
    return out, total - used


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

    def share_kind(self, passage: Passage) -> str:
        """unique, some or all: how many of the story's versions have this passage."""
        n = len(passage.members)
        if n <= 1:
            return "unique"
        return "all" if n >= len(self.version_ids) else "some"

    def is_difference(self, passage: Passage) -> bool:
        """Whether versions differ here: someone lacks it, or a member's words differ."""
        if len(passage.members) < len(self.version_ids):
            return True
        return not all(is_unchanged(ops) for ops in passage.diffs.values())

    def unique_share(self, article_id: str, total: int | None = None) -> float:
        """Share (0..1) of this version's words that no other version has (total: its words,
        when the caller already counted them)."""
        art = self.articles[article_id]
        total = art.word_count if total is None else total
        if not total:
            return 0.0
        unique = 0
        for p in self.story.passages:
            if len(p.members) == 1 and article_id in p.members:
                unique += sum(count_words(art.sentences[i]) for i in p.members[article_id]
                              if 0 <= i < len(art.sentences))
        return unique / total

    def header_text(self, article_id: str) -> str:
        """Column header: outlet; date · words; unique share (and whether it is the reference)."""
        art = self.articles[article_id]
        words = art.word_count
        # Three short lines rather than two long ones: a 190 px column shows them whole.
        unique = f"{round(100 * self.unique_share(article_id, words))}% unique"
        if self.is_reference(article_id):
            unique += " · reference"
        return f"{one_line(art.outlet, 60)}\n{art.date or 'no date'} · {words} words\n{unique}"

    def is_reference(self, article_id: str) -> bool:
        """Whether most multi-member passages diff against this version."""
        return article_id == self.reference_id

    @property
    def reference_id(self) -> str | None:
        """The version most multi-member passages diff against (None if nothing is shared)."""
        refs = [p.reference for p in self.story.passages if len(p.members) > 1]
        if not refs:
            return None
        # The user's choice wins wherever the alignment honoured it (it shares something).
        for aid in set(refs):
            if self.chosen_reference in (aid, self.articles[aid].outlet if aid in
                                         self.articles else None):
                return aid
        # Ties go to the earlier version in story order, so the choice is stable.
        order = {aid: i for i, aid in enumerate(self.version_ids)}
        return min(set(refs), key=lambda a: (-refs.count(a), order.get(a, len(order))))

    @property
    def display_ids(self) -> tuple[str, ...]:
        """Versions in the order the views show them: the reference first (the diffs read
        against it), then by how many words they share with it, ties in story order."""
        ids = self.version_ids
        ref = self.reference_id
        if ref is None or ref not in ids:
            return ids
        shared = dict.fromkeys(ids, 0)
        for p in self.story.passages:
            if ref in p.members and len(p.members) > 1:
                sentences = self.articles[ref].sentences
                words = sum(count_words(sentences[i]) for i in p.members[ref]
                            if 0 <= i < len(sentences))
                for aid in p.members:
                    if aid in shared:
                        shared[aid] += words
        others = [a for a in ids if a != ref]
        others.sort(key=lambda a: -shared[a])  # sort is stable: ties keep story order
        return (ref, *others)


def diff_html(view: StoryView, passage: Passage, article_id: str, pal: DiffPalette) -> str | None:
    """Cell HTML: the member's words with insertions underlined and deletions struck."""
    plain = view.passage_text(passage, article_id)
    if plain is None:
        return None
    ops = passage.diffs.get(article_id)
    if article_id == passage.reference or not ops:
        if len(plain) > CELL_CHARS:
            return escape(plain[:CELL_CHARS]) + escape(cell_cut_note(len(plain) - CELL_CHARS))
        return escape(plain)
    parts = []
    shown, hidden = _cap_ops(display_ops(ops))
    for op in shown:
        text = escape(op.text)
        if op.op == DIFF_EQUAL:
            parts.append(text)
        elif op.op == DIFF_INSERT:
            parts.append(f'<span style="background-color:{pal.insert_bg}; '
                         f'text-decoration: underline;">{text}</span>')
        elif op.op == DIFF_DELETE:
            parts.append(f'<span style="background-color:{pal.delete_bg}; '
                         f'text-decoration: line-through; color:{pal.muted};">{text}</span>')
    if hidden:
        parts.append(escape(cell_cut_note(hidden)))
    return "".join(parts)


def measure_text(view: StoryView, passage: Passage, article_id: str) -> str | None:
    """The characters a cell shows (member text plus struck reference words), for sizing."""
    ops = passage.diffs.get(article_id)
    if article_id not in passage.members:
        return None
    if article_id == passage.reference or not ops:
        plain = view.passage_text(passage, article_id) or ""
        if len(plain) > CELL_CHARS:
            return plain[:CELL_CHARS] + cell_cut_note(len(plain) - CELL_CHARS)
        return plain
    shown, hidden = _cap_ops(display_ops(ops))
    return "".join(op.text for op in shown) + (cell_cut_note(hidden) if hidden else "")
