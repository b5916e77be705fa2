"""Grouping gives the same stories, titles and reasons whatever Python's string hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SCRIPT = """
import json
from reader.core.grouping import StoryIndex, group_stories
from tests.core.grouping.helpers import load_corpus
arts, _ = load_corpus({name!r})
groups = group_stories(arts, strictness=0.5)
index = StoryIndex()
index.add(arts)
print(json.dumps([sorted((sorted(g.article_ids), g.title, list(g.reasons)) for g in groups),
                  index.to_bytes().hex()]))
"""


@pytest.mark.parametrize("name", ["series_month.txt", "paraphrase_2024.txt"])
def test_same_result_under_different_hash_seeds(name):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", SCRIPT.format(name=name)], cwd=root,
                              env=env, capture_output=True, text=True, check=True)
        outputs.add(proc.stdout)
    assert len(outputs) == 1
