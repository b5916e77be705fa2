"""Class 1: FIFOs, sockets and devices are skipped with a reason before they are opened."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from reader.core.ingest import ingest_paths
from tests.hostile.helpers import GOOD, run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")


def _folder_with_specials(tmp_path: Path) -> tuple[Path, socket.socket]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    os.symlink("/dev/zero", folder / "zero.txt")
    return folder, sock


def test_import_skips_fifo_socket_and_device_without_hanging(tmp_path: Path) -> None:
    folder, sock = _folder_with_specials(tmp_path)
    with sock:
        done = run_cli("import", "--library", str(tmp_path / "lib.sqlite"), str(folder),
                       timeout=60)
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "added 1 article(s)" in done.stdout.decode()
    assert "pipe.txt: not a regular file (a named pipe (FIFO))" in err
    assert "sock.txt: not a regular file (a socket)" in err
    assert "zero.txt: not a regular file (a device)" in err


def test_fifo_given_directly_and_group_do_not_hang(tmp_path: Path) -> None:
    folder, sock = _folder_with_specials(tmp_path)
    with sock:
        done = run_cli("group", str(folder / "pipe.txt"), str(folder / "good.txt"), timeout=60)
    assert done.returncode == 1
    assert "named pipe" in done.stderr.decode()
    assert "Flood waters rise" in done.stdout.decode()


def test_ingest_rejects_each_special_file_in_process(tmp_path: Path) -> None:
    folder, sock = _folder_with_specials(tmp_path)
    with sock:
        result = ingest_paths([str(folder)])
    assert [Path(a.source).name for a in result.articles] == ["good.txt"]
    reasons = {Path(r.source).name: r.reason for r in result.rejected}
    assert set(reasons) == {"pipe.txt", "sock.txt", "zero.txt"}
    assert all("not a regular file" in r for r in reasons.values())


def test_gui_screenshot_of_a_folder_with_a_fifo_finishes(tmp_path: Path) -> None:
    folder, sock = _folder_with_specials(tmp_path)
    shot = tmp_path / "shot.png"
    with sock:
        done = run_cli("gui", str(folder), "--screenshot", str(shot), "--library",
                       str(tmp_path / "lib.sqlite"), timeout=120,
                       env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert shot.read_bytes().startswith(b"\x89PNG")
