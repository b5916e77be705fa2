"""The JSON document of `parallax group --json` keeps the parallax/1 contract."""

from __future__ import annotations

import json

import pytest

from reader.cli import main


def _group_json(capsys, *paths) -> dict:
    code = main(["group", *map(str, paths), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def check_contract(doc: dict) -> None:
    """Assert every invariant SPEC.md states for the document."""
    assert doc["schema"] == "parallax/1"
    arts = {a["id"]: a for a in doc["articles"]}
    assert len(arts) == len(doc["articles"])
    for a in doc["articles"]:
        for key in ("id", "source", "part", "title", "outlet", "date", "url", "sentences"):
            assert key in a
        assert isinstance(a["sentences"], list) and a["sentences"]
    seen_articles: list[str] = []
    for story in doc["stories"]:
        seen_articles += story["articles"]
        covered = {aid: [] for aid in story["articles"]}
        for passage in story["passages"]:
            assert passage["members"], passage
            for aid, idx in passage["members"].items():
                assert aid in covered
                covered[aid] += idx
        for aid, idx in covered.items():
            assert sorted(idx) == list(range(len(arts[aid]["sentences"]))), (story["id"], aid)
        pids = {p["id"] for p in story["passages"]}
        for aid, f in story["findings"].items():
            assert aid in covered
            assert set(f["added"]) <= pids and set(f["omitted"]) <= pids
    assert sorted(seen_articles) == sorted(arts), "every article is in exactly one story"


def test_seeds_document_is_valid(capsys, seeds_dir):
    check_contract(_group_json(capsys, seeds_dir))


def test_version(capsys):
    assert main(["--version"]) == 0
    assert "parallax" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["group"], ["nonsense-command-xyz", "--bogus"], ["compare", "x"]])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err.strip()
