"""Feeds in the app: refresh from the toolbar, progress, filters, preferences, dropped files."""

from __future__ import annotations

from reader.core.feeds import FeedStore
from tests.core.feeds import conftest as feed_fixtures
from tests.core.feeds import stories
from tests.feedserver import paragraphs, rss

# The local feed server and the loopback-only guard, shared with the core feed tests.
server = feed_fixtures.server
_loopback_only = feed_fixtures._loopback_only


def _refresh(qtbot, window, feed_ids=None):
    with qtbot.waitSignal(window.feeds.finished, timeout=60_000) as blocker:
        assert window.feeds.refresh(feed_ids)
    return blocker.args[0]


def _titles(window):
    model = window.story_model
    return [model.story_row(model.index(r, 0)).title for r in range(model.rowCount())]


def test_toolbar_refresh_brings_three_outlets_into_one_story(qtbot, window, server):
    assert window.actions_.refresh_feeds in window.actions_.toolbar.actions()
    store = FeedStore(window.gateway.library)
    for path in ("/wire-a.xml", "/wire-b.atom", "/wire-c.json"):
        store.add(server.url(path), folder="Wires" if path != "/wire-c.json" else "")
    with qtbot.waitSignal(window.feeds.finished, timeout=60_000) as blocker:
        window.actions_.refresh_feeds.trigger()
        assert window.feeds.bar.isVisibleTo(window) and window.feeds.cancel_button.isEnabled()
    report = blocker.args[0]
    assert report.added == 4 and not report.failed
    assert not window.feeds.bar.isVisibleTo(window)
    assert window.feeds.last_report is report
    model = window.story_model
    rows = [model.story_row(model.index(r, 0)) for r in range(model.rowCount())]
    (bridge,) = [r for r in rows if r.n_versions == 3]
    assert set(bridge.outlets) == {"Alpha News", "Beta Herald", "Gamma Daily"}
    # The refresh brought the first multi-version story on screen, as an import does.
    qtbot.waitUntil(lambda: window.current_story_id() == bridge.id, timeout=30_000)
    # Filter the story list by one feed, then by a folder, then back to all.
    gamma = store.find(server.url("/wire-c.json"))
    assert window.feeds.set_filter(f"feed:{gamma.id}")
    assert len(_titles(window)) == 1
    assert window.feeds.set_filter("folder:Wires")
    assert len(_titles(window)) == 2
    assert window.feeds.set_filter("all") and len(_titles(window)) == 2
    # First visit: everything is new since the (absent) last visit.
    assert window.feeds.set_filter("new") and len(_titles(window)) == 2


def test_refresh_errors_show_in_the_manage_dialog(qtbot, window, server):
    from reader.ui.dialogs.feeds import FeedsDialog

    store = FeedStore(window.gateway.library)
    store.add(server.url("/missing.xml"))
    store.add(server.url("/gzip.xml"))
    report = _refresh(qtbot, window)
    assert len(report.failed) == 1 and "1 failed" in window.statusBar().currentMessage()
    dialog = FeedsDialog(window.feeds, window)
    qtbot.addWidget(dialog)
    items = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    by_url = {i.text(4).rsplit("/", 1)[1]: i for i in items}
    assert by_url["missing.xml"].text(3) == "HTTP 404 Not Found"
    assert by_url["missing.xml"].text(2) == "never"
    assert by_url["gzip.xml"].text(3) == "" and by_url["gzip.xml"].text(2).startswith("20")


def test_cancel_hides_progress_and_reports(qtbot, window, server):
    store = FeedStore(window.gateway.library)
    store.add(server.url("/endless.xml"))  # would take the fetcher's full timeout
    with qtbot.waitSignal(window.feeds.finished, timeout=60_000):
        window.feeds.refresh()
        window.feeds.cancel()
        assert window.feeds.label.text() == "Cancelling…"
    assert not window.feeds.cancel_button.isVisibleTo(window)


def test_periodic_refresh_is_off_by_default_and_follows_preferences(qtbot, window, ui_settings,
                                                                   server):
    assert ui_settings.feed_refresh_minutes == 0 and not window.feeds.timer.isActive()
    from reader.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(ui_settings, window)
    dialog.feed_minutes.setValue(30)
    window.apply_preferences(dialog.apply())
    assert window.feeds.timer.isActive() and window.feeds.timer.interval() == 30 * 60_000
    dialog.close()
    # When the timer fires, the feeds are refreshed (no waiting 30 minutes: fire it now).
    FeedStore(window.gateway.library).add(server.url("/gzip.xml"))
    with qtbot.waitSignal(window.feeds.finished, timeout=60_000) as blocker:
        window.feeds.timer.timeout.emit()
    assert blocker.args[0].added == 1


def test_dropped_feed_file_is_imported_offline(qtbot, window, tmp_path):
    feed = tmp_path / "saved.rss"
    feed.write_bytes(rss("Offline Times", [{"guid": "o1", "title": "Orchestra tour",
                                            "link": "http://example.invalid/o1",
                                            "html": paragraphs(*stories.ORCHESTRA)}]))
    with qtbot.waitSignal(window.feeds.finished, timeout=60_000) as blocker:
        assert window.import_paths([feed])
    outcomes, errors = blocker.args[0]
    assert errors == [] and outcomes[0].added == 1
    assert _titles(window) == ["Orchestra tour"]


def test_add_feed_and_opml_round_trip_through_the_controller(qtbot, window, server, tmp_path):
    with qtbot.waitSignal(window.feeds.finished, timeout=60_000) as blocker:
        assert window.feeds.add_feed(server.url("/harvest.xml"))
    assert blocker.args[0].added == 1
    assert not window.feeds.add_feed("javascript:alert(1)")
    assert "not a web address" in window.statusBar().currentMessage()
    opml = tmp_path / "subs.opml"
    assert window.feeds.export_opml_file(str(opml))
    assert server.url("/harvest.xml") in opml.read_text()
    source = tmp_path / "in.opml"
    source.write_bytes(server.routes["/subs.opml"].body)
    assert window.feeds.import_opml_file(str(source)) == 3
    keys = [window.feeds.filter.itemData(i) for i in range(window.feeds.filter.count())]
    assert "folder:Wires" in keys and sum(k.startswith("feed:") for k in keys) == 4


def test_manage_dialog_renames_moves_and_removes(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QPushButton

    from reader.ui.dialogs.feeds import FeedIdRole, FeedsDialog

    store = FeedStore(window.gateway.library)
    feed, _ = store.add("http://127.0.0.1:9/a.xml")
    dialog = FeedsDialog(window.feeds, window)
    qtbot.addWidget(dialog)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}

    def select(feed_id):
        def find(parent):
            for i in range(parent.childCount()):
                child = parent.child(i)
                if child.data(0, FeedIdRole) == feed_id:
                    return child
                found = find(child)
                if found is not None:
                    return found
            return None
        dialog.tree.setCurrentItem(find(dialog.tree.invisibleRootItem()))

    select(feed.id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Local test", True))
    buttons["Rename…"].click()
    assert store.get(feed.id).title == "Local test"
    select(feed.id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Tests", True))
    buttons["Move to folder…"].click()
    assert store.get(feed.id).folder == "Tests"
    assert dialog.tree.topLevelItem(0).text(0) == "Tests"  # the folder row, feed under it
    assert dialog.tree.topLevelItem(0).child(0).text(0) == "Local test"
    select(feed.id)
    buttons["Remove"].click()
    assert store.list() == [] and dialog.tree.topLevelItemCount() == 0
