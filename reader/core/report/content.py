"""What a comparison report says, computed once from a Document and shared by every format."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence

from reader import __version__
from reader.core.align import figures
from reader.core.align.cells import (ADDED, CHANGED, GAP, SAME, CellMarks, Mark, cell_marks,
                                     plain)
from reader.core.model import (
    DIFF_DELETE,
    DIFF_EQUAL,
    DIFF_INSERT,
    Article,
    Document,
    Passage,
    Story,
)

# A passage this early in a version counts as its lead; this late, as buried.
LEAD_AT = 0.2
BURIED_AT = 0.6
MAX_POSITION_CONTRASTS = 10
EXCERPT_CHARS = 90

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
_KIND = {DIFF_EQUAL: EQUAL, DIFF_INSERT: INSERT, DIFF_DELETE: DELETE}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words in a member's text: shared with the reference, inserted, or deleted."""

    kind: str  # EQUAL, INSERT or DELETE
    text: str


@dataclass(frozen=True, slots=True)
class Version:
    """One version (article) of a story as the report lists it."""

    article: Article
    label: str  # outlet name, made unique inside the story
    words: int
    sentences: int
    # Share of its words in passages no other version has (figures.unique_share, the app's
    # figure too); None for a story of one version.
    share_unique: float | None
    identical_to: str | None = None  # label of an earlier version with the very same text


@dataclass(frozen=True, slots=True)
class Cell:
    """One version's wording of a passage: its own text, marked against the passage reference
    by the same rules as the app (reader.core.align.cells)."""

    article_id: str
    text: str
    marks: CellMarks
    is_reference: bool


@dataclass(frozen=True, slots=True)
class PassageView:
    """A passage with each member's wording and the versions that lack it."""

    passage: Passage
    number: int  # 1-based reading-order number inside the story
    cells: dict[str, Cell]  # in the story's version order
    missing: tuple[str, ...]
    excerpt: str

    @property
    def id(self) -> str:
        """The passage id."""
        return self.passage.id

    @property
    def shared(self) -> bool:
        """True when two or more versions have this passage."""
        return len(self.cells) > 1


@dataclass(frozen=True, slots=True)
class PositionContrast:
    """A passage one version leads with while another buries it."""

    passage: PassageView
    leads: tuple[tuple[str, int, int], ...]  # (article id, sentence no. 1-based, of n)
    buries: tuple[tuple[str, int, int], ...]
    spread: float


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A remark quoted differently: each version's wording, diffed against the first."""

    speaker: str | None
    similarity: float
    wordings: tuple[tuple[str, tuple[Segment, ...]], ...]  # (article id, segments)


@dataclass(frozen=True, slots=True)
class NumberView:
    """Versions giving different figures for the same thing."""

    passage_id: str
    about: str
    values: tuple[tuple[str, str, str], ...]  # (article id, figure, the sentence it is in)


@dataclass(frozen=True, slots=True)
class StoryReport:
    """Everything the report shows about one story."""

    story: Story
    anchor: str
    versions: tuple[Version, ...]
    passages: tuple[PassageView, ...]
    overlap: dict[tuple[str, str], float]
    added: dict[str, tuple[PassageView, ...]]
    omitted: dict[str, tuple[PassageView, ...]]
    positions: tuple[PositionContrast, ...]
    quotes: tuple[QuoteView, ...]
    numbers: tuple[NumberView, ...]

    def label(self, article_id: str) -> str:
        """The version's display label."""
        for v in self.versions:
            if v.article.id == article_id:
                return v.label
        return article_id


@dataclass(frozen=True, slots=True)
class Report:
    """The report of a whole document (one story or several)."""

    title: str
    generated_at: str
    version: str
    settings: dict
    stories: tuple[StoryReport, ...]
    rejected: tuple[tuple[str, str], ...]


