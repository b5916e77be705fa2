"""`parallax compare … -o FILE`: every format, format from the extension, clear write errors."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from reader.cli import main
from reader.core.report.export import write_report
from tests.core.report.sample import small_doc


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json", "pdf"])
def test_compare_writes_each_format(tmp_path, seeds_dir, fmt, capsys):
    out = tmp_path / f"report.{fmt}"
    assert main(["compare", str(seeds_dir), "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
    elif fmt == "json":
        assert json.loads(data)["schema"] == "parallax/1"
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(data.decode())))[:3] == ["story", "passage",
                                                                    "versions"]
    elif fmt == "html":
        assert data.startswith(b"<!DOCTYPE html>")
    else:
        assert data.startswith(b"# ")


@pytest.mark.parametrize("name,start", [("r.html", b"<!DOCTYPE html>"), ("r.htm", b"<!DOCTYPE"),
                                        ("r.md", b"# "), ("r.markdown", b"# "),
                                        ("r.CSV", b"story,")])
def test_format_from_extension(tmp_path, seeds_dir, name, start):
    out = tmp_path / name
    assert main(["compare", str(seeds_dir), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(start)


def test_unknown_extension_is_a_usage_error(tmp_path, seeds_dir, capsys):
    assert main(["compare", str(seeds_dir), "-o", str(tmp_path / "r.docx")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_unwritable_output_is_one_clear_line(tmp_path, seeds_dir, capsys):
    out = tmp_path / "no" / "such" / "dir" / "r.html"
    assert main(["compare", str(seeds_dir), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"parallax: cannot write {out}")
    assert "Traceback" not in err[0]


def test_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_text("old report")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_report(small_doc(), "md", str(target))
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_story_selection_and_file_mode(tmp_path):
    out = tmp_path / "one.md"
    write_report(small_doc(), "md", str(out), story_ids=["s2"], generated_at="T")
    text = out.read_text()
    assert text.startswith("# Weather") and "Putin" not in text
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_pdf_needs_a_writer_from_the_caller(tmp_path):
    """The core never imports Qt: without the UI's PDF writer it refuses, and writes nothing."""
    import pytest

    target = tmp_path / "r.pdf"
    with pytest.raises(ValueError, match="PDF writer"):
        write_report(small_doc(), "pdf", str(target))
    assert not target.exists()
    write_report(small_doc(), "pdf", str(target), pdf_writer=lambda doc, **kw: b"%PDF-fake")
    assert target.read_bytes() == b"%PDF-fake"
