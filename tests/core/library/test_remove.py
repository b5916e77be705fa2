"""Removing articles and stories from the library (and undoing it); `parallax remove`."""

from __future__ import annotations

import pytest

from reader.cli import main
from reader.core.library import Library
from reader.core.model import Decision


def _five(lib):
    return max(lib.stories(), key=lambda r: len(r.article_ids))


def test_remove_a_version_then_restore_it_with_its_id_flags_and_decisions(seeds_dir, tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([str(seeds_dir)])
        story = _five(lib)
        aid = story.article_ids[-1]
        lib.set_starred(aid, True)
        split = lib.record_decision(Decision("split", aid))
        assert lib.story(lib.story_of(aid)).article_ids == (aid,)
        before = lib.count_articles()
        removed = lib.remove([aid])
        assert lib.count_articles() == before - 1
        with pytest.raises(KeyError):
            lib.article_info(aid)
        assert not any(aid in r.article_ids for r in lib.stories())
        assert not lib.search("Zelenskiy has stated that he does not feel Putin")
        lib.restore(removed)
        assert lib.count_articles() == before
        info = lib.article_info(aid)
        assert info.starred
        assert lib.story(lib.story_of(aid)).article_ids == (aid,)  # the split still holds
        assert lib.search("Zelenskiy has stated that he does not feel Putin")
        assert lib.undo_decision(split)
        assert aid in lib.story(lib.story_of(story.article_ids[0])).article_ids


def test_remove_a_whole_story(seeds_dir, tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([str(seeds_dir)])
        story = _five(lib)
        removed = lib.remove([story.id])
        assert len(removed.article_ids) == 5
        assert all(len(r.article_ids) < 5 for r in lib.stories())
        with pytest.raises(KeyError):
            lib.remove(["a9999"])


def test_parallax_remove_command(seeds_dir, tmp_path, capsys):
    path = str(tmp_path / "lib.sqlite")
    assert main(["import", str(seeds_dir), "--library", path]) == 0
    capsys.readouterr()
    assert main(["remove", "a1", "a2", "--library", path]) == 0
    out = capsys.readouterr().out
    assert "removed 2 articles" in out
    with Library.open(path) as lib:
        assert lib.count_articles() == 21
    assert main(["remove", "a1", "--library", path]) == 2  # already gone: an error
    assert "no article or story a1" in capsys.readouterr().err
