"""Small informational dialogs: keyboard shortcuts, about, import summary."""

from __future__ import annotations

from html import escape
from typing import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from reader import __version__


def shortcuts_html(shortcuts: Sequence[tuple[str, str]]) -> str:
    """A table of (keys, what they do)."""
    rows = "".join(f"<tr><td><b>{escape(k)}</b></td><td>&nbsp;&nbsp;{escape(v)}</td></tr>"
                   for k, v in shortcuts)
    return f"<table cellpadding='3'>{rows}</table>"


def show_shortcuts(parent: QWidget, shortcuts: Sequence[tuple[str, str]]) -> None:
    """Help → Keyboard shortcuts."""
    box = QMessageBox(parent)
    box.setWindowTitle("Keyboard shortcuts")
    box.setText(shortcuts_html(shortcuts))
    box.open()


def about_text() -> str:
    """Help → About text."""
    return (f"<h3>Parallax {escape(__version__)}</h3>"
            "<p>Compare how different outlets tell the same news story: what each one added, "
            "left out, or worded differently.</p>"
            "<p>Runs offline. Licence: MIT.</p>")


def show_about(parent: QWidget) -> None:
    """Help → About."""
    QMessageBox.about(parent, "About Parallax", about_text())


def import_summary_text(summary) -> str:
    """One paragraph on what an import did, then the rejected files and why."""
    added = len(summary.added)
    head = f"{added} article{'s' if added != 1 else ''} added from {summary.files} file" \
           f"{'s' if summary.files != 1 else ''}"
    if summary.duplicates:
        head += f", {summary.duplicates} already in the library"
    stories = len(getattr(summary, "stories", ()) or ())
    if added and stories:
        head += f"; {stories} stor{'ies' if stories != 1 else 'y'} new or updated"
    if getattr(summary, "cancelled", False):
        head += " (import cancelled; everything listed was kept whole)"
    if not summary.rejected:
        return head + "."
    lines = "".join(f"<li><b>{escape(r.source)}</b>: {escape(r.reason)}</li>"
                    for r in summary.rejected[:50])
    more = f"<li>… and {len(summary.rejected) - 50} more</li>" if len(summary.rejected) > 50 else ""
    return f"{head}.<br>{len(summary.rejected)} not imported:<ul>{lines}{more}</ul>"
