"""The `parallax import` and `parallax list` commands: thin printing around Library."""

from __future__ import annotations

import sqlite3
import sys

from reader.core.library.connection import LibraryError, damaged_message, is_damage, \
    resolve_library_path
from reader.core.library.library import Library
from reader.core.library.rows import ImportAborted
from reader.core.text.display import one_line, safe_name


def _err(message: str) -> None:
    print(f"parallax: {message}", file=sys.stderr)


def _one_line(text: str | None) -> str:
    return one_line(text)


def import_command(paths, library_path, *, strictness: float) -> int:
    """Import paths into the library; print what was added and rejected.

    Exit status: 0 all imported, 1 something was rejected, 2 the library cannot be used.
    """
    if not 0.0 <= strictness <= 1.0:
        _err("--strictness must be between 0 and 1")
        return 2
    aborted = None
    try:
        with Library.open(library_path) as lib:
            try:
                summary = lib.import_paths(list(paths), strictness=strictness)
            except ImportAborted as exc:
                aborted, summary = exc, exc.summary
            story_of = _stories_of(lib, [ref.id for ref in summary.added])
    except LibraryError as exc:
        _err(str(exc))
        return 2
    except sqlite3.Error as exc:  # the library could not even be opened or read
        if is_damage(exc):
            _err(damaged_message(resolve_library_path(library_path), exc))
            return 2
        _err(f"library {library_path or 'default'}: {exc}")
        return 1
    for ref in summary.added:
        story = story_of.get(ref.id, "-")
        print(f"{ref.id}\t{story}\t{_one_line(ref.outlet)}\t{_one_line(ref.title)}")
    for rejection in summary.rejected:
        _err(f"{safe_name(rejection.source)}: {_one_line(rejection.reason)}")
    counts = (f"added {len(summary.added)} article(s), skipped {summary.duplicates} "
              f"duplicate(s), rejected {len(summary.rejected)} file(s)")
    if aborted is not None:
        why = ("interrupted" if aborted.interrupted
               else f"stopped ({_one_line(str(aborted.cause)) or type(aborted.cause).__name__})")
        if is_damage(aborted.cause):
            why += f"; {damaged_message(resolve_library_path(library_path), aborted.cause)}"
        print(f"{counts}; import {why}")
        _err(f"import {why}: the {len(summary.added)} article(s) listed above are saved; "
             "any not yet grouped are grouped by the next import or list")
        return 130 if aborted.interrupted else 1
    print(f"{counts}; {len(summary.stories)} story(ies) updated")
    return 1 if summary.rejected else 0


def _stories_of(lib: Library, ids: list[str]) -> dict[str, str]:
    """Story of each added article; after a failure, as far as the library can still say."""
    try:
        return lib.stories_of(ids)
    except (sqlite3.Error, KeyboardInterrupt):
        return {}


def list_command(library_path, *, search=None) -> int:
    """Print the stories and their versions (with --search, only matching versions)."""
    try:
        with Library.open(library_path) as lib:
            if not lib.read_only_reason:
                lib.group_pending()  # articles an interrupted import stored but did not group
            matches = set(lib.search(search)) if search is not None else None
            rows = lib.stories(search=search)
            shown = 0
            for row in rows:
                ids = [a for a in row.article_ids if matches is None or a in matches]
                print(f"{row.id}\t{_one_line(row.title)}\t({row.n_versions} version"
                      f"{'s' if row.n_versions != 1 else ''})")
                for art in lib.articles(ids):
                    print(f"    {art.id}\t{_one_line(art.outlet)}\t{art.date or '-'}\t"
                          f"{_one_line(art.title)}")
                    shown += 1
            total = lib.count_stories()
    except LibraryError as exc:
        _err(str(exc))
        return 2
    except sqlite3.Error as exc:
        if is_damage(exc):
            _err(damaged_message(resolve_library_path(library_path), exc))
            return 2
        _err(f"library {library_path or 'default'}: {exc}")
        return 1
    if search is not None:
        print(f"{shown} matching article(s) in {len(rows)} of {total} story(ies)")
    elif not rows:
        print("the library is empty: add articles with `parallax import PATH`")
    return 0


def repair_command(library_path) -> int:
    """Salvage the readable articles into a fresh library; the damaged file is kept."""
    from reader.core.library.repair import repair_library

    try:
        report = repair_library(library_path)
    except LibraryError as exc:
        _err(str(exc))
        return 2
    except (OSError, sqlite3.Error) as exc:
        _err(f"repair failed, the library was left as it is: {exc}")
        return 1
    print(f"repaired {report.library}: kept {report.articles} article(s)"
          f"{f', lost {report.lost} unreadable one(s)' if report.lost else ''}, "
          f"{report.decisions} grouping decision(s); stories regrouped")
    print(f"the damaged file was kept as {report.kept_as}")
    return 1 if report.lost else 0


def remove_command(ids, library_path) -> int:
    """Remove articles ("a12") or stories ("s3") from the library.

    Exit status: 0 removed, 2 an id is not in the library (nothing removed) or the library
    cannot be used.
    """
    try:
        with Library.open(library_path) as lib:
            removed = lib.remove(list(ids))
    except (KeyError, ValueError) as exc:
        bad = exc.args[0] if exc.args else "?"
        _err(f"no article or story {bad} in the library; nothing was removed "
             "(`parallax list` shows the ids)")
        return 2
    except LibraryError as exc:
        _err(str(exc))
        return 2
    except sqlite3.Error as exc:
        _err(f"library {library_path or 'default'}: {exc}; nothing was removed")
        return 1
    n = len(removed.article_ids)
    print(f"removed {n} article{'s' if n != 1 else ''}: {' '.join(removed.article_ids)}")
    return 0
