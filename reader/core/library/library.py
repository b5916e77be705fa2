"""The library repository: import files into SQLite, group them, read and annotate them.

Threading: a Library wraps ONE sqlite3 connection and may only be used by the thread that
opened it (sqlite3 enforces this). Open one Library per thread -- `Library.open(lib.path)` is
cheap. WAL lets readers run while an import writes; writes from several Library objects are
serialised by SQLite's lock (each waits up to BUSY_TIMEOUT), but the app should still send
all writes through one worker, as every write here is short and takes the lock with
BEGIN IMMEDIATE.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

from reader.core.library.connection import ReadOnlyLibrary, connect
from reader.core.library.feeder import ingest_results
from reader.core.library.keeper import PENDING_BATCH, IndexKeeper
from reader.core.library.removal import Removed
from reader.core.library.reading import LibraryReader
from reader.core.library.rows import ArticleRef, ImportAborted, ImportSummary
from reader.core.library.storing import store_file
from reader.core.library.stories import article_rowid
from reader.core.model import Decision, FileResult, Rejection
from reader.core.settings import DEFAULT_STRICTNESS

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

# During a long import, new articles are grouped (and the index saved) once this many are
# waiting, or once as many are waiting as are already grouped, whichever is more: the UI
# sees stories appear and a killed import keeps most of them, while saving the whole index
# only O(log n) times keeps the import linear.
GROUP_BATCH = 2000
DECISION_KINDS = ("move", "split", "merge", "rename")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Library(LibraryReader):
    """The article library in one SQLite file (see the module docstring about threads)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(conn)
        self.path = path
        self._keeper = IndexKeeper(conn, self._load_articles,
                                   lambda: [d.decision for d in self.decisions()])

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> "Library":
        """Open the library at PATH, else $PARALLAX_LIBRARY, else the user data dir.

        Raises LibraryError (one line for the user) if it cannot be opened or created.
        Opening never writes beyond creating/migrating the schema, so reader threads can
        open freely; articles an interrupted import left ungrouped are grouped by the next
        import, regroup() or group_pending().
        """
        from reader.core.library.connection import resolve_library_path

        return cls(connect(path), resolve_library_path(path))

    @property
    def read_only_reason(self) -> str | None:
        """Why this library was opened read-only (file or folder not writable), else None."""
        return getattr(self._conn, "read_only_reason", None)

    def _require_writable(self, what: str) -> None:
        reason = self.read_only_reason
        if reason:
            raise ReadOnlyLibrary(f"cannot {what}: library {self.path} is read-only "
                                  f"({reason}); nothing was changed")

    def close(self) -> None:
        """Close the connection (the Library cannot be used afterwards)."""
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; IMMEDIATE takes the write lock up front (no upgrade deadlock)."""
        self._require_writable("change the library")
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- importing ---------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Sequence[str],
        *,
        strictness: float = DEFAULT_STRICTNESS,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
        parallel: bool | None = None,
    ) -> ImportSummary:
        """Import files and folders: one transaction per file, then incremental grouping.

        progress(done, total, source) is called after each file (total counts the files
        found up front). cancel() is checked between files; what was committed stays.
        parallel: read files in a helper process (None = when there are many files).
        """
        from reader.core.ingest.api import list_files

        self._require_writable("import")
        total = sum(1 for _ in list_files(paths))
        aliases = dict(self._conn.execute("SELECT name, display FROM outlet_aliases"))
        added: list[ArticleRef] = []
        rejected: list[Rejection] = []
        duplicates = files = pending = 0
        grouped = self._conn.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0]
        touched: set[int] = set()
        cancelled = False
        # closing(): a cancelled import stops the ingest helper process at once.
        try:
            with closing(ingest_results(paths, total, cancel=cancel,
                                        parallel=parallel)) as results:
                for result in results:
                    files += 1
                    if result.rejection is not None:
                        rejected.append(result.rejection)
                    if result.articles:
                        try:
                            new, dup = self._store_file(result, aliases)
                        except (sqlite3.IntegrityError, TypeError, ValueError) as exc:
                            # Malformed ingest output: this file is rolled back, the rest goes on.
                            reason = f"cannot store in the library: {exc}"
                            rejected.append(Rejection(result.source, reason))
                            new, dup = [], 0
                        added.extend(new)
                        duplicates += dup
                        pending += len(new)
                    if pending >= max(GROUP_BATCH, grouped):
                        touched |= self._group_pending(strictness, may_save=False)
                        grouped += pending
                        pending = 0
                        self._refresh_statistics()
                    if progress is not None:
                        progress(files, max(total, files), result.source)
                    if cancel is not None and cancel():
                        cancelled = True
                        break
            # Ingest also stops at a cancel (before its next file): set between our check
            # and its own, the loop above just ends.
            cancelled = cancelled or (cancel is not None and files < total and cancel())
            touched |= self._group_pending(strictness)
        except (KeyboardInterrupt, sqlite3.Error) as exc:
            # Ctrl-C, a full disk, a lock held too long: every file stored so far is
            # committed; say which (grouping of the rest finishes on the next open).
            summary = ImportSummary(tuple(added), duplicates, tuple(rejected),
                                    tuple(f"s{sid}" for sid in sorted(touched)), files, True)
            raise ImportAborted(summary, exc) from exc
        return ImportSummary(tuple(added), duplicates, tuple(rejected),
                             tuple(f"s{sid}" for sid in sorted(touched)), files, cancelled)

    def _refresh_statistics(self) -> None:
        """Re-measure the tables once they outgrow their recorded statistics.

        PRAGMA optimize at close records statistics of whatever the library held; recorded
        from one (big) article they make SQLite scan tables instead of seeking in them, and
        every later import turns quadratic. A bounded ANALYZE costs milliseconds.
        """
        try:
            row = self._conn.execute(
                "SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1").fetchone()
        except sqlite3.OperationalError:  # never analysed: SQLite's defaults suit the schema
            return
        if row is None:
            return
        first = str(row[0]).split()[:1]
        recorded = int(first[0]) if first and first[0].isdigit() else 0
        actual = self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0]
        if actual > 4 * recorded + 100:
            self._conn.execute("PRAGMA analysis_limit = 1000")
            self._conn.execute("ANALYZE")

    def import_text(self, text: str, source: str = "clipboard", *,
                    strictness: float = DEFAULT_STRICTNESS) -> ImportSummary:
        """Import pasted text (e.g. from the clipboard) as if it were a file called SOURCE."""
        from reader.core.ingest import articles_from_text

        articles = articles_from_text(text, source)
        if not articles:
            rejection = Rejection(source, "no article text found")
            return ImportSummary((), 0, (rejection,), (), 1)
        aliases = dict(self._conn.execute("SELECT name, display FROM outlet_aliases"))
        added, duplicates = self._store_file(FileResult(source, articles), aliases)
        touched = self._group_pending(strictness)
        return ImportSummary(tuple(added), duplicates, (),
                             tuple(f"s{sid}" for sid in sorted(touched)), 1)

    def _store_file(self, result: FileResult,
                    aliases: dict[str, str]) -> tuple[list[ArticleRef], int]:
        """Store one file's articles in one transaction: all of them or none (storing.py)."""
        with self._write() as conn:
            return store_file(conn, result, aliases, _now())

    # -- grouping ----------------------------------------------------------------------------

    def group_pending(self) -> tuple[str, ...]:
        """Group articles that are in no story yet (left by an interrupted import); story ids."""
        return tuple(f"s{sid}" for sid in sorted(self._group_pending()))

    def _group_pending(self, strictness: float | None = None, *,
                       may_save: bool = True) -> set[int]:
        """Add articles that are in no story yet to the grouping; update story rows.

        One transaction per PENDING_BATCH articles: an interruption keeps the batches done.
        """
        touched: set[int] = set()
        left = None
        while True:
            touched |= self._grouping(lambda: self._keeper.group_pending(
                strictness, may_save=may_save, limit=PENDING_BATCH))
            before, left = left, self._keeper.pending_count()
            if left == 0 or left == before:  # done, or (never expected) no progress
                return touched

    def regroup(self, strictness: float | None = None) -> tuple[str, ...]:
        """Rebuild the grouping from all articles, honouring the decisions; ids of changed stories.

        strictness None keeps the library's current strictness.
        """
        touched = self._grouping(self._keeper.regroup, strictness)
        return tuple(f"s{sid}" for sid in sorted(touched))

    def _refresh_stories(self) -> set[int]:
        """Re-apply the decisions to the automatic grouping (after a decision changed)."""
        return self._grouping(self._keeper.refresh)

    def _grouping(self, step, *args) -> set[int]:
        with self._write():
            try:
                return step(*args)
            except BaseException:
                self._keeper.invalidate()  # the in-memory index is ahead of the rolled-back DB
                raise

    # -- user edits and decisions ------------------------------------------------------------

    def set_read(self, article_ids: str | Sequence[str], read: bool = True) -> None:
        """Mark articles read (or unread)."""
        self._set_flag("is_read", article_ids, read)

    def set_starred(self, article_ids: str | Sequence[str], starred: bool = True) -> None:
        """Star (or unstar) articles."""
        self._set_flag("starred", article_ids, starred)

    def _set_flag(self, column: str, article_ids: str | Sequence[str], value: bool) -> None:
        ids = [article_ids] if isinstance(article_ids, str) else list(article_ids)
        with self._write() as conn:
            conn.executemany(f"UPDATE articles SET {column} = ? WHERE id = ?",
                             [(int(value), article_rowid(a)) for a in ids])

    def edit_title(self, article_id: str, title: str | None) -> None:
        """Give an article the user's own title; None or "" restores the original."""
        with self._write() as conn:
            rowid = self._require_article(article_id)
            conn.execute("UPDATE articles SET user_title = ? WHERE id = ?",
                         ((title or "").strip() or None, rowid))

    def rename_outlet(self, old: str, new: str) -> int:
        """Show outlet OLD as NEW everywhere, now and for later imports; return articles changed."""
        new = (new or "").strip()
        if not new:
            raise ValueError("an outlet name cannot be empty")
        with self._write() as conn:
            originals = [o for (o,) in conn.execute(
                "SELECT DISTINCT outlet FROM articles WHERE COALESCE(user_outlet, outlet) = ?",
                (old,))]
            originals += [n for (n,) in conn.execute(
                "SELECT name FROM outlet_aliases WHERE display = ?", (old,))]
            if old not in originals:
                originals.append(old)
            conn.executemany(
                "INSERT INTO outlet_aliases(name, display) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET display = excluded.display",
                [(o, new) for o in set(originals)])
            cur = conn.execute(
                "UPDATE articles SET user_outlet = CASE WHEN outlet = ? THEN NULL ELSE ? END "
                "WHERE COALESCE(user_outlet, outlet) = ?", (new, new, old))
            return cur.rowcount

    def record_decision(self, decision: Decision) -> int:
        """Store a grouping decision, apply it to the stories, and return its id (for undo)."""
        if decision.kind not in DECISION_KINDS:
            raise ValueError(f"unknown decision kind {decision.kind!r}")
        self._require_article(decision.article_id)
        if decision.kind in ("move", "merge"):
            if not decision.other_id:
                raise ValueError(f"a {decision.kind} decision needs other_id")
            self._require_article(decision.other_id)
        with self._write() as conn:
            decision_id = conn.execute(
                "INSERT INTO decisions(kind, article_id, other_id, title, created_at) "
                "VALUES (?, ?, ?, ?, ?)", (decision.kind, decision.article_id,
                                           decision.other_id, decision.title, _now())).lastrowid
        self._refresh_stories()
        return int(decision_id)

    def remove(self, ids: Sequence[str]) -> Removed:
        """Remove articles ("a12") or whole stories ("s3") from the library and regroup what
        is left; returns what restore() needs to undo it. KeyError for an unknown id."""
        from reader.core.library import removal

        with self._write() as conn:
            rowids = removal.article_rowids(conn, list(ids))
            removed = removal.delete_articles(conn, rowids)
        self._keeper.invalidate()
        self.regroup()  # the stored grouping index still holds the removed articles
        return removed

    def restore(self, removed: Removed) -> None:
        """Undo a remove(): the articles come back with their ids, flags and edits."""
        from reader.core.library import removal

        with self._write() as conn:
            removal.restore_articles(conn, removed)
        self._keeper.invalidate()
        self.regroup()

    def undo_decision(self, decision_id: int) -> bool:
        """Forget a decision and regroup without it; False if there was no such decision."""
        with self._write() as conn:
            gone = conn.execute("DELETE FROM decisions WHERE id = ?", (decision_id,)).rowcount
        if gone:
            self._refresh_stories()
        return bool(gone)
