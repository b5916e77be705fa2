"""Selecting a story shows every version; passages line up; each view renders."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reader.ui.models.passages import OMISSION_LABEL, HtmlRole, PresentRole
from reader.ui.views.comparison import ComparisonArea
from tests.ui.conftest import import_and_wait, show_and_wait
from tests.ui.sample import three_version_view


def _check_lines_up(model, view):
    story = view.story
    assert model.rowCount() == len(story.passages)
    assert model.columnCount() == len(story.article_ids)
    for row, passage in enumerate(story.passages):
        for col in range(model.columnCount()):
            aid = model.article_id(col)
            index = model.index(row, col)
            present = aid in passage.members
            assert index.data(PresentRole) is present
            assert (index.data(HtmlRole) is None) is (not present)
            if present:
                sentences = view.articles[aid].sentences
                assert index.data() == " ".join(sentences[i] for i in passage.members[aid])
            else:
                assert index.data() == OMISSION_LABEL


def test_selecting_a_library_story_shows_every_version_aligned(qtbot, window, seeds_dir):
    import_and_wait(qtbot, window, [seeds_dir])
    rows = window.gateway.library.stories()
    story = max(rows, key=lambda r: len(r.article_ids))
    show_and_wait(qtbot, window, story.id)
    view = window.comparison.story_view
    assert view.story.id == story.id
    assert set(view.version_ids) == set(story.article_ids)
    _check_lines_up(window.comparison.side.passage_model, view)
    # Every sentence of every version appears in exactly one row (no version loses text).
    model = window.comparison.side.passage_model
    for col in range(model.columnCount()):
        aid = model.article_id(col)
        shown = [model.index(r, col).data() for r in range(model.rowCount())
                 if model.index(r, col).data(PresentRole)]
        assert sorted(" ".join(shown).split()) == sorted(
            " ".join(view.articles[aid].sentences).split())


def test_cells_are_empty_exactly_where_a_version_lacks_the_passage(qtbot):
    area = ComparisonArea()
    qtbot.addWidget(area)
    view = three_version_view()
    area.set_story(view)
    model = area.side.passage_model
    _check_lines_up(model, view)
    assert [model.index(0, c).data(PresentRole) for c in range(3)] == [True, True, False]
    html = model.index(0, 1).data(HtmlRole)
    # The column is the version's own text: the changed word underlined, the reference's
    # word not in the cell (it is the changed mark's tooltip).
    assert "underline" in html and "lawful" in html
    assert "legitimate" not in html and "line-through" not in html
    assert model.difference_rows() == [0, 1, 2, 3]


def test_each_view_renders_and_they_differ(qtbot):
    area = ComparisonArea()
    qtbot.addWidget(area)
    area.resize(900, 600)
    area.show()
    area.set_story(three_version_view())
    images = {}
    for name in ("side", "reader", "map"):
        area.set_view(name)
        assert area.current_view() == name
        image = area.stack.currentWidget().grab().toImage()
        assert not image.isNull() and image.width() > 100
        # Not blank: more than a handful of distinct colours.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 5, name
        images[name] = image
    assert images["side"] != images["reader"] != images["map"] != images["side"]


def test_reader_marks_sentences_and_margin_marker_shows_missing_text(qtbot):
    area = ComparisonArea()
    qtbot.addWidget(area)
    area.set_story(three_version_view())
    reader = area.reader
    reader.show_version("a3")   # Herald lacks p1 (Wire + Daily) and p2 (Wire)
    html = reader.text.toHtml()
    assert "Twenty-six countries" in html
    assert reader.marker_names()
    with qtbot.waitSignal(reader.gapShown) as blocker:
        reader.show_gap(reader.marker_names()[0])
    assert blocker.args[0] == "p1,p2"
    detail = reader.detail.toPlainText()
    assert "Wire, Daily" in detail and "lawful" not in detail and "legitimate" in detail


def test_coverage_map_click_jumps_to_the_passage_side_by_side(qtbot):
    area = ComparisonArea()
    qtbot.addWidget(area)
    area.resize(800, 600)
    area.show()
    area.set_story(three_version_view())
    area.set_view("map")
    canvas = area.map.canvas
    target = canvas.cell_rect(2, 2).center()
    with qtbot.waitSignal(canvas.cellClicked) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=target)
    assert blocker.args == [2, "a3"]
    assert area.current_view() == "side"
    current = area.side.currentIndex()
    assert (current.row(), current.column()) == (2, 2)
    assert canvas.cell_at(QPoint(1, 1)) is None


def test_next_and_previous_difference(qtbot):
    area = ComparisonArea()
    qtbot.addWidget(area)
    area.set_story(three_version_view())
    area.set_view("reader")
    area.step_difference(True)
    assert area.current_view() == "side"
    assert area.side.currentIndex().row() == 0
    area.step_difference(True)
    assert area.side.currentIndex().row() == 1
    area.step_difference(False)
    assert area.side.currentIndex().row() == 0


def test_findings_panel_lists_findings(qtbot):
    from reader.ui.theme import LIGHT
    from reader.ui.views.findings import findings_html

    html = findings_html(three_version_view(), LIGHT)
    for needle in ("He spoke in Vladivostok.", "legitimate targets", "lawful targets",
                   "Twenty-six", "shared terms: Putin", "Herald"):
        assert needle in html
