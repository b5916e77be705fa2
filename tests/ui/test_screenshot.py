"""`parallax gui PATH --screenshot FILE` renders the window to a PNG and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def test_screenshot_command_writes_the_png(tmp_path, seeds_dir):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PARALLAX_LIBRARY=str(tmp_path / "shot.sqlite"))
    done = subprocess.run(
        [sys.executable, "-m", "reader", "gui", str(seeds_dir), "--view", "map",
         "--size", "1024x700", "--theme", "dark", "--screenshot", str(out)],
        env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    # Dark theme: the window background is dark.
    assert image.pixelColor(5, image.height() - 5).lightness() < 128


def test_application_names_match_the_desktop_entry(qapp):
    """Window managers match the window to the installed .desktop file by these names."""
    from reader.app import create_application
    from reader.resources import APP_ID, resource_path

    app = create_application()
    assert app.desktopFileName() == APP_ID
    assert resource_path("desktop", f"{APP_ID}.desktop").exists()
    assert app.applicationName() == "Parallax"
