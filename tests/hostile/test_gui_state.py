"""Classes 5 and 10 in the app: a read-only library is browsable without writes; damage met
while browsing is reported once instead of raising inside Qt's model calls."""

from __future__ import annotations

import pytest

from reader.core.library import Library
from tests.hostile.damage import make_library, scramble_pages
from tests.ui.conftest import library_path, make_window, ui_settings  # noqa: F401 (fixtures)


@pytest.fixture
def filled(library_path):  # noqa: F811
    folder = library_path.parent
    lib = make_library(folder, 12)
    lib.rename(library_path)
    return library_path


def test_read_only_library_browses_without_writing(filled, make_window, monkeypatch):  # noqa: F811
    monkeypatch.setattr("reader.core.library.connection.read_only_reason",
                        lambda path: "the library file is read-only")
    before = filled.read_bytes()
    window = make_window()
    assert window.gateway.read_only_reason == "the library file is read-only"
    assert not window.actions_.import_files.isEnabled()
    assert not window.actions_.toggle_read.isEnabled()
    assert "Read-only library" in window.statusBar().currentMessage()
    assert window.story_model.rowCount() == 12
    story_id = window.story_model.story_row(window.story_model.index(0, 0)).id
    window.show_story(story_id)  # would mark it read on a writable library
    window.runner.shutdown()
    window.gateway.close()
    assert filled.read_bytes() == before
    with Library.open(filled) as lib:
        assert not lib.story(story_id).read


def test_damage_met_while_browsing_is_reported_once(filled, make_window, monkeypatch):  # noqa: F811
    scramble_pages(filled, "stories", keep_first=False)
    monkeypatch.setattr("reader.core.library.connection.QUICK_CHECK_MAX_BYTES", 0)
    reports = []
    window = make_window()
    assert "is damaged" in (window.gateway.damaged or "")
    assert "parallax repair" in (window.damage_message or "")
    window.gateway.on_damage = reports.append
    window.story_model.refresh(keep_loaded=False)  # more reads: no second report, no raise
    assert reports == [] and window.story_model.rowCount() == 0
