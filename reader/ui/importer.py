"""Import flow: start an import task, show progress and Cancel in the status bar, summarise."""

from __future__ import annotations

import os
from typing import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from reader.ui.dialogs.info import import_summary_text
from reader.ui.gateway import import_task, import_text_task
from reader.ui.taskstatus import ChannelStatus
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
        self._task = ChannelStatus(
            runner, status, CHANNEL, cancel_name="cancelImport", bar_width=220,
            cancel=self.cancel, on_progress=self._progress_text, on_done=self._done,
            on_failed=self._failed)
        self.label, self.bar, self.cancel_button = self._task.widgets

    def is_busy(self) -> bool:
        """Whether an import is running."""
        return self._task.is_busy()

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
        self._task.cancel()

    def _start(self, task, text: str) -> None:
        self._task.start(task, text)

    def _progress_text(self, done: int, total: int, label: str) -> str:
        self.progressed.emit(done, total)
        return f"Importing {os.path.basename(label)}"

    def _failed(self, message: str) -> None:
        self._status.showMessage(f"Import failed: {message}", 10000)
        if not self.quiet:
            QMessageBox.warning(self._parent, "Import failed", message)
        self.finished.emit(None)

    def _done(self, summary) -> None:
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
