"""The `parallax` command: argument parsing, calls into the core, printing."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from reader import __version__
from reader.core.settings import DEFAULT_STRICTNESS, AnalysisSettings
from reader.core.text.display import one_line, safe_name

COMMANDS = ("gui", "import", "list", "group", "compare", "repair", "remove", "feeds",
            "export")
FORMATS = ("json", "html", "md", "pdf", "csv")


class UsageError(Exception):
    """Bad command-line usage: exit status 2."""


def _add_analysis_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("analysis")
    group.add_argument("--strictness", type=float, default=DEFAULT_STRICTNESS,
                       help="grouping strictness from 0 (loose) to 1 (near copies only); "
                            f"default {DEFAULT_STRICTNESS}")
    group.add_argument("--ignore-case", action="store_true", help="word diffs ignore case")
    group.add_argument("--ignore-punctuation", action="store_true",
                       help="word diffs ignore punctuation")
    group.add_argument("--strict-quotes", action="store_true",
                       help="curly and straight quotes, apostrophes and dashes differ")
    group.add_argument("--strict-names", action="store_true",
                       help="spelling variants of a name (Zelensky/Zelenskyy) differ")
    group.add_argument("--reference", default=None,
                       help="outlet name or article id to diff against (default: automatic)")


def _settings_from(args: argparse.Namespace) -> AnalysisSettings:
    if not 0.0 <= args.strictness <= 1.0:
        raise UsageError("--strictness must be between 0 and 1")
    return AnalysisSettings(
        strictness=args.strictness,
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        normalize_quotes=not args.strict_quotes,
        name_variants=not args.strict_names,
        reference=args.reference,
        page_size=getattr(args, "page_size", "A4"),
    )


def _library_path(value: str) -> str:
    # An empty --library (e.g. from an unset shell variable) must not mean the default library.
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty path is not a library; omit --library "
                                         "for the default one")
    return value


def _add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="PATH", default=None, type=_library_path,
                        help="library database (default: $PARALLAX_LIBRARY or the user data dir)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Compare how different outlets tell the same news story.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop app, importing PATHs if given")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--screenshot", metavar="FILE.png",
                   help="render the main window (first multi-version story) to FILE.png and exit")
    p.add_argument("--view", choices=("side", "reader", "map"), default="side",
                   help="with --screenshot: which comparison view to show")
    p.add_argument("--size", default="1280x800", help="with --screenshot: window size WxH")
    p.add_argument("--theme", choices=("system", "light", "dark"), default=None,
                   help="colour theme (default: the saved preference)")
    _add_library_option(p)

    p = sub.add_parser("import", help="add files and folders to the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_library_option(p)
    p.add_argument("--strictness", type=float, default=DEFAULT_STRICTNESS,
                   help="grouping strictness for the new articles")

    p = sub.add_parser("list", help="stories and their versions in the library")
    _add_library_option(p)
    p.add_argument("--search", metavar="QUERY", help="only articles matching a full-text query")

    p = sub.add_parser("repair", help="rebuild a damaged library from its readable articles "
                                      "(the damaged file is kept next to it)")
    _add_library_option(p)

    p = sub.add_parser("remove", help="remove articles or whole stories from the library")
    p.add_argument("ids", nargs="+", metavar="ID", help="article (a12) or story (s3) ids")
    _add_library_option(p)

    p = sub.add_parser("group", help="analyse PATHs without the library and print JSON")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the parallax/1 JSON document")
    _add_analysis_options(p)

    p = sub.add_parser("compare", help="analyse PATHs and write a comparison report")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--story", action="append", metavar="ID",
                   help="only this story (repeatable; default: all stories)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="report format (default: from the output file's extension)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4", dest="page_size")
    _add_analysis_options(p)

    from reader import cli_feeds

    cli_feeds.add_parsers(sub, _add_library_option, _add_analysis_options)
    return parser


def _split_default(argv: list[str]) -> list[str]:
    """`parallax [PATH ...]` means `parallax gui [PATH ...]`."""
    if not argv:
        return ["gui"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    looks_like_path = os.path.exists(first) or any(c in first for c in (os.sep, "/", "."))
    if not first.startswith("-") and not looks_like_path:
        # Neither a command nor anything like a path: a typo, not files for the GUI.
        raise UsageError(f"unknown command {first!r} (commands: {', '.join(COMMANDS)}; "
                         "or give files and folders to open)")
    return ["gui", *argv]


def _err(message: str) -> None:
    print(f"parallax: {message}", file=sys.stderr)


def _report_rejected(rejected) -> None:
    for r in rejected:
        _err(f"{safe_name(r.source)}: {one_line(r.reason, None)}")


def _analyze(args: argparse.Namespace):
    from reader.core.pipeline import analyze_paths

    doc = analyze_paths(args.paths, _settings_from(args))
    ref = args.reference
    if ref and doc.articles and not any(ref in (a.id, a.outlet) for a in doc.articles):
        outlets = sorted({a.outlet for a in doc.articles})
        raise UsageError(f"--reference {ref!r} names no article id or outlet here "
                         f"(outlets: {', '.join(outlets[:8])}{'…' if len(outlets) > 8 else ''})")
    return doc


def _versions(n: int) -> str:
    return f"{n} version{'s' if n != 1 else ''}"


def cmd_group(args: argparse.Namespace) -> int:
    """Print the analysis of PATHs (JSON, or a short text summary)."""
    from reader.core.report.jsondoc import document_to_json

    doc = _analyze(args)
    _report_rejected(doc.rejected)
    if args.json:
        sys.stdout.write(document_to_json(doc) + "\n")
    else:
        by_id = doc.articles_by_id()
        for story in doc.stories:
            print(f"{story.id}  {one_line(story.title)}  ({_versions(len(story.article_ids))})")
            for aid in story.article_ids:
                art = by_id[aid]
                print(f"    {aid}  {one_line(art.outlet)}: {one_line(art.title)}")
    if not doc.articles and doc.rejected:
        return 1
    return 1 if doc.rejected else 0


def cmd_compare(args: argparse.Namespace) -> int:
    """Write a comparison report of PATHs."""
    from reader.core.report import export

    fmt = args.format or os.path.splitext(args.output)[1].lstrip(".").lower()
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise UsageError(f"cannot tell the report format from {args.output!r}: use --format")
    _check_output(args.output, args.paths)
    doc = _analyze(args)
    _report_rejected(doc.rejected)
    if not doc.articles:
        _err(f"no article could be read, so no report was written to {args.output}")
        return 1
    if args.story:
        known = {s.id for s in doc.stories}
        missing = [s for s in args.story if s not in known]
        if missing:
            raise UsageError(f"no story {', '.join(missing)} (stories: s1…s{len(known)})")
    pdf_writer = None
    if fmt == "pdf":
        from reader.ui.pdf import write_pdf as pdf_writer  # Qt only where a PDF is asked for
    try:
        export.write_report(doc, fmt, args.output, story_ids=args.story, pdf_writer=pdf_writer)
    except export.UnsafeOutput as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        _err(f"cannot write {args.output}: {exc.strerror or exc}")
        return 1
    print(f"wrote {args.output}")
    return 1 if doc.rejected else 0


def _check_output(output: str, paths: Sequence[str]) -> None:
    """-o must not name an input file or a library: the report would destroy it."""
    from reader.core.ingest.api import list_files
    from reader.core.library.connection import resolve_library_path
    from reader.core.report.export import UnsafeOutput, check_output

    inputs = [p for p in list_files(paths) if isinstance(p, str)]
    try:
        check_output(output, [*inputs, str(resolve_library_path(None))])
    except UnsafeOutput as exc:
        raise UsageError(str(exc)) from None


def cmd_import(args: argparse.Namespace) -> int:
    """Add PATHs to the library and print what was added and rejected."""
    from reader.core.library import commands

    return commands.import_command(args.paths, args.library, strictness=args.strictness)


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove articles or stories from the library."""
    from reader.core.library import commands

    return commands.remove_command(args.ids, args.library)


def cmd_list(args: argparse.Namespace) -> int:
    """Print the library's stories and versions."""
    from reader.core.library import commands

    return commands.list_command(args.library, search=args.search)


def cmd_repair(args: argparse.Namespace) -> int:
    """Rebuild the library from what is readable; keep the damaged file."""
    from reader.core.library import commands

    return commands.repair_command(args.library)


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop app (or render a screenshot and exit)."""
    from reader.app import run_app

    return run_app(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `parallax` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(_split_default(argv))
    except UsageError as exc:
        _err(str(exc))
        return 2
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    from reader import cli_feeds

    handlers = {"group": cmd_group, "compare": cmd_compare, "import": cmd_import,
                "list": cmd_list, "gui": cmd_gui, "repair": cmd_repair, "remove": cmd_remove,
                "feeds": cli_feeds.cmd_feeds,
                "export": lambda a: cli_feeds.cmd_export(a, _settings_from(a))}
    try:
        return handlers[args.command](args)
    except UsageError as exc:
        _err(str(exc))
        return 2
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
