"""Shared fixtures: headless Qt, seed paths, an isolated library location."""

from __future__ import annotations

import os
import pathlib

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> pathlib.Path:
    """The shipped sample articles."""
    return SEEDS


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path, monkeypatch):
    """No test touches the user's real library or settings."""
    monkeypatch.setenv("PARALLAX_LIBRARY", str(tmp_path / "library.sqlite"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
