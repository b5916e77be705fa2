"""The `parallax feeds …` and `parallax export` sub-commands (kept out of cli.py)."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys

from reader.core.text.display import one_line

FORMATS = ("json", "html", "md", "pdf", "csv")


def _err(message: str) -> None:
    print(f"parallax: {message}", file=sys.stderr)


def add_parsers(sub, add_library_option, add_analysis_options) -> None:
    """Register `feeds` and `export` on the main parser's sub-parsers."""
    p = sub.add_parser("feeds", help="feed subscriptions; `feeds refresh` fetches them")
    _add = add_library_option
    fsub = p.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    q = fsub.add_parser("add", help="subscribe to a feed URL")
    q.add_argument("url", metavar="URL")
    q.add_argument("--title", default="", help="show the feed under this name")
    q.add_argument("--folder", default="", help="put the feed in this folder")
    _add(q)
    q = fsub.add_parser("import", help="subscribe to every feed of an OPML file")
    q.add_argument("file", metavar="FILE.opml")
    _add(q)
    q = fsub.add_parser("export", help="print the subscriptions as OPML (or write -o FILE)")
    q.add_argument("-o", "--output", metavar="FILE", default=None)
    _add(q)
    q = fsub.add_parser("list", help="subscriptions with their last success and last error")
    q.add_argument("--folder", default=None, help="only the feeds in this folder")
    _add(q)
    q = fsub.add_parser("rename", help="show a feed under another name")
    q.add_argument("id", metavar="ID")
    q.add_argument("title", metavar="TITLE")
    _add(q)
    q = fsub.add_parser("move", help="put a feed in a folder ('' for none)")
    q.add_argument("id", metavar="ID")
    q.add_argument("folder", metavar="FOLDER")
    _add(q)
    q = fsub.add_parser("remove", help="unsubscribe (the articles stay in the library)")
    q.add_argument("ids", nargs="+", metavar="ID")
    _add(q)
    q = fsub.add_parser("refresh", help="fetch every feed (the only command using the network)")
    q.add_argument("ids", nargs="*", metavar="ID", help="only these feeds")
    q.add_argument("--no-pages", action="store_true",
                   help="do not fetch linked pages for summary-only items")
    q.add_argument("--timeout", type=float, default=20.0, help="seconds per request (20)")
    _add(q)
    q = fsub.add_parser("file", help="import the items of a feed file offline")
    q.add_argument("paths", nargs="+", metavar="FILE")
    _add(q)

    p = sub.add_parser("export", help="write a story of the library as a report")
    p.add_argument("--story", action="append", required=True, metavar="ID",
                   help="story id as `parallax list` prints it (repeatable)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="report format (default: from the output file's extension)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4", dest="page_size")
    add_library_option(p)
    add_analysis_options(p)


def cmd_feeds(args: argparse.Namespace) -> int:
    """Run one `parallax feeds` action; exit 0, 1 (some feeds failed) or 2 (usage)."""
    from reader.core.library import Library, LibraryError

    try:
        with Library.open(args.library) as lib:
            return _FEEDS[args.feeds_command](lib, args)
    except LibraryError as exc:
        _err(str(exc))
        return 2
    except sqlite3.Error as exc:
        _err(f"library {args.library or 'default'}: {exc}")
        return 1


def _feed_or_none(store, feed_id: str):
    try:
        return store.get(feed_id)
    except KeyError:
        _err(f"no feed {feed_id} (see `parallax feeds list`)")
        return None


def _add(lib, args) -> int:
    from reader.core.feeds import FeedStore

    try:
        feed, new = FeedStore(lib).add(args.url, title=args.title, folder=args.folder)
    except ValueError as exc:
        _err(str(exc))
        return 2
    print(f"{feed.id}\t{feed.url}\t{'added' if new else 'already subscribed'}")
    if new:
        print("fetch it with `parallax feeds refresh`")
    return 0


def _import(lib, args) -> int:
    from reader.core.feeds import import_opml

    try:
        # A file only: refresh is the one command that uses the network (SPEC).
        with open(args.file, "rb") as fh:
            data = fh.read()
        done = import_opml(lib, data)
    except OSError as exc:
        _err(f"{args.file}: {exc.strerror or exc}")
        return 1
    except ValueError as exc:
        _err(f"{args.file}: {exc}")
        return 1
    for where, reason in done.rejected:
        _err(f"{args.file}: {one_line(where)}: {reason}")
    print(f"added {len(done.added)} feed(s), {len(done.existing)} already subscribed, "
          f"rejected {len(done.rejected)}")
    return 1 if done.rejected else 0


def _export(lib, args) -> int:
    from reader.core.feeds import export_opml

    text = export_opml(lib)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        _err(f"cannot write {args.output}: {exc.strerror or exc}")
        return 1
    print(f"wrote {args.output}")
    return 0


def _list(lib, args) -> int:
    from reader.core.feeds import FeedStore

    feeds = FeedStore(lib).list(folder=args.folder)
    for f in feeds:
        print(f"{f.id}\t{f.folder or '-'}\t{one_line(f.title)}\t{f.url}\t{f.items} item(s)\t"
              f"last success {f.last_success or 'never'}\t"
              f"last error {one_line(f.last_error) or 'none'}")
    if not feeds:
        print("no feeds: add one with `parallax feeds add URL`")
    return 0


def _rename(lib, args) -> int:
    from reader.core.feeds import FeedStore

    store = FeedStore(lib)
    if _feed_or_none(store, args.id) is None:
        return 2
    feed = store.rename(args.id, args.title)
    print(f"{feed.id}\t{feed.title}")
    return 0


def _move(lib, args) -> int:
    from reader.core.feeds import FeedStore

    store = FeedStore(lib)
    if _feed_or_none(store, args.id) is None:
        return 2
    feed = store.move(args.id, args.folder)
    print(f"{feed.id}\t{feed.folder or '-'}\t{feed.title}")
    return 0


def _remove(lib, args) -> int:
    from reader.core.feeds import FeedStore

    store = FeedStore(lib)
    status = 0
    for feed_id in args.ids:
        if _feed_or_none(store, feed_id) is None:
            status = 2
            continue
        feed = store.remove(feed_id)
        print(f"removed {feed.id}\t{feed.title} (its articles stay in the library)")
    return status


def _refresh(lib, args) -> int:
    from reader.core.feeds import Fetcher, refresh_feeds

    store_ids = args.ids or None
    if store_ids:
        from reader.core.feeds import FeedStore

        store = FeedStore(lib)
        if any(_feed_or_none(store, f) is None for f in store_ids):
            return 2
    report = refresh_feeds(lib, store_ids, fetcher=Fetcher(timeout=args.timeout,
                                                           total_timeout=3 * args.timeout),
                           fetch_pages=not args.no_pages)
    for o in report.failed:  # one line per failing feed
        _err(f"{o.feed_id} {o.url}: {o.error}")
    print(f"refreshed {len(report.outcomes)} feed(s): {report.added} new article(s), "
          f"{report.edited} edited, {sum(o.not_modified for o in report.outcomes)} unchanged "
          f"feed(s), {len(report.failed)} failed; {len(report.stories)} story(ies) updated")
    return 1 if report.failed else 0


def _file(lib, args) -> int:
    from reader.core.feeds import FeedError, import_feed_file

    status = 0
    for path in args.paths:
        try:
            outcome, _stories = import_feed_file(lib, path)
        except OSError as exc:
            _err(f"{path}: {exc.strerror or exc}")
            status = 1
            continue
        except FeedError as exc:
            _err(f"{path}: {exc}")
            status = 1
            continue
        print(f"{path}: {outcome.added} new article(s), {outcome.edited} edited "
              f"({outcome.title})")
    return status


_FEEDS = {"add": _add, "import": _import, "export": _export, "list": _list,
          "rename": _rename, "move": _move, "remove": _remove, "refresh": _refresh,
          "file": _file}


def cmd_export(args: argparse.Namespace, settings) -> int:
    """Write library stories as a report (same formats and writer as `compare`)."""
    from reader.core.library import Library, LibraryError
    from reader.core.library.document import story_document
    from reader.core.report import export

    fmt = args.format or os.path.splitext(args.output)[1].lstrip(".").lower()
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt not in FORMATS:
        _err(f"cannot tell the report format from {args.output!r}: use --format")
        return 2
    try:
        with Library.open(args.library) as lib:
            lib.group_pending()
            try:
                doc = story_document(lib, args.story, settings)
            except KeyError as exc:
                _err(f"no story {exc.args[0]} in the library (see `parallax list`)")
                return 2
    except LibraryError as exc:
        _err(str(exc))
        return 2
    pdf_writer = None
    if fmt == "pdf":
        from reader.ui.pdf import write_pdf as pdf_writer  # Qt only where a PDF is asked for
    try:
        export.write_report(doc, fmt, args.output, pdf_writer=pdf_writer)
    except OSError as exc:
        _err(f"cannot write {args.output}: {exc.strerror or exc}")
        return 1
    print(f"wrote {args.output}")
    return 0
