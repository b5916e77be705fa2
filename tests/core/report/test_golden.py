"""Golden reports of the seeds, compared by content.

Regenerate after an intended change in the analysis or the report layout with
`PARALLAX_UPDATE_GOLDEN=1 pytest tests/core/report/test_golden.py`, then review the diff.
The generation time is pinned and the app version normalised, so only content counts.
"""

from __future__ import annotations

import os
import pathlib

import pytest

from reader import __version__
from reader.core.pipeline import analyze_paths
from reader.core.report.export import render_report
from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "report"
GENERATED_AT = "2025-01-01 00:00 UTC"
UPDATE = os.environ.get("PARALLAX_UPDATE_GOLDEN") == "1"


def normalise(text: str) -> str:
    """Content only: version string masked, line ends and trailing blanks unified."""
    text = text.replace(f"Parallax {__version__}", "Parallax VERSION")
    text = text.replace(f"parallax {__version__}", "parallax VERSION")
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


@pytest.fixture(scope="module")
def seeds_doc():
    # Relative source paths, as a user would type them, keep the goldens machine-independent.
    cwd = os.getcwd()
    os.chdir(SEEDS.parent)
    try:
        return analyze_paths([SEEDS.name])
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json"])
def test_seed_report_matches_golden(seeds_doc, fmt):
    got = normalise(render_report(seeds_doc, fmt, generated_at=GENERATED_AT).decode("utf-8"))
    path: pathlib.Path = GOLDEN / f"seeds.{fmt}"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got + "\n", encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing: run PARALLAX_UPDATE_GOLDEN=1 pytest {__file__}")
    want = normalise(path.read_text(encoding="utf-8"))
    assert got == want, (f"{fmt} report of the seeds changed; if intended, regenerate with "
                         "PARALLAX_UPDATE_GOLDEN=1 and review the diff")
