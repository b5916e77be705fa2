"""Item models pass QAbstractItemModelTester; the story list pages lazily; settings; tasks."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex
from PySide6.QtTest import QAbstractItemModelTester

from reader.core.settings import AnalysisSettings
from reader.ui.models.passages import PassageTableModel
from reader.ui.models.story_list import PAGE_SIZE, StoryListModel, VersionRow
from reader.ui.settings import UiSettings
from reader.ui.tasks import TaskRunner
from tests.ui.conftest import import_and_wait
from tests.ui.sample import three_version_view

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


@dataclass(frozen=True)
class _Row:
    id: str
    title: str
    article_ids: tuple
    outlets: tuple
    latest_date: str | None
    read: bool
    starred: bool


class FakeSource:
    """n stories of 1-3 versions; counts how much the model asked for."""

    def __init__(self, n: int) -> None:
        self.rows = [_Row(f"s{i}", f"Story {i}", tuple(f"a{i}_{k}" for k in range(1 + i % 3)),
                          ("Wire",), "2025-09-05", i % 2 == 0, False) for i in range(n)]
        self.requested = 0

    def story_page(self, limit, offset, sort, descending, query):
        rows = [r for r in self.rows if not query or query in r.title]
        self.requested += len(rows[offset:offset + limit])
        return rows[offset:offset + limit]

    def versions(self, row):
        return [VersionRow(a, "Wire", f"Title {a}", None, False, False) for a in row.article_ids]

    def story(self, story_id):
        return next(r for r in self.rows if r.id == story_id)


def test_story_list_model_passes_the_tester_and_pages_lazily(qtbot):
    source = FakeSource(50_000)
    model = StoryListModel(source)
    QAbstractItemModelTester(model, FATAL)
    model.refresh(keep_loaded=False)
    # The tester itself fetches a page or two; nothing near the 50,000 rows is loaded.
    loaded = model.rowCount()
    assert PAGE_SIZE <= loaded <= source.requested <= 4 * PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == loaded + PAGE_SIZE
    parent = model.index(2, 0)
    assert model.rowCount(parent) == 3
    assert model.index(1, 0, parent).data() == "Title a2_1"
    model.set_query("Story 4999")
    assert 0 < model.rowCount() <= 11
    model.update_story("s4999")


def test_story_list_model_on_a_real_library_passes_the_tester(qtbot, window, seeds_dir):
    import_and_wait(qtbot, window, [seeds_dir])
    QAbstractItemModelTester(window.story_model, FATAL)
    window.story_model.refresh()
    for r in range(window.story_model.rowCount()):
        parent = window.story_model.index(r, 0)
        for c in range(window.story_model.rowCount(parent)):
            assert window.story_model.index(c, 0, parent).data()


def test_passage_model_passes_the_tester(qtbot):
    model = PassageTableModel()
    QAbstractItemModelTester(model, FATAL)
    model.set_story(three_version_view())
    model.set_story(None)
    model.set_story(three_version_view())
    assert model.rowCount() == 4


def test_settings_round_trip(tmp_path):
    path = str(tmp_path / "s.ini")
    s = UiSettings.at(path)
    assert s.analysis == AnalysisSettings() and s.theme == "system"
    s.analysis = AnalysisSettings(strictness=0.8, ignore_case=True, reference="Wire")
    s.theme, s.font_size, s.view, s.last_story = "dark", 14, "map", "s7"
    s.sync()
    again = UiSettings.at(path)
    assert again.analysis == AnalysisSettings(strictness=0.8, ignore_case=True,
                                              reference="Wire")
    assert (again.theme, again.font_size, again.view, again.last_story) == ("dark", 14, "map",
                                                                             "s7")


def test_task_runner_drops_stale_results_and_cancels(qtbot):
    runner = TaskRunner()
    gate = threading.Event()

    def slow(progress, cancel):
        gate.wait(10)
        return "stale"

    results = []
    runner.finished.connect(lambda ch, r: results.append((ch, r)))
    runner.submit("a", slow)
    # The second submit supersedes the first: the first's late result comes back only as
    # `stopped`, never as `finished`.
    with qtbot.waitSignals([runner.finished, runner.stopped], timeout=10_000):
        runner.submit("a", lambda p, c: "fresh")
        gate.set()
    assert results == [("a", "fresh")]

    seen = []

    def cancellable(progress, cancel):
        for i in range(1000):
            if cancel():
                return i
            progress(i + 1, 1000, "x")
            threading.Event().wait(0.001)
        return -1

    runner.progress.connect(lambda ch, d, t, label: (seen.append(d), runner.cancel("b")))
    with qtbot.waitSignal(runner.stopped, timeout=10_000) as blocker:
        runner.submit("b", cancellable)
    assert blocker.args[0] == "b" and 0 < blocker.args[1] < 1000
    assert not runner.is_busy("b")
    runner.shutdown()
