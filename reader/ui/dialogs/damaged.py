"""The dialog shown when the library is damaged at start-up: repair it (keeping it) or quit."""

from __future__ import annotations

from html import escape
from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def damaged_box(message: str, parent: QWidget | None = None) -> QMessageBox:
    """The question: what is wrong, that nothing is deleted, and a Repair button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Library damaged")
    box.setText("<b>The library file is damaged.</b>")
    box.setInformativeText(
        escape(message) + "<br><br>Repair builds a new library from every article that can "
        "still be read and regroups it. The damaged file is kept next to it, unchanged.")
    box.addButton("Repair", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    return box


def offer_repair(message: str, library_path, *, ask: Callable[[QMessageBox], bool] | None = None,
                 parent: QWidget | None = None) -> str | None:
    """Ask; on Repair run it and return a one-line outcome, None if the user quit.

    ask(box) -> True for Repair; by default the box runs modally (start-up has no window yet).
    Raises LibraryError when the repair itself fails.
    """
    from reader.core.library.repair import repair_library

    box = damaged_box(message, parent)
    if ask is None:
        box.exec()
        chosen = box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole
    else:
        chosen = ask(box)
    if not chosen:
        return None
    report = repair_library(library_path)
    lost = f", {report.lost} unreadable article(s) lost" if report.lost else ""
    return f"Library repaired: {report.articles} article(s) kept{lost}; " \
           f"the damaged file is kept as {report.kept_as}"
