"""GUI composition root: QApplication, settings, library, task runner, main window."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    """Open the main window (placeholder: a list of the analysed articles)."""
    from PySide6.QtWidgets import QApplication, QListWidget

    from reader.core.pipeline import analyze_paths

    paths = args.paths
    app = QApplication.instance() or QApplication([])
    doc = analyze_paths(paths) if paths else None
    view = QListWidget()
    view.setWindowTitle("Parallax")
    if doc:
        for art in doc.articles:
            view.addItem(f"{art.outlet} — {art.title}")
    view.resize(900, 600)
    if args.screenshot:
        view.show()
        app.processEvents()
        ok = view.grab().save(args.screenshot)
        return 0 if ok else 1
    view.show()
    return app.exec()
