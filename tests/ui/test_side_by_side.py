"""Side by side: the reference version is the first column; "Shared passages only" filter."""

from __future__ import annotations

from dataclasses import replace

from reader.ui.actions import shortcut_table
from reader.ui.models.passages import PresentRole
from reader.ui.settings import UiSettings
from reader.ui.views.comparison import ComparisonArea
from tests.ui.conftest import import_and_wait, show_and_wait
from tests.ui.sample import three_version_view


def _view_with_reference(aid: str):
    """The sample story with every shared passage diffed against `aid`."""
    view = three_version_view()
    passages = tuple(replace(p, reference=aid) if len(p.members) > 1 else p
                     for p in view.story.passages)
    return replace(view, story=replace(view.story, passages=passages))


def test_reference_version_is_the_first_column_then_by_shared_content(qtbot):
    area = ComparisonArea()
    qtbot.addWidget(area)
    view = _view_with_reference("a2")   # a2 is second in story (date) order
    area.set_story(view)
    side = area.side
    model = side.passage_model
    # a1 shares two passages with a2, a3 only one: a1 comes next.
    assert [model.article_id(c) for c in range(3)] == ["a2", "a1", "a3"]
    assert side.column_order() == ["a2", "a1", "a3"]
    assert "reference" in model.headerData(0, side.horizontalHeader().orientation())
    assert "reference" not in model.headerData(1, side.horizontalHeader().orientation())
    # The other views follow the same order.
    assert area.reader.current_article() == "a2"
    assert area.map.canvas._cols() == ("a2", "a1", "a3")


def test_recomputed_story_puts_the_new_reference_first_and_keeps_the_users_order(qtbot):
    area = ComparisonArea()
    qtbot.addWidget(area)
    area.set_story(_view_with_reference("a1"))
    side = area.side
    header = side.horizontalHeader()
    assert side.column_order() == ["a1", "a2", "a3"]
    header.moveSection(2, 1)            # the user drags a3 before a2
    assert side.column_order() == ["a1", "a3", "a2"]
    area.set_story(_view_with_reference("a2"))   # same story, a2 chosen as reference
    assert side.column_order() == ["a2", "a1", "a3"]
    area.set_story(_view_with_reference("a1"))
    assert side.column_order()[0] == "a1"
    before = side.column_order()
    header.moveSection(2, 1)            # drag-to-reorder still works afterwards
    assert side.column_order() == [before[0], before[2], before[1]]


def test_use_as_reference_in_the_app_moves_that_version_first(qtbot, window, seeds_dir):
    import_and_wait(qtbot, window, [seeds_dir])
    story = max(window.gateway.library.stories(), key=lambda r: len(r.article_ids))
    show_and_wait(qtbot, window, story.id)
    side = window.comparison.side
    first = side.column_order()[0]
    assert window.comparison.story_view.reference_id == first
    target = side.column_order()[-1]
    with qtbot.waitSignal(window.storyShown, timeout=30_000):
        side.referenceRequested.emit(target)   # what the header menu's action emits
    assert window.comparison.story_view.reference_id == target
    assert side.column_order()[0] == target
    # The top row on screen has text in a column on screen (never opens on empty rows).
    top = side.rowAt(0)
    header = side.horizontalHeader()
    on_screen = [c for c in range(header.count())
                 if header.sectionViewportPosition(c) < side.viewport().width()]
    assert any(side.passage_model.index(top, c).data(PresentRole) for c in on_screen)


def test_shared_only_hides_exactly_single_version_rows_and_persists(qtbot, make_window,
                                                                     ui_settings, tmp_path):
    window = make_window()
    action = window.actions_.shared_only
    assert not action.isChecked() and not ui_settings.shared_only  # off by default
    view = three_version_view()
    window.comparison.set_story(view)
    side = window.comparison.side
    assert side.hidden_rows() == []
    action.trigger()
    single = [r for r, p in enumerate(view.story.passages) if len(p.members) == 1]
    assert single == [1, 3]
    assert side.hidden_rows() == single
    assert UiSettings.at(str(tmp_path / "parallax.ini")).shared_only is True
    # A new story keeps the filter on.
    window.comparison.set_story(_view_with_reference("a2"))
    assert side.hidden_rows() == single
    # Persisted: a new window starts filtered.
    ui_settings.sync()
    again = make_window()
    assert again.actions_.shared_only.isChecked()
    again.comparison.set_story(view)
    assert again.comparison.side.hidden_rows() == single
    action.trigger()
    assert side.hidden_rows() == [] and ui_settings.shared_only is False


def test_shared_only_is_in_the_view_menu_toolbar_and_shortcuts(window):
    action = window.actions_.shared_only
    assert action.isCheckable()
    assert action in window.actions_.menus["&View"].actions()
    assert action in window.actions_.toolbar.actions()
    keys = action.shortcut().toString()
    assert keys and any(k == keys for k, _ in shortcut_table())
    # No other action uses the same key.
    others = [a for a in window.findChildren(type(action)) if a is not action]
    assert all(keys not in [s.toString() for s in a.shortcuts()] for a in others)


def test_difference_navigation_skips_hidden_rows(qtbot, window):
    window.comparison.set_story(three_version_view())
    side = window.comparison.side
    window.set_shared_only(True)
    assert side.passage_model.difference_rows() == [0, 1, 2, 3]
    seen = [side.step_difference(True) for _ in range(3)]
    assert seen == [0, 2, 0]
    assert side.step_difference(False) == 2


def test_jumping_to_a_hidden_passage_turns_the_filter_off_and_shows_it(qtbot, window):
    window.comparison.set_story(three_version_view())
    side = window.comparison.side
    window.set_shared_only(True)
    assert side.isRowHidden(3)
    window.comparison.map.cellClicked.emit(3, "a3")  # a click on the coverage map
    assert window.comparison.current_view() == "side"
    assert not side.isRowHidden(3) and side.hidden_rows() == []
    assert not window.actions_.shared_only.isChecked()
    assert window.settings.shared_only is False
    index = side.currentIndex()
    assert (index.row(), side.passage_model.article_id(index.column())) == (3, "a3")
    assert side.rowViewportPosition(3) >= 0
