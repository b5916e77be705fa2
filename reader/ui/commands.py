"""Undoable regrouping and editing commands; each one persists through the library."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from reader.core.model import Decision
from reader.ui.gateway import LibraryGateway

Changed = Callable[[], None]


class _DecisionCommand(QUndoCommand):
    """Records library decisions on redo and forgets exactly those on undo."""

    def __init__(self, gateway: LibraryGateway, decisions: Sequence[Decision], text: str,
                 changed: Changed) -> None:
        super().__init__(text)
        self._gateway, self._decisions, self._changed = gateway, list(decisions), changed
        self._ids: list[int] = []

    def redo(self) -> None:
        self._ids = [self._gateway.record(d) for d in self._decisions]
        self._changed()

    def undo(self) -> None:
        for decision_id in reversed(self._ids):
            self._gateway.undo(decision_id)
        self._ids = []
        self._changed()


def move_version(gateway: LibraryGateway, article_id: str, target_story, changed: Changed):
    """Put a version in another story."""
    return _DecisionCommand(gateway, [Decision("move", article_id, target_story.article_ids[0])],
                            f"Move version to “{target_story.title[:40]}”", changed)


def split_version(gateway: LibraryGateway, article_id: str, changed: Changed):
    """Take a version out of its story into a story of its own."""
    return _DecisionCommand(gateway, [Decision("split", article_id)], "Split version out", changed)


def merge_stories(gateway: LibraryGateway, story_rows: Sequence, changed: Changed):
    """Join several stories into the first one."""
    anchor = story_rows[0].article_ids[0]
    decisions = [Decision("merge", anchor, row.article_ids[0]) for row in story_rows[1:]]
    return _DecisionCommand(gateway, decisions, f"Merge {len(story_rows)} stories", changed)


def rename_story(gateway: LibraryGateway, story_row, title: str, changed: Changed):
    """Give a story the user's own title."""
    return _DecisionCommand(gateway, [Decision("rename", story_row.article_ids[0], title=title)],
                            "Rename story", changed)


class EditArticleCommand(QUndoCommand):
    """Change an article's title and/or outlet name (the outlet renames it everywhere)."""

    def __init__(self, gateway: LibraryGateway, article_id: str, *, title: str | None = None,
                 outlet: str | None = None, changed: Changed) -> None:
        super().__init__("Edit article")
        self._gateway, self._aid, self._changed = gateway, article_id, changed
        info = gateway.article_info(article_id)
        self._old_title = info.article.title if info.article.title != info.original_title else None
        self._old_outlet = info.article.outlet
        self._title = title if title is not None and title != info.article.title else None
        self._outlet = outlet if outlet and outlet != info.article.outlet else None

    def is_noop(self) -> bool:
        """Nothing would change."""
        return self._title is None and self._outlet is None

    def redo(self) -> None:
        if self._title is not None:
            self._gateway.edit_title(self._aid, self._title)
        if self._outlet is not None:
            self._gateway.rename_outlet(self._old_outlet, self._outlet)
        self._changed()

    def undo(self) -> None:
        if self._title is not None:
            self._gateway.edit_title(self._aid, self._old_title)
        if self._outlet is not None:
            self._gateway.rename_outlet(self._outlet, self._old_outlet)
        self._changed()


class RemoveCommand(QUndoCommand):
    """Remove versions or stories from the library; undo puts them back with their ids."""

    def __init__(self, gateway: LibraryGateway, ids: Sequence[str], text: str,
                 changed: Changed) -> None:
        super().__init__(text)
        self._gateway, self._ids, self._changed = gateway, list(ids), changed
        self._removed = None

    def redo(self) -> None:
        self._removed = self._gateway.library.remove(self._ids)
        self._changed()

    def undo(self) -> None:
        if self._removed is not None:
            self._gateway.library.restore(self._removed)
            self._removed = None
        self._changed()
