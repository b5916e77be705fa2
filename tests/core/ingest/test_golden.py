"""Golden samples on disk: realistic inputs in tests/data/ingest and the articles expected.

To accept a deliberate change, regenerate with:
    PARALLAX_REGOLD=1 .venv/bin/python -m pytest tests/core/ingest/test_golden.py
and review the diff of the .expected.json files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.core.ingest import ingest_paths

DATA = Path(__file__).resolve().parents[2] / "data" / "ingest"
SAMPLES = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".md", ".html"))


def _as_json(path: Path) -> list[dict]:
    result = ingest_paths([str(path)])
    assert result.rejected == ()
    return [{"title": a.title, "outlet": a.outlet, "date": a.date, "url": a.url,
             "paragraphs": list(a.paragraphs), "sentences": list(a.sentences)}
            for a in result.articles]


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_golden_sample(sample: Path) -> None:
    expected_path = sample.with_name(sample.name + ".expected.json")
    actual = _as_json(sample)
    if os.environ.get("PARALLAX_REGOLD"):
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected
