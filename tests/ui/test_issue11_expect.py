"""Issue 11, "what users expect": welcome and empty-search text, Undo/Redo that say what they
undo, an import summary every time, Export's last folder, per-format filter and done box."""

from __future__ import annotations

from reader.ui.dialogs.export import file_filter
from reader.ui.exporting import FOLDER_KEY, OPEN_REPORT, SHOW_FOLDER
from tests.ui.conftest import import_and_wait


def test_first_run_welcome_then_empty_search_text(qtbot, window, seeds_dir):
    note = window.browser.empty_note
    assert note.isVisible() and "Welcome to Parallax" in note.text()
    import_and_wait(qtbot, window, [seeds_dir])
    assert not note.isVisible()
    window.browser.search.setText("zzzxqqnotaword")
    window.browser.apply_search()
    assert note.isVisible() and "No article matches “zzzxqqnotaword”" in note.text()
    window.browser.search.clear()
    window.browser.apply_search()
    assert not note.isVisible()


def test_undo_and_redo_say_what_they_will_undo(qtbot, window, seeds_dir):
    import_and_wait(qtbot, window, [seeds_dir])
    rows = window.browser.model
    first, second = (rows.story_row(rows.index(r, 0)) for r in (0, 1))
    window.browser.tree.selectionModel().clearSelection()
    for r in (0, 1):
        window.browser.tree.selectionModel().select(
            rows.index(r, 0), window.browser.tree.selectionModel().SelectionFlag.Select
            | window.browser.tree.selectionModel().SelectionFlag.Rows)
    window.regroup.merge_selected()
    undo, redo = window.actions_.undo, window.actions_.redo
    assert undo.text() == "&Undo Merge 2 stories"
    window.undo_stack.undo()
    assert redo.text() == "&Redo Merge 2 stories" and undo.text() == "&Undo"
    assert first.id != second.id


def test_import_summary_is_shown_even_when_nothing_was_rejected(qtbot, window, seeds_dir):
    window.importer.quiet = False
    summary = import_and_wait(qtbot, window, [seeds_dir])
    assert not summary.rejected
    box = window.importer.summary_box
    assert box is not None and "23 articles added from 5 files" in box.text()
    box.close()


def test_export_remembers_the_folder_and_offers_open_and_show(qtbot, window, tmp_path):
    target = tmp_path / "reports"
    target.mkdir()
    window.exporter.export("md", False, str(target / "r.md"))
    assert window.settings.qsettings.value(FOLDER_KEY) == str(target)
    assert window.exporter.last_folder() == str(target)
    box = window.exporter.done_box(str(target / "r.md"))
    assert {b.text() for b in box.buttons()} >= {OPEN_REPORT, SHOW_FOLDER}
    assert file_filter("pdf", "PDF").startswith("PDF (*.pdf)")
    assert file_filter("html", "HTML").startswith("HTML (*.html *.htm)")


def test_remove_a_story_from_the_window_and_undo_it(qtbot, window, seeds_dir, library_path):
    from tests.ui.conftest import reopen

    import_and_wait(qtbot, window, [seeds_dir])
    model = window.story_model
    first = model.story_row(model.index(0, 0))
    window.browser.select_story(first.id, emit=False)
    window.actions_.remove.trigger()
    assert window.actions_.undo.text() == "&Undo Remove story"
    with reopen(library_path) as lib:
        assert lib.count_articles() == 23 - len(first.article_ids)
    assert model.index_of_story(first.id).isValid() is False
    window.undo_stack.undo()
    with reopen(library_path) as lib:
        assert lib.count_articles() == 23
        assert set(lib.story(lib.story_of(first.article_ids[0])).article_ids) == \
            set(first.article_ids)


def test_missing_words_can_be_shown_inline_instead_of_carets(qtbot, window):
    from reader.ui.models.passages import HtmlRole
    from tests.ui.test_issue11 import _number_story

    window.comparison.set_story(_number_story())
    model = window.comparison.side.passage_model
    col = model.column_of("a2")
    assert "on Friday" not in model.index(0, col).data(HtmlRole)  # a caret, hover for words
    window.actions_.missing_inline.trigger()
    assert window.settings.missing_inline
    html = model.index(0, col).data(HtmlRole)
    assert "[on Friday]" in html and "[12]" in html  # bracketed, apart from the own words


def test_readable_dialogs(qtbot, window):
    from reader.ui.dialogs.edit import MIN_WIDTH, EditVersionDialog, RenameStoryDialog
    from reader.ui.dialogs.preferences import PreferencesDialog

    edit = EditVersionDialog("A headline", "Example Wire", window)
    assert edit.dialog.minimumWidth() >= MIN_WIDTH
    assert (edit.title.text(), edit.outlet.text()) == ("A headline", "Example Wire")  # one dialog
    assert RenameStoryDialog("T", window).dialog.minimumWidth() >= MIN_WIDTH
    prefs = PreferencesDialog(window.settings, window)
    qtbot.addWidget(prefs)
    assert prefs.strictness_value.text() == "0.50 (default)"
    prefs.strictness.setValue(70)
    assert prefs.strictness_value.text() == "0.70"
