"""Edit → Paste article: the pasted text's title and outlet, asked before it is imported."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)


def _guess_title(text: str) -> str:
    """The first non-empty line when it is headline-sized (else nothing)."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line.split()) <= 20 and not line.endswith(".") else ""
    return ""


def _front_matter_value(value: str) -> str:
    """A YAML-safe single-line scalar."""
    value = " ".join(value.split())
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class PasteDialog(QDialog):
    """Title and outlet of a pasted article (both optional: ingest falls back as for files)."""

    def __init__(self, text: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.setMinimumWidth(460)
        self._text = text
        self.title = QLineEdit(_guess_title(text))
        self.title.setPlaceholderText("the headline, if the text has none")
        self.outlet = QLineEdit()
        self.outlet.setPlaceholderText("e.g. Reuters, The Guardian")
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD (optional)")
        words = len(text.split())
        intro = QLabel(f"Importing {words} word{'s' if words != 1 else ''} from the clipboard. "
                       "Who published it?")
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Outlet", self.outlet)
        form.addRow("&Date", self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.outlet.setFocus()

    def article_text(self) -> str:
        """The pasted text, with the answers as Markdown front matter (read by ingest)."""
        fields = [(k, w.text().strip()) for k, w in
                  (("title", self.title), ("outlet", self.outlet), ("date", self.date))]
        fields = [(k, v) for k, v in fields if v]
        if not fields:
            return self._text
        head = "".join(f"{k}: {_front_matter_value(v)}\n" for k, v in fields)
        body = self._text
        title = self.title.text().strip()
        if title and body.lstrip().startswith(title):
            body = body.lstrip()[len(title):]  # the headline line is the title, not body
        return f"---\n{head}---\n{body.lstrip()}"
