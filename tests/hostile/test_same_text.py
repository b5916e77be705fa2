"""Class 8: the same file under another name is one article with both sources recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.cli import main
from reader.core.library import Library
from tests.hostile.helpers import GOOD

WIRE = ("Storm closes the harbour\n\nA storm closed the harbour at dawn on Monday. Ferries "
        "stayed in port while crews checked the moorings.\n")


def test_copy_under_another_name_is_one_article_with_two_sources(tmp_path: Path, capsys) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    original = tmp_path / "a" / "x.txt"
    original.write_text(GOOD, encoding="utf-8")
    copy = tmp_path / "b" / "copy.txt"
    shutil.copy(original, copy)
    lib = str(tmp_path / "lib.sqlite")
    assert main(["import", "--library", lib, str(tmp_path / "a")]) == 0
    assert main(["import", "--library", lib, str(tmp_path / "b")]) == 0
    assert "added 0 article(s), skipped 1 duplicate(s)" in capsys.readouterr().out
    with Library.open(lib) as library:
        assert library.count_articles() == 1
        (story,) = library.stories()
        assert story.n_versions == 1
        info = library.article_info("a1")
        assert info.article.source == str(original)
        assert info.other_sources == (str(copy),)


def test_same_file_imported_together_and_moved_also_recorded(tmp_path: Path) -> None:
    for name in ("one/x.txt", "two/x.txt", "three/renamed.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite") as library:
        summary = library.import_paths([str(tmp_path / d) for d in ("one", "two", "three")])
        assert len(summary.added) == 1 and summary.duplicates == 2
        assert sorted(Path(p).parent.name for p in library.other_sources("a1")) == \
            ["three", "two"]


def test_different_files_sharing_a_wire_story_stay_two_versions(tmp_path: Path) -> None:
    # Two outlets' files: the same wire item, but each file says something else as well.
    (tmp_path / "reuters.md").write_text(
        "---\noutlet: Reuters\n---\n" + WIRE, encoding="utf-8")
    (tmp_path / "ap.md").write_text("---\noutlet: AP\n---\n" + WIRE, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite") as library:
        summary = library.import_paths([str(tmp_path)])
        assert len(summary.added) == 2
        assert library.other_sources("a1") == [] and library.other_sources("a2") == []
