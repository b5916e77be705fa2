"""The Library repository: imports, duplicates, search, flags, edits and paging."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from reader.core.library import Library
from reader.core.model import Article, FileResult
from tests.core.library.helpers import write_articles


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as library:
        yield library


def test_import_assigns_ids_groups_and_reports(lib, tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 5)
    calls = []
    summary = lib.import_paths([str(folder)], progress=lambda d, t, s: calls.append((d, t)))
    assert [r.id for r in summary.added] == ["a1", "a2", "a3", "a4", "a5"]
    assert summary.files == 5 and summary.duplicates == 0 and not summary.rejected
    assert calls == [(i, 5) for i in range(1, 6)]
    art = lib.article("a3")
    assert "council" in art.title and len(art.sentences) >= 4
    assert art.source.endswith("00002_AFP.txt")
    # Every article is in exactly one story, and the stories are what import touched.
    owner = lib.stories_of([f"a{i}" for i in range(1, 6)])
    assert len(owner) == 5
    assert set(owner.values()) == set(summary.stories)
    assert sum(len(s.article_ids) for s in lib.stories()) == 5


def test_duplicate_content_is_stored_once(lib, tmp_path):
    write_articles(tmp_path / "one", 3)
    write_articles(tmp_path / "two", 3)  # same texts, other paths
    first = lib.import_paths([str(tmp_path / "one")])
    second = lib.import_paths([str(tmp_path / "two"), str(tmp_path / "one")])
    assert len(first.added) == 3
    assert second.added == () and second.duplicates == 6
    assert lib.count_articles() == 3
    assert lib.count_stories() == 3


def test_cancel_stops_between_files_and_keeps_committed(lib, tmp_path):
    write_articles(tmp_path / "in", 10)
    seen = []
    summary = lib.import_paths([str(tmp_path / "in")],
                               progress=lambda d, t, s: seen.append(d),
                               cancel=lambda: len(seen) >= 4)
    assert summary.cancelled and summary.files == 4
    assert lib.count_articles() == 4
    assert len(lib.stories()) == 4  # what was committed was also grouped
    rest = lib.import_paths([str(tmp_path / "in")])
    assert len(rest.added) == 6 and rest.duplicates == 4


def test_file_is_all_or_nothing(lib, tmp_path, monkeypatch):
    good = Article("", "x.txt", 0, "Good title", "Outlet", None, None, ("A whole sentence.",),
                   (0,), "h-good")
    bad = replace(good, part=1, title=None, content_hash="h-bad")  # violates NOT NULL
    other = replace(good, source="y.txt", title="Other", content_hash="h-other")
    results = [FileResult("x.txt", (good, bad)), FileResult("y.txt", (other,))]
    monkeypatch.setattr("reader.core.ingest.api.iter_ingest",
                        lambda paths, cancel=None: iter(results))
    monkeypatch.setattr("reader.core.ingest.api.list_files", lambda paths: iter(results))
    summary = lib.import_paths(["x.txt", "y.txt"])
    assert [r.source for r in summary.rejected] == ["x.txt"]
    assert "cannot store" in summary.rejected[0].reason
    assert [a.title for a in lib.articles()] == ["Other"]  # no half of x.txt


def test_per_file_hash_does_not_drop_second_part(lib):
    text = "Title one\n\nFirst body sentence here."
    a = Article("", "d.txt", 0, "One", "O", None, None, ("Alpha happened.",), (0,), "same")
    b = replace(a, part=1, title="Two", sentences=("Beta happened.",))
    added, dup = lib._store_file(FileResult("d.txt", (a, b)), {})
    assert len(added) == 2 and dup == 0
    assert lib.import_text(text).added  # and plain text still imports


def test_search_finds_words_and_survives_odd_queries(lib):
    lib.import_text("Zelenskyy meets envoys\n\nZelenskyy said “peace” talks in Genève were "
                    "useful. The U.S. envoy agreed.", "one.txt")
    lib.import_text("Storm hits coast\n\nA storm AND heavy rain hit the coast.", "two.txt")
    assert lib.search("zelenskyy") == ["a1"]
    assert lib.search("geneve") == ["a1"]  # diacritics folded
    assert lib.search("GENÈVE peace") == ["a1"]
    assert lib.search("U.S.") == ["a1"]
    assert lib.search("storm AND rain") == ["a2"]
    assert lib.search("zelensk*") == ["a1"]
    assert lib.search("envoys storm") == []  # every word required
    for odd in ['"', '"peace', "*", "AND", "OR NOT", "NEAR(a b)", "title:storm", "(", "-",
                "💥", "\u202eRTL", "a\x00b", "abc\ud800def", "'; DROP TABLE articles; --",
                "", "   ", "^"]:
        lib.search(odd)  # never raises
    assert lib.search("title:storm") == []  # no column filter: the phrase "title storm"
    assert lib.search('"') == [] and lib.search("*") == []
    assert lib.count_articles() == 2


def test_search_follows_title_and_outlet_edits(lib):
    lib.import_text("Bridge opens\n\nThe new bridge opened today.", "b.txt")
    lib.edit_title("a1", "Viaduct inaugurated")
    assert lib.search("viaduct") == ["a1"]
    lib.edit_title("a1", None)
    assert lib.article("a1").title == "Bridge opens" and lib.search("viaduct") == []
    lib.rename_outlet(lib.article("a1").outlet, "Daily Planet")
    assert lib.search("planet") == ["a1"]
    lib._conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_rename_outlet_applies_to_later_imports(lib, tmp_path):
    write_articles(tmp_path / "in", 8)  # outlets come from the file names
    lib.import_paths([str(tmp_path / "in")], strictness=0.5)
    outlet = lib.article("a1").outlet
    changed = lib.rename_outlet(outlet, "Renamed Outlet")
    assert changed == 1
    assert lib.article("a1").outlet == "Renamed Outlet"
    assert lib.article_info("a1").original_outlet == outlet
    assert ("Renamed Outlet", 1) in lib.outlets()
    with pytest.raises(ValueError):
        lib.rename_outlet("Renamed Outlet", "  ")
    # Same original outlet name in a new file: shown with the user's name.
    (tmp_path / "more").mkdir()
    src = tmp_path / "in" / "00000_Reuters.txt"
    (tmp_path / "more" / "00000_Reuters.txt").write_text(src.read_text() + "\nOne more line.\n")
    summary = lib.import_paths([str(tmp_path / "more")])
    assert [r.outlet for r in summary.added] == ["Renamed Outlet"]


def test_read_and_star_flags_roll_up_to_stories(lib, tmp_path):
    write_articles(tmp_path / "in", 3)
    lib.import_paths([str(tmp_path / "in")])
    lib.set_read(["a1", "a2"])
    lib.set_starred("a3")
    info = lib.article_info("a1")
    assert info.read and not info.starred and info.story_id == lib.story_of("a1")
    rows = {r.article_ids[0]: r for r in lib.stories()}
    assert rows["a1"].read and not rows["a3"].read and rows["a3"].starred
    lib.set_read("a1", False)
    assert not lib.story(lib.story_of("a1")).read


def test_story_pages_cover_everything_once(lib, tmp_path):
    write_articles(tmp_path / "in", 23)
    lib.import_paths([str(tmp_path / "in")])
    pages = [lib.stories(limit=5, offset=o) for o in range(0, 25, 5)]
    ids = [r.id for page in pages for r in page]
    assert len(ids) == len(set(ids)) == lib.count_stories() == 23
    assert all(len(p) == 5 for p in pages[:4]) and len(pages[4]) == 3
    first = pages[0][0]
    assert lib.story_articles(first.id)[0].id == first.article_ids[0]
    with pytest.raises(KeyError):
        lib.story("s999999")
    with pytest.raises(KeyError):
        lib.article("a999999")
    assert lib.articles(["a2", "bogus", "a1"]) == [lib.article("a2"), lib.article("a1")]


def test_stored_rows_are_whole(lib, seeds_dir):
    lib.import_paths([str(seeds_dir)])
    for (sentences, paragraphs) in lib._conn.execute(
            "SELECT sentences, paragraphs FROM articles"):
        assert len(json.loads(sentences)) == len(json.loads(paragraphs)) > 0


@pytest.mark.parametrize("descending", [False, True])
def test_story_list_sorts_by_each_column_and_pages_stably(lib, seeds_dir, descending):
    lib.import_paths([str(seeds_dir)])
    star = lib.stories(sort="versions", descending=True)[0]
    lib.set_starred(star.article_ids[0], True)
    lib.rename_outlet(star.outlets[0], "zzz Wire")  # sorts by the name the user sees
    keys = {
        "title": lambda r: r.title.casefold(),
        "versions": lambda r: len(r.article_ids),
        "outlets": lambda r: min(o.casefold() for o in r.outlets),
    }
    for sort, key in keys.items():
        rows = lib.stories(sort=sort, descending=descending)
        values = [key(r) for r in rows]
        assert values == sorted(values, reverse=descending), sort
        paged = [r.id for o in range(0, 20, 4)
                 for r in lib.stories(sort=sort, descending=descending, limit=4, offset=o)]
        assert paged == [r.id for r in rows], f"paging by {sort} is stable"
    starred_first = lib.stories(sort="starred", descending=True)
    assert starred_first[0].id == star.id
    with pytest.raises(ValueError):
        lib.stories(sort="bogus")
