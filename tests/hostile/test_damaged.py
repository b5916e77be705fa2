"""Class 5: a damaged library is reported in one line, kept, and `parallax repair` rebuilds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.library.connection import DamagedLibrary
from tests.hostile.damage import flip_schema, make_library, scramble_pages
from tests.hostile.helpers import GOOD, run_cli


def _damage(lib: Path, kind: str) -> None:
    if kind == "schema":
        flip_schema(lib)
    else:
        scramble_pages(lib, kind)


@pytest.mark.parametrize("kind", ["schema", "articles", "stories", "articles_fts_data"])
def test_damage_is_one_line_and_repair_recovers(tmp_path: Path, kind: str) -> None:
    lib = make_library(tmp_path)
    _damage(lib, kind)
    damaged = lib.read_bytes()
    for args in (["list"], ["import", str(tmp_path / "in")], ["list", "--search", "river"]):
        done = run_cli(*args, "--library", str(lib))
        err = done.stderr.decode()
        assert done.returncode == 2, err
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        assert "is damaged" in err and "parallax repair" in err
    assert lib.read_bytes() == damaged  # kept exactly as it was

    done = run_cli("repair", "--library", str(lib))
    out = done.stdout.decode()
    assert done.returncode in (0, 1), done.stderr.decode()
    (kept,) = tmp_path.glob("lib.sqlite.damaged-*")
    assert kept.read_bytes() == damaged
    with Library.open(lib) as library:
        n = library.count_articles()
        # Story pages or the index: every article survives; article pages: most of them.
        assert n == 60 if kind != "articles" else 20 <= n < 60
        assert library.count_stories() > 0
        assert library.search("river") is not None
    assert f"kept {n} article(s)" in out
    listed = run_cli("list", "--library", str(lib))
    assert listed.returncode == 0, listed.stderr.decode()
    new = tmp_path / "more"
    new.mkdir()
    (new / "flood.txt").write_text(GOOD, encoding="utf-8")
    assert run_cli("import", "--library", str(lib), str(new)).returncode == 0


def test_library_open_raises_damaged_library(tmp_path: Path) -> None:
    lib = make_library(tmp_path)
    scramble_pages(lib, "stories", keep_first=False)
    with pytest.raises(DamagedLibrary, match="parallax repair"):
        Library.open(lib)


def test_not_sqlite_is_not_called_damage(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(b"plain text, not a database\n" * 100)
    done = run_cli("list", "--library", str(lib))
    assert done.returncode == 2 and b"not a database" in done.stderr
    assert b"repair" not in done.stderr
