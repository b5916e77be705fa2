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


class DamagedLibrary(LibraryError):
    """The library file is an SQLite database whose pages or schema are damaged."""


class ReadOnlyLibrary(LibraryError):
    """A write was asked of a library opened read-only (the message says why)."""


_SQLITE_MAGIC = b"SQLite format 3\x00"
# Libraries up to this size get PRAGMA quick_check at open (~0.1 s per 50 MB): damage is
# then reported in one line before any query trips over it. Bigger ones are checked by
# `parallax repair`; a damaged page met later is still reported as damage, not a traceback.
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024


def damaged_message(db_path: Path, detail: object) -> str:
    """The one line shown for a damaged library: what, that it is kept, and the way out."""
    detail = " ".join(str(detail).replace("*** in database main ***", "").split())[:120]
    return (f"library {db_path} is damaged ({detail}); it was left as it is: run "
            f"`parallax repair --library {db_path}` to rebuild it from what is readable")


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error means damaged pages (not a lock, a full disk or a bad query)."""
    if isinstance(exc, UnicodeDecodeError):
        return True
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and any(
        w in text for w in ("malformed", "corrupt", "not a database", "disk image"))


def read_only_reason(db_path: Path) -> str | None:
    """Why an existing library can only be read (file or folder not writable), else None."""
    if not db_path.exists():
        return None
    if not os.access(db_path, os.W_OK):
        return "the library file is read-only"
    if not os.access(db_path.parent, os.W_OK | os.X_OK):
        # WAL needs to create its -wal and -shm files next to the library.
        return f"its folder {db_path.parent} is not writable"
    return None


def connect(path: str | os.PathLike[str] | None = None) -> "LibraryConnection":
    """Open (creating if needed) the library at a resolved path, migrated to the current schema.

    The connection is in autocommit mode: the repository opens its own transactions with
    BEGIN IMMEDIATE, so a write never upgrades a read lock half way (no SQLITE_BUSY deadlock).
    A library that cannot be written is opened read-only (`read_only_reason` says why).
    Raises LibraryError (DamagedLibrary for damage) with a one-line message.
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
    read_only = read_only_reason(db_path)
    _check_header(db_path)
    try:
        if read_only:
            conn = _connect_read_only(db_path)
        else:
            _fix_shm_permissions(db_path)
            conn = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT, isolation_level=None,
                                   factory=LibraryConnection)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open library {db_path}: {exc}") from None
    try:
        if read_only:
            _check_version(conn)
        else:
            _configure(conn)
            migrate(conn)
        _check_once(conn, db_path)
    except SchemaTooNew:
        conn.close()
        raise LibraryError(
            f"library {db_path} was written by a newer version of Parallax") from None
    except _NeedsUpgrade:
        conn.close()
        raise LibraryError(f"library {db_path} needs an upgrade by this version of Parallax, "
                           f"but {read_only}") from None
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        conn.close()
        if is_damage(exc):
            raise DamagedLibrary(damaged_message(db_path, exc)) from None
        raise LibraryError(f"cannot open library {db_path}: {exc}") from None
    conn.read_only_reason = read_only
    return conn


class _NeedsUpgrade(Exception):
    pass


class LibraryConnection(sqlite3.Connection):
    """A connection that remembers why it is read-only (None when it may write)."""

    read_only_reason: str | None = None


# Files this process has already checked, as (path, size, mtime): worker threads open their
# own connections, and each should not pay for the check again.
_CHECKED: set[tuple[str, int, int]] = set()


def _check_once(conn: sqlite3.Connection, db_path: Path) -> None:
    st = db_path.stat()
    key = (str(db_path.resolve()), st.st_size, st.st_mtime_ns)
    if st.st_size > QUICK_CHECK_MAX_BYTES or key in _CHECKED:
        return
    quick_check(conn)
    _CHECKED.add(key)


def quick_check(conn: sqlite3.Connection) -> None:
    """Raise sqlite3.DatabaseError if SQLite's quick check finds damaged pages or indexes."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check(3)")]
    if rows != ["ok"]:
        raise sqlite3.DatabaseError("malformed: " + "; ".join(map(str, rows)))


def _check_header(db_path: Path) -> None:
    """A file that is not SQLite at all is refused before SQLite sees it."""
    try:
        with open(db_path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError:
        return  # missing (to be created) or unreadable: connect() says which
    if head and head != _SQLITE_MAGIC:
        raise LibraryError(f"cannot open library {db_path}: file is not a database")


def _connect_read_only(db_path: Path) -> sqlite3.Connection:
    # Without a pending WAL, immutable=1 reads the file as it is and creates no -shm (which
    # SQLite would make read-only like the file, breaking later writers); with one, mode=ro.
    wal = Path(f"{db_path}-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    uri = db_path.resolve().as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None,
                           factory=LibraryConnection)
    conn.execute("PRAGMA query_only=ON")
    conn.execute("PRAGMA temp_store=MEMORY")
    return conn


def _check_version(conn: sqlite3.Connection) -> None:
    from reader.core.library.schema import CURRENT_VERSION

    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > CURRENT_VERSION:
        raise SchemaTooNew(str(version))
    if version < CURRENT_VERSION:
        raise _NeedsUpgrade(str(version))


def _fix_shm_permissions(db_path: Path) -> None:
    """A -shm left read-only (by an older version reading a 0444 library) blocks every writer."""
    shm = Path(f"{db_path}-shm")
    try:
        if shm.exists() and not os.access(shm, os.W_OK):
            os.chmod(shm, db_path.stat().st_mode & 0o666)
    except OSError:
        pass  # not ours to fix: SQLite's own error will say what is wrong


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
