"""Class 12: grouping runs in bounded batches; Ctrl-C and a full disk report what was saved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library import Library, keeper
from reader.core.library.library import Library as LibraryClass
from reader.core.library.rows import ImportAborted
from tests.core.library.helpers import write_articles


def _count(lib: Path, sql: str) -> int:
    with Library.open(lib) as library:
        return library._conn.execute(sql).fetchone()[0]


def test_pending_articles_are_grouped_in_batches_that_survive_a_kill(tmp_path, monkeypatch):
    lib = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "in", 50)
    # An import killed before grouping: stored, not grouped.
    monkeypatch.setattr(LibraryClass, "_group_pending", lambda self, *a, **k: set())
    with Library.open(lib) as library:
        library.import_paths([str(tmp_path / "in")])
    monkeypatch.undo()
    assert _count(lib, "SELECT COUNT(*) FROM story_articles") == 0
    monkeypatch.setattr(keeper, "PENDING_BATCH", 10)
    monkeypatch.setattr("reader.core.library.library.PENDING_BATCH", 10)
    calls = {"n": 0}
    real_sync = keeper.IndexKeeper._sync

    def killed_on_third(self, index):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the kill arrives during the third batch
        return real_sync(self, index)

    monkeypatch.setattr(keeper.IndexKeeper, "_sync", killed_on_third)
    with Library.open(lib) as library, pytest.raises(KeyboardInterrupt):
        library.group_pending()
    assert _count(lib, "SELECT COUNT(*) FROM story_articles") == 20  # two batches kept
    monkeypatch.setattr(keeper.IndexKeeper, "_sync", real_sync)
    with Library.open(lib) as library:
        library.group_pending()
        assert library._conn.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0] == 50


def test_ctrl_c_reports_how_many_articles_were_saved(tmp_path, capsys, monkeypatch):
    lib = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "in", 8)
    real_store = LibraryClass._store_file
    calls = {"n": 0}

    def store_then_ctrl_c(self, result, aliases):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real_store(self, result, aliases)

    monkeypatch.setattr(LibraryClass, "_store_file", store_then_ctrl_c)
    code = main(["import", "--library", str(lib), str(tmp_path / "in")])
    out, err = capsys.readouterr()
    assert code == 130
    assert len(re.findall(r"^a\d+\t", out, re.M)) == 3
    assert "added 3 article(s)" in out and "interrupted" in out
    assert "3 article(s) listed above are saved" in err
    assert _count(lib, "SELECT COUNT(*) FROM articles") == 3


def test_full_disk_prints_what_was_kept(tmp_path, capsys, monkeypatch):
    lib = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "in", 40)
    Library.open(lib).close()
    real_connect = __import__("reader.core.library.connection", fromlist=["x"]).connect

    def small_disk(path=None):
        conn = real_connect(path)
        used = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {used + 12}")  # SQLite's own "disk is full"
        return conn

    monkeypatch.setattr("reader.core.library.library.connect", small_disk)
    code = main(["import", "--library", str(lib), str(tmp_path / "in")])
    out, err = capsys.readouterr()
    assert code == 1
    kept = re.findall(r"^(a\d+)\t", out, re.M)
    assert 0 < len(kept) < 40
    assert "full" in err and f"{len(kept)} article(s) listed above are saved" in err
    monkeypatch.undo()
    assert _count(lib, "SELECT COUNT(*) FROM articles") == len(kept)


def test_import_aborted_carries_the_partial_summary(tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 5)
    seen = []

    def progress(done, total, source):
        seen.append(source)
        if done == 2:
            raise KeyboardInterrupt

    with Library.open(tmp_path / "lib.sqlite") as library:
        with pytest.raises(ImportAborted) as caught:
            library.import_paths([str(tmp_path / "in")], progress=progress)
        assert caught.value.interrupted and len(caught.value.summary.added) == 2
        assert library.count_articles() == 2


def test_app_import_stopped_by_a_full_disk_returns_what_was_saved(tmp_path, monkeypatch):
    from reader.ui.gateway import import_paths_into

    lib = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "in", 40)
    Library.open(lib).close()
    real_connect = __import__("reader.core.library.connection", fromlist=["x"]).connect

    def small_disk(path=None):
        conn = real_connect(path)
        used = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {used + 12}")
        return conn

    monkeypatch.setattr("reader.core.library.library.connect", small_disk)
    summary = import_paths_into(lib, [str(tmp_path / "in")], 0.5, progress=None, cancel=None)
    assert summary.cancelled and 0 < len(summary.added) < 40
    assert "full" in summary.rejected[-1].reason and "are saved" in summary.rejected[-1].reason
    monkeypatch.undo()
    assert _count(lib, "SELECT COUNT(*) FROM articles") == len(summary.added)
