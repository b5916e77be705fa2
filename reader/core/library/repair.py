"""`parallax repair`: rebuild a damaged library from every article that can still be read."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reader.core.library.connection import LibraryError, resolve_library_path
from reader.core.library.schema import migrate

_ARTICLE_COLUMNS = ("id", "source_id", "part", "title", "outlet", "date", "url", "sentences",
                    "paragraphs", "content_hash", "word_count", "added_at", "is_read",
                    "starred", "user_title", "user_outlet")
_RANGE = 256
# Without a readable MAX(id), probe ids until this many in a row are missing.
_PROBE_GAP = 2000


@dataclass(frozen=True)
class RepairReport:
    """What a repair did: articles kept of those found, and where the damaged file went."""

    library: Path
    kept_as: Path
    articles: int
    lost: int
    decisions: int


def repair_library(path: str | os.PathLike[str] | None = None) -> RepairReport:
    """Salvage the readable articles of a (damaged) library into a new file put in its place.

    The damaged file is never changed: it is renamed to `<name>.damaged-<time>` next to the
    new library. Grouping is rebuilt; article ids, read/starred flags, titles and outlet
    edits, and grouping decisions that could be read are kept. Raises LibraryError.
    """
    from reader.core.library.library import Library

    db_path = resolve_library_path(path)
    if not db_path.is_file():
        raise LibraryError(f"no library at {db_path}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    work = db_path.with_name(f"{db_path.name}.repairing-{stamp}")
    new = db_path.with_name(f"{db_path.name}.new-{stamp}")
    kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    try:
        _copy_with_wal(db_path, work)
        src = _open_damaged(work)
        try:
            articles, lost = _read_articles(src)
            # Articles the story table still names but whose pages were unreadable count too.
            grouped = {r[0] for r in _read_rows(src, "SELECT article_id FROM story_articles", 1)}
            lost += len(grouped - {a[0] for a in articles})
            sources = _read_rows(src, "SELECT id, path, imported_at FROM sources", 3)
            decisions = _read_rows(src, "SELECT kind, article_id, other_id, title, created_at "
                                        "FROM decisions ORDER BY id", 5)
            aliases = _read_rows(src, "SELECT name, display FROM outlet_aliases", 2)
            copies = _read_rows(src, "SELECT article_id, source_id FROM article_sources", 2)
            strictness = _read_rows(
                src, "SELECT value FROM meta WHERE key = 'grouping_strictness'", 1)
        finally:
            src.close()
        with Library.open(new) as lib:
            _write_all(lib._conn, articles, sources, decisions, aliases, copies)
            lib.regroup(float(strictness[0][0]) if strictness else None)
    except BaseException:
        for leftover in (new, Path(f"{new}-wal"), Path(f"{new}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            leftover.unlink(missing_ok=True)
    os.replace(db_path, kept)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db_path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{kept}{suffix}"))
    os.replace(new, db_path)
    return RepairReport(db_path, kept, len(articles), lost, len(decisions))


def _copy_with_wal(db_path: Path, work: Path) -> None:
    shutil.copyfile(db_path, work)
    wal = Path(f"{db_path}-wal")
    if wal.exists():  # committed transactions not yet checkpointed are part of the library
        shutil.copyfile(wal, Path(f"{work}-wal"))


def _open_damaged(work: Path) -> sqlite3.Connection:
    """Open the working copy; a damaged schema is replaced by the known one first."""
    conn = sqlite3.connect(work, isolation_level=None)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        conn.execute("SELECT 1 FROM articles LIMIT 1").fetchall()
        return conn
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        pass
    _restore_schema(conn)
    conn.close()
    conn = sqlite3.connect(work, isolation_level=None)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        conn.close()
        raise LibraryError(f"cannot repair {work.name}: its structure is unreadable ({exc})") \
            from None
    return conn


def _restore_schema(conn: sqlite3.Connection) -> None:
    """Rewrite schema rows whose SQL text differs from the schema this version creates."""
    expected = sqlite3.connect(":memory:", isolation_level=None)
    migrate(expected)
    known = dict(expected.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    expected.close()
    conn.execute("PRAGMA writable_schema=ON")
    try:
        rows = conn.execute("SELECT rowid, name, CAST(sql AS BLOB) FROM sqlite_master").fetchall()
        for rowid, name, sql in rows:
            want = known.get(name)
            if want is not None and (sql or b"") != want.encode("utf-8"):
                conn.execute("UPDATE sqlite_master SET sql = ? WHERE rowid = ?", (want, rowid))
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"cannot repair: the library's schema is unreadable ({exc})") \
            from None
    finally:
        conn.execute("PRAGMA writable_schema=OFF")


def _read_rows(conn: sqlite3.Connection, sql: str, width: int) -> list[tuple]:
    """All rows of a small table, or those before the first damaged page."""
    out: list[tuple] = []
    try:
        for row in conn.execute(sql):
            out.append(tuple(row[:width]))
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        pass
    return out


def _max_id(conn: sqlite3.Connection) -> int | None:
    for sql in ("SELECT MAX(id) FROM articles", "SELECT MAX(article_id) FROM story_articles"):
        try:
            value = conn.execute(sql).fetchone()[0]
            if value is not None:
                return int(value)
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            continue
    return None


def _read_articles(conn: sqlite3.Connection) -> tuple[list[tuple], int]:
    """Every readable, well-formed article row, by id range (row by row where a range fails)."""
    columns = ", ".join(_ARTICLE_COLUMNS)
    top = _max_id(conn)
    good: list[tuple] = []
    lost = 0

    def one(rowid: int) -> tuple | None | bool:
        try:
            row = conn.execute(f"SELECT {columns} FROM articles WHERE id = ?",
                               (rowid,)).fetchone()
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            return False  # there, but unreadable
        return row

    start, misses = 1, 0
    while top is not None and start <= top or top is None and misses < _PROBE_GAP:
        end = start + _RANGE - 1
        try:
            rows = conn.execute(f"SELECT {columns} FROM articles WHERE id BETWEEN ? AND ?",
                                (start, end)).fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            rows = []
            for rowid in range(start, end + 1):
                row = one(rowid)
                if row is False:
                    lost += 1
                elif row is not None:
                    rows.append(row)
        for row in rows:
            if _well_formed(row):
                good.append(tuple(row))
            else:
                lost += 1
        misses = 0 if rows else misses + _RANGE
        start = end + 1
    return good, lost


def _well_formed(row) -> bool:
    try:
        sentences = json.loads(row[7])
        paragraphs = json.loads(row[8])
    except (TypeError, ValueError):
        return False
    return (isinstance(sentences, list) and sentences and all(isinstance(s, str) for s in sentences)
            and isinstance(paragraphs, list) and isinstance(row[3], str)
            and isinstance(row[4], str) and isinstance(row[9], str))


def _write_all(conn, articles, sources, decisions, aliases, copies) -> None:
    known_sources = {row[0] for row in sources}
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("INSERT OR IGNORE INTO sources(id, path, imported_at) VALUES (?, ?, ?)",
                         [s for s in sources if isinstance(s[1], str)])
        missing = {a[1] for a in articles} - known_sources
        conn.executemany("INSERT OR IGNORE INTO sources(id, path, imported_at) VALUES (?, ?, ?)",
                         [(sid, f"(source {sid}, lost in repair)", "") for sid in missing])
        marks = ", ".join("?" * len(_ARTICLE_COLUMNS))
        for art in articles:
            cur = conn.execute(f"INSERT OR IGNORE INTO articles({', '.join(_ARTICLE_COLUMNS)}) "
                               f"VALUES ({marks})", art)
            if cur.rowcount == 1:
                conn.execute("INSERT INTO articles_fts(rowid, title, outlet, body) "
                             "SELECT id, title, outlet, body FROM article_text WHERE id = ?",
                             (art[0],))
        conn.executemany("INSERT OR IGNORE INTO decisions(kind, article_id, other_id, title,"
                         " created_at) VALUES (?, ?, ?, ?, ?)", decisions)
        conn.executemany("INSERT OR IGNORE INTO outlet_aliases(name, display) VALUES (?, ?)",
                         aliases)
        kept = {a[0] for a in articles}
        conn.executemany("INSERT OR IGNORE INTO article_sources(article_id, source_id) "
                         "SELECT ?, id FROM sources WHERE id = ?",
                         [c for c in copies if c[0] in kept])
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
