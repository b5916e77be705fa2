"""The Markdown report: GitHub-flavoured (tables), and readable as plain text.

Insertions are **bold**, deletions ~~struck~~ (the legend says so). The aligned text is laid
out passage by passage whatever the number of versions: long table rows of article text are
unreadable as plain text, which is half of what a Markdown report is for.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Sequence

from reader.core.align.cells import GAP, SAME, SHARED, CellMarks
from reader.core.align.figures import NOTHING_TO_COMPARE, UNIQUE_SHARE_MEANS
from reader.core.model import Document
from reader.core.report.content import (
    PassageView,
    Report,
    StoryReport,
    build_report,
    excerpt,
    percent,
    settings_rows,
    segments_marks,
)

# Characters Markdown could read as markup inside a line of article text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def md_escape(text: object) -> str:
    """Text with Markdown markup characters backslash-escaped (pipes included, for tables)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def md_marks(cell: CellMarks) -> str:
    """A member's own words as the app marks them: changes **bold**, a differing figure
    followed by [reference: …], what it lacks as a separate [‸ lacks: …] note."""
    out = ["_(reworded)_ "] if cell.reworded else []
    for m in cell.marks:
        # Keep the spaces around a run (md_escape collapses them) so words never glue.
        lead = " " if m.text[:1].isspace() else ""
        trail = " " if m.text[-1:].isspace() and m.text.strip() else ""
        text = lead + md_escape(m.text) + trail
        if m.kind == SAME or m.kind == SHARED:
            out.append(text)
        elif m.kind == GAP:
            out.append(f" \\[‸ lacks: {md_escape(m.missing)}\\] ")
        else:
            out.append(f"{lead}**{md_escape(m.text)}**{trail}")
            if m.number and m.missing:
                out.append(f" \\[reference: {md_escape(m.missing)}\\]")
    return re.sub(r" {2,}", " ", "".join(out))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()
           ) -> list[str]:
    align = ["---:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines + [""]


def _quote_list(s: StoryReport, views: Sequence[PassageView], own: str | None) -> list[str]:
    lines = []
    for p in views:
        cell = p.cells.get(own) if own else None
        if cell is None:
            cell = p.cells.get(p.passage.reference) or next(iter(p.cells.values()))
            whose = ", ".join(s.label(a) for a in p.cells)
            lines.append(f"- {md_escape(cell.text)} _(in {md_escape(whose)})_")
        else:
            lines.append(f"- {md_escape(cell.text)}")
    return lines + [""]


def _story(s: StoryReport) -> list[str]:
    n = len(s.versions)
    out = [f"## {md_escape(s.story.title or 'Untitled story')}", "",
           f"{n} version{'s' if n != 1 else ''} · {len(s.passages)} passages", ""]
    if s.story.reasons:
        out += [f"Grouped on: {md_escape(', '.join(s.story.reasons))}", ""]
    out += ["### Versions", ""]
    out += _table(["Outlet", "Title", "Date", "Words", "Unique", "Source"],
                  [[md_escape(v.label) + (f" (identical to {md_escape(v.identical_to)})"
                                          if v.identical_to else ""),
                    md_escape(v.article.title),
                    md_escape(v.article.date or "—"), str(v.words), percent(v.share_unique),
                    md_escape(v.article.url or v.article.source)] for v in s.versions],
                  right=(3, 4))
    out += [UNIQUE_SHARE_MEANS, ""]
    if n == 1:
        out += [NOTHING_TO_COMPARE, "", "### Text", ""]
        for p in s.passages:
            out += [md_escape(c.text) for c in p.cells.values()]
        return out + [""]
    ids = [v.article.id for v in s.versions]
    labels = [md_escape(v.label) for v in s.versions]
    out += ["### Overlap between versions", "",
            "Share of passages two versions have in common, out of the passages either has.", ""]
    out += _table([" "] + labels,
                  [[f"**{labels[i]}**"] + ["—" if a == b else percent(s.overlap[(a, b)])
                                            for b in ids] for i, a in enumerate(ids)],
                  right=range(1, n + 1))
    out += ["### Coverage map", "",
            "One row per passage in reading order; ● marks the versions that have it.", ""]
    out += _table(["#", "Passage"] + labels,
                  [[str(p.number), md_escape(excerpt(p.excerpt, 64))]
                   + ["●" if a in p.cells else " " for a in ids] for p in s.passages],
                  right=(0,))
    out += ["### What each version added and left out", ""]
    for v in s.versions:
        aid = v.article.id
        added, omitted = s.added.get(aid, ()), s.omitted.get(aid, ())
        out += [f"#### {md_escape(v.label)}", ""]
        if not added and not omitted:
            out += ["Nothing only this version has, and nothing the others share that it "
                    "lacks.", ""]
        if added:
            out += [f"**Added** ({len(added)}): only this version says", ""]
            out += _quote_list(s, added, aid)
        if omitted:
            out += [f"**Left out** ({len(omitted)}): other versions say, this one does not", ""]
            out += _quote_list(s, omitted, None)
    if s.quotes:
        out += ["### Quotes worded differently", ""]
        for q in s.quotes:
            out += [f"#### {md_escape(q.speaker or 'Unattributed')}", ""]
            out += [f"- {md_escape(s.label(aid))}: “{md_marks(segments_marks(segs)).strip()}”"
                    for aid, segs in q.wordings]
            out.append("")
    if s.numbers:
        out += ["### Numbers that disagree", ""]
        out += _table(["About", "Version", "Figure", "Sentence"],
                      [[md_escape(d.about) if i == 0 else "", md_escape(s.label(aid)),
                        f"**{md_escape(fig)}**", md_escape(sentence)]
                       for d in s.numbers for i, (aid, fig, sentence) in enumerate(d.values)])
    if s.positions:
        out += ["### Positions: what one leads with and another buries", ""]
        for c in s.positions:
            lead = ", ".join(f"{s.label(a)} (sentence {k} of {t})" for a, k, t in c.leads)
            bury = ", ".join(f"{s.label(a)} (sentence {k} of {t})" for a, k, t in c.buries)
            out.append(f"- {md_escape(c.passage.excerpt)} — near the top in "
                       f"{md_escape(lead)}; far down in {md_escape(bury)}.")
        out.append("")
    out += ["### Aligned text", "",
            "> **How to read the differences.** In each passage every version's wording is "
            "compared with one reference version (marked ◆), in its own words. **Bold** words: "
            "this version has them where the reference has none or others; a figure that "
            "differs is followed by \\[reference: …\\]. \\[‸ lacks: …\\] gives words of the "
            "reference this version does not have. _(reworded)_: the same content in mostly "
            "different words. \\[only here\\] marks a passage no other version has; "
            "\"Not in\" lists the versions that lack the passage.", ""]
    for p in s.passages:
        out += [f"**Passage {p.number}** · in {len(p.cells)} of {n} versions", ""]
        for aid, cell in p.cells.items():
            mark = " \\[only here\\]" if not p.shared else (" ◆" if cell.is_reference else "")
            out.append(f"- **{md_escape(s.label(aid))}**{mark}: {md_marks(cell.marks)}")
        if p.missing and p.shared:
            out.append(f"- _Not in:_ {md_escape(', '.join(s.label(a) for a in p.missing))}")
        out.append("")
    return out


def _render(r: Report) -> str:
    out = [f"# {md_escape(r.title)}", "",
           f"Generated {r.generated_at} by Parallax {r.version}.", "",
           "Parallax groups the versions of a news story from different outlets and shows what "
           "each one added, left out or worded differently.", ""]
    if r.settings:
        out += ["Settings: " + " · ".join(f"{label}: {md_escape(value)}"
                                          for label, value in settings_rows(r.settings)), ""]
    if len(r.stories) > 1:
        out += ["## Stories", ""]
        out += _table(["#", "Title", "Versions", "Passages", "Shared by 2+"],
                      [[str(k), md_escape(s.story.title), str(len(s.versions)),
                        str(len(s.passages)), str(sum(1 for p in s.passages if p.shared))]
                       for k, s in enumerate(r.stories, start=1)], right=(0, 2, 3, 4))
    if not r.stories:
        out += ["No stories to report.", ""]
    for s in r.stories:
        out += _story(s)
    if r.rejected:
        out += ["## Inputs that were not read", ""]
        out += [f"- {md_escape(src)}: {md_escape(why)}" for src, why in r.rejected] + [""]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def markdown_to_html(text: str, *, strike_tag: str = "del") -> str:
    """Markdown (as this module writes it) to an HTML fragment, for in-app previews.

    Uses the `markdown` package with tables, plus ~~strike~~ (GitHub's, which python-markdown
    lacks). Pass strike_tag="s" for Qt widgets, which do not know <del>.
    """
    import markdown
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    md = markdown.Markdown(extensions=["tables"], output_format="html")
    md.inlinePatterns.register(SimpleTagInlineProcessor(r"()~~(.+?)~~", strike_tag),
                               "strike", 175)
    return md.convert(text)


def render_markdown(doc: Document, story_ids: Sequence[str] | None = None, *,
                    generated_at: datetime | str | None = None) -> str:
    """The Markdown report of the document's stories (all, or `story_ids`)."""
    return _render(build_report(doc, story_ids, generated_at=generated_at))
