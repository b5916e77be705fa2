"""The PDF report: real pages, page numbers, extractable text, renders to an image."""

from __future__ import annotations

import glob
import re
import shutil
import subprocess

import pytest

from reader.core.settings import AnalysisSettings
from reader.ui.pdf import write_pdf
from tests.conftest import SEEDS
from tests.core.report.sample import seed_story_doc, small_doc


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install Debian's poppler-utils (make sysdeps)")
    return path


def _pdftotext(pdf, *args) -> str:
    args = args or ("-layout",)
    return subprocess.run([_tool("pdftotext"), *args, str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout


def _pdfinfo(pdf) -> str:
    return subprocess.run([_tool("pdfinfo"), str(pdf)], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def test_pdf_text_page_numbers_and_page_image(tmp_path):
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(write_pdf(small_doc(), generated_at="2025-01-01 00:00 UTC"))
    text = _pdftotext(pdf)
    assert "Comparison of 2 stories" in text
    assert "Generated 2025-01-01 00:00 UTC" in text
    assert "Daily <Times>" in text  # escaped in the HTML, plain in the PDF
    pages = int(re.search(r"Pages:\s+(\d+)", _pdfinfo(pdf)).group(1))
    assert pages >= 2
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text
    # The version's own "25", then the reference's figure as a separate note: never "2625".
    raw = " ".join(_pdftotext(pdf, "-raw").split())
    assert "About 25 [reference: 26] countries" in raw and "2625" not in raw
    subprocess.run([_tool("pdftoppm"), "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(tmp_path / "page1")], check=True, timeout=60)
    png = (tmp_path / "page1.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000


def test_page_size_follows_settings_and_argument(tmp_path):
    doc = small_doc()
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    a4.write_bytes(write_pdf(doc))
    letter.write_bytes(write_pdf(doc.__class__(doc.articles, doc.stories, doc.rejected,
                                               AnalysisSettings(page_size="Letter"))))
    assert "595.276 x 841.89 pts (A4)" in _pdfinfo(a4) or "(A4)" in _pdfinfo(a4)
    assert "612 x 792 pts (letter)" in _pdfinfo(letter)
    forced = tmp_path / "forced.pdf"
    forced.write_bytes(write_pdf(doc, page_size="A4"))
    assert "(A4)" in _pdfinfo(forced)
    with pytest.raises(ValueError):
        write_pdf(doc, page_size="A5")


def test_many_versions_paginate(tmp_path):
    paths = sorted(glob.glob(str(SEEDS / "*")))
    pdf = tmp_path / "five.pdf"
    pdf.write_bytes(write_pdf(seed_story_doc(paths, 5)))
    text = " ".join(_pdftotext(pdf).split())
    assert "Passage 1 · in" in text
    assert "Outlet E" in text and "Page 2 of" in text


def test_highlights_are_printed_in_colour(tmp_path):
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(write_pdf(small_doc()))
    subprocess.run([_tool("pdftoppm"), "-r", "100", str(pdf), str(tmp_path / "pg")],
                   check=True, timeout=60)
    pixels = b"".join(p.read_bytes() for p in sorted(tmp_path.glob("pg*.ppm")))
    # The app's colours: blue for a version's own changed words, orange for figures.
    assert b"\xcf\xe3\xff" in pixels, "no changed-word background (#cfe3ff) on any page"
    assert b"\xff\xd9\xb3" in pixels, "no differing-figure background (#ffd9b3) on any page"


def test_writing_pdfs_does_not_use_up_references_to_none():
    import sys

    doc = small_doc()
    write_pdf(doc)  # warm-up: the app, fonts and the bug probe are created once
    before = sys.getrefcount(None)
    for _ in range(3):
        write_pdf(doc)
    # PySide6 6.12 on Python 3.11 drops one per void call (dozens per PDF) until Python aborts.
    assert sys.getrefcount(None) >= before - 5
