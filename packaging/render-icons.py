#!/usr/bin/env python3
"""Render resources/icons/parallax.svg to the PNG sizes desktops use (hicolor theme sizes)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Rendering needs no display: the offscreen platform is enough for QSvgRenderer + QImage.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "parallax.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(source: Path, out_dir: Path, sizes=SIZES) -> list[Path]:
    """Write parallax-<size>.png for each size into out_dir; return the written paths."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"render-icons: cannot read {source}")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"parallax-{size}.png"
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"render-icons: cannot write {target}")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    """Render the icon set next to the SVG (or into argv[1])."""
    out_dir = Path(argv[1]) if len(argv) > 1 else SOURCE.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication([])  # QPainter on QImage wants one
    for path in render(SOURCE, out_dir):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
