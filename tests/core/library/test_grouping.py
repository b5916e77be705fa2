"""Stories in the library: incremental grouping, stable story ids, decisions that persist.

The grouping algorithm is not the library's: a small fake index (grouping by outlet) and a
fake apply_decisions stand in for it, so these tests check the library's bookkeeping only.
"""

from __future__ import annotations

import json
import os

import pytest

from reader.core.library import Library
from reader.core.library.stories import sync_stories
from reader.core.model import Decision, StoryGroup
from tests.core.library.helpers import write_articles


def _outlet(article):
    """The outlet written in the test file's name (ingest may name outlets differently)."""
    return os.path.basename(article.source).split("_")[1].split(".")[0]


class OutletIndex:
    """Groups articles by the outlet in their file name; serialises like StoryIndex."""

    loads = 0

    def __init__(self, strictness=0.5):
        self.strictness = strictness
        self.key_of: dict[str, str] = {}

    def add(self, articles):
        for a in articles:
            self.key_of[a.id] = _outlet(a)
        return {a.id: _outlet(a) for a in articles}

    def groups(self):
        by: dict[str, list[str]] = {}
        for aid, key in self.key_of.items():
            by.setdefault(key, []).append(aid)
        return [StoryGroup(tuple(ids), f"About {key}") for key, ids in by.items()]

    def to_bytes(self):
        return json.dumps([self.strictness, self.key_of]).encode()

    @classmethod
    def from_bytes(cls, data):
        cls.loads += 1
        strictness, key_of = json.loads(data)
        index = cls(strictness)
        index.key_of = key_of
        return index


def fake_apply(groups, decisions):
    """Move/split/merge/rename on lists of ids, in order."""
    sets = [list(g.article_ids) for g in groups]
    titles = [g.title for g in groups]

    def find(aid):
        return next(i for i, s in enumerate(sets) if aid in s)

    for d in decisions:
        if d.kind in ("move", "split"):
            sets[find(d.article_id)].remove(d.article_id)
            if d.kind == "move":
                sets[find(d.other_id)].append(d.article_id)
            else:
                sets.append([d.article_id])
                titles.append("")
        elif d.kind == "merge":
            i, j = find(d.article_id), find(d.other_id)
            if i != j:
                sets[i] += sets[j]
                sets[j] = []
    return [StoryGroup(tuple(s), t) for s, t in zip(sets, titles) if s]


@pytest.fixture
def fake_grouping(monkeypatch):
    OutletIndex.loads = 0
    monkeypatch.setattr("reader.core.grouping.StoryIndex", OutletIndex)
    monkeypatch.setattr("reader.core.grouping.apply_decisions", fake_apply)


def _stories(lib):
    return {row.id: set(row.article_ids) for row in lib.stories()}


@pytest.mark.parametrize("save_min", [1, 10_000], ids=["index-saved", "index-not-saved"])
def test_incremental_import_extends_existing_stories(tmp_path, fake_grouping, monkeypatch,
                                                     save_min):
    monkeypatch.setattr("reader.core.library.keeper.SAVE_MIN", save_min)
    path = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "first", 8)  # 4 outlets, 2 articles each
    with Library.open(path) as lib:
        lib.import_paths([str(tmp_path / "first")])
        before = _stories(lib)
        assert len(before) == 4
    with Library.open(path) as lib:
        write_articles(tmp_path / "second", 4, start=8)
        summary = lib.import_paths([str(tmp_path / "second")])
        after = _stories(lib)
        # Resumed from the stored index, or (not saved yet) caught up by re-adding articles.
        assert OutletIndex.loads == (1 if save_min == 1 else 0)
        assert set(after) == set(before)  # same story ids, each one grew
        assert all(before[sid] < after[sid] for sid in before)
        assert set(summary.stories) == set(before)
        assert lib.story(next(iter(after))).title.startswith("About ")


def test_decisions_apply_persist_and_undo(tmp_path, fake_grouping):
    path = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "in", 8)
    with Library.open(path) as lib:
        lib.import_paths([str(tmp_path / "in")])
        s1, s2 = lib.story_of("a1"), lib.story_of("a2")
        assert s1 != s2
        merge = lib.record_decision(Decision("merge", "a1", "a2"))
        assert lib.story_of("a2") == lib.story_of("a1")
        split = lib.record_decision(Decision("split", "a5"))
        assert lib.story(lib.story_of("a5")).article_ids == ("a5",)
        lib.record_decision(Decision("rename", "a1", title="Merged story"))
        assert lib.story(lib.story_of("a2")).title == "Merged story"
        assert lib.count_stories() == 4
    with Library.open(path) as lib:
        kinds = [d.decision.kind for d in lib.decisions()]
        assert kinds == ["merge", "split", "rename"]
        assert lib.decisions()[0].decision == Decision("merge", "a1", "a2")
        # Decisions survive a full regroup and a later import.
        lib.regroup()
        write_articles(tmp_path / "more", 4, start=8)
        lib.import_paths([str(tmp_path / "more")])
        assert lib.story_of("a2") == lib.story_of("a1")
        assert lib.story(lib.story_of("a5")).article_ids == ("a5",)
        assert lib.story(lib.story_of("a1")).title == "Merged story"
        assert lib.undo_decision(split) and not lib.undo_decision(split)
        assert "a5" in lib.story(lib.story_of("a1")).article_ids  # a1 and a5: same outlet
        lib.undo_decision(merge)
        assert lib.story_of("a2") != lib.story_of("a1")


