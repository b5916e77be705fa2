"""GUI fixtures: a main window on a tmp library and tmp settings; Qt warnings fail tests."""

from __future__ import annotations

import pytest

from reader.core.library.library import Library
from reader.ui.settings import UiSettings


def pytest_collection_modifyitems(items):
    """Fail GUI tests on unexpected Qt warnings (offscreen's size-hint note is expected)."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints",
                                                      "QFont::setPointSize"))


@pytest.fixture
def ui_settings(tmp_path) -> UiSettings:
    """Settings in a tmp INI file."""
    return UiSettings.at(str(tmp_path / "parallax.ini"))


@pytest.fixture
def library_path(tmp_path):
    """Where the test library lives."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def make_window(qtbot, library_path, ui_settings):
    """Factory: a shown main window on the tmp library (closed and joined at teardown)."""
    from reader.app import create_window

    made = []

    def make(**kwargs):
        window = create_window(library_path, ui_settings, quiet=True, restore=False, **kwargs)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.runner.shutdown()
        window.gateway.close()


@pytest.fixture
def window(make_window):
    """A main window on an empty tmp library."""
    return make_window()


def import_and_wait(qtbot, window, paths, timeout=60_000):
    """Import paths through the window and wait for the finished signal; return the summary."""
    with qtbot.waitSignal(window.importer.finished, timeout=timeout) as blocker:
        assert window.import_paths(paths)
    return blocker.args[0]


def show_and_wait(qtbot, window, story_id, timeout=30_000):
    """Select a story and wait until its analysis is on screen."""
    with qtbot.waitSignal(window.storyShown, timeout=timeout):
        assert window.select_story(story_id)


def reopen(library_path) -> Library:
    """A fresh connection: proves changes were persisted, not just cached."""
    return Library.open(library_path)
