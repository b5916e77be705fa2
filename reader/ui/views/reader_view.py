"""Reader view: one version as flowing text, sentences marked by how widely they are shared."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSplitter,
                               QTextBrowser, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from reader.core.text.display import one_line
from reader.ui.models.rendering import StoryView
from reader.ui.theme import LIGHT, DiffPalette


# Past this many characters an article is shown as plain paragraphs, not in a margin table.
PLAIN_LAYOUT_CHARS = 100_000


BLOCK_CHARS = 5_000


def _pieces(text: str) -> list[str]:
    """A very long sentence cut at spaces into runs of about BLOCK_CHARS characters."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + BLOCK_CHARS)
        if end < len(text):
            space = text.rfind(" ", start + BLOCK_CHARS // 2, end)
            end = space + 1 if space > 0 else end
        out.append(text[start:end])
        start = end
    return out


def _style(kind: str, pal: DiffPalette) -> str:
    # Background colour plus a distinct underline style, so the marking survives without colour.
    if kind == "unique":
        return f"background-color:{pal.unique_bg}; text-decoration: underline; "
    if kind == "some":
        return f"background-color:{pal.some_bg};"
    return ""


class ReaderView(QWidget):
    """A version picker, the text with margin markers, and a pane for a marker's content."""

    gapShown = Signal(str)  # passage ids shown in the detail pane, comma-separated

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self._view: StoryView | None = None
        self._palette = LIGHT
        self._gaps: dict[str, list] = {}
        top = QHBoxLayout()
        top.addWidget(QLabel("Version:"))
        self.version_box = QComboBox()
        self.version_box.currentIndexChanged.connect(self._render)
        self.version_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.version_box.setMinimumContentsLength(16)
        top.addWidget(self.version_box, 1)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)  # never let the legend widen the whole window
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._on_anchor)
        self.detail = QTextBrowser()
        self.detail.setPlaceholderText("Click a ◀ marker in the margin to see what other "
                                       "versions have there.")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.text)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(split, 1)

    def set_palette(self, palette: DiffPalette) -> None:
        """Theme change."""
        self._palette = palette
        self._render()

    def set_story(self, view: StoryView | None) -> None:
        """Show a story; keeps the chosen version if it is still there."""
        previous = self.current_article()
        self._view = view
        self.version_box.blockSignals(True)
        self.version_box.clear()
        if view:
            for aid in view.display_ids:
                art = view.articles[aid]
                # Outlet and date tell versions apart; an internal id never shows.
                self.version_box.addItem(" — ".join(x for x in (view.label(aid), art.date) if x),
                                         aid)
            pos = self.version_box.findData(previous) if previous else -1
            self.version_box.setCurrentIndex(max(0, pos))
        self.version_box.blockSignals(False)
        self._render()

    def current_article(self) -> str | None:
        """Article id of the version shown."""
        return self.version_box.currentData()

    def show_version(self, article_id: str) -> None:
        """Switch to a version."""
        pos = self.version_box.findData(article_id)
        if pos >= 0:
            self.version_box.setCurrentIndex(pos)

    def _render(self, *args) -> None:
        pal = self._palette
        self.legend.setText(
            f'<span style="background:{pal.unique_bg}; text-decoration: underline">'
            f'&nbsp;only this version&nbsp;</span>&nbsp; '
            f'<span style="background:{pal.some_bg}">&nbsp;shared by some&nbsp;</span>&nbsp; '
            f'<span>shared by all</span>&nbsp; '
            f'<span style="color:{pal.marker}"><b>◀</b> others have more here</span>')
        self.detail.clear()
        aid = self.current_article()
        if self._view is None or aid is None:
            self.text.setHtml("")
            return
        self.text.setHtml(self._html(self._view, aid))

    def _html(self, view: StoryView, aid: str) -> str:
        pal = self._palette
        art = view.articles[aid]
        owner: dict[int, tuple[str, str]] = {}  # sentence index -> (passage id, kind)
        gaps_before: dict[int, list] = {}       # sentence index -> passages it lacks there
        pending: list = []
        for p in view.story.passages:
            idx = p.members.get(aid)
            if idx is None:
                pending.append(p)
                continue
            if pending and idx:
                gaps_before.setdefault(min(idx), []).extend(pending)
                pending = []
            for i in idx:
                owner[i] = (p.id, view.share_kind(p))
        paragraphs: list[list[int]] = []
        paras = art.paragraphs if len(art.paragraphs) == len(art.sentences) else ()
        last = None
        for i in range(len(art.sentences)):
            para = paras[i] if paras else i
            if para != last or not paragraphs:
                paragraphs.append([])
                last = para
            paragraphs[-1].append(i)
        if pending:
            end = len(art.sentences)
            gaps_before.setdefault(end, []).extend(pending)
            paragraphs.append([])  # a final empty paragraph carries the trailing marker
        self._gaps = {}
        rows = []
        # Qt lays a table out all at once: a 2 MB article in the margin table froze the window
        # for seconds, as plain paragraphs (markers inline) it takes ~0.1 s.
        plain = sum(map(len, art.sentences)) > PLAIN_LAYOUT_CHARS
        for sentences in paragraphs:
            marker_keys = [i for i in sentences if i in gaps_before]
            if not sentences and len(art.sentences) in gaps_before:
                marker_keys = [len(art.sentences)]
            margin = []
            for key in marker_keys:
                name = f"gap{key}"
                self._gaps[name] = gaps_before[key]
                n = len(gaps_before[key])
                margin.append(f'<a href="gap:{name}" style="color:{pal.marker}; '
                              f'text-decoration:none"><b>◀{n}</b></a>')
            body = []
            for i in sentences:
                style = _style(owner.get(i, ("", "unique"))[1], pal)
                text = art.sentences[i]
                if plain and len(text) > BLOCK_CHARS:
                    # One text block per ~BLOCK_CHARS: Qt lays out a huge block in one go.
                    body.append("</p><p>".join(f'<span style="{style}">{escape(piece)}</span>'
                                               for piece in _pieces(text)))
                else:
                    body.append(f'<span style="{style}">{escape(text)}</span>')
            if plain:
                rows.append(f'<p style="margin-bottom:8px">{" ".join(margin + body)}</p>')
            else:
                rows.append(f'<tr><td width="46" valign="top" align="right">'
                            f'{"<br>".join(margin)}</td><td valign="top" '
                            f'style="padding-bottom:8px">{" ".join(body)}</td></tr>')
        title = escape(one_line(art.title))
        meta = escape(" · ".join(x for x in (self._view.label(art.id), art.date or "",
                                             f"{art.word_count} words")
                                 if x))
        body_html = "".join(rows) if plain else (
            f'<table cellspacing="0" cellpadding="3" width="100%">{"".join(rows)}</table>')
        return (f'<div style="color:{pal.text}"><h2>{title}</h2>'
                f'<p style="color:{pal.muted}">{meta}</p>{body_html}</div>')

    def marker_names(self) -> list[str]:
        """Names of the margin markers in the current text (for tests and navigation)."""
        return list(self._gaps)

    def show_gap(self, name: str) -> None:
        """Show the content other versions have at a margin marker, and who has it."""
        view = self._view
        if view is None or name not in self._gaps:
            return
        parts = []
        for p in self._gaps[name]:
            holders = sorted(p.members, key=view.story.article_ids.index)
            first = holders[0]
            outlets = ", ".join(escape(view.label(a)) for a in holders)
            parts.append(f'<p><b>{outlets}</b>: {escape(view.passage_text(p, first) or "")}</p>')
        self.detail.setHtml("".join(parts))
        self.gapShown.emit(",".join(p.id for p in self._gaps[name]))

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("gap:"):
            self.show_gap(text[4:])
