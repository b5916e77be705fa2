"""The HTML report: one self-contained file (inline CSS, no scripts, fonts, images or links out).

Two flavours share one layout: "web" for browsers (semantic HTML5, <ins>/<del>, light/dark and
print CSS) and "qt" for QTextDocument (the PDF writer and the app's preview), which knows a
smaller HTML subset: no <ins>/<del>, no media queries, table attributes instead of CSS borders.
"""

from __future__ import annotations

import os
import re

from datetime import datetime
from html import escape
from importlib import resources
from typing import Sequence

from reader.core.align.cells import CellMarks
from reader.core.align.figures import NOTHING_TO_COMPARE, OVERLAP_MEANS, UNIQUE_SHARE_MEANS
from reader.core.model import Document
from reader.core.report.marks import _QT_GAP, _QT_INS, _QT_NUM, marks_html
from reader.core.report.content import (
    Cell,
    PassageView,
    Report,
    StoryReport,
    build_report,
    excerpt,
    percent,
    segments_marks,
    settings_rows,
)

# Beyond this many versions a side-by-side table no longer fits a page.
SIDE_BY_SIDE_MAX = 3

# Qt flavour (the PDF): long tables are cut into tables of this many rows, each small enough
# for the PDF to move whole to the next page rather than cut a row in two.
QT_CHUNK_ROWS = {"coverage": 6, "aligned": 3}


def _css(name: str) -> str:
    return resources.files("reader.core.report").joinpath("templates", name).read_text("utf-8")


def _e(text: object) -> str:
    return escape(str(text), quote=True)



