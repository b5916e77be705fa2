"""`parallax feeds …` and `parallax export` end to end, against the local server."""

from __future__ import annotations

import json

from reader.cli import main
from tests.core.feeds import stories


def _lib(tmp_path):
    return ["--library", str(tmp_path / "lib.sqlite")]


def test_opml_import_refresh_list_export(tmp_path, server, capsys):
    lib = _lib(tmp_path)
    subs = tmp_path / "subs.opml"  # the OPML the server also serves (imported from a file)
    subs.write_bytes(server.routes["/subs.opml"].body)
    assert main(["feeds", "import", str(subs), *lib]) == 1  # one bad entry
    out, err = capsys.readouterr()
    assert "added 3 feed(s)" in out and "ftp://nope.invalid/x" in err
    assert main(["feeds", "refresh", *lib]) == 0
    out, _ = capsys.readouterr()
    assert "4 new article(s)" in out
    assert main(["feeds", "list", *lib]) == 0
    out, _ = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 3 and all("last success 20" in line for line in lines)
    assert any(line.split("\t")[1] == "Wires" and "Alpha News" in line for line in lines)
    assert main(["feeds", "export", *lib]) == 0
    opml, _ = capsys.readouterr()
    assert opml.count("xmlUrl=") == 3 and '<outline text="Wires"' in opml
    # The exported OPML imports into a fresh library as the same three feeds.
    path = tmp_path / "out.opml"
    path.write_text(opml, encoding="utf-8")
    assert main(["feeds", "import", str(path), "--library", str(tmp_path / "b.sqlite")]) == 0
    assert "added 3 feed(s)" in capsys.readouterr().out


def test_refresh_prints_one_line_per_failing_feed(tmp_path, server, capsys):
    lib = _lib(tmp_path)
    for path in ("/missing.xml", "/wire-a.xml", "/loop-a"):
        assert main(["feeds", "add", server.url(path), *lib]) == 0
    capsys.readouterr()
    assert main(["feeds", "refresh", "--timeout", "2", *lib]) == 1
    out, err = capsys.readouterr()
    errors = sorted(err.strip().splitlines())
    assert len(errors) == 2
    assert errors[0].endswith("/missing.xml: HTTP 404 Not Found")  # f1
    assert errors[1].endswith("/loop-a: redirect loop")  # f3
    assert "2 failed" in out
    main(["feeds", "list", *lib])
    listing = capsys.readouterr().out
    assert "last error HTTP 404 Not Found" in listing and "last error none" in listing


def test_rename_move_remove_and_usage_errors(tmp_path, capsys):
    lib = _lib(tmp_path)
    assert main(["feeds", "add", "not a url", *lib]) == 2
    assert main(["feeds", "add", "http://127.0.0.1:9/f.xml", *lib]) == 0
    assert main(["feeds", "rename", "f1", "Local", *lib]) == 0
    assert main(["feeds", "move", "f1", "Tests", *lib]) == 0
    capsys.readouterr()
    main(["feeds", "list", "--folder", "Tests", *lib])
    assert "\tTests\tLocal\t" in capsys.readouterr().out
    assert main(["feeds", "remove", "f1", *lib]) == 0
    assert main(["feeds", "remove", "f1", *lib]) == 2
    assert main(["feeds", "frobnicate", *lib]) == 2


def test_export_writes_a_library_story_with_its_edited_version(tmp_path, server, capsys):
    lib = _lib(tmp_path)
    for path in ("/wire-a.xml", "/wire-b.atom", "/wire-c.json", "/harvest.xml"):
        main(["feeds", "add", server.url(path), *lib])
    main(["feeds", "refresh", *lib])
    server.harvest["text"] = stories.HARVEST_V2
    main(["feeds", "refresh", *lib])
    capsys.readouterr()
    main(["list", *lib])
    listing = capsys.readouterr().out
    story_lines = [line for line in listing.splitlines() if not line.startswith(" ")]
    bridge = next(line.split("\t")[0] for line in story_lines if "(3 versions)" in line)
    harvest = next(line.split("\t")[0] for line in story_lines if "(2 versions)" in line)
    out = tmp_path / "bridge.json"
    assert main(["export", "--story", bridge, "-o", str(out), *lib]) == 0
    doc = json.loads(out.read_text())
    assert doc["schema"] == "parallax/1" and [s["id"] for s in doc["stories"]] == [bridge]
    assert {a["outlet"] for a in doc["articles"]} == {"Alpha News", "Beta Herald", "Gamma Daily"}
    members = [i for p in doc["stories"][0]["passages"] for i in p["members"]]
    assert set(members) == {a["id"] for a in doc["articles"]}
    md = tmp_path / "harvest.md"
    assert main(["export", "--story", harvest, "--format", "md", "-o", str(md), *lib]) == 0
    text = md.read_text()
    assert "Delta Farm Post (edit 1, 20" in text and "33 million tonnes" in text
    html = tmp_path / "bridge.html"
    assert main(["export", "--story", bridge, "-o", str(html), *lib]) == 0
    page = html.read_text()
    assert "tracker.invalid" not in page and "alert(" not in page
    for fmt in ("csv", "pdf"):
        path = tmp_path / f"bridge.{fmt}"
        assert main(["export", "--story", bridge, "-o", str(path), *lib]) == 0
        data = path.read_bytes()
        assert data.startswith(b"%PDF") if fmt == "pdf" else b"Gamma Daily" in data
    assert main(["export", "--story", "s999", "-o", str(out), *lib]) == 2
    assert main(["export", "--story", bridge, "-o", str(tmp_path / "x.doc"), *lib]) == 2


def test_feed_file_imports_offline(tmp_path, capsys):
    from tests.feedserver import paragraphs, rss

    feed = tmp_path / "saved.rss"
    feed.write_bytes(rss("Offline Times", [{"guid": "o1", "title": "Orchestra tour",
                                            "link": "http://example.invalid/o1",
                                            "html": paragraphs(*stories.ORCHESTRA)}]))
    lib = _lib(tmp_path)
    assert main(["feeds", "file", str(feed), *lib]) == 0
    assert "1 new article(s)" in capsys.readouterr().out
    assert main(["feeds", "file", str(feed), *lib]) == 0
    assert "0 new article(s)" in capsys.readouterr().out
    main(["list", *lib])
    assert "Offline Times" in capsys.readouterr().out
    # A local file is never fetched by refresh.
    assert main(["feeds", "refresh", *lib]) == 0
    assert "refreshed 0 feed(s)" in capsys.readouterr().out
