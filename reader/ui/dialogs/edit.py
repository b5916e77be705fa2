"""Rename a story, edit a version: one readable dialog each (wide fields, labelled)."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

MIN_WIDTH = 520  # px: a headline fits without scrolling inside the field


def _dialog(parent, title: str, intro: str, rows: list[tuple[str, QLineEdit]]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumWidth(MIN_WIDTH)
    layout = QVBoxLayout(dialog)
    if intro:
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
    form = QFormLayout()
    for text, field in rows:
        form.addRow(text, field)
    layout.addLayout(form)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog


class RenameStoryDialog:
    """The story's title (empty: back to the automatic title)."""

    def __init__(self, title: str, parent=None) -> None:
        self.title = QLineEdit(title)
        self.title.selectAll()
        self.dialog = _dialog(parent, "Rename story",
                              "The story's title in the list and in reports. Leave it empty to "
                              "go back to the title Parallax chose.", [("&Title", self.title)])


class EditVersionDialog:
    """A version's title and outlet in one dialog."""

    def __init__(self, title: str, outlet: str, parent=None) -> None:
        self.title = QLineEdit(title)
        self.outlet = QLineEdit(outlet)
        self.dialog = _dialog(parent, "Edit version",
                              "The outlet's new name applies to every article from it, also "
                              "to ones imported later.",
                              [("&Title", self.title), ("&Outlet", self.outlet)])
