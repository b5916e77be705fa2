"""The UI's door to the library: reads on the UI thread's connection, task bodies for workers.

sqlite3 connections belong to the thread that opened them, so a background task never
touches the UI's Library: the task functions here open their own (cheap) connection.
"""

from __future__ import annotations

import pathlib
import sqlite3
from dataclasses import replace
from typing import Callable, Sequence

from reader.core.align import align_story
from reader.core.library.connection import damaged_message, is_damage
from reader.core.library.library import Library
from reader.core.library.rows import ImportAborted
from reader.core.model import Article, Decision, Rejection, StoryGroup
from reader.core.settings import AnalysisSettings
from reader.ui.models.story_list import VersionRow


class LibraryGateway:
    """Wraps the UI thread's Library: story pages, versions, edits, decisions."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.closed = False
        # Called once with a one-line message when a read meets damaged pages (the views
        # then show nothing more instead of raising inside Qt's model calls).
        self.on_damage: Callable[[str], None] | None = None
        self.damaged: str | None = None
        # Story-list filter (library.stories keywords: feed_ids, added_since); {} = all.
        self.story_filter: dict = {}
        # "New since last visit" compares with the visit before this one, recorded now.
        from reader.core.library.visits import last_visit, record_visit

        self.previous_visit = last_visit(library)
        if library.read_only_reason is None:
            try:
                record_visit(library)
            except sqlite3.Error:  # a locked library must not stop the app opening
                pass

    @property
    def read_only_reason(self) -> str | None:
        """Why the library was opened read-only, else None (edits and imports are off)."""
        return self.library.read_only_reason

    def _guard(self, exc: sqlite3.DatabaseError, empty):
        """Turn damage met while reading into one report and an empty answer."""
        if not is_damage(exc):
            raise exc
        if self.damaged is None:
            self.damaged = damaged_message(self.path, exc)
            if self.on_damage is not None:
                self.on_damage(self.damaged)
        return empty

    def close(self) -> None:
        """Close the library; late view requests (a pending fetchMore) then get nothing."""
        self.closed = True
        self.library.close()

    @property
    def path(self) -> pathlib.Path:
        """The library file (workers open their own connection to it)."""
        return pathlib.Path(self.library.path)

    # -- reading ----------------------------------------------------------------------------
    def story_page(self, limit: int, offset: int, sort: str, descending: bool,
                   query: str | None):
        """One page of story rows in the chosen order, optionally filtered by a full-text query."""
        if self.closed or self.damaged:
            return []
        try:
            rows = self.library.stories(limit=limit, offset=offset, search=query, sort=sort,
                                        descending=descending, **self.story_filter)
        except sqlite3.DatabaseError as exc:
            return self._guard(exc, [])
        if query is not None and not rows and offset == 0:
            return []
        return rows

    def versions(self, story_row) -> list[VersionRow]:
        """The versions under a story row, with their read/star flags."""
        if self.closed or self.damaged:
            return []
        out = []
        for aid in story_row.article_ids:
            try:
                info = self.library.article_info(aid)
            except KeyError:  # removed meanwhile (regrouped by another window): skip
                continue
            except sqlite3.DatabaseError as exc:
                return self._guard(exc, [])
            art = info.article
            out.append(VersionRow(aid, art.outlet, art.title, art.date, info.read, info.starred))
        return out

    def story(self, story_id: str):
        """A story row (KeyError if it is gone)."""
        return self.library.story(story_id)

    def story_articles(self, story_id: str) -> list[Article]:
        """The versions of a story as Articles."""
        return self.library.story_articles(story_id)

    def story_of(self, article_id: str) -> str | None:
        """The story an article is in."""
        return self.library.story_of(article_id)

    def count_articles(self) -> int:
        """Articles in the library."""
        return self.library.count_articles()

    # -- flags and edits --------------------------------------------------------------------
    def set_read(self, story_row, read: bool = True) -> None:
        """Mark all versions of a story read/unread."""
        self.library.set_read(list(story_row.article_ids), read)

    def set_starred(self, article_ids: Sequence[str], starred: bool) -> None:
        """Star/unstar versions."""
        self.library.set_starred(list(article_ids), starred)

    def record(self, decision: Decision) -> int:
        """Persist a grouping decision; returns its id for undo."""
        return self.library.record_decision(decision)

    def undo(self, decision_id: int) -> None:
        """Forget a decision."""
        self.library.undo_decision(decision_id)

    def article_info(self, article_id: str):
        """Article plus flags and original metadata."""
        return self.library.article_info(article_id)

    def edit_title(self, article_id: str, title: str | None) -> None:
        """Set (or clear, with None) the user's title for an article."""
        self.library.edit_title(article_id, title)

    def rename_outlet(self, old: str, new: str) -> int:
        """Show outlet OLD as NEW everywhere."""
        return self.library.rename_outlet(old, new)


