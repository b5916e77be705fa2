"""Export dialog: format, scope (this story / all) and file name."""

from __future__ import annotations

import os

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QPushButton, QRadioButton, QVBoxLayout,
                               QWidget)

FORMATS = (("html", "HTML (one self-contained file)"), ("md", "Markdown"), ("pdf", "PDF"),
           ("json", "JSON (parallax/1)"), ("csv", "CSV"))


def file_filter(key: str, label: str) -> str:
    """A save dialog filter for one format ("PDF (*.pdf)"), then all files."""
    exts = {"html": "*.html *.htm", "md": "*.md *.markdown"}.get(key, f"*.{key}")
    return f"{label} ({exts});;All files (*)"


class ExportDialog(QDialog):
    """Collects format, scope and path; the main window runs the export as a task."""

    def __init__(self, has_story: bool, folder: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.format = QComboBox()
        for key, label in FORMATS:
            self.format.addItem(label, key)
        self.this_story = QRadioButton("This story")
        self.all_stories = QRadioButton("All stories")
        self.this_story.setEnabled(has_story)
        (self.this_story if has_story else self.all_stories).setChecked(True)
        scope = QWidget()
        row = QHBoxLayout(scope)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.this_story)
        row.addWidget(self.all_stories)
        self.path = QLineEdit(os.path.join(folder, "parallax-report.html"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        prow = QHBoxLayout(path_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.path, 1)
        prow.addWidget(browse)
        self.format.currentIndexChanged.connect(self._fix_extension)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Scope", scope)
        form.addRow("File", path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, bool, str]:
        """(format, only this story, path)."""
        return self.format.currentData(), self.this_story.isChecked(), self.path.text().strip()

    def _fix_extension(self) -> None:
        root, _ = os.path.splitext(self.path.text())
        self.path.setText(f"{root}.{self.format.currentData()}")

    def _browse(self) -> None:
        key = self.format.currentData()
        label = dict(FORMATS)[key].split(" (")[0]
        path, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(),
                                              file_filter(key, label))
        if path:
            self.path.setText(path)
