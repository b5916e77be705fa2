"""Findings panel: added/omitted per version, quote variants, numbers, positions, reasons."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTextBrowser, QToolTip

from reader.core.align.figures import NOTHING_TO_COMPARE
from reader.ui.models.rendering import StoryView
from reader.ui.theme import LIGHT, DiffPalette

MAX_SENTENCES = 6  # per list; the side-by-side view has the rest


def _outlet(view: StoryView, aid: str) -> str:
    return escape(view.label(aid) if aid in view.articles else "another version")


def _short_outlet(view: StoryView, aid: str, elide, pal: DiffPalette) -> str:
    # An anchor so the panel can show the full name as a tooltip (see FindingsPanel.event).
    name = view.label(aid) if aid in view.articles else "another version"
    short = elide(name) if elide else name
    return (f'<a href="version:{escape(aid)}" style="text-decoration:none; color:{pal.text}">'
            f"{escape(short)}</a>")


def findings_html(view: StoryView, pal: DiffPalette, elide=None) -> str:
    """The panel's HTML for a story (rendering of core findings only); elide(name) shortens
    outlet names in the per-version table so they never wrap mid-word."""
    story = view.story
    by_id = {p.id: p for p in story.passages}
    out = [f'<div style="color:{pal.text}">']
    out.append(f"<p><b>{escape(story.title)}</b></p>")
    n = len(view.version_ids)
    out.append(f"<p>{n} version{'s' if n != 1 else ''} · {len(story.passages)} passages</p>")
    if view.single:
        out.append(f"<h4>{escape(NOTHING_TO_COMPARE)}</h4>"
                   f'<p style="color:{pal.muted}">When another outlet\'s version of this story '
                   "is imported, it joins this story and the differences show here.</p></div>")
        return "".join(out)
    for aid, twin in view.identical.items():
        out.append(f"<p><b>{_outlet(view, aid)}</b> is identical to "
                   f"<b>{_outlet(view, twin)}</b>, word for word.</p>")

    out.append("<h4>Why these were grouped</h4>")
    if story.reasons:
        out.append("<p>" + ", ".join(escape(r) for r in story.reasons) + "</p>")
    else:
        out.append(f'<p style="color:{pal.muted}">No grouping reasons recorded.</p>')

    out.append("<h4>Per version</h4>")
    out.append('<table cellspacing="0" cellpadding="3"><tr><th align="left">Version</th>'
               '<th align="right">added</th><th align="right">omitted</th></tr>')
    for aid in view.display_ids:
        f = story.findings.get(aid)
        added = len(f.added) if f else 0
        omitted = len(f.omitted) if f else 0
        out.append(f"<tr><td>{_short_outlet(view, aid, elide, pal)}</td>"
                   f"<td align='right'>{added}</td>"
                   f"<td align='right'>{omitted}</td></tr>")
    out.append("</table>")
    for aid in view.display_ids:
        f = story.findings.get(aid)
        if f is None or (not f.added and not f.omitted):
            continue
        out.append(f"<p><b>{_outlet(view, aid)}</b></p>")
        if f.added and len(view.version_ids) > 1:
            out.append(f'<p style="color:{pal.muted}">Only here:</p><ul>')
            for pid in f.added[:MAX_SENTENCES]:
                text = view.passage_text(by_id[pid], aid) if pid in by_id else None
                out.append(f'<li><span style="background:{pal.unique_bg}">'
                           f"{escape(text or '')}</span></li>")
            if len(f.added) > MAX_SENTENCES:
                out.append(f"<li>… and {len(f.added) - MAX_SENTENCES} more</li>")
            out.append("</ul>")
        if f.omitted:
            out.append(f'<p style="color:{pal.muted}">Left out (others have it):</p><ul>')
            for pid in f.omitted[:MAX_SENTENCES]:
                p = by_id.get(pid)
                if p is None:
                    continue
                # The reference's wording (what the other columns are read against).
                holder = p.reference if p.reference in p.members else next(
                    iter(sorted(p.members, key=story.article_ids.index)))
                out.append(f'<li><span style="color:{pal.muted}; font-style:italic">'
                           f"{escape(view.passage_text(p, holder) or '')}</span></li>")
            if len(f.omitted) > MAX_SENTENCES:
                out.append(f"<li>… and {len(f.omitted) - MAX_SENTENCES} more</li>")
            out.append("</ul>")

    out.append("<h4>Quotes worded differently</h4>")
    if story.quote_variants:
        for qv in story.quote_variants:
            who = escape(qv.speaker or "unattributed")
            out.append(f"<p><b>{who}</b></p><ul>")
            for occ in qv.occurrences:
                out.append(f"<li>{_outlet(view, occ.article_id)}: “{escape(occ.quote)}”</li>")
            out.append("</ul>")
    else:
        out.append(f'<p style="color:{pal.muted}">None found.</p>')

    out.append("<h4>Numbers that disagree</h4>")
    if story.number_disagreements:
        for nd in story.number_disagreements:
            out.append(f"<p><b>{escape(nd.about)}</b></p><ul>")
            for v in nd.values:
                out.append(f"<li>{_outlet(view, v.article_id)}: {escape(v.text)}</li>")
            out.append("</ul>")
    else:
        out.append(f'<p style="color:{pal.muted}">None found.</p>')

    out.append("<h4>Leads with / buries</h4>")
    out.extend(_positions_html(view, pal))
    out.append("</div>")
    return "".join(out)


def _positions_html(view: StoryView, pal: DiffPalette) -> list[str]:
    """Shared passages whose place differs most between versions (from core positions)."""
    where: dict[str, dict[str, float]] = {}
    for aid in view.version_ids:
        f = view.story.findings.get(aid)
        for pos in f.positions if f else ():
            where.setdefault(pos.passage_id, {})[aid] = pos.relative
    spread = [(max(v.values()) - min(v.values()), pid, v) for pid, v in where.items() if len(v) > 1]
    spread.sort(key=lambda t: -t[0])
    rows = [t for t in spread[:3] if t[0] >= 0.3]
    if not rows:
        return [f'<p style="color:{pal.muted}">Shared content sits in similar places.</p>']
    by_id = {p.id: p for p in view.story.passages}
    out = ["<ul>"]
    for _, pid, places in rows:
        lead = min(places, key=places.get)
        late = max(places, key=places.get)
        text = view.passage_text(by_id[pid], lead) if pid in by_id else pid
        short = (text or "")[:140] + ("…" if text and len(text) > 140 else "")
        out.append(f"<li>{_outlet(view, lead)} has it at {round(100 * places[lead])}%, "
                   f"{_outlet(view, late)} at {round(100 * places[late])}%: "
                   f"<i>{escape(short)}</i></li>")
    out.append("</ul>")
    return out


class FindingsPanel(QTextBrowser):
    """Read-only HTML rendering of a story's findings (lives in a dock)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)  # the only links are outlet names, there for their tooltips
        self._palette = LIGHT
        self._view: StoryView | None = None
        self._name_width = 0  # px the version-table names were elided to
        self._setting = False  # inside set_story (setHtml must never nest)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._re_elide)

    def _name_room(self) -> int:
        # The table's name column gets what the two count columns leave of the viewport.
        counts = QFontMetrics(self.font()).horizontalAdvance("added omitted") + 40
        return max(60, self.viewport().width() - counts)

    def _elide(self, name: str) -> str:
        # Word by word: a name with spaces still wraps between words; only a word wider
        # than the column (a file stem, a URL) is shortened, in the middle.
        metrics = QFontMetrics(self.font())
        return " ".join(metrics.elidedText(word, Qt.TextElideMode.ElideMiddle, self._name_width)
                        for word in name.split())

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._view is not None:
            anchor = self.anchorAt(self.viewport().mapFromGlobal(event.globalPos()))
            if anchor.startswith("version:"):
                art = self._view.articles.get(anchor.removeprefix("version:"))
                if art is not None:
                    QToolTip.showText(event.globalPos(),
                                      f"{self._view.label(art.id)}\n{art.title}", self)
                    return True
            QToolTip.hideText()
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._view is not None and self._name_room() != self._name_width:
            # Re-elide the names for the new width, after this event: setHtml() can resize
            # the viewport (a scroll bar appears), and a setHtml() nested inside another
            # one leaves both documents' text in the panel.
            self._relayout.start()

    def _re_elide(self) -> None:
        if self._view is None or self._setting:
            return
        scroll = self.verticalScrollBar().value()
        self.set_story(self._view)
        self.verticalScrollBar().setValue(scroll)

    def set_palette(self, palette: DiffPalette) -> None:
        """Theme change."""
        self._palette = palette
        self.set_story(self._view)

    def set_story(self, view: StoryView | None) -> None:
        """Show a story's findings (None clears)."""
        self._view = view
        self._setting = True
        try:
            if view is None:
                self.setHtml(f'<p style="color:{self._palette.muted}">Select a story.</p>')
            else:
                self._name_width = self._name_room()
                self.setHtml(findings_html(view, self._palette, self._elide))
        finally:
            self._setting = False