def import_paths_into(library_path, paths, strictness, *, progress, cancel):
    """Import paths on a connection of this process's own; returns the ImportSummary.

    An import stopped by an error (a full disk) still returns what it saved, with the
    reason as one more rejection, so the app shows both.
    """
    with Library.open(library_path) as lib:
        try:
            return lib.import_paths(list(paths), strictness=strictness, progress=progress,
                                    cancel=cancel)
        except ImportAborted as exc:
            summary = exc.summary
            why = Rejection(str(library_path), f"import stopped ({exc.cause}); the "
                                               f"{len(summary.added)} article(s) before it "
                                               "are saved")
            return replace(summary, rejected=(*summary.rejected, why))


def import_task(library_path: pathlib.Path, paths: Sequence[str], strictness: float):
    """Task body: import paths in a child process (no GIL contention with the UI thread)."""
    from reader.ui.tasks import in_process

    return in_process(import_paths_into, str(library_path), list(paths), strictness)


def import_text_task(library_path: pathlib.Path, text: str, source: str, strictness: float):
    """Task body: import pasted text; returns the ImportSummary."""
    def run(progress, cancel):
        with Library.open(library_path) as lib:
            return lib.import_text(text, source, strictness=strictness)
    return run


def analysis_task(story_row, articles: Sequence[Article], settings: AnalysisSettings):
    """Task body: align a story's versions (pure core work); returns (story, articles)."""
    group = StoryGroup(tuple(a.id for a in articles), story_row.title,
                       tuple(getattr(story_row, "reasons", ())))
    settings = _reference_for(settings, articles)

    def run(progress, cancel):
        story = align_story(story_row.id, group, list(articles), settings)
        return story, tuple(articles)
    return run


def _reference_for(settings: AnalysisSettings, articles: Sequence[Article]) -> AnalysisSettings:
    """The saved reference applies only if it names one of this story's versions."""
    ref = settings.reference
    if ref and not any(ref in (a.id, a.outlet) for a in articles):
        return settings.with_changes(reference=None)
    return settings


def export_task(library_path, fmt: str, path: str, settings: AnalysisSettings, doc=None):
    """Task body: write a report of `doc`, or of every story in the library; returns the path."""
    from reader.core.model import Document
    from reader.core.report.export import write_report
    from reader.ui.pdf import write_pdf

    def run(progress, cancel):
        document = doc
        if document is None:
            with Library.open(library_path) as lib:
                rows = lib.stories()
                articles, stories = [], []
                for n, row in enumerate(rows, start=1):
                    if cancel():
                        return None
                    arts = lib.articles(list(row.article_ids))
                    group = StoryGroup(tuple(a.id for a in arts), row.title, row.reasons)
                    stories.append(align_story(row.id, group, arts,
                                               _reference_for(settings, arts)))
                    articles.extend(arts)
                    progress(n, len(rows), row.title)
            document = Document(tuple(articles), tuple(stories), (), settings)
        write_report(document, fmt, path, pdf_writer=write_pdf)
        return path
    return run
