"""Feeds in the app: refresh (progress, Cancel, timer), subscriptions, dropped files, filter."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QStatusBar,
    QWidget,
)

from reader.core.feeds import FEED_EXTENSIONS, FeedStore, export_opml, import_opml
from reader.ui.taskstatus import ChannelStatus
from reader.ui.tasks import TaskRunner

CHANNEL = "feeds"
ALL, NEW = "all", "new"


def refresh_task(library_path, feed_ids=None, strictness=None):
    """Task body: refresh feeds on this worker's own connection; returns the RefreshReport."""
    def run(progress, cancel):
        from reader.core.feeds import refresh_feeds
        from reader.core.library.library import Library

        with Library.open(library_path) as lib:
            return refresh_feeds(lib, feed_ids, progress=progress, cancel=cancel,
                                 strictness=strictness)
    return run


def feed_files_task(library_path, paths):
    """Task body: import dropped feed files offline; returns (outcomes, errors)."""
    def run(progress, cancel):
        from reader.core.feeds import FeedError, import_feed_file
        from reader.core.library.library import Library

        outcomes, errors = [], []
        with Library.open(library_path) as lib:
            for n, path in enumerate(paths, start=1):
                if cancel():
                    break
                try:
                    outcomes.append(import_feed_file(lib, path)[0])
                except (OSError, FeedError) as exc:
                    errors.append(f"{os.path.basename(path)}: {exc}")
                progress(n, len(paths), path)
        return outcomes, errors
    return run


def is_feed_file(path: str) -> bool:
    """Whether a dropped file is read as a feed (.rss, .atom, .xml, .json) not an article."""
    return os.path.isfile(path) and path.lower().endswith(FEED_EXTENSIONS)


def summary_text(report) -> str:
    """One status-bar line for a refresh."""
    failed = f", {len(report.failed)} failed" if report.failed else ""
    stopped = " (cancelled)" if report.cancelled else ""
    return (f"Refreshed {len(report.outcomes)} feed(s): {report.added} new, "
            f"{report.edited} edited{failed}{stopped}")


