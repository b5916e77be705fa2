"""Status-bar progress for one task-runner channel: label, bar and Cancel, shown while it runs."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from reader.ui.tasks import TaskRunner


class ChannelStatus:
    """The status-bar widgets of one channel, and the runner's signals filtered to it.

    on_progress(done, total, label) returns the label text to show; on_done(result) runs
    after the channel finished or stopped, on_failed(message) after it failed (widgets hidden
    first in both cases).
    """

    def __init__(self, runner: TaskRunner, status: QStatusBar, channel: str, *,
                 cancel_name: str, bar_width: int, cancel: Callable[[], None],
                 on_progress: Callable[[int, int, str], str],
                 on_done: Callable[[object], None],
                 on_failed: Callable[[str], None]) -> None:
        self._runner, self.channel = runner, channel
        self._on_progress, self._on_done, self._on_failed = on_progress, on_done, on_failed
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(bar_width)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName(cancel_name)
        self.cancel_button.clicked.connect(cancel)
        for w in self.widgets:
            status.addPermanentWidget(w)
            w.hide()
        runner.progress.connect(self._progress)
        runner.finished.connect(self._finished)
        runner.stopped.connect(self._finished)
        runner.failed.connect(self._failed)

    @property
    def widgets(self) -> tuple:
        return (self.label, self.bar, self.cancel_button)

    def is_busy(self) -> bool:
        """Whether a task of this channel is running."""
        return self._runner.is_busy(self.channel)

    def start(self, task, text: str) -> None:
        """Show the widgets (busy until the first progress report gives a total), submit."""
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        for w in self.widgets:
            w.show()
        self._runner.submit(self.channel, task)

    def cancel(self) -> None:
        """Ask the running task to stop; the widgets say so until it has."""
        if self.is_busy():
            self._runner.cancel(self.channel)
            self.label.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def hide(self) -> None:
        for w in self.widgets:
            w.hide()

    def _progress(self, channel: str, done: int, total: int, label: str) -> None:
        if channel != self.channel:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(self._on_progress(done, total, label))

    def _finished(self, channel: str, result) -> None:
        if channel == self.channel:
            self.hide()
            self._on_done(result)

    def _failed(self, channel: str, message: str) -> None:
        if channel == self.channel:
            self.hide()
            self._on_failed(message)
