"""File → Export: ask for format/scope/path, write the report in the background."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reader.core.model import Document
from reader.ui.dialogs.export import ExportDialog
from reader.ui.gateway import LibraryGateway, export_task
from reader.ui.tasks import TaskRunner

CHANNEL = "export"
FOLDER_KEY = "export/folder"  # the last folder a report was written to
OPEN_REPORT, SHOW_FOLDER = "Open report", "Show in folder"


class ExportController(QObject):
    """Runs exports on the task runner; reports progress and the outcome in the status bar."""

    def __init__(self, window: QMainWindow, runner: TaskRunner, gateway: LibraryGateway,
                 *, quiet: bool = False) -> None:
        super().__init__(window)
        self._window, self._runner, self._gateway, self.quiet = window, runner, gateway, quiet
        runner.progress.connect(self._on_progress)
        runner.finished.connect(self._on_finished)
        runner.failed.connect(self._on_failed)

    def ask(self) -> None:
        """Show the export dialog; start the export when accepted."""
        view = self._window.comparison.story_view
        dialog = ExportDialog(view is not None, self.last_folder(), self._window)
        dialog.accepted.connect(lambda: self.export(*dialog.choice()))
        dialog.open()

    def last_folder(self) -> str:
        """Where the last report went (the home folder at first, or if it is gone)."""
        folder = self._window.settings.qsettings.value(FOLDER_KEY)
        if isinstance(folder, str) and os.path.isdir(folder):
            return folder
        return os.path.expanduser("~")

    def export(self, fmt: str, this_story: bool, path: str) -> None:
        """Write a report: the shown story, or every story in the library."""
        view = self._window.comparison.story_view
        settings = self._window.settings.analysis
        if this_story and view is not None:
            doc = Document(tuple(view.articles[a] for a in view.version_ids), (view.story,), (),
                           settings)
            task = export_task(None, fmt, path, settings, doc)
        else:
            task = export_task(self._gateway.path, fmt, path, settings, None)
        self._window.statusBar().showMessage(f"Exporting to {path}…")
        folder = os.path.dirname(os.path.abspath(path))
        self._window.settings.qsettings.setValue(FOLDER_KEY, folder)
        self._runner.submit(CHANNEL, task)

    def _on_progress(self, channel: str, done: int, total: int, label: str) -> None:
        if channel == CHANNEL:
            self._window.statusBar().showMessage(f"Exporting: story {done} of {total}…")

    def _on_finished(self, channel: str, path) -> None:
        if channel == CHANNEL:
            self._window.statusBar().showMessage(f"Exported {path}", 10000)
            if not self.quiet and path:
                self.done_box(path).open()

    def done_box(self, path: str) -> QMessageBox:
        """"Report written": Open report / Show in folder / Close."""
        box = QMessageBox(QMessageBox.Icon.Information, "Report written",
                          f"The report was written to\n{path}", parent=self._window)
        open_report = box.addButton(OPEN_REPORT, QMessageBox.ButtonRole.AcceptRole)
        show = box.addButton(SHOW_FOLDER, QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        open_report.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.abspath(path))))
        show.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(os.path.dirname(os.path.abspath(path)))))
        return box

    def _on_failed(self, channel: str, message: str) -> None:
        if channel != CHANNEL:
            return
        self._window.statusBar().showMessage(f"Export failed: {message}", 10000)
        if not self.quiet:
            QMessageBox.warning(self._window, "Export failed", message)
