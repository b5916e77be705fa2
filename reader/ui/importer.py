"""Import flow: start an import task, show progress and Cancel in the status bar, summarise."""

from __future__ import annotations

import os
from typing import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QPushButton, QStatusBar, QWidget

from reader.ui.dialogs.info import import_summary_text
from reader.ui.gateway import import_task, import_text_task
from reader.ui.tasks import TaskRunner

CHANNEL = "import"


class ImportController(QObject):
    """Owns the import channel of the task runner and its status-bar widgets."""

    progressed = Signal(int, int)      # files done, total
    finished = Signal(object)          # ImportSummary (also after a cancel), or None on error

    def __init__(self, runner: TaskRunner, status: QStatusBar, library_path,
                 strictness, parent_widget: QWidget, *, quiet: bool = False) -> None:
        super().__init__(parent_widget)
        self._runner, self._status, self._library_path = runner, status, library_path
        self._strictness = strictness  # callable: the current grouping strictness
        self._parent = parent_widget
        self.quiet = quiet  # no modal dialogs (screenshots, tests)
        self.last_summary = None
        self.summary_box: QMessageBox | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.label, self.bar, self.cancel_button):
            status.addPermanentWidget(w)
            w.hide()
        runner.progress.connect(self._on_progress)
        runner.finished.connect(self._on_finished)
        runner.stopped.connect(self._on_stopped)
        runner.failed.connect(self._on_failed)

    def is_busy(self) -> bool:
        """Whether an import is running."""
        return self._runner.is_busy(CHANNEL)

    def import_paths(self, paths: Sequence[str]) -> bool:
        """Start importing files/folders; False if one is already running."""
        if not paths or self.is_busy():
            return False
        self._start(import_task(self._library_path, list(paths), self._strictness()),
                    f"Importing {len(paths)} item{'s' if len(paths) != 1 else ''}…")
        return True

    def import_text(self, text: str, source: str = "clipboard") -> bool:
        """Start importing pasted text."""
        if not text.strip() or self.is_busy():
            return False
        self._start(import_text_task(self._library_path, text, source, self._strictness()),
                    "Importing pasted text…")
        return True

    def cancel(self) -> None:
        """Stop the running import after the current file (whole files only are kept)."""
        if self.is_busy():
            self._runner.cancel(CHANNEL)
            self.label.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def _start(self, task, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress report gives a total
        self.cancel_button.setEnabled(True)
        for w in (self.label, self.bar, self.cancel_button):
            w.show()
        self._runner.submit(CHANNEL, task)

    def _on_progress(self, channel: str, done: int, total: int, label: str) -> None:
        if channel != CHANNEL:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(f"Importing {os.path.basename(label)}")
        self.progressed.emit(done, total)

    def _hide(self) -> None:
        for w in (self.label, self.bar, self.cancel_button):
            w.hide()

    def _on_finished(self, channel: str, summary) -> None:
        if channel == CHANNEL:
            self._done(summary)

    def _on_stopped(self, channel: str, summary) -> None:
        if channel == CHANNEL:
            self._done(summary)

    def _on_failed(self, channel: str, message: str) -> None:
        if channel != CHANNEL:
            return
        self._hide()
        self._status.showMessage(f"Import failed: {message}", 10000)
        if not self.quiet:
            QMessageBox.warning(self._parent, "Import failed", message)
        self.finished.emit(None)

    def _done(self, summary) -> None:
        self._hide()
        self.last_summary = summary
        if summary is None:
            self._status.showMessage("Import cancelled", 10000)
        else:
            added = len(summary.added)
            cancelled = " (cancelled)" if summary.cancelled else ""
            rejected = f", {len(summary.rejected)} rejected" if summary.rejected else ""
            self._status.showMessage(f"Imported {added} article{'s' if added != 1 else ''}"
                                     f"{rejected}{cancelled}", 10000)
            if not self.quiet:
                # Always, not only when something was rejected: what came in, and where.
                self.summary_box = QMessageBox(QMessageBox.Icon.Information, "Import summary",
                                               import_summary_text(summary),
                                               parent=self._parent)
                self.summary_box.open()  # not exec(): never block the event loop
        self.finished.emit(summary)
