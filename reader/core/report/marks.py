"""Marked text of a version in the HTML report, as the app marks it (reader.core.align.cells):
changes in place, what a version lacks as a separate bracketed note, never glued on."""

from __future__ import annotations

import re
from html import escape

from reader.core.align.cells import GAP, SAME, SHARED, CellMarks

# The app's colours (reader.ui.theme LIGHT): blue for this version's words, orange for what
# it lacks and for disagreeing figures.
_QT_INS = "background-color:#cfe3ff; color:#1b1b1b; text-decoration:underline"
_QT_NUM = "background-color:#ffd9b3; color:#1b1b1b; font-weight:bold; text-decoration:underline"
_QT_GAP = "color:#8a4500; font-size:8pt"
_QT_SHARED = "background-color:#dbe9fb"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def marks_html(cell: CellMarks, qt: bool) -> str:
    """A member's own words, marked as the app marks them (see reader.core.align.cells):
    changes in place, what it lacks as a separate bracketed note, never glued on."""
    parts = []
    if cell.reworded:
        parts.append('<span class="badge reworded">≈ reworded</span> ')
    for m in cell.marks:
        text = _e(m.text)
        if m.kind == SAME:
            parts.append(text)
        elif m.kind == SHARED:
            parts.append(f'<span class="shared" style="{_QT_SHARED}">{text}</span>'
                         if qt else f'<mark class="shared">{text}</mark>')
        elif m.kind == GAP:
            parts.append(f' <span class="gap" style="{_QT_GAP}">[‸ lacks: {_e(m.missing)}]'
                         "</span> " if qt else
                         f' <span class="gap">[‸ lacks: {_e(m.missing)}]</span> ')
        else:
            cls = "num" if m.number else ("quote" if m.quote else "chg")
            title = f' title="reference: {_e(m.missing)}"' if m.missing else ""
            style = _QT_NUM if m.number else _QT_INS
            parts.append(f'<span class="{cls}" style="{style}">{text}</span>' if qt
                         else f'<ins class="{cls}"{title}>{text}</ins>')
            if m.number and m.missing:
                parts.append(f' <span class="gap" style="{_QT_GAP}">[reference: '
                             f"{_e(m.missing)}]</span>" if qt else
                             f' <span class="gap">[reference: {_e(m.missing)}]</span>')
    # HTML shows runs of spaces as one anyway; keep the source tidy around the notes.
    return re.sub(r" {2,}", " ", "".join(parts))
