"""When the library was last looked at, for "new since last visit"."""

from __future__ import annotations

from datetime import UTC, datetime

LAST_VISIT_KEY = "last_visit"


def last_visit(library) -> str | None:
    """The ISO time the app last recorded a visit (None if never)."""
    row = library._conn.execute("SELECT value FROM meta WHERE key = ?",
                                (LAST_VISIT_KEY,)).fetchone()
    return None if row is None else str(row[0])


def record_visit(library, when: str | None = None) -> str:
    """Store now (or WHEN) as the last visit; return it."""
    when = when or datetime.now(UTC).isoformat(timespec="seconds")
    with library._write() as conn:
        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) "
                     "DO UPDATE SET value = excluded.value", (LAST_VISIT_KEY, when))
    return when
