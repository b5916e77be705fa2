"""`make install-desktop` (packaging/install-desktop.sh) installs into XDG_DATA_HOME."""

from __future__ import annotations

import os
import shutil
import subprocess

from reader.resources import APP_ID, ICON_SIZES

from .conftest import ROOT

SCRIPT = ROOT / "packaging" / "install-desktop.sh"


def _run(data_home, *args):
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True,
                          text=True, timeout=60, check=True)


def test_install_puts_entry_icons_and_metainfo_in_place(tmp_path):
    data = tmp_path / "share"
    _run(data, "--exec", "/opt/parallax/Parallax")
    entry = data / "applications" / f"{APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "Exec=/opt/parallax/Parallax %F" in text
    assert "TryExec=/opt/parallax/Parallax" in text
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (data / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        icon = data / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert icon.read_bytes() == (ROOT / f"resources/icons/parallax-{size}.png").read_bytes()
    validator = shutil.which("desktop-file-validate")
    if validator:  # the source entry's validation test fails loudly when it is missing
        proc = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout


def test_uninstall_removes_what_install_put(tmp_path):
    data = tmp_path / "share"
    _run(data, "--exec", "parallax")
    _run(data, "--uninstall")
    leftovers = [p for p in data.rglob("*") if p.is_file() and APP_ID in p.name]
    assert leftovers == []


def test_unsafe_exec_is_refused(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    proc = subprocess.run(["bash", str(SCRIPT), "--exec", "/a b/parallax"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "spaces" in proc.stderr
    assert not (tmp_path / "applications" / f"{APP_ID}.desktop").exists()