def format_time(generated_at: datetime | str | None) -> str:
    """The generation time as text; now (UTC) when not given, so tests can pin it."""
    if generated_at is None:
        generated_at = datetime.now(timezone.utc)
    if isinstance(generated_at, datetime):
        return generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    return str(generated_at)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The text cut at a word boundary to about `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def member_text(article: Article, indices: Sequence[int]) -> str:
    """The member's sentences in the passage joined as one text."""
    return " ".join(article.sentences[i] for i in indices if 0 <= i < len(article.sentences))


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level segments turning `old` into `new` (for quotes, which carry no diff ops)."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Segment(EQUAL, " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment(DELETE, " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment(INSERT, " ".join(b[j1:j2])))
    # Re-insert the spaces between runs so renderers can concatenate segments.
    spaced = [Segment(s.kind, s.text + (" " if n < len(out) - 1 else "")) for n, s in
              enumerate(out)]
    return tuple(spaced)


def segments_marks(segs: Sequence[Segment]) -> CellMarks:
    """Quote wordings (difflib segments) under the cell rules: the version's own words, a
    replaced run CHANGED, a run it lacks a GAP (see reader.core.align.cells)."""
    marks: list[Mark] = []
    i = 0
    while i < len(segs):
        s = segs[i]
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if s.kind == EQUAL:
            marks.append(Mark(SAME, s.text))
        elif s.kind == DELETE and nxt is not None and nxt.kind == INSERT:
            marks.append(Mark(CHANGED, nxt.text.rstrip(), s.text.strip(),
                              any(c.isdigit() for c in s.text + nxt.text)))
            marks.append(Mark(SAME, nxt.text[len(nxt.text.rstrip()):]))
            i += 1
        elif s.kind == DELETE:
            marks.append(Mark(GAP, "", s.text.strip()))
        else:
            marks.append(Mark(ADDED, s.text.rstrip()))
            marks.append(Mark(SAME, s.text[len(s.text.rstrip()):]))
        i += 1
    return CellMarks(tuple(m for m in marks if m.text or m.kind == GAP))


def _passage_view(p: Passage, number: int, order: Sequence[str],
                  arts: dict[str, Article]) -> PassageView:
    cells: dict[str, Cell] = {}
    for aid in order:
        if aid not in p.members:
            continue
        text = member_text(arts[aid], p.members[aid])
        is_ref = aid == p.reference or len(p.members) == 1
        ref_text = member_text(arts[p.reference], p.members[p.reference]) \
            if p.reference in arts and p.reference in p.members else ""
        marks = plain(text) if is_ref else cell_marks(p.diffs.get(aid), text, ref_text)
        cells[aid] = Cell(aid, text, marks, is_ref)
    missing = tuple(aid for aid in order if aid not in p.members)
    ref = cells.get(p.reference) or next(iter(cells.values()), None)
    return PassageView(p, number, cells, missing, excerpt(ref.text) if ref else "")


def _relative_positions(story: Story, arts: dict[str, Article]) -> dict[str, dict[str, tuple]]:
    """Per version, per passage: (relative place 0..1, sentence no. 1-based, sentence count)."""
    out: dict[str, dict[str, tuple]] = {}
    for aid in story.article_ids:
        n = len(arts[aid].sentences)
        found = story.findings.get(aid)
        if found is not None and found.positions:
            out[aid] = {pos.passage_id: (pos.relative, pos.sentence + 1, n)
                        for pos in found.positions}
            continue
        # No positions from the alignment: derive them from the first member sentence.
        out[aid] = {p.id: (p.members[aid][0] / max(1, n - 1), p.members[aid][0] + 1, n)
                    for p in story.passages if p.members.get(aid)}
    return out


def _position_contrasts(story: Story, views: dict[str, PassageView],
                        arts: dict[str, Article]) -> tuple[PositionContrast, ...]:
    rel = _relative_positions(story, arts)
    found = []
    for view in views.values():
        if not view.shared:
            continue
        places = [(aid, *rel[aid][view.id]) for aid in view.cells if view.id in rel.get(aid, {})]
        leads = tuple((a, s, n) for a, r, s, n in places if r <= LEAD_AT)
        buries = tuple((a, s, n) for a, r, s, n in places if r >= BURIED_AT)
        if leads and buries:
            spread = max(r for _, r, _, _ in places) - min(r for _, r, _, _ in places)
            found.append(PositionContrast(view, leads, buries, spread))
    found.sort(key=lambda c: (-c.spread, c.passage.number))
    return tuple(sorted(found[:MAX_POSITION_CONTRASTS], key=lambda c: c.passage.number))


def build_story_report(story: Story, arts: dict[str, Article],
                       chosen_reference: str | None = None) -> StoryReport:
    """Compute the tables, findings and aligned text of one story (versions in the app's
    column order: the reference first)."""
    order = list(figures.column_order(story, arts, chosen_reference))
    labels = figures.labels([arts[a] for a in order])
    twins = figures.identical_to([arts[a] for a in order])
    views = [_passage_view(p, n, order, arts) for n, p in enumerate(story.passages, start=1)]
    by_id = {v.id: v for v in views}
    versions = tuple(Version(arts[a], labels[a], arts[a].word_count, len(arts[a].sentences),
                             figures.unique_share(story, arts, a),
                             labels[twins[a]] if a in twins else None) for a in order)
    overlap = {(a, b): figures.overlap(story, a, b) for a in order for b in order}
    added, omitted = {}, {}
    multi = len(order) > 1
    for aid in order:
        f = story.findings.get(aid)
        if f is not None and multi:
            add_ids, om_ids = f.added, f.omitted
        else:
            # No findings from the alignment: derive them from the passages.
            add_ids = tuple(v.id for v in views if multi and list(v.cells) == [aid])
            om_ids = tuple(v.id for v in views if aid in v.missing and len(v.cells) >= 2)
        added[aid] = tuple(by_id[i] for i in add_ids if i in by_id)
        omitted[aid] = tuple(by_id[i] for i in om_ids if i in by_id)
    quotes = []
    for q in story.quote_variants:
        occ = [o for o in q.occurrences if o.article_id in arts]
        if not occ:
            continue
        first = occ[0].quote
        wordings = tuple((o.article_id, (Segment(EQUAL, o.quote),) if i == 0
                          else word_diff(first, o.quote)) for i, o in enumerate(occ))
        quotes.append(QuoteView(q.speaker, q.similarity, wordings))
    numbers = []
    for d in story.number_disagreements:
        vals = tuple((v.article_id, v.text, member_text(arts[v.article_id], [v.sentence]))
                     for v in d.values if v.article_id in arts)
        numbers.append(NumberView(d.passage_id, d.about, vals))
    return StoryReport(
        story=story,
        anchor=f"story-{story.id}",
        versions=versions,
        passages=tuple(views),
        overlap=overlap,
        added=added,
        omitted=omitted,
        positions=_position_contrasts(story, by_id, arts) if multi else (),
        quotes=tuple(quotes),
        numbers=tuple(numbers),
    )


def build_report(doc: Document, story_ids: Sequence[str] | None = None, *,
                 generated_at: datetime | str | None = None) -> Report:
    """The report of the document's stories (all, or those in `story_ids`, in document order)."""
    arts = doc.articles_by_id()
    wanted = set(story_ids) if story_ids else None
    chosen = doc.settings.reference if doc.settings is not None else None
    stories = tuple(build_story_report(s, arts, chosen) for s in doc.stories
                    if wanted is None or s.id in wanted)
    if len(stories) == 1:
        title = stories[0].story.title or "Untitled story"
    else:
        title = f"Comparison of {len(stories)} stories"
    settings = doc.settings.to_dict() if doc.settings is not None else {}
    return Report(title, format_time(generated_at), __version__, settings, stories,
                  tuple((r.source, r.reason) for r in doc.rejected))


SETTING_LABELS = {
    "strictness": "Grouping strictness",
    "ignore_case": "Ignore case",
    "ignore_punctuation": "Ignore punctuation",
    "normalize_quotes": "Treat quote and dash styles as equal",
    "name_variants": "Treat spelling variants of names as equal",
    "reference": "Reference version",
    "page_size": "Page size",
}


def settings_rows(settings: dict) -> list[tuple[str, str]]:
    """The settings as (label, value) pairs a reader understands."""
    rows = []
    for key, value in settings.items():
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        elif value is None:
            shown = "automatic"
        else:
            shown = str(value)
        rows.append((SETTING_LABELS.get(key, key.replace("_", " ").capitalize()), shown))
    return rows


def percent(value: float | None) -> str:
    """A share as a whole percentage (a dash for none)."""
    return figures.percent(value)
