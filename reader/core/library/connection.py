"""Where the library lives and how a connection to it is opened (pragmas, migrations)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.core.library.schema import SchemaTooNew, migrate

ENV_VAR = "PARALLAX_LIBRARY"
FILE_NAME = "library.sqlite"
# Writers wait this long for the write lock before giving up (seconds).
BUSY_TIMEOUT = 30.0


class LibraryError(Exception):
    """A library problem the user can act on (bad path, not a library, too new): one line."""


def default_library_path() -> Path:
    """The library in the user's data directory (e.g. ~/.local/share/Parallax/library.sqlite)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Parallax", appauthor=False)) / FILE_NAME


def resolve_library_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The library path: the explicit PATH, else $PARALLAX_LIBRARY, else the default."""
    if path:
        return Path(path).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_library_path()


def connect(path: str | os.PathLike[str] | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the library at a resolved path, migrated to the current schema.

    The connection is in autocommit mode: the repository opens its own transactions with
    BEGIN IMMEDIATE, so a write never upgrades a read lock half way (no SQLITE_BUSY deadlock).
    """
    explicit = bool(path) or bool(os.environ.get(ENV_VAR))
    db_path = resolve_library_path(path)
    folder = db_path.parent
    if db_path.is_dir():
        raise LibraryError(f"library path {db_path} is a folder, not a database file")
    if not folder.is_dir():
        if explicit:
            # A typo in --library should not silently create folders somewhere.
            raise LibraryError(f"cannot create library {db_path}: folder {folder} does not exist")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create library folder {folder}: {_why(exc)}") from None
    if not db_path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise LibraryError(f"cannot create library {db_path}: folder {folder} is not writable")
    try:
        conn = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT, isolation_level=None)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open library {db_path}: {exc}") from None
    try:
        _configure(conn)
        migrate(conn)
    except SchemaTooNew:
        conn.close()
        raise LibraryError(
            f"library {db_path} was written by a newer version of Parallax") from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"cannot open library {db_path}: {exc}") from None
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    # WAL: readers (the UI) never block the one writer (an import) and vice versa.
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.DatabaseError(f"cannot switch to WAL journal (got {mode})")
    # Under WAL, NORMAL keeps every committed transaction atomic and the file consistent
    # after a crash; only the last commits may be lost on power failure, not on a kill.
    conn.execute("PRAGMA synchronous=NORMAL")
    # An import commits once per file: checkpointing every ~40 MB of WAL instead of every
    # 4 MB writes each hot page (FTS structure, index leaves) back far less often (~1.5x
    # faster imports); the WAL file is cut back to 64 MB after a checkpoint.
    conn.execute("PRAGMA wal_autocheckpoint=10000")
    conn.execute("PRAGMA journal_size_limit=67108864")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA temp_store=MEMORY")


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
