"""Issue 11, command line: usage errors are usage errors, no empty reports, one line without a
display, "1 version"."""

from __future__ import annotations

from reader.app import display_problem
from reader.cli import main


def test_unknown_subcommand_is_a_usage_error_not_a_gui_launch(capsys):
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'frobnicate'" in err and len(err.strip().splitlines()) == 1


def test_compare_with_no_article_writes_no_report(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("   \n")
    out = tmp_path / "r.html"
    assert main(["compare", str(tmp_path / "empty.txt"), "-o", str(out)]) == 1
    assert not out.exists()
    assert "no report was written" in capsys.readouterr().err


def test_unknown_reference_is_an_error(seeds_dir, tmp_path, capsys):
    out = tmp_path / "r.md"
    assert main(["compare", str(seeds_dir), "--reference", "Reuters", "-o", str(out)]) == 2
    assert not out.exists()
    assert "--reference 'Reuters'" in capsys.readouterr().err
    assert main(["compare", str(seeds_dir), "--reference", "AP", "-o", str(out)]) == 0


def test_one_version_is_singular(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("A bakery in Lyon won the national baguette contest on Sunday. "
                                    "The jury praised the crust.\n")
    assert main(["group", str(tmp_path / "a.txt")]) == 0
    out = capsys.readouterr().out
    assert "(1 version)" in out and "1 versions" not in out


def test_no_display_is_one_line_before_qt_is_asked():
    problem = display_problem({}, "linux")
    assert problem and "\n" not in problem and "display" in problem
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
