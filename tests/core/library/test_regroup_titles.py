"""Issue 11 (6): a story a split or merge made is titled from its own versions."""

from __future__ import annotations

from reader.core.library import Library
from reader.core.model import Decision

BRIDGE = ("---\ntitle: {title}\noutlet: {outlet}\ndate: 2025-05-0{day}\n---\n"
          "The new river bridge in Tallinn opened on Monday after three years of building work. "
          "The mayor said 40,000 cars a day would cross the bridge over the river. "
          "Engineers tested the bridge deck with loaded trucks last week.\n")
BAKERY = ("---\ntitle: {title}\noutlet: {outlet}\ndate: 2025-05-0{day}\n---\n"
          "A family bakery in Lyon won the national baguette contest on Sunday. "
          "The jury praised the crust and the crumb of the winning loaf. "
          "The bakery will supply the presidential palace for a year.\n")


def _library(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "1.md").write_text(BRIDGE.format(title="Tallinn opens river bridge", outlet="ERR",
                                            day=1))
    (src / "2.md").write_text(BRIDGE.format(title="New bridge carries first cars",
                                            outlet="Postimees", day=2))
    (src / "3.md").write_text(BAKERY.format(title="Lyon bakery wins baguette prize",
                                            outlet="Le Progrès", day=3))
    lib = Library.open(tmp_path / "lib.sqlite")
    lib.import_paths([str(src)])
    return lib


def _titles(lib):
    return {lib.story(lib.story_of(a)).title for a in ("a1", "a2", "a3")}


def test_split_version_takes_its_own_title_not_its_old_storys(tmp_path):
    with _library(tmp_path) as lib:
        assert lib.story_of("a1") == lib.story_of("a2") != lib.story_of("a3")
        old = lib.story(lib.story_of("a1")).title
        lib.record_decision(Decision("split", "a2"))
        split_title = lib.story(lib.story_of("a2")).title
        assert split_title == "New bridge carries first cars"
        assert lib.story(lib.story_of("a1")).title == "Tallinn opens river bridge"
        assert split_title != old or old == "New bridge carries first cars"


def test_merging_the_bakery_into_the_bridge_story_keeps_the_bigger_storys_title(tmp_path):
    with _library(tmp_path) as lib:
        bridge = lib.story(lib.story_of("a1")).title
        # The user picked the bakery story first and merged the bridge story into it.
        lib.record_decision(Decision("merge", "a3", "a1"))
        merged = lib.story(lib.story_of("a3"))
        assert set(merged.article_ids) == {"a1", "a2", "a3"}
        assert merged.title == bridge  # two bridge versions, one bakery: not "…bakery wins…"
        assert "bakery" not in merged.title.lower()
