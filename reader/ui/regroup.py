"""Regrouping and editing by hand: context menu, dialogs, and the undoable commands."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.ui import commands
from reader.ui.dialogs.edit import EditVersionDialog, RenameStoryDialog
from reader.ui.gateway import LibraryGateway
from reader.ui.models.story_list import ArticleIdRole, StoryIdRole


class RegroupController(QObject):
    """Turns the user's regrouping gestures into commands on the undo stack."""

    def __init__(self, window: QMainWindow, gateway: LibraryGateway, stack: QUndoStack,
                 reload: Callable[[], None]) -> None:
        super().__init__(window)
        self._window, self._gateway, self._stack, self._reload = window, gateway, stack, reload

    @property
    def _browser(self):
        return self._window.browser

    # -- commands (also called directly by tests) -------------------------------------------
    def move_version(self, article_id: str, target_story_id: str) -> None:
        """Put a version into another story (drag and drop)."""
        target = self._gateway.story(target_story_id)
        self._stack.push(commands.move_version(self._gateway, article_id, target, self._reload))

    def split_version(self, article_id: str) -> None:
        """Take a version out of its story."""
        self._stack.push(commands.split_version(self._gateway, article_id, self._reload))

    def merge(self, story_ids) -> None:
        """Merge stories into the first."""
        rows = [self._gateway.story(s) for s in story_ids]
        if len(rows) > 1:
            self._stack.push(commands.merge_stories(self._gateway, rows, self._reload))

    def rename(self, story_id: str, title: str) -> None:
        """Rename a story."""
        row = self._gateway.story(story_id)
        if title.strip() and title != row.title:
            self._stack.push(commands.rename_story(self._gateway, row, title.strip(),
                                                   self._reload))

    def edit_article(self, article_id: str, *, title: str | None = None,
                     outlet: str | None = None) -> None:
        """Change a version's title and/or outlet."""
        cmd = commands.EditArticleCommand(self._gateway, article_id, title=title, outlet=outlet,
                                          changed=self._reload)
        if not cmd.is_noop():
            self._stack.push(cmd)

    # -- gestures ---------------------------------------------------------------------------
    def split_current(self) -> None:
        """Split the version under the cursor out of its story."""
        aid = self._browser.current_article_id()
        if aid:
            self.split_version(aid)

    def remove_selected(self) -> None:
        """Remove the selected versions (version rows) or stories (story rows); undoable."""
        ids, names = [], []
        for index in self._browser.tree.selectionModel().selectedRows():
            aid = index.data(ArticleIdRole)
            if aid:
                ids.append(aid)
                names.append("version")
            elif index.data(StoryIdRole):
                ids.append(index.data(StoryIdRole))
                names.append("story")
        if not ids:
            return
        kind = names[0] if len(set(names)) == 1 else "item"
        text = f"Remove {len(ids)} {kind}{'s' if len(ids) != 1 else ''}" if len(ids) > 1 \
            else f"Remove {kind}"
        self._stack.push(commands.RemoveCommand(self._gateway, ids, text, self._reload))

    def merge_selected(self) -> None:
        """Merge the selected stories."""
        self.merge([r.id for r in self._browser.selected_story_rows()])

    def rename_current(self) -> None:
        """Ask for a new title for the current story."""
        sid = self._browser.current_story_id()
        if not sid:
            return
        row = self._gateway.story(sid)
        ask = RenameStoryDialog(row.title, self._window)
        if ask.dialog.exec():
            self.rename(sid, ask.title.text())

    def edit_current_article(self) -> None:
        """Ask for a version's title and outlet."""
        aid = self._browser.current_article_id()
        if not aid:
            return
        art = self._gateway.article_info(aid).article
        ask = EditVersionDialog(art.title, art.outlet, self._window)
        if ask.dialog.exec():
            self.edit_article(aid, title=ask.title.text(), outlet=ask.outlet.text())

    def toggle_star(self, index: QModelIndex) -> None:
        """Star/unstar a story (all its versions) or a single version."""
        model = self._browser.model
        row = model.story_row(index)
        if row is None:
            return
        aid = index.data(ArticleIdRole)
        if aid:
            starred = self._gateway.article_info(aid).starred
            self._gateway.set_starred([aid], not starred)
        else:
            self._gateway.set_starred(row.article_ids, not row.starred)
        model.update_story(row.id)

    def toggle_read_current(self) -> None:
        """Mark the current story read/unread."""
        sid = self._browser.current_story_id()
        if sid:
            row = self._gateway.story(sid)
            self._gateway.set_read(row, not row.read)
            self._browser.model.update_story(sid)

    def fill_menu(self, menu: QMenu, indexes: list) -> None:
        """The story list's context menu for the selection."""
        a = self._window.actions_
        story_ids = {i.data(StoryIdRole) for i in indexes}
        if any(i.data(ArticleIdRole) for i in indexes):
            menu.addAction(a.split_version)
            menu.addAction(a.edit_article)
        if len(story_ids) > 1:
            menu.addAction(a.merge_stories)
        if story_ids:
            menu.addAction(a.rename_story)
            menu.addAction(a.toggle_star)
            menu.addAction(a.toggle_read)
            menu.addSeparator()
            menu.addAction(a.remove)
