"""The `parallax import` and `parallax list` commands (placeholder until the library lands)."""

from __future__ import annotations

import sys


def import_command(paths, library_path, *, strictness: float) -> int:
    """Import paths into the library; print what was added and rejected."""
    print("parallax: the library is not built yet", file=sys.stderr)
    return 1


def list_command(library_path, *, search=None) -> int:
    """Print the stories and versions in the library."""
    print("parallax: the library is not built yet", file=sys.stderr)
    return 1
