"""Regrouping by hand: merge, split, move, rename and edits persist and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import import_and_wait, reopen


@pytest.fixture
def seeded(qtbot, window, seeds_dir):
    """The window with the seeds imported."""
    import_and_wait(qtbot, window, [seeds_dir])
    assert len(window.gateway.library.stories()) >= 3
    return window


def _story_of(library_path, aid):
    with reopen(library_path) as lib:
        return lib.story_of(aid)


def _two_stories(window):
    rows = sorted(window.gateway.library.stories(), key=lambda r: len(r.article_ids))
    return rows[0], rows[1]


def test_merge_persists_and_undoes(qtbot, seeded, library_path):
    a, b = _two_stories(seeded)
    x, y = a.article_ids[0], b.article_ids[0]
    seeded.regroup.merge([a.id, b.id])
    assert _story_of(library_path, x) == _story_of(library_path, y)
    assert seeded.undo_stack.count() == 1
    seeded.actions_.undo.trigger()
    assert _story_of(library_path, x) != _story_of(library_path, y)
    seeded.actions_.redo.trigger()
    assert _story_of(library_path, x) == _story_of(library_path, y)


def test_split_persists_and_undoes(qtbot, seeded, library_path):
    a, b = _two_stories(seeded)
    seeded.regroup.merge([a.id, b.id])  # guarantees a multi-version story
    x, y = a.article_ids[0], b.article_ids[0]
    seeded.regroup.split_version(y)
    assert _story_of(library_path, x) != _story_of(library_path, y)
    with reopen(library_path) as lib:
        assert lib.story(lib.story_of(y)).article_ids == (y,)
    seeded.undo_stack.undo()
    assert _story_of(library_path, x) == _story_of(library_path, y)


def test_move_by_dropping_a_version_on_a_story_persists_and_undoes(qtbot, seeded,
                                                                  library_path):
    from reader.ui.models.story_list import ARTICLE_MIME

    a, b = _two_stories(seeded)
    x = a.article_ids[0]
    model = seeded.story_model
    target = model.index_of_story(b.id)
    assert target.isValid()
    mime = model.mimeData([])
    mime.setData(ARTICLE_MIME, x.encode())
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert _story_of(library_path, x) == _story_of(library_path, b.article_ids[0])
    seeded.undo_stack.undo()
    assert _story_of(library_path, x) != _story_of(library_path, b.article_ids[0])


def test_rename_story_persists_and_undoes(qtbot, seeded, library_path):
    a, _ = _two_stories(seeded)
    aid = a.article_ids[0]
    seeded.regroup.rename(a.id, "My own title")
    with reopen(library_path) as lib:
        assert lib.story(lib.story_of(aid)).title == "My own title"
    assert any(seeded.story_model.story_row(seeded.story_model.index(r, 0)).title
               == "My own title" for r in range(seeded.story_model.rowCount()))
    seeded.undo_stack.undo()
    with reopen(library_path) as lib:
        assert lib.story(lib.story_of(aid)).title == a.title


def test_edit_article_title_and_outlet_persist_and_undo(qtbot, seeded, library_path):
    a, _ = _two_stories(seeded)
    aid = a.article_ids[0]
    before = seeded.gateway.article_info(aid).article
    seeded.regroup.edit_article(aid, title="Edited headline", outlet="The Edited Times")
    with reopen(library_path) as lib:
        art = lib.article(aid)
        assert (art.title, art.outlet) == ("Edited headline", "The Edited Times")
    seeded.undo_stack.undo()
    with reopen(library_path) as lib:
        art = lib.article(aid)
        assert (art.title, art.outlet) == (before.title, before.outlet)


def test_search_filters_the_list(qtbot, seeded):
    model = seeded.story_model
    everything = model.rowCount()
    seeded.browser.search.setText("Greenland")
    seeded.browser.apply_search()
    found = model.rowCount()
    assert 0 < found < everything
    matching = set(seeded.gateway.library.search("Greenland"))
    assert matching
    for r in range(found):
        row = model.story_row(model.index(r, 0))
        assert set(row.article_ids) & matching
    seeded.browser.search.setText("zzzznotaword")
    seeded.browser.apply_search()
    assert model.rowCount() == 0
    seeded.browser.search.clear()
    seeded.browser.apply_search()
    assert model.rowCount() == everything


def test_star_and_read_flags(qtbot, seeded, library_path):
    model = seeded.story_model
    # The first story (most versions) was opened after the import: take an unread one.
    index = next(model.index(r, 0) for r in range(model.rowCount())
                 if not model.story_row(model.index(r, 0)).read)
    row = model.story_row(index)
    assert model.data(index, Qt.ItemDataRole.FontRole).bold()  # unread shows bold
    seeded.regroup.toggle_star(index)
    with reopen(library_path) as lib:
        assert lib.story(row.id).starred
    assert model.story_row(model.index_of_story(row.id)).starred
