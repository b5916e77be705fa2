"""Class 10: read-only libraries open read-only; imports say plainly why they cannot run.

Permissions mean nothing to a root with its capabilities, so as root the commands run under
`setpriv` with every capability dropped: still uid 0, but held to the file modes like anyone.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library import Library
from tests.hostile.helpers import GOOD, ROOT, run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
OTHER = ("Storm closes the harbour\n\nA storm closed the harbour at dawn on Monday. Ferries "
         "stayed in port while crews checked the moorings.\n")


@pytest.fixture
def place(tmp_path):
    yield tmp_path
    for p in [tmp_path, *tmp_path.rglob("*")]:
        if p.is_dir():
            os.chmod(p, 0o755)


def _cli(*args: str, cwd: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    prefix = []
    if os.geteuid() == 0:
        prefix = [shutil.which("setpriv") or "setpriv", "--bounding-set=-all", "--inh-caps=-all"]
    return subprocess.run([*prefix, sys.executable, "-m", "reader", *args], capture_output=True,
                          timeout=60, env=env, cwd=cwd)

def _library(folder: Path) -> Path:
    (folder / "in").mkdir()
    (folder / "in" / "flood.txt").write_text(GOOD, encoding="utf-8")
    (folder / "new").mkdir()
    (folder / "new" / "storm.txt").write_text(OTHER, encoding="utf-8")
    lib = folder / "libdir" / "lib.sqlite"
    lib.parent.mkdir()
    assert run_cli("import", "--library", str(lib), str(folder / "in")).returncode == 0
    assert not Path(f"{lib}-wal").exists()
    return lib


def test_library_in_a_read_only_folder_lists_searches_and_refuses_import(place) -> None:
    lib = _library(place)
    os.chmod(lib.parent, 0o555)
    listed = _cli("list", "--library", str(lib), cwd=place)
    assert listed.returncode == 0, listed.stderr.decode()
    assert b"Flood waters rise" in listed.stdout
    found = _cli("list", "--library", str(lib), "--search", "river", cwd=place)
    assert found.returncode == 0 and b"1 matching article(s)" in found.stdout
    refused = _cli("import", "--library", str(lib), str(place / "new"), cwd=place)
    err = refused.stderr.decode()
    assert refused.returncode == 2
    assert "read-only" in err and "not writable" in err and len(err.splitlines()) == 1
    assert "committed so far" not in err
    assert sorted(p.name for p in lib.parent.iterdir()) == ["lib.sqlite"]


def test_0444_library_leaves_no_read_only_shm_and_imports_later(place) -> None:
    lib = _library(place)
    os.chmod(lib, 0o444)
    listed = _cli("list", "--library", str(lib), cwd=place)
    assert listed.returncode == 0 and b"Flood waters rise" in listed.stdout
    refused = _cli("import", "--library", str(lib), str(place / "new"), cwd=place)
    assert refused.returncode == 2 and b"library file is read-only" in refused.stderr
    for leftover in lib.parent.glob("lib.sqlite-*"):
        assert stat.S_IMODE(leftover.stat().st_mode) & 0o200, leftover
    os.chmod(lib, 0o644)
    again = _cli("import", "--library", str(lib), str(place / "new"), cwd=place)
    assert again.returncode == 0, again.stderr.decode()
    with Library.open(lib) as library:
        assert library.count_articles() == 2

