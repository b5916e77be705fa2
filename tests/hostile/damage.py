"""Damage a library file on purpose: flipped bytes in its schema or in one table's pages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.library import Library
from tests.core.library.helpers import write_articles


def make_library(folder: Path, n: int = 60) -> Path:
    """A closed library of n small articles (no -wal left), at folder/lib.sqlite."""
    write_articles(folder / "in", n)
    lib = folder / "lib.sqlite"
    with Library.open(lib) as library:
        library.import_paths([str(folder / "in")])
    return lib


def flip_schema(lib: Path) -> None:
    """Overwrite part of the stored CREATE TABLE text of `articles` with invalid UTF-8."""
    data = bytearray(lib.read_bytes())
    at = data.find(b"CREATE TABLE articles")
    assert 0 < at < 65536
    data[at + 14:at + 20] = b"\xff\xfe\xff\xfe\xff\xfe"
    lib.write_bytes(bytes(data))


def table_pages(lib: Path, table: str) -> list[int]:
    """Page numbers (1-based) holding the b-tree of table or index `table`."""
    with sqlite3.connect(lib) as conn:
        return [p for (p,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))]


def scramble_pages(lib: Path, table: str, *, keep_first: bool = True) -> list[int]:
    """Fill the leaf content of a table's pages with garbage (its root too if not keep_first)."""
    with sqlite3.connect(lib) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = table_pages(lib, table)
    hit = pages[1:] if keep_first and len(pages) > 1 else pages
    hit = hit[: max(1, len(hit) // 2)]
    data = bytearray(lib.read_bytes())
    for page in hit:
        start = (page - 1) * size
        # Keep the page header (first 12 bytes) so SQLite reaches the cells and finds them bad.
        data[start + 12:start + size] = bytes((i * 37 + 11) % 256 for i in range(size - 12))
    lib.write_bytes(bytes(data))
    return hit
