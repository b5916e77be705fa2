"""The `parallax import` and `parallax list` commands: thin printing around Library."""

from __future__ import annotations

import sqlite3
import sys

from reader.core.library.connection import LibraryError
from reader.core.library.library import Library


def _err(message: str) -> None:
    print(f"parallax: {message}", file=sys.stderr)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def import_command(paths, library_path, *, strictness: float) -> int:
    """Import paths into the library; print what was added and rejected.

    Exit status: 0 all imported, 1 something was rejected, 2 the library cannot be used.
    """
    if not 0.0 <= strictness <= 1.0:
        _err("--strictness must be between 0 and 1")
        return 2
    try:
        with Library.open(library_path) as lib:
            summary = lib.import_paths(list(paths), strictness=strictness)
            story_of = lib.stories_of([ref.id for ref in summary.added])
    except LibraryError as exc:
        _err(str(exc))
        return 2
    except sqlite3.Error as exc:  # locked by another writer too long, disk full, ...
        _err(f"library {library_path or 'default'}: {exc}; files committed so far are kept")
        return 1
    for ref in summary.added:
        story = story_of.get(ref.id, "-")
        print(f"{ref.id}\t{story}\t{_one_line(ref.outlet)}\t{_one_line(ref.title)}")
    for rejection in summary.rejected:
        _err(f"{rejection.source}: {_one_line(rejection.reason)}")
    print(f"added {len(summary.added)} article(s), skipped {summary.duplicates} duplicate(s), "
          f"rejected {len(summary.rejected)} file(s); {len(summary.stories)} story(ies) updated")
    return 1 if summary.rejected else 0


def list_command(library_path, *, search=None) -> int:
    """Print the stories and their versions (with --search, only matching versions)."""
    try:
        with Library.open(library_path) as lib:
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
        _err(f"library {library_path or 'default'}: {exc}")
        return 1
    if search is not None:
        print(f"{shown} matching article(s) in {len(rows)} of {total} story(ies)")
    elif not rows:
        print("the library is empty: add articles with `parallax import PATH`")
    return 0


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
