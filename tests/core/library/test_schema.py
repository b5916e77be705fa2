"""Schema migrations, pragmas and where the library lives."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.library import Library, LibraryError, default_library_path, resolve_library_path
from reader.core.library.schema import CURRENT_VERSION


def test_fresh_library_gets_current_version_and_pragmas(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        conn = lib._conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"sources", "articles", "articles_fts", "stories", "story_articles", "decisions",
            "meta", "outlet_aliases"} <= tables


def test_reopening_is_idempotent_and_keeps_data(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.import_text("Harbour reopens\n\nThe harbour reopened on Monday after repairs.")
    schema = sqlite3.connect(path).execute(
        "SELECT group_concat(sql, ';') FROM sqlite_master").fetchone()[0]
    for _ in range(2):
        with Library.open(path) as lib:
            assert lib.count_articles() == 1
            assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert sqlite3.connect(path).execute(
        "SELECT group_concat(sql, ';') FROM sqlite_master").fetchone()[0] == schema


def test_newer_schema_is_refused_with_one_line(tmp_path):
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer version"):
        Library.open(path)


def test_not_a_database_is_a_library_error(tmp_path):
    path = tmp_path / "lib.sqlite"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError, match="cannot open library"):
        Library.open(path)


def test_missing_folder_is_refused_not_created(tmp_path):
    with pytest.raises(LibraryError, match="does not exist"):
        Library.open(tmp_path / "nope" / "lib.sqlite")
    assert not (tmp_path / "nope").exists()


def test_path_precedence_flag_env_default(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_LIBRARY", str(tmp_path / "env.sqlite"))
    assert resolve_library_path(tmp_path / "flag.sqlite") == tmp_path / "flag.sqlite"
    assert resolve_library_path(None) == tmp_path / "env.sqlite"
    monkeypatch.delenv("PARALLAX_LIBRARY")
    assert resolve_library_path(None) == default_library_path()
    # conftest points XDG_DATA_HOME into tmp_path, so the default is isolated too.
    assert str(default_library_path()).startswith(str(tmp_path))
    assert default_library_path().parent.name == "Parallax"


def test_default_location_is_created(tmp_path, monkeypatch):
    monkeypatch.delenv("PARALLAX_LIBRARY")
    with Library.open() as lib:
        lib.import_text("Bridge opens\n\nThe new bridge opened to traffic today.")
    assert default_library_path().is_file()