def test_bad_decisions_are_refused(tmp_path):
    write_articles(tmp_path / "in", 2)
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([str(tmp_path / "in")])
        with pytest.raises(ValueError):
            lib.record_decision(Decision("explode", "a1"))
        with pytest.raises(ValueError):
            lib.record_decision(Decision("merge", "a1"))
        with pytest.raises(KeyError):
            lib.record_decision(Decision("split", "a99"))
        assert lib.decisions() == []


def test_rename_decision_with_the_real_grouping(tmp_path):
    write_articles(tmp_path / "in", 3)
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([str(tmp_path / "in")])
        lib.record_decision(Decision("rename", "a2", title="My title"))
        row = lib.story(lib.story_of("a2"))
        assert row.title == "My title" and row.user_title == "My title"
        lib.regroup()
        assert lib.story(lib.story_of("a2")).title == "My title"


def test_ungrouped_articles_are_grouped_later(tmp_path, fake_grouping, capsys):
    path = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "in", 6)
    with Library.open(path) as lib:
        lib.import_paths([str(tmp_path / "in")])
        # As if killed between an article commit and its grouping.
        lib._conn.execute("DELETE FROM story_articles WHERE article_id IN (5, 6)")
        lib._conn.execute("DELETE FROM meta")
    with Library.open(path) as lib:
        assert len(lib.stories_of([f"a{i}" for i in range(1, 7)])) == 4  # open only reads
    from reader.cli import main

    assert main(["list", "--library", str(path)]) == 0  # `parallax list` catches up
    assert capsys.readouterr().out.count("\n    a") == 6
    with Library.open(path) as lib:
        assert len(lib.stories_of([f"a{i}" for i in range(1, 7)])) == 6
        assert sum(r.n_versions for r in lib.stories()) == 6
        write_articles(tmp_path / "more", 2, start=6)
        lib._conn.execute("DELETE FROM story_articles WHERE article_id = 1")
        lib.import_paths([str(tmp_path / "more")])  # an import catches up too
        assert sum(r.n_versions for r in lib.stories()) == 8


def test_unreadable_index_is_rebuilt(tmp_path, fake_grouping, monkeypatch):
    monkeypatch.setattr("reader.core.library.keeper.SAVE_MIN", 1)
    path = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "in", 4)
    with Library.open(path) as lib:
        lib.import_paths([str(tmp_path / "in")])
        lib._conn.execute("UPDATE meta SET value = x'00ff' WHERE key = 'grouping_index'")
    with Library.open(path) as lib:
        write_articles(tmp_path / "more", 4, start=4)
        lib.import_paths([str(tmp_path / "more")])
        assert lib.count_stories() == 4
        assert sum(r.n_versions for r in lib.stories()) == 8


def test_sync_keeps_ids_of_the_larger_part(tmp_path):
    write_articles(tmp_path / "in", 5)
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([str(tmp_path / "in")])
        conn = lib._conn
        conn.execute("BEGIN")
        sync_stories(conn, [StoryGroup(("a1", "a2", "a3", "a4", "a5"), "all")], [])
        conn.execute("COMMIT")
        (whole,) = _stories(lib)
        conn.execute("BEGIN")
        touched = sync_stories(conn, [StoryGroup(("a1", "a2", "a3"), "big"),
                                      StoryGroup(("a4", "a5"), "small")], [])
        conn.execute("COMMIT")
        after = _stories(lib)
        assert after[whole] == {"a1", "a2", "a3"}
        assert len(after) == 2 and f"s{min(touched)}" == whole
        conn.execute("BEGIN")
        assert sync_stories(conn, [StoryGroup(("a1", "a2", "a3"), "big"),
                                   StoryGroup(("a4", "a5"), "small")], []) == set()
        conn.execute("COMMIT")
        row = lib.story(whole)
        assert row.title == "big" and row.n_versions == 3


def test_two_writers_keep_stories_consistent(tmp_path, fake_grouping):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as first, Library.open(path) as second:
        for n, lib in enumerate((first, second, first, second)):
            write_articles(tmp_path / f"in{n}", 4, start=4 * n)
            lib.import_paths([str(tmp_path / f"in{n}")])
        # Each writer saw the other's stories: 4 outlets, 4 articles each, no duplicates.
        for lib in (first, second):
            rows = lib.stories()
            assert sorted(r.n_versions for r in rows) == [4, 4, 4, 4]
            assert len({a for r in rows for a in r.article_ids}) == 16
