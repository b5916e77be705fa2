"""Class 7: any name the OS allows is stored and shown; names print as one escaped line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.text.display import one_line, safe_name
from tests.hostile.helpers import GOOD, run_cli

posix_bytes = pytest.mark.skipif(sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8",
                                 reason="byte file names")

OTHER = ("Storm closes the harbour\n\nA storm closed the harbour at dawn on Monday. Ferries "
         "stayed in port while crews checked the moorings.\n")


@posix_bytes
def test_non_utf8_name_is_imported_and_listed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-news.txt"), "w") as fh:
        fh.write(GOOD)
    lib = tmp_path / "lib.sqlite"
    done = run_cli("import", "--library", str(lib), str(folder))
    assert done.returncode == 0, done.stderr.decode()
    assert b"added 1 article(s)" in done.stdout
    assert b"caf\\xe9-news" in done.stdout  # the outlet (file name) shown, escaped
    with Library.open(lib) as library:
        (art,) = library.articles()
        assert art.outlet == "caf\\xe9-news"
    listed = run_cli("list", "--library", str(lib))
    assert listed.returncode == 0 and b"caf\\xe9-news" in listed.stdout


@posix_bytes
def test_newline_and_escape_in_names_print_as_one_escaped_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(OTHER, encoding="utf-8")
    (folder / "x\nparallax: forged.txt").write_bytes(b"")
    (folder / "\x1b[31mred.txt").write_bytes(b"")
    (folder / "-rf.txt").write_text(GOOD, encoding="utf-8")
    done = run_cli("import", "--library", str(tmp_path / "lib.sqlite"), str(folder))
    err = done.stderr.decode()
    assert done.returncode == 1
    lines = err.splitlines()
    assert len(lines) == 2, err  # one line per rejected file, nothing forged
    assert "x\\nparallax: forged.txt: empty file" in err
    assert "\x1b" not in err and "\\x1b[31mred.txt: empty file" in err
    assert b"added 2 article(s)" in done.stdout  # the leading-dash name is just a file
    group = run_cli("group", str(folder))
    assert "\x1b" not in group.stderr.decode() and len(group.stderr.decode().splitlines()) == 2


def test_display_helpers() -> None:
    assert safe_name("a\nb\x1b[0m\u202ec") == "a\\nb\\x1b[0m\\u202ec"
    assert safe_name("plain name.txt") == "plain name.txt"
    assert safe_name(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    long = "word " * 500_000
    shown = one_line(long)
    assert len(shown) <= 200 and shown.endswith("\u2026")
    assert one_line("a\x1b[2Jb") == "a\\x1b[2Jb"
