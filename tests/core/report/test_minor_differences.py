"""Reports do not mark differences the settings say to ignore (quote style)."""

from __future__ import annotations

from reader.core.align import align_story
from reader.core.model import Article, Document, StoryGroup
from reader.core.report.html import render_html
from reader.core.settings import AnalysisSettings


def _doc(settings: AnalysisSettings) -> Document:
    a = Article("a1", "x.txt", 0, "T", "Outlet A", None, None,
                ("Putin said the troops would be “legitimate targets” for Moscow.",), (0,))
    b = Article("a2", "y.txt", 0, "T", "Outlet B", None, None,
                ('Putin said the troops would be "legitimate targets" for Moscow.',), (0,))
    story = align_story("s1", StoryGroup(("a1", "a2"), "T"), [a, b], settings)
    return Document((a, b), (story,), (), settings)


def test_quote_style_is_not_marked_when_normalised():
    html = render_html(_doc(AnalysisSettings(normalize_quotes=True)))
    body = html.split("<table class=\"aligned\">", 1)[-1]
    assert "<del>" not in body and "<ins" not in body


def test_quote_style_is_marked_when_strict():
    html = render_html(_doc(AnalysisSettings(normalize_quotes=False)))
    body = html.split("<table class=\"aligned\">", 1)[-1]
    assert "<ins" in body and "<del>" not in body  # marked in the version's own text
