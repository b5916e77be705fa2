"""Where articles came from: source rows, and recognising one file under another name."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from reader.core.ingest.metadata import outlet_from_source
from reader.core.model import FileResult


def file_fingerprint(result: FileResult) -> str:
    """What a file says, whatever it is called: every article's title, text, date and url.

    The outlet counts only when the file itself names it (front matter, a web page's site
    name): one guessed from the file name must not make a renamed copy a different file.
    Two different files sharing one wire story still differ (their other articles do).
    """
    payload = json.dumps([[a.part, a.title, list(a.sentences), a.date, a.url,
                           None if a.outlet == outlet_from_source(a.source) else a.outlet]
                          for a in result.articles], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()


def source_row(conn: sqlite3.Connection, path: str, now: str, fingerprint: str) -> int:
    """The id of the source row for path (inserted, or refreshed on a re-import)."""
    # (RETURNING clauses made each statement several times slower here.)
    conn.execute(
        "INSERT INTO sources(path, imported_at, fingerprint) VALUES (?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET imported_at = excluded.imported_at, "
        "fingerprint = excluded.fingerprint", (path, now, fingerprint))
    return conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()[0]