class FeedsController(QObject):
    """Owns the feeds channel of the task runner, its status-bar widgets and the timer."""

    finished = Signal(object)  # RefreshReport (also after a cancel), or None on error
    filterChanged = Signal()

    def __init__(self, runner: TaskRunner, status: QStatusBar, gateway, settings,
                 parent_widget: QWidget, *, quiet: bool = False) -> None:
        super().__init__(parent_widget)
        self._runner, self._status, self._gateway = runner, status, gateway
        self._settings, self._parent, self.quiet = settings, parent_widget, quiet
        self.last_report = None
        self._task = ChannelStatus(
            runner, status, CHANNEL, cancel_name="cancelRefresh", bar_width=180,
            cancel=self.cancel, on_progress=lambda done, total, label: f"{done}/{total} · "
            f"{label[:40]}", on_done=self._done, on_failed=self._failed)
        self.label, self.bar, self.cancel_button = self._task.widgets
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.apply_interval()
        self.filter = QComboBox()
        self.filter.setObjectName("storyFilter")
        self.filter.setToolTip("Show all stories, those new since your last visit, "
                               "or those from one feed or folder")
        self.filter.activated.connect(self._on_filter)
        self.fill_filter()

    @property
    def store(self) -> FeedStore:
        """Subscriptions on the UI thread's library (short writes only)."""
        return FeedStore(self._gateway.library)

    # -- refreshing --------------------------------------------------------------------------
    def is_busy(self) -> bool:
        """Whether a refresh or feed-file import is running."""
        return self._task.is_busy()

    def refresh(self, feed_ids=None) -> bool:
        """Fetch every feed (or some) in the background; False if one is already running."""
        if self.is_busy():
            return False
        self._start(refresh_task(self._gateway.path, feed_ids,
                                 self._settings.analysis.strictness), "Refreshing feeds…")
        return True

    def import_files(self, paths) -> bool:
        """Import dropped feed files offline."""
        if not paths or self.is_busy():
            return False
        self._start(feed_files_task(self._gateway.path, list(paths)), "Reading feed files…")
        return True

    def cancel(self) -> None:
        """Stop waiting for the remaining feeds (what arrived is kept)."""
        self._task.cancel()

    def apply_interval(self) -> None:
        """Start or stop the periodic refresh from the preference (0 = off, the default)."""
        minutes = self._settings.feed_refresh_minutes
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def _start(self, task, text: str) -> None:
        self._task.start(task, text)

    def _failed(self, message: str) -> None:
        self._status.showMessage(f"Feeds: {message}", 10000)
        self.finished.emit(None)

    def _done(self, result) -> None:
        if isinstance(result, tuple):  # feed files: (outcomes, errors)
            outcomes, errors = result
            added = sum(o.added for o in outcomes)
            self._status.showMessage(f"Read {len(outcomes)} feed file(s): {added} new article(s)"
                                     + (f"; {'; '.join(errors)}" if errors else ""), 10000)
        elif result is not None:
            self.last_report = result
            self._status.showMessage(summary_text(result), 10000)
        else:
            self._status.showMessage("Refresh cancelled", 10000)
        self.fill_filter()
        self.finished.emit(result)

    # -- subscriptions -----------------------------------------------------------------------
    def add_feed(self, url: str | None = None) -> bool:
        """Subscribe to a URL (asked for if not given) and fetch it."""
        if url is None:
            url, ok = QInputDialog.getText(self._parent, "Add feed", "Feed address (http/https):")
            if not ok:
                return False
        try:
            feed, _new = self.store.add(url)
        except ValueError as exc:
            self._warn("Cannot add feed", str(exc))
            return False
        self.fill_filter()
        return self.refresh([feed.id])

    def import_opml_file(self, path: str | None = None) -> int:
        """Subscribe to the feeds of an OPML file; returns how many were added."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self._parent, "Import subscriptions",
                                                  os.path.expanduser("~"),
                                                  "OPML (*.opml *.xml);;All files (*)")
            if not path:
                return 0
        try:
            with open(path, "rb") as fh:
                done = import_opml(self._gateway.library, fh.read())
        except (OSError, ValueError) as exc:
            self._warn("Cannot import subscriptions", str(exc))
            return 0
        self._status.showMessage(f"Subscribed to {len(done.added)} feed(s)", 10000)
        self.fill_filter()
        return len(done.added)

    def export_opml_file(self, path: str | None = None) -> bool:
        """Write the subscriptions as OPML."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self._parent, "Export subscriptions",
                                                  "subscriptions.opml", "OPML (*.opml)")
            if not path:
                return False
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(export_opml(self._gateway.library))
        except OSError as exc:
            self._warn("Cannot export subscriptions", exc.strerror or str(exc))
            return False
        self._status.showMessage(f"Wrote {path}", 10000)
        return True

    def manage(self) -> None:
        """Feeds → Manage feeds…: the subscriptions dialog."""
        from reader.ui.dialogs.feeds import FeedsDialog

        dialog = FeedsDialog(self, self._parent)
        dialog.finished.connect(lambda _code: self.fill_filter())
        dialog.open()

    def _warn(self, title: str, text: str) -> None:
        self._status.showMessage(f"{title}: {text}", 10000)
        if not self.quiet:
            QMessageBox.warning(self._parent, title, text)

    # -- story-list filter -------------------------------------------------------------------
    def fill_filter(self) -> None:
        """(Re)build the filter choices: all, new since last visit, each folder, each feed."""
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem("All stories", ALL)
        self.filter.addItem("New since last visit", NEW)
        store = self.store
        for folder in store.folders():
            self.filter.addItem(f"Folder: {folder}", f"folder:{folder}")
        for feed in store.list():
            self.filter.addItem(f"Feed: {feed.title}", f"feed:{feed.id}")
        at = self.filter.findData(current) if current is not None else 0
        self.filter.setCurrentIndex(max(0, at))
        self.filter.blockSignals(False)

    def set_filter(self, key: str) -> bool:
        """Choose a filter by key (all, new, folder:NAME, feed:ID); False if not offered."""
        at = self.filter.findData(key)
        if at < 0:
            return False
        self.filter.setCurrentIndex(at)
        self._on_filter(at)
        return True

    def _on_filter(self, _index: int) -> None:
        key = self.filter.currentData() or ALL
        story_filter = {}
        if key == NEW:
            story_filter["added_since"] = self._gateway.previous_visit or ""
        elif key.startswith("folder:"):
            story_filter["feed_ids"] = [f.id for f in self.store.list(folder=key[7:])]
        elif key.startswith("feed:"):
            story_filter["feed_ids"] = [key[5:]]
        self._gateway.story_filter = story_filter
        self.filterChanged.emit()
