"""`parallax import` and `parallax list` through reader.cli.main, as a user runs them."""

from __future__ import annotations

import re

from reader.cli import main
from reader.core.library import Library
from tests.core.library.helpers import write_articles


def test_import_then_list_seeds(seeds_dir, tmp_path, capsys):
    lib = str(tmp_path / "lib.sqlite")
    assert main(["import", str(seeds_dir), "--library", lib]) == 0
    out = capsys.readouterr().out
    added = [line for line in out.splitlines() if re.match(r"a\d+\ts\d+\t", line)]
    assert len(added) >= 5  # at least one article per seed file
    assert added[0].split("\t")[0] == "a1"
    assert "skipped 0 duplicate" in out.splitlines()[-1]
    with Library.open(lib) as library:
        n = library.count_articles()
        assert n == len(added)
    assert main(["list", "--library", lib]) == 0
    listing = capsys.readouterr().out.splitlines()
    story_lines = [line for line in listing if line.startswith("s")]
    version_lines = [line for line in listing if line.startswith("    a")]
    assert story_lines and len(version_lines) == n
    assert "legitimate targets" in "\n".join(listing)


def test_reimport_adds_nothing(seeds_dir, tmp_path, capsys):
    lib = str(tmp_path / "lib.sqlite")
    assert main(["import", str(seeds_dir), "--library", lib]) == 0
    with Library.open(lib) as library:
        before = library.count_articles()
        stories = library.count_stories()
    capsys.readouterr()
    assert main(["import", str(seeds_dir), "--library", lib]) == 0
    out = capsys.readouterr().out
    assert f"added 0 article(s), skipped {before} duplicate(s)" in out
    with Library.open(lib) as library:
        assert library.count_articles() == before
        assert library.count_stories() == stories


def test_rejections_go_to_stderr_and_exit_1(tmp_path, capsys):
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "empty.txt").write_text("")
    missing = tmp_path / "missing.txt"
    lib = str(tmp_path / "lib.sqlite")
    assert main(["import", str(folder), str(missing), "--library", lib]) == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert all(line.startswith("parallax: ") for line in errors)
    assert any(str(missing) in line for line in errors)
    assert "Traceback" not in captured.err
    assert "added 2 article(s)" in captured.out
    with Library.open(lib) as library:
        assert library.count_articles() == 2


def test_bad_library_path_is_usage_error(tmp_path, capsys):
    folder = tmp_path / "in"
    write_articles(folder, 1)
    code = main(["import", str(folder), "--library", str(tmp_path / "no" / "lib.sqlite")])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err
    assert main(["list", "--library", str(tmp_path / "no" / "lib.sqlite")]) == 2


def test_library_path_under_a_file_is_usage_error(tmp_path, capsys):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    assert main(["list", "--library", str(not_a_folder / "lib.sqlite")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("parallax: ") and err.count("\n") == 1


def test_env_var_chooses_library_and_flag_wins(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "in"
    write_articles(folder, 3)
    env_lib = tmp_path / "env.sqlite"
    flag_lib = tmp_path / "flag.sqlite"
    monkeypatch.setenv("PARALLAX_LIBRARY", str(env_lib))
    assert main(["import", str(folder)]) == 0
    assert env_lib.is_file() and not flag_lib.exists()
    assert main(["import", str(folder), "--library", str(flag_lib)]) == 0
    out = capsys.readouterr().out
    assert "added 3 article(s)" in out.splitlines()[-1]  # the flag library was fresh
    with Library.open(env_lib) as lib:
        assert lib.count_articles() == 3


def test_list_search_shows_only_matching_versions(tmp_path, capsys):
    folder = tmp_path / "in"
    write_articles(folder, 6)  # article n mentions WORDS[n]: 3 is "river"
    lib = str(tmp_path / "lib.sqlite")
    assert main(["import", str(folder), "--library", lib]) == 0
    capsys.readouterr()
    assert main(["list", "--library", lib, "--search", "river"]) == 0
    lines = capsys.readouterr().out.splitlines()
    versions = [line for line in lines if line.startswith("    a")]
    assert len(versions) == 1 and "river" in versions[0]
    assert lines[-1].startswith("1 matching article(s)")


def test_list_empty_library(tmp_path, capsys):
    assert main(["list", "--library", str(tmp_path / "lib.sqlite")]) == 0
    assert "empty" in capsys.readouterr().out


def test_locked_library_is_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    import sqlite3

    folder = tmp_path / "in"
    write_articles(folder, 2)
    lib = tmp_path / "lib.sqlite"
    Library.open(lib).close()
    monkeypatch.setattr("reader.core.library.connection.BUSY_TIMEOUT", 0.05)
    holder = sqlite3.connect(lib, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        assert main(["import", str(folder), "--library", str(lib)]) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "locked" in err and "Traceback" not in err
