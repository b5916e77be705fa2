"""The wheel and sdist carry the package, its resources, the seeds and the entry points."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import tarfile
import zipfile

from reader import __version__

from .conftest import ROOT


def _shipped(folder: str) -> set[str]:
    """Files of a top-level folder of the checkout, relative to it."""
    base = ROOT / folder
    return {p.relative_to(base).as_posix() for p in base.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_wheel_holds_resources_seeds_and_package(built_dists):
    names = set(zipfile.ZipFile(built_dists["wheel"]).namelist())
    resources = {n.removeprefix("reader/resources_data/") for n in names
                 if n.startswith("reader/resources_data/")}
    seeds = {n.removeprefix("reader/seeds/") for n in names if n.startswith("reader/seeds/")}
    assert resources == _shipped("resources")
    assert {"icons/parallax.svg", "icons/parallax-256.png",
            "desktop/io.github.parallax.Parallax.desktop",
            "desktop/io.github.parallax.Parallax.metainfo.xml"} <= resources
    # The five articles and their sources file (outlet names and dates for the sample).
    assert seeds == _shipped("seeds") and len(seeds) == 6 and "sources.csv" in seeds
    for module in ("reader/__init__.py", "reader/cli.py", "reader/resources.py",
                   "reader/core/pipeline.py", "reader/core/model.py"):
        assert module in names
    assert not any(n.startswith(("resources/", "seeds/", "tests/")) for n in names)


def test_wheel_declares_the_parallax_entry_point(built_dists):
    with zipfile.ZipFile(built_dists["wheel"]) as whl:
        meta = f"parallax_reader-{__version__}.dist-info"
        entry_points = whl.read(f"{meta}/entry_points.txt").decode()
        metadata = whl.read(f"{meta}/METADATA").decode()
    parser = configparser.ConfigParser()
    parser.read_string(entry_points)
    assert parser["console_scripts"]["parallax"].strip() == "reader.cli:main"
    assert f"Version: {__version__}" in metadata
    assert "requires-dist: pyside6-essentials" in metadata.lower()


def test_sdist_holds_the_sources_to_rebuild(built_dists):
    with tarfile.open(built_dists["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    for needed in ("pyproject.toml", "setup.py", "reader/resources.py",
                   "resources/icons/parallax.svg", "packaging/install-desktop.sh",
                   "packaging/parallax.spec"):
        assert needed in names
    assert {f"seeds/{name}" for name in _shipped("seeds")} <= names


def test_installed_wheel_finds_its_resources(built_dists, tmp_path):
    target = tmp_path / "site"
    with zipfile.ZipFile(built_dists["wheel"]) as whl:
        whl.extractall(target)  # what pip install puts in site-packages
    probe = ("from reader import resources as r;"
             "print(r.seeds_dir()); print(r.icon_path(48)); print(len(r.seed_files()))")
    # -S: no site-packages, so the editable checkout cannot shadow the unpacked wheel.
    proc = subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(target)}, cwd=tmp_path,
                          timeout=60, check=True)
    seeds, icon, count = proc.stdout.split("\n")[:3]
    assert seeds == str(target / "reader" / "seeds")
    assert icon == str(target / "reader" / "resources_data" / "icons" / "parallax-48.png")
    assert count == "5"
