"""Importing through the window: drag and drop of files and folders, paste, cancel."""

from __future__ import annotations

import shutil
import warnings

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication

from reader.core.ingest import ingest_paths
from tests.ui.conftest import reopen


def _drop(qtbot, window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    with warnings.catch_warnings():  # the only constructor PySide6 offers is flagged deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPointF(40, 40).toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(40, 40), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as blocker:
        window.dropEvent(drop)
    return blocker.args[0]


def test_dropping_files_imports_them(qtbot, window, seeds_dir, library_path):
    files = sorted(seeds_dir.iterdir())[:2]
    expected = len(ingest_paths([str(f) for f in files]).articles)
    summary = _drop(qtbot, window, files)
    assert len(summary.added) == expected > 0
    assert window.story_model.rowCount() > 0
    with reopen(library_path) as lib:
        assert lib.count_articles() == expected


def test_dropping_a_folder_imports_everything_in_it(qtbot, window, seeds_dir, tmp_path,
                                                   library_path):
    folder = tmp_path / "drop"
    shutil.copytree(seeds_dir, folder / "nested")
    expected = len(ingest_paths([str(folder)]).articles)
    summary = _drop(qtbot, window, [folder])
    assert len(summary.added) == expected
    with reopen(library_path) as lib:
        assert lib.count_articles() == expected
    # After the import the window shows a multi-version story if the seeds group into one.
    if any(len(r.article_ids) > 1 for r in window.gateway.library.stories()):
        qtbot.waitUntil(lambda: window.comparison.story_view is not None, timeout=30_000)


def test_paste_article_imports_clipboard_text(qtbot, window, library_path):
    QGuiApplication.clipboard().setText(
        "Council approves new bridge budget.\n\nThe city council voted 7-2 on Tuesday to "
        "approve the budget. Construction starts in May.")
    assert window.paste_article()
    dialog = window.paste_dialog  # asks for title and outlet first
    assert dialog.title.text() == ""  # a first line ending in "." is a sentence, not a title
    dialog.title.setText("Council approves new bridge budget")
    dialog.outlet.setText("City Gazette")
    with qtbot.waitSignal(window.importer.finished, timeout=30_000) as blocker:
        dialog.accept()
    assert len(blocker.args[0].added) == 1
    with reopen(library_path) as lib:
        assert lib.count_articles() == 1
        assert lib.search("bridge budget")
        (art,) = lib.articles(["a1"])
        assert (art.outlet, art.title) == ("City Gazette", "Council approves new bridge budget")
        assert not art.sentences[0].startswith("Council approves")


def _make_folder(root, n):
    root.mkdir()
    for i in range(n):
        (root / f"story{i:04d}.txt").write_text(
            f"Report number {i} from the harbour.\n\nOfficials in town {i} said the ferry "
            f"service {i} would resume on day {i}. Residents welcomed the news {i}.\n",
            encoding="utf-8")
    return root


def test_cancel_stops_an_import_cleanly(qtbot, window, tmp_path, library_path):
    folder = _make_folder(tmp_path / "big", 600)
    first = []

    def cancel_once(done, total):
        if not first:
            first.append((done, total))
            window.importer.cancel()

    window.importer.progressed.connect(cancel_once)
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as blocker:
        window.import_paths([folder])
    summary = blocker.args[0]
    assert first and first[0][1] == 600
    assert summary is not None and summary.cancelled
    assert 0 < len(summary.added) < 600
    assert not window.importer.is_busy() and not window.importer.bar.isVisible()
    with reopen(library_path) as lib:
        assert lib.count_articles() == len(summary.added)
        # Whole files only: every stored article has all the sentences its file yields.
        for art in lib.articles():
            whole = ingest_paths([art.source]).articles[0]
            assert art.sentences == whole.sentences
