"""Make docs/screenshot-feeds.png: one story from three feeds, one outlet's edit as a version.

Serves fixture feeds on 127.0.0.1 (the test server), refreshes them into a throw-away
library twice with an edit in between, then renders `parallax gui --screenshot`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.feeds import FeedStore, refresh_feeds  # noqa: E402
from reader.core.library.library import Library  # noqa: E402
from tests.core.feeds import stories  # noqa: E402
from tests.core.feeds.conftest import bridge_item, orchestra_item  # noqa: E402
from tests.feedserver import FeedServer, Route, atom, paragraphs, rss  # noqa: E402

EDITED_A = [
    stories.BRIDGE_A[0].replace("240 million", "250 million"),
    *stories.BRIDGE_A[1:4],
    "An earlier version of this article gave the cost as 240 million euros; the authority "
    "later corrected it to 250 million.",
    *stories.BRIDGE_A[4:],
]


def main(out: str = "docs/screenshot-feeds.png") -> int:
    """Build the library and render the screenshot; the exit status of the gui command."""
    tmp = Path(tempfile.mkdtemp(prefix="parallax-feeds-shot-"))
    library = tmp / "library.sqlite"
    text = {"alpha": stories.BRIDGE_A}
    with FeedServer() as server:
        server.routes["/alpha.xml"] = Route(lambda: rss("Alpha News", [
            bridge_item("alpha", text["alpha"]), orchestra_item()]))
        server.routes["/delta.xml"] = Route(rss("Delta Farm Post", [{
            "guid": "harvest-1", "title": "Record wheat harvest expected",
            "link": "http://example.invalid/harvest", "date": "Mon, 01 Sep 2025 08:00:00 GMT",
            "html": paragraphs(*stories.HARVEST_V1)}]))
        server.routes["/beta.atom"] = Route(atom("Beta Herald", [
            {**bridge_item("beta", stories.BRIDGE_B), "iso": "2025-09-02T09:00:00Z"}]),
            content_type="application/atom+xml")
        server.routes["/gamma.xml"] = Route(rss("Gamma Daily", [{
            "guid": "gamma-bridge", "title": "Rail bridge over the Harrow Valley reopens",
            "link": "http://example.invalid/gamma/bridge",
            "date": "Tue, 02 Sep 2025 10:00:00 GMT", "html": paragraphs(*stories.BRIDGE_C)}]))
        with Library.open(library) as lib:
            store = FeedStore(lib)
            for path in ("/alpha.xml", "/beta.atom", "/gamma.xml"):
                store.add(server.url(path), folder="Wires")
            store.add(server.url("/delta.xml"), folder="Farming")
            refresh_feeds(lib)
            text["alpha"] = EDITED_A
            report = refresh_feeds(lib)
            assert report.edited == 1, report
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"))
    parallax = os.environ.get("PARALLAX", str(ROOT / ".venv" / "bin" / "parallax"))
    return subprocess.call([parallax, "gui", "--library", str(library), "--view", "side",
                            "--theme", "light", "--size", "1440x860", "--screenshot", out],
                           env=env)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
