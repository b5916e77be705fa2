"""The main window: a thin shell that lays out the panes and wires actions to controllers."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QMainWindow, QMessageBox,
                               QSplitter)

from reader.ui import theme
from reader.ui.actions import build_actions, shortcut_table
from reader.ui.dialogs import info
from reader.ui.dialogs.paste import PasteDialog
from reader.ui.dialogs.preferences import PreferencesDialog
from reader.ui.exporting import ExportController
from reader.ui.feeds import FeedsController, is_feed_file
from reader.ui.gateway import LibraryGateway, analysis_task
from reader.ui.importer import ImportController
from reader.ui.models.rendering import StoryView
from reader.ui.models.story_list import StoryListModel
from reader.ui.regroup import RegroupController
from reader.ui.settings import UiSettings
from reader.ui.tasks import TaskRunner
from reader.ui.views.comparison import ComparisonArea
from reader.ui.views.findings import FindingsPanel
from reader.ui.views.story_browser import StoryBrowser

ANALYSIS = "analysis"


class MainWindow(QMainWindow):
    """Story list | comparison area, findings in a dock; imports by drag and drop anywhere."""

    storyShown = Signal(str)  # a story's analysis is on screen (tests, screenshots)

    def __init__(self, gateway: LibraryGateway, settings: UiSettings, runner: TaskRunner,
                 *, quiet: bool = False) -> None:
        super().__init__()
        self.setWindowTitle("Parallax")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.gateway, self.settings, self.runner = gateway, settings, runner
        self.palette_ = theme.diff_palette(settings.theme)
        self.undo_stack = QUndoStack(self)
        self.story_model = StoryListModel(gateway, self)
        self.browser = StoryBrowser(self.story_model)
        self.comparison = ComparisonArea()
        self.findings = FindingsPanel()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("mainSplitter")
        split.addWidget(self.browser)
        split.addWidget(self.comparison)
        split.setStretchFactor(1, 1)
        split.setSizes([360, 680])
        self.splitter = split
        self.setCentralWidget(split)
        self.findings_dock = QDockWidget("Findings", self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [240], Qt.Orientation.Horizontal)
        self.actions_ = build_actions(self)
        self.findings_dock.toggleViewAction().setText("&Findings panel")
        self.actions_.menus["&View"].addAction(self.findings_dock.toggleViewAction())
        self.importer = ImportController(runner, self.statusBar(), gateway.path,
                                         lambda: self.settings.analysis.strictness, self,
                                         quiet=quiet)
        self.exporter = ExportController(self, runner, gateway, quiet=quiet)
        self.regroup = RegroupController(self, gateway, self.undo_stack, self.reload)
        self.feeds = FeedsController(runner, self.statusBar(), gateway, settings, self,
                                     quiet=quiet)
        self.browser.layout().insertWidget(1, self.feeds.filter)
        self._current_story: str | None = None
        self._quiet = quiet
        self.damage_message: str | None = None
        self._wire()
        self._show_library_state()
        self.set_palette(self.palette_)
        self.comparison.set_view(settings.view)
        self.story_model.refresh(keep_loaded=False)
        self._restore_geometry()

    def _show_library_state(self) -> None:
        """Read-only library: imports and edits are off, and the status bar says why."""
        self.gateway.on_damage = self._on_damage
        if self.gateway.damaged:  # met while the views were being built
            self._on_damage(self.gateway.damaged)
        reason = self.gateway.read_only_reason
        if not reason:
            return
        a = self.actions_
        for action in (a.import_files, a.import_folder, a.paste_article, a.rename_story,
                       a.edit_article, a.split_version, a.merge_stories, a.toggle_star,
                       a.toggle_read):
            action.setEnabled(False)
        self.setAcceptDrops(False)
        self.statusBar().showMessage(f"Read-only library ({reason}): reading and exporting only")

    def _on_damage(self, message: str) -> None:
        # Met while reading (a library too big for the check at open, or damaged since).
        self.damage_message = message
        self.statusBar().showMessage(message)
        if not self._quiet:
            box = QMessageBox(QMessageBox.Icon.Warning, "Library damaged", message,
                              QMessageBox.StandardButton.Ok, self)
            box.open()  # not exec(): this may run inside a model call

    # -- wiring -----------------------------------------------------------------------------
    def _wire(self) -> None:
        a = self.actions_
        a.import_files.triggered.connect(self._ask_import_files)
        a.import_folder.triggered.connect(self._ask_import_folder)
        a.paste_article.triggered.connect(self.paste_article)
        a.export.triggered.connect(self.exporter.ask)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.undo_stack.undo)
        a.redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        # "Undo Merge 2 stories": the menu and toolbar say what they will undo or redo.
        self.undo_stack.undoTextChanged.connect(
            lambda text: a.undo.setText(f"&Undo {text}" if text else "&Undo"))
        self.undo_stack.redoTextChanged.connect(
            lambda text: a.redo.setText(f"&Redo {text}" if text else "&Redo"))
        a.find.triggered.connect(self._focus_search)
        a.preferences.triggered.connect(self.edit_preferences)
        a.rename_story.triggered.connect(self.regroup.rename_current)
        a.edit_article.triggered.connect(self.regroup.edit_current_article)
        a.split_version.triggered.connect(self.regroup.split_current)
        a.merge_stories.triggered.connect(self.regroup.merge_selected)
        a.remove.triggered.connect(self.regroup.remove_selected)
        a.toggle_star.triggered.connect(lambda: self.regroup.toggle_star(
            self.browser.tree.currentIndex()))
        a.toggle_read.triggered.connect(self.regroup.toggle_read_current)
        a.next_story.triggered.connect(lambda: self.browser.step(+1))
        a.prev_story.triggered.connect(lambda: self.browser.step(-1))
        a.next_diff.triggered.connect(lambda: self.comparison.step_difference(True))
        a.prev_diff.triggered.connect(lambda: self.comparison.step_difference(False))
        a.view_side.triggered.connect(lambda: self.comparison.set_view("side"))
        a.view_reader.triggered.connect(lambda: self.comparison.set_view("reader"))
        a.view_map.triggered.connect(lambda: self.comparison.set_view("map"))
        a.shared_only.setChecked(self.settings.shared_only)
        self.comparison.side.set_shared_only(self.settings.shared_only)
        a.shared_only.toggled.connect(self.set_shared_only)
        a.missing_inline.setChecked(self.settings.missing_inline)
        self.set_missing_inline(self.settings.missing_inline)
        a.missing_inline.toggled.connect(self.set_missing_inline)
        self.comparison.side.sharedOnlyChanged.connect(self.set_shared_only)
        a.shortcuts.triggered.connect(lambda: info.show_shortcuts(self, shortcut_table()))
        a.about.triggered.connect(lambda: info.show_about(self))
        self.comparison.viewChanged.connect(self._on_view_changed)
        self.comparison.side.referenceRequested.connect(self._use_reference)
        self.browser.storySelected.connect(self.show_story)
        self.browser.starToggled.connect(self.regroup.toggle_star)
        self.browser.contextRequested.connect(self.regroup.fill_menu)
        self.story_model.moveRequested.connect(self.regroup.move_version)
        self.importer.finished.connect(self._after_import)
        a.refresh_feeds.triggered.connect(lambda: self.feeds.refresh())
        a.add_feed.triggered.connect(lambda: self.feeds.add_feed())
        a.manage_feeds.triggered.connect(self.feeds.manage)
        a.import_opml.triggered.connect(lambda: self.feeds.import_opml_file())
        a.export_opml.triggered.connect(lambda: self.feeds.export_opml_file())
        self.feeds.finished.connect(self._after_feeds)
        self.feeds.filterChanged.connect(self.reload)
        self.runner.finished.connect(self._on_task_done)
        self.runner.failed.connect(self._on_task_failed)

    # -- stories ----------------------------------------------------------------------------
    def show_story(self, story_id: str) -> None:
        """Load a story's versions and align them in the background."""
        try:
            row = self.gateway.story(story_id)
            articles = self.gateway.story_articles(story_id)
        except KeyError:  # regrouped away meanwhile
            return
        self._current_story = story_id
        self.settings.last_story = story_id
        if not row.read and not self.gateway.read_only_reason:
            self.gateway.set_read(row, True)
            self.story_model.update_story(story_id)
        self.statusBar().showMessage(f"Comparing {len(articles)} versions…")
        self.runner.submit(ANALYSIS, analysis_task(row, articles, self.settings.analysis))

    def current_story_id(self) -> str | None:
        """The story whose comparison is shown (or being computed)."""
        return self._current_story

    def select_story(self, story_id: str) -> bool:
        """Select a story in the list (which shows it); False if it is not in the list."""
        if self.browser.current_story_id() == story_id:
            self.show_story(story_id)
            return True
        return self.browser.select_story(story_id)

    def select_first_multi_version(self) -> bool:
        """Select a multi-version story: the one with most versions on the first loaded page
        (ties: the first listed), so screenshots show a real comparison."""
        model = self.story_model
        if not model.rowCount() and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        rows = [model.story_row(model.index(r, 0)) for r in range(model.rowCount())]
        multi = [r for r in rows if len(r.article_ids) > 1]
        if not multi:
            return False
        best = max(multi, key=lambda r: len(r.article_ids))  # max keeps the first of ties
        return self.select_story(best.id)

    def reload(self) -> None:
        """Refresh the list and the shown story from the library (after edits, imports)."""
        current = self.browser.current_story_id() or self._current_story
        self.story_model.refresh()
        if current and self.browser.select_story(current, emit=False):
            self.show_story(current)
        elif current:
            # The story was merged away or split: show whatever now holds its first version.
            self._current_story = None
            self.comparison.set_story(None)
            self.findings.set_story(None)

    def _on_task_done(self, channel: str, result) -> None:
        if channel != ANALYSIS:
            return
        story, articles = result
        view = StoryView(story, {a.id: a for a in articles},
                         self.settings.analysis.reference)
        self.comparison.set_story(view)
        self.findings.set_story(view)
        self.statusBar().showMessage(
            f"{len(articles)} versions · {len(story.passages)} passages", 5000)
        self.storyShown.emit(story.id)

    def _on_task_failed(self, channel: str, message: str) -> None:
        if channel == ANALYSIS:
            self.statusBar().showMessage(f"Could not compare this story: {message}", 10000)

    def _after_import(self, summary) -> None:
        self.reload()
        if self._current_story is None and summary is not None and summary.added:
            self.select_first_multi_version()

    def _after_feeds(self, result) -> None:
        self.reload()
        if isinstance(result, tuple):  # dropped feed files: (outcomes, errors)
            added = sum(o.added for o in result[0])
        else:
            added = getattr(result, "added", 0)
        if self._current_story is None and added:
            self.select_first_multi_version()

    # -- import -----------------------------------------------------------------------------
    def import_paths(self, paths) -> bool:
        """Import files/folders in the background; feed files are read as feeds (offline)."""
        paths = [str(p) for p in paths]
        feeds = [p for p in paths if is_feed_file(p)]
        articles = [p for p in paths if p not in feeds]
        started = self.feeds.import_files(feeds) if feeds else False
        return self.importer.import_paths(articles) if articles else started

    def paste_article(self) -> bool:
        """Edit → Paste article: ask for the title and outlet, then import the clipboard's
        text (with them as front matter). False if the clipboard has no text."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard holds no text to paste", 5000)
            return False
        dialog = PasteDialog(text, self)
        dialog.accepted.connect(lambda: self.importer.import_text(dialog.article_text(),
                                                                  "clipboard"))
        self.paste_dialog = dialog
        dialog.open()
        return True

    def _ask_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", os.path.expanduser("~"),
            "Articles (*.txt *.md *.html *.htm);;All files (*)")
        if files:
            self.import_paths(files)

    def _ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if folder:
            self.import_paths([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()

    # -- preferences, theme, view -----------------------------------------------------------
    def edit_preferences(self) -> None:
        """Edit → Preferences (applied when the dialog is accepted)."""
        dialog = PreferencesDialog(self.settings, self)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.apply()))
        dialog.open()

    def apply_preferences(self, analysis_changed: bool) -> None:
        """Re-theme and, if analysis options changed, recompute the shown story."""
        app = QApplication.instance()
        if app is not None:
            self.set_palette(theme.apply_theme(app, self.settings.theme, self.settings.font_size))
        self.feeds.apply_interval()
        if analysis_changed and self._current_story:
            self.show_story(self._current_story)

    def set_palette(self, palette: theme.DiffPalette) -> None:
        """Colour the comparison views."""
        self.palette_ = palette
        font = self.comparison.font()
        font.setPointSize(self.settings.font_size)
        for w in (self.comparison.side, self.comparison.reader.text, self.findings):
            w.setFont(font)
        self.comparison.set_palette(palette)
        self.findings.set_palette(palette)
        self.comparison.side.update_row_heights()

    def set_shared_only(self, on: bool) -> None:
        """View → Shared passages only: filter the side-by-side rows; remembered."""
        self.settings.shared_only = on
        self.comparison.side.set_shared_only(on)
        if self.actions_.shared_only.isChecked() != on:
            self.actions_.shared_only.setChecked(on)  # re-enters here once; a no-op then

    def set_missing_inline(self, on: bool) -> None:
        """View → Show missing words inline (remembered)."""
        self.settings.missing_inline = on
        side = self.comparison.side
        side.passage_model.set_inline_missing(on)
        side.clear_height_cache()

    def _use_reference(self, article_id: str) -> None:
        view = self.comparison.story_view
        if view is None:
            return
        self.settings.analysis = self.settings.analysis.with_changes(
            reference=view.articles[article_id].outlet)
        self.show_story(view.story.id)

    def _on_view_changed(self, name: str) -> None:
        self.settings.view = name
        for key in ("side", "reader", "map"):
            getattr(self.actions_, f"view_{key}").setChecked(key == name)

    def _focus_search(self) -> None:
        self.browser.search.setFocus()
        self.browser.search.selectAll()

    # -- session ----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        qs = self.settings.qsettings
        geometry, state = qs.value("window/geometry"), qs.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
            self.fit_panes(1280)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def fit_panes(self, width: int) -> None:
        """Default pane widths for a window width: at 1280 px the list gets 360 and the
        findings 240; a wider window gives each a share of the extra, not all to the middle."""
        extra = max(0, width - 1280)
        browser, findings = 360 + extra // 4, 240 + extra // 5
        self.splitter.setSizes([browser, max(400, width - browser - findings)])
        self.resizeDocks([self.findings_dock], [findings], Qt.Orientation.Horizontal)

    def restore_last_story(self) -> bool:
        """Select the story shown when the app was last closed."""
        last = self.settings.last_story
        return bool(last) and self.select_story(last)

    def closeEvent(self, event: QCloseEvent) -> None:
        qs = self.settings.qsettings
        qs.setValue("window/geometry", self.saveGeometry())
        qs.setValue("window/state", self.saveState())
        self.settings.sync()
        self.runner.shutdown()
        self.settings.view = self.comparison.current_view()
        super().closeEvent(event)
