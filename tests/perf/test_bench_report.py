"""Benchmark: export every seed story to each format, and a 20-version story to PDF.

Run with `make bench`; figures are printed (wall-clock, noisy on a shared machine).
"""

from __future__ import annotations

import glob
import time

from reader.core.pipeline import analyze_paths
from reader.core.report.export import FORMATS
from reader.core.report.export import write_report as _write_report
from reader.ui.pdf import write_pdf
from tests.conftest import SEEDS
from tests.core.report.sample import seed_story_doc


def write_report(*args, **kwargs):
    """The core writer with the app's Qt PDF writer plugged in, as the CLI does."""
    return _write_report(*args, pdf_writer=write_pdf, **kwargs)


def test_bench_export_all_seed_stories(tmp_path):
    doc = analyze_paths([str(SEEDS)])
    print(f"\nseeds: {len(doc.articles)} articles, {len(doc.stories)} stories")
    for fmt in FORMATS:
        start = time.perf_counter()
        for story in doc.stories:  # one file per story, as a user exporting each would
            write_report(doc, fmt, str(tmp_path / f"{story.id}.{fmt}"), story_ids=[story.id])
        each = time.perf_counter() - start
        start = time.perf_counter()
        write_report(doc, fmt, str(tmp_path / f"all.{fmt}"))
        whole = time.perf_counter() - start
        size = (tmp_path / f"all.{fmt}").stat().st_size
        print(f"  {fmt:4}: {len(doc.stories)} stories one by one {each:6.2f} s; "
              f"all in one file {whole:6.2f} s ({size / 1024:.0f} KiB)")


def test_bench_twenty_version_story_to_pdf(tmp_path):
    paths = sorted(glob.glob(str(SEEDS / "*")))
    start = time.perf_counter()
    doc = seed_story_doc(paths, 20)
    built = time.perf_counter() - start
    story = doc.stories[0]
    for fmt in ("pdf", "html"):
        start = time.perf_counter()
        write_report(doc, fmt, str(tmp_path / f"twenty.{fmt}"))
        took = time.perf_counter() - start
        size = (tmp_path / f"twenty.{fmt}").stat().st_size
        print(f"\n20-version story ({len(story.passages)} passages; doc built in {built:.2f} s): "
              f"{fmt} {took:.2f} s, {size / 1024:.0f} KiB")
    assert (tmp_path / "twenty.pdf").read_bytes().startswith(b"%PDF-")
