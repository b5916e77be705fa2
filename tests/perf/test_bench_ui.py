"""Desktop app benchmarks (offscreen): start-up, story rendering, import responsiveness, paging.

Run with `make bench`; figures are printed. The machine is shared, so they are noisy.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from reader.core.library.library import Library
from reader.core.model import Article
from reader.ui.models.rendering import StoryView
from reader.ui.settings import UiSettings
from reader.ui.views.comparison import ComparisonArea

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORDS = ("council minister harbour ferry budget election storm border talks court "
         "troops ceasefire summit report vote strike market energy water school").split()


def _body(i: int, n: int = 12) -> list[str]:
    return [f"{WORDS[(i + k) % len(WORDS)].capitalize()} item {i} sentence {k} said officials "
            f"in town {i % 97} on day {k}." for k in range(n)]


def _write_files(folder, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text("\n\n".join(_body(i)) + "\n", encoding="utf-8")


def _bulk_library(path, n_articles: int) -> None:
    """A big library written straight through Library's own import of generated files."""
    folder = path.parent / f"gen{n_articles}"
    _write_files(folder, n_articles)
    with Library.open(path) as lib:
        lib.import_paths([str(folder)])


@pytest.fixture(scope="module")
def lib10k(tmp_path_factory):
    path = tmp_path_factory.mktemp("lib10k") / "library.sqlite"
    t = time.perf_counter()
    _bulk_library(path, 10_000)
    print(f"\n[bench-ui] built 10,000-article library in {time.perf_counter() - t:.1f} s")
    return path


def test_cold_start_to_shown_window_with_10k_library(lib10k, tmp_path):
    code = (
        "import time; t=time.perf_counter();"
        "from reader.app import create_application, create_window;"
        "from reader.ui.settings import UiSettings;"
        "app=create_application(); "
        f"w=create_window({str(lib10k)!r}, UiSettings.at({str(tmp_path / 's.ini')!r}), quiet=True);"
        "from PySide6.QtCore import QTimer;"
        "w.show(); QTimer.singleShot(0, app.quit); app.exec();"  # first paint done
        "print(time.perf_counter()-t, w.story_model.loaded_count())")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True).stdout.split()
    total = time.perf_counter() - start
    inside, loaded = float(out[0]), int(out[1])
    print(f"\n[bench-ui] cold start (process start to shown window, 10k articles): "
          f"{total:.2f} s (in-process {inside:.2f} s, {loaded} stories loaded)")
    assert total < 2.0


def _story(n_versions: int, n_sentences: int = 25) -> StoryView:
    from reader.core.align import align_story
    from reader.core.model import StoryGroup
    from reader.core.settings import AnalysisSettings

    arts = []
    for v in range(n_versions):
        sents = [s.replace("officials", ["officials", "police", "aides"][v % 3])
                 for s in _body(7, n_sentences)]
        arts.append(Article(f"a{v + 1}", f"v{v}.txt", 0, f"Version {v}", f"Outlet {v}",
                            "2025-09-05", None, tuple(sents[v % 3:]),
                            tuple(range(len(sents) - v % 3))))
    story = align_story("s1", StoryGroup(tuple(a.id for a in arts), "t"), arts,
                        AnalysisSettings())
    return StoryView(story, {a.id: a for a in arts})


@pytest.mark.parametrize("versions,limit", [(5, 0.2), (20, 1.0)])
def test_select_story_render_time(qtbot, versions, limit):
    view = _story(versions)
    area = ComparisonArea()
    qtbot.addWidget(area)
    area.resize(1000, 700)
    area.show()
    area.set_story(_story(2))
    timer = QElapsedTimer()
    timer.start()
    area.set_story(view)
    area.grab()  # forces the paint of the visible cells
    ms = timer.elapsed()
    print(f"\n[bench-ui] render {versions}-version story ({len(view.story.passages)} passages): "
          f"{ms} ms")
    assert ms < limit * 1000


def test_ui_never_stalls_while_importing_2000_files(qtbot, tmp_path):
    from reader.app import create_window

    folder = tmp_path / "import2000"
    _write_files(folder, 2000)
    window = create_window(tmp_path / "lib.sqlite", UiSettings.at(str(tmp_path / "s.ini")),
                           quiet=True, restore=False)
    qtbot.addWidget(window)
    window.show()
    gaps, last = [], [time.perf_counter()]

    def beat():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(beat)
    heart.start()
    t = time.perf_counter()
    with qtbot.waitSignal(window.importer.finished, timeout=300_000) as blocker:
        window.import_paths([folder])
    heart.stop()
    took = time.perf_counter() - t
    worst = max(gaps) * 1000
    print(f"\n[bench-ui] import 2,000 files: {took:.1f} s, {len(blocker.args[0].added)} added, "
          f"max UI-thread gap {worst:.0f} ms over {len(gaps)} heartbeats")
    window.runner.shutdown()
    window.gateway.close()
    assert worst < 100


def test_story_list_scrolls_50k_library_without_loading_it(qtbot, tmp_path):
    from reader.app import create_window

    path = tmp_path / "lib50k.sqlite"
    t = time.perf_counter()
    _bulk_library(path, 50_000)
    print(f"\n[bench-ui] built 50,000-article library in {time.perf_counter() - t:.1f} s")
    window = create_window(path, UiSettings.at(str(tmp_path / "s.ini")), quiet=True,
                           restore=False)
    qtbot.addWidget(window)
    window.show()
    model, tree = window.story_model, window.browser.tree
    total = window.gateway.library.count_stories()
    timer = QElapsedTimer()
    timer.start()
    bar = tree.verticalScrollBar()
    scrolls = 10
    for _ in range(scrolls):  # scroll to the bottom repeatedly: each time a page or two loads
        tree.doItemsLayout()  # apply the rows the last page added to the scroll range
        bar.setValue(bar.maximum())  # the view asks the model to fetchMore at the bottom
    ms = timer.elapsed()
    print(f"\n[bench-ui] 50k library ({total} stories): {scrolls} scrolls to bottom in {ms} ms, "
          f"{model.loaded_count()} stories loaded in {model.pages_fetched} pages")
    window.runner.shutdown()
    window.gateway.close()
    from reader.ui.models.story_list import PAGE_SIZE

    # Only the pages the scrolling asked for (the view may fetch twice per jump) are loaded.
    assert model.loaded_count() <= (2 * scrolls + 3) * PAGE_SIZE < total / 4