class _Writer:
    """Builds the report's HTML for one flavour."""

    def __init__(self, report: Report, flavor: str) -> None:
        self.r = report
        self.qt = flavor == "qt"
        self.out: list[str] = []

    # -- small pieces -------------------------------------------------------------------------

    def w(self, *parts: str) -> None:
        self.out.extend(parts)

    def table_open(self, cls: str, caption: str | None = None, full: bool = True) -> None:
        width = ' width="100%"' if full else ""
        attrs = f' border="1" cellspacing="0" cellpadding="4"{width}' if self.qt else ""
        self.w(f'<table class="{cls}"{attrs}>')
        if caption:
            self.w(f"<caption>{_e(caption)}</caption>")

    def marks(self, cell: CellMarks) -> str:
        """A member's own words, marked as the app marks them (see report/marks.py)."""
        return marks_html(cell, self.qt)

    def cell_text(self, cell: Cell, unique: bool) -> str:
        badge = ""
        if unique:
            badge = '<span class="badge only">+ only here</span> '
        elif cell.is_reference:
            badge = '<span class="badge ref">◆ reference</span> '
        return badge + self.marks(cell.marks)

    def absent(self) -> str:
        return '<span class="absent">— not in this version</span>'

    # -- sections -----------------------------------------------------------------------------

    def head(self) -> None:
        css = _css("report-qt.css" if self.qt else "report.css")
        self.w("<!DOCTYPE html>\n", '<html lang="en">\n<head>\n<meta charset="utf-8">\n')
        if not self.qt:
            self.w('<meta name="viewport" content="width=device-width, initial-scale=1">\n',
                   '<meta name="color-scheme" content="light dark">\n')
        self.w(f'<meta name="generator" content="Parallax {_e(self.r.version)}">\n',
               f"<title>{_e(self.r.title)} — Parallax report</title>\n",
               f"<style>\n{css}</style>\n</head>\n<body>\n")

    def header(self) -> None:
        r = self.r
        self.w("<header>\n" if not self.qt else "",
               f"<h1>{_e(r.title)}</h1>\n",
               f'<p class="meta">Generated {_e(r.generated_at)} by Parallax {_e(r.version)}. '
               "Parallax groups the versions of a news story from different outlets and shows "
               "what each one added, left out or worded differently.</p>\n")
        if r.settings:
            self.table_open("settings", "Settings used for this analysis", full=False)
            self.w("<tbody>")
            for label, value in settings_rows(r.settings):
                self.w(f'<tr><th scope="row">{_e(label)}</th><td>{_e(value)}</td></tr>')
            self.w("</tbody></table>\n")
        self.w("</header>\n" if not self.qt else "")

    def index(self) -> None:
        self.w('<nav aria-label="Stories">\n' if not self.qt else "", "<h2>Stories</h2>\n")
        self.table_open("index")
        self.w('<thead><tr><th scope="col">Story</th><th scope="col">Versions</th>'
               '<th scope="col">Passages</th><th scope="col">Shared by 2+</th></tr></thead>'
               "<tbody>\n")
        for s in self.r.stories:
            shared = sum(1 for p in s.passages if p.shared)
            self.w(f'<tr><td><a href="#{s.anchor}">{_e(s.story.title or "Untitled story")}</a></td>'
                   f'<td class="num">{len(s.versions)}</td><td class="num">{len(s.passages)}</td>'
                   f'<td class="num">{shared}</td></tr>\n')
        self.w("</tbody></table>\n", "</nav>\n" if not self.qt else "")

    def versions(self, s: StoryReport) -> None:
        self.w("<h3>Versions</h3>\n")
        self.table_open("versions")
        self.w('<thead><tr><th scope="col">Outlet</th><th scope="col">Title</th>'
               '<th scope="col" class="nw">Date</th><th scope="col" class="nw">Words</th>'
               '<th scope="col" class="nw">Unique</th><th scope="col">Source</th></tr></thead><tbody>\n')
        for v in s.versions:
            a = v.article
            # The URL is shown as text, never as a link: the report makes no request.
            # Qt's layout (PDF) cannot wrap a long path and squeezes the titles instead, so
            # there a file shows by its name; browsers wrap the whole path themselves.
            where = _e(a.url or (os.path.basename(a.source) if self.qt else a.source))
            if self.qt:  # Qt wraps only at spaces: offer breaks after _ - . / as well
                where = re.sub(r"([_\-./])(?=.)", "\\1\u200b", where)
            twin = (f'<br><span class="note">identical to {_e(v.identical_to)}</span>'
                    if v.identical_to else "")
            self.w(f'<tr><th scope="row">{_e(v.label)}{twin}</th><td>{_e(a.title)}</td>'
                   f"<td class=\"nw\">{_e(a.date or '—')}</td><td class=\"num\">{v.words}</td>"
                   f'<td class="num">{percent(v.share_unique)}</td>'
                   f'<td class="src">{where}</td></tr>\n')
        self.w("</tbody></table>\n",
               f'<p class="note">{_e(UNIQUE_SHARE_MEANS)}</p>\n')

    def overlap(self, s: StoryReport) -> None:
        self.w("<h3>Overlap between versions</h3>\n",
               f'<p class="note">{_e(OVERLAP_MEANS)}</p>\n')
        self.table_open("matrix", full=False)
        ids = [v.article.id for v in s.versions]
        self.w('<thead><tr><td class="corner"></td>', *(f'<th scope="col">{_e(v.label)}</th>'
                                         for v in s.versions), "</tr></thead><tbody>\n")
        for v in s.versions:
            self.w(f'<tr><th scope="row">{_e(v.label)}</th>')
            for b in ids:
                if b == v.article.id:
                    self.w('<td class="num self">—</td>')
                else:
                    self.w(f'<td class="num">{percent(s.overlap[(v.article.id, b)])}</td>')
            self.w("</tr>\n")
        self.w("</tbody></table>\n")

    def coverage(self, s: StoryReport) -> None:
        self.w("<h3>Coverage map</h3>\n",
               '<p class="note">One row per passage in reading order; ● marks the versions '
               "that have it, an empty cell the versions that do not.</p>\n")
        head = ['<thead><tr><th scope="col" class="n">#</th><th scope="col">Passage</th>',
                *(f'<th scope="col" class="v"{self.fit(v.label)}>{_e(v.label)}</th>'
                  for v in s.versions), "</tr></thead><tbody>\n"]
        self.table_open("coverage")
        self.w(*head)
        for i, p in enumerate(s.passages):
            self.next_chunk(i, QT_CHUNK_ROWS["coverage"], "coverage", head)
            self.w(f'<tr><td class="num">{p.number}</td><td class="ex">{_e(excerpt(p.excerpt, 64))}</td>')
            for v in s.versions:
                if v.article.id in p.cells:
                    self.w('<td class="has" title="has it">●</td>')
                else:
                    self.w('<td class="lacks" title="lacks it"></td>')
            self.w("</tr>\n")
        self.w("</tbody></table>\n")

    def fit(self, label: str) -> str:
        """Qt flavour: a marker column as wide as its label's longest word (Qt would break
        "Unnamed" into "Unna/med" in a fixed narrow column)."""
        if not self.qt:
            return ""
        longest = max((len(w) for w in label.split()), default=1)
        return f' width="{min(16, max(6, round(1.6 * longest + 3)))}%"'

    def next_chunk(self, i: int, rows: int, cls: str, head: Sequence[str]) -> None:
        """Qt flavour: start a new table (header repeated) every `rows` rows. The PDF keeps a
        small table on one page (reader.ui.pdf_layout), so a row is never cut across pages."""
        if self.qt and i and i % rows == 0:
            self.w("</tbody></table>\n")
            self.table_open(cls)
            self.w(*head)

    def quoted_list(self, s: StoryReport, views: Sequence[PassageView], own: str | None) -> None:
        self.w("<ul>\n")
        for p in views:
            cell = p.cells.get(own) if own else None
            if cell is None:  # an omission: quote the passage as the others give it
                cell = p.cells.get(p.passage.reference) or next(iter(p.cells.values()))
                whose = ", ".join(s.label(a) for a in p.cells)
                self.w(f"<li><span class=\"said\">{_e(cell.text)}</span> "
                       f"<span class=\"who\">(in {_e(whose)})</span></li>\n")
            else:
                self.w(f"<li><span class=\"said\">{_e(cell.text)}</span></li>\n")
        self.w("</ul>\n")

    def findings(self, s: StoryReport) -> None:
        self.w("<h3>What each version added and left out</h3>\n")
        for v in s.versions:
            aid = v.article.id
            added, omitted = s.added.get(aid, ()), s.omitted.get(aid, ())
            self.w(f"<h4>{_e(v.label)}</h4>\n")
            if not added and not omitted:
                self.w('<p class="note">Nothing only this version has, and nothing the others '
                       "share that it lacks.</p>\n")
            if added:
                self.w(f"<p><strong>Added</strong> ({len(added)}): only this version says</p>\n")
                self.quoted_list(s, added, aid)
            if omitted:
                self.w(f"<p><strong>Left out</strong> ({len(omitted)}): other versions say, "
                       "this one does not</p>\n")
                self.quoted_list(s, omitted, None)

    def quotes(self, s: StoryReport) -> None:
        if not s.quotes:
            return
        self.w("<h3>Quotes worded differently</h3>\n")
        for q in s.quotes:
            self.w(f"<h4>{_e(q.speaker or 'Unattributed')}</h4>\n<ul>\n")
            for aid, segs in q.wordings:
                self.w(f'<li><span class="who">{_e(s.label(aid))}:</span> '
                       f"“{self.marks(segments_marks(segs)).strip()}”</li>\n")
            self.w("</ul>\n")

    def numbers(self, s: StoryReport) -> None:
        if not s.numbers:
            return
        self.w("<h3>Numbers that disagree</h3>\n")
        self.table_open("numbers")
        self.w('<thead><tr><th scope="col">About</th><th scope="col">Version</th>'
               '<th scope="col">Figure</th><th scope="col">Sentence</th></tr></thead><tbody>\n')
        for d in s.numbers:
            for i, (aid, figure, sentence) in enumerate(d.values):
                about = (f'<th scope="rowgroup" rowspan="{len(d.values)}">{_e(d.about)}</th>'
                         if i == 0 else "")
                self.w(f"<tr>{about}<td>{_e(s.label(aid))}</td>"
                       f'<td class="num"><strong>{_e(figure)}</strong></td>'
                       f"<td>{_e(sentence)}</td></tr>\n")
        self.w("</tbody></table>\n")

    def positions(self, s: StoryReport) -> None:
        if not s.positions:
            return
        self.w("<h3>Positions: what one leads with and another buries</h3>\n<ul>\n")
        for c in s.positions:
            lead = ", ".join(f"{s.label(a)} (sentence {n} of {t})" for a, n, t in c.leads)
            bury = ", ".join(f"{s.label(a)} (sentence {n} of {t})" for a, n, t in c.buries)
            self.w(f"<li><span class=\"said\">{_e(c.passage.excerpt)}</span><br>"
                   f"Near the top in {_e(lead)}; far down in {_e(bury)}.</li>\n")
        self.w("</ul>\n")

    def legend(self) -> None:
        ins = (f'<span style="{_QT_INS}">underlined</span>' if self.qt
               else '<ins class="chg">underlined</ins>')
        gap = (f'<span class="gap" style="{_QT_GAP}">[‸ lacks: …]</span>' if self.qt
               else '<span class="gap">[‸ lacks: …]</span>')
        num = (f'<span class="num" style="{_QT_NUM}">12</span>' if self.qt
               else '<ins class="num">12</ins>')
        rew = '<span class="badge reworded">≈ reworded</span>'
        self.w('<div class="legend" role="note"><p><strong>How to read the differences.</strong> '
               "Each version is shown in its own words, compared with one reference "
               'version (<span class="badge ref">◆ reference</span>). '
               f"{ins}: words this version has where the reference has none or others. "
               f"{gap}: words of the reference this version does not have. "
               f"{num} [reference: 14]: a figure that differs from the reference. "
               f"{rew}: a version that says the same with mostly different words; only the "
               "names and figures it shares with the reference are marked. "
               '<span class="badge only">+ only here</span> marks a passage no other version '
               f"has; {self.absent()} marks a version that lacks the passage.</p></div>\n")

    def aligned(self, s: StoryReport) -> None:
        self.w("<h3>Aligned text</h3>\n")
        self.legend()
        if len(s.versions) <= SIDE_BY_SIDE_MAX:
            head = ['<thead><tr><th scope="col">#</th>',
                    *(f'<th scope="col">{_e(v.label)}</th>' for v in s.versions),
                    "</tr></thead><tbody>\n"]
            self.table_open("aligned")
            self.w(*head)
            for i, p in enumerate(s.passages):
                self.next_chunk(i, QT_CHUNK_ROWS["aligned"], "aligned", head)
                self.w(f'<tr><td class="num">{p.number}</td>')
                for v in s.versions:
                    cell = p.cells.get(v.article.id)
                    if cell is None:
                        self.w(f'<td class="missing">{self.absent()}</td>')
                    else:
                        self.w(f"<td>{self.cell_text(cell, not p.shared)}</td>")
                self.w("</tr>\n")
            self.w("</tbody></table>\n")
            return
        # Many versions: one block per passage, each version's wording on its own line.
        for p in s.passages:
            self.w('<div class="passage">\n',
                   f"<h4>Passage {p.number} · in {len(p.cells)} of {len(s.versions)} "
                   "versions</h4>\n")
            self.table_open("wording")
            self.w("<tbody>")
            label_width = ' width="18%"' if self.qt else ""
            for aid, cell in p.cells.items():
                self.w(f'<tr><th scope="row"{label_width}>{_e(s.label(aid))}</th>'
                       f"<td>{self.cell_text(cell, not p.shared)}</td></tr>\n")
            self.w("</tbody></table>\n")
            if p.missing and p.shared:  # a lone passage's badge already says "only here"
                names = ", ".join(s.label(a) for a in p.missing)
                self.w(f'<p class="missing-list">{self.absent()}: {_e(names)}</p>\n')
            self.w("</div>\n")

    def story(self, s: StoryReport, first: bool) -> None:
        cls = "story" if first else "story break"
        tag = "div" if self.qt else "article"
        style = "" if first or not self.qt else ' style="page-break-before: always"'
        self.w(f'<{tag} class="{cls}" id="{s.anchor}"{style}>\n',
               f'<a name="{s.anchor}"></a>' if self.qt else "",
               f"<h2>{_e(s.story.title or 'Untitled story')}</h2>\n",
               f'<p class="meta">{len(s.versions)} version'
               f"{'s' if len(s.versions) != 1 else ''} · {len(s.passages)} passages</p>\n")
        if s.story.reasons:
            self.w(f'<p class="note">Grouped on: {_e(", ".join(s.story.reasons))}</p>\n')
        self.versions(s)
        if len(s.versions) > 1:
            self.overlap(s)
            self.coverage(s)
            self.findings(s)
            self.quotes(s)
            self.numbers(s)
            self.positions(s)
            self.aligned(s)
        else:
            self.w(f'<p class="note">{_e(NOTHING_TO_COMPARE)}</p>\n',
                   "<h3>Text</h3>\n")
            for p in s.passages:
                for cell in p.cells.values():
                    self.w(f"<p>{_e(cell.text)}</p>\n")
        self.w(f"</{tag}>\n")

    def render(self) -> str:
        self.head()
        self.header()
        if len(self.r.stories) > 1:
            self.index()
        self.w("<main>\n" if not self.qt else "")
        for n, s in enumerate(self.r.stories):
            self.story(s, n == 0)
        if not self.r.stories:
            self.w('<p class="note">No stories to report.</p>\n')
        self.w("</main>\n" if not self.qt else "")
        if self.r.rejected:
            self.w("<footer>\n" if not self.qt else "", "<h2>Inputs that were not read</h2>\n<ul>\n",
                   *(f"<li>{_e(src)}: {_e(why)}</li>\n" for src, why in self.r.rejected),
                   "</ul>\n", "</footer>\n" if not self.qt else "")
        self.w("</body>\n</html>\n")
        return "".join(self.out)


def render_html(doc: Document, story_ids: Sequence[str] | None = None, *,
                generated_at: datetime | str | None = None, flavor: str = "web") -> str:
    """The HTML report of the document's stories (all, or `story_ids`).

    flavor="web" is the shareable file; flavor="qt" suits QTextDocument/QTextBrowser.
    """
    if flavor not in ("web", "qt"):
        raise ValueError(f"unknown HTML flavor: {flavor}")
    return _Writer(build_report(doc, story_ids, generated_at=generated_at), flavor).render()
