"""A folder's sources file (sources.csv / sources.json) names outlets, dates and urls."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.ingest import ingest_paths
from reader.core.ingest.manifest import parse_sources

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
BODY = ("Officials said the new bridge over the river opened on Monday after three years of work. "
        "The mayor said 40,000 cars a day would use it.\n")


def test_seeds_open_with_outlet_names_and_dates_not_hashes():
    result = ingest_paths([str(SEEDS)])
    assert result.rejected == ()  # the sources file is not an article, nor rejected
    assert len(result.articles) == 23
    outlets = {a.outlet for a in result.articles}
    assert outlets == {"AP digest A", "AP digest B", "AP", "Arab News / AFP",
                       "Unnamed site"}
    putin = [a for a in result.articles if a.title.startswith("Putin says")]
    assert {a.outlet: a.date for a in putin} == {"AP": "2025-09-05",
                                                  "Arab News / AFP": "2025-09-05"}
    # A row for one article of a file ("name#0") leaves the file's other article alone.
    nigeria = next(a for a in result.articles if a.title.startswith("Nigeria"))
    assert nigeria.outlet == "Arab News / AFP" and nigeria.date is None


def test_csv_rows_override_and_empty_cells_keep_the_files_own(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.md").write_text("---\noutlet: Own Outlet\ndate: 2024-01-02\n---\n" + BODY)
    (tmp_path / "sources.csv").write_text(
        "file,outlet,date,url\n"
        "a.txt,Daily Planet,3 March 2025,https://example.org/a\n"
        "b.md,,,not a url\n")
    by_name = {Path(a.source).name: a for a in ingest_paths([str(tmp_path)]).articles}
    assert (by_name["a.txt"].outlet, by_name["a.txt"].date, by_name["a.txt"].url) == (
        "Daily Planet", "2025-03-03", "https://example.org/a")
    assert (by_name["b.md"].outlet, by_name["b.md"].date, by_name["b.md"].url) == (
        "Own Outlet", "2024-01-02", None)


def test_json_sources_file_in_a_parent_folder_with_relative_paths(tmp_path):
    sub = tmp_path / "corpus" / "day1"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text(BODY)
    (tmp_path / "corpus" / "sources.json").write_text(json.dumps(
        {"day1/x.txt": {"outlet": "Wire Service", "date": "2025-05-06"}}))
    (art,) = ingest_paths([str(sub / "x.txt")]).articles
    assert (art.outlet, art.date) == ("Wire Service", "2025-05-06")


def test_a_broken_sources_file_is_ignored_not_fatal(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "sources.json").write_text("{not json")
    result = ingest_paths([str(tmp_path)])
    assert result.rejected == ()
    assert [a.outlet for a in result.articles] == ["a"]


def test_changing_the_outlet_keeps_two_outlets_identical_copy_apart(tmp_path):
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(BODY)
    (tmp_path / "sources.csv").write_text("file,outlet\none.txt,Wire\ntwo.txt,Paper\n")
    arts = ingest_paths([str(tmp_path)]).articles
    assert sorted(a.outlet for a in arts) == ["Paper", "Wire"]


def test_parse_sources_needs_a_file_column():
    import pytest

    with pytest.raises(ValueError):
        parse_sources("name,outlet\na,b\n", json_format=False)
    assert parse_sources("File,Outlet\na.txt,B\n", json_format=False)["a.txt"].outlet == "B"
