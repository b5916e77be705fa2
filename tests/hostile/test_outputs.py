"""Classes 2, 3 and 11: -o never destroys data, CSV cells are never formulas, --library ""."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.report.csvreport import safe_cell
from reader.core.report.export import UnsafeOutput, write_report
from tests.hostile.helpers import GOOD

OTHER = ("Flood waters rise again\n\nThe river rose two metres overnight in the valley. "
         "Villages along the bank were evacuated by soldiers.\n")


def _two_articles(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text(OTHER, encoding="utf-8")
    return a, b


@pytest.mark.parametrize("fmt", ["html", "json", "csv", "md"])
def test_compare_refuses_to_overwrite_an_input(tmp_path, capsys, fmt) -> None:
    a, b = _two_articles(tmp_path)
    assert main(["compare", str(a), str(b), "--format", fmt, "-o", str(a)]) == 2
    assert "input" in capsys.readouterr().err
    assert a.read_text(encoding="utf-8") == GOOD


def test_compare_refuses_an_input_inside_a_folder(tmp_path, capsys) -> None:
    a, _ = _two_articles(tmp_path)
    assert main(["compare", str(tmp_path), "--format", "json", "-o", str(a)]) == 2
    assert a.read_text(encoding="utf-8") == GOOD


def test_compare_refuses_to_overwrite_a_library(tmp_path, capsys) -> None:
    a, b = _two_articles(tmp_path)
    lib = tmp_path / "lib.sqlite"
    assert main(["import", "--library", str(lib), str(a)]) == 0
    before = lib.read_bytes()
    assert main(["compare", str(a), str(b), "--format", "json", "-o", str(lib)]) == 2
    assert "database" in capsys.readouterr().err
    assert lib.read_bytes() == before
    with sqlite3.connect(lib) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_write_report_itself_refuses_a_database(tmp_path) -> None:
    db = tmp_path / "other.db"
    sqlite3.connect(db).execute("CREATE TABLE t(x)").connection.close()
    from reader.core.pipeline import analyze_paths

    a, b = _two_articles(tmp_path)
    doc = analyze_paths([str(a), str(b)])
    with pytest.raises(UnsafeOutput):
        write_report(doc, "csv", str(db))
    assert db.read_bytes().startswith(b"SQLite format 3")


def test_compare_still_writes_a_new_report(tmp_path, capsys) -> None:
    a, b = _two_articles(tmp_path)
    out = tmp_path / "report.json"
    assert main(["compare", str(a), str(b), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("bad", ["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1",
                                 '=HYPERLINK("http://127.0.0.1/","click")+0*'])
def test_safe_cell_neutralises_each_formula_start(bad) -> None:
    assert safe_cell(bad) == "'" + bad
    assert safe_cell("plain text") == "plain text"
    assert safe_cell(3) == 3


def test_csv_report_has_no_live_formula(tmp_path, capsys) -> None:
    evil = '=HYPERLINK("http://127.0.0.1/","click")+0*'
    folder = tmp_path / "in"
    folder.mkdir()
    body = ("The river rose two metres overnight in the valley. Villages along the bank "
            "were evacuated by the army.")
    for name, first in (("@evil", "-2 people died."), (evil, "+3 more were rescued."),
                        ("=plain", "=1+1 is what they said.")):
        text = f"title: Flood waters rise\noutlet: {name}\n---\n{first} {body}\n"
        (folder / f"{abs(hash(name)) % 1000}.md").write_text("---\n" + text, encoding="utf-8")
    out = tmp_path / "r.csv"
    assert main(["compare", str(folder), "-o", str(out)]) == 0, capsys.readouterr().err
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [c for row in rows for c in row]
    assert any("HYPERLINK" in c for c in cells) and any("-2 people" in c for c in cells)
    for cell in cells:
        assert not cell.lstrip(" \t\r\n").startswith(("=", "+", "-", "@")), cell


def test_empty_library_option_is_a_usage_error(tmp_path, capsys) -> None:
    assert main(["list", "--library", ""]) == 2
    assert "empty path" in capsys.readouterr().err
    assert main(["import", "--library", "", str(tmp_path)]) == 2
    assert not (tmp_path / "library.sqlite").exists()  # $PARALLAX_LIBRARY stays untouched
